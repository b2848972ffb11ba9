package io.downline.kyc.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;

/** The benchmarks' documents: pictures of noise, which compress to about their raw size. */
final class BenchDocuments {

    private BenchDocuments() {
    }

    /** A PNG of {@code side} x {@code side} pixels of noise: 592 gives 1 MiB, 1860 just under 10 MiB. */
    static Path noisePng(int side, String name) throws IOException {
        return write(noise(side), "png", name);
    }

    /** A JPEG of noise (quality 0.75): 1000 x 1000 pixels give about 1 MiB. */
    static Path noiseJpeg(int side, String name) throws IOException {
        return write(noise(side), "jpg", name);
    }

    /** A one-page PDF showing {@code jpeg}: a scanned document. */
    static Path scannedPdf(Path jpeg, String name) throws IOException {
        Path file = Files.createTempFile(name, ".pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            var image = JPEGFactory.createFromByteArray(document, Files.readAllBytes(jpeg));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static BufferedImage noise(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = Files.createTempFile(name, "." + format);
        ImageIO.write(image, format, file.toFile());
        return file;
    }
}
