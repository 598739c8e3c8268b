"""The report for CI test views: JUnit XML, one test case per file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..runner import Report
from .text import line

# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(report: Report) -> str:
    """Return the report as JUnit XML: a failing test case per file with errors."""
    by_file = report.by_file()
    failures = sum(1 for found in by_file.values()
                   if any(p.severity == "error" for p in found))
    counts = {"tests": str(len(by_file)), "failures": str(failures), "errors": "0",
              "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "jobdocs validate", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "jobdocs validate", **counts})
    for path, found in by_file.items():
        case = ET.SubElement(suite, "testcase", classname="jobdocs.validate",
                             name=_clean(path), file=_clean(path))
        errors = [p for p in found if p.severity == "error"]
        warnings = [p for p in found if p.severity != "error"]
        if errors:
            failure = ET.SubElement(
                case, "failure", type="jobdocs",
                message=_clean(f"{len(errors)} error{'s' * (len(errors) != 1)}: "
                               f"{errors[0].message}"))
            failure.text = _clean("\n".join(line(p) for p in errors))
        if warnings:
            ET.SubElement(case, "system-out").text = _clean("\n".join(line(p) for p in warnings))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
