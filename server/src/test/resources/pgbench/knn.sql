\set id random(1, 1000)
SELECT id FROM items ORDER BY embedding <-> (SELECT embedding FROM items WHERE id = :id) LIMIT 10;
