"""The names of ``check``'s checks: what the config, ``--disable`` and translators' comments use.

One table, so the settings, the runner, the formatters and the docs agree on the names
and their order (the order findings of one entry are reported in).
"""

from __future__ import annotations

CATALOGUE_CHECKS: dict[str, str] = {
    "threshold": "the catalogue is translated at least as far as its threshold",
    "stale": "the catalogue exists and holds exactly the deck's current texts",
    "front-matter-ignored": "the deck's front matter is one Marp reads (a warning: Marp "
    "ignores one it cannot parse, and so does marp-i18n)",
    "orphaned-catalogue": "no catalogue or template is left of a deck that no longer exists "
    "(a warning: `marp-i18n update --prune` keeps its translations as memory and removes it)",
}
"""Checks of a whole catalogue."""

ENTRY_CHECKS: dict[str, str] = {
    "structure": "the build's structure guard accepts the translation",
    "injection": "no raw HTML, directive comment, image or javascript:/data: URL added",
    "invisible": "no bidi control, zero-width, default-ignorable or control character added",
    "new-address": "no URL or e-mail address in the text that the source does not have",
    "links": "same Markdown link and image targets",
    "urls": "same bare URLs in the text (translate-toolkit: urls)",
    "code": "same inline code spans",
    "placeholders": "same %VARIABLE% placeholders (translate-toolkit: variables)",
    "html": "same HTML tags (translate-toolkit: xmltags)",
    "emphasis": "same emphasis, strong and strikethrough markers",
    "math": "same $math$ and $$math$$",
    "numbers": "same numbers in the text (translate-toolkit: numbers)",
    "lines": "same number of lines in headings, table cells and image alt texts",
    "hard-breaks": "same hard line breaks (two trailing spaces or a backslash)",
    "whitespace": "same leading and trailing whitespace (translate-toolkit: "
    "startwhitespace, endwhitespace)",
    "same-as-source": "translated text differs from the source, except allow-listed words",
}
"""Checks of one translated entry; a translator's ``# marp-i18n: ignore NAME`` skips one."""

TERMINOLOGY_CHECKS: dict[str, str] = {
    "glossary": "glossary terms translated as the glossary says (any inflected form), "
    "never-translate terms unchanged, no forbidden translation",
    "consistency": "the same source text translated the same way across the course (and, "
    "as an info line, one translation for two different source texts)",
    "spelling": "words of the translation in the language's Hunspell dictionary, the "
    "course word list (words.txt) or the glossary",
}
"""Checks that need the course's glossary, or all its catalogues at once."""

RENDER_CHECKS: dict[str, str] = {
    "overflow": "no slide that fits in the source overflows in the translation (rendered "
    "with Marp, measured in Chromium; runs with --render or render = true)",
}
"""Checks of the rendered slides: they need Node.js, marp-cli and Chromium, so they run
only when asked for."""

CHECKS: dict[str, str] = {
    **CATALOGUE_CHECKS,
    **ENTRY_CHECKS,
    **TERMINOLOGY_CHECKS,
    **RENDER_CHECKS,
}
