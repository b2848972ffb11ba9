-- Every stored poll updates a row of stream_sequence per stream it numbers. With room left on each page the
-- update stays on the row's page and leaves the primary key alone (a HOT update): the numbering statement of a
-- poll of 500 streams took a third to half the time in a measurement (5-10 ms instead of 16-19 ms), and the
-- table and its index no longer grow with every number taken. Pages written before this keep what they have
-- until vacuum frees their dead rows.
ALTER TABLE stream_sequence SET (fillfactor = 50);
