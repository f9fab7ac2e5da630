"""The Marp structure harness is real: exact answers on a known deck, and it can fail.

Every structure check in the suite trusts ``tests/marp.py``; these tests pin what it
reports for the Marp constructs the segmenter must respect, so a harness that
silently returned nothing (or always the same thing) would be caught here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from marp import marp_available, marp_structures

pytestmark = pytest.mark.marp

DECK = """\
---
footer: Deck footer
paginate: true
title: Harness deck
---

# Welcome <!-- fit -->

<!-- hello -->

Two lines
in one paragraph

---

<!-- _footer: "x" -->
<!-- _class: lead -->

![bg right:30%](a.jpg)

Setext title
---

Body text

***

<!--
_backgroundColor: "#123456"
_color: white
-->

Last slide <!-- inline note -->

<!-- prettier-ignore -->
- item
"""


@pytest.fixture(autouse=True)
def _need_marp() -> None:
    reason = marp_available()
    if reason is not None:
        pytest.skip(reason)


def _structures(tmp_path: Path, **decks: str) -> dict[str, Any]:
    """Write each deck as ``<name>.md`` and return Marp's structures keyed by name."""
    paths = {}
    for name, text in decks.items():
        path = tmp_path / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    found = marp_structures(list(paths.values()))
    return {name: found[str(path)] for name, path in paths.items()}


def test_known_deck_structure(tmp_path: Path) -> None:
    deck = _structures(tmp_path, deck=DECK)["deck"]
    assert "error" not in deck
    assert deck["global"] == {"title": "Harness deck"}
    base = {"footer": "Deck footer", "paginate": True, "title": "Harness deck"}
    assert deck["slides"] == [
        # `<!-- fit -->` in a heading is marp-core's fitting marker, not a note.
        {"directives": base, "backgrounds": [], "notes": 1},
        # Spot directives apply to this slide only; the setext `---` did not split.
        {
            "directives": {**base, "footer": "x", "class": "lead"},
            "backgrounds": [{"url": "a.jpg", "keywords": ["bg", "right:30%"], "alt": ""}],
            "notes": 0,
        },
        # `***` split; a directive comment over several lines; an inline comment in a
        # paragraph is a note; `prettier-ignore` is a magic comment, not a note.
        {
            "directives": {**base, "backgroundColor": "#123456", "color": "white"},
            "backgrounds": [],
            "notes": 1,
        },
    ]


def test_a_spot_footer_changes_the_structure(tmp_path: Path) -> None:
    found = _structures(
        tmp_path,
        one="# A\n\n---\n\n<!-- _footer: one -->\n# B\n",
        two="# A\n\n---\n\n<!-- _footer: two -->\n# B\n",
    )
    assert found["one"] != found["two"]
    assert found["one"]["slides"][1]["directives"] == {"footer": "one"}
    assert found["two"]["slides"][0]["directives"] == {}


def test_a_broken_comment_changes_the_structure(tmp_path: Path) -> None:
    # What a careless translation of a note could do: drop its closing `-->`.
    found = _structures(
        tmp_path,
        good="# A\n\n<!-- a note -->\n\n---\n\n# B\n",
        unclosed="# A\n\n<!-- a note\n\n---\n\n# B\n",
        wrapped="# A\n\n<!-- a note\n\n---\n\n-->\n\n# B\n",
    )
    assert [s["notes"] for s in found["good"]["slides"]] == [1, 0]
    # An unclosed block comment swallows the rest of the deck, `---` included ...
    assert [s["notes"] for s in found["unclosed"]["slides"]] == [1]
    # ... and a `---` inside a comment never splits.
    assert [s["notes"] for s in found["wrapped"]["slides"]] == [1]


def test_marp_cli_metadata_comments_are_directives(tmp_path: Path) -> None:
    # marp-cli registers title/description/... as global directives, so these comments
    # are not presenter notes in what marp-cli renders (bare marp-core would count them).
    deck = _structures(tmp_path, d="<!-- title: T -->\n<!-- description: D -->\n# A\n")["d"]
    assert deck["global"] == {"title": "T", "description": "D"}
    assert deck["slides"][0]["notes"] == 0


def test_an_unreadable_deck_is_an_error_not_a_crash(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# A\n", encoding="utf-8")
    missing = tmp_path / "missing.md"
    found = marp_structures([missing, good])
    assert set(found[str(missing)]) == {"error"}
    assert len(found[str(good)]["slides"]) == 1
