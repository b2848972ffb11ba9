#!/usr/bin/env bash
# Starts the Downline suite locally, without Docker: PostgreSQL, a Kafka KRaft broker, Keycloak
# with the downline realm, then the services below. Builds or downloads what is missing, waits
# until each piece is ready, and is idempotent: what already runs is left alone.
#
#   deploy/local/up.sh                        everything
#   SERVICES="" deploy/local/up.sh            infrastructure only
#   SERVICES="user-service:8081" deploy/local/up.sh
#   REBUILD=1 deploy/local/up.sh              rebuild the services' jars first
#
# Stop it all with deploy/local/down.sh. Logs: deploy/local/.run/logs/.
set -euo pipefail

# Services to start: "<directory>:<port>". Adding a service is uncommenting (or adding) one line.
# The SERVICES environment variable, when set (even empty), replaces this list.
if [[ -n "${SERVICES+set}" ]]; then
  read -r -a SERVICES <<<"${SERVICES}"
else
  SERVICES=(
    user-service:8081
    kyc-service:8082
    commission-service:8083
    payout-service:8084
    incentive-service:8085
    notification-service:8086
    audit-service:8087
  )
fi

# Bounded waits, in seconds.
KAFKA_TIMEOUT="${KAFKA_TIMEOUT:-90}"
KC_TIMEOUT="${KC_TIMEOUT:-300}" # first start: ~30 s idle machine, 150 s measured under load
SERVICE_TIMEOUT="${SERVICE_TIMEOUT:-120}"

KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}"

# The Keycloak subject of the demo user root@downline.example (fixed in keycloak/downline-realm.json),
# passed to the services as the root (company) member's login.
ROOT_SUBJECT="00000000-0000-4000-8000-000000000001"

# users.events.v1 keeps its whole history: a service that switches on the platform's member projection
# builds it from the topic's beginning.
MEMBER_TOPIC=users.events.v1
TOPICS=(kyc.events.v1 orders.events.v1 commissions.events.v1 payouts.events.v1 incentives.events.v1)
TOPIC_PARTITIONS=6
TOPIC_RETENTION_MS=604800000 # 7 days
# Dead letters, <service>.<topic>.dlq as in deploy/k8s/base/topics.yaml: one partition, kept 30 days for replay.
DLQ_TOPICS=(
  user-service.commissions.events.v1.dlq user-service.kyc.events.v1.dlq user-service.orders.events.v1.dlq
  kyc-service.users.events.v1.dlq
  commission-service.orders.events.v1.dlq commission-service.users.events.v1.dlq
  payout-service.commissions.events.v1.dlq payout-service.incentives.events.v1.dlq payout-service.kyc.events.v1.dlq payout-service.users.events.v1.dlq
  incentive-service.commissions.events.v1.dlq incentive-service.kyc.events.v1.dlq incentive-service.orders.events.v1.dlq incentive-service.users.events.v1.dlq
  notification-service.commissions.events.v1.dlq notification-service.incentives.events.v1.dlq notification-service.kyc.events.v1.dlq notification-service.orders.events.v1.dlq notification-service.payouts.events.v1.dlq notification-service.users.events.v1.dlq
  audit-service.commissions.events.v1.dlq audit-service.incentives.events.v1.dlq audit-service.kyc.events.v1.dlq audit-service.orders.events.v1.dlq audit-service.payouts.events.v1.dlq audit-service.users.events.v1.dlq
)
DLQ_RETENTION_MS=2592000000

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mkdir -p "${RUN_DIR}" "${PID_DIR}" "${LOG_DIR}"
MVN="$(mvn_cmd)"
declare -A STARTED_IN=() # component -> seconds to ready, for the ones this run started

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
start_postgres() {
  local was_up=false
  if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p "${PG_PORT}"; then
    was_up=true
  fi
  local t0="${SECONDS}"
  "${LOCAL_DIR}/postgres.sh" start >"${LOG_DIR}/postgres.log" 2>&1 \
    || { tail -n 20 "${LOG_DIR}/postgres.log" >&2; die "PostgreSQL did not start; log: ${LOG_DIR}/postgres.log"; }
  if [[ "${was_up}" == false ]]; then
    date -u +%FT%TZ >"${PG_MARKER}" # down.sh stops only a PostgreSQL that up.sh started
    STARTED_IN[postgres]=$((SECONDS - t0))
    log "PostgreSQL started (${JDBC_URL})"
  else
    log "PostgreSQL already running (${JDBC_URL})"
  fi
}

