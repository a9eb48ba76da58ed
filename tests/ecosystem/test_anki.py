"""`drillbit export anki`: the .apkg read back with zipfile + sqlite3."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner, Result

from quiz.bank.loader import load_bank
from quiz.bank.models import NumericFront
from quiz.cli.context import Context
from quiz.cli.ecosystem import export_group
from quiz.ecosystem.anki import (
    CHOICE_MODEL_ID,
    CONCEPT_MODEL_ID,
    NUMERIC_MODEL_ID,
    deck_id,
    markdown_to_html,
    note_guid,
)
from quiz.ecosystem.anki_times import FILE_NAME
from quiz.errors import UsageError
from quiz.paths import data_dir
from quiz.selection import find_card
from tests.conftest import DATA, clock_at

ANKI_BANK = DATA / "anki_bank"


@dataclass(frozen=True)
class Note:
    guid: str
    model: int
    tags: set[str]
    fields: list[str]
    names: list[str]
    """The field names of the note's type, in the package's order."""

    def field(self, name: str) -> str:
        return self.fields[self.names.index(name)]

    @property
    def card_id(self) -> str:
        return self.field("CardId")


def read_apkg(path: Path, tmp_path: Path) -> tuple[list[Note], dict[str, object], set[int]]:
    """Notes, decks (by id) and note-type ids of an .apkg."""
    with zipfile.ZipFile(path) as archive:
        archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        rows = conn.execute("SELECT guid, mid, tags, flds FROM notes").fetchall()
        models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
        card_count = conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    finally:
        conn.close()
    assert card_count == len(rows)
    models = json.loads(models_json)
    names = {
        int(k): [f["name"] for f in sorted(m["flds"], key=lambda f: f["ord"])]
        for k, m in models.items()
    }
    notes = [Note(g, int(m), set(t.split()), f.split("\x1f"), names[int(m)]) for g, m, t, f in rows]
    return notes, json.loads(decks_json), set(names)


def export(
    tmp_path: Path,
    name: str,
    *args: str,
    content: list[Path] | None = None,
    now: datetime | None = None,
) -> Result:
    """`drillbit export anki NAME ARGS` into tmp_path, its clock at `now` when given."""
    target = tmp_path / name
    return CliRunner().invoke(
        export_group,
        ["anki", str(target), *args],
        obj=Context(content if content is not None else [ANKI_BANK], clock=clock_at(now)),
    )


def note_times(tmp_path: Path, name: str) -> dict[str, int]:
    """Each note's modification time (its guid: seconds) in the deck tmp_path/NAME."""
    with zipfile.ZipFile(tmp_path / name) as archive:
        archive.extract("collection.anki2", tmp_path / name[:3])
    conn = sqlite3.connect(tmp_path / name[:3] / "collection.anki2")
    try:
        return dict(conn.execute("SELECT guid, mod FROM notes").fetchall())
    finally:
        conn.close()


def test_exportable_cards_become_notes_and_coding_is_skipped(tmp_path: Path) -> None:
    result = export(tmp_path, "deck.apkg", "--pack", "anki")
    assert result.exit_code == 0, result.output
    assert "3 notes in 1 deck, 1 coding drill skipped" in result.output
    notes, decks, models = read_apkg(tmp_path / "deck.apkg", tmp_path)
    assert sorted(n.card_id for n in notes) == [
        "bigger-learning-rate",
        "sigmoid-max-slope",
        "softmax-gradient",
    ]
    assert {CONCEPT_MODEL_ID, CHOICE_MODEL_ID, NUMERIC_MODEL_ID} <= models
    assert str(deck_id("anki", "math")) in decks
    deck = decks[str(deck_id("anki", "math"))]
    assert isinstance(deck, dict) and deck["name"] == "drillbit::Anki export fixture::math"


