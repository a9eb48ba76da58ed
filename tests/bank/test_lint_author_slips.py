"""Slips a new author makes in front matter, told at their line in words that say the fix:
a key written twice (YAML keeps the last silently), one value where a list goes, an
unquoted ': ' in a value and a tab in the indentation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from quiz.bank import cachefile
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from quiz.bank.models import ConceptFront
from quiz.bank.yamlslips import yaml_slips

CARD = Path("mini") / "basics" / "what-is-relu.md"


def _edit(root: Path, old: str, new: str, name: Path = CARD) -> Path:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _slips(text: str, code: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of the `code` slips of a front matter starting at line 2."""
    return [(line, col, message) for line, col, at, message in yaml_slips(text, 2) if at == code]


def duplicate_keys(text: str, first_line: int) -> list[tuple[int, int, str]]:
    assert first_line == 2
    return _slips(text, "duplicate-key")


def joined_items(text: str, first_line: int) -> list[tuple[int, int, str]]:
    assert first_line == 2
    return _slips(text, "joined-item")


def _mine(root: Path, path: Path) -> list[tuple[int, int, str, str]]:
    _bank, problems = lint([root])
    return [(p.line, p.col, p.code, p.message) for p in problems if p.path == path]


def test_a_key_written_twice_is_reported_at_the_second(mini_bank: Path) -> None:
    path = _edit(mini_bank, "difficulty: 1\n", "difficulty: 1\ntags: [relu]\ndifficulty: 3\n")
    found = _mine(mini_bank, path)
    assert [(line, col, code) for line, col, code, _ in found] == [
        (8, 1, "duplicate-key"),
        (9, 1, "duplicate-key"),
    ]
    assert "'tags'" in found[0][3] and "first at line 6" in found[0][3]
    assert "'difficulty'" in found[1][3] and "first at line 7" in found[1][3]


def test_a_nested_key_written_twice_is_named_by_its_path() -> None:
    front = "id: a\ntolerance: {absolute: 0.1, absolute: 0.2}\nparams:\n  eps: 1\n  eps: 2\n"
    found = duplicate_keys(front, 2)
    assert [(line, col) for line, col, _ in found] == [(3, 28), (6, 3)]
    assert "'tolerance.absolute'" in found[0][2] and "'params.eps'" in found[1][2]


def test_distinct_keys_and_quoted_twins_are_told_apart() -> None:
    assert duplicate_keys("id: a\ntitle: b\nkey_points:\n  - 'c: d'\n  - e\n", 2) == []
    # a quoted key is the same key as the plain one
    assert [line for line, _, _ in duplicate_keys('id: a\n"id": b\n', 2)] == [3]
    # a document that does not parse is left to the YAML error
    assert duplicate_keys("id: a\nid: [b\n", 2) == []


def test_a_duplicate_key_alone_still_loads_the_card(mini_bank: Path) -> None:
    path = _edit(mini_bank, "difficulty: 1\n", "difficulty: 1\ndifficulty: 2\n")
    bank, problems = lint([mini_bank])
    assert [p.code for p in problems if p.path == path] == ["duplicate-key"]
    card = next(c for c in bank.cards if c.id == "what-is-relu")
    assert card.front.difficulty == 2  # what the app shows: the later value


def test_one_value_where_a_list_goes_says_write_a_list(mini_bank: Path) -> None:
    path = _edit(mini_bank, "tags: [activations]", "tags: activations")
    found = _mine(mini_bank, path)
    assert [(line, code) for line, _, code, _ in found] == [(6, "bad-value")]
    message = found[0][3]
    assert "'activations' is one value, not a list" in message
    assert "tags: [activations]" in message and "tuple" not in message


