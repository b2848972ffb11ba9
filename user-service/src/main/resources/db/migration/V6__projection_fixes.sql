-- Projections of other domains' events, corrected (issue 7 #8, #9).

-- Every refund taken off team sales, by its refund id: the same refund delivered again under a new event id
-- is subtracted once.
CREATE TABLE team_sale_refund (
    refund_id   UUID PRIMARY KEY,
    order_id    UUID        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The KYC case the badge shows: only that case's expiry expires the badge, not an older case of the level.
ALTER TABLE member ADD COLUMN kyc_case_id UUID;
