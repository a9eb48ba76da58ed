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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_SCALAR_NODE = yaml.ScalarNode
_SCALARS: dict[str, Callable[[Any, Any], Any]] = {
    "tag:yaml.org,2002:int": yaml.SafeLoader.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.SafeLoader.construct_yaml_float,
    "tag:yaml.org,2002:bool": yaml.SafeLoader.construct_yaml_bool,
    "tag:yaml.org,2002:null": yaml.SafeLoader.construct_yaml_null,
}


_RESOLVED: dict[tuple[Any, Any, Any], str] = {}
_RESOLVED_LIMIT = 4096


class _RememberingLoader(_LOADER):  # type: ignore[misc]
    """The loader with its resolver's answers remembered: the parser asks for the tag of
    every node, a Python call that runs the implicit resolvers' regular expressions (a
    quarter of a front matter's load), and most nodes are the same keys and small values
    card after card. Without path resolvers (none are registered for the safe loader)
    the answer depends on the node's kind, text and implicit flags alone."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        key = (kind, value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_RESOLVED) >= _RESOLVED_LIMIT:
                _RESOLVED.clear()
            _RESOLVED[key] = tag
        return tag


class AliasRefused(yaml.MarkedYAMLError):
    """The YAML uses an alias; `problem_mark` is where."""


class _Unusual(Exception):
    """A node the direct build leaves to PyYAML's constructor."""


def load(text: str, *, loader: Any = None) -> Any:
    """Parse YAML (safe tags only); AliasRefused (a yaml.YAMLError) when it uses an alias.

    `loader` is the PyYAML loader class to parse with (tests pass the pure-Python one)."""
    if loader is None:
        loader_class = _LOADER if _LOADER.yaml_path_resolvers else _RememberingLoader
    else:
        loader_class = loader
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
