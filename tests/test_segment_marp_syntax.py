"""Issue 12: nothing Marp reads as syntax is offered; front matter and math read as Marp does.

Each case is also put to the real Marp (marp-core, pinned in package.json) when Node is
available: the words we offer are the words Marp leaves in the alt text, the front
matters we ignore are the ones Marp ignores, and we find as many math tokens as Marp.
"""

from __future__ import annotations

import json
import subprocess
from functools import cache

import pytest
from marp import ROOT, marp_available

from i18n.assemble import assemble
from i18n.segment import segment_deck

_PROBE = r"""
import { Marp } from '@marp-team/marp-core'
import { readFileSync } from 'node:fs'
console.log = console.info = console.warn = (...a) => process.stderr.write(a.join(' ') + '\n')
const text = (key) => (v) => (typeof v === 'string' ? { [key]: v } : {})
const out = JSON.parse(readFileSync(0, 'utf8')).map((deck) => {
  const marp = new Marp({ html: true })
  // marp-cli's metadata directives (tools/marp_structure.mjs registers the same).
  Object.assign(marp.customDirectives.global, {
    title: text('marpCLITitle'), description: text('marpCLIDescription'),
    author: text('marpCLIAuthor'), keywords: text('marpCLIKeywords'),
    url: text('marpCLIURL'), image: text('marpCLIImage'),
  })
  const images = []
  const math = []
  const walk = (tokens) => {
    for (const t of tokens) {
      if (t.type.startsWith('marp_math')) math.push([t.type.slice(10), t.content])
      const image = t.type === 'image' ? t.meta?.marpitImage : undefined
      if (image) images.push({
        background: !!image.background,
        words: image.options.filter((o) => !o.consumed).map((o) => o.content),
      })
      if (t.children && t.type !== 'image') walk(t.children)
    }
  }
  walk(marp.markdown.parse(deck, {}))
  marp.render(deck)
  return { global: marp.lastGlobalDirectives ?? {}, math, images }
})
process.stdout.write(JSON.stringify(out))
"""


