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
# The American and the German company keep their own roles, written for their law;
# their documents are printed to PDF too, as HR signs them.
# shellcheck disable=SC2086
jobdocs render examples/brightline/roles/customer-success-manager.yaml \
  --org examples/brightline/organization.yaml --lang en --format pdf $formats -o examples/brightline/out
# shellcheck disable=SC2086
jobdocs render examples/elbtal/roles/vertriebsinnendienst.yaml \
  --org examples/elbtal/organization.yaml --lang de --format pdf $formats -o examples/elbtal/out
