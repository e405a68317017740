#!/usr/bin/env bash
# Starts pgsight the way the official postgres image starts PostgreSQL: POSTGRES_USER,
# POSTGRES_PASSWORD and POSTGRES_DB (or their *_FILE forms) from the environment, the init folder's
# *.sql, *.sql.gz, *.sql.xz and *.sh files run once at first start, the server kept as a child that
# receives SIGTERM/SIGINT and whose exit status the script returns.
#
# Runs the same with or without Docker. Variables beyond the official image's:
#   PGPORT                port to listen on (default 5432)
#   PGSIGHT_LISTEN        address to bind (default 0.0.0.0)
#   PGSIGHT_INITDB_DIR    init folder (default /docker-entrypoint-initdb.d)
#   PGSIGHT_JAR           the runnable jar (default /opt/pgsight/pgsight.jar)
#   PGSIGHT_CLASSPATH     run io.pgsight.server.Main from this class path instead of the jar (tests)
#   PGSIGHT_START_TIMEOUT seconds to wait for the first start to accept connections (default 120)
#   JAVA, JAVA_OPTS       the java command and its JVM flags
# PGDATA empty or unset: the server keeps data in memory, so the init folder runs at every start.
set -euo pipefail

# file_env VAR [DEFAULT]: VAR from the environment or from the file named by VAR_FILE (Docker secrets).
file_env() {
    local var=$1 file_var="${1}_FILE" default=${2:-}
    if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
        echo "$0: error: both $var and $file_var are set (but are exclusive)" >&2
        exit 1
    fi
    local value=$default
    if [ -n "${!var:-}" ]; then
        value=${!var}
    elif [ -n "${!file_var:-}" ]; then
        value=$(< "${!file_var}")
    fi
    export "$var"="$value"
    unset "$file_var"
}

# A first argument that is not an option is a command to run instead (docker run ... pgsight bash),
# except pgsight itself and postgres, as compose files written for the postgres image say.
if [ $# -gt 0 ] && { [ "$1" = pgsight ] || [ "$1" = postgres ]; }; then
    shift
elif [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    exec "$@"
fi
# postgres's "-c NAME=VALUE" becomes pgsight's "--set NAME=VALUE"; other arguments pass as they are.
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        -c)
            if [ $# -lt 2 ]; then echo "$0: error: -c needs NAME=VALUE" >&2; exit 1; fi
            extra+=(--set "$2")
            shift 2
            ;;
        -c?*) extra+=(--set "${1#-c}"); shift ;;
        *) extra+=("$1"); shift ;;
    esac
done

file_env POSTGRES_USER postgres
file_env POSTGRES_PASSWORD
file_env POSTGRES_DB "$POSTGRES_USER"
export PGPORT=${PGPORT:-5432}
PGSIGHT_JAR=${PGSIGHT_JAR:-/opt/pgsight/pgsight.jar}
PGSIGHT_LISTEN=${PGSIGHT_LISTEN:-0.0.0.0}
INITDB_DIR=${PGSIGHT_INITDB_DIR:-/docker-entrypoint-initdb.d}
START_TIMEOUT=${PGSIGHT_START_TIMEOUT:-120}
JAVA=${JAVA:-java}
MARKER=.pgsight-initialized

# Client authentication like the image's pg_hba.conf line "host all all all $POSTGRES_HOST_AUTH_METHOD":
# scram-sha-256 by default, which needs a password; trust lets everyone in.
auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
case "$auth" in
    trust | password | md5 | scram-sha-256) ;;
    *)
        echo "$0: error: POSTGRES_HOST_AUTH_METHOD \"$auth\" is not supported (trust, password, md5, scram-sha-256)" >&2
        exit 1
        ;;
esac
if [ -z "$POSTGRES_PASSWORD" ] && [ "$auth" != trust ]; then
    cat >&2 <<'MSG'
Error: superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
       Or use POSTGRES_HOST_AUTH_METHOD=trust to allow all connections without a password.
MSG
    exit 1
fi
if [ "$auth" = trust ]; then
    echo "$0: WARNING: POSTGRES_HOST_AUTH_METHOD is \"trust\": anyone who can reach the port connects without a password" >&2
fi

args=(--port "$PGPORT" --listen "$PGSIGHT_LISTEN" --user "$POSTGRES_USER" --auth "$auth")
if [ -n "$POSTGRES_PASSWORD" ]; then
    # Through the environment, not the command line, so ps does not show it.
    export PGSIGHT_PASSWORD="$POSTGRES_PASSWORD"
fi
if [ -n "${PGDATA:-}" ]; then
    mkdir -p "$PGDATA"
    args+=(--data-dir "$PGDATA")
else
    unset PGDATA
fi
if [ -n "${PGSIGHT_CLASSPATH:-}" ]; then
    server=(-cp "$PGSIGHT_CLASSPATH" io.pgsight.server.Main)
