-- A platform migration released after the service reached V5.
CREATE TABLE added_later (
    id BIGINT PRIMARY KEY
);
