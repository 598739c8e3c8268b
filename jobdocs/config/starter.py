"""The jobdocs.yaml `jobdocs init` writes: every key, the optional ones commented
(each example valid as it stands once uncommented: tests/test_build.py)."""

from __future__ import annotations

STARTER = """\
# jobdocs project file: `jobdocs build` writes every role below, for every
# organization, in every language and format named here. Paths are relative
# to this file; every key is optional. See docs/project-format.md and
# docs/build.md. The modeline names the schema `jobdocs init` saved, for editors.
# yaml-language-server: $schema=schemas/project-1.json
format: 1

# The role library: one YAML file per role (`jobdocs list` shows them).
roles: roles

# The organization profile (name, approver, agreeing officials, date...).
# organization: org/organization.yaml
# Or several: `jobdocs build` writes each into its own folder of the output.
# organizations: [org/romashka.yaml, org/vasilek.yaml]

# Languages to write (default: every language a role is written in).
# languages: [ru, en]

# Formats: md, docx, pdf (pdf needs LibreOffice).
formats: [md, docx]

# Where documents go: <output>/<role-id>.<lang>.<format>.
output: documents

# The Word document DOCX and PDF take their styles and letterhead from.
# reference_doc: org/letterhead.docx

# Page margins (mm) and body font of DOCX and PDF, over the letterhead's
# (30 mm on the left for documents kept over ten years).
# house_style:
#   page: {left_mm: 30, right_mm: 10, top_mm: 20, bottom_mm: 20}
#   font: {name: Times New Roman, size: 14}

# The document's frame (docs/frames.md): ru-gost, en-gb, en-us, de, sv, one per
# language, or a company's own over one (default: the preset of the profile's law).
# frame: {ru: ru-gost, en: en-gb}

# Registration numbers: one per role, or a pattern with a register
# (docs/organization-format.md).
# number:
#   pattern: {ru: "{seq}-ДИ"}
#   register: numbers.yaml

# Sections beside the built-in ones that every role may use
# (docs/role-format.md, "Declared sections").
# declare_sections:
#   working-conditions:
#     heading: {ru: Условия работы, en: Working Conditions}
#     after: responsibility

# The company's own catalogs and templates (docs/translating.md).
# wording: wording

# The register of who signed which version (`jobdocs ack`, docs/acknowledgements.md):
# a SQLite file here (the default) or a postgresql:// URL without a password,
# and the staff list `jobdocs ack due` and `ack status` read.
# acknowledgements:
#   database: acknowledgements.db
#   staff: hr/staff.csv

# The git tags that mark approved versions (`jobdocs serve`'s history).
# approved: "approved/{role}/*"

# Lint rules `jobdocs validate` makes errors (docs/validation.md).
# lint:
#   unlimited-liability: error
#   result-liability: error
"""
