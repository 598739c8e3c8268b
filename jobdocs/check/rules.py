"""Every rule id a finding can carry, with what it means: for SARIF, docs and tests.

docs/validation.md explains each one and how to fix it; a test keeps the two
lists equal.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    """A kind of finding: its default severity and a one-line summary."""

    severity: str
    summary: str


RULES: dict[str, Rule] = {
    # Reading the file
    "io": Rule("error", "The path is missing, a directory, or cannot be read."),
    "size": Rule("error", "The file is too large or holds too many values."),
    "encoding": Rule("error", "The file is not UTF-8 text (UTF-16, Latin-1, binary)."),
    # YAML
    "yaml": Rule("error", "YAML syntax error, an invalid scalar, or a second document."),
    "yaml-alias": Rule("error", "A YAML anchor or alias; role files write every value out."),
    "yaml-tag": Rule("error", "A Python tag or another tag outside YAML's core schema."),
    "yaml-merge": Rule("error", "A merge key ('<<'); write the keys out."),
    "yaml-depth": Rule("error", "Values nested deeper than the loader allows."),
    "duplicate-key": Rule("error", "A mapping key given twice; YAML would keep only the last."),
    "too-many": Rule("error", "So many problems in one file that the loader stopped."),
    # The schema (`jobdocs schema`): one rule per kind of JSON Schema error
    "type": Rule("error", "A value of the wrong type: a text where a list belongs, a "
                 "mapping where a text belongs; or an empty file."),
    "required": Rule("error", "A required key is missing."),
    "unknown-key": Rule("error", "A key the format does not have (with a 'did you mean' hint)."),
    "key-name": Rule("error", "A key that must be a kebab-case name (a section key) is not."),
    "pattern": Rule("error", "A text of the wrong form: an id that is not kebab-case, a "
                    "language code that is not two or three letters."),
    "empty": Rule("error", "A text that is empty or only blanks."),
    "enum": Rule("error", "A value that is not one of those allowed (format: 1 or 2)."),
    "min-items": Rule("error", "An empty list where at least one entry is needed."),
    "max-items": Rule("error", "'remove' in a role that extends nothing."),
    "unique-items": Rule("error", "A list that must not repeat an entry does (organizations "
                         "in jobdocs.yaml)."),
    "min-properties": Rule("error", "An empty mapping where at least one entry is needed "
                           "(a text with no language)."),
    "range": Rule("error", "A number outside its range (acknowledgement_rows: 1 to 200)."),
    "format": Rule("error", "A date not written YYYY-MM-DD."),
    "clauses-and-items": Rule("error", "A clause with both numbered sub-clauses and a dashed "
                              "list."),
    "unknown-schema": Rule("warning", "The yaml-language-server modeline names a schema "
                           "jobdocs does not know."),
    # The role
    "duplicate-language": Rule("error", "A language listed twice in 'languages'."),
    "missing-translation": Rule("error", "A text or title lacks one of the role's languages."),
    "undeclared-language": Rule("error", "A text in a language the role does not declare."),
    "title-case": Rule("error", "The Russian title lacks a grammatical case the templates "
                       "print."),
    "duplicate-id": Rule("error", "Two clauses or items with the same id, at any level (after "
                         "inheritance)."),
    "too-deep": Rule("error", "Sub-clauses nested deeper than six levels."),
    # Sections
    "duplicate-section": Rule("error", "A section declared twice, or a built-in one declared."),
    "unknown-section": Rule("error", "A section key neither built in nor declared, or a "
                            "placement or house style naming no section."),
    "missing-section": Rule("error", "A section the house style requires is missing or empty."),
    "missing-heading": Rule("error", "A declared section without a heading in one of the "
                            "role's languages."),
    "no-catalog": Rule("error", "A declared language jobdocs has no catalog for."),
    "id-file-name": Rule("warning", "The role's id differs from its file name, so the id "
                         "does not find it."),
    # Inheritance
    "unknown-parent": Rule("error", "'extends' names a role that does not exist."),
    "cycle": Rule("error", "Roles extend each other in a circle."),
    "unknown-remove": Rule("error", "'remove' names no clause or item of the parent."),
    "unknown-anchor": Rule("error", "'after' or 'before' names no clause of that section."),
    "placement": Rule("error", "A clause or a declared section gives both 'after' and "
                      "'before'."),
    "wrong-section": Rule("error", "An inherited clause is overridden in another section."),
    "missing-text": Rule("error", "A clause new in a derived role has no text."),
    "empty-section": Rule("warning", "A section key without clauses."),
    # Clause text
    "undefined-variable": Rule("error", "Clause text uses a name nobody provides."),
    "unknown-ref": Rule("error", "ref() names no clause, or a dashed item."),
    "unnumbered-ref": Rule("warning", "ref() under a frame whose clauses carry no numbers: it "
                           "prints the words of the clause it names."),
    "jinja-syntax": Rule("error", "Clause text is not a valid Jinja template."),
    "sandbox": Rule("error", "Clause text does something the sandbox forbids."),
    "sandbox-size": Rule("error", "Clause text would allocate more than a clause may hold."),
    "sandbox-depth": Rule("error", "Clause text nests too deeply."),
    "sandbox-time": Rule("error", "Clause text takes too long to render."),
    "render": Rule("error", "Clause text fails or grows too long when rendered."),
    "same-in-two-languages": Rule("warning", "A clause reads the same in two languages: "
                                  "probably not translated."),
    "long-clause": Rule("warning", "A clause so long it should be split."),
    # Jurisdictions and translations
    "unknown-law": Rule("error", "A clause holds under a jurisdiction the role is not written "
                        "for, or outside its parent clause's."),
    "no-law-text": Rule("warning", "A document follows a law the role has no text for: a "
                        "clause bound to another law is left out."),
    "translation-due": Rule("warning", "The reference text changed since a translation was "
                            "written (or the translation records none)."),
    # A lawyer's lint (warnings unless jobdocs.yaml raises them): each rule's reason
    # (check/lint/patterns.py) as a sentence, written out so that the server's catalog
    # extracts it and shows it translated (a test keeps the two equal).
    "fine": Rule("warning", "A fine is no disciplinary penalty: the law lists the penalties."),
    "unlimited-liability": Rule("warning", "The employee's liability for damage is limited "
                                "by law."),
    "employer-duty": Rule("warning", "This duty is the employer's: the employee complies "
                          "with it."),
    "other-instructions": Rule("warning", "Work outside the labour function cannot be "
                               "demanded."),
    "overtime-duty": Rule("warning", "Overtime and work on days off are no standing duty."),
    "acknowledgement-wording": Rule("warning", "The Labour Code says «под роспись»."),
    "result-liability": Rule("warning", "An employee owes work, not a result: a missed plan "
                             "is no breach."),
    "gendered-wording": Rule("warning", "A gendered word tells one sex the job is not for "
                             "them."),
    "age-wording": Rule("warning", "Age-coded wording excludes applicants by age."),
    "vague-duty": Rule("warning", "A duty no one can check grounds no penalty and no "
                       "appraisal."),
    "russian-construct": Rule("warning", "A construct of Russian law has no meaning under "
                              "this law."),
    "title-gender": Rule("warning", "A German job title names every sex: (m/w/d)."),
    "unknown-rule": Rule("error", "A silence: or jobdocs.yaml's lint: names no lint rule."),
    "unused-silence": Rule("warning", "A silence: that silences nothing."),
    # Catalogs
    "catalog-untranslated": Rule("error", "A catalog message of a declared language has no "
                                 "translation."),
    "catalog-fuzzy": Rule("error", "A catalog translation is marked fuzzy (unchecked)."),
    "catalog-syntax": Rule("error", "A catalog file cannot be read: broken syntax, encoding "
                           "or Plural-Forms header."),
    "catalog-placeholder": Rule("error", "A catalog translation uses a placeholder the "
                                "document cannot fill, or declares an unknown title form."),
}


def rule(rule_id: str) -> Rule:
    """Return a rule by id; an id missing from RULES still gets a summary."""
    return RULES.get(rule_id, Rule("error", rule_id.replace("-", " ")))
