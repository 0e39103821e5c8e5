-- widened in V2, narrowed back here: that one loses data
ALTER TABLE customer ALTER COLUMN email TYPE VARCHAR(100);

UPDATE customer SET orders_placed = 0;
