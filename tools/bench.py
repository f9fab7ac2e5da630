"""``make bench``: marp-i18n's speed and memory on the real corpus, against mdpo and
translate-toolkit, written to ``bench/results.md``.

A script, not a test: timing depends on the machine, so nothing here fails a build;
it measures, compares and names the gaps to the targets of the performance issue.

How it measures, and why:

- Every marp-i18n figure is a fresh process of the project's venv (the CLI, or one
  ``python -c`` for the library API), in a temporary copy of a project whose
  ``slides/`` are the corpus decks: imports, start-up and caches count as a user pays
  them. "From scratch" means what a fresh clone has: no catalogues, no cache.
- The alternatives (mdpo's API and CLIs, translate-toolkit's md2po/po2md) do the same
  work (extract every deck, then merge two languages' catalogues back into decks) in a
  virtual environment of their own, ``.bench-venv``, created here: they pay their own
  start-up and never see our dependencies.
- Runs are interleaved: round 1 runs everything once, round 2 again, and so on, so a
  busy minute on this shared machine slows both sides of a ratio alike. Figures are
  medians with their spread.

    .venv/bin/python tools/bench.py [--runs N] [--quick] [--no-alternatives] [--corpus DIR]

``--quick`` takes two runs and skips the alternatives' per-file CLI loop. The corpus
(``../shared/corpus``) absent, it says so and exits 0 without touching the results.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import venv
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from bench_report import (
    TIMES,
    CurvePoint,
    Profile,
    Ratio,
    Results,
    Sample,
    Series,
    Target,
    console,
    render,
)

from i18n.cache import course_folder

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results.md"
BIN = ROOT / ".venv" / "bin"
MI = str(BIN / "marp-i18n")
PYTHON = str(BIN / "python")
BENCH_VENV = ROOT / ".bench-venv"
ALTERNATIVES = ("mdpo", "translate-toolkit[markdown]")
"""translate-toolkit's md2po needs its ``markdown`` extra (mistletoe)."""
LANGS = ("sv", "de")
CURVE_SIZES = (50, 100, 200, 400)
ONE_DECK = Path("menacit__virt_base_course/12-confidential_hw_virt.md")
"""The example course's deck: ``update`` of a one-deck course is timed on it."""
NOW = "2026-01-01 00:00+0000"
TIMEOUT = 900.0

RATIO = Target("≤ 0.25", 0.25 + 1e-9)
CURVE = Target("exponent < 1.2", 1.2)

INPROCESS = """\
import json, sys, time
began = time.perf_counter()
from pathlib import Path
from i18n.build import build_language
from i18n.config import load_config
from i18n.update import extract_project
imported = time.perf_counter()
config = load_config(Path(sys.argv[1]) / "pyproject.toml")
errors = [line.text for line in extract_project(config, sys.argv[2]) if line.error]
extracted = time.perf_counter()
for lang in config.languages:
    report = build_language(config, lang, set_lang=True, strict=False)
    errors += report.messages if report.failed else []
built = time.perf_counter()
if errors:
    sys.exit("; ".join(errors[:3]))
print(json.dumps({"imports": imported - began, "extract": extracted - imported,
                  "build": built - extracted}))
"""
"""The library API, in one process: extract every deck, build both languages."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- running a command ---------------------------------------------------------------


@dataclass
class Step:
    """One command of a measured thing; exit codes in ``ok`` count as success."""

    cmd: list[str]
    cwd: Path
    ok: tuple[int, ...] = (0,)
    env: dict[str, str] | None = None


RUNNER = r"""
import json, os, sys, tempfile, time
results = []
for cmd, cwd, env in json.load(sys.stdin):
    os.chdir(cwd)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        start = time.perf_counter()
        pid = os.posix_spawnp(cmd[0], cmd, env or os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        results.append([wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status),
                        out.read().decode("utf-8", "replace"),
                        err.read()[-2000:].decode("utf-8", "replace")])
    if len(results) > 1:
        results[-2][3] = ""
json.dump(results, sys.stdout)
"""
"""Runs a list of commands, timing each from spawn to exit. Why a runner process: Linux
counts the memory of the process that forked a command in the command's peak RSS, so
commands forked by this bench (tens of MB) would all seem that large; this runner is a
bare interpreter (``-I -S``). Its own start-up is outside every timing."""


def run_steps(steps: list[Step], sampler: bool = False) -> tuple[Sample, float | None]:
    """Run commands one after the other: the sum of their wall times, the peak RSS of
    the largest process (``wait4``; it covers descendants a command waited for), the
    last command's output; with ``sampler``, also the sampled peak PSS of all their
    processes together, in MB."""
    payload = json.dumps([[s.cmd, str(s.cwd), s.env] for s in steps])
    runner = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", RUNNER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # so a timeout can stop the command too
    )
    watcher = TreeMemory(runner.pid) if sampler else None
    try:
        out, err = runner.communicate(payload, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(runner.pid, 9)
        runner.communicate()
        return Sample(TIMEOUT, 0.0, [f"timed out after {TIMEOUT:.0f} s"]), None
    finally:
        total = watcher.stop() if watcher else None
    if runner.returncode != 0:
        return Sample(0.0, 0.0, [f"runner failed: {err.strip()[-300:]}"]), total
    sample = Sample(0.0, 0.0)
    for step, (wall, rss_kb, code, stdout, stderr) in zip(steps, json.loads(out), strict=True):
        sample.seconds += wall
        sample.rss_mb = max(sample.rss_mb, rss_kb / 1024)
        sample.stdout = stdout
        if code not in step.ok:
            last = [line for line in stderr.splitlines() if line.strip()][-1:] or [""]
            name = " ".join([Path(step.cmd[0]).name, *step.cmd[1:2]])
            sample.errors.append(f"`{name}` exit {code}: {last[0]}")
    return sample, total


def run_timed(step: Step, sampler: bool = False) -> tuple[Sample, float | None]:
    """One command (see ``run_steps``)."""
    return run_steps([step], sampler)


class TreeMemory:
    """Samples the summed PSS of a process's descendants every 20 ms.

    Why PSS: ``check`` forks workers that share most pages with their parent; adding up
    their RSS would count those pages several times."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in self._tree()))
            self._stop.wait(0.02)

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = defaultdict(list)
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry.name))
        found, todo = [], list(children.get(self.pid, []))  # not the runner itself
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo += children.get(pid, [])
        return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# --- projects ------------------------------------------------------------------------


