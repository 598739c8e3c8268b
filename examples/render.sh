#!/usr/bin/env bash
# Render the example organizations' documents into examples/*/out/.
# Run from the repository root after `pip install .`: bash examples/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
formats=${JOBDOCS_EXAMPLE_FORMATS:---format md --format docx}
# shellcheck disable=SC2086
jobdocs render corporate-client-manager key-account-manager purchasing-manager \
  --org examples/romashka/organization.yaml --lang ru --lang en $formats -o examples/romashka/out
# shellcheck disable=SC2086
jobdocs render key-account-manager client-manager \
  --org examples/northwind/organization.yaml --lang en $formats -o examples/northwind/out
# shellcheck disable=SC2086
jobdocs render key-account-manager \
  --org examples/nordhandel/organization.yaml --lang de --lang sv $formats -o examples/nordhandel/out
