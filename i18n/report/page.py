"""The status page: the grid of decks by languages, badges, failing checks, as HTML text.

One self-contained file (inline CSS, inline SVG badges, no script). The grid is a real
table (row and column headers, a caption) inside its own scrolling box, so many
languages never widen the page; below 42rem every row becomes a card and every cell
names its language, so a phone shows all numbers without sideways scrolling. States are
words and numbers first; the bar's colours only repeat them.
"""

from __future__ import annotations

from i18n.check.report import Finding
from i18n.report._html import document, href, text
from i18n.report.badge import language_badge
from i18n.report.status import Cell, FindingGroup, Link, Row, Status
from i18n.text import counted

SHOWN = 20
"""Findings of one catalogue listed openly; the rest fold into a <details>."""

_CSS = """
.badges{list-style:none;padding:0;margin:.6rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1.4rem}
.badges li{display:flex;align-items:center;gap:.5rem}.badges svg{flex:none}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.3rem 0 .6rem;font-size:.9rem}
.swatch{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.15rem;
margin-right:.3rem;border:1px solid var(--line)}
.grid-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:.4rem}
table.grid{border-collapse:collapse;width:100%}
.grid caption{text-align:left;padding:.5rem .7rem;color:var(--muted)}
.grid th,.grid td{border-top:1px solid var(--line);padding:.6rem .7rem;vertical-align:top;
text-align:left}
.grid thead th{background:var(--panel);white-space:nowrap}
.grid tbody th{font-weight:600;width:18rem;min-width:12rem;overflow-wrap:anywhere}
.grid th .links{font-weight:400}
.grid td{min-width:15rem}
.cell-lang{display:none;font-weight:600;margin-bottom:.2rem}
.pct{font-size:1.15rem}.pct strong{font-variant-numeric:tabular-nums}
.bar{display:flex;height:.75rem;border-radius:.4rem;overflow:hidden;margin:.3rem 0;
background:var(--todo-bg);border:1px solid var(--line)}
.seg{display:block;height:100%}
.seg.t,.swatch.t{background:var(--ok)}
.seg.f,.swatch.f{background:repeating-linear-gradient(135deg,var(--fuzzy) 0 3px,
var(--fuzzy-bg) 3px 6px)}
.swatch.u{background:var(--todo-bg)}
.nums{display:flex;flex-wrap:wrap;gap:0 .9rem;margin:.2rem 0;font-size:.9rem}
.nums div{display:flex;gap:.25rem}.nums dt{color:var(--muted)}
.nums dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums;order:-1}
.cell p{margin:.25rem 0;font-size:.9rem}
.findings{list-style:none;padding:0;margin:.4rem 0}
.findings li{padding:.35rem 0;border-top:1px solid var(--line)}
.findings .where{font-weight:600}.findings .check{font-weight:600;margin-right:.3rem}
details summary{cursor:pointer;color:var(--link);padding:.3rem 0}
@media (max-width:42rem){
.page{padding:.6rem}
.grid-wrap{border:0;overflow:visible}
table.grid,.grid tbody,.grid tr,.grid th,.grid td{display:block;width:auto;min-width:0}
.grid caption{display:block;padding:0 0 .4rem}
.grid thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
.grid tbody tr{border:1px solid var(--line);border-radius:.4rem;margin:0 0 .8rem}
.grid tbody th{background:var(--panel);border-top:0;width:auto}
.cell-lang{display:block}
}
"""


def render_status(status: Status, *, generated: str, title: str = "Translation status") -> str:
    """The whole page; ``generated`` is the time to show (the caller's clock)."""
    decks = len(status.rows)
    langs = len(status.languages)
    parts = [
        f"<header>\n<h1>{text(title)}</h1>\n",
        f'<p class="muted">{counted(decks, "deck")} in {counted(langs, "language")} '
        f"(source: {text(status.source_language)}) · "
        f"generated {text(generated)}</p>\n",
        _badges(status),
        "</header>\n<main>\n",
        _errors(status.errors),
        _grid(status),
        _findings(status),
        "</main>\n",
    ]
    return document(title, _CSS, "".join(parts))


def _badges(status: Status) -> str:
    items = "".join(
        f"<li>{language_badge(lang.code, lang.counted)}<span>{text(lang.name)}: "
        f"{lang.percent:g} % of {lang.counted.total} {lang.measure} translated</span></li>\n"
        for lang in status.languages
    )
    return f'<ul class="badges" aria-label="Languages">\n{items}</ul>\n' if items else ""


def _errors(errors: tuple[str, ...]) -> str:
    if not errors:
        return ""
    items = "".join(
        f'<li><span class="label error">error</span> <code>{text(e)}</code></li>\n' for e in errors
    )
    return (
        '<section aria-labelledby="errors-h">\n<h2 id="errors-h">Files that could not be read'
        f'</h2>\n<p>The numbers below leave these out.</p>\n<ul class="findings">\n{items}</ul>\n'
        "</section>\n"
    )


def _grid(status: Status) -> str:
    head = "".join(
        f'<th scope="col">{text(lang.code)} <span class="muted">{text(lang.name)}</span></th>'
        for lang in status.languages
    )
    rows = "".join(_row(row, status) for row in status.rows)
    return (
        '<section aria-labelledby="grid-h">\n<h2 id="grid-h">Decks</h2>\n'
        '<p class="legend" aria-hidden="true"><span><span class="swatch t"></span>translated'
        '</span><span><span class="swatch f"></span>fuzzy (needs review, not used in builds)'
        '</span><span><span class="swatch u"></span>untranslated</span></p>\n'
        '<div class="grid-wrap">\n<table class="grid">\n'
        "<caption>Source words per deck and language: translated, fuzzy and untranslated"
        "</caption>\n"
        f'<thead><tr><th scope="col">Deck</th>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n'
        "</table>\n</div>\n</section>\n"
    )


