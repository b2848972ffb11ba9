-- This service's own projection of kyc.events.v1, keyed by case: an old case's expiry never touches a newer
-- case's approval.
CREATE TABLE kyc_case (
    case_id     UUID PRIMARY KEY,
    member_id   UUID        NOT NULL,
    level       TEXT        NOT NULL CHECK (level IN ('BASIC', 'FULL')),
    status      TEXT        NOT NULL CHECK (status IN ('APPROVED', 'REJECTED', 'EXPIRED')),
    expires_at  TIMESTAMPTZ,
    updated_at  TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'APPROVED') <= (expires_at IS NOT NULL))
);

CREATE INDEX kyc_case_member_idx ON kyc_case (member_id) WHERE status = 'APPROVED';
