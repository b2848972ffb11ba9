-- The sponsor history of a member, and the edges that name a member as sponsor (its foreign key),
-- without scanning the whole history table.
CREATE INDEX sponsor_edge_member_idx ON sponsor_edge (member_id, valid_from);
CREATE INDEX sponsor_edge_sponsor_idx ON sponsor_edge (sponsor_id);