def test_an_unquoted_colon_shows_the_value_quoted(mini_bank: Path) -> None:
    path = _edit(mini_bank, "title: What ReLU computes", "title: ReLU: what it computes")
    found = _mine(mini_bank, path)
    assert [(line, col, code) for line, col, code, _ in found] == [(4, 12, "yaml")]
    assert "e.g. title: 'ReLU: what it computes'" in found[0][3]


def test_an_unquoted_colon_in_a_list_item_says_quote_it(mini_bank: Path) -> None:
    path = _edit(mini_bank, "  - cheap to compute", "  - cost: cheap to compute")
    found = _mine(mini_bank, path)
    assert [(line, code) for line, _, code, _ in found] == [(13, "bad-value")]
    assert "put the text in quotes" in found[0][3]


def test_an_unquoted_colon_in_pack_yaml_shows_the_value_quoted(mini_bank: Path) -> None:
    path = mini_bank / "mini" / "pack.yaml"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    _edit(mini_bank, title, "title: Mini: basics", Path("mini") / "pack.yaml")
    found = _mine(mini_bank, path)
    assert any(code == "yaml" and "e.g. title: 'Mini: basics'" in msg for _, _, code, msg in found)


TAB_UNDER_ITEM = (
    "invalid YAML in front matter: a tab in the indentation: YAML indents with spaces only:"
    " write '  - cheap to compute', as the item above"
)


def test_a_tab_in_the_indentation_says_use_spaces(mini_bank: Path) -> None:
    """At the tab's own line: after a plain item it was told at the item above (YAML's
    context mark, where the plain value began)."""
    path = _edit(mini_bank, "  - cheap to compute", "\t- cheap to compute")
    assert _mine(mini_bank, path) == [(13, 1, "yaml", TAB_UNDER_ITEM)]


@pytest.mark.parametrize(
    ("old", "new", "told"),
    [
        # after a quoted item libyaml says "found character that cannot start any token"
        # (its '\t' dropped): the author was not told it is a tab
        ("  - gradient 1 for z > 0 and 0 for z < 0", "  - 'gradient 1 for z > 0'", None),
        ("  - cheap to compute", "  -\tcheap to compute", (13, 4, "a tab after '-'")),
        ("difficulty: 1", "\tdifficulty: 1", (7, 1, "YAML indents with spaces only, not tabs")),
    ],
)
def test_a_tab_is_named_at_its_place_whatever_yaml_says_of_it(
    mini_bank: Path, old: str, new: str, told: tuple[int, int, str] | None
) -> None:
    if told is None:  # the quoted item above, then the tab
        _edit(mini_bank, old, new)
        path = _edit(mini_bank, "  - cheap to compute", "\t- cheap to compute")
        assert _mine(mini_bank, path) == [(13, 1, "yaml", TAB_UNDER_ITEM)]
        return
    path = _edit(mini_bank, old, new)
    found = _mine(mini_bank, path)
    assert [(line, col, code) for line, col, code, _ in found] == [(*told[:2], "yaml")]
    assert told[2] in found[0][3] and "cannot start any token" not in found[0][3]


def test_a_duplicate_key_is_reported_after_the_app_cached_the_card(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's load does not look for repeated keys and caches the card as clean; lint
    must still find them, not take the cached card's word."""
    monkeypatch.setenv(cachefile.CACHE_ENV, "1")
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)
    path = _edit(mini_bank, "difficulty: 1\n", "difficulty: 1\ndifficulty: 2\n")
    assert load_bank([mini_bank], use_cache=True).problems == ()
    assert load_bank([mini_bank], use_cache=True).problems == ()
    assert [p.code for p in lint([mini_bank])[1] if p.path == path] == ["duplicate-key"]


def test_an_empty_list_item_and_an_empty_value_say_so(mini_bank: Path) -> None:
    path = _edit(mini_bank, "  - cheap to compute", "  -")
    _edit(mini_bank, "title: What ReLU computes", "title:")
    found = _mine(mini_bank, path)
    assert [(line, code) for line, _, code, _ in found] == [(4, "bad-value"), (13, "bad-value")]
    assert found[0][3] == "title: empty: write its text after 'title:'"
    assert found[1][3].startswith("key_points.2: an empty item ('-' and nothing after it)")
    assert not any("valid string" in message for *_, message in found)


