"""YAML for content files, without aliases: what a person writes, never an expansion bomb.

A YAML alias (`*name`) repeats an anchored node by reference. Nine nested levels of
nine aliases each are a 1 KiB file that expands to hundreds of millions of values once
anything walks it (validation, the card cache, the grader's wire). Cards and pack.yaml
have no use for them, so they are refused with the alias's place; anchors alone are
harmless and allowed.

Parsing uses libyaml's C parser when PyYAML has it (the usual wheels), else PyYAML's
pure-Python one. Building Python values from the parsed nodes is PyYAML's pure-Python
`SafeConstructor` either way, and was most of the time a card's front matter took; for
the node kinds front matter is made of (strings, sequences, mappings, and the scalars
PyYAML's resolver tags int, float, bool or null) `load` builds the values directly,
calling the SafeConstructor's own methods for the non-string scalars, and hands any
other document (merge keys, explicit tags, timestamps, a list used as a key) to the
SafeConstructor whole (also a document nested deeper than `_DEPTH_LIMIT`). The result is
always what `yaml.load(text, SafeLoader)` gives, but for a scalar its tag cannot read
(`2024-02-30` as a date): PyYAML lets a plain ValueError (or KeyError...) escape, `load`
raises a ConstructorError at the scalar's place.

With its default loader, `load` gives one thing PyYAML does not: an exponent written
without quotes (`1e-3`, text to PyYAML's YAML 1.1, a number to an editor's YAML 1.2) is
a PlainExponent, a str equal to the text, so the schema can tell it from `"1e-3"`.

Before any of that, `load` (with its default loader) tries `_flat`: the one-line
`key: value` shape card files are written in, read without the parser and resolved with
the resolver's own table; any other document goes to the parser (see `_flat`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_SCALAR_NODE = yaml.ScalarNode

_EXPONENT_TEXT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+")
"""A number PyYAML (YAML 1.1) reads as text but an editor (YAML 1.2) as a number: an
exponent without a dot or without a sign (`1e-3`, `2.5e3`)."""
_PLAIN_EXPONENT = "tag:drillbit,2026:plain-exponent"
"""The tag the loaders here give such an exponent when it is written without quotes."""


class PlainExponent(str):
    """An exponent written without quotes (`answer: 1e-3`): text to PyYAML, as the same
    scalar in quotes (`answer: "1e-3"`) is, but a number to an editor's YAML 1.2 and to
    the JSON schema `drillbit schema` prints. Equal to that text; its type alone tells the
    schema it was not quoted, so a number field takes it and refuses the quoted form."""

    __slots__ = ()


def spells_exponent(text: str) -> bool:
    """True for a text PyYAML reads as text but an editor's YAML 1.2 as a number (`1e3`):
    a writer must quote it for both to read the text."""
    return _EXPONENT_TEXT.fullmatch(text) is not None


def _plain_text(value: str) -> str:
    """A plain scalar PyYAML's resolver read as text: a PlainExponent when it spells one."""
    return PlainExponent(value) if _EXPONENT_TEXT.fullmatch(value) else value


_SCALARS: dict[str, Callable[[Any, Any], Any]] = {
    "tag:yaml.org,2002:int": yaml.SafeLoader.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.SafeLoader.construct_yaml_float,
    "tag:yaml.org,2002:bool": yaml.SafeLoader.construct_yaml_bool,
    "tag:yaml.org,2002:null": yaml.SafeLoader.construct_yaml_null,
    _PLAIN_EXPONENT: lambda _constructor, node: PlainExponent(node.value),
}


_RESOLVED: dict[tuple[Any, Any, Any], str] = {}
_RESOLVED_LIMIT = 4096


class _RememberingLoader(_LOADER):  # type: ignore[misc]
    """The loader with its resolver's answers remembered: the parser asks for the tag of
    every node, a Python call that runs the implicit resolvers' regular expressions (a
    quarter of a front matter's load), and most nodes are the same keys and small values
    card after card. Without path resolvers (none are registered for the safe loader)
    the answer depends on the node's kind, text and implicit flags alone. A plain scalar
    read as text that spells an exponent gets `_PLAIN_EXPONENT` (see PlainExponent)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        key = (kind, value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if (
                tag == _STR
                and kind is _SCALAR_NODE
                and implicit[0]
                and _EXPONENT_TEXT.fullmatch(value)
            ):
                tag = _PLAIN_EXPONENT
            if len(_RESOLVED) >= _RESOLVED_LIMIT:
                _RESOLVED.clear()
            _RESOLVED[key] = tag
        return tag


_RememberingLoader.add_constructor(_PLAIN_EXPONENT, _SCALARS[_PLAIN_EXPONENT])


class AliasRefused(yaml.MarkedYAMLError):
    """The YAML uses an alias; `problem_mark` is where."""


class _Unusual(Exception):
    """A node the direct build leaves to PyYAML's constructor."""


