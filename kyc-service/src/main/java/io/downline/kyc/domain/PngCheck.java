package io.downline.kyc.domain;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.downline.kyc.domain.DocumentRejected.Reason;

/**
 * Proves a file is a PNG that opens, reading it once: every chunk's length and CRC-32, the header (a valid
 * combination of bit depth and colour type, at most {@code maxPixels} pixels), a palette where the colour type
 * needs one, consecutive image data ending in IEND at the end of the file, and the image data inflating to exactly
 * the rows the header promises, each starting with a valid filter type. That is everything a decoder checks;
 * what it would do beyond (undoing the row filters, converting the pixels) cannot fail, so it is not done.
 */
public final class PngCheck {

    private static final int IHDR = type("IHDR");
    private static final int PLTE = type("PLTE");
    private static final int IDAT = type("IDAT");
    private static final int IEND = type("IEND");
    /** Adam7 passes: first column, first row, column step, row step. */
    private static final int[][] ADAM7 = { { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 },
            { 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 } };

    private final ByteReader in;
    private final long maxPixels;
    private final CRC32 crc = new CRC32();
    private final byte[] inflated = new byte[64 * 1024];

    private PngCheck(InputStream in, long maxPixels) {
        this.in = new ByteReader(in);
        this.maxPixels = maxPixels;
    }

    /** @param in the whole file, from its signature on */
    public static void check(InputStream in, long maxPixels) throws IOException {
        new PngCheck(in, maxPixels).run();
    }

    private void run() throws IOException {
        in.skip(8); // the signature, already recognised
        Rows rows = null;
        boolean palette = false;
        boolean dataSeen = false;
        boolean dataEnded = false;
        Inflater inflater = new Inflater();
        try {
            while (true) {
                int length = in.s32();
                int type = in.s32();
                if (length < 0) {
                    throw unreadable("a chunk is longer than PNG allows");
                }
                crc.reset();
                updateCrc(type);
                if (rows == null && type != IHDR) {
                    throw unreadable("the header chunk IHDR is not first");
                }
                if (type == IHDR) {
                    if (rows != null || length != 13) {
                        throw unreadable("the header chunk IHDR is repeated or has a wrong length");
                    }
                    rows = header(readData(length));
                } else if (type == IDAT) {
                    if (dataEnded) {
                        throw unreadable("the image data chunks are not consecutive");
                    }
                    if (rows.needsPalette && !palette) {
                        throw unreadable("the palette chunk PLTE is missing");
                    }
                    dataSeen = true;
                    inflate(length, inflater, rows);
                } else {
                    dataEnded = dataSeen;
                    if (type == PLTE) {
                        palette = true;
                    } else if (type != IEND && critical(type)) {
                        throw unreadable("it has an unknown critical chunk");
                    }
                    skipData(length);
                }
                if (in.s32() != (int) crc.getValue()) {
                    throw unreadable("a chunk's CRC does not match (corrupt)");
                }
                if (type == IEND) {
                    break;
                }
            }
            if (!dataSeen || !inflater.finished() || !rows.complete()) {
                throw unreadable("its image data is incomplete");
            }
            if (!in.atEnd()) {
                throw unreadable("data follows its end chunk");
            }
        } catch (EOFException e) {
            throw unreadable("it ends in the middle of a chunk");
        } finally {
            inflater.end();
        }
    }

