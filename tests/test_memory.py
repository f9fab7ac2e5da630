"""The translation memory scores as gettext's fstrcmp does and keeps msgmerge's bound,
whether it scores every candidate in Python (a small memory) or RapidFuzz picks them."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from i18n.catalogue.update import MIN_SIMILARITY, SMALL_WORK, Memory, similarity

# Short words from a small alphabet make near-misses (55-70 % similar) common.
WORDS = st.sampled_from(["the", "slide", "slides", "a", "key", "keys", "cpu", "vm", "run", "runs"])
TEXTS = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)


def fstrcmp(a: str, b: str) -> Fraction:
    """gettext's fstrcmp, written out: 2 * longest common subsequence / total length."""
    if not a and not b:
        return Fraction(1)
    row = [0] * (len(b) + 1)
    for char in a:
        diagonal = 0
        for j, other in enumerate(b, 1):
            diagonal, row[j] = row[j], diagonal + 1 if char == other else max(row[j], row[j - 1])
    return Fraction(2 * row[-1], len(a) + len(b))


def plain_answer(pairs: list[tuple[str, str]], text: str) -> tuple[str, str] | None:
    """Every candidate scored, the first of the best kept if above msgmerge's bound
    (``weight > FUZZY_THRESHOLD``: exactly 0.6 is not enough)."""
    scored = [(fstrcmp(text, source), -index) for index, (source, _) in enumerate(pairs)]
    score, index = max(scored)
    return pairs[-index] if score > Fraction(str(MIN_SIMILARITY)) else None


@pytest.mark.parametrize("small_work", [0, SMALL_WORK], ids=["rapidfuzz", "python"])
@settings(max_examples=200)
@given(
    sources=st.lists(TEXTS, min_size=1, max_size=40, unique=True),
    queries=st.lists(TEXTS, min_size=1, max_size=8),
)
def test_memory_answers_as_fstrcmp_over_every_candidate(
    small_work: int, sources: list[str], queries: list[str]
) -> None:
    pairs = [(source, f"T:{source}") for source in sources]
    memory = Memory(pairs, small_work=small_work)
    for query in queries:
        assert memory.best(query) == plain_answer(pairs, query)
        for source, _ in pairs[:3]:
            assert similarity(query, source) == fstrcmp(query, source)


@given(st.text(max_size=300), st.text(max_size=300))
def test_bit_parallel_common_length_is_the_longest_common_subsequence(a: str, b: str) -> None:
    assert similarity(a, b) == fstrcmp(a, b)


def test_msgmerge_bound_takes_a_short_heading_with_a_word_added() -> None:
    memory = Memory([("Key management", "Nyckelhantering")])
    assert similarity("Key management", "Secure key management") < 0.75  # cut-off before
    assert memory.best("Secure key management") == ("Key management", "Nyckelhantering")
    assert memory.best("Completely different words") is None


def test_an_excluded_text_is_passed_over_unless_it_is_the_text_itself() -> None:
    memory = Memory(
        [("Keys in the TPM", "A"), ("Keys in a TPM chip", "B"), ("Keys in the HSM", "C")]
    )
    query = "Keys in the TPM chip"
    assert memory.best(query) == ("Keys in a TPM chip", "B")
    assert memory.best(query, exclude={"Keys in a TPM chip"}) == ("Keys in the TPM", "A")
    memory = Memory([("Keys in the TPM chip", "D"), ("Keys in the TPM", "A")])
    assert memory.best(query, exclude={query}) == (query, "D")
