"""Time ``marp-i18n check --render`` on the example course from a cold start (for
``make bench``; not a test), and write ``bench/overflow.md``.

The example course (``slides/``, ``locales/``) is copied to a temporary folder with a
second language: the pseudo-locale ``qps`` (every text about 35 % longer), so the check
renders and measures three languages' decks (the source, ``sv``, ``qps``). Cold means
what a fresh clone in CI has: built decks but no HTML, an empty cache, a new process
that starts Node for marp-cli and Chromium for the measuring. Each round starts cold
again; the figure is the median. The target (issue 15) is under 15 s.

    .venv/bin/python tools/bench_overflow.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MI = str(Path(sys.executable).with_name("marp-i18n"))
RESULTS = ROOT / "bench" / "overflow.md"
TARGET = 15.0
PYPROJECT = """\
[tool.marp-i18n]
source-language = "en"
languages = ["sv", "qps"]
"""


def run(project: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MI, *args], cwd=project, env=env, capture_output=True, text=True, check=False
    )


def prepare(folder: Path, env: dict[str, str]) -> Path:
    """The example course with sv and qps catalogues, built (no HTML yet)."""
    project = folder / "course"
    shutil.copytree(ROOT / "slides", project / "slides")
    shutil.copytree(ROOT / "locales", project / "locales")
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    for step in (("pseudo", "--no-build-decks"), ("build", "-q")):
        done = run(project, *step, env=env)
        if done.returncode not in (0,):
            raise SystemExit(f"{' '.join(step)} failed: {done.stderr}")
    return project


def cold_check(project: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """One ``check --render`` with no HTML and an empty cache, then one more with both
    made by the first (nothing to render or measure): seconds each, and the last line."""
    for lang in ("en", "sv", "qps"):
        shutil.rmtree(project / "build" / lang / "html", ignore_errors=True)
    cache = Path(tempfile.mkdtemp(prefix="bench-overflow-cache-"))
    marp = str(ROOT / "node_modules" / ".bin" / "marp")
    seconds = []
    try:
        for _ in range(2):
            start = time.perf_counter()
            done = run(
                project,
                *("check", "--render", "--marp", marp),
                env={**env, "MARP_I18N_CACHE_DIR": str(cache)},
            )
            seconds.append(time.perf_counter() - start)
            if done.returncode == 2:
                raise SystemExit(f"check --render could not run: {done.stdout}{done.stderr}")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return seconds[0], seconds[1], done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARP_I18N_")}
    with tempfile.TemporaryDirectory() as tmp:
        project = prepare(Path(tmp), env)
        decks = len(list((project / "build" / "sv").glob("*.md")))
        times, warm = [], []
        for number in range(1, options.runs + 1):
            seconds, again, last = cold_check(project, env)
            times.append(seconds)
            warm.append(again)
            print(f"round {number}: {seconds:.2f} s cold, {again:.2f} s warm ({last})", flush=True)
    median = statistics.median(times)
    met = "yes" if median < TARGET else f"**no**: {median / TARGET:.2f} times the limit"
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    RESULTS.write_text(
        "# `check --render`: overflow of the example course from a cold start\n\n"
        "Written by `make bench` (`tools/bench_overflow.py`): do not edit, run it again.\n\n"
        "The example course with two languages (`sv` and the pseudo-locale `qps`), built; "
        "no HTML, an empty cache, a new process: marp-cli renders the source and both "
        f"languages ({decks} deck per language), Chromium measures every slide.\n\n"
        "| what | median | fastest - slowest | runs | target | met? |\n"
        "|---|---|---|---|---|---|\n"
        f"| `check --render`, 2 languages, cold | {median:.2f} s | {min(times):.2f} s - "
        f"{max(times):.2f} s | {len(times)} | < {TARGET:g} s | {met} |\n"
        f"| the same again, warm (HTML and measurements kept) | "
        f"{statistics.median(warm):.2f} s | {min(warm):.2f} s - {max(warm):.2f} s | "
        f"{len(warm)} |  |  |\n\n"
        f"Machine: {os.cpu_count()} CPUs, load average {load} at the end; "
        f"{platform.platform()}; Python {platform.python_version()}.\n",
        encoding="utf-8",
    )
    print(f"check --render, cold: median {median:.2f} s (target < {TARGET:g} s): {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
