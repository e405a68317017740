// node-postgres client check: connect, insert image bytes and vectors as $n parameters (extended
// protocol), run a KNN query. usage: node node_pg_knn.js HOST PORT DBNAME IMAGE_FILE
const fs = require('fs');
const { Client } = require('pg');

async function main() {
  const [host, port, database, image] = process.argv.slice(2);
  const data = fs.readFileSync(image);
  const client = new Client({ host, port: Number(port), database, user: 'postgres' });
  await client.connect();
  await client.query('CREATE EXTENSION vector');
  await client.query('CREATE EXTENSION imgsmlr');
  await client.query('CREATE TABLE pics (id int PRIMARY KEY, raw bytea, embedding vector(3))');
  const vectors = [[1, 1, 1], [2, 2, 2], [1, 1, 2]];
  for (let i = 0; i < vectors.length; i++) {
    await client.query('INSERT INTO pics VALUES ($1, $2, $3)', [i + 1, data, JSON.stringify(vectors[i])]);
  }
  const knn = await client.query(
    'SELECT id, embedding <-> $1 AS d FROM pics ORDER BY embedding <-> $1 LIMIT 2', ['[1,1,1]']);
  for (const row of knn.rows) {
    console.log('knn', row.id, row.d);
  }
  const img = await client.query(
    'SELECT raw, pattern2signature(jpeg2pattern(raw)) IS NOT NULL AS sig FROM pics WHERE id = $1', [1]);
  if (!Buffer.from(img.rows[0].raw).equals(data)) {
    throw new Error('bytea round trip changed the image');
  }
  console.log('image', img.rows[0].raw.length, img.rows[0].sig ? 'True' : 'False');
  await client.end();
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
