package io.downline.kyc.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The content types a document may have, recognised by their magic bytes (never by the file name or the declared
 * type), each with the bytes its last data must end with, so that a truncated upload is caught.
 */
public enum DocumentFormat {
    PDF("application/pdf", "pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
    JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
    PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });

    /** How many leading bytes {@link #sniff} needs at most. */
    public static final int HEAD_LENGTH = 8;
    /** How many trailing bytes {@link #completeTail} looks at. */
    public static final int TAIL_LENGTH = 1024;

    private static final byte[] PNG_IEND = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
    private static final byte[] PDF_EOF = { '%', '%', 'E', 'O', 'F' };

    private final String contentType;
    private final String extension;
    private final byte[] magic;

    DocumentFormat(String contentType, String extension, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static DocumentFormat ofContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown document content type " + contentType));
    }

    /** The format whose magic bytes start {@code head}, if any. */
    public static Optional<DocumentFormat> sniff(byte[] head) {
        return Arrays.stream(values()).filter(format -> startsWith(head, format.magic)).findFirst();
    }

    /**
     * Whether the last bytes of the file end the format's data: a JPEG's end-of-image marker, a PNG's IEND
     * chunk, a PDF's {@code %%EOF} (which may be followed by line ends or padding).
     */
    public boolean completeTail(byte[] tail) {
        return switch (this) {
            case JPEG -> tail.length >= 2 && tail[tail.length - 2] == (byte) 0xFF && tail[tail.length - 1] == (byte) 0xD9;
            case PNG -> tail.length >= PNG_IEND.length
                    && Arrays.equals(tail, tail.length - PNG_IEND.length, tail.length, PNG_IEND, 0, PNG_IEND.length);
            case PDF -> indexOf(tail, PDF_EOF) >= 0;
        };
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = data.length - part.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
