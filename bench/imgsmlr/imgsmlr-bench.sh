#!/usr/bin/env bash
# imgsmlr end to end through SQL (psql + pgbench against a running pgsight or PostgreSQL+imgsmlr):
#   1. images/s of pattern2signature(jpeg2pattern(data)) over the sample JPEGs, CLIENTS sessions at once
#   2. 1M-signature KNN: CREATE INDEX time, then p50/p99 latency of
#      SELECT id FROM sigs ORDER BY sig <-> q LIMIT 10 with the GiST index and with enable_indexscan=off
#
# Usage: bench/imgsmlr/imgsmlr-bench.sh [throughput|knn|all]
# Environment: PGHOST (localhost) PGPORT (5432) PGUSER (postgres) SHARED (../shared)
#   COPIES (200: each of the 11 sample JPEGs is stored COPIES times), CLIENTS (2), STATEMENTS (3 per client)
#   SIGS: a TSV of "id<TAB>signature" rows (imaging's SignatureCorpus writes one), ROWS to load from it,
#   KNN_QUERIES (200) per mode; SERVER_PID (optional: the server's pid on this machine, to also report
#   images per CPU-second of the server process, which a busy machine does not distort much).
# Make the signatures first (about 4 CPU-minutes for 1M):
#   mvn -o -q -pl imaging test-compile && java -Xmx3g -Dpgsight.shared=../shared \
#     -cp imaging/target/classes:imaging/target/test-classes:$(mvn -o -q -pl imaging dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
#     io.pgsight.imaging.bench.SignatureCorpus 1000000 mixed /tmp/sig1m.f32 /tmp/sig1m.tsv
set -euo pipefail
MODE=${1:-all}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
SHARED=${SHARED:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
COPIES=${COPIES:-200}
CLIENTS=${CLIENTS:-2}
STATEMENTS=${STATEMENTS:-3}
SIGS=${SIGS:-/tmp/sig1m.tsv}
ROWS=${ROWS:-1000000}
KNN_QUERIES=${KNN_QUERIES:-200}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
# CPU seconds (user + system) the server process has used so far, or empty without SERVER_PID
server_cpu() {
  [ -n "${SERVER_PID:-}" ] || return 0
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVER_PID/stat"
}

# p50 and p99 of the latencies (microseconds, column 3) in pgbench -l logs
percentiles() {
  cat "$@" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {p50=a[int(NR*0.5+0.5)]; p99=a[int(NR*0.99+0.5)];
    printf "p50 %.3f ms, p99 %.3f ms over %d queries\n", p50/1000, p99/1000, NR}'
}

throughput() {
  q -c "CREATE EXTENSION IF NOT EXISTS imgsmlr" -c "DROP TABLE IF EXISTS bench_images" \
    -c "CREATE TABLE bench_images (id int, data bytea)"
  n=0
  for f in "$SHARED"/testdata/images/*.jpg; do
    n=$((n + 1))
    printf "INSERT INTO bench_images VALUES (%d, '\\\\x%s');\n" "$n" "$(xxd -p "$f" | tr -d '\n')" >> "$WORK/load.sql"
  done
  q -f "$WORK/load.sql"
  q -c "INSERT INTO bench_images SELECT b.id + $n * g, b.data FROM bench_images b, generate_series(1, $((COPIES - 1))) g"
  rows=$(q -At -c "SELECT count(*) FROM bench_images")
  echo "throughput: $rows JPEG rows ($n sample files x $COPIES), $CLIENTS clients x $STATEMENTS statements"
  echo "SELECT count(pattern2signature(jpeg2pattern(data))) FROM bench_images;" > "$WORK/throughput.sql"
  q -c "SELECT count(pattern2signature(jpeg2pattern(data))) FROM bench_images" > /dev/null # warm-up
  c0=$(server_cpu)
  t0=$(date +%s.%N)
  pgbench -n -c "$CLIENTS" -j "$CLIENTS" -t "$STATEMENTS" -f "$WORK/throughput.sql" > "$WORK/throughput.out" 2>&1
  t1=$(date +%s.%N)
  c1=$(server_cpu)
  tx=$(awk '/number of transactions actually processed/ {split($NF, a, "/"); print a[1]}' "$WORK/throughput.out")
  echo "  $tx statements of $rows images each in $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s => $(awk -v a="$t0" -v b="$t1" -v t="$tx" -v r="$rows" 'BEGIN {printf "%.0f", t * r / (b - a)}') images/s"
  if [ -n "$c0" ]; then
    echo "  server CPU $(awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%.1f", b - a}') s => $(awk -v a="$c0" -v b="$c1" -v t="$tx" -v r="$rows" 'BEGIN {printf "%.0f", t * r / (b - a)}') images per server CPU-second"
  fi
}

knn() {
  q -c "CREATE EXTENSION IF NOT EXISTS imgsmlr" -c "DROP TABLE IF EXISTS bench_sigs" -c "DROP TABLE IF EXISTS bench_queries" \
    -c "CREATE TABLE bench_sigs (id int, sig signature)"
  head -n "$ROWS" "$SIGS" > "$WORK/sigs.tsv"
  t0=$(date +%s.%N)
  q -c "\\copy bench_sigs FROM '$WORK/sigs.tsv'"
  t1=$(date +%s.%N)
  rows=$(q -At -c "SELECT count(*) FROM bench_sigs")
  # query signatures: random rows of the table (imgsmlr's README searches with an existing image), in a
  # small side table so both plans fetch the query the same cheap way
  q -c "CREATE TABLE bench_queries AS SELECT row_number() OVER () AS qid, sig FROM (SELECT sig FROM bench_sigs ORDER BY random() LIMIT 1000) s"
  t2=$(date +%s.%N)
  q -c "CREATE INDEX bench_sigs_idx ON bench_sigs USING gist (sig)"
  t3=$(date +%s.%N)
  echo "knn: $rows signatures from $SIGS; COPY $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s; CREATE INDEX $(awk -v a="$t2" -v b="$t3" 'BEGIN {printf "%.2f", b - a}') s"
  cat > "$WORK/knn.sql" <<'SQL'
\set qid random(1, 1000)
SELECT id FROM bench_sigs ORDER BY sig <-> (SELECT sig FROM bench_queries WHERE qid = :qid) LIMIT 10;
SQL
  for mode in index seqscan; do
    opt=""
    [ "$mode" = seqscan ] && opt="-c enable_indexscan=off"
    echo "  plan ($mode):"
    PGOPTIONS="$opt" q -At -c "EXPLAIN SELECT id FROM bench_sigs ORDER BY sig <-> (SELECT sig FROM bench_queries WHERE qid = 1) LIMIT 10" | sed 's/^/    /'
    queries=$KNN_QUERIES
    [ "$mode" = seqscan ] && queries=$(( KNN_QUERIES < 50 ? KNN_QUERIES : 50 ))
    (cd "$WORK" && rm -f pgbench_log.* && PGOPTIONS="$opt" pgbench -n -c 1 -t 5 -f knn.sql > /dev/null 2>&1 \
      && PGOPTIONS="$opt" pgbench -n -c 1 -t "$queries" -l -f knn.sql > "pgbench.$mode.out" 2>&1)
    echo "  $mode, 1 client: $(percentiles "$WORK"/pgbench_log.*)"
  done
  # exactness: the index answers equal the scan's for a few queries
  for qid in 1 2 3 4 5; do
    a=$(q -At -c "SELECT string_agg(id::text, ',') FROM (SELECT id FROM bench_sigs ORDER BY sig <-> (SELECT sig FROM bench_queries WHERE qid = $qid) LIMIT 10) x")
    b=$(PGOPTIONS="-c enable_indexscan=off" q -At -c "SELECT string_agg(id::text, ',') FROM (SELECT id FROM bench_sigs ORDER BY sig <-> (SELECT sig FROM bench_queries WHERE qid = $qid) LIMIT 10) x")
    [ "$a" = "$b" ] && echo "  query $qid: index = scan" || echo "  query $qid: index [$a] vs scan [$b] (ties in float4 <-> may order differently)"
  done
}

case "$MODE" in
  throughput) throughput ;;
  knn) knn ;;
  all) throughput; knn ;;
  *) echo "usage: $0 [throughput|knn|all]" >&2; exit 2 ;;
esac