def nodes(text: str) -> yaml.Node | None:
    """The document's node tree, with marks (for lint's checks of how it is written: keys
    written twice, list items joined), or None when it does not parse: its YAML error is
    reported where the document is loaded. Called after `load` refused any alias, so a
    walk of the tree meets no node twice."""
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return None


def load(text: str, *, loader: Any = None) -> Any:
    """Parse YAML (safe tags only); AliasRefused (a yaml.YAMLError) when it uses an alias.

    `loader` is the PyYAML loader class to parse with (tests pass the pure-Python one)."""
    if loader is None:
        return load_with_key_rows(text)[0]
    return _parse(text, loader)


def load_with_key_rows(text: str) -> tuple[Any, dict[str, int] | None]:
    """`load(text)`, and the 0-based line of each top-level key's first occurrence when
    `_flat` read the text (None when the parser did: the caller finds the keys itself)."""
    if _LOADER.yaml_path_resolvers:
        return _parse(text, _LOADER), None
    rows: dict[str, int] = {}
    try:
        return _flat(text, rows), rows
    except _Unusual:
        pass  # not a shape `_flat` knows: the parser reads it (and reports its errors)
    return _parse(text, _RememberingLoader), None


def _parse(text: str, loader_class: Any) -> Any:
    """The document read by PyYAML's parser (aliases refused)."""
    if "*" in text:  # no alias is possible without one; most files skip the event scan
        _refuse_aliases(text, loader_class)
    parser = loader_class(text)
    try:
        node = parser.get_single_node()  # what yaml.load does, in two steps
        if node is None:
            return None
        try:
            try:
                return _build(parser, node, 0)
            except _Unusual:
                return parser.construct_document(node)
        except _CONSTRUCTOR_FAULTS as exc:
            raise _unreadable(parser, node, exc) from exc
    finally:
        parser.dispose()


def _refuse_aliases(text: str, loader_class: Any) -> None:
    """AliasRefused at the first alias the parser reaches. A YAML error met first is left
    to the load, which raises PyYAML's own: the composer may stop earlier than the parser
    (a second document, a repeated anchor) with an error of its own."""
    try:
        for event in yaml.parse(text, Loader=loader_class):
            if isinstance(event, yaml.AliasEvent):
                raise AliasRefused(
                    problem=(
                        f"YAML aliases (*{event.anchor}) are not allowed here; "
                        "write the value out in full"
                    ),
                    problem_mark=_mark(event.start_mark),
                )
    except AliasRefused:
        raise
    except yaml.YAMLError:
        return


_CONSTRUCTOR_FAULTS = (ValueError, KeyError, AttributeError, TypeError, OverflowError)
"""What PyYAML's SafeConstructor lets escape on a scalar its tag cannot read (`2024-02-30`
read as a timestamp, `!!int abc`, `!!bool maybe`): not a yaml.YAMLError, so the callers,
which report YAML errors with their place, would show a traceback."""


def _unreadable(parser: Any, root: yaml.Node, exc: Exception) -> yaml.YAMLError:
    """A ConstructorError at the first scalar whose tag cannot read it (PyYAML raised
    `exc`, a plain Python error without a place)."""
    constructors = yaml.SafeLoader.yaml_constructors
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            construct = constructors.get(node.tag)
            if construct is None or node.tag == _STR:
                continue
            try:
                construct(parser, node)
            except _CONSTRUCTOR_FAULTS as fault:
                kind = node.tag.rsplit(":", 1)[-1]
                why = f" ({fault})" if type(fault) is ValueError else ""
                return yaml.constructor.ConstructorError(
                    None, None, f"cannot read {node.value!r} as {kind}{why}", _mark(node.start_mark)
                )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
    return yaml.constructor.ConstructorError(
        None, None, f"a value cannot be read ({exc})", _mark(root.start_mark)
    )


_DEPTH_LIMIT = 64
"""Nesting `_build` follows; a deeper document (PyYAML's constructor does not recurse, so
it reads hundreds of levels) is left to the constructor rather than hit Python's limit."""


