package io.downline.notification.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.downline.platform.testing.Tokens;

/**
 * The browser test's OpenID provider, with Keycloak's endpoint paths: the authorization endpoint logs in the
 * subject the test chose ({@link #logInAs}) and redirects back with a code and the page's state; the token
 * endpoint checks the PKCE verifier against the S256 challenge and answers with a real signed token
 * ({@link Tokens}). It checks what Keycloak would check of a public client using PKCE.
 */
public final class TestLoginServer {

    private record Pending(String challenge, String redirectUri, String subject) {
    }

    private final HttpServer server;
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private volatile String subject = "nobody";

    private TestLoginServer(HttpServer server) {
        this.server = server;
    }

    static TestLoginServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestLoginServer login = new TestLoginServer(server);
            server.createContext("/realms/test/protocol/openid-connect/auth", login::authorize);
            server.createContext("/realms/test/protocol/openid-connect/token", login::token);
            server.start();
            return login;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String realmUrl() {
        return origin() + "/realms/test";
    }

    /** The next browser login logs in as this subject (role member). */
    public void logInAs(String subject) {
        this.subject = subject;
    }

    void stop() {
        server.stop(0);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null || !Tokens.CLIENT.equals(query.get("client_id"))) {
            answer(exchange, 400, "text/plain", "authorization code with PKCE (S256) for downline-web only");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Pending(query.get("code_challenge"), query.get("redirect_uri"), subject));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Pending pending = codes.remove(String.valueOf(form.get("code")));
        if (pending == null || !"authorization_code".equals(form.get("grant_type"))
                || !pending.redirectUri().equals(form.get("redirect_uri"))
                || !pending.challenge().equals(s256(String.valueOf(form.get("code_verifier"))))) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        answer(exchange, 200, "application/json", "{\"access_token\":\"" + Tokens.member(pending.subject())
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