def test_an_id_that_is_not_kebab_case_names_the_id_to_write(mini_bank: Path) -> None:
    path = _edit(mini_bank, "id: what-is-relu", "id: What_is_ReLU")
    found = _mine(mini_bank, path)
    assert [(line, code) for line, _, code, _ in found] == [(2, "bad-value")]
    assert "'What_is_ReLU' must be kebab-case" in found[0][3]
    assert found[0][3].endswith("write 'what-is-relu'")


def test_a_folder_without_pack_yaml_is_reported_once_naming_its_cards(mini_bank: Path) -> None:
    """A new pack whose pack.yaml was forgotten is never read by a load; lint said "no
    problems" about cards it had not looked at. One slip, told once at the folder that
    lacks the file (it was told at each card: a pack of 40 cards got 40 problems)."""
    card = (mini_bank / CARD).read_text(encoding="utf-8")
    topic = mini_bank / "my-pack" / "basics"
    topic.mkdir(parents=True)
    (topic / "what-is-relu-2.md").write_text(card, encoding="utf-8")
    (mini_bank / "my-pack" / "README.md").write_text("# My pack\n", encoding="utf-8")
    (mini_bank / "my-pack" / "guide.md").write_text("---\ntitle: a page\n---\n", encoding="utf-8")
    _bank, problems = lint([mini_bank])
    assert [(p.path, p.line, p.code, p.message) for p in problems] == [
        (
            mini_bank / "my-pack",
            1,
            "no-pack",
            "folder 'my-pack' has no pack.yaml, so its 1 card (what-is-relu-2.md) is not "
            "loaded: add my-pack/pack.yaml (title, description, version) to make it a pack",
        )
    ]
    # linting another file of the folder (pre-commit) does not report it
    assert lint([mini_bank / CARD])[1] == []


def test_a_card_at_the_top_of_the_folder_of_packs_is_reported(mini_bank: Path) -> None:
    stray = mini_bank / "stray.md"
    stray.write_text((mini_bank / CARD).read_text(encoding="utf-8"), encoding="utf-8")
    (mini_bank / "README.md").write_text("# Our packs\n\nkind: words\n", encoding="utf-8")
    _bank, problems = lint([mini_bank])
    # a README without a card's front matter is no card
    assert [(p.path, p.code) for p in problems] == [(stray, "no-pack")]
    assert "move it to <pack>/<topic>/stray.md" in problems[0].message


def test_a_misspelled_key_is_one_problem_not_also_a_missing_one(mini_bank: Path) -> None:
    path = _edit(mini_bank, "difficulty: 1", "dificulty: 1")
    found = _mine(mini_bank, path)
    assert [(line, code, message) for line, _, code, message in found] == [
        (7, "unknown-key", "unknown key 'dificulty' (did you mean 'difficulty'?)")
    ]
    pack = mini_bank / "mini" / "pack.yaml"
    _edit(mini_bank, "description:", "descripton:", Path("mini") / "pack.yaml")
    assert [(p.line, p.code) for p in lint([mini_bank])[1] if p.path == pack] == [
        (2, "unknown-key")
    ]


def test_a_missing_key_with_no_near_miss_is_still_reported(mini_bank: Path) -> None:
    path = _edit(mini_bank, "difficulty: 1\n", "level: 1\n")
    found = _mine(mini_bank, path)
    assert sorted(code for _, _, code, _ in found) == ["missing-key", "unknown-key"]