def _build(constructor: Any, node: yaml.Node, depth: int) -> Any:
    """The value SafeConstructor gives for a node of the common kinds; _Unusual otherwise."""
    if depth > _DEPTH_LIMIT:
        raise _Unusual
    tag, kind = node.tag, type(node)
    if kind is yaml.ScalarNode:
        if tag == _STR:
            return node.value  # construct_yaml_str: the scalar's text
        scalar = _SCALARS.get(tag)
        if scalar is None:
            raise _Unusual
        return scalar(constructor, node)
    # A plain string node (most keys and values) is read in place, not by a call.
    if kind is yaml.MappingNode and tag == _MAP:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is _SCALAR_NODE and key_node.tag == _STR:
                key = key_node.value
            else:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Unusual  # `<<` merges: SafeConstructor.flatten_mapping's rules
                key = _build(constructor, key_node, depth + 1)
                if isinstance(key, list | dict):
                    raise _Unusual  # SafeConstructor reports the unhashable key
            # a repeated key: the last wins
            if type(value_node) is _SCALAR_NODE and value_node.tag == _STR:
                mapping[key] = value_node.value
            else:
                mapping[key] = _build(constructor, value_node, depth + 1)
        return mapping
    if kind is yaml.SequenceNode and tag == _SEQ:
        return [
            item.value
            if type(item) is _SCALAR_NODE and item.tag == _STR
            else _build(constructor, item, depth + 1)
            for item in node.value
        ]
    raise _Unusual  # an explicit tag on another kind of node, or any other tag


def _mark(mark: Any) -> yaml.Mark:
    """A pure-Python Mark (line and column) from the C parser's or the Python parser's."""
    return yaml.Mark("<front matter>", mark.index, mark.line, mark.column, "", 0)


# The flat shape of a card's front matter, read without the YAML parser. A card file's
# front matter is a dozen `key: value` lines: plain or quoted one-line strings, numbers,
# `[a, b]` lists, a `{k: v}` mapping, and lists of one-line items under a key. libyaml's
# parser builds a node and a Mark for every one of them and calls the Python resolver
# back for each (about 60 us a card, the largest single cost of a cold load); `_flat`
# reads that shape line by line and resolves plain scalars with the same resolver table.
# Anything else, however harmless (a comment, a quote with an escape, a value running on
# to the next line, a tab, an anchor), raises _Unusual and the document goes to the full
# parser, so every error and every unusual value is still PyYAML's own. Property tests
# (tests/bank/test_safeyaml.py) compare the two on generated documents of this shape.

_ODD_CHARACTER = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""Tabs, carriage returns, YAML 1.1's other line breaks, the BOM, control characters:
whatever the full reader treats specially or refuses."""
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +(.*))?")
"""A top-level `key: value` (value optional) at column 0; a key is far below the 1,024
characters YAML allows a simple key."""
_ITEM_LINE = re.compile(r"( *)- +(.*)")
_FLOW_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,99}")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters a plain scalar may not start with (YAML's indicators)."""
_FLOW_FORBIDDEN = frozenset(",[]{}#:?'\"")
"""Characters `_flat` refuses anywhere in a scalar inside `[...]` or `{...}` (their
meaning there differs between YAML versions and between libyaml and PyYAML)."""
_FLAT_VALUES: dict[str, Any] = {}
"""Plain scalars the resolver was asked about, and their values."""
_UNKNOWN = object()
_LINES: dict[str, tuple[str, Any, Any]] = {}
"""Top-level `key: value` lines read before: (key's text, key, value). A list or mapping
value holds only scalars (immutable), so a shallow copy of it is a fresh value."""
_FLAT_LIMIT = 4096
_SAFE_CONSTRUCTOR = yaml.constructor.SafeConstructor()
"""Only its scalar methods are called (they keep no state)."""


def _plain_value(value: str) -> Any:
    """The value of a plain scalar: what PyYAML's resolver tags it (`Resolver.resolve` for
    an implicit plain scalar, from the same table) made by the SafeConstructor: a string,
    int, float, bool or None; _Unusual for any other tag (a date, `<<`, `=`)."""
    table = _LOADER.yaml_implicit_resolvers
    if value[0] not in table and None not in table:
        return value  # no implicit resolver is for its first character: a string
    found = _FLAT_VALUES.get(value, _UNKNOWN)
    if found is not _UNKNOWN:
        return found  # strings, ints, floats, bools and None: immutable, safe to share
    tag = _STR
    for candidate, regexp in table.get(value[0], []) + table.get(None, []):
        if regexp.match(value):
            tag = candidate
            break
    if tag == _STR:
        result: Any = _plain_text(value)
    else:
        construct = _SCALARS.get(tag)
        if construct is None:
            raise _Unusual
        try:
            result = construct(_SAFE_CONSTRUCTOR, yaml.ScalarNode(tag, value))
        except _CONSTRUCTOR_FAULTS as exc:
            raise _Unusual from exc  # the full load reports it with its place
    if len(_FLAT_VALUES) >= _FLAT_LIMIT:
        _FLAT_VALUES.clear()
    _FLAT_VALUES[value] = result
    return result


def _block_scalar(text: str) -> Any:
    """A one-line scalar in block context: double- or single-quoted, or plain."""
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"':
            raise _Unusual  # more after the closing quote (a comment), or none
        if "\\" in inner:
            if not _SIMPLE_ESCAPES.fullmatch(inner):
                raise _Unusual  # an escape other than \\ and \", or a quote ending early
            return _ESCAPE.sub(r"\1", inner)
        if '"' in inner:
            raise _Unusual
        return inner
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            raise _Unusual
        return inner.replace("''", "'")
    if (
        (first in _PLAIN_START and not (first == "-" and text[1:2] in _SIGNED))
        or ": " in text
        or text[-1] == ":"
        or " #" in text
    ):
        raise _Unusual
    return _plain_value(text)


