-- A service's own history, like user-service's: five versions above every platform migration.
CREATE TABLE member (
    id    UUID PRIMARY KEY,
    email TEXT NOT NULL UNIQUE
);
