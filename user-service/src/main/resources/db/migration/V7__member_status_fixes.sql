-- A reinstatement returns a member to the status their suspension interrupted: one suspended while pending
-- was never activated and is pending again. Members suspended before this column existed return to ACTIVE,
-- as they did before.
ALTER TABLE member ADD COLUMN status_before_suspension TEXT
    CHECK (status_before_suspension IN ('PENDING', 'ACTIVE'));
UPDATE member SET status_before_suspension = 'ACTIVE' WHERE status = 'SUSPENDED';
ALTER TABLE member ADD CONSTRAINT member_status_before_suspension_chk
    CHECK ((status = 'SUSPENDED') = (status_before_suspension IS NOT NULL));

-- The root member always has a subject, so that its member.registered meets its schema: a synthetic one when
-- no login was configured for the company (ROOT_MEMBER_SUBJECT unset).
UPDATE member SET oidc_subject = 'system:root' WHERE sponsor_id IS NULL AND oidc_subject IS NULL;
