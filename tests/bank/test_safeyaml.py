"""Content YAML: `safeyaml.load` gives exactly what PyYAML's safe loader gives (its values,
their types, its errors), with libyaml's parser and with the pure-Python one, and refuses
aliases."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank import safeyaml
from quiz.bank.parse import parse_card

LOADERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]

EXAMPLES = [
    "id: a-card\nkind: concept\ntags: [x, y]\ndifficulty: 3\nkey_points:\n  - one\n  - 'two'\n",
    'source: "He et al. 2016"\nanswer: [0, 2]\ntolerance: {absolute: 0.001}\nunit: ~\n',
    "a: {b: [1, 2.5, .inf, -.nan, ~, yes, No, on, 0x1F, 1_000, 0o7, 010, 1:30, +12]}",
    "a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00\nc: !!binary aGk=\n",
    "<<: {a: 1}\nb: 2\nc:\n  <<: [{x: 1}, {y: 2}]\n",
    "= : 3\n",
    "!!set {a, b}",
    "!!omap [a: 1, b: 2]",
    "!!pairs [a: 1, a: 2]",
    "k: !!float 1\nl: !!str 12\nm: !!int '7'\n",
    "a: 1\na: 2\n",
    "{1: a, 1.0: b, true: c}",
    "[1, [2, {3: 4}]]",
    "just text",
    "",
    "---\n...\n",
    "- a\n- b: c\n",
    "a: &anchor 1\nb: 2\n",
    # errors: PyYAML's own, raised the same way
    "!!str [a]",
    "a: !!map [x]",
    "? [a]\n: b",
    "? {a: 1}\n: b",
    "x: !foo 1",
    "a: b\n---\nc: d\n",
    "a: [unclosed\n",
    "a: b: c\n",
    "\ta: 1\n",
    # a '*' (the alias scan runs) and a composer error before a later syntax error:
    # PyYAML raises the composer's, not the syntax error it never reaches
    "a: '*'\n---\n[",
    "a: &x 1\nb: &x 2\nc: '*'\nd: [",
]


def _outcome(load: Any, text: str, *, as_pyyaml: bool = False) -> tuple[str, ...]:
    """What a load gives, types included (repr, so NaN compares equal to itself).
    `as_pyyaml`: a PlainExponent (the default loader's mark on an unquoted exponent) is
    shown as the str PyYAML gives for it."""
    try:
        value = load(text)
    except yaml.YAMLError as exc:
        return ("error", type(exc).__name__, str(exc))
    return ("value", _typed(value, as_pyyaml=as_pyyaml))


def _typed(value: Any, *, as_pyyaml: bool = False) -> str:
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(
                f"{_typed(k, as_pyyaml=as_pyyaml)}: {_typed(v, as_pyyaml=as_pyyaml)}"
                for k, v in value.items()
            )
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_typed(v, as_pyyaml=as_pyyaml) for v in value) + "]"
    if as_pyyaml and type(value) is safeyaml.PlainExponent:
        return f"str:{str(value)!r}"
    return f"{type(value).__name__}:{value!r}"


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("text", EXAMPLES)
def test_load_is_pyyaml_safe_load(loader: Any, text: str) -> None:
    expected = _outcome(lambda t: yaml.load(t, Loader=loader), text)
    assert _outcome(lambda t: safeyaml.load(t, loader=loader), text) == expected


def test_default_loader_is_libyaml_when_available() -> None:
    assert safeyaml._LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_alias_is_refused_with_its_place() -> None:
    for loader in LOADERS:
        with pytest.raises(safeyaml.AliasRefused) as caught:
            safeyaml.load("a: &x [1]\nb: *x\n", loader=loader)
        assert caught.value.problem_mark is not None
        assert caught.value.problem_mark.line == 1
    assert safeyaml.load("a: '*not an alias*'") == {"a": "*not an alias*"}


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(["yes", "off", "0x1F", "1_0", "010", "1:20", "~", ".NaN", "2020-01-01", "="]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(scalars, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(values, st.booleans())
def test_dumped_values_load_as_pyyaml_loads_them(value: Any, flow: bool) -> None:
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    for loader in LOADERS:
        expected = _outcome(lambda t, loader=loader: yaml.load(t, Loader=loader), text)
        assert _outcome(lambda t, loader=loader: safeyaml.load(t, loader=loader), text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abk01:-[]{},?!&<=.~'\"#\n |>", max_size=60))
def test_yamlish_text_loads_as_pyyaml_loads_it(text: str) -> None:
    for loader in LOADERS:
        expected = _outcome(lambda t, loader=loader: yaml.load(t, Loader=loader), text)
        assert _outcome(lambda t, loader=loader: safeyaml.load(t, loader=loader), text) == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(values.map(yaml.safe_dump), st.text(alphabet="abk01:-[]{},?!&<=.~'\"#\n |>")))
def test_the_default_loader_remembering_tags_loads_as_pyyaml(text: str) -> None:
    """The default loader remembers its resolver's answers: the same values, asked twice."""
    expected = _outcome(lambda t: yaml.load(t, Loader=safeyaml._LOADER), text)
    for _ in range(2):
        assert _outcome(safeyaml.load, text, as_pyyaml=True) == expected


DEEP = 600


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml's parser")
@pytest.mark.parametrize(
    "text", ["[" * DEEP + "]" * DEEP, "- " * DEEP + "x", "{a: " * DEEP + "1" + "}" * DEEP]
)
def test_deep_nesting_loads_as_pyyaml_loads_it(text: str) -> None:
    """PyYAML's constructor reads hundreds of levels without recursing; so does load
    (it recursed, and hit Python's limit)."""
    assert safeyaml.load(text) == yaml.load(text, Loader=yaml.CSafeLoader)


UNREADABLE = [
    ("created: 2024-02-30", 0, 9, "cannot read '2024-02-30' as timestamp (day is out of range"),
    ("a: 1\nb: !!int abc", 1, 3, "cannot read 'abc' as int (invalid literal"),
    ("a:\n  - !!bool maybe", 1, 4, "cannot read 'maybe' as bool"),
    ("a: [!!timestamp nope]", 0, 4, "cannot read 'nope' as timestamp"),
    ("<<: {k: !!float x}", 0, 8, "cannot read 'x' as float"),
]


@pytest.mark.parametrize(("text", "line", "column", "problem"), UNREADABLE)
def test_a_scalar_its_tag_cannot_read_is_a_yaml_error_with_its_place(
    text: str, line: int, column: int, problem: str
) -> None:
    """PyYAML lets a ValueError, KeyError or AttributeError escape here; load says where."""
    for loader in [None, *LOADERS]:
        with pytest.raises(yaml.constructor.ConstructorError) as caught:
            safeyaml.load(text, loader=loader)
        assert caught.value.problem is not None
        assert caught.value.problem.startswith(problem)
        mark = caught.value.problem_mark
        assert mark is not None
        assert (mark.line, mark.column) == (line, column)


def test_a_card_with_an_impossible_date_is_a_yaml_problem_not_a_crash(tmp_path: Any) -> None:
    path = tmp_path / "c.md"
    text = "---\nid: c\nkind: concept\ncreated: 2024-02-30\n---\n\n## Question\n\nq\n"
    card, problems = parse_card(text, path, "pack", "topic")
    assert card is None
    assert [(p.line, p.col, p.code) for p in problems] == [(4, 10, "yaml")]
    assert "cannot read '2024-02-30' as timestamp" in problems[0].message


# The flat front matter read without the parser (`safeyaml._flat`): on any document it
# either steps aside (the full parser reads it) or gives exactly the full parser's value.

FLAT_ALPHABET = "abeflnosuxyAY019 .:-_+#,[]{}'\"\\*&!?|>%@`~=<\t\u00a0\u2028\x85\x7fé\r"
FLAT_WORDS = [
    "yes", "No", "on", "OFF", "true", "null", "Null", "~", "0", "-1", "+3", "010", "0x1F",
    "0o7", "1_000", "1:30", "190:20:30", ".5", "-.5", "1e3", "1.0e+3", "-.inf", ".NaN",
    "2024-02-30", "2001-12-14", "=", "<<", "-", "- x", "a: b", "a:b", "a #b", "a#b", "#x",
    "x:", "it's", "'q'", '"q"', "'a''b'", '"a\\"b"', "[a]", "{a: 1}", "*x", "&x y", "!x y",
    "|", ">", "%x", "@x", "`x", "---", "...", "",
]  # fmt: skip
flat_scalars = st.one_of(
    st.sampled_from(FLAT_WORDS), st.text(alphabet=FLAT_ALPHABET, min_size=1, max_size=10)
)


def _quoted(text: str, quote: str) -> str:
    return f"{quote}{text}{quote}"


flat_values = st.one_of(
    flat_scalars,
    flat_scalars.map(lambda s: _quoted(s, '"')),
    flat_scalars.map(lambda s: _quoted(s, "'")),
    st.lists(flat_scalars, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
    st.lists(flat_scalars, max_size=4).map(lambda xs: "[" + ",".join(xs) + "]"),
    st.lists(st.tuples(flat_scalars, flat_scalars), max_size=3).map(
        lambda kvs: "{" + ", ".join(f"{k}: {v}" for k, v in kvs) + "}"
    ),
)
flat_keys = st.one_of(
    st.sampled_from(["id", "kind", "tags", "key_points", "yes", "null", "on", "a-b", "_x", "Y"]),
    st.sampled_from(["x y", "1", "<<", "=", "-a", "a" * 100, "a" * 101, "é"]),
)
flat_lines = st.one_of(
    st.tuples(flat_keys, st.sampled_from([": ", ":  ", ":", " : ", ": \t"]), flat_values).map(
        "".join
    ),
    st.tuples(flat_keys, st.sampled_from([":", ": ", ":\t"])).map("".join),
    st.tuples(
        st.sampled_from(["", " ", "  ", "    "]), st.sampled_from(["- ", "-  ", "-"])
    ).flatmap(lambda head: flat_values.map(lambda value: "".join(head) + value)),
    st.sampled_from(["", "  ", "# a comment", "  # note", "---", "...", "%YAML 1.1"]),
)
near_flat_lines = st.one_of(
    st.tuples(st.sampled_from(["id", "tags", "yes", "a-b"]), flat_values).map(": ".join),
    st.lists(flat_scalars, min_size=1, max_size=3).map(
        lambda items: "key_points:\n" + "\n".join(f"  - {item}" for item in items)
    ),
)
flat_documents = st.one_of(
    st.lists(flat_lines, max_size=8).map("\n".join),
    st.lists(near_flat_lines, min_size=1, max_size=6).map("\n".join),
)


def _full(text: str) -> Any:
    """The full parser's reading with the default loader's resolver (an explicit loader
    never takes the flat path)."""
    return safeyaml.load(text, loader=safeyaml._RememberingLoader)


@settings(max_examples=1500, deadline=None)
@given(flat_documents)
def test_flat_front_matter_loads_as_the_full_parser_loads_it(text: str) -> None:
    """Values, their types and every error (where and what) are the full parser's."""
    assert _outcome(safeyaml.load, text) == _outcome(_full, text)


plain_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.", min_size=1, max_size=8)
plain_texts = (
    st.lists(plain_words, min_size=1, max_size=4)
    .map(" ".join)
    .filter(lambda s: s[0] not in "-_." and not s.endswith(":"))
)
card_keys = st.sampled_from(
    ["id", "kind", "tags", "key_points", "yes", "null", "a-b", "_x", "a" * 100]
)
card_values = st.one_of(
    plain_texts,
    st.text(alphabet="ab :#$\\\"'{}[],.-*", max_size=12).map(
        lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    ),
    st.text(alphabet='ab :#$\\"{}[],.-*', max_size=12).map(
        lambda s: "'" + s.replace("'", "''") + "'"
    ),
    st.lists(plain_words.filter(lambda s: s[0] not in "-_."), max_size=4).map(
        lambda xs: "[" + ", ".join(xs) + "]"
    ),
    st.sampled_from(["{absolute: 0.001}", "{relative: 1e-3}", "{}", "-0.5", "3", "yes", "~"]),
)
card_lines = st.one_of(
    st.tuples(card_keys, card_values).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(
        card_keys,
        st.sampled_from(["", "  "]),
        st.lists(card_values.filter(lambda v: v[0] not in "[{"), min_size=1, max_size=4),
    ).map(lambda k: f"{k[0]}:\n" + "\n".join(f"{k[1]}- {item}" for item in k[2])),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(card_lines, min_size=1, max_size=8).map("\n".join))
def test_card_shaped_front_matter_takes_the_flat_path(text: str) -> None:
    """The shapes card files use are read without the parser, to the same value, with
    each top-level key's line as the parse finds it from the text."""
    from quiz.bank.parse import _key_lines

    data, rows = safeyaml.load_with_key_rows(text)
    assert _typed(data) == _typed(_full(text))
    assert rows is not None
    assert rows == _key_lines(text, 0)


def test_every_bundled_front_matter_takes_the_flat_path() -> None:
    """The bundled cards are what the flat path is for: none of them needs the parser."""
    from pathlib import Path

    from quiz.bank.parse import split_front_matter

    fronts = []
    for path in sorted((Path(__file__).parents[2] / "content").rglob("*.md")):
        split = split_front_matter(path.read_text(encoding="utf-8"))
        if split is not None:
            fronts.append(split[0])
    assert len(fronts) > 100
    for front in fronts:
        assert _typed(safeyaml._flat(front)) == _typed(_full(front))


@pytest.mark.parametrize(
    "text",
    [
        "a: [x, *y]\n",  # an alias inside a flow list: refused with its place, as before
        "a:\n  - *y\n",
        "a: 1\nb: !!int x\n",
        "title: Adam: the bias correction\n",
        "created: 2024-02-30\n",
        "title: one\n  two\n",
        "a: 'it''s'  # a comment\n",
    ],
)
def test_what_the_flat_path_steps_aside_for(text: str) -> None:
    with pytest.raises(safeyaml._Unusual):
        safeyaml._flat(text)
    assert _outcome(safeyaml.load, text) == _outcome(_full, text)


@pytest.mark.parametrize(
    ("text", "unquoted"),
    [
        ("a: 1e-3\n", True),  # the flat path
        ("a: 1e-3  # a comment: the parser\n", True),
        ("a: {b: 2.5e3}\n", True),
        ("a: [x, 1E+3]\n", True),
        ("a:\n  - -4e2\n", True),
        ("<<: {z: 1}\na: 1e-3\n", True),  # a merge key: PyYAML's own constructor
        ('a: "1e-3"\n', False),
        ("a: '1e-3'\n", False),
        ('a: "1e-3"  # a comment\n', False),
        ("a: !!str 1e-3\n", False),
        ("<<: {z: 1}\na: '1e-3'\n", False),
    ],
)
def test_an_exponent_is_marked_only_when_unquoted(text: str, unquoted: bool) -> None:
    """PyYAML reads `1e-3` and `"1e-3"` as the same text; an editor reads the first as a
    number. The load tells them apart on every path, so the schema can take the first
    and refuse the second, as the JSON schema does."""
    value = safeyaml.load(text)["a"]
    while not isinstance(value, str):
        value = next(iter(value.values())) if isinstance(value, dict) else value[-1]
    assert value in ("1e-3", "2.5e3", "1E+3", "-4e2")
    assert (type(value) is safeyaml.PlainExponent) is unquoted
