"""What both pages share: the HTML document around a body, the base style, escaping.

Everything inline (no stylesheet, font, script or image is fetched), so a page works
when opened from disk, mailed, or attached to a CI run. Every piece of text from decks,
catalogues or findings goes through ``text()`` (``html.escape``), so a msgid holding
``<script>`` shows as text and never runs.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

BASE_CSS = """
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;
--ok:#1a7f37;--ok-bg:#dafbe1;--fuzzy:#9a6700;--fuzzy-bg:#fff8c5;--todo:#cf222e;
--todo-bg:#ffebe9;--changed:#0969da;--changed-bg:#ddf4ff;--link:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;
--panel:#151b23;--line:#3d444d;--ok:#3fb950;--ok-bg:#12261e;--fuzzy:#d29922;
--fuzzy-bg:#272115;--todo:#f85149;--todo-bg:#2d1517;--changed:#4493f8;
--changed-bg:#121d2f;--link:#4493f8}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);line-height:1.45;
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
.page{max-width:76rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0 .4rem}h2{font-size:1.25rem;margin:1.6rem 0 .6rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
a{color:var(--link)}
h1,h2,h3,p,li,th,td{overflow-wrap:anywhere}
code{font:0.9em/1.3 ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
.muted{color:var(--muted)}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;
clip:rect(0,0,0,0);white-space:nowrap;border:0}
.label{display:inline-block;font-size:.78rem;font-weight:600;padding:.05rem .45rem;
border-radius:1rem;border:1px solid currentColor;white-space:nowrap}
.label.ok{color:var(--ok);background:var(--ok-bg)}
.label.fuzzy{color:var(--fuzzy);background:var(--fuzzy-bg)}
.label.untranslated,.label.error{color:var(--todo);background:var(--todo-bg)}
.label.changed,.label.new,.label.warning,.label.info{color:var(--changed);background:var(--changed-bg)}
"""
"""Colours, type and the state labels (a word in a pill, never colour alone)."""


def text(value: object) -> str:
    """Any text, safe between tags and inside quoted attributes."""
    return escape(str(value), quote=True)


def href(path: str) -> str:
    """A relative path as a URL, percent-encoded (spaces, ``#``, ``?``) and escaped."""
    return text(quote(path, safe="/-._~"))


def document(title: str, css: str, body: str) -> str:
    """A complete HTML5 page: one inline style sheet, no scripts, no external resources."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="marp-i18n">\n'
        f"<title>{text(title)}</title>\n"
        f"<style>{BASE_CSS}{css}</style>\n"
        f'</head>\n<body>\n<div class="page">\n{body}</div>\n</body>\n</html>\n'
    )