else
    server=(-jar "$PGSIGHT_JAR")
fi

server_pid=
stop_requested=
# Signals go to the server; the script keeps waiting for it so that a checkpoint at shutdown finishes
# before the container's main process ends.
forward() {
    stop_requested=$1
    if [ -n "$server_pid" ]; then kill -s "$1" "$server_pid" 2>/dev/null || true; fi
}
trap 'forward TERM' TERM
trap 'forward INT' INT
# Any early exit (a failed init script, a start timeout) stops the server too.
trap 'if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; wait "$server_pid" || true; fi' EXIT

# Another server on the port would answer the readiness checks and receive the init scripts.
if pg_isready -q -h 127.0.0.1 -p "$PGPORT"; then
    echo "$0: error: a server already answers on port $PGPORT" >&2
    exit 1
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM flags
"$JAVA" ${JAVA_OPTS:-} "${server[@]}" "${args[@]}" ${extra[@]+"${extra[@]}"} &
server_pid=$!
if [ -n "$stop_requested" ]; then forward "$stop_requested"; fi

# wait_server: waits through forwarded signals for the server to end; returns its exit status. The JVM
# ends with 128+signal after a clean shutdown that we asked for: that counts as success.
wait_server() {
    while kill -0 "$server_pid" 2>/dev/null; do wait "$server_pid" || true; done
    local status=0
    wait "$server_pid" || status=$?
    server_pid=
    if [ -n "$stop_requested" ] && { [ "$status" -eq 143 ] || [ "$status" -eq 130 ]; }; then status=0; fi
    return "$status"
}

wait_ready() {
    local deadline=$((SECONDS + START_TIMEOUT))
    until pg_isready -q -h 127.0.0.1 -p "$PGPORT" -U "$POSTGRES_USER"; do
        if [ -n "$stop_requested" ] || ! kill -0 "$server_pid" 2>/dev/null; then
            local status=0
            wait_server || status=$?
            exit "$status"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "$0: error: pgsight did not accept connections within ${START_TIMEOUT}s" >&2
            exit 1
        fi
        sleep 0.2
    done
}

# docker_process_sql [psql args]: psql as the superuser, stopping at the first error (the official
# image's helper of the same name, which init *.sh scripts may call).
docker_process_sql() {
    psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U "$POSTGRES_USER" --no-password \
        --dbname "${POSTGRES_DB:-postgres}" "$@"
}

create_database() {
    if [ "$POSTGRES_DB" = postgres ]; then return; fi
    if docker_process_sql -q -c 'SELECT 1' >/dev/null 2>&1; then
        return
    fi
    # psql quotes the name (:"db"), so any name works.
    POSTGRES_DB=postgres docker_process_sql -q --set db="$POSTGRES_DB" <<'SQL'
CREATE DATABASE :"db";
SQL
}

run_init_files() {
    [ -d "$INITDB_DIR" ] || return 0
    local f
    for f in "$INITDB_DIR"/*; do
        [ -e "$f" ] || continue
        case "$f" in
            *.sh)
                if [ -x "$f" ]; then
                    echo "$0: running $f"
                    "$f"
                else
                    echo "$0: sourcing $f"
                    # shellcheck disable=SC1090
                    . "$f"
                fi
                ;;
            *.sql) echo "$0: running $f"; docker_process_sql -q -f "$f" ;;
            *.sql.gz) echo "$0: running $f"; gunzip -c "$f" | docker_process_sql -q ;;
            *.sql.xz) echo "$0: running $f"; xzcat "$f" | docker_process_sql -q ;;
            *) echo "$0: ignoring $f" ;;
        esac
    done
}

# A marker in a data directory the server really keeps means it was initialised: no need to wait.
if [ -n "${PGDATA:-}" ] && [ -e "$PGDATA/$MARKER" ]; then
    echo "$0: data directory $PGDATA is initialised; skipping the init folder"
else
    wait_ready
    # Init scripts and their psql calls reach the server over TCP with the superuser's password.
    export PGHOST=127.0.0.1 PGUSER="$POSTGRES_USER"
    if [ -n "$POSTGRES_PASSWORD" ]; then export PGPASSWORD="$POSTGRES_PASSWORD"; fi
    data_dir=$(POSTGRES_DB=postgres docker_process_sql -Atc "SELECT current_setting('data_directory', true)")
    create_database
    run_init_files
    if [ -n "$data_dir" ]; then
        touch "$data_dir/$MARKER"
    else
        echo "$0: pgsight keeps data in memory (no PGDATA): the init folder runs again at the next start"
    fi
    unset PGHOST PGUSER PGPASSWORD
    echo "$0: pgsight init process complete; ready for start up."
fi

status=0
wait_server || status=$?
exit "$status"