def test_latex_delimiters_are_reported_where_they_stand(mini_bank: Path) -> None:
    """`\\(x\\)` is an escaped parenthesis to Markdown: the card showed the LaTeX as
    written, and the math check, which reads `$` spans, passed it."""
    path = mini_bank / CARD
    text = path.read_text(encoding="utf-8")
    answer = text.index("## Answer\n\n") + len("## Answer\n\n")
    added = (
        "It is \\(\\max(0, z)\\) elementwise, shown as\n\n\\[\\max(0, z)\\]\n\n"
        "In code, `\\(x\\)` is text; a bracket escaped as \\[ alone is one; $z$ is math.\n\n"
    )
    path.write_text(text[:answer] + added + text[answer:], encoding="utf-8")
    line = text[:answer].count("\n") + 1
    found = _mine(mini_bank, path)
    assert [(at, col, code) for at, col, code, _ in found] == [
        (line, 7, "math"),
        (line + 2, 1, "math"),
    ]
    assert found[0][3] == (
        "'\\(\\max(0, z)\\)' is not math in a card and shows as written: write $\\max(0, z)$"
    )
    assert found[1][3].endswith("write $$\\max(0, z)$$")
    assert next(c for c in lint([mini_bank])[0].cards if c.path == path)  # it still loads


def test_an_item_indented_one_space_too_deep_is_reported_where_yaml_joined_it(
    mini_bank: Path,
) -> None:
    """YAML read `   - cheap to compute` under two-space items as the continuation of the
    item above: the card loaded with two key points, one "... z < 0 - cheap to compute",
    and lint said nothing."""
    path = _edit(mini_bank, "  - cheap to compute\n", "   - cheap to compute\n")
    bank, problems = lint([mini_bank])
    found = [(p.line, p.col, p.code) for p in problems if p.path == path]
    assert found == [(13, 4, "joined-item")]
    message = next(p.message for p in problems if p.path == path)
    assert "item 2 above" in message and "indent it as the other items" in message
    card = next(c for c in bank.cards if c.id == "what-is-relu")
    assert isinstance(card.front, ConceptFront)
    assert len(card.front.key_points) == 2  # what YAML read, which the app shows


def test_joined_items_leave_nested_lists_and_quoted_dashes_alone() -> None:
    # items at one indent, a mapping item's own list, and a dash inside a quoted item
    fine = (
        "key_points:\n  - a\n  - b\nchoices:\n  - text: x\n    tags:\n      - y\n"
        "  - 'c\n     - d'\n"
    )
    assert joined_items(fine, 2) == []
    # a dash left of the item's text joins the line to the item: reported at that line
    joined = "key_points:\n  - a\n  - b\n   - c\n"
    assert [(line, col) for line, col, _ in joined_items(joined, 2)] == [(5, 4)]
    # a document that does not parse is left to the YAML error
    assert joined_items("key_points: [a\n  - b\n   - c\n", 2) == []


def test_an_item_at_or_past_the_text_above_is_joined_too(mini_bank: Path) -> None:
    """`    - cheap to compute` under `  - ` items, meant as a new item or a point under the
    one above, is that item's continuation to YAML as much as a dash left of the text is:
    the card loaded with a point fewer, and lint said nothing (it left every line at the
    text's column or past it alone, as if yaml's dumper had wrapped it)."""
    path = _edit(mini_bank, "  - cheap to compute\n", "    - cheap to compute\n")
    bank, problems = lint([mini_bank])
    found = [(p.line, p.col, p.code, p.message) for p in problems if p.path == path]
    assert [(line, col, code) for line, col, code, _ in found] == [(13, 5, "joined-item")]
    message = found[0][3]
    assert "stands under the text of item 2 above" in message
    assert "its dash at column 3" in message and "put the item in quotes" in message
    card = next(c for c in bank.cards if c.id == "what-is-relu")
    assert isinstance(card.front, ConceptFront) and len(card.front.key_points) == 2
    # further right, at the file's first list, after a blank line: each such line is one
    further = "key_points:\n- a\n  - b\n      - c\n\n  - d\n"
    assert [(line, col) for line, col, _ in joined_items(further, 2)] == [(4, 3), (5, 7), (7, 3)]


