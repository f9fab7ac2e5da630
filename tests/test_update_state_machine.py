"""Any sequence of deck edits, translations and updates loses no translation still needed.

The machine edits words, deletes, restores and moves slides, lets a translator
translate, and runs the real update pipeline (segment → POT → merge → canonical text
→ parse). After every update: each msgid in the deck that was ever translated has
its latest translation, not fuzzy; no translation given is gone from the file unless
the translator replaced the fuzzy entry that carried it (as with msgmerge, a changed
text's old translation lives on in its fuzzy entry only); the file is canonical; a
second update changes nothing.
"""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from i18n.catalogue.extract import template_catalogue
from i18n.catalogue.header import catalogue_header
from i18n.catalogue.pofile import catalogue_text, read_catalogue
from i18n.catalogue.update import merge
from i18n.segment import segment_deck

WORDS = ["alpha", "beta", "gamma", "delta", "echo", "fox", "golf", "hotel"]


def update(deck_text: str, po_text: str | None) -> str:
    deck = segment_deck(deck_text, "d.md")
    pot = template_catalogue(deck, "slides/d.md", None, "NOW")[0]
    old = read_catalogue(po_text, "d.po") if po_text is not None else None
    po = merge(pot, old)
    catalogue_header(po, deck, "sv", pot.metadata, old, "NOW")
    return catalogue_text(po)


class Lifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.slides = [
            "The quick brown fox jumps over the dog",
            "Some speaker notes follow here today",
            "A third slide with a longer sentence in it",
        ]
        self.removed: list[str] = []
        self.po: str | None = None
        self.known: dict[str, str] = {}
        self.version = 0

    def deck(self) -> str:
        return "---\ntitle: Course\n---\n" + "\n\n---\n\n".join(self.slides) + "\n"

    @rule(data=st.data())
    def edit_word(self, data: st.DataObject) -> None:
        i = data.draw(st.integers(0, len(self.slides) - 1))
        words = self.slides[i].split()
        j = data.draw(st.integers(0, len(words) - 1))
        words[j] = data.draw(st.sampled_from(WORDS))
        self.slides[i] = " ".join(words)

    @precondition(lambda self: len(self.slides) > 1)
    @rule(data=st.data())
    def delete_slide(self, data: st.DataObject) -> None:
        self.removed.append(self.slides.pop(data.draw(st.integers(0, len(self.slides) - 1))))

    @precondition(lambda self: bool(self.removed))
    @rule(data=st.data())
    def restore_slide(self, data: st.DataObject) -> None:
        self.slides.insert(data.draw(st.integers(0, len(self.slides))), self.removed.pop())

    @rule(data=st.data())
    def move_slide(self, data: st.DataObject) -> None:
        slide = self.slides.pop(data.draw(st.integers(0, len(self.slides) - 1)))
        self.slides.insert(data.draw(st.integers(0, len(self.slides))), slide)

    @precondition(lambda self: self.po is not None)
    @rule(data=st.data())
    def translate(self, data: st.DataObject) -> None:
        assert self.po is not None
        po = read_catalogue(self.po, "d.po")
        replaced = set()
        for entry in po:
            if entry.obsolete or not data.draw(st.booleans()):
                continue
            if "fuzzy" in entry.flags:
                replaced.add(entry.msgstr)
            self.version += 1
            entry.msgstr = f"sv{self.version}: {entry.msgid}"
            entry.flags = []
            entry.previous_msgid = None
            self.known[entry.msgid] = entry.msgstr
        still = {entry.msgstr for entry in po}
        self.known = {k: v for k, v in self.known.items() if v in still or v not in replaced}
        self.po = catalogue_text(po)

    @rule()
    def run_update(self) -> None:
        self.po = update(self.deck(), self.po)
        assert update(self.deck(), self.po) == self.po  # a second run changes nothing
        assert catalogue_text(read_catalogue(self.po, "d.po")) == self.po

    @invariant()
    def no_translation_is_lost(self) -> None:
        if self.po is None:
            return
        po = read_catalogue(self.po, "d.po")
        present = {entry.msgstr for entry in po}
        assert set(self.known.values()) <= present
        pot = template_catalogue(segment_deck(self.deck(), "d.md"), "d.md", None, "NOW")[0]
        in_deck = {entry.msgid for entry in pot}
        by_msgid = {entry.msgid: entry for entry in po if not entry.obsolete}
        for msgid, msgstr in self.known.items():
            if msgid in in_deck and msgid in by_msgid:  # the deck was updated since
                entry = by_msgid[msgid]
                assert (entry.msgstr, "fuzzy" in entry.flags) == (msgstr, False)


TestLifecycle = Lifecycle.TestCase
TestLifecycle.settings = settings(max_examples=40, stateful_step_count=20, deadline=None)
