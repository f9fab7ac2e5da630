"""A content-addressed cache of segmented decks, so unchanged decks are not parsed again.

Every command (update, build, check, in a commit hook, in ``make``) starts by segmenting
every deck, and segmenting is markdown-it-py parsing in pure Python: 0.8 s for the
corpus against 0.04 s to load the same decks from pickles (bench/results.md). A deck is
looked up by a hash of everything its segmentation depends on: its bytes, its name and
path, the translatable keys, the Python version and the source of this package itself,
so an edit to the code or the deck can never return a stale answer. The cache lives in
``.marp-i18n-cache/`` beside pyproject.toml (like ``.ruff_cache``), ignores itself in
git, and is skipped when ``MARP_I18N_NO_CACHE`` is set. A cache entry that cannot be
read is ignored and rewritten; a cache that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from i18n.model import Deck

FOLDER = ".marp-i18n-cache"


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """A hash of this package's source: any code change invalidates every entry."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.digest()


class DeckCache:
    """Pickled decks under ``folder``; ``None`` as folder turns the cache off."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def for_project(cls, root: Path) -> DeckCache:
        if os.environ.get("MARP_I18N_NO_CACHE"):
            return cls(None)
        return cls(root / FOLDER)

    def key(self, data: bytes, *parts: str) -> str:
        digest = hashlib.sha256(_code_fingerprint())
        for part in parts:
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> Deck | None:
        if self.folder is None:
            return None
        try:
            with open(self.folder / key[:2] / key, "rb") as handle:
                deck = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return deck if isinstance(deck, Deck) else None

    def put(self, key: str, deck: Deck) -> None:
        if self.folder is None:
            return
        try:
            self._ensure_folder()
            target = self.folder / key[:2]
            target.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(deck, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, target / key)
            finally:
                Path(tmp).unlink(missing_ok=True)
        except OSError:
            self.folder = None  # read-only checkout, full disk: run without the cache

    def _ensure_folder(self) -> None:
        assert self.folder is not None
        if not self.folder.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / ".gitignore").write_text("# made by marp-i18n\n*\n", encoding="utf-8")
            (self.folder / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# marp-i18n's cache of segmented decks; safe to delete.\n",
                encoding="utf-8",
            )
