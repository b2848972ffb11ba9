-- The "KYC approved" criterion: met while the member's identity verification stands approved (kyc.events.v1).

ALTER TABLE tier_criterion DROP CONSTRAINT tier_criterion_metric_check;
ALTER TABLE tier_criterion DROP CONSTRAINT tier_criterion_check1;
ALTER TABLE tier_criterion ADD CONSTRAINT tier_criterion_metric_check CHECK (metric IN ('PERSONAL_VOLUME',
    'GROUP_VOLUME', 'NEW_PERSONALLY_SPONSORED', 'RANK_REACHED', 'KYC_APPROVED'));
-- RANK_REACHED takes a rank, KYC_APPROVED neither a rank nor a target, every other metric a target.
ALTER TABLE tier_criterion ADD CONSTRAINT tier_criterion_target_presence_check
    CHECK ((metric IN ('RANK_REACHED', 'KYC_APPROVED')) = (target IS NULL));

-- The member's verification as the newest KYC event said (approved, or expired); an older event changes nothing.
CREATE TABLE member_kyc (
    member_id  UUID        PRIMARY KEY,
    approved   BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE progress ADD COLUMN kyc_approved BOOLEAN NOT NULL DEFAULT false;
