-- The consumer tests' projection (io.downline.platform.testapp.InboxTestConsumer): teams, and their members in
-- the order they were applied.
CREATE TABLE inbox_team (
    id      UUID PRIMARY KEY,
    name    TEXT    NOT NULL,
    applied INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE inbox_team_member (
    seq       BIGSERIAL PRIMARY KEY,
    team_id   UUID NOT NULL REFERENCES inbox_team (id),
    member_id UUID NOT NULL
);

-- Team names the test domain refuses (a refusal is poison); deleting one is the "fix" before a redrive.
CREATE TABLE inbox_refused_name (
    name TEXT PRIMARY KEY
);