# ---------------------------------------------------------------------------------------------
# Kafka
# ---------------------------------------------------------------------------------------------
kafka_java() { # kafka_java MAIN_CLASS ARGS... : a Kafka tool from the broker's classpath
  java -Xmx256m -Dlog4j2.configurationFile="${LOCAL_DIR}/kafka/tools-log4j2.properties" \
    -cp "$(<"${KAFKA_CP_FILE}")" "$@"
}

prepare_kafka() {
  mkdir -p "${KAFKA_DIR}"
  if [[ ! -s "${KAFKA_CP_FILE}" || "${LOCAL_DIR}/kafka/pom.xml" -nt "${KAFKA_CP_FILE}" ]]; then
    log "resolving the Kafka ${KAFKA_VERSION} classpath (downloads from Maven Central the first time)"
    "${MVN}" -B -ntp -q -f "${LOCAL_DIR}/kafka/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="${KAFKA_CP_FILE}" >"${LOG_DIR}/kafka-classpath.log" 2>&1 \
      || { rm -f "${KAFKA_CP_FILE}"; die "could not resolve the Kafka classpath; log: ${LOG_DIR}/kafka-classpath.log"; }
  fi
  if [[ ! -s "${KAFKA_DIR}/cluster.id" ]]; then
    kafka_java kafka.tools.StorageTool random-uuid >"${KAFKA_DIR}/cluster.id"
  fi
  cat >"${KAFKA_DIR}/server.properties" <<EOF
# Generated by deploy/local/up.sh: a single-node KRaft broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=${KAFKA_DIR}/data
num.partitions=${TOPIC_PARTITIONS}
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# The domain and dead-letter topics are declared below; auto-creation stays on for test tools.
auto.create.topics.enable=true
log.retention.hours=168
EOF
  if [[ ! -f "${KAFKA_DIR}/data/meta.properties" ]]; then
    log "formatting Kafka storage (cluster id $(<"${KAFKA_DIR}/cluster.id"))"
    kafka_java kafka.tools.StorageTool format -t "$(<"${KAFKA_DIR}/cluster.id")" \
      -c "${KAFKA_DIR}/server.properties" --ignore-formatted >"${LOG_DIR}/kafka-format.log" 2>&1 \
      || die "Kafka storage format failed; log: ${LOG_DIR}/kafka-format.log"
  fi
}

start_kafka() {
  if is_running kafka; then
    log "Kafka already running (${KAFKA_BOOTSTRAP})"
    return 0
  fi
  ensure_port_free kafka "${KAFKA_PORT}"
  ensure_port_free kafka-controller "${KAFKA_CONTROLLER_PORT}"
  prepare_kafka
  log "starting Kafka ${KAFKA_VERSION} on ${KAFKA_BOOTSTRAP}"
  local t0="${SECONDS}"
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several JVM options
  start_bg kafka "${KAFKA_DIR}" java ${KAFKA_HEAP_OPTS} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true -Dlog4j2.configurationFile="${LOCAL_DIR}/kafka/log4j2.properties" \
    -cp "$(<"${KAFKA_CP_FILE}")" kafka.Kafka "${KAFKA_DIR}/server.properties"
  wait_for kafka "${KAFKA_TIMEOUT}" "port ${KAFKA_PORT}" port_open "${KAFKA_PORT}"
  wait_for kafka "${KAFKA_TIMEOUT}" "broker started" grep -q 'Kafka Server started' "${LOG_DIR}/kafka.log"
  STARTED_IN[kafka]=$((SECONDS - t0))
  log "Kafka ready in ${STARTED_IN[kafka]}s"
}

