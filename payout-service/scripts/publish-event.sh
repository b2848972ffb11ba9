#!/usr/bin/env bash
# Publishes one event to the local broker (deploy/local) as another service would: CloudEvents attributes in
# Kafka headers (binary mode), the JSON payload as the value. For the local run, when the producing service
# (kyc-service, commission-service, incentive-service) is not running yet.
#
#   payout-service/scripts/publish-event.sh TOPIC KEY TYPE SOURCE 'JSON-PAYLOAD'
#   payout-service/scripts/publish-event.sh kyc.events.v1 "$CASE" kyc.approved kyc-service '{"caseId":...}'
#
# The payload is one line of JSON without tabs; it must match the type's schema in platform/events. The Kafka
# tools come from the classpath deploy/local/up.sh resolved (KAFKA_CLASSPATH_FILE to use another checkout's).
set -euo pipefail
(($# == 5)) || { echo "usage: $0 TOPIC KEY TYPE SOURCE JSON" >&2; exit 2; }
topic="$1" key="$2" type="$3" source="$4" payload="$5"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
classpath_file="${KAFKA_CLASSPATH_FILE:-${root}/deploy/local/.run/kafka/classpath}"
[[ -s "${classpath_file}" ]] || { echo "no Kafka classpath at ${classpath_file}: run deploy/local/up.sh first" >&2; exit 1; }
id="$(cat /proc/sys/kernel/random/uuid)"
time="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
headers="ce_specversion:1.0,ce_id:${id},ce_type:${type},ce_source:${source},ce_subject:${key},ce_time:${time}"
headers+=",content-type:application/json,ce_dataschema:urn:downline:events:${type}:v1"
printf '%s\t%s\t%s\n' "${headers}" "${key}" "${payload}" \
  | java -Xmx128m -Dlog4j2.configurationFile="${root}/deploy/local/kafka/tools-log4j2.properties" \
      -cp "$(<"${classpath_file}")" org.apache.kafka.tools.ConsoleProducer \
      --bootstrap-server "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}" --topic "${topic}" \
      --property parse.key=true --property parse.headers=true
echo "${type} ${id} -> ${topic} (key ${key})"