def test_guids_are_stable_across_exports(tmp_path: Path) -> None:
    assert export(tmp_path, "one.apkg", "--pack", "anki").exit_code == 0
    assert export(tmp_path, "two.apkg", "--pack", "anki").exit_code == 0
    first, _, _ = read_apkg(tmp_path / "one.apkg", tmp_path / "a")
    second, _, _ = read_apkg(tmp_path / "two.apkg", tmp_path / "b")
    assert {n.card_id: n.guid for n in first} == {n.card_id: n.guid for n in second}
    assert {n.guid for n in first} == {note_guid(n.card_id) for n in first}
    assert len({n.guid for n in first}) == 3


def test_unchanged_notes_keep_their_modification_time_across_cli_exports(tmp_path: Path) -> None:
    assert export(tmp_path, "one.apkg", "--pack", "anki").exit_code == 0

    # The time comes from the stored first-export time of the content, not from the clock.
    stored = data_dir() / FILE_NAME
    times = json.loads(stored.read_text())
    assert set(times) == {
        "@note-types",  # the note types' time, kept as a note's is
        "@note-fields",  # their field names, to tell an export that changed them
        "bigger-learning-rate",
        "sigmoid-max-slope",
        "softmax-gradient",
    }
    stored.write_text(json.dumps({k: {**v, "mod": 1_000_000_000} for k, v in times.items()}))
    assert export(tmp_path, "two.apkg", "--pack", "anki").exit_code == 0
    assert export(tmp_path, "six.apkg", "--pack", "anki").exit_code == 0
    assert set(note_times(tmp_path, "two.apkg").values()) == {1_000_000_000}
    assert note_times(tmp_path, "six.apkg") == note_times(tmp_path, "two.apkg")


def test_a_first_export_dates_its_notes_by_the_commands_clock(tmp_path: Path) -> None:
    """New content is stamped with the export command's time (read from the wall clock
    by the exporter itself, which no test could fix)."""
    at = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
    assert export(tmp_path, "one.apkg", "--pack", "anki", now=at).exit_code == 0
    assert set(note_times(tmp_path, "one.apkg").values()) == {int(at.timestamp())}


def test_math_becomes_mathjax_and_code_is_highlighted(tmp_path: Path) -> None:
    assert export(tmp_path, "deck.apkg", "--pack", "anki").exit_code == 0
    notes, _, _ = read_apkg(tmp_path / "deck.apkg", tmp_path)
    by_id = {n.card_id: n for n in notes}
    for note in notes:
        assert "$" not in "".join(note.fields), note.card_id
    question, answer, points = by_id["softmax-gradient"].fields[:3]
    assert "\\(\\frac{\\partial L}{\\partial z}\\)" in question
    assert "\\[\\frac{\\partial L}{\\partial z} = \\hat{y} - y\\]" in answer
    assert "<table>" in answer and '<td><span class="math inline">\\(z\\)</span></td>' in answer
    assert '<pre><code class="language-python">' in answer and '<span style="' in answer
    assert '<li>The gradient is <span class="math inline">\\(\\hat{y} - y\\)</span></li>' in points
    assert by_id["softmax-gradient"].tags == {
        "drillbit::topic::math",
        "drillbit::tag::backprop",
        "drillbit::tag::softmax",
    }


def test_choice_and_numeric_backs(tmp_path: Path) -> None:
    assert export(tmp_path, "deck.apkg", "--pack", "anki").exit_code == 0
    notes, _, _ = read_apkg(tmp_path / "deck.apkg", tmp_path)
    by_id = {n.card_id: n for n in notes}
    choice = by_id["bigger-learning-rate"]
    assert choice.model == CHOICE_MODEL_ID
    front_choices, back = choice.fields[1], choice.fields[2]
    assert front_choices.count("<li>") == 3 and "✓" not in front_choices
    marked = re.findall(r'<li class="(correct|wrong)">', back)
    assert marked == ["correct", "wrong", "correct"]
    assert '✓ Multiply <span class="math inline">\\(\\alpha\\)</span> by' in back
    numeric = by_id["sigmoid-max-slope"]
    assert numeric.model == NUMERIC_MODEL_ID
    assert "0.25 per unit of z" in numeric.fields[1]
    assert "<div>accepted: 0.249 to 0.251 per unit of z (± 0.001)</div>" in numeric.fields[1]


