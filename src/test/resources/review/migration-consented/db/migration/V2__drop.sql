-- DS102 drop a column: customer.email
-- archforge:disable-next=migration/destructive (consented: DS102)
ALTER TABLE customer DROP COLUMN email;

-- the marker holds for the statement below it only
DROP TABLE orders;
