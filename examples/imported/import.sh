#!/usr/bin/env bash
# Import the seed documents into examples/imported/roles/ and render them back
# into examples/imported/out/, each with the organization profile the import
# suggested from its approval block. Run after `pip install .`:
#   bash examples/imported/import.sh
set -euo pipefail
cd "$(dirname "$0")"
rm -rf roles out schemas
# The schemas the modelines of jobdocs.yaml and the suggested profiles name, as
# `jobdocs init` saves them.
mkdir schemas
for kind in role organization project frame; do jobdocs schema "$kind" > "schemas/$kind-1.json"; done
# report.txt is what the terminal shows; findings name work left for a person, not a failure.
jobdocs import ../../tests/fixtures/seeds/*.txt > report.txt || true
for role in roles/*.yaml; do
  profile=roles/organizations/$(basename "$role")
  if [ -f "$profile" ]; then
    jobdocs render "$role" --org "$profile" > /dev/null
  else
    jobdocs render "$role" > /dev/null
  fi
done