def corpus_decks(corpus: Path) -> list[Path]:
    """The corpus decks, relative to it (the set tests/conftest.py uses)."""
    return sorted(p.relative_to(corpus) for p in corpus.rglob("*.md") if p.name != "SOURCES.md")


def new_project(path: Path, decks: dict[Path, bytes]) -> Path:
    """A course: ``slides/`` with the decks, both languages configured."""
    for name, data in decks.items():
        target = path / "slides" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    languages = ", ".join(f'"{lang}"' for lang in LANGS)
    (path / "pyproject.toml").write_text(f"[tool.marp-i18n]\nlanguages = [{languages}]\n")
    return path


def reset(project: Path, *names: str, caches: bool = False) -> None:
    """Remove generated folders; ``caches`` also the course's folder in the user's cache
    (i18n/cache.py), so the next run starts cold as in a fresh clone."""
    for name in names:
        shutil.rmtree(project / name, ignore_errors=True)
    if caches:
        shutil.rmtree(course_folder(project), ignore_errors=True)


def cut(pool: Path, dest: Path, names: list[Path]) -> Path:
    """A project with some of the pool's decks and their catalogues (each deck has its
    own POT and PO files, so a subset of them is what update would write)."""
    new_project(dest, {name: (pool / "slides" / name).read_bytes() for name in names})
    for name in names:
        files = [Path("locales") / name.with_suffix(".pot")]
        files += [Path("locales") / lang / name.with_suffix(".po") for lang in LANGS]
        for file in files:
            if (pool / file).is_file():
                (dest / file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(pool / file, dest / file)
    return dest


def remove_templates(project: Path) -> None:
    for pot in (project / "locales").rglob("*.pot"):
        pot.unlink()


def translate(project: Path) -> None:
    """Translated catalogues, the way a maintainer has them: ``sv`` complete, ``de``
    half done with some fuzzy entries (tools/bench_check.py's generator, which uses the
    markup-keeping pseudo-translation of the tests), then one ``update`` to put them in
    canonical form with headers."""
    _test_helpers()
    from bench_check import write_catalogues

    write_catalogues(project / "slides", project / "locales")
    sample, _ = run_timed(Step([MI, "update"], project))
    if sample.errors:
        raise RuntimeError(f"update of the translated catalogues failed: {sample.errors}")


def _test_helpers() -> None:
    """Make tools/bench_check.py and tests/strategies.py importable (once): the bench
    reuses their catalogue generator and pseudo-translation rather than copying them."""
    for folder in (ROOT, ROOT / "tests", TOOLS):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))


def mi(project: Path, *args: str, ok: tuple[int, ...] = (0,)) -> Step:
    return Step([MI, *args], project, ok)


# --- text perturbation (the update curve) --------------------------------------------

_WORD = re.compile(rb"\b[A-Za-z]{4,}\b")
_TEXT = re.compile(rb"[#>*+|\d. -]*[A-Za-z]")


def perturb(data: bytes, seed: str, share: float) -> bytes:
    """The deck with one word reversed in about ``share`` of its text lines.

    Text lines: outside front matter and code, a letter after any heading, list, quote
    or table marker. Never a line's first word (a YAML key in a directive comment stays
    a key): the structure stays, the text changes as an author's edit would, so update
    has fuzzy matching to do.
    """
    rng = random.Random(seed)
    lines = data.split(b"\n")
    front = lines[0].rstrip(b"\r") == b"---"
    fence = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if front:
            front = index == 0 or stripped != b"---"
            continue
        if stripped.startswith((b"```", b"~~~")):
            fence = not fence
        if fence or not _TEXT.match(stripped) or rng.random() >= share:
            continue
        words = list(_WORD.finditer(line))[1:]
        if words:
            word = rng.choice(words)
            lines[index] = line[: word.start()] + word.group()[::-1].lower() + line[word.end() :]
    return b"\n".join(lines)


def one_word_changed(deck: Path) -> Callable[[], None]:
    """A ``prepare`` that changes a few words of the deck, others each run: every timed
    update segments a deck it has not seen (no cache hit) and merges changed texts
    (fuzzy suggestions), as after an author's edit."""
    original = deck.read_bytes()
    runs = itertools.count()

    def prepare() -> None:
        deck.write_bytes(perturb(original, f"one-deck-{next(runs)}", 0.03))

    return prepare


# --- our side --------------------------------------------------------------------------


