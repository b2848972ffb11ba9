-- Admin search matches email fragments too; without this index it scans every member.
CREATE INDEX member_email_trgm ON member USING GIN (lower(email) gin_trgm_ops);
