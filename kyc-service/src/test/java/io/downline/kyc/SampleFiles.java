package io.downline.kyc;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Real documents made on the spot, and broken ones. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] png() {
        return image("png", 64, 48);
    }

    public static byte[] jpeg() {
        return image("jpg", 64, 48);
    }

    public static byte[] pdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first part of a file, as a broken connection leaves it. */
    public static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length * 2 / 3);
    }

    /** PNG magic bytes and end marker around noise: looks like a PNG, is not one. */
    public static byte[] fakePng() {
        byte[] png = png();
        byte[] fake = png.clone();
        Arrays.fill(fake, 8, fake.length - 12, (byte) 0x5A);
        return fake;
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.drawString("ID", 10, 20);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