def _links(links: tuple[Link, ...], lead: str) -> str:
    if not links:
        return ""
    shown = " · ".join(f'<a href="{href(link.href)}">{text(link.label)}</a>' for link in links)
    return f'<p class="links">{text(lead)}: {shown}</p>'


def _row(row: Row, status: Status) -> str:
    cells = "".join(
        _cell(cell, lang.code, lang.name, row.deck)
        for cell, lang in zip(row.cells, status.languages, strict=True)
    )
    source = _links(row.source_links, f"{status.source_language} build")
    return f'<tr><th scope="row"><code>{text(row.deck)}</code>{source}</th>{cells}</tr>\n'


def _cell(cell: Cell | None, code: str, name: str, deck: str) -> str:
    lang = f'<span class="cell-lang">{text(code)} · {text(name)}</span>'
    attrs = f'data-deck="{text(deck)}" data-lang="{text(code)}"'
    if cell is None:
        return f'<td class="cell" {attrs}>{lang}<p>not checked (see the errors above)</p></td>'
    words = cell.words
    total = words.total or 1
    widths = [w * 100 / total for w in (words.translated, words.fuzzy)]
    unit = cell.status.basis
    summary = (
        f"{cell.percent:g} % of {cell.status.counted.total} {unit} translated: "
        f"{words.translated} words translated, "
        f"{words.fuzzy} fuzzy, {words.untranslated} untranslated"
    )
    bar = (
        f'<div class="bar" role="img" aria-label="{text(summary)}">'
        f'<span class="seg t" style="width:{widths[0]:.3f}%"></span>'
        f'<span class="seg f" style="width:{widths[1]:.3f}%"></span></div>'
    )
    nums = "".join(
        f'<div><dt>{state}</dt><dd class="n-{state}">{count}</dd></div>'
        for state, count in (
            ("translated", words.translated),
            ("fuzzy", words.fuzzy),
            ("untranslated", words.untranslated),
        )
    )
    messages = cell.status.messages
    return (
        f'<td class="cell" {attrs}>{lang}'
        f'<div class="pct"><strong class="percent">{cell.percent:g} %</strong> '
        f'<span class="muted">of {cell.status.counted.total} {unit}</span></div>{bar}'
        f'<dl class="nums">{nums}</dl>'
        f'<p class="muted">{messages.translated} of {messages.total} messages translated</p>'
        f"<p>{_verdict(cell)}</p>{_links(cell.links, 'Built deck')}</td>"
    )


def _verdict(cell: Cell) -> str:
    labels = []
    if not cell.status.exists:
        labels.append('<span class="label untranslated">no catalogue</span>')
    elif cell.status.stale:
        labels.append('<span class="label warning">out of date: run marp-i18n update</span>')
    if not cell.status.passed:
        labels.append(f'<a class="label error" href="#{cell.anchor}">below threshold</a>')
    if cell.errors:
        errors = counted(cell.errors, "translation problem")
        labels.append(f'<a class="label error" href="#{cell.anchor}">{errors}</a>')
    elif cell.warnings and cell.status.passed:
        warnings = counted(cell.warnings, "warning")
        labels.append(f'<a class="label warning" href="#{cell.anchor}">{warnings}</a>')
    elif cell.status.passed:
        labels.append('<span class="label ok">checks pass</span>')
    return " ".join(labels)


def _findings(status: Status) -> str:
    if not status.groups and not status.other:
        return '<h2 id="findings-h">Failing checks</h2>\n<p>None: every check passes.</p>\n'
    groups = "".join(_group(g) for g in status.groups)
    other = ""
    if status.other:
        other = "<h3>Other warnings</h3>\n" + _finding_list(status.other)
    return (
        '<section aria-labelledby="findings-h">\n<h2 id="findings-h">Failing checks</h2>\n'
        f"<p>{text(status.findings)}; listed by catalogue, each with the PO file and the "
        "line of its entry.</p>\n"
        f"{groups}{other}</section>\n"
    )


def _group(group: FindingGroup) -> str:
    return (
        f'<section class="group" id="{group.anchor}">\n'
        f"<h3><code>{text(group.path)}</code> "
        f'<span class="muted">{text(group.deck)} · {text(group.language)}</span></h3>\n'
        f"{_finding_list(group.findings)}{_left(group)}</section>\n"
    )


def _left(group: FindingGroup) -> str:
    if not group.left:
        return ""
    left = counted(group.left, "more entry", "more entries")
    return (
        f'<p class="left">… and {left} not translated or fuzzy: '
        f"<code>marp-i18n review {text(group.deck)} --lang {text(group.language)}</code> "
        "shows each one beside its source.</p>\n"
    )


def _finding_list(findings: tuple[Finding, ...]) -> str:
    items = [_finding(f) for f in findings]
    shown = "".join(items[:SHOWN])
    rest = ""
    if len(items) > SHOWN:
        rest = (
            f"<details><summary>… and {len(items) - SHOWN} more</summary>"
            f'<ul class="findings">{"".join(items[SHOWN:])}</ul></details>\n'
        )
    return f'<ul class="findings">\n{shown}</ul>\n{rest}'


def _finding(finding: Finding) -> str:
    where = finding.path if finding.line is None else f"{finding.path}:{finding.line}"
    return (
        f'<li class="finding {finding.severity}"><span class="label {finding.severity}">'
        f'{finding.severity}</span> <code class="where">{text(where)}</code> '
        f'<span class="check">{text(finding.check)}</span>'
        f'<span class="msg">{text(finding.message)}</span></li>\n'
    )
