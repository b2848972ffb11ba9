-- The transaction that applied each team, so the batch consumer's tests can see several events commit together.
ALTER TABLE inbox_team ADD COLUMN applied_in BIGINT NOT NULL DEFAULT txid_current();
