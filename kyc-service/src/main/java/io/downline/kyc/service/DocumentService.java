package io.downline.kyc.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.kyc.domain.DocumentDetails;
import io.downline.kyc.domain.DocumentFormat;
import io.downline.kyc.domain.DocumentType;
import io.downline.kyc.domain.KycCase;
import io.downline.kyc.domain.KycDocument;
import io.downline.kyc.repository.CaseRepository;
import io.downline.kyc.repository.DocumentRepository;
import io.downline.platform.audit.AdminAudit;
import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Uploads (checked, then sealed and stored) and downloads (the member's own, or the reviewing officer's). */
@ApplicationScoped
public class DocumentService {

    private final CaseService caseService;
    private final CaseAccess access;
    private final CaseRepository cases;
    private final DocumentRepository documents;
    private final DocumentInspector inspector;
    private final DocumentVault vault;
    private final KeyRing keys;
    private final AdminAudit audit;
    private final Caller caller;
    private final Clock clock;

    public DocumentService(CaseService caseService, CaseAccess access, CaseRepository cases,
            DocumentRepository documents, DocumentInspector inspector, DocumentVault vault, KeyRing keys,
            AdminAudit audit, Caller caller, Clock clock) {
        this.caseService = caseService;
        this.access = access;
        this.cases = cases;
        this.documents = documents;
        this.inspector = inspector;
        this.vault = vault;
        this.keys = keys;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** An upload as received: the temporary file and what the client declared. */
    public record Received(UUID caseId, DocumentType type, Path file, String declaredContentType,
            DocumentDetails details) {
    }

    /** A document to send: its metadata, and how to write its plaintext. */
    public record Download(KycDocument document, ContentWriter content) {
    }

    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks the caller may add to the case, checks the file (outside any transaction: parsing a PDF holds no
     * connection), then seals and stores it with the active master key, with the case locked so that a concurrent
     * submit sees the document or refuses it.
     */
    public KycDocument upload(Received upload) {
        QuarkusTransaction.requiringNew().run(() -> {
            caseService.callerInGoodStanding();
            access.own(upload.caseId()).requireEditable();
        });
        DocumentFormat format = inspector.inspect(upload.file(), upload.declaredContentType());
        return QuarkusTransaction.requiringNew().call(() -> {
            KycCase c = access.ownLocked(upload.caseId());
            c.requireEditable();
            KycDocument stored = vault.store(new DocumentVault.Upload(c.id(), upload.type(), format, upload.file(),
                    upload.details()), keys.activeId(), caller.subject(), KycCase.micros(clock.instant()));
            audit.record("kyc.document-upload", "kyc-document", stored.id(), null, DocumentAudit.of(stored));
            return stored;
        });
    }

    /**
     * The member downloads their own documents; a KYC officer those of the cases they review (claimed by them),
     * and each such download is audited before a byte is sent.
     */
    public Download download(UUID caseId, UUID documentId) {
        KycDocument document = QuarkusTransaction.requiringNew().call(() -> {
            KycCase c = downloadableCase(caseId);
            KycDocument found = documents.find(documentId).filter(d -> d.caseId().equals(c.id()))
                    .orElseThrow(() -> NotFoundException.of("Document", documentId));
            if (!access.ownedByCaller(c)) {
                audit.record("kyc.document-download", "kyc-document", found.id(), null, DocumentAudit.of(found));
            }
            return found;
        });
        return new Download(document, out -> vault.copyContent(document, out));
    }

    private KycCase downloadableCase(UUID caseId) {
        if (caller.hasRole(Roles.KYC_OFFICER)) {
            KycCase c = cases.find(caseId).orElseThrow(() -> NotFoundException.of("KYC case", caseId));
            if (access.ownedByCaller(c) || caller.subject().equals(c.reviewer())) {
                return c;
            }
            throw new AccessDeniedException("Officers download the documents of the cases they review");
        }
        return access.own(caseId);
    }

    /** What the audit log keeps of a document: never its content or personal details. */
    record DocumentAudit(UUID caseId, String type, String contentType, long size, String sha256, String masterKeyId) {
        static DocumentAudit of(KycDocument d) {
            return new DocumentAudit(d.caseId(), d.type().name(), d.format().contentType(), d.size(), d.sha256(),
                    d.masterKeyId());
        }
    }
}