@cache
def _ask_marp(decks: tuple[str, ...]) -> list[dict[str, object]]:
    proc = subprocess.run(
        ["node", "--input-type=module", "-e", _PROBE],
        input=json.dumps(list(decks)),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    result: list[dict[str, object]] = json.loads(proc.stdout)
    return result


def marp_reads(deck: str) -> dict[str, object]:
    """What the real Marp reads from ``deck``; skips (with the reason) without Node."""
    reason = marp_available()
    if reason is not None:
        pytest.skip(reason)
    return _ask_marp((deck,))[0]


def offered(deck: str) -> list[tuple[str, str]]:
    return [(u.kind, u.msgid) for u in segment_deck(deck, "deck.md").units]


# --- A. image keywords anywhere in the alt text ---------------------------------------------

ALT_CASES = [
    pytest.param("![60% Diagram of the stack](d.png)\n", ["Diagram of the stack"], id="start"),
    pytest.param("![Diagram 60% of the stack](d.png)\n", ["Diagram", "of the stack"], id="middle"),
    pytest.param("![Diagram of the stack 50%](d.png)\n", ["Diagram of the stack"], id="end"),
    pytest.param(
        "![sepia Diagram w:200px of the stack 60% blur:5px opacity](d.png)\n",
        ["Diagram", "of the stack"],
        id="several",
    ),
    pytest.param(
        "![60% sepia:50% drop-shadow:0,5px,10px,rgba(0,0,0,.4) 40% h:3.5em](d.png)\n",
        [],
        id="keywords-only",
    ),
    pytest.param(
        "![Logo drop-shadow:5px width:12ch](d.png)\n",
        ["Logo drop-shadow:5px"],  # drop-shadow takes two to four values: not a keyword
        id="not-a-keyword",
    ),
    pytest.param(
        "![fit left arrow h:20vh](d.png)\n",
        ["fit left arrow h:20vh"],  # bg-only words and an unknown unit are text here
        id="background-words-in-an-image",
    ),
    pytest.param("![Logo\u00a060%\u3000mark](d.png)\n", ["Logo", "mark"], id="js-whitespace"),
    pytest.param("![Marp bg 60%](marp.png)\n", [], id="bg-in-the-middle"),
    pytest.param("![Photo of a cat bg right:40%](c.png)\n", [], id="bg-at-the-end"),
    pytest.param(
        "![bg Photo fit of a cat](c.png) ![Marp bg 60%](marp.png)\n", [], id="bg-with-captions"
    ),
    pytest.param(
        "![Stack 60%](a.png) ![bg left](b.png) ![w:90 Cat](c.png)\n",
        ["Stack", "Cat"],
        id="one-line-of-images",
    ),
]


@pytest.mark.parametrize(("deck", "words"), ALT_CASES)
def test_alt_text_units_hold_no_marp_keyword(deck: str, words: list[str]) -> None:
    assert offered(deck) == [("image alt text", w) for w in words]


@pytest.mark.parametrize(("deck", "words"), ALT_CASES)
def test_offered_alt_words_are_the_words_marp_leaves(deck: str, words: list[str]) -> None:
    """Backgrounds offer nothing (their caption words are mostly slips such as
    ``center``); every other image offers exactly the words Marp does not consume."""
    images = marp_reads(deck)["images"]
    assert isinstance(images, list)
    left = [w for i in images if not i["background"] for w in i["words"]]
    ours = [w for _, msgid in offered(deck) for w in msgid.split()]
    assert ours == left


def test_translated_alt_runs_keep_the_keywords_byte_for_byte() -> None:
    deck = "# T\n\n![sepia Diagram  w:200px of the stack\u00a060% blur:5px](d.png)\n"
    built = assemble(segment_deck(deck, "deck.md"), {"Diagram": "Bild", "of the stack": "av X"})
    assert built.refused == ()
    assert built.text == "# T\n\n![sepia Bild  w:200px av X\u00a060% blur:5px](d.png)\n"


# --- C. math as marp-core reads it -----------------------------------------------------------

MATH_CASES = [
    pytest.param("# A\n\n$$\nx = 1\n\nText after\n\n---\n\n# B\n", id="unclosed-block"),
    pytest.param("Text\n$$ x^2 $$\nmore\n", id="one-line-block-interrupts-paragraph"),
    pytest.param("$$$$\n\n$$x\ny$$\n\n$$\n\\$$ a\n$$\n", id="block-edges"),
    pytest.param("- item\n  $$\n  x\nnext para\n\nLast\n", id="outdent-ends-and-swallows"),
    pytest.param("> $$\n> x\n\nAfter the quote\n", id="unclosed-in-a-quote"),
    pytest.param("Inline $$b$$ double and $a$ single\n", id="inline-double-is-text"),
    pytest.param("Costs 1$x$ and $5, $ a$, $a $, $a$1 and 2$` a$.\n", id="inline-delimiters"),
    pytest.param("Escaped \\$a$, a$$a$$$\\$$ and $a\\\\$ end\n", id="inline-escapes"),
    pytest.param("Code `$$x1$x$$$\n\nand $a `b$ c` d\n", id="math-before-code"),
]


def _math_tokens(deck: str) -> list[list[str]]:
    from i18n.marp.parser import marp_parser
    from i18n.segment.inline import walk

    tokens = walk(marp_parser().parse(deck))
    return [[t.type.removeprefix("math_"), t.content] for t in tokens if t.type.startswith("math")]


@pytest.mark.parametrize("deck", MATH_CASES)
def test_math_is_read_as_marp_reads_it(deck: str) -> None:
    assert _math_tokens(deck) == marp_reads(deck)["math"]


def test_unclosed_display_math_is_warned_about_and_hides_the_rest() -> None:
    deck = segment_deck("# A\n\n$$\nx = 1\n\nText after\n\n---\n\n# B\n", "deck.md")
    assert [u.msgid for u in deck.units] == ["A"]
    assert deck.slides == 1
    assert [str(w) for w in deck.warnings] == [
        "deck.md:3: warning: display math ($$) is never closed: Marp reads the rest of "
        "the deck as math; close it with a line ending in $$"
    ]
    assert assemble(deck, {}).text == deck.text


def test_a_translation_that_opens_display_math_is_refused() -> None:
    deck = segment_deck("Intro\n\nMore text\n", "deck.md")
    built = assemble(deck, {"Intro": "$$ Intro"})
    assert len(built.refused) == 1
    assert built.text == deck.text


# --- B. a front matter Marp cannot read --------------------------------------------------------

IGNORED = [
    pytest.param('title: "Unterminated\ntheme: gaia', 2, "expected <block end>", id="dq"),
    pytest.param("title: [unclosed\ntheme: gaia", 2, "expected ',' or ']'", id="flow"),
    pytest.param("  title: Indented\n  theme: gaia", 2, "mapping values are not", id="trim"),
    pytest.param("title: A\ntheme: gaia\nfoo: !custom x", 3, "unknown tag !custom", id="tag"),
    pytest.param("title: A\ntheme: gaia\nfoo: a\x7f", 3, "non-printable", id="plain-del"),
    pytest.param("title: A\ntitle: B\ntheme: gaia", 2, "it repeats the key 'title'", id="dup"),
]
READ = [
    pytest.param('"title": Part 2: x\ntheme: gaia', "Part 2: x", id="quoted-key-loose"),
    pytest.param('title: Caf\x7f\ntheme: gaia\nfoo: "a\x7f"', "Caf\x7f", id="quoted-del"),
]


@pytest.mark.parametrize(("body", "line", "problem"), IGNORED)
def test_a_front_matter_marp_ignores_is_passed_through_with_one_warning(
    body: str, line: int, problem: str
) -> None:
    text = f"---\n{body}\n---\n\n# Hello\n"
    deck = segment_deck(text, "deck.md")
    assert [u.msgid for u in deck.units] == ["Hello"]
    assert deck.front_matter_ignored
    (warning,) = deck.warnings
    assert str(warning).startswith(f"deck.md:{line + 1}: warning: Marp ignores this front matter (")
    assert problem in str(warning)
    assert str(warning).endswith("); nothing in it is offered for translation")
    assert assemble(deck, {"Hello": "Hej"}).text == text.replace("# Hello", "# Hej")


@pytest.mark.parametrize(("body", "title"), READ)
def test_a_front_matter_marp_reads_is_read(body: str, title: str) -> None:
    deck = segment_deck(f"---\n{body}\n---\n\n# Hello\n", "deck.md")
    assert [u.msgid for u in deck.units] == [title, "Hello"]
    assert deck.warnings == ()


@pytest.mark.parametrize("body", [p.values[0] for p in IGNORED + READ])
def test_marp_ignores_the_same_front_matters(body: str) -> None:
    text = f"---\n{body}\n---\n\n# Hello\n"
    marp_global = marp_reads(text)["global"]
    assert (not marp_global) == segment_deck(text, "deck.md").front_matter_ignored


def test_javascript_white_space_is_one_set_in_both_spellings() -> None:
    """``\\s`` in JavaScript: tab, VT, FF, U+FEFF, every Zs space, and the line
    terminators LF, CR, U+2028, U+2029 (ECMAScript's WhiteSpace and LineTerminator)."""
    import re
    import sys
    import unicodedata

    from i18n.marp.js_space import JS_SPACE, JS_SPACE_CLASS

    spaces = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"}
    expected = spaces | set("\t\v\f\ufeff\n\r\u2028\u2029")
    assert set(JS_SPACE) == expected
    in_class = re.compile(f"[{JS_SPACE_CLASS}]")
    assert {chr(c) for c in range(sys.maxunicode + 1) if in_class.fullmatch(chr(c))} == expected
