-- Members and the sponsor tree (genealogy).
-- ltree and pg_trgm live once per database in public (see TESTING.md); public stays on the search path.
CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE member (
    id             UUID PRIMARY KEY,
    -- Compact label of this member in every path; paths of numbers stay short at any depth.
    tree_id        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    email          TEXT        NOT NULL,
    name           TEXT        NOT NULL,
    phone          TEXT,
    country        TEXT        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    referral_code  TEXT        NOT NULL UNIQUE,
    sponsor_id     UUID REFERENCES member (id),
    oidc_subject   TEXT UNIQUE,
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    -- Read index of the sponsor tree: the tree_ids from the root down to this member.
    path           LTREE       NOT NULL,
    rank           TEXT        NOT NULL DEFAULT 'MEMBER',
    kyc_level      TEXT,
    kyc_status     TEXT,
    kyc_expires_at TIMESTAMPTZ,
    registered_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL DEFAULT 0,
    CHECK ((sponsor_id IS NULL) = (nlevel(path) = 1))
);

CREATE UNIQUE INDEX member_email_uq ON member (lower(email));
-- One root (company) member, however many instances start at once.
CREATE UNIQUE INDEX member_single_root_uq ON member ((true)) WHERE sponsor_id IS NULL;
CREATE INDEX member_path_gist ON member USING GIST (path);
CREATE INDEX member_sponsor_idx ON member (sponsor_id);
CREATE INDEX member_status_idx ON member (status);
CREATE INDEX member_name_trgm ON member USING GIN (lower(name) gin_trgm_ops);

-- A new member's path is their sponsor's path plus their own label. The caller locks the sponsor row
-- (FOR SHARE) first, so a concurrent sponsor change cannot hand out a stale path.
CREATE FUNCTION member_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.sponsor_id IS NULL THEN
        NEW.path := text2ltree(NEW.tree_id::text);
    ELSE
        SELECT m.path || text2ltree(NEW.tree_id::text) INTO NEW.path FROM member m WHERE m.id = NEW.sponsor_id;
        IF NEW.path IS NULL THEN
            RAISE EXCEPTION 'sponsor % does not exist', NEW.sponsor_id USING ERRCODE = 'foreign_key_violation';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER member_set_path_trg BEFORE INSERT ON member FOR EACH ROW EXECUTE FUNCTION member_set_path();

-- The sponsor history: append-only. A row is only ever closed (valid_to set once), never changed or deleted.
CREATE TABLE sponsor_edge (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id  UUID        NOT NULL REFERENCES member (id),
    sponsor_id UUID REFERENCES member (id),
    valid_from TIMESTAMPTZ NOT NULL,
    valid_to   TIMESTAMPTZ,
    actor      TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE UNIQUE INDEX sponsor_edge_current_uq ON sponsor_edge (member_id) WHERE valid_to IS NULL;

CREATE FUNCTION sponsor_edge_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'sponsor_edge is append-only';
    END IF;
    IF OLD.valid_to IS NOT NULL OR NEW.valid_to IS NULL
        OR (NEW.member_id, NEW.sponsor_id, NEW.valid_from, NEW.actor, NEW.reason)
           IS DISTINCT FROM (OLD.member_id, OLD.sponsor_id, OLD.valid_from, OLD.actor, OLD.reason) THEN
        RAISE EXCEPTION 'sponsor_edge rows can only be closed';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER sponsor_edge_append_only_trg BEFORE UPDATE OR DELETE ON sponsor_edge
    FOR EACH ROW EXECUTE FUNCTION sponsor_edge_append_only();
CREATE TRIGGER sponsor_edge_no_truncate_trg BEFORE TRUNCATE ON sponsor_edge
    FOR EACH STATEMENT EXECUTE FUNCTION sponsor_edge_append_only();
