-- The leaderboard's index on progress (program, score, ...) made every update that moved a score a non-HOT update:
-- a new entry in that index and in the key's, for about half of the engine's progress writes. The top of each
-- leaderboard now lives in leaderboard_top, which holds exactly the eligible progress rows whose score is at least
-- the program's leaderboard_floor (written in the engine's transaction, with the row). The floor is kept so that a
-- program lists from its top N (the largest page) to a few thousand members; progress keeps its key alone, and a
-- progress update that finds room in its page is always HOT.

ALTER TABLE program ADD COLUMN leaderboard_floor NUMERIC(7, 2) NOT NULL DEFAULT 0 CHECK (leaderboard_floor >= 0);

CREATE TABLE leaderboard_top (
    program_id       UUID          NOT NULL,
    member_id        UUID          NOT NULL,
    score            NUMERIC(7, 2) NOT NULL,
    score_since      TIMESTAMPTZ   NOT NULL,
    tier_reached     SMALLINT      NOT NULL,
    progress_percent NUMERIC(5, 2) NOT NULL,
    PRIMARY KEY (program_id, member_id)
);

CREATE INDEX leaderboard_top_order_idx ON leaderboard_top (program_id, score DESC, score_since, member_id);

-- The highest score with at least 1,000 members at or above it (the default of leaderboard.candidates), or 0.
UPDATE program p SET leaderboard_floor = f.score
FROM (SELECT DISTINCT ON (program_id) program_id, score
      FROM (SELECT program_id, score, sum(members) OVER (PARTITION BY program_id ORDER BY score DESC) AS above
            FROM leaderboard_bucket WHERE members > 0) AS b
      WHERE above >= 1000
      ORDER BY program_id, score DESC) AS f
WHERE p.id = f.program_id;

INSERT INTO leaderboard_top (program_id, member_id, score, score_since, tier_reached, progress_percent)
SELECT p.program_id, p.member_id, p.score, p.score_since, p.tier_reached, p.progress_percent
FROM progress p JOIN program g ON g.id = p.program_id
WHERE p.eligible AND p.score >= g.leaderboard_floor;

DROP INDEX progress_leaderboard_idx;