def test_a_long_item_wrapped_by_drillbit_import_is_left_alone() -> None:
    """The importer's dumper breaks an item longer than its width at a space, so a dash
    word can begin the next line: YAML reads the item back whole, and it is no slip."""
    from quiz.ecosystem.frontyaml import dump_front

    long_item = "word " * 199 + "word - after"
    wrapped = dump_front({"key_points": [long_item, "x"]})
    assert "\n  - after\n" in wrapped
    assert yaml.safe_load(wrapped)["key_points"][0] == long_item
    assert joined_items(wrapped, 2) == []
    # the same dash under a short line is an author's
    assert len(joined_items("key_points:\n- word\n  - after\n- x\n", 2)) == 1


def test_one_front_matter_is_composed_once_for_both_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Duplicate keys and joined items each composed the node tree when both text scans
    passed: a front matter with a nested mapping and a deeper `- ` line was composed twice."""
    from quiz.bank import safeyaml

    composed: list[str] = []
    compose = safeyaml.nodes

    def counting(text: str) -> yaml.Node | None:
        composed.append(text)
        return compose(text)

    monkeypatch.setattr(safeyaml, "nodes", counting)
    front = "id: a\nid: b\nkey_points:\n  - c\n   - d\n"
    assert [(line, code) for line, _, code, _ in yaml_slips(front, 2)] == [
        (3, "duplicate-key"),
        (6, "joined-item"),
    ]
    assert composed == [front]
    # neither scan passes: nothing is composed
    assert yaml_slips("id: a\nkey_points:\n  - c\n", 2) == [] and composed == [front]


def test_a_key_written_twice_in_pack_yaml_is_reported_at_the_second(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second `title:` appended to pack.yaml silently replaced the first (Home showed the
    later one) and lint, which checked only cards for repeated keys, said nothing; the
    app's load caches the pack's info, which must not hide it either."""
    monkeypatch.setenv(cachefile.CACHE_ENV, "1")
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)
    pack = mini_bank / "mini" / "pack.yaml"
    with pack.open("a", encoding="utf-8") as file:
        file.write("title: Mini again\n")
    load_bank([mini_bank], use_cache=True)
    assert load_bank([mini_bank], use_cache=True).packs["mini"].info.title == "Mini again"
    problems = lint([mini_bank])[1]
    found = [(p.line, p.col, p.code, p.message) for p in problems]
    assert [(line, col, code) for line, col, code, _ in found] == [(4, 1, "duplicate-key")]
    assert problems[0].path == pack
    assert "key 'title' is written twice (first at line 1)" in found[0][3]
    # pre-commit passing only a card does not report the pack's file
    assert lint([mini_bank / CARD])[1] == []


def test_an_order_entry_joined_to_the_one_above_is_reported_at_its_line(
    mini_bank: Path,
) -> None:
    pack = mini_bank / "mini" / "pack.yaml"
    with pack.open("a", encoding="utf-8") as file:
        file.write("order:\n  - what-is-relu\n    - sigmoid-bound\n")
    found = [(p.line, p.col, p.code) for p in lint([mini_bank])[1] if p.path == pack]
    assert (6, 5, "joined-item") in found


