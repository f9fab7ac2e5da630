"""The translation memory's RapidFuzz pre-filter never changes translate-toolkit's answer."""

from __future__ import annotations

import logging

from hypothesis import given, settings
from hypothesis import strategies as st
from translate.search.match import matcher
from translate.storage.pypo import pofile

from i18n.catalogue.update import MAX_LENGTH, MIN_SIMILARITY, Memory

# Short words from a small alphabet make near-misses (70-80 % similar) common.
WORDS = st.sampled_from(["the", "slide", "slides", "a", "key", "keys", "cpu", "vm", "run", "runs"])
TEXTS = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)


def plain_matcher_answer(pairs: list[tuple[str, str]], text: str) -> tuple[str, str] | None:
    """What translate-toolkit's matcher says when it scores every candidate itself."""
    logging.getLogger("translate.search.lshtein").setLevel(logging.ERROR)
    store = pofile()
    for source, target in pairs:
        store.addsourceunit(source).target = target
    found = matcher(
        store, max_candidates=1, min_similarity=MIN_SIMILARITY, max_length=MAX_LENGTH
    ).matches(text)
    return (str(found[0].source), str(found[0].target)) if found else None


@settings(max_examples=300)
@given(
    sources=st.lists(TEXTS, min_size=1, max_size=40, unique=True),
    queries=st.lists(TEXTS, min_size=1, max_size=8),
)
def test_prefiltered_memory_answers_as_the_matcher_does(
    sources: list[str], queries: list[str]
) -> None:
    pairs = [(source, f"T:{source}") for source in sources]
    memory = Memory(pairs)
    for query in queries:
        assert memory.best(query) == plain_matcher_answer(pairs, query)


def test_a_close_text_is_found_and_a_distant_one_is_not() -> None:
    memory = Memory([("The hypervisor runs every guest", "Hypervisorn kör varje gäst")])
    assert memory.best("The hypervisor runs each guest") == (
        "The hypervisor runs every guest",
        "Hypervisorn kör varje gäst",
    )
    assert memory.best("Completely different words here") is None