@dataclass
class Phase:
    """One measured thing: prepare (not timed), then the steps (timed together)."""

    key: str
    series: Series
    steps: list[Step]
    prepare: Callable[[], None] = lambda: None
    verify: Callable[[Sample], list[str]] | None = None
    max_runs: int | None = None
    repeat: int = 1
    """Samples per round: a command of a tenth of a second is timed several times, so
    its median stands on more than five runs of a noisy machine."""
    memory: bool = False
    """Sample the memory of all its processes (ours; the alternatives have one each)."""


@dataclass
class Bench:
    """The temporary projects: the corpus decks, and a translated pool to cut from."""

    tmp: Path
    decks: dict[Path, bytes]
    pool: Path = Path()

    def project(self, name: str) -> Path:
        return new_project(self.tmp / name, self.decks)

    def translated(self, name: str, decks: dict[Path, bytes] | None = None) -> Path:
        """A project with translated catalogues, cut from the pool (``decks`` default:
        the corpus), so the slow generation of catalogues runs once."""
        return cut(self.pool, self.tmp / name, list(decks or self.decks))

    def one_deck_name(self) -> Path:
        """The example course's deck when the corpus has it, else the corpus's first."""
        return ONE_DECK if ONE_DECK in self.decks else min(self.decks)

    def make_pool(self) -> None:
        """The corpus and a copy of it with other words changed, translated once."""
        self.pool = new_project(self.tmp / "pool", dict(curve_pool(self.decks)))
        translate(self.pool)

    def our_phases(self) -> list[Phase]:
        """Extract, update, build, check, the pipeline and the in-process run."""
        fresh = self.project("extract")
        scratch = self.project("update")
        noop = self.project("noop")
        trans = self.translated("translated")
        cold = self.translated("translated-cold")
        pipe = self.project("pipeline")
        inproc = self.translated("inprocess")
        one_deck = self.translated("one-deck", {self.one_deck_name(): b""})
        langs = [arg for lang in LANGS for arg in ("--lang", lang)]
        either = (0, 1)  # check: 1 is "a threshold missed", expected for untranslated
        # What a maintainer has after a first run: catalogues up to date, caches warm.
        run_timed(mi(noop, "update"))
        run_timed(mi(noop, "check", ok=either))
        run_timed(mi(trans, "build", *langs))
        run_timed(mi(trans, "check", ok=either))
        return [
            Phase(
                "extract",
                Series("extract all decks (CLI, from scratch)"),
                [mi(fresh, "extract")],
                lambda: reset(fresh, "locales", caches=True),
            ),
            Phase(
                "update-scratch",
                Series("update, 2 languages, from scratch"),
                [mi(scratch, "update")],
                lambda: reset(scratch, "locales", caches=True),
            ),
            Phase(
                "update-one-deck",
                Series(
                    "update, one-deck course, 2 languages, a few words changed (CLI)",
                    Target("< 150 ms", 0.150),
                ),
                [mi(one_deck, "update")],
                one_word_changed(one_deck / "slides" / self.one_deck_name()),
                repeat=5,
            ),
            Phase(
                "update-noop",
                Series("update, 2 languages, nothing changed"),
                [mi(noop, "update")],
            ),
            Phase(
                "build",
                Series("build, 2 languages, translated catalogues (cache warm)"),
                [mi(trans, "build", *langs)],
                lambda: reset(trans, "build"),
            ),
            Phase(
                "check-fresh",
                Series("check, 2 languages, freshly updated catalogues", Target("< 1 s", 1.0)),
                [mi(noop, "check", ok=either)],
            ),
            Phase(
                "check-translated",
                Series("check, 2 languages, translated (cache warm)", Target("< 1 s", 1.0)),
                [mi(trans, "check", ok=either)],
            ),
            Phase(
                "check-cold",
                Series("check, 2 languages, translated, no cache (CI)", Target("< 1 s", 1.0)),
                [mi(cold, "check", ok=either)],
                lambda: reset(cold, caches=True),
            ),
            Phase(
                "pipeline",
                Series("whole pipeline: update + build + check (CLI, from scratch)"),
                [mi(pipe, "update"), mi(pipe, "build"), mi(pipe, "check", ok=either)],
                lambda: reset(pipe, "locales", "build", caches=True),
            ),
            Phase(
                "inprocess",
                Series(
                    "extract + build 2 languages, one process (library API, no cache)",
                    short="ours, library API",
                ),
                [Step([PYTHON, "-c", INPROCESS, str(inproc), NOW], inproc)],
                lambda: (remove_templates(inproc), reset(inproc, "build", caches=True)),
            ),
        ]


BASELINE_PHASES = ("build", "check-cold")
"""The figures a performance issue compares with the code before it, in the same run."""


def baseline_phases(bench: Bench, ours: list[Phase], tree: Path, rev: str) -> list[Phase]:
    """``BASELINE_PHASES`` again, run by the code of ``rev`` (a git worktree at ``tree``,
    on ``PYTHONPATH`` before the venv's own copy) in projects of its own, so neither
    side warms the other's cache. Older code kept its cache inside the course
    (``.marp-i18n-cache``): that is removed with the rest when a phase starts cold."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    phases = []
    for phase in ours:
        if phase.key not in BASELINE_PHASES:
            continue
        project = bench.translated(f"baseline-{phase.key}")
        steps = [
            Step([PYTHON, "-m", "i18n", *step.cmd[1:]], project, step.ok, env)
            for step in phase.steps
        ]
        # the same preparation as ours (build/ removed, cold caches), on this project
        cold = phase.key == "check-cold"

        def prepare(project: Path = project, cold: bool = cold) -> None:
            reset(project, "build", *([".marp-i18n-cache"] if cold else []), caches=cold)

        run_timed(steps[0])  # warm, as ours is warmed in our_phases
        series = Series(f"{phase.series.label} — baseline {rev}")
        phases.append(Phase(f"baseline-{phase.key}", series, steps, prepare))
    return phases


def _worktree(tmp: Path, rev: str) -> Path:
    """A checkout of ``rev`` to run as the baseline (removed with the bench's folder)."""
    tree = tmp / "baseline-code"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), rev], check=True
    )
    return tree


