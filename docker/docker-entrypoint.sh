#!/usr/bin/env bash
# Starts pgsight the way the official postgres image starts PostgreSQL: POSTGRES_USER,
# POSTGRES_PASSWORD and POSTGRES_DB from the environment, *.sql / *.sh files from an init folder run
# once at first start, the server in the foreground receiving SIGTERM/SIGINT.
# Runs the same with or without Docker (tests call it directly with PGSIGHT_JAR and a free PGPORT).
set -euo pipefail

POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
PGPORT=${PGPORT:-5432}
PGSIGHT_JAR=${PGSIGHT_JAR:-/opt/pgsight/pgsight.jar}
PGSIGHT_LISTEN=${PGSIGHT_LISTEN:-0.0.0.0}
INITDB_DIR=${PGSIGHT_INITDB_DIR:-/docker-entrypoint-initdb.d}
JAVA=${JAVA:-java}

args=(--port "$PGPORT" --listen "$PGSIGHT_LISTEN" --user "$POSTGRES_USER")
if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    # Like the official image: with a password, clients authenticate (scram-sha-256 unless told otherwise).
    args+=(--auth "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}")
    export PGSIGHT_PASSWORD="$POSTGRES_PASSWORD"
    export PGPASSWORD="$POSTGRES_PASSWORD"
elif [ "${POSTGRES_HOST_AUTH_METHOD:-}" = "trust" ]; then
    args+=(--auth trust)
else
    cat >&2 <<'MSG'
Error: the database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
       Or use POSTGRES_HOST_AUTH_METHOD=trust to allow all connections without a password.
MSG
    exit 1
fi
if [ -n "${PGDATA:-}" ]; then
    mkdir -p "$PGDATA"
    args+=(--data-dir "$PGDATA")
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM flags
"$JAVA" ${JAVA_OPTS:-} -jar "$PGSIGHT_JAR" "${args[@]}" "$@" &
server_pid=$!
trap 'kill -TERM "$server_pid" 2>/dev/null' TERM INT

psql_local() {
    psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U "$POSTGRES_USER" "$@"
}

for _ in $(seq 1 150); do
    if pg_isready -q -h 127.0.0.1 -p "$PGPORT" -U "$POSTGRES_USER"; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then wait "$server_pid"; exit $?; fi
    sleep 0.2
done

# First start: no marker in a data directory the server really keeps. A server that runs in memory
# (data_directory empty) starts empty every time, so its init scripts run at every start.
data_dir=$(psql_local -d postgres -Atc "SELECT current_setting('data_directory', true)" 2>/dev/null || true)
marker="${PGDATA:-/nonexistent}/.pgsight-initialized"
if [ -z "$data_dir" ] || [ ! -e "$marker" ]; then
    if [ "$POSTGRES_DB" != "postgres" ]; then
        psql_local -d postgres -qc "CREATE DATABASE \"$POSTGRES_DB\""
    fi
    if [ -d "$INITDB_DIR" ]; then
        for f in $(find "$INITDB_DIR" -maxdepth 1 -type f | LC_ALL=C sort); do
            case "$f" in
                *.sql) echo "$0: running $f"; psql_local -d "$POSTGRES_DB" -q -f "$f" ;;
                *.sh) echo "$0: sourcing $f"; . "$f" ;;
                *) echo "$0: ignoring $f" ;;
            esac
        done
    fi
    if [ -n "$data_dir" ] && [ -n "${PGDATA:-}" ]; then touch "$marker"; fi
    echo "$0: pgsight init process complete; ready for start up."
fi

wait "$server_pid"
