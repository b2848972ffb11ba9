#!/usr/bin/env bash
# Lints every service's OpenAPI document, as exported by the build (target/openapi/openapi.yaml), with Redocly
# CLI's recommended rules (redocly.yaml at the root). Fails on any error, or when a service has no document
# (run the build first: ./mvnw verify or package). Needs Node.js; installs Debian's when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
REDOCLY_VERSION=2.77.0

if ! command -v npx >/dev/null; then
  echo "Node.js is missing: installing Debian's nodejs and npm" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  ${SUDO} apt-get update -qq && ${SUDO} apt-get install -y -qq nodejs npm >/dev/null
fi

documents=()
for module in *-service; do
  document="${module}/target/openapi/openapi.yaml"
  if [[ ! -f "${document}" ]]; then
    echo "${module}: no ${document}; build the module first" >&2
    exit 1
  fi
  documents+=("${document}")
done

npx --yes "@redocly/cli@${REDOCLY_VERSION}" lint --config redocly.yaml "${documents[@]}"
