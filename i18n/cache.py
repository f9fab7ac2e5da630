"""A content-addressed cache, so unchanged decks and catalogues are not worked on again.

Every command (update, build, check, in a commit hook, in ``make``) starts by segmenting
every deck, and segmenting is markdown-it-py parsing in pure Python: 0.8 s for the
corpus against 0.04 s to load the same decks from pickles (bench/results.md); ``check``
then parses every translation. So segmented decks, and ``check``'s result for a deck
and its catalogues, are kept under a hash of everything they depend on: the files'
bytes, names and paths, the settings, the Python version and the source of this
package itself, so an edit to the code, a deck or a catalogue never returns a stale
answer. The cache lives in
``.marp-i18n-cache/`` beside pyproject.toml (like ``.ruff_cache``), ignores itself in
git, and is not used when ``MARP_I18N_NO_CACHE`` is set (values are then kept in memory
for the run only). A cache entry that cannot be
read is ignored and rewritten; a cache that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

FOLDER = ".marp-i18n-cache"
_LIBRARIES = (  # module, its version attribute (importlib.metadata would cost 20 ms)
    ("markdown_it", "__version__"),
    ("mdit_py_plugins", "__version__"),
    ("yaml", "__version__"),
    ("polib", "__version__"),
    ("translate.__version__", "sver"),
)


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """A hash of this package's source and its parsing libraries' versions: any change
    of code invalidates every entry."""
    import importlib

    digest = hashlib.sha256(sys.version.encode())
    for module, attribute in _LIBRARIES:
        try:
            found = getattr(importlib.import_module(module), attribute, "?")
        except ImportError:
            found = "-"
        digest.update(f"{module}={found}\0".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.digest()


_RECENT: OrderedDict[str, object] = OrderedDict()
"""The last values got or put in this process: a deck extracted and then built in one
run (``make``'s pipeline, the library API, forked workers) is segmented once even
without the folder."""
_RECENT_SIZE = 256


def _remember(key: str, value: object) -> None:
    _RECENT[key] = value
    _RECENT.move_to_end(key)
    while len(_RECENT) > _RECENT_SIZE:
        _RECENT.popitem(last=False)


class Cache:
    """Pickled values under ``folder`` (``None``: in this process's memory only)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def for_project(cls, root: Path) -> Cache:
        if os.environ.get("MARP_I18N_NO_CACHE"):
            return cls(None)
        return cls(root / FOLDER)

    def key(self, *parts: bytes | str | None) -> str:
        """A hash of the parts (None counts as "no such file") and of this code."""
        digest = hashlib.sha256(_code_fingerprint())
        for part in parts:
            if part is None:
                digest.update(b"\1none\0")
                continue
            data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape")
            digest.update(len(data).to_bytes(8, "big") + data)
        return digest.hexdigest()

    def get(self, key: str, kind: type[T]) -> T | None:
        """The value stored under ``key`` if there is one of type ``kind``."""
        value = _RECENT.get(key)
        if value is None and self.folder is not None:
            try:
                with open(self.folder / key[:2] / key, "rb") as handle:
                    value = pickle.load(handle)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                return None
        if not isinstance(value, kind):
            return None
        _remember(key, value)
        return value

    def remember(self, key: str, value: object) -> None:
        """Keep ``value`` in this process's memory only (it is on disk already)."""
        _remember(key, value)

    def put(self, key: str, value: object) -> None:
        _remember(key, value)
        if self.folder is None:
            return
        try:
            self._ensure_folder()
            target = self.folder / key[:2]
            target.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
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
                "# marp-i18n's cache (segmented decks, check results); safe to delete.\n",
                encoding="utf-8",
            )