MEMORY_CARD = """---
id: score-memory
kind: numeric
title: Attention scores in memory
topic: math
tags: []
difficulty: 1
source: tests
answer: 1024
tolerance: {relative: 0.001}
unit: MiB
---

## Question

How many MiB do 16 heads of 4096 x 4096 float32 scores take?

## Explanation

$16 \\cdot 4096^2 \\cdot 4$ bytes.
"""


def test_a_relative_tolerance_is_a_range_in_the_unit_and_a_percentage(tmp_path: Path) -> None:
    """'± 0.1% MiB' read as a size: the range is in the unit, the percentage has none."""
    content = tmp_path / "content"
    shutil.copytree(ANKI_BANK, content)
    (content / "anki" / "math" / "score-memory.md").write_text(MEMORY_CARD, encoding="utf-8")
    result = export(tmp_path, "deck.apkg", "--pack", "anki", content=[content])
    assert result.exit_code == 0, result.output
    notes, _, _ = read_apkg(tmp_path / "deck.apkg", tmp_path)
    (memory,) = [n for n in notes if n.card_id == "score-memory"]
    assert '<div class="numeric-answer">1024 MiB</div>' in memory.fields[1]
    assert "<div>accepted: 1022.976 to 1025.024 MiB (± 0.1%)</div>" in memory.fields[1]
    assert "% MiB" not in memory.fields[1]
    card = find_card(load_bank([content]).cards, "score-memory")
    assert isinstance(card.front, NumericFront)
    assert card.front.check_numeric(1000).expected == "1024 MiB ± 0.1%"
    slope = find_card(load_bank([content]).cards, "sigmoid-max-slope")
    assert isinstance(slope.front, NumericFront)
    assert slope.front.check_numeric(0).expected == "0.25 ± 0.001 per unit of z"


def test_unknown_pack_is_a_usage_error(tmp_path: Path) -> None:
    result = export(tmp_path, "deck.apkg", "--pack", "nope")
    assert isinstance(result.exception, UsageError)
    assert "unknown pack 'nope': known packs: " in str(result.exception)
    assert not (tmp_path / "deck.apkg").exists()


def test_the_bundled_bank_exports_every_exportable_card(tmp_path: Path) -> None:
    result = export(tmp_path, "bank.apkg", content=[])
    assert result.exit_code == 0, result.output
    bank = Context([]).load_bank()
    exportable = {c.id for c in bank.cards if c.kind != "coding"}
    notes, _, _ = read_apkg(tmp_path / "bank.apkg", tmp_path)
    assert {n.card_id for n in notes} == exportable


def test_prices_are_not_math() -> None:
    html = markdown_to_html("It costs \\$5, or $5 today; $x$ is math.")
    assert "$5, or $5 today" in html and "\\(x\\)" in html


