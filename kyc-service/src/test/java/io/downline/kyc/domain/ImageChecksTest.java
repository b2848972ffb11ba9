package io.downline.kyc.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.junit.jupiter.api.Test;

import io.downline.kyc.SampleFiles;

/** The structural checks of PNG and JPEG: real images of every kind pass; broken or disguised ones do not. */
class ImageChecksTest {

    private static final long MAX_PIXELS = 100_000_000L;
    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    @Test
    void realImagesOfEveryKindPass() throws IOException {
        for (int type : new int[] { BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_INDEXED,
                BufferedImage.TYPE_BYTE_BINARY }) {
            for (int[] size : new int[][] { { 1, 1 }, { 13, 7 }, { 64, 48 } }) {
                byte[] png = write(noise(size[0], size[1], type), "png", false);
                assertThatCode(() -> png(png)).as("PNG type %d, %dx%d", type, size[0], size[1])
                        .doesNotThrowAnyException();
            }
        }
        byte[] interlaced = write(noise(37, 29, BufferedImage.TYPE_INT_RGB), "png", true);
        assertThat(interlaced[28]).as("the header says Adam7").isEqualTo((byte) 1);
        assertThatCode(() -> png(interlaced)).doesNotThrowAnyException();
        for (int type : new int[] { BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY }) {
            byte[] jpeg = write(noise(64, 48, type), "jpg", false);
            assertThatCode(() -> jpeg(jpeg)).doesNotThrowAnyException();
        }
        byte[] progressive = write(noise(64, 48, BufferedImage.TYPE_INT_RGB), "jpg", true);
        assertThatCode(() -> jpeg(progressive)).doesNotThrowAnyException();
    }

    /** Every chunk carries a CRC over its type and data: any changed byte after the signature is caught. */
    @Test
    void everySingleByteChangeOfAPngIsRefused() throws IOException {
        byte[] png = write(noise(40, 30, BufferedImage.TYPE_INT_RGB), "png", false);
        for (int i = SIGNATURE.length; i < png.length; i++) {
            byte[] broken = png.clone();
            broken[i] ^= 0x10;
            int at = i;
            assertThatThrownBy(() -> png(broken)).as("byte %d changed", at).isInstanceOf(DocumentRejected.class);
        }
    }

    /** Chunks with correct CRCs whose content does not make an image: what only a decoder would notice. */
    @Test
    void aPngWithCorrectChecksumsButWrongImageDataIsRefused() {
        byte[] twoRows = { 0, 10, 20, 0, 30, 40 }; // 2 x 2 grey: each row a filter type and two pixels
        assertThatCode(() -> png(png(ihdr(2, 2, 8, 0), deflate(twoRows)))).doesNotThrowAnyException();

        assertThatThrownBy(() -> png(png(ihdr(2, 3, 8, 0), deflate(twoRows))))
                .hasMessageContaining("incomplete");
        assertThatThrownBy(() -> png(png(ihdr(2, 1, 8, 0), deflate(twoRows))))
                .hasMessageContaining("longer than its header");
        assertThatThrownBy(() -> png(png(ihdr(2, 2, 8, 0), deflate(new byte[] { 5, 10, 20, 0, 30, 40 }))))
                .hasMessageContaining("filter type");
        byte[] noise = new byte[64];
        new Random(1).nextBytes(noise);
        assertThatThrownBy(() -> png(png(ihdr(2, 2, 8, 0), noise))).isInstanceOf(DocumentRejected.class);
        assertThatThrownBy(() -> png(png(ihdr(2, 2, 7, 0), deflate(twoRows)))).hasMessageContaining("header");
        assertThatThrownBy(() -> png(png(ihdr(2, 2, 8, 3), deflate(twoRows)))).hasMessageContaining("palette");
    }

    @Test
    void disguisedOrTruncatedImagesAreRefused() throws IOException {
        assertThatThrownBy(() -> png(SampleFiles.fakePng())).isInstanceOf(DocumentRejected.class);
        assertThatThrownBy(() -> png(SampleFiles.truncated(SampleFiles.png()))).isInstanceOf(DocumentRejected.class);
        assertThatThrownBy(() -> jpeg(SampleFiles.truncated(SampleFiles.jpeg()))).isInstanceOf(DocumentRejected.class);

        byte[] jpeg = SampleFiles.jpeg();
        byte[] fake = jpeg.clone();
        Arrays.fill(fake, 3, fake.length - 2, (byte) 0x5A); // JPEG magic bytes and end marker around noise
        assertThatThrownBy(() -> jpeg(fake)).isInstanceOf(DocumentRejected.class);
        byte[] trailing = Arrays.copyOf(jpeg, jpeg.length + 4);
        assertThatThrownBy(() -> jpeg(trailing)).hasMessageContaining("follows");
        byte[] withoutTables = withoutSegment(jpeg, 0xDB);
        assertThat(withoutTables).hasSizeLessThan(jpeg.length);
        assertThatThrownBy(() -> jpeg(withoutTables)).hasMessageContaining("quantisation");
        byte[] withoutHuffman = withoutSegment(jpeg, 0xC4);
        assertThat(withoutHuffman).hasSizeLessThan(jpeg.length);
        assertThatThrownBy(() -> jpeg(withoutHuffman)).hasMessageContaining("Huffman");
        byte[] lossless = jpeg.clone();
        lossless[frameHeaderAt(jpeg) + 1] = (byte) 0xC3; // SOF3: lossless coding, which ImageIO does not decode
        assertThatThrownBy(() -> ImageIO.read(new ByteArrayInputStream(lossless))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> jpeg(lossless)).hasMessageContaining("lossless");
    }

    @Test
    void imagesWithMorePixelsThanAllowedAreRefusedFromTheirHeader() {
        assertThatThrownBy(() -> PngCheck.check(new ByteArrayInputStream(SampleFiles.png()), 1000))
                .hasMessageContaining("64 x 48 pixels; at most 1000 pixels");
        assertThatThrownBy(() -> JpegCheck.check(new ByteArrayInputStream(SampleFiles.jpeg()), 1000))
                .hasMessageContaining("64 x 48 pixels; at most 1000 pixels");
    }

    private static void png(byte[] file) throws IOException {
        PngCheck.check(new ByteArrayInputStream(file), MAX_PIXELS);
    }

    private static void jpeg(byte[] file) throws IOException {
        JpegCheck.check(new ByteArrayInputStream(file), MAX_PIXELS);
    }

    private static BufferedImage noise(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static byte[] write(BufferedImage image, String format, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] ihdr(int width, int height, int depth, int colour) {
        return ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) depth).put((byte) colour)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
    }

    private static byte[] png(byte[] ihdr, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        out.writeBytes(chunk("IHDR", ihdr));
        out.writeBytes(chunk("IDAT", idat));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 64];
        int length = deflater.deflate(out);
        deflater.end();
        return Arrays.copyOf(out, length);
    }

    private static int frameHeaderAt(byte[] jpeg) {
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xC0) {
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return at;
    }

    /** The JPEG without every segment with the given marker (before the first scan). */
    private static byte[] withoutSegment(byte[] jpeg, int marker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int at = 2;
        while ((jpeg[at + 1] & 0xFF) != 0xDA) {
            int length = 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
            if ((jpeg[at + 1] & 0xFF) != marker) {
                out.write(jpeg, at, length);
            }
            at += length;
        }
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }
}
