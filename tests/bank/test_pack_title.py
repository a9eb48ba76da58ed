"""A pack title Anki would split into nested decks (`ML::Basics`) is a lint error at the
title's line of pack.yaml; the pack still loads, as nothing but the Anki export reads it,
and the export writes it as one deck."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest

from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from quiz.bank.pack_title import anki_deck_part
from quiz.ecosystem.anki import export_anki
from tests.conftest import RunDrillbit


def _retitle(mini_bank: Path, title: str) -> Path:
    """The mini pack with `title`, written on the second line of its pack.yaml."""
    pack_yaml = mini_bank / "mini" / "pack.yaml"
    pack_yaml.write_text(
        f"description: A tiny valid pack used by the tests.\ntitle: '{title}'\nversion: 0.1.0\n",
        encoding="utf-8",
    )
    return pack_yaml


def test_a_title_with_the_deck_separator_is_an_error_at_its_line(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    pack_yaml = _retitle(mini_bank, "ML::Basics")
    done = drillbit("lint", "content", str(mini_bank))
    assert done.returncode == 1
    assert f"{pack_yaml}:2:1: Anki splits deck names at '::', so title 'ML::Basics'" in done.stdout
    assert "the Anki export writes it as 'ML:Basics'" in done.stdout
    assert done.stdout.count("[title-deck-separator]") == 1
    assert load_bank([mini_bank]).get("what-is-relu") is not None  # the app loads the pack


def test_pre_commit_passing_only_the_pack_yaml_gets_the_error(mini_bank: Path) -> None:
    pack_yaml = _retitle(mini_bank, "Deep::Learning::Basics")
    _, problems = lint([pack_yaml], run_drills=False)
    assert [(p.path, p.line, p.code) for p in problems] == [(pack_yaml, 2, "title-deck-separator")]


@pytest.mark.parametrize("title", ["C++: the basics", "Mini", "a:b:c", "ratio 1:2"])
def test_single_colons_are_fine(mini_bank: Path, title: str) -> None:
    _retitle(mini_bank, title)
    _, problems = lint([mini_bank], run_drills=False)
    assert problems == []


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("ML::Basics", "ML:Basics"),
        ("a:::b", "a:b"),  # str.replace('::', ':') left 'a::b', still two decks
        ("Trailing:", "Trailing"),  # 'Trailing:' + '::topic' would split as 'Trailing', ':topic'
        (":lead", "lead"),
        ("::", ""),
        ("plain", "plain"),
    ],
)
def test_a_name_becomes_one_deck_level(name: str, part: str) -> None:
    assert anki_deck_part(name) == part
    assert f"drillbit::{anki_deck_part(name)}::topic".count("::") == 2  # no level added


def test_the_anki_export_files_such_a_pack_under_one_deck(mini_bank: Path, tmp_path: Path) -> None:
    """Anki itself reads the export's deck names: the pack is one deck below `drillbit`,
    as every other pack. `ML::Basics` made a deck `drillbit::ML` with a subdeck `Basics`."""
    _retitle(mini_bank, "ML::Basics")
    bank = load_bank([mini_bank])
    apkg = tmp_path / "mini.apkg"
    titles = {name: pack.info.title for name, pack in bank.packs.items()}
    export_anki(bank.cards, apkg, pack_titles=titles, now=1_700_000_000)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg)))
        names = sorted(d.name for d in col.decks.all_names_and_ids() if d.name != "Default")
    finally:
        col.close()
    assert names == ["drillbit", "drillbit::ML:Basics", "drillbit::ML:Basics::basics"]


def test_the_export_says_which_deck_such_a_pack_became(
    mini_bank: Path, tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """Written without lint, the export still tells the author, once, where the pack went."""
    _retitle(mini_bank, "ML::Basics")
    out = tmp_path / "mini.apkg"
    done = drillbit("--content", str(mini_bank), "export", "anki", str(out), "--pack", "mini")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("pack title 'ML::Basics' is the deck 'ML:Basics' in Anki") == 1
    assert "title-deck-separator" in done.stderr