def _luminance(colour: str) -> float:
    """WCAG's relative luminance of a #rgb or #rrggbb colour."""
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    channels = []
    for i in (0, 2, 4):
        value = int(hex_digits[i : i + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(one: str, other: str) -> float:
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_coloured_text_of_the_note_types_reads_by_day_and_in_night_mode() -> None:
    """Anki's night mode puts `nightMode` on the card (AnkiDroid `night_mode`): the grey of
    'Select all that apply.' was 2.1:1 on the night background and the green of a right
    choice 3.1:1, under WCAG AA's 4.5:1 for text; the source line was 3.5:1 by day."""
    from quiz.ecosystem.anki import CSS

    rules: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", CSS):
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", body)
        for selector in selectors.split(","):
            if colour is not None:
                rules[" ".join(selector.split())] = colour.group(1)
    day_background, night_background = "#fff", "#222"
    assert rules[".card"] == "#222"
    for night in (".nightMode .card", ".card.nightMode", ".night_mode .card"):
        assert rules[night] == "#eee"
    coloured = [s for s in rules if "ight" not in s and s not in {".card", "pre"}]
    assert {".choices li.correct", ".choices li.wrong", ".source", ".select-all"} <= set(coloured)
    for selector in coloured:
        assert _contrast(rules[selector], day_background) >= 4.5, selector
        for mode in (".nightMode", ".card.nightMode", ".night_mode"):
            shown = rules.get(f"{mode} {selector}", rules[selector])
            assert _contrast(shown, night_background) >= 4.5, (mode, selector)


def test_every_note_type_sorts_by_the_question_and_notes_carry_it(tmp_path: Path) -> None:
    """Anki's browser shows and sorts by the note type's sort field: it is the question in
    every note type, and each note's stored sort text is its question (tags stripped), not
    a different text that only the package holds."""
    assert export(tmp_path, "deck.apkg", "--pack", "anki").exit_code == 0
    with zipfile.ZipFile(tmp_path / "deck.apkg") as archive:
        archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        (models_json,) = conn.execute("SELECT models FROM col").fetchone()
        rows = conn.execute("SELECT mid, flds, sfld FROM notes").fetchall()
    finally:
        conn.close()
    models = json.loads(models_json)
    assert len(models) == 3
    for model in models.values():
        assert model["flds"][model["sortf"]]["name"] == "Question", model["name"]
    card_id_place = {
        int(mid): [f["name"] for f in model["flds"]].index("CardId")
        for mid, model in models.items()
    }
    sort_texts = {flds.split("\x1f")[card_id_place[mid]]: str(sfld) for mid, flds, sfld in rows}
    assert sort_texts["softmax-gradient"] == (
        "What is \\(\\frac{\\partial L}{\\partial z}\\) for softmax followed by cross-entropy?"
    )
    assert sort_texts["sigmoid-max-slope"] == (
        "What is \\(\\max_z \\sigma'(z)\\)?Answer in per unit of z."
    )
    assert sort_texts["bigger-learning-rate"] == (
        "The batch size grows by a factor \\(k\\). What does the linear scaling rule do?"
    )


def test_each_topic_is_a_subdeck_with_an_id_stable_across_exports(tmp_path: Path) -> None:
    """Anki users nest decks (`drillbit::<pack>::<topic>`); a re-export must name the same
    deck ids, or Anki adds a second deck instead of updating the first."""
    content = tmp_path / "content"
    shutil.copytree(ANKI_BANK, content)
    moved = content / "anki" / "optim" / "bigger-learning-rate.md"
    moved.parent.mkdir()
    (content / "anki" / "math" / "bigger-learning-rate.md").rename(moved)
    moved.write_text(moved.read_text().replace("topic: math", "topic: optim"))
    one = export(tmp_path, "one.apkg", "--pack", "anki", content=[content])
    assert one.exit_code == 0, one.output
    assert "3 notes in 2 decks" in one.output
    assert export(tmp_path, "two.apkg", "--pack", "anki", content=[content]).exit_code == 0
    first_notes, first, _ = read_apkg(tmp_path / "one.apkg", tmp_path / "a")
    _, second, _ = read_apkg(tmp_path / "two.apkg", tmp_path / "b")
    names = {k: d["name"] for k, d in first.items() if isinstance(d, dict)}
    assert names == {k: d["name"] for k, d in second.items() if isinstance(d, dict)}
    assert names[str(deck_id("anki", "math"))] == "drillbit::Anki export fixture::math"
    assert names[str(deck_id("anki", "optim"))] == "drillbit::Anki export fixture::optim"
    assert deck_id("anki", "math") != deck_id("anki", "optim")
    assert deck_id("anki", "math") != deck_id("anki-math", "")


def test_the_first_export_after_the_title_field_says_how_to_import_it(tmp_path: Path) -> None:
    """A data folder that exported before the Title field (its times file, as that export
    left it): the next export says to tick Anki's "Merge note types", once; a first export
    has nothing to say."""
    fresh = export(tmp_path, "fresh.apkg", "--pack", "anki")
    assert fresh.exit_code == 0 and "Merge note types" not in fresh.output
    shutil.copy(DATA / "anki_before_title" / "anki-export-times.json", data_dir() / FILE_NAME)
    first = export(tmp_path, "one.apkg", "--pack", "anki")
    assert first.exit_code == 0, first.output
    assert "new field (Title)" in first.output
    assert "tick 'Merge note types' (Anki 23.10 or later)" in first.output
    again = export(tmp_path, "two.apkg", "--pack", "anki")
    assert again.exit_code == 0 and "Merge note types" not in again.output


def test_every_note_type_keeps_the_fields_of_earlier_exports_in_place_and_ends_with_title(
    tmp_path: Path,
) -> None:
    """Anki keeps a note's fields by position: the fields of the export before Title keep
    their places, Title comes after them, and holds the card's title as its text."""
    before, _, _ = read_apkg(DATA / "anki_before_title" / "deck.apkg", tmp_path / "old")
    assert export(tmp_path, "deck.apkg", "--pack", "anki").exit_code == 0
    notes, _, _ = read_apkg(tmp_path / "deck.apkg", tmp_path / "new")
    old_names = {note.model: note.names for note in before}
    assert len(old_names) == 3
    for note in notes:
        assert note.names == [*old_names[note.model], "Title"]
    titles = {note.card_id: note.field("Title") for note in notes}
    assert titles == {
        "bigger-learning-rate": "Linear scaling rule",
        "sigmoid-max-slope": "Largest slope of the sigmoid",
        "softmax-gradient": "Gradient of softmax with cross-entropy",
    }


def test_an_export_names_the_cards_whose_kind_changed_since_the_last(tmp_path: Path) -> None:
    """Anki's import skips a note whose type changed (a numeric card made a concept one);
    the export says which cards and what to do in Anki, on the export that changed them."""
    bank = tmp_path / "bank"
    shutil.copytree(ANKI_BANK, bank)
    assert export(tmp_path, "one.apkg", "--pack", "anki", content=[bank]).exit_code == 0
    card = bank / "anki" / "math" / "sigmoid-max-slope.md"
    card.write_text(
        card.read_text()
        .replace("kind: numeric", "kind: concept")
        .replace("answer: 0.25\ntolerance: {absolute: 0.001}\nunit: per unit of z\n", "")
        .replace(
            "source: tests\n",
            "source: tests\nkey_points:\n  - one quarter\n  - at zero\n  - a product of halves\n",
        )
        .replace("## Explanation", "## Answer")
    )
    changed = export(tmp_path, "two.apkg", "--pack", "anki", content=[bank])
    assert changed.exit_code == 0, changed.output
    assert "1 card changed kind since your last export (sigmoid-max-slope)" in changed.output
    assert "delete it in Anki (search CardId:sigmoid-max-slope) and import again" in (
        changed.output
    )
    same = export(tmp_path, "three.apkg", "--pack", "anki", content=[bank])
    assert same.exit_code == 0 and "changed kind" not in same.output


def test_every_export_says_what_a_reimport_does_to_the_deck_descriptions(tmp_path: Path) -> None:
    """Anki writes the package's description over a deck's own on each import unless the
    package's is empty: only the top deck has one (its advice on the order of new cards),
    and the export says, before the learner imports it, that their text goes there only."""
    result = export(tmp_path, "deck.apkg")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert "each import of this file writes the 'drillbit' deck's description again" in said
    assert "a description you give a pack or topic deck stays" in said
    _, decks, _ = read_apkg(tmp_path / "deck.apkg", tmp_path)
    described = {
        deck["name"]
        for deck in decks.values()
        if isinstance(deck, dict) and deck.get("desc") and deck["name"] != "Default"
    }
    assert described == {"drillbit"}