    private Rows header(byte[] ihdr) {
        long width = Integer.toUnsignedLong(readInt(ihdr, 0));
        long height = Integer.toUnsignedLong(readInt(ihdr, 4));
        int depth = ihdr[8];
        int colour = ihdr[9];
        int channels = switch (colour) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16 ? 1 : 0;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 ? 1 : 0;
            case 2 -> depth == 8 || depth == 16 ? 3 : 0;
            case 4 -> depth == 8 || depth == 16 ? 2 : 0;
            case 6 -> depth == 8 || depth == 16 ? 4 : 0;
            default -> 0;
        };
        if (channels == 0 || ihdr[10] != 0 || ihdr[11] != 0 || (ihdr[12] != 0 && ihdr[12] != 1)) {
            throw unreadable("its header is not a valid PNG header");
        }
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw unreadable("its dimensions are not valid");
        }
        if (width * height > maxPixels) {
            throw new DocumentRejected(Reason.UNREADABLE, "The image/png image is " + width + " x " + height
                    + " pixels; at most " + maxPixels + " pixels are accepted");
        }
        return new Rows(width, height, channels * depth, ihdr[12] == 1, colour == 3);
    }

    private void inflate(int length, Inflater inflater, Rows rows) throws IOException {
        int left = length;
        while (left > 0) {
            left -= in.next(left, (bytes, offset, n) -> {
                crc.update(bytes, offset, n);
                if (!inflater.finished()) { // compressed bytes after the end of the stream: decoders ignore them
                    inflater.setInput(bytes, offset, n);
                    drain(inflater, rows);
                }
            });
        }
    }

    private void drain(Inflater inflater, Rows rows) {
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int out = inflater.inflate(inflated);
                if (out == 0 && inflater.needsDictionary()) {
                    throw unreadable("its image data needs a preset dictionary");
                }
                rows.consume(inflated, out);
            }
        } catch (DataFormatException e) {
            throw unreadable("its image data does not inflate (corrupt)");
        }
    }

    private byte[] readData(int length) throws IOException {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) in.u8();
        }
        crc.update(data);
        return data;
    }

    private void skipData(int length) throws IOException {
        int left = length;
        while (left > 0) {
            left -= in.next(left, crc::update);
        }
    }

    private void updateCrc(int type) {
        crc.update(type >>> 24);
        crc.update(type >>> 16);
        crc.update(type >>> 8);
        crc.update(type);
    }

    private static boolean critical(int type) {
        return (type & 0x20000000) == 0; // bit 5 of the first letter: 0 = upper case = critical
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static int type(String name) {
        return readInt(name.getBytes(StandardCharsets.US_ASCII), 0);
    }

    private static DocumentRejected unreadable(String why) {
        return new DocumentRejected(Reason.UNREADABLE, "The image/png image does not open: " + why);
    }

    /**
     * The rows the inflated data must consist of (all passes of an interlaced image), each a filter type byte
     * (0 to 4) followed by the row's bytes.
     */
    private static final class Rows {
        private final List<long[]> passes = new ArrayList<>(); // {bytes per row including the filter byte, rows}
        private final boolean needsPalette;
        private int pass;
        private long rowsLeft;
        private long inRow;

        Rows(long width, long height, int bitsPerPixel, boolean interlaced, boolean needsPalette) {
            this.needsPalette = needsPalette;
            if (interlaced) {
                for (int[] p : ADAM7) {
                    long columns = width > p[0] ? (width - p[0] + p[2] - 1) / p[2] : 0;
                    long lines = height > p[1] ? (height - p[1] + p[3] - 1) / p[3] : 0;
                    if (columns > 0 && lines > 0) {
                        passes.add(new long[] { 1 + (columns * bitsPerPixel + 7) / 8, lines });
                    }
                }
            } else {
                passes.add(new long[] { 1 + (width * bitsPerPixel + 7) / 8, height });
            }
            this.rowsLeft = passes.get(0)[1];
        }

        void consume(byte[] data, int length) {
            int i = 0;
            while (i < length) {
                if (pass == passes.size()) {
                    throw unreadable("its image data is longer than its header says");
                }
                long rowLength = passes.get(pass)[0];
                if (inRow == 0 && (data[i] & 0xFF) > 4) {
                    throw unreadable("a row has an unknown filter type (corrupt)");
                }
                int take = (int) Math.min(length - i, rowLength - inRow);
                i += take;
                inRow += take;
                if (inRow == rowLength) {
                    inRow = 0;
                    if (--rowsLeft == 0 && ++pass < passes.size()) {
                        rowsLeft = passes.get(pass)[1];
                    }
                }
            }
        }

        boolean complete() {
            return pass == passes.size();
        }
    }
}
