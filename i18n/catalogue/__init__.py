"""Units ↔ gettext catalogues: the only home of polib and translate-toolkit."""