def describe_inprocess(series: Series) -> None:
    """Split the in-process time into imports, extract and build (medians)."""
    parts: dict[str, list[float]] = defaultdict(list)
    for sample in series.samples:
        try:
            for name, value in json.loads(sample.stdout.strip().splitlines()[-1]).items():
                parts[name].append(value)
        except (ValueError, IndexError):
            continue
    if parts:
        series.note = (
            "of which "
            + ", ".join(
                f"{name} {statistics.median(values) * 1000:.0f} ms"
                for name, values in parts.items()
            )
            + " (the rest is the interpreter's start-up); cold cache, translated catalogues"
        )


# --- the alternatives --------------------------------------------------------------------


def bench_python() -> Path:
    return BENCH_VENV / "bin" / "python"


def setup_alternatives() -> str:
    """Create ``.bench-venv`` with mdpo and translate-toolkit; '' or why it failed."""
    stamp = BENCH_VENV / ".installed"
    wanted = " ".join(ALTERNATIVES)
    if stamp.is_file() and stamp.read_text() == wanted and bench_python().exists():
        return ""
    log(f"creating {BENCH_VENV.name} with {wanted} ...")
    shutil.rmtree(BENCH_VENV, ignore_errors=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(BENCH_VENV)
    done = subprocess.run(
        [str(bench_python()), "-m", "pip", "install", "--quiet", *ALTERNATIVES],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        tail = [line for line in done.stderr.splitlines() if "WARNING" not in line][-3:]
        return "pip install failed: " + " / ".join(tail)
    stamp.write_text(wanted)
    return ""


def alternative_versions() -> str:
    names = ["mdpo", "pymd4c", "translate-toolkit", "mistletoe", "polib"]
    code = (
        "import importlib.metadata as m, json, sys\n"
        f"print(json.dumps({{n: m.version(n) for n in {names!r}}}))\n"
        "print(sys.version.split()[0])"
    )
    done = subprocess.run([str(bench_python()), "-c", code], capture_output=True, text=True)
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) < 2:
        return "unknown"
    versions = json.loads(lines[0])
    return ", ".join(f"{n} {v}" for n, v in versions.items()) + f" (Python {lines[1]})"


def pseudo_catalogues(folder: Path, langs: dict[str, float]) -> None:
    """Translate an alternative's own catalogues in place, copied per language: the
    tests' pseudo-translation on a share of the entries (``sv`` all, ``de`` half), so
    its merge has the same amount of translated text to put in as ours."""
    import polib

    _test_helpers()
    from strategies import pseudo_translate

    for lang, share in langs.items():
        target = folder.parent / lang
        shutil.copytree(folder, target, dirs_exist_ok=True)
        for path in sorted(target.rglob("*.po")):
            po = polib.pofile(str(path))
            for index, entry in enumerate(po):
                if entry.msgid and (share >= 1 or index % 2 == 0):
                    entry.msgstr = pseudo_translate(entry.msgid, "paragraph")
            po.save(str(path))


def expect_outputs(slides: Path, folders: list[Path], suffixes: list[str]) -> list[str]:
    """A deck whose output file is missing from a folder is a failure to report."""
    missing = []
    for deck in sorted(p.relative_to(slides) for p in slides.rglob("*.md")):
        for folder, suffix in zip(folders, suffixes, strict=True):
            if not (folder / deck).with_suffix(suffix).is_file():
                missing.append(f"{deck}: no {folder.name}/{deck.with_suffix(suffix)}")
    return missing


def alternative_phases(bench: Bench, mdpo_cli: bool) -> list[Phase]:
    """mdpo's API, translate-toolkit's CLI and mdpo's CLI loop, on the same decks."""
    base = new_project(bench.tmp / "alternatives", bench.decks)
    slides, out = base / "slides", base / "out"
    py = str(bench_python())
    driver = str(TOOLS / "bench_alternatives.py")
    # Their catalogues, made once by each tool from the decks, then pseudo-translated.
    mdpo_cats, ttk_cats = base / "mdpo-cat", base / "ttk-cat"
    subprocess.run(
        [py, driver, "extract", slides, mdpo_cats / "new"], check=True, capture_output=True
    )
    pseudo_catalogues(mdpo_cats / "new", {"sv": 1.0, "de": 0.5})
    ttk_cats.mkdir()  # translate-toolkit creates only the last folder of -o
    subprocess.run(
        ttk("md2po", "-i", slides, "-o", ttk_cats / "new"), check=True, capture_output=True
    )
    pseudo_catalogues(ttk_cats / "new", {"sv": 1.0, "de": 0.5})

    def mdpo_api_verify(sample: Sample) -> list[str]:
        try:
            return list(json.loads(sample.stdout.strip().splitlines()[-1])["failures"])
        except (ValueError, IndexError, KeyError):
            return ["no report from bench_alternatives.py"]

    def all_outputs(_: Sample) -> list[str]:
        folders = [out / "pot", *(out / lang for lang in LANGS)]
        return expect_outputs(slides, folders, [".pot", *(".md" for _ in LANGS)])

    ttk_steps = [Step(ttk("md2po", "-P", "-i", slides, "-o", out / "pot"), base)]
    ttk_steps += [
        Step(ttk("po2md", "-i", ttk_cats / lang, "-t", slides, "-o", out / lang), base)
        for lang in LANGS
    ]
    phases = [
        Phase(
            "mdpo-api",
            Series("mdpo API: md2po + po2md 2 languages (one process)", short="mdpo API"),
            [Step([py, driver, "api", str(slides), str(mdpo_cats), str(out), *LANGS], base)],
            lambda: reset(base, "out"),
            mdpo_api_verify,
        ),
        Phase(
            "ttk-cli",
            Series(
                f"translate-toolkit CLI: md2po + po2md {TIMES}2 (3 processes)",
                short="translate-toolkit CLI",
            ),
            ttk_steps,
            lambda: (reset(base, "out"), out.mkdir()),
            all_outputs,
        ),
    ]
    if mdpo_cli:
        phases.append(mdpo_cli_phase(base, slides, mdpo_cats, out))
    return phases


def ttk(tool: str, *args: str | Path) -> list[str]:
    """A translate-toolkit converter as a command. ``python -m`` because mdpo's
    ``md2po``/``po2md`` scripts, installed in the same venv, shadow translate-toolkit's."""
    module = f"translate.convert.{tool}"
    return [str(bench_python()), "-m", module, "--progress=none", *map(str, args)]


def mdpo_cli_phase(base: Path, slides: Path, catalogues: Path, out: Path) -> Phase:
    """mdpo's CLIs the way its docs use them: one md2po and one po2md per deck."""
    bin_dir = BENCH_VENV / "bin"
    decks = sorted(p.relative_to(slides) for p in slides.rglob("*.md"))
    steps = [
        Step(
            [
                str(bin_dir / "md2po"),
                str(slides / d),
                "-q",
                "-s",
                "-p",
                str((out / "pot" / d).with_suffix(".pot")),
            ],
            base,
        )
        for d in decks
    ]
    steps += [
        Step(
            [
                str(bin_dir / "po2md"),
                str(slides / d),
                "-q",
                "-p",
                str((catalogues / lang / d).with_suffix(".po")),
                "-s",
                str(out / lang / d),
            ],
            base,
        )
        for lang in LANGS
        for d in decks
    ]

    def prepare() -> None:
        reset(base, "out")
        for folder in ("pot", *LANGS):
            for d in decks:
                (out / folder / d).parent.mkdir(parents=True, exist_ok=True)

    return Phase(
        "mdpo-cli",
        Series(
            f"mdpo CLI loop: md2po + po2md {TIMES}2 per deck ({len(steps)} processes)",
            short="mdpo CLI loop",
        ),
        steps,
        prepare,
        lambda _: expect_outputs(
            slides, [out / "pot", *(out / lang for lang in LANGS)], [".pot", ".md", ".md"]
        ),
        max_runs=3,
    )


# --- rounds ------------------------------------------------------------------------------


def measure_rounds(phases: list[Phase], runs: int) -> None:
    """Run every phase once per round, ``runs`` rounds. In the last round the memory of
    all processes of our commands is sampled too (it costs a little CPU, so only one
    round of the median pays it)."""
    for round_ in range(runs):
        for phase in phases:
            if phase.max_runs is not None and round_ >= phase.max_runs:
                continue
            for sample in range(phase.repeat):  # memory: the very last sample only
                last = round_ == runs - 1 and sample == phase.repeat - 1
                measure_once(phase, phase.memory and last)
            shown = "; ".join(phase.series.samples[-1].errors[:1])
            shown = shown or f"{phase.series.samples[-1].seconds:.3f} s"
            log(f"[{round_ + 1}/{runs}] {phase.series.label}: {shown}")


def measure_once(phase: Phase, sample_memory: bool) -> None:
    """One sample of a phase: prepare (untimed), run, check."""
    try:
        phase.prepare()
        sample, total = run_steps(phase.steps, sample_memory)
    except OSError as exc:
        sample, total = Sample(0.0, 0.0, [f"{type(exc).__name__}: {exc}"]), None
    if total is not None:
        phase.series.total_mb = total
    if phase.verify is not None:
        phase.series.failures = phase.verify(sample)
    phase.series.samples.append(sample)


def sum_series(label: str, parts: list[Series]) -> Series:
    """A figure made of several measured in the same rounds (e.g. extract + build)."""
    series = Series(label)
    for samples in zip(*(p.samples for p in parts), strict=False):
        series.samples.append(
            Sample(
                sum(s.seconds for s in samples),
                max(s.rss_mb for s in samples),
                [e for s in samples for e in s.errors],
            )
        )
    return series


# --- no-op make ------------------------------------------------------------------------


def shim(source: Path, target: Path, skip: Callable[[str], bool]) -> None:
    """A folder of symlinks to ``source``'s entries, so a copied course uses the real
    venv and node_modules while its own ``.installed`` stamps stay its own."""
    target.mkdir(parents=True)
    for entry in sorted(source.iterdir()):
        if entry.name == ".installed" or skip(entry.name):
            continue
        if entry.name == "bin" and entry.is_dir() and not entry.is_symlink():
            shim(entry, target / "bin", lambda n: n.startswith("pip"))
        else:
            (target / entry.name).symlink_to(entry)


def measure_noop_make(tmp: Path, runs: int) -> Series:
    """``make`` twice on a copy of the example course: the second must do no work.

    The copy gets symlinks to the project's venv (without pip, so a make that wanted to
    reinstall could not touch the real venv) and fresh ``.installed`` stamps. A dry run
    first: if make would set up the venv or node_modules, nothing is measured."""
    series = Series("no-op `make`, example course", Target("< 0.5 s", 0.5))
    course = tmp / "course"
    for name in ("slides", "locales"):
        shutil.copytree(ROOT / name, course / name, ignore=shutil.ignore_patterns(".*lock"))
    for name in ("pyproject.toml", "Makefile", "package.json", "package-lock.json"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, course / name)
    for folder in (".venv", "node_modules"):
        if (ROOT / folder).is_dir():
            shim(ROOT / folder, course / folder, lambda _: False)
        (course / folder).mkdir(exist_ok=True)  # no node_modules: make does not need it
        (course / folder / ".installed").touch()
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    dry = subprocess.run(["make", "-n"], cwd=course, env=env, capture_output=True, text=True)
    risky = [w for w in ("-m venv", "pip install", "npm ci") if w in dry.stdout]
    if dry.returncode != 0 or risky:
        series.skipped = f"make -n failed or would run {risky}: {dry.stderr.strip()[-200:]}"
        return series
    first, _ = run_timed(Step(["make"], course, env=env))
    if first.errors:
        series.skipped = f"the first make failed: {first.errors[0]}"
        return series
    for _ in range(max(runs, 5)):
        sample, _ = run_timed(Step(["make"], course, env=env))
        series.samples.append(sample)
    worked = [s.stdout for s in series.samples if "marp-i18n" in s.stdout]
    said = {line for s in series.samples for line in s.stdout.splitlines()}
    said = {line for line in said if "Nothing to be done" not in line and line.strip()}
    series.note = f"the first make took {first.seconds:.2f} s (update + build); " + (
        "the no-op runs started no marp-i18n command"
        if not worked
        else f"{len(worked)} no-op runs still ran marp-i18n: {worked[0].strip()[:200]!r}"
    )
    if said:
        series.note += f"; they printed: {' / '.join(sorted(said))[:200]!r}"
    return series


# --- CLI start-up ------------------------------------------------------------------------


def measure_startup(cwd: Path, runs: int) -> list[Series]:
    """``--version`` and ``--help`` wall time, and the bare interpreter for scale."""
    limit = Target("< 150 ms", 0.150)
    cases = [
        (Series("`marp-i18n --version`", limit), [MI, "--version"]),
        (Series("`marp-i18n --help`", limit), [MI, "--help"]),
        (Series("`python -c pass` (the interpreter alone, for scale)"), [PYTHON, "-c", "pass"]),
    ]
    for _ in range(runs):
        for series, cmd in cases:
            sample, _ = run_timed(Step(cmd, cwd))
            series.samples.append(sample)
    return [series for series, _ in cases]


def importtime(cwd: Path, top: int = 12) -> list[tuple[str, int, int]]:
    """The slowest top-level imports of ``marp-i18n --help``: (module, self µs, cum µs)."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", MI, "--help"], cwd=cwd, capture_output=True, text=True
    )
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if match and not match.group(3):
            rows.append((match.group(4), int(match.group(1)), int(match.group(2))))
    return sorted(rows, key=lambda row: -row[2])[:top]


# --- update curve ------------------------------------------------------------------------


def curve_pool(decks: dict[Path, bytes]) -> list[tuple[Path, bytes]]:
    """The corpus, then a copy of it with other words changed (under ``copy/``)."""
    pool = list(decks.items())
    pool += [(Path("copy") / name, perturb(data, f"copy {name}", 0.5)) for name, data in pool]
    return pool


def measure_curve(bench: Bench, runs: int) -> list[CurvePoint]:
    """``update`` after an edit, for growing numbers of translated decks."""
    pool = curve_pool(bench.decks)
    points = []
    for size in CURVE_SIZES:
        chosen = dict(pool[i * len(pool) // size] for i in range(size))
        project = bench.translated(f"curve-{size}", chosen)
        shutil.copytree(project / "locales", project / "locales.orig")
        for name, data in chosen.items():
            (project / "slides" / name).write_bytes(perturb(data, f"edit {name}", 0.3))
        series = Series(f"update after an edit, {size} decks")

        def prepare(project: Path = project) -> None:
            reset(project, "locales", caches=True)
            shutil.copytree(project / "locales.orig", project / "locales")

        for round_ in range(runs):
            prepare()
            sample, _ = run_timed(mi(project, "update"))
            series.samples.append(sample)
            log(f"[{round_ + 1}/{runs}] curve {size} decks: {sample.seconds:.2f} s {sample.errors}")
        fuzzy, entries = count_entries(project / "locales")
        points.append(CurvePoint(size, series, fuzzy, entries))
    return points


def count_entries(locales: Path) -> tuple[int, int]:
    """Fuzzy and all (non-obsolete) entries in the PO files."""
    fuzzy = entries = 0
    for path in locales.rglob("*.po"):
        text = path.read_text(encoding="utf-8", errors="replace")
        fuzzy += len(re.findall(r"^#,.*\bfuzzy\b", text, re.M))
        entries += len(re.findall(r"^msgid ", text, re.M)) - 1
    return fuzzy, entries


# --- profiles ------------------------------------------------------------------------------


def profile(title: str, step: Step, out: Path) -> Profile:
    """cProfile one command (one process: ``MARP_I18N_JOBS=1``), summarised."""
    env = dict(os.environ, MARP_I18N_JOBS="1")
    cmd = [PYTHON, "-m", "cProfile", "-o", str(out), *step.cmd]
    sample, _ = run_timed(Step(cmd, step.cwd, step.ok, env))
    if sample.errors or not out.is_file():
        return Profile(title, 0.0, [], [], error="; ".join(sample.errors) or "no profile written")
    stats = pstats.Stats(str(out))
    table = stats.stats  # type: ignore[attr-defined]
    rows = [(_name(*key), calls, own, cum) for key, (_, calls, own, cum, _) in table.items()]
    total = stats.total_tt  # type: ignore[attr-defined]
    boring = ("click/", "builtins.exec", "<module>", "cProfile", "runpy")
    by_cum = [r for r in sorted(rows, key=lambda r: -r[3]) if not any(b in r[0] for b in boring)]
    return Profile(title, total, by_cum[:80], sorted(rows, key=lambda r: -r[2])[:18])


def _name(path: str, line: int, func: str) -> str:
    """``i18n/segment/block.py:12(parse)``, ``markdown_it/…``: short but unambiguous."""
    if path == "~":
        return func
    for prefix in ("site-packages/", str(ROOT) + "/", "/lib/python3."):
        if prefix in path:
            path = path.split(prefix, 1)[1]
            if prefix.startswith("/lib"):
                path = path.split("/", 1)[-1]
            break
    return f"{path}:{line}({func})"


def measure_profiles(bench: Bench) -> list[Profile]:
    """Extract (cold), update with translation memory (cold), build (warm), check (cold)."""
    folder = bench.tmp / "profiles"
    folder.mkdir()
    extract = bench.tmp / "extract"
    reset(extract, "locales", caches=True)
    edited = bench.translated("profile-update")
    for name, data in bench.decks.items():
        (edited / "slides" / name).write_bytes(perturb(data, f"edit {name}", 0.3))
    reset(edited, caches=True)
    trans = bench.tmp / "translated"
    langs = [arg for lang in LANGS for arg in ("--lang", lang)]
    run_timed(mi(trans, "build", *langs))  # the cache warm, as update leaves it
    reset(trans, "build")
    profiles = [
        profile("extract, from scratch (no cache)", mi(extract, "extract"), folder / "x.prof"),
        profile(
            "update after an edit: translation memory at work (no cache)",
            mi(edited, "update"),
            folder / "u.prof",
        ),
        profile(
            "build, 2 languages, translated (cache warm, as after update)",
            mi(trans, "build", *langs),
            folder / "b.prof",
        ),
    ]
    reset(trans, caches=True)
    profiles.append(
        profile(
            "check, 2 languages, translated (no cache, as in CI)",
            mi(trans, "check", ok=(0, 1)),
            folder / "c.prof",
        )
    )
    return profiles


# --- machine -------------------------------------------------------------------------------


def machine(load_start: tuple[float, ...], tmp: Path, alt_versions: str) -> list[tuple[str, str]]:
    """What the figures were measured on."""
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    ours = [
        "marp-i18n",
        "markdown-it-py",
        "polib",
        "translate-toolkit",
        "rapidfuzz",
        "PyYAML",
        "click",
        "babel",
    ]
    versions = []
    for name in ours:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    head = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--", "i18n")
    load_end = os.getloadavg()
    return [
        ("CPU", f"{cpu}, {os.cpu_count()} logical CPUs ({len(os.sched_getaffinity(0))} usable)"),
        ("memory", memory),
        (
            "load average (1/5/15 min)",
            f"{_load(load_start)} at the start, {_load(load_end)} at the end",
        ),
        ("system", platform.platform()),
        ("Python", sys.version.split()[0]),
        (
            "marp-i18n",
            f"commit {head}"
            + (
                f", with uncommitted changes in i18n/ ({len(dirty.splitlines())} files)"
                if dirty
                else ""
            ),
        ),
        ("our libraries", ", ".join(versions)),
        ("alternatives (.bench-venv)", alt_versions),
        (
            "temporary folder",
            f"{tmp.parent} ({_filesystem(tmp)}); catalogues and decks are "
            "written there, with fsync",
        ),
    ]


def _load(values: tuple[float, ...]) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def _filesystem(path: Path) -> str:
    best, kind = "", "unknown"
    for line in Path("/proc/mounts").read_text().splitlines():
        parts = line.split()
        if str(path).startswith(parts[1]) and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


# --- main ----------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> Results:
    """Every measurement, in temporary projects that are removed at the end."""
    began = time.perf_counter()
    load_start = os.getloadavg()
    runs = args.runs or (2 if args.quick else 5)
    alt_reason = "--no-alternatives" if not args.alternatives else setup_alternatives()
    with tempfile.TemporaryDirectory(prefix="marp-i18n-bench-") as tmp_name:
        tmp = Path(tmp_name)
        decks = {name: (args.corpus / name).read_bytes() for name in corpus_decks(args.corpus)}
        bench = Bench(tmp, decks)
        log(f"{len(decks)} decks; {runs} runs; temporary projects in {tmp}")
        log("translating the catalogues of the corpus and a changed copy of it ...")
        bench.make_pool()
        ours = bench.our_phases()
        theirs: list[Phase] = []
        if not alt_reason:
            try:
                theirs = alternative_phases(bench, mdpo_cli=not args.quick)
            except (subprocess.CalledProcessError, OSError) as exc:
                alt_reason = f"preparing their catalogues failed: {exc}"
        for phase in ours:
            phase.memory = True
        base: list[Phase] = []
        if args.baseline:
            log(f"baseline: the code of {args.baseline} ...")
            tree = _worktree(tmp, args.baseline)
            base = baseline_phases(bench, ours, tree, args.baseline)
        try:
            measure_rounds(ours + base + theirs, runs)
        finally:
            if args.baseline:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)])
        rows = [phase.series for phase in ours] + [phase.series for phase in base]
        rows.append(measure_noop_make(tmp, runs))
        startup = measure_startup(tmp / "noop", max(10, runs * 2))
        imports = importtime(tmp / "noop")
        log("update curve ...")
        curve = measure_curve(bench, 1 if args.quick else min(runs, 3))
        log("profiles ...")
        profiles = measure_profiles(bench)
        versions = alternative_versions() if not alt_reason else f"not measured ({alt_reason})"
        results = Results(
            machine=machine(load_start, tmp, versions),
            corpus=f"{len(decks)} decks, {sum(map(len, decks.values())) / 1e6:.2f} MB, "
            f"from {args.corpus}; languages {', '.join(LANGS)}",
            rows=rows,
            ratios=ratios(ours, theirs, alt_reason or ("--quick" if args.quick else ""))
            + baseline_ratios(ours, base),
            alternatives=[phase.series for phase in theirs],
            alternatives_note=ALTERNATIVES_NOTE,
            startup=startup,
            importtime=imports,
            curve=curve,
            curve_target=CURVE,
            memory=peak_memory(rows),
            profiles=profiles,
            notes=[],
            options=" ".join(["tools/bench.py", *sys.argv[1:]]),
        )
    results.duration = time.perf_counter() - began
    return results


ALTERNATIVES_NOTE = (
    "The same work on the same decks: extract every deck to a catalogue, then merge "
    "`sv` (complete) and `de` (half done) catalogues back into decks. Each tool merges "
    "catalogues it made itself from the decks, translated beforehand with the same "
    "pseudo-translation. Ratio = our median / theirs (below 1: we are faster); per round = "
    "the spread of the ratio over the rounds. Not the same job, though: mdpo reads front "
    "matter as a paragraph and re-renders the Markdown it writes; translate-toolkit "
    "re-wraps lines; neither keeps Marp's slide text line breaks, speaker notes or "
    "directives apart (seen with the versions above). translate-toolkit's CLIs run as "
    "`python -m translate.convert.md2po`: mdpo's scripts of the same names shadow them."
)


def ratios(ours: list[Phase], theirs: list[Phase], reason: str) -> list[Ratio]:
    """Our time over theirs, from the same rounds; an alternative not measured says
    why. Ours: the library API in one process, and the CLI's extract + build."""
    mine = {phase.key: phase.series for phase in ours}
    other = {phase.key: phase.series for phase in theirs}
    describe_inprocess(mine["inprocess"])
    library = mine["inprocess"]
    cli = sum_series(
        "extract + build 2 languages (CLI, 2 processes)", [mine["extract"], mine["build"]]
    )
    cli.short = "ours, CLI"

    def get(key: str, name: str) -> Series:
        return other.get(key) or Series(name, skipped=reason or "not run")

    api = get("mdpo-api", "mdpo API")
    loop = get("mdpo-cli", "mdpo CLI loop")
    ttk = get("ttk-cli", "translate-toolkit CLI")
    return [
        Ratio(library, api, RATIO),
        Ratio(library, loop, RATIO),
        Ratio(cli, loop),
        Ratio(library, ttk),
        Ratio(cli, ttk),
    ]


def baseline_ratios(ours: list[Phase], base: list[Phase]) -> list[Ratio]:
    """Now over the baseline, phase by phase (below 1: faster than before)."""
    mine = {phase.key: phase.series for phase in ours}
    targets = {"build": Target("≤ 1", 1.0)}  # check's target is its own time (< 1 s)
    return [
        Ratio(mine[key], phase.series, targets.get(key))
        for phase in base
        if (key := phase.key.removeprefix("baseline-")) in mine
    ]


def peak_memory(rows: list[Series]) -> Series:
    """The largest memory of any of our commands on the corpus (RSS or summed PSS)."""
    series = Series("peak memory on the corpus", Target("< 200 MB", 200.0))
    best, where = 0.0, ""
    for row in rows:
        for value, kind in ((row.rss_mb, "largest process"), (row.total_mb, "all processes")):
            if value is not None and value > best:
                best, where = value, f"{row.label}, {kind}"
    if not where:
        series.skipped = "nothing measured"
        return series
    series.samples.append(Sample(best, best))
    series.note = where
    return series


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=0, help="rounds (default 5, quick 2)")
    parser.add_argument("--quick", action="store_true", help="fewer runs, no per-file loop")
    parser.add_argument("--no-alternatives", dest="alternatives", action="store_false")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--baseline",
        metavar="REV",
        help="also run build and check with the code of this git revision, interleaved",
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir() or not corpus_decks(args.corpus):
        print(f"{args.corpus}: corpus not found; nothing measured, {args.output} left as it is")
        return 0
    if not Path(MI).exists():
        print(f"{MI} not found: run `make python` first", file=sys.stderr)
        return 2
    # The bench's courses get a cache folder of their own (removed at the end), so
    # "cold" means cold and the user's own cache is neither read nor filled.
    cache_dir = tempfile.mkdtemp(prefix="marp-i18n-bench-cache-")
    os.environ["MARP_I18N_CACHE_DIR"] = cache_dir
    try:
        results = run(args)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(results), encoding="utf-8")
    print(console(results))
    print(f"\nwritten: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
