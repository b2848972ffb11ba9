#!/usr/bin/env bash
# Starts the machine's PostgreSQL (installing it when missing) and creates the downline role and
# database idempotently. Usage: postgres.sh start|stop
set -euo pipefail
PG_VERSION="${PG_VERSION:-15}"
DB_NAME="${DB_NAME:-downline}"
# The tests run on their own database, so they never wipe the local run's data (and vice versa).
TEST_DB_NAME="${TEST_DB_NAME:-downline_test}"
DB_USER="${DB_USER:-downline}"
DB_PASSWORD="${DB_PASSWORD:-downline}"
# audit-service runs as a role that may only insert and select on its log (its migrations, run as DB_USER,
# grant exactly that); the role itself needs CREATEROLE to exist, so it is created here.
AUDIT_DB_USER="${AUDIT_DB_USER:-downline_audit}"
AUDIT_DB_PASSWORD="${AUDIT_DB_PASSWORD:-downline_audit}"
# Debian's default (128MB) is far below what a production server gives PostgreSQL; a subtree of 100,000
# members then comes from the OS cache page by page. 0 keeps the server's own setting.
PG_SHARED_BUFFERS="${PG_SHARED_BUFFERS:-1GB}"
# Debian's max_wal_size (1GB) makes a write-heavy service checkpoint every half minute, and the first change
# of every page after a checkpoint writes the whole 8 KB page into the WAL. A production server for this
# suite checkpoints on time, not on WAL volume. (wal_compression stays off: on these 2 cores the CPU is
# scarcer than the disk.) 0 keeps the server's own.
PG_MAX_WAL_SIZE="${PG_MAX_WAL_SIZE:-8GB}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

start() {
  if ! command -v pg_ctlcluster >/dev/null || [ ! -d "/etc/postgresql/${PG_VERSION}/main" ]; then
    echo "installing PostgreSQL ${PG_VERSION}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-${PG_VERSION}" "postgresql-contrib-${PG_VERSION}" >/dev/null \
      || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    as_root pg_ctlcluster --skip-systemctl-redirect "${PG_VERSION}" main start || true
  fi
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  pg_isready -h 127.0.0.1 -p 5432
  tune
  as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '${DB_USER}', '${DB_PASSWORD}')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${DB_USER}') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, '${DB_USER}') FROM unnest(ARRAY['${DB_NAME}', '${TEST_DB_NAME}']) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SQL
  audit_role
  # Extensions live once per database, in public; services keep public on their search path.
  for db in "${DB_NAME}" "${TEST_DB_NAME}"; do
    as_root runuser -u postgres -- env PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -d "${db}" \
      -c "CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public" \
      -c "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public" \
      -c "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public"
  done
  echo "PostgreSQL ready: jdbc:postgresql://127.0.0.1:5432/${DB_NAME} (tests: ${TEST_DB_NAME}, user ${DB_USER})"
}

# The audit role, and CONNECT on the local run's database and every test database (downline_test*).
audit_role() {
  as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '${AUDIT_DB_USER}', '${AUDIT_DB_PASSWORD}')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${AUDIT_DB_USER}') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', datname, '${AUDIT_DB_USER}') FROM pg_database
 WHERE datname = '${DB_NAME}' OR datname LIKE 'downline\_test%' \gexec
SQL
}

tune() {
  local current
  if [ "${PG_SHARED_BUFFERS}" != "0" ]; then
    current="$(as_root runuser -u postgres -- psql -tAc "SHOW shared_buffers")"
    if [ "${current}" != "${PG_SHARED_BUFFERS}" ]; then
      echo "setting shared_buffers ${current} -> ${PG_SHARED_BUFFERS} (restart)"
      as_root runuser -u postgres -- psql -q -c "ALTER SYSTEM SET shared_buffers = '${PG_SHARED_BUFFERS}'"
      as_root pg_ctlcluster --skip-systemctl-redirect "${PG_VERSION}" main restart
      for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
      pg_isready -h 127.0.0.1 -p 5432
    fi
  fi
  if [ "${PG_MAX_WAL_SIZE}" != "0" ]; then
    as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 \
      -c "ALTER SYSTEM SET max_wal_size = '${PG_MAX_WAL_SIZE}'" \
      -c "ALTER SYSTEM SET checkpoint_timeout = '15min'" \
      -c "SELECT pg_reload_conf()" >/dev/null
  fi
}

stop() { as_root pg_ctlcluster --skip-systemctl-redirect "${PG_VERSION}" main stop || true; }

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
