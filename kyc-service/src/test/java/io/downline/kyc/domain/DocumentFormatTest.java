package io.downline.kyc.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DocumentFormatTest {

    @Test
    void formatsAreRecognisedByTheirMagicBytesOnly() {
        assertThat(DocumentFormat.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(DocumentFormat.PDF);
        assertThat(DocumentFormat.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }))
                .contains(DocumentFormat.JPEG);
        assertThat(DocumentFormat.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }))
                .contains(DocumentFormat.PNG);
        assertThat(DocumentFormat.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentFormat.sniff("<html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentFormat.sniff(new byte[] { (byte) 0xFF })).isEmpty();
    }

    @Test
    void aTruncatedTailIsNoticed() {
        assertThat(DocumentFormat.JPEG.completeTail(new byte[] { 1, (byte) 0xFF, (byte) 0xD9 })).isTrue();
        assertThat(DocumentFormat.JPEG.completeTail(new byte[] { (byte) 0xFF, (byte) 0xD9, 0 })).isFalse();
        assertThat(DocumentFormat.PDF.completeTail("xref\n%%EOF\r\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(DocumentFormat.PDF.completeTail("stream\nendobj\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
        byte[] iend = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
        assertThat(DocumentFormat.PNG.completeTail(iend)).isTrue();
        assertThat(DocumentFormat.PNG.completeTail(new byte[] { 0, 0, 0, 0, 'I', 'D', 'A', 'T' })).isFalse();
    }
}
