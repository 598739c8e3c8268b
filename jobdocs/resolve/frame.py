"""The wording of the document frame: section headings and their lead-ins."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated when a document is built."""
    return message


HEADINGS = {
    "general": N_("General Provisions"),
    "duties": N_("Job Duties"),
    "rights": N_("Rights"),
    "responsibility": N_("Responsibility"),
    "evaluation": N_("Performance Evaluation Criteria"),
    "relationships": N_("Working Relationships"),
    "final": N_("Final Provisions"),
}
INTROS = {
    # Translators: %(nominative)s, %(genitive)s, %(dative)s stand for the job
    # title in that grammatical case. English has no cases: each prints the title.
    "duties": N_("The %(nominative)s shall:"),
    "rights": N_("The %(dative)s has the right to:"),
    "responsibility": N_("The %(nominative)s is liable for:"),
    "evaluation": N_("The performance of the %(genitive)s is evaluated against "
                     "the following criteria:"),
}