create_topics() {
  local existing
  existing="$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "${KAFKA_BOOTSTRAP}" --list 2>>"${LOG_DIR}/kafka-topics.log")" \
    || die "could not list Kafka topics; log: ${LOG_DIR}/kafka-topics.log"
  create_missing "${existing}" "${TOPIC_PARTITIONS}" -1 "${MEMBER_TOPIC}"
  create_missing "${existing}" "${TOPIC_PARTITIONS}" "${TOPIC_RETENTION_MS}" "${TOPICS[@]}"
  create_missing "${existing}" 1 "${DLQ_RETENTION_MS}" "${DLQ_TOPICS[@]}"
}

# create_missing <existing topics> <partitions> <retention ms> <topic>...
create_missing() {
  local existing="$1" partitions="$2" retention="$3" topic missing=()
  shift 3
  for topic in "$@"; do
    grep -qxF "${topic}" <<<"${existing}" || missing+=("${topic}")
  done
  if ((${#missing[@]} == 0)); then
    log "Kafka topics present: $*"
    return 0
  fi
  for topic in "${missing[@]}"; do
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "${KAFKA_BOOTSTRAP}" --create --if-not-exists \
      --topic "${topic}" --partitions "${partitions}" --replication-factor 1 \
      --config "retention.ms=${retention}" >>"${LOG_DIR}/kafka-topics.log" 2>&1 \
      || die "could not create topic ${topic}; log: ${LOG_DIR}/kafka-topics.log"
  done
  log "Kafka topics created: ${missing[*]}"
}

# ---------------------------------------------------------------------------------------------
# Keycloak
# ---------------------------------------------------------------------------------------------
prepare_keycloak() {
  local zip="${RUN_DIR}/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip"
  if [[ ! -f "${KC_HOME}/bin/kc.sh" ]]; then
    if [[ ! -f "${zip}" ]]; then
      log "downloading Keycloak ${KEYCLOAK_VERSION} from Maven Central (about 170 MB)"
      "${MVN}" -B -ntp -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip" \
        -DoutputDirectory="${RUN_DIR}" >"${LOG_DIR}/keycloak-download.log" 2>&1 \
        || die "Keycloak download failed; log: ${LOG_DIR}/keycloak-download.log"
    fi
    log "unpacking Keycloak into ${KC_HOME}"
    rm -rf "${KC_HOME}"
    if command -v unzip >/dev/null; then
      unzip -q "${zip}" -d "${RUN_DIR}"
    else
      python3 -m zipfile -e "${zip}" "${RUN_DIR}"
      chmod +x "${KC_HOME}"/bin/*.sh
    fi
  fi
  # --import-realm imports only a realm that does not exist yet: a changed realm file needs
  # `down.sh --clean` (which drops Keycloak's dev database) to take effect.
  local realm="${LOCAL_DIR}/keycloak/downline-realm.json" sums="${KC_HOME}/data/import.sha256"
  mkdir -p "${KC_HOME}/data/import"
  cp -f "${realm}" "${KC_HOME}/data/import/downline-realm.json"
  if [[ -d "${KC_HOME}/data/h2" && -f "${sums}" ]] && ! (cd "${KC_HOME}/data/import" && sha256sum --status -c "${sums}" 2>/dev/null); then
    warn "keycloak/downline-realm.json changed since the realm was imported; run down.sh --clean to re-import it"
  fi
  if [[ ! -d "${KC_HOME}/data/h2" ]]; then
    (cd "${KC_HOME}/data/import" && sha256sum downline-realm.json >"${sums}")
  fi
}

start_keycloak() {
  local ready_url="${KC_URL}/realms/${KC_REALM}/.well-known/openid-configuration"
  if is_running keycloak; then
    log "Keycloak already running (${KC_URL})"
    wait_for keycloak "${KC_TIMEOUT}" "${ready_url}" http_ok "${ready_url}"
    return 0
  fi
  ensure_port_free keycloak "${KC_PORT}"
  prepare_keycloak
  log "starting Keycloak ${KEYCLOAK_VERSION} on ${KC_URL} (first start about 30 s)"
  local t0="${SECONDS}"
  # The fixed hostname makes the token issuer http://127.0.0.1:8180/realms/downline however
  # the token endpoint was reached (localhost or 127.0.0.1), as the services expect.
  start_bg keycloak "${KC_HOME}" env \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "${KC_HOME}/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="${KC_PORT}" \
    --hostname="${KC_URL}" --import-realm
  wait_for keycloak "${KC_TIMEOUT}" "${ready_url}" http_ok "${ready_url}"
  STARTED_IN[keycloak]=$((SECONDS - t0))
  log "Keycloak ready in ${STARTED_IN[keycloak]}s"
}

# ---------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------
svc_name() { printf '%s\n' "${1%%:*}"; }
svc_port() { printf '%s\n' "${1##*:}"; }
svc_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar\n' "${REPO_ROOT}" "$1"; }

# Fills SERVICES_TO_START with the listed services that exist and are not running, and builds
# those whose jar is missing (all in one Maven run) before anything else starts.
SERVICES_TO_START=()
build_services() {
  local entry svc to_build=()
  for entry in "${SERVICES[@]}"; do
    [[ "${entry}" == *:* ]] || die "SERVICES entry '${entry}' is not <directory>:<port>"
    svc="$(svc_name "${entry}")"
    if [[ ! -f "${REPO_ROOT}/${svc}/pom.xml" ]]; then
      warn "skipping ${svc}: ${REPO_ROOT}/${svc}/pom.xml does not exist"
      continue
    fi
    is_running "svc-${svc}" && continue
    SERVICES_TO_START+=("${entry}")
    if [[ "${REBUILD:-0}" == 1 || ! -f "$(svc_jar "${svc}")" ]]; then
      to_build+=("${svc}")
    fi
  done
  ((${#to_build[@]} > 0)) || return 0
  local modules t0="${SECONDS}"
  modules="$(IFS=,; printf '%s' "${to_build[*]}")"
  log "building ${modules} (-DskipTests -pl ${modules} -am install; log: ${LOG_DIR}/build.log)"
  (cd "${REPO_ROOT}" && "${MVN}" -B -q -DskipTests -pl "${modules}" -am install) >"${LOG_DIR}/build.log" 2>&1 \
    || { tail -n 40 "${LOG_DIR}/build.log" >&2; echo >&2; die "build failed; log: ${LOG_DIR}/build.log"; }
  log "built ${modules} in $((SECONDS - t0))s"
}

start_services() {
  local entry svc port
  for entry in "${SERVICES[@]}"; do
    svc="$(svc_name "${entry}")"
    if is_running "svc-${svc}"; then log "${svc} already running"; fi
  done
  ((${#SERVICES_TO_START[@]} > 0)) || return 0
  for entry in "${SERVICES_TO_START[@]}"; do
    svc="$(svc_name "${entry}")"
    port="$(svc_port "${entry}")"
    ensure_port_free "${svc}" "${port}"
    log "starting ${svc} on http://127.0.0.1:${port}"
    STARTED_IN["svc-${svc}"]="${SECONDS}"
    # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS holds several JVM options
    start_bg "svc-${svc}" "${REPO_ROOT}/${svc}" env \
      QUARKUS_HTTP_PORT="${port}" \
      DB_URL="${JDBC_URL}" DB_USER="${DB_USER}" DB_PASSWORD="${DB_PASSWORD}" \
      KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP}" \
      OIDC_AUTH_SERVER_URL="${KC_URL}/realms/${KC_REALM}" OIDC_CLIENT_ID=downline-api \
      ROOT_MEMBER_EMAIL="${ROOT_MEMBER_EMAIL:-root@downline.example}" \
      ROOT_MEMBER_SUBJECT="${ROOT_MEMBER_SUBJECT:-${ROOT_SUBJECT}}" \
      java ${SERVICE_JAVA_OPTS} -jar "$(svc_jar "${svc}")"
  done
  for entry in "${SERVICES_TO_START[@]}"; do
    svc="$(svc_name "${entry}")"
    port="$(svc_port "${entry}")"
    wait_for "svc-${svc}" "${SERVICE_TIMEOUT}" "http://127.0.0.1:${port}/q/health/ready" \
      http_ok "http://127.0.0.1:${port}/q/health/ready"
    STARTED_IN["svc-${svc}"]=$((SECONDS - STARTED_IN["svc-${svc}"]))
    log "${svc} ready in ${STARTED_IN["svc-${svc}"]}s"
  done
}

# ---------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------
proc_info() { # pid and RSS of a component, or "-"
  local pid
  if pid="$(running_pid "$1")"; then
    printf 'pid %-7s %5s MiB' "${pid}" "$(group_rss_mib "${pid}")"
  else
    printf '%s' "-"
  fi
}

summary() {
  local entry svc port
  printf '\n%-22s %-62s %s\n' "COMPONENT" "WHERE" "PROCESS"
  printf '%-22s %-62s %s\n' "postgresql" "${JDBC_URL} (${DB_USER}/${DB_PASSWORD})" \
    "$([[ -f "${PG_MARKER}" ]] && echo "started by up.sh" || echo "machine's own")"
  printf '%-22s %-62s %s\n' "kafka" "${KAFKA_BOOTSTRAP} (controller :${KAFKA_CONTROLLER_PORT})" "$(proc_info kafka)"
  printf '%-22s %-62s %s\n' "keycloak" "${KC_URL}/admin  (admin / admin)" "$(proc_info keycloak)"
  printf '%-22s %-62s\n' "  realm" "${KC_URL}/realms/${KC_REALM}"
  printf '%-22s %-62s\n' "  token endpoint" "${KC_URL}/realms/${KC_REALM}/protocol/openid-connect/token"
  for entry in "${SERVICES[@]}"; do
    svc="$(svc_name "${entry}")"
    port="$(svc_port "${entry}")"
    is_running "svc-${svc}" || continue
    printf '%-22s %-62s %s\n' "${svc}" "http://127.0.0.1:${port}" "$(proc_info "svc-${svc}")"
    printf '%-22s %-62s\n' "  openapi" "http://127.0.0.1:${port}/q/openapi"
    printf '%-22s %-62s\n' "  health" "http://127.0.0.1:${port}/q/health"
    printf '%-22s %-62s\n' "  metrics" "http://127.0.0.1:${port}/q/metrics"
  done
  printf '\nTopics: %s (%s partitions, kept forever); %s (7 days)\n' "${MEMBER_TOPIC}" "${TOPIC_PARTITIONS}" "${TOPICS[*]}"
  printf 'Dead-letter topics: %s (1 partition, 30 days)\n' "${DLQ_TOPICS[*]}"
  printf 'Logs: %s/   Stop: deploy/local/down.sh\n' "${LOG_DIR}"
  if ((${#STARTED_IN[@]} > 0)); then
    local k line=""
    for k in "${!STARTED_IN[@]}"; do line+=" ${k}=${STARTED_IN[${k}]}s"; done
    printf 'Started now (seconds to ready):%s\n' "${line}"
  fi
  cat <<EOF

Demo token (users: root alice bob officer finance1 finance2 auditor admin, password "password"):
  TOKEN=\$(curl -s -d grant_type=password -d client_id=downline-web -d username=alice -d password=password \\
    ${KC_URL}/realms/${KC_REALM}/protocol/openid-connect/token | jq -r .access_token)
  jq -R 'split(".")[1] | gsub("-";"+") | gsub("_";"/") | @base64d | fromjson' <<<"\$TOKEN"   # its claims
  curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8081/api/members/...
EOF
}

build_services
start_postgres
start_kafka
create_topics
start_keycloak
start_services
summary
