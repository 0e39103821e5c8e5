-- A small migration for the validator's warm-up at the start of a run (see openapi.yaml).
CREATE TABLE ping (
  id uuid PRIMARY KEY,
  name varchar(80) NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ping_name_idx ON ping (name);
