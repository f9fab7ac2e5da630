"""What ``build`` wrote into ``build/<lang>/``, so it removes only its own decks once gone.

A deck removed from ``slides/`` would otherwise live on in ``build/<lang>/`` (and in
``html/`` and ``pdf/`` once rendered) and be published with the course. But the build
folder may also hold what a person put there, so ``build`` removes a file only when
its manifest, ``build/<lang>/.marp-i18n-built.json``, says that build wrote it, and it
still has the content build gave it: a built deck someone edited since is left where
it is, with a warning. Rendered files go with their deck: ``render`` makes them from
it, in the folders it owns (``html/``, ``pdf/``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from i18n.disk import check_folder, read_input
from i18n.errors import I18nError, Notice, Warning_
from i18n.render import OUTPUT_DIRS, output_path

MANIFEST_NAME = ".marp-i18n-built.json"


def digest(data: bytes) -> str:
    """The fingerprint of a built deck's bytes, as the manifest keeps it."""
    return hashlib.sha256(data).hexdigest()


def read_manifest(lang_dir: Path) -> dict[str, str]:
    """deck name → digest of what build last wrote there; empty when there is no
    manifest or it cannot be read (then nothing is removed: build cannot tell its files)."""
    try:
        data = read_input(lang_dir / MANIFEST_NAME)
        found = json.loads(data or b"{}").get("decks", {})
    except (I18nError, ValueError, AttributeError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(v, str) and _deck_name(str(k))}


def _deck_name(name: str) -> bool:
    """A name a deck can have: relative, ``.md``, no ``..`` (a crafted manifest names
    nothing outside its folder)."""
    path = Path(name)
    return name.endswith(".md") and not path.is_absolute() and ".." not in path.parts


def manifest_text(decks: dict[str, str]) -> str:
    """The manifest file: what build wrote, by deck name, with a word on what it is for."""
    about = "marp-i18n build: the decks it wrote here; each goes when its source deck does"
    return json.dumps({"about": about, "decks": dict(sorted(decks.items()))}, indent=1) + "\n"


@dataclass
class Removed:
    """What ``remove_stale`` did: the manifest's entries to keep, files removed, messages."""

    kept: dict[str, str]
    removed: list[str] = field(default_factory=list)
    messages: list[Notice] = field(default_factory=list)
    failed: bool = False


def remove_stale(
    lang_dir: Path, manifest: dict[str, str], present: Iterable[str], build: Path, slides: Path
) -> Removed:
    """Remove each deck of ``manifest`` whose source deck is not ``present`` (and its
    rendered files), when it still holds what build wrote; never through a link that
    leaves ``build`` or reaches ``slides``."""
    names = set(present)
    done = Removed({name: value for name, value in manifest.items() if name in names})
    for name in sorted(set(manifest) - names):
        deck = lang_dir / name
        try:
            check_folder(deck.parent, build, slides)
            data = None if deck.is_symlink() else read_input(deck)
        except I18nError as exc:
            done.messages.append(exc)
            done.failed = True
            continue
        if deck.is_symlink() or (data is not None and digest(data) != manifest[name]):
            said = "its source deck is gone, but it changed since build wrote it; left as it is"
            done.messages.append(Warning_(str(deck), None, said))
            continue
        for path in [deck, *(output_path(lang_dir, deck, kind) for kind in OUTPUT_DIRS)]:
            if path.is_file() and not path.is_symlink():
                try:
                    path.unlink()
                except OSError as exc:
                    said = f"cannot remove: {exc.strerror}"
                    done.messages.append(I18nError(str(path), None, said))
                    done.failed = True
                    continue
                done.removed.append(str(path))
    return done
