"""The jobdocs.yaml `jobdocs init` writes: every key, commented."""

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
"""
