"""A markdown-it-py parser configured the way marp-core configures markdown-it."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from i18n.marp.comments import comment_plugin
from i18n.marp.math import math_plugin


def marp_parser(*, front_matter: bool = True) -> MarkdownIt:
    """markdown-it's default preset with ``html`` and ``breaks`` on, marpit's comment rules,
    marp-core's ``$``/``$$`` math and (for whole decks) markdown-it-front-matter.

    marp-core: ``src/marp.ts`` sets ``breaks: true`` and HTML; its math rules are ported
    in ``math`` (mdit-py-plugins' dollarmath reads ``$`` and ``$$`` otherwise).
    """
    md = MarkdownIt("js-default", {"html": True, "breaks": True})
    if front_matter:
        md.use(front_matter_plugin)
    md.use(comment_plugin)
    md.use(math_plugin)
    return md
