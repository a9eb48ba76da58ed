"""Write an imported card's front matter as yaml's safe dumper writes it, faster.

A concept card's front matter is a flat mapping of short strings, small ints and lists
of strings. PyYAML builds a node graph and asks its resolver about every scalar before
libyaml writes a byte; for thousands of cards that is a large share of an import. Here
a scalar whose style is certain (one line of printable text, no leading or trailing
space, no indicator that forces quotes) is written directly, plain or in single quotes
exactly as libyaml would; anything else makes the whole mapping go through
`yaml.dump`. The text is the dumper's, byte for byte (a property test compares them),
so it loads back as the data it was written from.

One difference from the stock dumper: a text that spells an exponent (`1e3`, a note
titled so) is single-quoted. The stock dumper writes it plain, since PyYAML's YAML 1.1
reads it back as text; an editor's YAML 1.2 reads the number 1000, and lint refuses it
in a text field (see `quiz.bank.schema`), so the imported card would not load.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import yaml

from quiz.bank.safeyaml import spells_exponent

__all__ = ["FrontDumper", "dump_front"]

_STR_TAG = "tag:yaml.org,2002:str"
_BASE_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when present: the pure-Python one is slower still."""


class FrontDumper(_BASE_DUMPER):  # type: ignore[misc]
    """The safe dumper, writing a text that spells an exponent in single quotes."""


def _represent_text(dumper: Any, text: str) -> Any:
    """A string node: quoted when it spells an exponent, else as the safe dumper makes it."""
    if spells_exponent(text):
        return dumper.represent_scalar(_STR_TAG, text, style="'")
    return dumper.represent_str(text)


FrontDumper.add_representer(str, _represent_text)

_WIDTH = 1000
_FAST_MAX = 400
"""Longer scalars go to the dumper (it may fold a line past its width)."""
_RESOLVER: Any = yaml.resolver.Resolver()
_RESOLVED_BY_FIRST: frozenset[Any] = frozenset(_RESOLVER.yaml_implicit_resolvers)
"""First characters of the plain scalars the resolver may read as something else than a
string (`yes`, `~`, `12`...); None among them would mean any character."""
_WORD_FIRST = frozenset("yYnNtTfFoO")
_LONGEST_WORD = 5
"""A plain scalar starting with one of these letters is a string unless it is one of
YAML 1.1's words (yes, no, true, false, on, off, null and their capitalized forms), of
at most five letters."""

_UNSURE = re.compile(r"[^\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
"""A character outside what both emitters print as is (controls, line and paragraph
separators, the byte order mark, surrogates, and beyond the basic plane, which libyaml
escapes): such a string is left to the dumper."""
_PLAIN_STARTS = frozenset("#,[]{}&*!|>'\"%@`")


def _scalar(text: str) -> str | None:
    """The text as the emitter writes it in block context (plain or single-quoted), or
    None when unsure (then the dumper writes the whole mapping)."""
    if (
        not text
        or len(text) > _FAST_MAX
        or text[0] == " "
        or text[-1] == " "
        or _UNSURE.search(text)
    ):
        return None
    plain = not (
        text[0] in _PLAIN_STARTS
        or (text[0] in "?:-" and (len(text) == 1 or text[1] == " "))
        or text.startswith(("---", "..."))
        or ": " in text
        or text.endswith(":")
        or " #" in text
    )
    if (
        plain
        and not spells_exponent(text)
        and (
            (text[0] not in _RESOLVED_BY_FIRST and None not in _RESOLVED_BY_FIRST)
            or (len(text) > _LONGEST_WORD and text[0].isalpha() and text[0] in _WORD_FIRST)
            or _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR_TAG
        )
    ):
        return text
    return "'" + text.replace("'", "''") + "'"


@lru_cache(maxsize=64)
def _plain_key(key: str) -> bool:
    """True when the key is written as is (cached: every card has the same few keys)."""
    return _scalar(key) == key


def _value(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return _scalar(value) if isinstance(value, str) else str(value)


def dump_front(front: Mapping[str, Any]) -> str:
    """The mapping as `yaml.dump(front, Dumper=FrontDumper, sort_keys=False,
    allow_unicode=True, width=1000)` writes it (keys in order, lists in block style)."""
    lines: list[str] = []
    for key, value in front.items():
        if not isinstance(key, str) or not _plain_key(key):
            return _dump(front)
        # str first: asking the Sequence ABC about a str (one) is the slow way to a no
        if not isinstance(value, str) and (
            isinstance(value, (list, tuple)) or isinstance(value, Sequence)
        ):
            if not value:
                lines.append(f"{key}: []")
                continue
            lines.append(f"{key}:")
            for item in value:
                text = _value(item)
                if text is None:
                    return _dump(front)
                lines.append(f"- {text}")
            continue
        text = _value(value)
        if text is None:
            return _dump(front)
        lines.append(f"{key}: {text}")
    return "\n".join(lines) + "\n"


def _dump(front: Mapping[str, Any]) -> str:
    return yaml.dump(
        dict(front), Dumper=FrontDumper, sort_keys=False, allow_unicode=True, width=_WIDTH
    )
