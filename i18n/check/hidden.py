"""The checks for what a reviewer of a PO diff cannot see: ``invisible`` and ``new-address``.

Issue 18: translators are semi-trusted and ``check`` is the gate a reviewer relies on,
so what a diff hides (a character drawn as nothing, an address among foreign words)
must be a finding. The rules live in ``invisible.py`` and ``addresses.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Set

from i18n.check.addresses import new_addresses
from i18n.check.facts import Facts
from i18n.check.invisible import invisible_problem

Problem = tuple[str, str]


def hidden_problems(
    source: str, translation: str, facts: tuple[Facts, Facts], on: Set[str]
) -> Iterator[Problem]:
    """(check, message) for each of the two checks that ``on`` runs and that fails.

    ``invisible`` reads the whole msgstr (a character hides as well in a link target or
    code span); ``new-address`` reads only its text, where linkify makes links, and
    knows the source's link targets too: a link turned into a bare URL adds no address.
    """
    if "invisible" in on and (problem := invisible_problem(source, translation)):
        yield "invisible", problem
    source_facts, target_facts = facts
    if "new-address" in on:
        known = [*source_facts.text, *source_facts.links, *source_facts.images]
        if problem := new_addresses(known, target_facts.text):
            yield "new-address", problem
