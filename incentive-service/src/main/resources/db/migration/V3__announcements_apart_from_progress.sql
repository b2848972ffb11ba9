-- The engine's hot write is the progress row (10 per sale with 10 open programs). Three things made each of those
-- writes dearer than it has to be, and are moved or removed here:
-- 1. The announcement mark lived in the row: the announcer updated every changed row a second time to clear it,
--    and since announced_at was indexed, neither write could be a HOT update. The mark now lives in
--    progress_announcement, a table as small as the set of rows changed in the last second or so.
-- 2. progress_member_idx served one query (a member's rows in the published programs), which the primary key
--    serves too (program_id = ANY (...) AND member_id = ...); every non-HOT update of a row added an entry to it.
-- 3. A fillfactor leaves room in each page, so an update that does not move the score (a member above the top tier,
--    an ineligible member) stays a HOT update (no index entry at all), and one that does can keep its page.
-- 4. The key leads with the member: a sale changes the member's row in every open program, and those rows, created
--    together by the member's first sale, then share their key's index page (and mostly their heap page) instead of
--    one of each per program. Rows are locked and created in this order, (member, program), everywhere.

CREATE TABLE progress_announcement (
    program_id   UUID        NOT NULL,
    member_id    UUID        NOT NULL,
    -- The progress row changed since it was last announced (set by the engine, cleared by the announcer).
    pending      BOOLEAN     NOT NULL,
    announced_at TIMESTAMPTZ,
    PRIMARY KEY (member_id, program_id)
) WITH (fillfactor = 50);

-- The announcer takes the rows never announced first, then the longest since. Not partial on pending, so that the
-- engine setting pending is a HOT update.
CREATE INDEX progress_announcement_due_idx ON progress_announcement (announced_at NULLS FIRST);

INSERT INTO progress_announcement (program_id, member_id, pending, announced_at)
SELECT program_id, member_id, announce_pending, announced_at FROM progress
WHERE announce_pending OR announced_at > now() - interval '1 hour';

DROP INDEX progress_announce_idx;
DROP INDEX progress_member_idx;
ALTER TABLE progress DROP COLUMN announce_pending, DROP COLUMN announced_at;
ALTER TABLE progress SET (fillfactor = 85);
ALTER TABLE progress DROP CONSTRAINT progress_pkey, ADD PRIMARY KEY (member_id, program_id);
