package io.downline.kyc.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

import io.downline.kyc.config.KycConfig;
import io.downline.kyc.domain.DocumentFormat;
import io.downline.kyc.domain.DocumentRejected;
import io.downline.kyc.domain.DocumentRejected.Reason;
import io.downline.kyc.domain.JpegCheck;
import io.downline.kyc.domain.PngCheck;

/**
 * Decides whether an uploaded file may be stored, from its content alone: not empty, not over the size limit,
 * a PDF, JPEG or PNG by its magic bytes (and not declared as another type), complete (the format's end marker is
 * there) and really opening: PDFBox loads the PDF and finds pages; an image's structure is checked the way a
 * decoder reads it, in one pass over the file ({@link PngCheck}, {@link JpegCheck}), with at most
 * {@code kyc.documents.max-pixels} pixels. Works on the temporary file; memory stays small.
 */
@ApplicationScoped
public class DocumentInspector {

    private final long maxSize;
    private final long maxPixels;

    @Inject
    public DocumentInspector(KycConfig config) {
        this(config.documents().maxSize().asLongValue(), config.documents().maxPixels());
    }

    public DocumentInspector(long maxSize, long maxPixels) {
        this.maxSize = maxSize;
        this.maxPixels = maxPixels;
    }

    public long maxSize() {
        return maxSize;
    }

    /**
     * @param declaredType the content type the client declared for the part; null or application/octet-stream
     *                     when it declared none
     */
    public DocumentFormat inspect(Path file, String declaredType) {
        long size = size(file);
        if (size == 0) {
            throw new DocumentRejected(Reason.EMPTY, "The document is empty");
        }
        if (size > maxSize) {
            throw new DocumentRejected(Reason.TOO_LARGE, "The document has " + size + " bytes; at most " + maxSize
                    + " are accepted");
        }
        DocumentFormat format = DocumentFormat.sniff(read(file, 0, DocumentFormat.HEAD_LENGTH))
                .orElseThrow(() -> new DocumentRejected(Reason.UNSUPPORTED_TYPE,
                        "Only PDF, JPEG and PNG documents are accepted (recognised by their content)"));
        if (declaredType != null && !declaredType.equals("application/octet-stream")
                && !declaredType.equals(format.contentType())) {
            throw new DocumentRejected(Reason.UNSUPPORTED_TYPE, "The document was sent as " + declaredType
                    + " but its content is " + format.contentType());
        }
        int tail = (int) Math.min(size, DocumentFormat.TAIL_LENGTH);
        if (!format.completeTail(read(file, size - tail, tail))) {
            throw new DocumentRejected(Reason.UNREADABLE, "The " + format.contentType()
                    + " document is incomplete (truncated upload?)");
        }
        if (format == DocumentFormat.PDF) {
            openPdf(file);
        } else {
            checkImage(file, format);
        }
        return format;
    }

    private static void openPdf(Path file) {
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            if (pdf.getNumberOfPages() < 1) {
                throw new DocumentRejected(Reason.UNREADABLE, "The PDF document has no pages");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRejected rejected) {
                throw rejected;
            }
            throw new DocumentRejected(Reason.UNREADABLE, "The PDF document does not open (corrupt, or protected by a"
                    + " password)");
        }
    }

    private void checkImage(Path file, DocumentFormat format) {
        try (InputStream in = Files.newInputStream(file)) {
            if (format == DocumentFormat.PNG) {
                PngCheck.check(in, maxPixels);
            } else {
                JpegCheck.check(in, maxPixels);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded file " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("The uploaded file is gone: " + file, e);
        }
    }

    private static byte[] read(Path file, long offset, int length) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            byte[] bytes = new byte[(int) Math.min(length, in.length() - offset)];
            in.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded file " + file, e);
        }
    }
}
