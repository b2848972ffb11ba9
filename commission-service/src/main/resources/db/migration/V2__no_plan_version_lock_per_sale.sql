-- Every sale and every commission line referenced plan_version by a foreign key, so each insert locked the row of
-- the plan in force (FOR KEY SHARE) once per row: one hot row locked by every transaction that records sales, and
-- by several of them at once (copies of the orders channel, replicas), which turns each lock into a new MultiXact.
-- A plan version is never deleted (PlanRepository has no DELETE; a version in force is immutable), and a sale can
-- only name the version its walk used, read in the same transaction; the keys go, the versions' rows stay.
ALTER TABLE sale DROP CONSTRAINT sale_plan_version_fkey;
ALTER TABLE commission_line DROP CONSTRAINT commission_line_plan_version_fkey;
