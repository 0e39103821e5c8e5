CREATE TABLE customer (
  id BIGINT PRIMARY KEY,
  email VARCHAR(254) NOT NULL
);

CREATE TABLE orders (
  id BIGINT PRIMARY KEY,
  customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
