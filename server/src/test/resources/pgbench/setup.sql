CREATE EXTENSION vector;
CREATE TABLE items (id int PRIMARY KEY, embedding vector(16));
INSERT INTO items SELECT i, ARRAY(SELECT random() FROM generate_series(1, 16))::vector FROM generate_series(1, 1000) i;
CREATE INDEX ON items USING hnsw (embedding vector_l2_ops);
