"""A markdown-it-py parser configured the way marp-core configures markdown-it."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from i18n.segment.comments import comment_plugin


def marp_parser(*, front_matter: bool = True) -> MarkdownIt:
    """markdown-it's default preset with ``html`` and ``breaks`` on, marpit's comment rules,
    marp-core's ``$``/``$$`` math and (for whole decks) markdown-it-front-matter.

    marp-core: ``src/marp.ts`` sets ``breaks: true`` and HTML; its math plugin requires
    no space inside ``$...$`` and no digit after the closing ``$``.
    """
    md = MarkdownIt("js-default", {"html": True, "breaks": True})
    if front_matter:
        md.use(front_matter_plugin)
    md.use(comment_plugin)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, allow_labels=False)
    return md
