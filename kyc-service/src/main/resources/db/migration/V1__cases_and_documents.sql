-- KYC cases, their documents (metadata, wrapped data keys) and the encrypted document segments.

CREATE TABLE kyc_case (
    id                         UUID PRIMARY KEY,
    member_id                  UUID        NOT NULL,
    level                      TEXT        NOT NULL CHECK (level IN ('BASIC', 'FULL')),
    status                     TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED',
                                   'REJECTED', 'RESUBMISSION_REQUESTED', 'EXPIRED', 'CLOSED')),
    -- The member's country (from the member projection), kept here so that the queue filters without a join.
    country                    CHAR(2),
    created_at                 TIMESTAMPTZ NOT NULL,
    submitted_at               TIMESTAMPTZ,
    reviewer                   TEXT,
    claimed_at                 TIMESTAMPTZ,
    decided_at                 TIMESTAMPTZ,
    reason                     TEXT,
    resubmission_types         TEXT[]      NOT NULL DEFAULT '{}',
    resubmission_requested_at  TIMESTAMPTZ,
    expires_at                 TIMESTAMPTZ,
    closed_at                  TIMESTAMPTZ,
    updated_at                 TIMESTAMPTZ NOT NULL,
    CONSTRAINT kyc_case_submitted_has_time CHECK (status = 'DRAFT' OR submitted_at IS NOT NULL
        OR status = 'CLOSED'),
    CONSTRAINT kyc_case_review_has_reviewer CHECK (status NOT IN ('IN_REVIEW', 'APPROVED', 'REJECTED',
        'RESUBMISSION_REQUESTED') OR (reviewer IS NOT NULL AND claimed_at IS NOT NULL)),
    CONSTRAINT kyc_case_decision_complete CHECK (status NOT IN ('APPROVED', 'REJECTED', 'RESUBMISSION_REQUESTED')
        OR (decided_at IS NOT NULL AND reason IS NOT NULL AND length(btrim(reason)) > 0)),
    CONSTRAINT kyc_case_approved_expires CHECK (status NOT IN ('APPROVED', 'EXPIRED') OR expires_at IS NOT NULL),
    CONSTRAINT kyc_case_closed_time CHECK (status <> 'CLOSED' OR closed_at IS NOT NULL),
    CONSTRAINT kyc_case_resubmission_time CHECK (status <> 'RESUBMISSION_REQUESTED'
        OR resubmission_requested_at IS NOT NULL)
);

-- One current case per member and level: a new one only after rejection, expiry or closing.
CREATE UNIQUE INDEX kyc_case_one_current_per_level ON kyc_case (member_id, level)
    WHERE status IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED', 'APPROVED');
CREATE INDEX kyc_case_member ON kyc_case (member_id, created_at);
-- The officers' queue, oldest first. Its default (submitted and in review) is read in order from a partial index
-- that also carries level and country, so that a filtered page and the count need no table access; one status at
-- a time (any status) from the next ones.
CREATE INDEX kyc_case_queue_open ON kyc_case (submitted_at, id) INCLUDE (level, country)
    WHERE status IN ('SUBMITTED', 'IN_REVIEW');
CREATE INDEX kyc_case_queue ON kyc_case (status, submitted_at, id) INCLUDE (level, country);
-- Filters by country (and level), in order, without walking past the other countries' cases.
CREATE INDEX kyc_case_queue_open_country ON kyc_case (country, submitted_at, id) INCLUDE (level)
    WHERE status IN ('SUBMITTED', 'IN_REVIEW');
CREATE INDEX kyc_case_queue_filtered ON kyc_case (status, level, country, submitted_at, id);
-- The expiry job.
CREATE INDEX kyc_case_approved_expiry ON kyc_case (expires_at) WHERE status = 'APPROVED';

CREATE TABLE kyc_document (
    id             UUID PRIMARY KEY,
    case_id        UUID        NOT NULL REFERENCES kyc_case (id),
    type           TEXT        NOT NULL CHECK (type IN ('PASSPORT', 'NATIONAL_ID', 'DRIVING_LICENCE',
                       'PROOF_OF_ADDRESS', 'SELFIE', 'TAX_FORM')),
    content_type   TEXT        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size           BIGINT      NOT NULL CHECK (size > 0),
    -- SHA-256 of the plaintext, hex.
    sha256         CHAR(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    segment_size   INTEGER     NOT NULL CHECK (segment_size > 0),
    segments       INTEGER     NOT NULL CHECK (segments > 0),
    -- Envelope encryption: the document's data key, wrapped (AES-GCM: IV, ciphertext, tag) by the master key
    -- named by master_key_id; the nonce prefix of the content segments; the sealed document number and date of
    -- birth (JSON), when given.
    master_key_id  TEXT        NOT NULL CHECK (length(master_key_id) > 0),
    wrapped_key    BYTEA       NOT NULL CHECK (length(wrapped_key) = 60),
    nonce_prefix   BYTEA       NOT NULL CHECK (length(nonce_prefix) = 8),
    sealed_details BYTEA,
    uploaded_by    TEXT        NOT NULL,
    uploaded_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT kyc_document_segments_cover_size CHECK (segments = (size + segment_size - 1) / segment_size)
);
CREATE INDEX kyc_document_case ON kyc_document (case_id, uploaded_at);
CREATE INDEX kyc_document_master_key ON kyc_document (master_key_id);

-- The PostgreSQL document store: each segment of a document's content, AES-GCM encrypted with its data key.
-- Segments are written while the upload is encrypted, before the document row: the foreign key is checked at commit.
CREATE TABLE kyc_document_segment (
    document_id  UUID    NOT NULL REFERENCES kyc_document (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq          INTEGER NOT NULL CHECK (seq >= 0),
    ciphertext   BYTEA   NOT NULL,
    PRIMARY KEY (document_id, seq)
);
