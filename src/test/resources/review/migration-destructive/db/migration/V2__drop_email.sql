ALTER TABLE customer DROP COLUMN email;

TRUNCATE orders;
