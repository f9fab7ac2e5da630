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
  let math = 0
  const walk = (tokens) => {
    for (const t of tokens) {
      if (t.type.startsWith('marp_math')) math += 1
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
