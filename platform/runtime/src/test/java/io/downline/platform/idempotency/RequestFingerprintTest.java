package io.downline.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    @Test
    void aPlainBodyIsHashedWithMethodAndPathAsBefore() throws Exception {
        byte[] body = "{\"amount\":\"10.00\"}".getBytes(StandardCharsets.UTF_8);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        expected.update("POST /api/payouts?x=1\n".getBytes(StandardCharsets.UTF_8));
        expected.update(body);
        RequestFingerprint.Read read = RequestFingerprint.read("POST", "/api/payouts?x=1", new ByteArrayInputStream(body), null);
        assertThat(read.fingerprint()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(read.body().readAllBytes()).isEqualTo(body);
    }

    @Test
    void multipartBodiesDifferingOnlyInTheirBoundaryAreTheSameRequest() throws IOException {
        String first = fingerprint(multipart("a1b2c3", "same file"), "a1b2c3");
        assertThat(fingerprint(multipart("zz-99-boundary", "same file"), "zz-99-boundary")).isEqualTo(first);
        assertThat(fingerprint(multipart("a1b2c3", "other file"), "a1b2c3")).isNotEqualTo(first);
        assertThat(fingerprint(multipart("a1b2c3", "same file"), null)).isNotEqualTo(first);
    }

    @Test
    void aBoundaryCutBetweenTwoReadsIsStillLeftOut() throws Exception {
        byte[] body = multipart("aab", "x aa aab y");
        String stripped = new String(body, StandardCharsets.ISO_8859_1).replace("aab", "");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(stripped.getBytes(StandardCharsets.ISO_8859_1)));
        for (int cut = 0; cut <= body.length; cut++) {
            RequestFingerprint.BoundaryStrippingDigest split = digest("aab");
            split.update(Arrays.copyOfRange(body, 0, cut), cut);
            split.update(Arrays.copyOfRange(body, cut, body.length), body.length - cut);
            assertThat(split.finish()).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void aMultipartBodyLongerThanTheDigestsBufferHashesExactlyWhatIsNotTheBoundary() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; content.length() < 50_000; i++) {
            content.append("line ").append(i).append(" aa a").append(i % 7 == 0 ? "ab" : "").append('\n');
        }
        byte[] body = multipart("aab", content.toString());
        String stripped = new String(body, StandardCharsets.ISO_8859_1).replace("aab", "");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(stripped.getBytes(StandardCharsets.ISO_8859_1)));
        RequestFingerprint.BoundaryStrippingDigest digest = digest("aab");
        for (int offset = 0; offset < body.length; offset += 3_001) {
            int length = Math.min(3_001, body.length - offset);
            digest.update(Arrays.copyOfRange(body, offset, offset + length), length);
        }
        assertThat(digest.finish()).isEqualTo(expected);
    }

    @Test
    void aLargeBodyIsSpooledAndReadBackWhole() throws IOException {
        byte[] body = new byte[RequestFingerprint.IN_MEMORY_LIMIT * 3 + 17];
        Arrays.fill(body, (byte) 7);
        body[body.length - 1] = 9;
        RequestFingerprint.Read read = RequestFingerprint.read("POST", "/upload", new ByteArrayInputStream(body), null);
        try (InputStream again = read.body()) {
            assertThat(again).isNotInstanceOf(ByteArrayInputStream.class);
            assertThat(again.readAllBytes()).isEqualTo(body);
        }
        assertThat(read.fingerprint()).isEqualTo(
                RequestFingerprint.read("POST", "/upload", new ByteArrayInputStream(body.clone()), null).fingerprint());
    }

    private static String fingerprint(byte[] body, String boundary) throws IOException {
        return RequestFingerprint.read("POST", "/api/kyc/cases/1/documents", new ByteArrayInputStream(body), boundary)
                .fingerprint();
    }

    private static byte[] multipart(String boundary, String content) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.txt\"\r\n\r\n"
                + content + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static RequestFingerprint.BoundaryStrippingDigest digest(String pattern) {
        try {
            return new RequestFingerprint.BoundaryStrippingDigest(MessageDigest.getInstance("SHA-256"),
                    pattern.getBytes(StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
