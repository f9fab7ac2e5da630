"""Settings text edited as a person would edit it: comments, order and quoting kept.

``init`` and ``add-language`` change a course's ``marp-i18n.toml`` (keys at the top)
or its pyproject.toml (the ``[tool.marp-i18n]`` table). tomllib only reads, and a
re-dump would lose the maintainer's comments, so the edits go through tomlkit, which
keeps every byte it was not asked to change. Pure: text in, text out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import tomlkit
from tomlkit.container import Container
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Comment, Table, Whitespace

from i18n.errors import ConfigError


def new_settings(
    *,
    source_language: str,
    slides: str,
    locales: str,
    build: str,
    keys: Sequence[str],
) -> Container:
    """The course's settings as a fresh table: every path and the CI gate spelt out, so
    the file says what the tool will do; ``keys`` (the decks' ``%KEY%``s) listed under
    the source language for the maintainer to fill in."""
    table = tomlkit.document()
    table.add(tomlkit.comment("marp-i18n settings; paths are relative to this file."))
    table.add("source-language", source_language)
    table.add("languages", tomlkit.array())
    table.add("slides", slides)
    table.add("locales", locales)
    table.add("build", build)
    table.add("translatable-keys", ["title", "description"])
    table.add(tomlkit.nl())
    check = tomlkit.table()
    check.add(tomlkit.comment("`marp-i18n check` (CI): percent translated, counted in words"))
    check.add("min", 100)
    check.add("measure", "words")
    table.add("check", check)
    if keys:
        table.add("variables", tomlkit.table(is_super_table=True))
        table["variables"].append(source_language, _variables_table(keys, {}, source_language))
    return table


def settings_text(pyproject: str | None, table: Container, where: str) -> str:
    """``table`` as a whole marp-i18n.toml when there is no ``pyproject`` text, else that
    text with it added as ``[tool.marp-i18n]``.

    Raises:
        ConfigError: ``pyproject`` is not TOML.
    """
    if pyproject is None:
        return tomlkit.dumps(table)
    doc = _parse(pyproject, where)
    tool = doc.get("tool")
    if tool is None:
        doc.add(tomlkit.nl())
        doc.add("tool", tomlkit.table(is_super_table=True))
        tool = doc["tool"]
    tool.append("marp-i18n", _as_table(table))
    return tomlkit.dumps(doc)


def with_language(
    text: str,
    own: bool,
    lang: str,
    *,
    where: str,
    keys: Sequence[str],
    source_language: str,
    threshold: float,
) -> str:
    """The settings text with ``lang`` added: to ``languages``, a ``[variables.<lang>]``
    table listing ``keys`` (each with the source language's value, to translate, or
    commented out when that has none), and ``lang``'s threshold in
    ``[check.languages]``. A language already there is left as it is.

    Raises:
        ConfigError: the text is not TOML, it has no ``[tool.marp-i18n]`` table (a
            pyproject.toml), or a setting that must be a list or table is not.
    """
    doc = _parse(text, where)
    found = doc if own else doc.get("tool", {}).get("marp-i18n")
    if not isinstance(found, dict):
        raise ConfigError(where, None, "no [tool.marp-i18n] table", "run `marp-i18n init` first")
    table: Any = found  # tomlkit's containers: typed loosely by tomlkit itself
    languages = table.get("languages")
    if languages is None:
        table["languages"] = tomlkit.array()
        languages = table["languages"]
    if not isinstance(languages, list):
        raise ConfigError(where, None, "languages must be a list of strings")
    if lang not in languages:
        languages.append(lang)
    variables = table.get("variables")
    if keys and (variables is None or lang not in variables):
        if variables is None:
            table.append("variables", tomlkit.table(is_super_table=True))
            variables = table["variables"]
        values = variables.get(source_language, {})
        variables.append(lang, _variables_table(keys, values, source_language))
    check = table.get("check")
    if check is None:
        table.append("check", tomlkit.table())
        check = table["check"]
    value = int(threshold) if threshold == int(threshold) else threshold
    thresholds = check.get("languages")
    if thresholds is not None and not isinstance(thresholds, dict):
        raise ConfigError(where, None, "check.languages must be a table of percentages")
    if thresholds is None:
        thresholds = tomlkit.table()
        thresholds.add(
            tomlkit.comment("a language's own threshold (raise it as the translation grows)")
        )
        thresholds.add(lang, value)
        thresholds.add(tomlkit.nl())
        check.append("languages", thresholds)
    elif lang not in thresholds:
        thresholds[lang] = value
    return tomlkit.dumps(doc)


def _variables_table(keys: Sequence[str], values: Mapping[str, object], source: str) -> Table:
    """One language's ``%KEY%`` values to fill in: the source's value where it has one."""
    table = tomlkit.table()
    table.add(tomlkit.comment("%KEY% values in this language (the renderer fills them in)"))
    for key in keys:
        value = values.get(key)
        if isinstance(value, str):
            table.add(key, value)
            table[key].comment(f"{source}: {value!r}; translate it")
        else:
            table.add(tomlkit.comment(f'{key} = ""'))
    table.add(tomlkit.nl())
    return table


def _as_table(container: Container) -> Table:
    table = tomlkit.table()
    for key, value in container.body:
        if key is None:  # a comment or blank line
            table.add(cast(Comment | Whitespace, value))
        else:
            table.append(key, value)
    return table


def _parse(text: str, where: str) -> tomlkit.TOMLDocument:
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:
        raise ConfigError(where, None, f"not valid TOML: {exc}", "fix the file") from None
