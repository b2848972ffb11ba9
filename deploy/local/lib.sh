# shellcheck shell=bash
# Shared by up.sh and down.sh: paths, versions, ports and process handling. Not run on its own.
#
# Every background process is started in its own session (setsid), so its process group id is
# its pid, recorded in .run/pids/<name>.pid; stopping signals the whole group, which also reaches
# children such as the java that Keycloak's kc.sh forks. Each process also carries
# DOWNLINE_LOCAL_RUN=<this .run dir>:<name> in its environment, so a recycled pid is never taken
# for ours and down.sh can find strays even without their pid files.

# shellcheck disable=SC2034 # the variables below are used by the scripts that source this file
LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${LOCAL_DIR}/../.." && pwd)"
RUN_DIR="${LOCAL_DIR}/.run"
PID_DIR="${RUN_DIR}/pids"
LOG_DIR="${RUN_DIR}/logs"

KAFKA_VERSION="4.1.2"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP="127.0.0.1:${KAFKA_PORT}"
KAFKA_DIR="${RUN_DIR}/kafka"
KAFKA_CP_FILE="${KAFKA_DIR}/classpath"

KEYCLOAK_VERSION="26.7.3"
KC_PORT="${KC_PORT:-8180}"
KC_URL="http://127.0.0.1:${KC_PORT}"
KC_HOME="${RUN_DIR}/keycloak-${KEYCLOAK_VERSION}"
KC_REALM="downline"

PG_PORT=5432
PG_MARKER="${RUN_DIR}/postgres.started-by-up"

DB_NAME="${DB_NAME:-downline}"
DB_USER="${DB_USER:-downline}"
DB_PASSWORD="${DB_PASSWORD:-downline}"
JDBC_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/${DB_NAME}"

RUN_MARKER_PREFIX="DOWNLINE_LOCAL_RUN=${RUN_DIR}:"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

# The Maven to use: the repository's wrapper when it is there, else mvn from the PATH.
mvn_cmd() {
  if [[ -x "${REPO_ROOT}/mvnw" ]]; then
    printf '%s\n' "${REPO_ROOT}/mvnw"
  else
    command -v mvn || die "neither ${REPO_ROOT}/mvnw nor mvn found"
  fi
}

pid_file() { printf '%s/%s.pid\n' "${PID_DIR}" "$1"; }

# Live (non-zombie) members of process group $1, one pid a line.
group_members() {
  ps -e -o pgid=,pid=,stat= | awk -v g="$1" '$1 == g && $3 !~ /^Z/ { print $2 }'
}

# Does process $1 carry the marker of component $2?
has_marker() {
  [[ -r "/proc/$1/environ" ]] && tr '\0' '\n' 2>/dev/null <"/proc/$1/environ" | grep -qxF "${RUN_MARKER_PREFIX}$2"
}

# Pid (= process group id) of component $1 when it is running, else nothing and status 1.
running_pid() {
  local file pid member members
  file="$(pid_file "$1")"
  [[ -f "${file}" ]] || return 1
  pid="$(<"${file}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  # Two looks: while a process execs (kc.sh re-execs java after its first build) its environ
  # reads empty for a moment.
  for _ in 1 2; do
    members="$(group_members "${pid}")"
    [[ -n "${members}" ]] || return 1
    for member in ${members}; do
      if has_marker "${member}" "$1"; then
        printf '%s\n' "${pid}"
        return 0
      fi
    done
    sleep 0.5
  done
  return 1
}

is_running() { running_pid "$1" >/dev/null; }

# Resident memory of a process group in MiB.
group_rss_mib() {
  ps -e -o pgid=,rss= | awk -v g="$1" '$1 == g { kb += $2 } END { printf "%d\n", kb / 1024 }'
}

# start_bg NAME WORKDIR COMMAND... : run COMMAND in the background, in its own session, with
# stdout and stderr in .run/logs/NAME.log (the previous log is kept as NAME.log.1).
start_bg() {
  local name="$1" workdir="$2" file logfile i
  shift 2
  file="$(pid_file "${name}")"
  logfile="${LOG_DIR}/${name}.log"
  mkdir -p "${PID_DIR}" "${LOG_DIR}"
  rm -f "${file}"
  if [[ -f "${logfile}" ]]; then mv -f "${logfile}" "${logfile}.1"; fi
  (
    cd "${workdir}" || exit 1
    export "${RUN_MARKER_PREFIX}${name}"
    # The inner bash is the session leader: it writes its own pid, then becomes COMMAND.
    # shellcheck disable=SC2016
    exec setsid bash -c 'echo "$$" >"$0"; exec "$@"' "${file}" "$@" </dev/null >"${logfile}" 2>&1
  ) &
  for ((i = 0; i < 50; i++)); do
    [[ -s "${file}" ]] && return 0
    sleep 0.1
  done
  die "${name} did not start; see ${logfile}"
}

# wait_for NAME TIMEOUT_SECONDS WHAT COMMAND... : poll COMMAND every second until it succeeds.
# Fails at once when NAME's processes are gone, and after TIMEOUT_SECONDS otherwise.
wait_for() {
  local name="$1" timeout="$2" what="$3" start logfile
  shift 3
  logfile="${LOG_DIR}/${name}.log"
  start="${SECONDS}"
  until "$@" >/dev/null 2>&1; do
    if ! is_running "${name}"; then
      tail -n 30 "${logfile}" >&2 2>/dev/null || true
      die "${name} exited before it was ready (${what}); log: ${logfile}"
    fi
    if ((SECONDS - start >= timeout)); then
      tail -n 30 "${logfile}" >&2 2>/dev/null || true
      die "${name} not ready after ${timeout}s (${what}); log: ${logfile}"
    fi
    sleep 1
  done
}

# Is something listening on 127.0.0.1:$1?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Refuse to start NAME when someone else already holds its port.
ensure_port_free() {
  local name="$1" port="$2"
  if port_open "${port}"; then
    ss -ltnp "sport = :${port}" >&2 2>/dev/null || true
    die "port ${port} (${name}) is taken by a process that up.sh did not start (see above); stop it first"
  fi
}

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1"; }

# stop_group NAME TIMEOUT_SECONDS : SIGTERM the process group, SIGKILL what is left after the timeout.
stop_group() {
  local name="$1" timeout="$2" pid i
  if ! pid="$(running_pid "${name}")"; then
    rm -f "$(pid_file "${name}")"
    return 0
  fi
  log "stopping ${name} (process group ${pid})"
  kill -TERM -- "-${pid}" 2>/dev/null || true
  for ((i = 0; i < timeout * 5; i++)); do
    [[ -z "$(group_members "${pid}")" ]] && break
    sleep 0.2
  done
  if [[ -n "$(group_members "${pid}")" ]]; then
    warn "${name} still running after ${timeout}s: SIGKILL"
    kill -KILL -- "-${pid}" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pid_file "${name}")"
}

# Pids of every live process that carries this checkout's marker (any component).
marked_pids() {
  local environ pid
  for environ in /proc/[0-9]*/environ; do
    pid="${environ#/proc/}"
    pid="${pid%/environ}"
    [[ "${pid}" == "$$" || "${pid}" == "${BASHPID}" ]] && continue
    if tr '\0' '\n' 2>/dev/null <"${environ}" | grep -qF "${RUN_MARKER_PREFIX}"; then
      [[ "$(ps -o stat= -p "${pid}" 2>/dev/null)" == Z* ]] || printf '%s\n' "${pid}"
    fi
  done
}
