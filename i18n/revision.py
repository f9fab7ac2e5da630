"""A file as it was at a git revision (``review --since``), read with ``git show``.

At the edge: it runs git. A failure is not an error of the run: the caller gets the
reason as a warning line and goes on as if the file did not exist then.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from i18n.errors import ConfigError


@dataclass(frozen=True, slots=True)
class AtRevision:
    """The file's bytes at the revision, or None with the warning that says why."""

    data: bytes | None
    warning: str | None = None


def at_revision(path: Path, since: str) -> AtRevision:
    """``path``'s bytes at git revision ``since`` (``git show REV:./<name>``, run in the
    file's folder, so any repository the file is in will do).

    Raises:
        ConfigError: a revision that git would read as an option.
    """
    if since.startswith("-"):
        raise ConfigError("--since", None, f"{since!r} is not a revision", "e.g. --since HEAD~3")
    folder = path.parent if path.parent.is_dir() else Path(".")
    # "./" makes the path relative to git's working directory, not the repository root.
    spec = f"{since}:./{path.name if path.parent.is_dir() else path.as_posix()}"
    try:
        done = subprocess.run(
            ["git", "show", spec], cwd=folder, capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        reason = str(exc)
    else:
        if done.returncode == 0:
            return AtRevision(done.stdout)
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[0] if lines else f"git exited with {done.returncode}"
    return AtRevision(
        None,
        f"{path}: warning: cannot read it at revision {since} ({reason}); "
        "every entry counts as new",
    )
