"""Moving a course file so that git follows it: ``git mv`` for a tracked file, else a rename.

A translator's catalogue carries its history in git (who translated what, blame for a
line); a deck renamed in ``slides/`` should not cut it. So ``update`` moves a renamed
deck's catalogues with ``git mv`` when the course is a git work tree and the file is
tracked (git records the rename in the index, ``git log --follow`` finds it); anywhere
else (no git, an untracked file) the file is simply renamed.
"""

from __future__ import annotations

import os
from pathlib import Path

from i18n.errors import CatalogueError


def _git(*args: str, cwd: Path) -> bool:
    """Run git quietly; True when it succeeded (False also when git is not installed)."""
    import subprocess  # only when a catalogue moves: not on every update's start

    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def tracked(path: Path) -> bool:
    """Whether ``path`` is a file git tracks (in a work tree, in the index)."""
    return _git("ls-files", "--error-unmatch", "--", path.name, cwd=path.parent)


def move(source: Path, target: Path) -> bool:
    """Move ``source`` to ``target`` (which must not exist), creating its folder; True
    when ``git mv`` did it.

    Raises:
        CatalogueError: ``target`` exists, or the file cannot be moved (named).
    """
    if target.exists() or target.is_symlink():
        raise CatalogueError(str(target), None, f"not moved here from {source}: the file exists")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if tracked(source) and _git(
            "mv", "--", str(source.resolve()), str(target.resolve()), cwd=source.parent
        ):
            return True
        os.rename(source, target)
    except OSError as exc:
        raise CatalogueError(
            str(source), None, f"cannot move to {target}: {exc.strerror}"
        ) from None
    return False