_SIMPLE_ESCAPES = re.compile(r'(?:[^"\\]|\\[\\"])*')
"""A double-quoted text whose escapes are all `\\` or `\"` (LaTeX in a key point)."""
_ESCAPE = re.compile(r'\\([\\"])')
_SIGNED = frozenset("0123456789.")
"""What may follow a leading `-` of a plain scalar `_flat` reads (a negative number)."""


def _flow_scalar(text: str) -> Any:
    """A plain scalar inside `[...]` or `{...}`, already stripped of spaces."""
    if (
        not text
        or (text[0] in _PLAIN_START and not (text[0] == "-" and text[1:2] in _SIGNED))
        or not _FLOW_FORBIDDEN.isdisjoint(text)
    ):
        raise _Unusual
    return _plain_value(text)


def _flow(text: str) -> Any:
    """A one-line `[a, b]` of plain scalars or `{k: v, ...}` of plain keys and values."""
    inner = text[1:-1]
    if inner.strip(" ") == "":
        return [] if text[0] == "[" else {}
    parts = inner.split(",")
    if text[0] == "[":
        return [_flow_scalar(part.strip(" ")) for part in parts]
    mapping: dict[Any, Any] = {}
    for part in parts:
        key, colon, value = part.strip(" ").partition(":")
        if not colon or not _FLOW_KEY.fullmatch(key) or value[:1] != " ":
            raise _Unusual
        mapping[_plain_value(key)] = _flow_scalar(value.strip(" "))
    return mapping


def _value(text: str) -> Any:
    """The value after a top-level `key: ` (stripped, not empty)."""
    first, last = text[0], text[-1]
    if (first, last) in (("[", "]"), ("{", "}")):
        if "[" in text[1:-1] or "]" in text[1:-1] or "{" in text[1:-1] or "}" in text[1:-1]:
            raise _Unusual  # nested: left to the parser
        return _flow(text)
    return _block_scalar(text)


def _flat(text: str, rows: dict[str, int] | None = None) -> dict[Any, Any]:
    """The data of a flat front matter (see above); _Unusual for anything else. `rows`,
    when given, gets the 0-based line of each top-level key's first occurrence."""
    if _ODD_CHARACTER.search(text):
        raise _Unusual
    table = _LOADER.yaml_implicit_resolvers
    plain = None not in table  # a plain scalar whose first character has no resolver is text
    data: dict[Any, Any] = {}
    lines = text.split("\n")
    count = len(lines)
    row = 0
    while row < count:
        line = lines[row]
        row += 1
        known = _LINES.get(line)
        if known is not None:  # `kind: concept`, `difficulty: 3`: the same line card after card
            name, key, value = known
            if rows is not None and name not in rows:
                rows[name] = row - 1
            data[key] = value.copy() if isinstance(value, list | dict) else value
            continue
        if not line.strip(" "):
            continue
        match = _KEY_LINE.fullmatch(line)
        if match is None:
            raise _Unusual  # an indented line, a comment, a document marker, a list...
        name, rest = match.group(1, 2)
        if rows is not None and name not in rows:
            rows[name] = row - 1
        key = name if plain and name[0] not in table else _plain_value(name)
        rest = rest.rstrip(" ") if rest else ""
        if rest:
            first = rest[0]
            if (
                plain
                and first not in table
                and first not in _PLAIN_START
                and rest[-1] != ":"
                and ": " not in rest
                and " #" not in rest
            ):
                value = rest  # the common case, `_block_scalar`'s plain text in place
            else:
                value = _value(rest)
            data[key] = value
            if len(_LINES) >= _FLAT_LIMIT:
                _LINES.clear()
            # its own copy: the caller may change the list or mapping it was given
            _LINES[line] = (name, key, value.copy() if isinstance(value, list | dict) else value)
            continue
        # `key:` alone: a list of one-line items below it (at one indentation), or null
        items: list[Any] = []
        indent: str | None = None
        while row < count:
            line = lines[row]
            if not line.strip(" "):
                row += 1
                continue
            item = _ITEM_LINE.fullmatch(line)
            if item is None:
                break
            if indent is None:
                indent = item.group(1)
            elif item.group(1) != indent:
                raise _Unusual
            value = item.group(2).rstrip(" ")
            if not value:
                raise _Unusual  # `- ` alone: a null or a nested block
            items.append(_block_scalar(value))
            row += 1
        data[key] = items if indent is not None else None
    if not data:
        raise _Unusual  # blank: YAML gives None
    return data
