-- The downline is found through a GIN index on the path's labels instead of a GiST index on the ltree.
-- GiST keys carry whole paths and break on deep legs: measured on PostgreSQL 15, a single chain could not
-- go past depth 127 (7-digit labels) before inserts failed with "no unpinned buffers available" /
-- "failed to add item to index page". GIN indexes each label on its own, so depth has no such limit.
-- The path stays an ltree: upline = its labels, depth = nlevel, a sponsor change = one UPDATE of paths.
CREATE FUNCTION path_ids(path ltree) RETURNS bigint[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN string_to_array(ltree2text(path), '.')::bigint[];

DROP INDEX member_path_gist;
CREATE INDEX member_path_ids_gin ON member USING GIN (path_ids(path));
