"""The four output formats: plain (a table for people), JSON (validated against the
documented schema), GitHub workflow commands and JUnit XML (parsed)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from i18n.check import CatalogueStatus, Finding, Report, Tally, format_report
from i18n.check.summary import ENTRY_CAP
from i18n.errors import CatalogueError, ConfigError, I18nError

SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "check-schema.json").read_text())
KEYWORDS = {
    "$schema",
    "title",
    "description",
    "type",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "enum",
    "minimum",
    "maximum",
    "$ref",
    "$defs",
}
TYPES: dict[str, type | tuple[type, ...]] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


def validate(value: Any, schema: dict[str, Any], where: str = "$") -> None:
    """The JSON Schema keywords docs/check-schema.json uses, strictly: a document key the
    schema does not describe is an error too, so the documented keys are the real ones."""
    assert set(schema) <= KEYWORDS, f"schema at {where} uses {set(schema) - KEYWORDS}"
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        validate(value, SCHEMA["$defs"][name], where)
        return
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(value, TYPES[t])
            and not (t in ("integer", "number") and isinstance(value, bool))
            for t in types
        )
        assert ok, f"{where}: {value!r} is not {types}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if "minimum" in schema:
        assert value >= schema["minimum"], where
    if "maximum" in schema:
        assert value <= schema["maximum"], where
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: missing {key}"
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                validate(item, properties[key], f"{where}.{key}")
            else:
                assert "additionalProperties" in schema, f"{where}: undocumented key {key}"
                validate(item, schema["additionalProperties"], f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            validate(item, schema["items"], f"{where}[{index}]")


def sample() -> Report:
    ok = CatalogueStatus(
        "a.md", "sv", "locales/sv/a.po", True, False, Tally(3), Tally(12), 100, "messages"
    )
    low = CatalogueStatus(
        "b/index.md",
        "sv",
        "locales/sv/b/index.po",
        True,
        False,
        Tally(1, 1, 2, 1),
        Tally(4, 3, 5, 2),
        90,
        "messages",
    )
    gone = CatalogueStatus(
        "a.md", "de", "locales/de/a.po", False, True, Tally(0, 0, 3), Tally(0, 0, 12), 0, "messages"
    )
    findings = [
        Finding(
            "threshold",
            "locales/sv/b/index.po",
            None,
            "25% translated, needs 90%",
            "b/index.md",
            "sv",
        ),
        Finding(
            "threshold",
            "locales/sv/b/index.po",
            9,
            'not translated: "Hi"',
            "b/index.md",
            "sv",
            "Hi",
        ),
        Finding(
            "links",
            "locales/sv/b/index.po",
            14,
            "link targets differ: missing (https://a,b)",
            "b/index.md",
            "sv",
            "See [a](https://a,b)",
        ),
        Finding(
            "stale", "locales/de/a.po", None, "no catalogue; run marp-i18n update", "a.md", "de"
        ),
        Finding(
            "config",
            "locales/sv/a.po",
            4,
            "unknown check 'x' in an ignore comment",
            "a.md",
            "sv",
            severity="warning",
        ),
    ]
    errors: list[I18nError] = [
        CatalogueError("locales/fi/a.po", 3, "not a valid PO file: syntax error", "fix it")
    ]
    return Report([ok, low, gone], findings, errors, measure="messages")


def test_json_is_valid_against_the_documented_schema() -> None:
    document = json.loads(format_report(sample(), "json"))
    validate(document, SCHEMA)
    assert document["exit_code"] == 2 and document["passed"] is False
    assert document["languages"]["sv"]["messages"] == {
        "translated": 4,
        "fuzzy": 1,
        "untranslated": 2,
        "obsolete": 1,
        "total": 7,
    }
    assert document["languages"]["sv"]["percent"] == 57.1
    low = document["catalogues"][1]
    assert (low["percent"], low["threshold"], low["passed"]) == (25.0, 90.0, False)
    assert document["findings"][2]["line"] == 14 and document["findings"][0]["line"] is None
    assert document["errors"] == [
        {
            "path": "locales/fi/a.po",
            "line": 3,
            "message": "not a valid PO file: syntax error",
            "hint": "fix it",
        }
    ]


def test_json_of_a_clean_run() -> None:
    ok = CatalogueStatus("a.md", "sv", "locales/sv/a.po", True, False, Tally(3), Tally(12), 100)
    document = json.loads(format_report(Report([ok]), "json"))
    validate(document, SCHEMA)
    assert (document["exit_code"], document["passed"], document["findings"]) == (0, True, [])


def test_the_validator_can_fail() -> None:
    document = json.loads(format_report(sample(), "json"))
    document["catalogues"][0]["surprise"] = 1
    with pytest.raises(AssertionError, match="undocumented key surprise"):
        validate(document, SCHEMA)
    del document["catalogues"][0]["surprise"]
    document["findings"][0]["line"] = "9"
    with pytest.raises(AssertionError):
        validate(document, SCHEMA)


def test_junit_is_xml_with_a_case_per_catalogue_and_check() -> None:
    root = ET.fromstring(format_report(sample(), "junit"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("10", "3", "1")
    suites = {s.get("name"): s for s in root}
    assert set(suites) == {"marp-i18n check sv", "marp-i18n check de", "marp-i18n check run"}
    sv = suites["marp-i18n check sv"]
    cases = [(c.get("classname"), c.get("name"), c.find("failure") is not None) for c in sv]
    assert cases == [
        ("sv.a.md", "threshold", False),
        ("sv.a.md", "stale", False),
        ("sv.a.md", "translations", False),
        ("sv.b/index.md", "threshold", True),
        ("sv.b/index.md", "stale", False),
        ("sv.b/index.md", "translations", True),
    ]
    failure = sv[5].find("failure")
    assert failure is not None and failure.get("type") == "links"
    assert (
        failure.text
        == "locales/sv/b/index.po:14: error: links: link targets differ: missing (https://a,b)"
    )
    error = suites["marp-i18n check run"][0].find("error")
    assert error is not None and error.get("message", "").startswith(
        "locales/fi/a.po:3: not a valid"
    )


def test_junit_survives_control_characters() -> None:
    report = Report(findings=[Finding("code", "x.po", 1, "bad \x01 byte\x1b[0m", "x.md", "sv")])
    report.catalogues.append(
        CatalogueStatus("x.md", "sv", "x.po", True, False, Tally(1), Tally(1), 0)
    )
    root = ET.fromstring(format_report(report, "junit"))
    assert "\ufffd" in (root[0][2].find("failure").get("message") or "")  # type: ignore[union-attr]


def test_github_annotations_name_file_and_line() -> None:
    lines = format_report(sample(), "github").splitlines()
    assert lines[:6] == [
        "::error file=locales/sv/b/index.po,title=marp-i18n threshold::25%25 translated, "
        "needs 90%25",
        '::error file=locales/sv/b/index.po,line=9,title=marp-i18n threshold::not translated: "Hi"',
        "::error file=locales/sv/b/index.po,line=14,title=marp-i18n links::link targets differ: "
        "missing (https://a,b)",
        "::error file=locales/de/a.po,title=marp-i18n stale::no catalogue; run marp-i18n update",
        "::warning file=locales/sv/a.po,line=4,title=marp-i18n config::unknown check 'x' in an "
        "ignore comment",
        "::error file=locales/fi/a.po,line=3,title=marp-i18n::not a valid PO file: syntax error; "
        "fix it",
    ]
    assert lines[6].startswith("::notice title=marp-i18n sv::57.1%25 translated (4 of 7 messages")
    assert lines[-1].startswith("check could not run:")


def test_github_escapes_what_would_end_a_command() -> None:
    report = Report(findings=[Finding("code", "a,b:c.po", 2, "50%\nnext\rline", "x.md", "sv")])
    assert format_report(report, "github").splitlines()[0] == (
        "::error file=a%2Cb%3Ac.po,line=2,title=marp-i18n code::50%25%0Anext%0Dline"
    )


def test_plain_is_a_table_then_findings_then_a_summary() -> None:
    text = format_report(sample(), "plain")
    assert "\x1b[" not in text
    lines = text.splitlines()
    assert lines[0].split() == [
        "Language",
        "Deck",
        "Translated",
        "Fuzzy",
        "Untransl.",
        "Obsolete",
        "Words",
        "%",
        "Min",
    ]
    assert lines[1].split() == ["sv", "a.md", "3/3", "0", "0", "0", "12/12", "100.0", "100", "ok"]
    assert lines[2].split() == [
        "sv",
        "b/index.md",
        "1/4",
        "1",
        "2",
        "1",
        "4/12",
        "25.0",
        "90",
        "below",
    ]
    assert lines[3].split() == ["de", "a.md", "0/3", "0", "3", "0", "0/12", "0.0", "0", "missing"]
    assert lines[4].split()[:3] == ["sv", "(all", "decks)"]
    assert (
        "locales/sv/b/index.po:14: error: links: link targets differ: missing (https://a,b)"
        in lines
    )
    assert "locales/fi/a.po:3: not a valid PO file: syntax error; fix it" in lines
    assert lines[-1] == (
        "check could not run: 2 decks in 2 languages; 1 below threshold, 1 stale, "
        "1 translation problem, 1 unreadable file"
    )


def test_plain_colours_only_when_asked() -> None:
    text = format_report(sample(), "plain", colour=True)
    assert "\x1b[32mok\x1b[0m" in text and "\x1b[31mbelow\x1b[0m" in text


def test_human_formats_cap_the_untranslated_entries_json_lists_all() -> None:
    findings = [
        Finding("threshold", "sv.po", n, f"not translated: {n}", "a.md", "sv") for n in range(25)
    ]
    report = Report(findings=findings)
    plain = format_report(report, "plain")
    assert plain.count("not translated:") == ENTRY_CAP
    assert "sv.po: … and 15 more entries not translated (--format json lists all)" in plain
    assert (
        format_report(report, "github").count("title=marp-i18n threshold::not translated")
        == ENTRY_CAP
    )
    assert len(json.loads(format_report(report, "json"))["findings"]) == 25


def test_an_unknown_format_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown format 'xml'"):
        format_report(Report(), "xml")


DOCS = Path(__file__).parent.parent / "docs" / "ci.md"


def test_the_json_example_in_the_docs_is_valid() -> None:
    example = DOCS.read_text(encoding="utf-8").split("```json\n", 1)[1].split("```", 1)[0]
    validate(json.loads(example), SCHEMA)


def test_the_docs_name_every_check() -> None:
    from i18n.check import ENTRY_CHECKS
    from i18n.check.names import RENDER_CHECKS

    rows = [
        line for line in DOCS.read_text(encoding="utf-8").splitlines() if line.startswith("| `")
    ]
    assert [row.split("`")[1] for row in rows] == list(ENTRY_CHECKS) + list(RENDER_CHECKS)
