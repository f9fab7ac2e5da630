"""JUnit XML for CI test views (GitLab, Jenkins, Azure): a suite per language.

Each catalogue is three test cases named after the deck: ``threshold``, ``stale`` and
``translations`` (every entry check; the failure lists each problem with its PO line).
Files the run could not read are errors in a ``run`` suite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from i18n.check.report import Finding, Report

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: control characters (a msgid may quote one) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _case(suite: ET.Element, classname: str, name: str, failures: list[Finding]) -> None:
    case = ET.SubElement(suite, "testcase", classname=classname, name=name, time="0")
    if failures:
        checks = ", ".join(dict.fromkeys(f.check for f in failures))
        failure = ET.SubElement(case, "failure", message=_xml(failures[0].message), type=checks)
        failure.text = _xml("\n".join(str(f) for f in failures))


def render(report: Report) -> str:
    """The report as a ``<testsuites>`` document."""
    by_file: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in report.failures:
        group = finding.check if finding.check in ("threshold", "stale") else "translations"
        by_file[(finding.path, group)].append(finding)
    root = ET.Element("testsuites", name="marp-i18n check")
    suites: dict[str, ET.Element] = {}
    for status in report.catalogues:
        suite = suites.get(status.language)
        if suite is None:
            suite = suites[status.language] = ET.SubElement(
                root, "testsuite", name=f"marp-i18n check {status.language}"
            )
        classname = f"{status.language}.{status.deck}"
        for group in ("threshold", "stale", "translations"):
            _case(suite, classname, group, by_file.get((status.path, group), []))
    if report.errors:
        suite = ET.SubElement(root, "testsuite", name="marp-i18n check run")
        for error in report.errors:
            case = ET.SubElement(suite, "testcase", classname="run", name=error.path, time="0")
            ET.SubElement(case, "error", message=_xml(str(error))).text = _xml(str(error))
    for suite in root:
        cases = list(suite)
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(c.find("failure") is not None for c in cases)))
        suite.set("errors", str(sum(c.find("error") is not None for c in cases)))
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    root.set("errors", str(sum(int(s.get("errors", "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
