"""psycopg2 client check: connect, insert image bytes and vectors as parameters, run a KNN query.

usage: psycopg2_knn.py HOST PORT DBNAME IMAGE_FILE
Prints one line per result row; exits non-zero with a message when something is off.
"""
import sys

import psycopg2


def main():
    host, port, dbname, image = sys.argv[1:5]
    with open(image, "rb") as f:
        data = f.read()
    conn = psycopg2.connect(host=host, port=int(port), dbname=dbname, user="postgres")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("CREATE EXTENSION vector")
    cur.execute("CREATE EXTENSION imgsmlr")
    cur.execute("CREATE TABLE pics (id int PRIMARY KEY, raw bytea, embedding vector(3))")
    for i, v in enumerate([[1, 1, 1], [2, 2, 2], [1, 1, 2]], start=1):
        cur.execute("INSERT INTO pics VALUES (%s, %s, %s)",
                    (i, psycopg2.Binary(data), "[" + ",".join(str(x) for x in v) + "]"))
    cur.execute("SELECT id, embedding <-> %s AS d FROM pics ORDER BY embedding <-> %s LIMIT 2",
                ("[1,1,1]", "[1,1,1]"))
    for row in cur.fetchall():
        print("knn", row[0], row[1])
    cur.execute("SELECT raw, pattern2signature(jpeg2pattern(raw)) IS NOT NULL FROM pics WHERE id = %s", (1,))
    raw, has_signature = cur.fetchone()
    if bytes(raw) != data:
        sys.exit("bytea round trip changed the image")
    print("image", len(bytes(raw)), has_signature)
    conn.close()


if __name__ == "__main__":
    main()
