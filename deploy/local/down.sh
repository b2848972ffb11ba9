#!/usr/bin/env bash
# Stops what deploy/local/up.sh started: the services, Keycloak (kc.sh and the java it forks),
# Kafka, and PostgreSQL only when up.sh was the one that started it. Each gets SIGTERM, then
# SIGKILL after STOP_TIMEOUT seconds (default 30).
#
#   deploy/local/down.sh           stop, keep data (Kafka topics and offsets, Keycloak's realm)
#   deploy/local/down.sh --clean   stop, then delete Kafka's data and Keycloak's dev database, so
#                                  the next up.sh starts empty and re-imports the realm file
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STOP_TIMEOUT="${STOP_TIMEOUT:-30}"
CLEAN=false
case "${1:-}" in
  "") ;;
  --clean) CLEAN=true ;;
  *) echo "usage: $0 [--clean]" >&2; exit 2 ;;
esac

if [[ -d "${PID_DIR}" ]]; then
  # Services first (they hold connections to the rest), then Keycloak, then Kafka.
  for file in "${PID_DIR}"/svc-*.pid; do
    [[ -e "${file}" ]] || continue
    name="$(basename "${file}" .pid)"
    stop_group "${name}" "${STOP_TIMEOUT}"
  done
  stop_group keycloak "${STOP_TIMEOUT}"
  stop_group kafka "${STOP_TIMEOUT}"
fi

# Anything of ours still alive (a lost pid file, a child that left its group): SIGTERM, then SIGKILL.
mapfile -t strays < <(marked_pids)
if ((${#strays[@]} > 0)); then
  warn "stopping leftover processes ${strays[*]}"
  kill -TERM "${strays[@]}" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
    mapfile -t strays < <(marked_pids)
    ((${#strays[@]} == 0)) && break
    sleep 0.2
  done
  if ((${#strays[@]} > 0)); then
    kill -KILL "${strays[@]}" 2>/dev/null || true
  fi
fi

if [[ -f "${PG_MARKER}" ]]; then
  log "stopping PostgreSQL (up.sh started it)"
  "${LOCAL_DIR}/postgres.sh" stop
  rm -f "${PG_MARKER}"
else
  log "leaving PostgreSQL as it was (up.sh did not start it)"
fi

if [[ "${CLEAN}" == true ]]; then
  log "deleting Kafka data and Keycloak's dev database"
  rm -rf "${KAFKA_DIR}/data" "${KC_HOME}/data/h2" "${KC_HOME}/data/transaction-logs" "${KC_HOME}/data/import.sha256"
fi

busy=()
for port in "${KAFKA_PORT}" "${KAFKA_CONTROLLER_PORT}" "${KC_PORT}"; do
  if port_open "${port}"; then busy+=("${port}"); fi
done
if ((${#busy[@]} > 0)); then
  warn "still listening: port(s) ${busy[*]} (not started by up.sh?)"
fi
log "stopped"
