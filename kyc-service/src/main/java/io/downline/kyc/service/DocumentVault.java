package io.downline.kyc.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.downline.kyc.config.KycConfig;
import io.downline.kyc.domain.DocumentDetails;
import io.downline.kyc.domain.DocumentFormat;
import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.domain.EnvelopeCrypto;
import io.downline.kyc.domain.KycDocument;
import io.downline.kyc.repository.DocumentRepository;
import io.downline.kyc.repository.DocumentStore;
import io.downline.platform.events.EventJson;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Seals documents on the way in and opens them on the way out (envelope encryption, see {@link EnvelopeCrypto}),
 * one segment at a time, so that memory per request is about two segments whatever the document's size.
 */
@ApplicationScoped
public class DocumentVault {

    private final DocumentRepository documents;
    private final DocumentStore store;
    private final KeyRing keys;
    private final int segmentSize;
    private final SecureRandom random = new SecureRandom();

    public DocumentVault(DocumentRepository documents, DocumentStore store, KeyRing keys, KycConfig config) {
        this.documents = documents;
        this.store = store;
        this.keys = keys;
        this.segmentSize = (int) config.documents().segmentSize().asLongValue();
    }

    /** What to store: a checked file and what the member said about it. */
    public record Upload(UUID caseId, DocumentType type, DocumentFormat format, Path file, DocumentDetails details) {
    }

    /**
     * Seals the file with a fresh data key wrapped by {@code masterKeyId}, writes its segments and its row, and
     * computes its SHA-256 on the way. In the caller's transaction: if it rolls back, nothing is stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public KycDocument store(Upload upload, String masterKeyId, String uploadedBy, Instant now) {
        UUID id = UUID.randomUUID();
        byte[] dataKey = EnvelopeCrypto.newDataKey(random);
        byte[] prefix = EnvelopeCrypto.newNoncePrefix(random);
        try {
            long size = Files.size(upload.file());
            int segments = (int) ((size + segmentSize - 1) / segmentSize);
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[segmentSize];
            try (InputStream in = Files.newInputStream(upload.file())) {
                for (int index = 0; index < segments; index++) {
                    int length = in.readNBytes(buffer, 0, buffer.length);
                    sha256.update(buffer, 0, length);
                    store.write(id, index, EnvelopeCrypto.sealSegment(dataKey, prefix, id, index, index == segments - 1,
                            buffer, length));
                }
            }
            byte[] sealedDetails = upload.details() == null || upload.details().isEmpty() ? null
                    : EnvelopeCrypto.sealDetails(dataKey, prefix, id, EventJson.write(upload.details()).getBytes(
                            StandardCharsets.UTF_8));
            KycDocument document = new KycDocument(id, upload.caseId(), upload.type(), upload.format(), size,
                    HexFormat.of().formatHex(sha256.digest()), segmentSize, segments, masterKeyId,
                    EnvelopeCrypto.wrap(dataKey, keys.key(masterKeyId), id, random), prefix, sealedDetails, uploadedBy,
                    now);
            documents.insert(document);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Writes the document's plaintext to {@code out}, segment by segment, each read in a short transaction of its
     * own (this runs while the response is written). A segment that does not authenticate stops the copy with
     * {@link EnvelopeCrypto.DecryptionFailed}: nothing unverified is ever written.
     */
    public void copyContent(KycDocument document, OutputStream out) throws IOException {
        byte[] dataKey = dataKey(document);
        try {
            for (int index = 0; index < document.segments(); index++) {
                int segment = index;
                byte[] ciphertext = QuarkusTransaction.joiningExisting().call(() -> store.read(document.id(), segment));
                byte[] plain = EnvelopeCrypto.openSegment(dataKey, document.noncePrefix(), document.id(), segment,
                        segment == document.segments() - 1, ciphertext);
                if (plain.length != document.segmentLength(segment)) {
                    throw new EnvelopeCrypto.DecryptionFailed("Segment " + segment + " of document " + document.id()
                            + " has " + plain.length + " bytes, " + document.segmentLength(segment) + " expected", null);
                }
                out.write(plain);
            }
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The document number and date of birth, opened; null when none were given. */
    public DocumentDetails details(KycDocument document) {
        if (document.sealedDetails() == null) {
            return null;
        }
        byte[] dataKey = dataKey(document);
        try {
            byte[] json = EnvelopeCrypto.openDetails(dataKey, document.noncePrefix(), document.id(),
                    document.sealedDetails());
            return EventJson.read(new String(json, StandardCharsets.UTF_8), DocumentDetails.class);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The same data key, wrapped by {@code masterKeyId} instead; the content is not touched. */
    public KycDocument rewrap(KycDocument document, String masterKeyId) {
        byte[] dataKey = dataKey(document);
        try {
            return document.rewrapped(masterKeyId,
                    EnvelopeCrypto.wrap(dataKey, keys.key(masterKeyId), document.id(), random));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] dataKey(KycDocument document) {
        return EnvelopeCrypto.unwrap(document.wrappedKey(), keys.key(document.masterKeyId()), document.id());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
