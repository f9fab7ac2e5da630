"""What ``init`` writes into a course repository: settings, ignore lines, CI and hooks.

Pure: the course's files come in as values (names, texts), the files to write go out
as text; ``cli/init.py`` reads and writes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from i18n.variables import VARIABLE

WORKFLOW = ".github/workflows/marp-i18n.yml"
PRE_COMMIT = ".pre-commit-config.yaml"
PLACEHOLDER_INSTALL = "marp-i18n @ git+https://REPLACE-WITH-THE-MARP-I18N-REPOSITORY"
"""What CI installs when this copy of the tool does not say where it came from."""


def ignore_lines(locales: str, build: str) -> list[str]:
    """What a course keeps out of git: the builds, the pseudo-locale catalogues
    (``pseudo`` makes them again), the update lock and a cache folder set beside it."""
    locales, build = locales.strip("/"), build.strip("/")
    return [
        f"/{build}/",
        f"/{locales}/qps*/",
        f"/{locales}/en-XA/",
        f"/{locales}/ar-XB/",
        f"/{locales}/.marp-i18n.lock",
        ".marp-i18n-cache/",
    ]


def gitignore_text(existing: str, lines: Sequence[str]) -> str:
    """``existing`` with each of ``lines`` it does not have yet appended under a comment."""
    have = {line.strip() for line in existing.splitlines()}
    missing = [line for line in lines if line not in have]
    if not missing:
        return existing
    head = existing if not existing or existing.endswith("\n") else existing + "\n"
    gap = "\n" if head else ""
    return (
        head + gap + "# marp-i18n: built decks, pseudo-locales, lock\n" + "\n".join(missing) + "\n"
    )


def slides_folder(markdown_files: Iterable[str]) -> str | None:
    """The folder holding the course's decks, given its decks' paths (with ``/``): the
    folder with the most, the shallowest of equals; None when there are none."""
    folders = [str(PurePosixPath(name).parent) for name in markdown_files]
    counts: dict[str, int] = {}
    for folder in folders:
        counts[folder] = counts.get(folder, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda f: (counts[f], -f.count("/"), f == "."))


def course_keys(deck_texts: Iterable[str]) -> list[str]:
    """Every ``%KEY%`` the decks use, sorted: the variables each language needs."""
    return sorted({key for text in deck_texts for key in VARIABLE.findall(text)})


def install_spec(direct_url: str | None) -> str:
    """The pip requirement CI installs the tool with: this copy's own git source (PEP
    610's ``direct_url.json``: URL and commit), else a placeholder to replace."""
    if direct_url:
        try:
            data = json.loads(direct_url)
        except ValueError:
            data = {}
        vcs = data.get("vcs_info") if isinstance(data, dict) else None
        url = data.get("url", "") if isinstance(data, dict) else ""
        if isinstance(vcs, dict) and vcs.get("vcs") == "git" and url:
            commit = vcs.get("commit_id", "")
            return f"marp-i18n @ git+{url}" + (f"@{commit}" if commit else "")
    return PLACEHOLDER_INSTALL


def workflow_text(install: str) -> str:
    """A GitHub Actions workflow that runs ``check`` on every push and pull request,
    its findings as annotations on the PO lines."""
    return f"""\
# marp-i18n: fail when a language is below its threshold, a catalogue is stale or a
# translation breaks a slide. Written by `marp-i18n init`.
name: marp-i18n
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install {json.dumps(install)}
      - run: marp-i18n check --format github
"""


PRE_COMMIT_HOOK = """\
  - repo: local
    hooks:
      - id: marp-i18n-check
        name: marp-i18n check
        entry: marp-i18n check
        language: system
        pass_filenames: false
        files: '\\.(md|po|pot)$|(^|/)(marp-i18n|pyproject)\\.toml$'
"""
"""A pre-commit hook running the installed ``marp-i18n check`` on the whole course."""


def pre_commit_text(existing: str | None) -> str | None:
    """A new ``.pre-commit-config.yaml`` with the hook; None when one exists already
    (its YAML is the maintainer's: the hook is shown to add by hand, unless it is there)."""
    if existing is None:
        return "repos:\n" + PRE_COMMIT_HOOK
    return None


def next_steps(settings: str, languages: Sequence[str], install_known: bool) -> list[str]:
    """What to do after ``init``, as the lines to print."""
    steps = [f"Next: review {settings}, then"]
    if not languages:
        steps.append("  marp-i18n add-language sv     # a target language (any code Babel knows)")
    steps += [
        "  marp-i18n update              # catalogues in locales/<lang>/ for translators",
        "  marp-i18n build               # build/<lang>/ decks",
        "  marp-i18n render              # build/<lang>/html/ (needs marp-cli)",
        "  marp-i18n check               # what CI checks",
        f"Commit {settings}, .gitignore, locales/, {WORKFLOW} and {PRE_COMMIT}; "
        "build/ stays out of git.",
    ]
    if not install_known:
        steps.append(f"Set the pip requirement of the tool in {WORKFLOW} (it says REPLACE).")
    return steps
