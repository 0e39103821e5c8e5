ALTER TABLE customer RENAME COLUMN email TO contact_email;

ALTER TABLE orders RENAME TO purchase;
