"""Spread independent per-deck work over the machine's cores.

The profile of ``check`` on the corpus is almost all markdown-it-py parsing, pure Python
and one deck at a time, so the only large win left is a second core. Forked workers
inherit the loaded modules (no start-up cost beyond the fork); small courses, the
commit-hook case, stay in one process because a pool would cost more than it saves.
Results come back in input order, so reports do not depend on scheduling.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 24
"""Below this many decks one process is faster than starting a pool (measured: a fork
pool costs ~30 ms; a deck ~5 ms)."""


def workers(jobs: int | None = None) -> int:
    """How many processes: ``jobs`` if given, else ``MARP_I18N_JOBS``, else the CPUs
    this process may use."""
    if jobs is None:
        setting = os.environ.get("MARP_I18N_JOBS", "")
        if setting.isdigit():
            jobs = int(setting)
        elif hasattr(os, "sched_getaffinity"):  # Linux: the CPUs this process may use
            jobs = len(os.sched_getaffinity(0))
        else:  # macOS, Windows
            jobs = os.cpu_count() or 1
    return max(1, jobs)


def parallel_map(
    func: Callable[[T], R], items: Sequence[T], jobs: int | None = None
) -> Iterator[R]:
    """``map(func, items)``, over several processes when it pays.

    ``func`` must be picklable (a module-level function or a ``functools.partial`` of
    one) and so must its results. Exceptions raised by ``func`` reach the caller.
    """
    count = min(workers(jobs), len(items))
    if count < 2 or len(items) < MIN_ITEMS:
        yield from map(func, items)
        return
    import multiprocessing  # here: a one-deck course does not pay for its import
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from map(func, items)
        return
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(items) // (count * 8))
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        yield from pool.map(func, items, chunksize=chunk)
