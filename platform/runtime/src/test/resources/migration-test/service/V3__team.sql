CREATE TABLE team (
    id        UUID PRIMARY KEY,
    leader_id UUID NOT NULL REFERENCES member (id)
);
