package io.downline.kyc.domain;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import io.downline.kyc.domain.DocumentRejected.Reason;

/**
 * Proves a file is a JPEG that a decoder (the JDK's, a browser's) accepts, reading it once: the segments from
 * start-of-image to end-of-image with consistent lengths, exactly one frame header of a coding they decode
 * (baseline, extended sequential or progressive Huffman, 8-bit) with valid dimensions (at most {@code maxPixels})
 * and 1 to 4 components, quantisation and Huffman tables, at least one scan after the frame header, and
 * entropy-coded data holding only byte stuffing and restart markers until the next segment. Decoding the Huffman
 * data itself is left out: a decoder only warns about damaged entropy data and still delivers a picture.
 */
public final class JpegCheck {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DQT = 0xDB;
    private static final int DHT = 0xC4;
    private static final int TEM = 0x01;

    private final ByteReader in;
    private final long maxPixels;

    private JpegCheck(InputStream in, long maxPixels) {
        this.in = new ByteReader(in);
        this.maxPixels = maxPixels;
    }

    /** @param in the whole file, from its first byte on */
    public static void check(InputStream in, long maxPixels) throws IOException {
        new JpegCheck(in, maxPixels).run();
    }

    private void run() throws IOException {
        try {
            if (in.u8() != 0xFF || in.u8() != SOI) {
                throw unreadable("it does not start with a start-of-image marker");
            }
            boolean frame = false;
            boolean quantisation = false;
            boolean huffman = false;
            boolean scan = false;
            int marker = nextMarker();
            while (marker != EOI) {
                if (marker == SOI || marker == TEM || (marker >= 0xD0 && marker <= 0xD7)) {
                    throw unreadable("a marker stands where a segment belongs");
                }
                int length = in.u16() - 2;
                if (length < 0) {
                    throw unreadable("a segment has a wrong length");
                }
                if (frameHeader(marker)) {
                    if (frame) {
                        throw unreadable("it has two frame headers");
                    }
                    if (marker > 0xC2) {
                        throw unreadable("it is coded in a way decoders do not show (lossless, hierarchical or"
                                + " arithmetic)");
                    }
                    frame(length);
                    frame = true;
                } else if (marker == SOS) {
                    if (!frame || !quantisation || !huffman) {
                        throw unreadable("a scan comes before its frame header, quantisation or Huffman tables");
                    }
                    scanHeader(length);
                    scan = true;
                    marker = afterEntropyData();
                    continue;
                } else {
                    quantisation |= marker == DQT;
                    huffman |= marker == DHT;
                    in.skip(length);
                }
                marker = nextMarker();
            }
            if (!scan) {
                throw unreadable("it has no image scan");
            }
            if (!in.atEnd()) {
                throw unreadable("data follows its end-of-image marker");
            }
        } catch (EOFException e) {
            throw unreadable("it ends in the middle of a segment");
        }
    }

    private void frame(int length) throws IOException {
        int precision = in.u8();
        long height = in.u16();
        long width = in.u16();
        int components = in.u8();
        if (precision != 8 || components < 1 || components > 4 || length != 6 + 3 * components) {
            throw unreadable("its frame header is not valid");
        }
        if (width == 0 || height == 0) {
            throw unreadable("its dimensions are not valid");
        }
        if (width * height > maxPixels) {
            throw new DocumentRejected(Reason.UNREADABLE, "The image/jpeg image is " + width + " x " + height
                    + " pixels; at most " + maxPixels + " pixels are accepted");
        }
        in.skip(3L * components);
    }

    private void scanHeader(int length) throws IOException {
        int components = in.u8();
        if (components < 1 || components > 4 || length != 4 + 2 * components) {
            throw unreadable("a scan header is not valid");
        }
        in.skip(length - 1);
    }

    /** Reads entropy-coded data up to the next marker that is not a restart; returns that marker. */
    private int afterEntropyData() throws IOException {
        long bytes = 0;
        while (true) {
            bytes += in.skipToFF();
            int next = in.u8();
            while (next == 0xFF) { // fill bytes before a marker
                next = in.u8();
            }
            if (next == 0 || (next >= 0xD0 && next <= 0xD7)) {
                bytes++;
                continue;
            }
            if (bytes == 0) {
                throw unreadable("a scan has no data");
            }
            return next;
        }
    }

    private int nextMarker() throws IOException {
        if (in.u8() != 0xFF) {
            throw unreadable("a segment does not start with a marker (corrupt)");
        }
        int marker = in.u8();
        while (marker == 0xFF) {
            marker = in.u8();
        }
        if (marker == 0) {
            throw unreadable("a segment does not start with a marker (corrupt)");
        }
        return marker;
    }

    /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean frameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static DocumentRejected unreadable(String why) {
        return new DocumentRejected(Reason.UNREADABLE, "The image/jpeg image does not open: " + why);
    }
}
