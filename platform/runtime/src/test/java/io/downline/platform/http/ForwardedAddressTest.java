package io.downline.platform.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.downline.platform.testing.DownlineTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The client address (the audit's, the anonymous rate-limit key) is the {@code X-Forwarded-For} address only
 * when the connection comes from a trusted proxy. The test application trusts 127.0.0.1; connections from
 * 127.0.0.2 (loopback too) play a client that talks to the service directly and forges the header.
 */
@QuarkusTest
@WithTestResource(DownlineTestResource.class)
class ForwardedAddressTest {

    @Test
    void behindATrustedProxyTheForwardedAddressCounts() {
        given().header("X-Forwarded-For", "203.0.113.9").get("/test/http/client-address")
                .then().statusCode(200).body(equalTo("203.0.113.9"));

        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").get("/test/limited").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.7").get("/test/limited").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.8").get("/test/limited").then().statusCode(200);
    }

    @Test
    void fromAnUntrustedAddressTheHeaderIsIgnored() throws IOException {
        assertThat(untrusted("/test/http/client-address", "198.51.100.1")).endsWith("\r\n\r\n127.0.0.2");

        for (int i = 1; i <= 3; i++) {
            assertThat(untrusted("/test/limited", "198.51.100." + i)).startsWith("HTTP/1.1 200");
        }
        // Every forged address shares the socket address's bucket, which is now empty...
        assertThat(untrusted("/test/limited", "198.51.100.4")).startsWith("HTTP/1.1 429");
        // ...while the same forwarded address from the trusted proxy is a caller of its own.
        given().header("X-Forwarded-For", "198.51.100.1").get("/test/limited").then().statusCode(200);
    }

    /** A GET from 127.0.0.2 with the given X-Forwarded-For; the whole raw response. */
    private static String untrusted(String path, String forwardedFor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