def test_an_item_nested_under_an_empty_dash_is_told_in_an_authors_words(
    mini_bank: Path,
) -> None:
    """`  -` then `    - cheap to compute`: YAML nests a list in the list, and lint said
    pydantic's "Input should be a valid string"."""
    path = _edit(mini_bank, "  - cheap to compute\n", "  -\n    - cheap to compute\n")
    found = _mine(mini_bank, path)
    assert [(line, col, code) for line, col, code, _ in found] == [(14, 5, "bad-value")]
    assert found[0][3] == (
        "key_points.2: a list inside the list (the '- ' line below an empty '-' is indented "
        "under it): write the text after that '-', or indent the line as the other items"
    )
    _edit(mini_bank, "title: What ReLU computes", "title:\n  - What ReLU computes")
    assert "title: a list where a text goes: write the text after 'title:'" in [
        message for *_, message in _mine(mini_bank, path)
    ]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("tags: [activations]\n", "tags:\n  - activations\n    - sigmoid\n", 8),
        ("tags: [activations]\n", "tags:\n  - activations\n   - sigmoid\n", 8),
        (
            "related: [sigmoid-bound]\n",
            "related:\n  - sigmoid-bound\n    - dropout-inference\n",
            11,
        ),
    ],
)
def test_a_joined_tag_is_told_once_and_its_joined_id_never_suggested(
    mini_bank: Path, old: str, new: str, line: int
) -> None:
    """`  - activations` then `    - sigmoid` (two tags meant) was told twice: `joined-item`,
    and `'activations - sigmoid' must be kebab-case: write 'activations-sigmoid'`, the wrong
    fix. Lint tells the cause once; the card, which the app refuses, is still told refused."""
    path = _edit(mini_bank, old, new)
    bank, problems = lint([mini_bank])
    found = [p for p in problems if p.path == path]
    assert [p.code for p in found] == ["joined-item"] and found[0].line == line
    assert found[0].is_error and "the card does not load" in found[0].message
    assert "kebab" not in found[0].message
    assert all(c.path != path for c in bank.cards)
    # the app's load is unchanged: it refuses the card with the schema's words
    app = load_bank([mini_bank], use_cache=False)
    told = [p for p in app.problems if p.path == path]
    assert [p.code for p in told] == ["bad-value"] and "kebab" in told[0].message


def test_a_joined_key_point_stays_one_problem_and_the_card_loads(mini_bank: Path) -> None:
    """A key point's joined text is a valid text: no schema problem to drop, and the
    `joined-item` does not say the card is refused (it loads, a point fewer)."""
    path = _edit(mini_bank, "  - cheap to compute\n", "    - cheap to compute\n")
    bank, problems = lint([mini_bank])
    found = [p for p in problems if p.path == path]
    assert [p.code for p in found] == ["joined-item"]
    assert "does not load" not in found[0].message
    assert any(c.path == path for c in bank.cards)


def test_a_bad_value_at_another_item_than_the_joined_one_is_still_told(mini_bank: Path) -> None:
    """Only the problem at the item a line was joined into is dropped: a wrong tag beside
    a joined one is its own mistake and keeps its kebab-case fix."""
    path = _edit(
        mini_bank, "tags: [activations]\n", "tags:\n  - Bad Tag\n  - activations\n    - relu\n"
    )
    found = [(p.line, p.col, p.code) for p in lint([mini_bank])[1] if p.path == path]
    assert found == [(7, 5, "bad-value"), (9, 5, "joined-item")]


def test_a_joined_order_entry_is_told_once_and_the_pack_refused(mini_bank: Path) -> None:
    """pack.yaml's `order` entry joined to the one above was told twice: `joined-item` and
    the load's `order.0: String should match pattern ...`. Lint tells it once, refused."""
    pack = mini_bank / "mini" / "pack.yaml"
    with pack.open("a", encoding="utf-8") as file:
        file.write("order:\n  - what-is-relu\n    - sigmoid-bound\n")
    bank, problems = lint([mini_bank])
    found = [p for p in problems if p.path == pack]
    assert [(p.line, p.col, p.code) for p in found] == [(6, 5, "joined-item")]
    assert "the pack does not load" in found[0].message and found[0].is_error
    assert "mini" not in bank.packs
    # the app's load still refuses the pack with the schema's words
    app = load_bank([mini_bank], use_cache=False)
    assert [(p.line, p.code) for p in app.problems if p.path == pack] == [(5, "bad-value")]
