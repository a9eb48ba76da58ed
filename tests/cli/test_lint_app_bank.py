"""`drillbit lint` checks the linted folders with the bank the app loads around them (the
bundled bank, --content, DRILLBIT_CONTENT): what the app would refuse because of that bank
is reported at the linted file, what is wrong elsewhere is not, and only the linted
files' cards are counted."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from quiz.bank.loader import find_pack_dirs
from quiz.bank.sources import bundled_content_dir
from tests.conftest import DATA, RunDrillbit

BUNDLED = bundled_content_dir()
BUNDLED_PACK = find_pack_dirs(BUNDLED)[0]
"""A pack of the bundled bank (the repository's content/): its name is taken."""
BUNDLED_CARD = sorted(BUNDLED_PACK.glob("*/*.md"))[0]
"""A card of the bundled bank: its id is taken."""
RELU = (DATA / "mini_bank" / "mini" / "basics" / "what-is-relu.md").read_text(encoding="utf-8")


def write_pack(content: Path, pack: str, ids: list[str], *, related: str = "[]") -> Path:
    """A pack folder `content/pack` whose topic `t` holds a valid concept card per id."""
    folder = content / pack
    (folder / "t").mkdir(parents=True)
    (folder / "pack.yaml").write_text(f"title: {pack}\ndescription: d\nversion: 0.1.0\n")
    for card_id in ids:
        text = RELU.replace("id: what-is-relu", f"id: {card_id}").replace(
            "topic: basics", "topic: t"
        )
        text = text.replace("related: [sigmoid-bound]", f"related: {related}")
        (folder / "t" / f"{card_id}.md").write_text(text, encoding="utf-8")
    return folder


def test_a_pack_named_like_a_bundled_pack_is_reported_at_its_pack_yaml(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    name = BUNDLED_PACK.name
    pack = write_pack(tmp_path / "out9", name, ["my-own-card", "another-card"])
    app = drillbit("--content", "out9", "list", cwd=tmp_path)
    assert f"problems in {Path('out9', name, 'pack.yaml')}" in app.stderr
    expected = (
        f"{Path('out9', name, 'pack.yaml')}:1:1: pack '{name}' is also at {BUNDLED_PACK}: "
        "this pack and its cards are not loaded"
    )
    for args in (["lint", "out9"], ["lint", f"out9/{name}"], ["--content", "out9", "lint"]):
        result = drillbit(*args, "--no-drills", cwd=tmp_path)
        assert result.returncode == 1, (args, result.stderr)
        assert result.stdout.startswith(expected) and "[duplicate-pack]" in result.stdout
        assert result.stdout.count("\n") == 1
    assert "0 cards are fine" in drillbit("lint", "out9", "--no-drills", cwd=tmp_path).stderr
    # pre-commit passes only a changed card: the reason it does not load is still given
    one = drillbit("lint", f"out9/{name}/t/my-own-card.md", "--no-drills", cwd=tmp_path)
    assert one.returncode == 1 and one.stdout.startswith(expected)
    # the refused pack's cards are still checked on their own
    broken = pack / "t" / "another-card.md"
    broken.write_text(broken.read_text().replace("difficulty: 1", "difficulty: 9"))
    both = drillbit("lint", "out9", "--no-drills", "--format", "json", cwd=tmp_path)
    found = {(p["path"], p["code"]) for p in json.loads(both.stdout)["problems"]}
    assert found == {
        (str(Path("out9", name, "pack.yaml")), "duplicate-pack"),
        (str(Path("out9", name, "t", "another-card.md")), "bad-value"),
    }


def test_a_card_id_of_the_bundled_bank_is_reported_however_lint_is_called(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    taken = BUNDLED_CARD.stem
    write_pack(tmp_path, "p3", [taken, "my-own-card"])
    mine = Path("p3", "t", f"{taken}.md")
    app = drillbit("--content", "p3", "list", cwd=tmp_path)
    assert "1 card file could not be loaded" in app.stderr
    expected = (
        f"{mine}:2:1: id '{taken}' is also used by {BUNDLED_CARD}"
        f": this card is not loaded; give it an id of its own (the file's name too) [duplicate-id]"
    )
    env = {"DRILLBIT_CONTENT": "p3"}
    for args, extra in (
        (["lint", "p3"], None),
        (["lint", str(mine)], None),
        (["--content", "p3", "lint", "p3"], None),
        (["--content", "p3", "lint"], None),
        (["lint"], env),
    ):
        result = drillbit(*args, "--no-drills", cwd=tmp_path, env=extra)
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert result.stdout.splitlines() == [expected], args
    github = drillbit("lint", "p3", "--no-drills", "--format", "github", cwd=tmp_path)
    assert github.stdout.startswith(f"::error file={mine},line=2,col=1,")


def test_a_card_may_name_a_bundled_card_as_related(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """The app loads the bundled bank, so the id resolves: lint agreed only on its own bank."""
    write_pack(tmp_path, "p3", ["my-own-card"], related=f"[{BUNDLED_CARD.stem}]")
    result = drillbit("lint", "p3", "--no-drills", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 card checked, no problems" in result.stderr


def test_problems_elsewhere_in_the_app_bank_are_not_the_linted_packs(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    write_pack(tmp_path, "mine", ["my-own-card"])
    elsewhere = tmp_path / "elsewhere"
    write_pack(elsewhere, BUNDLED_PACK.name, ["clashing-pack-card"])  # refused by the app
    other = write_pack(elsewhere, "other", ["other-card", BUNDLED_CARD.stem])
    shutil.copy(DATA / "bad_cards" / "unknown-key.md", other / "t" / "unknown-key.md")
    env = {"DRILLBIT_CONTENT": os.fspath(elsewhere)}
    for args in (["lint", "mine"], ["--content", "mine", "lint", "mine"]):
        result = drillbit(*args, "--no-drills", cwd=tmp_path, env=env)
        assert result.returncode == 0, (args, result.stdout)
        assert result.stdout == ""
        assert "1 card checked, no problems" in result.stderr
    theirs = drillbit("lint", "elsewhere", "--no-drills", "--format", "json", cwd=tmp_path)
    codes = sorted(p["code"] for p in json.loads(theirs.stdout)["problems"])
    assert codes == ["duplicate-id", "duplicate-pack", "unknown-key"]
    # An id both use: the app refuses the copy it loads later (DRILLBIT_CONTENT's come
    # before --content folders, and the linted folders go where --content folders go).
    (other / "t" / "my-own-card.md").write_text(
        (other / "t" / "other-card.md").read_text().replace("id: other-card", "id: my-own-card")
    )
    clash = drillbit("lint", "mine", "--no-drills", cwd=tmp_path, env=env)
    assert clash.stdout.startswith(f"{Path('mine', 't', 'my-own-card.md')}:2:1: id 'my-own-card'")
    later = drillbit("--content", "mine", "lint", "elsewhere", "--no-drills", cwd=tmp_path)
    mine_first = f"{Path('elsewhere', 'other', 't', 'my-own-card.md')}:2:1: id 'my-own-card'"
    assert mine_first in later.stdout


def test_only_the_linted_packs_cards_are_counted(mini_bank: Path, drillbit: RunDrillbit) -> None:
    """A sibling pack is loaded for its ids and related cards, not counted as checked."""
    write_pack(mini_bank, "sibling", ["sibling-one", "sibling-two"])
    clean = drillbit("lint", str(mini_bank / "mini"), "--no-drills")
    assert "3 cards checked, no problems" in clean.stderr
    for name in ("unknown-key.md", "invalid-yaml.md"):
        shutil.copy(DATA / "bad_cards" / name, mini_bank / "mini" / "basics" / name)
    broken = drillbit("lint", str(mini_bank / "mini"), "--no-drills")
    assert broken.returncode == 1
    assert "in 2 files; 3 cards are fine" in broken.stderr
    report = drillbit("lint", str(mini_bank / "mini"), "--no-drills", "--format", "json")
    assert json.loads(report.stdout)["totals"]["cards_loaded"] == 3
    one = drillbit("lint", str(mini_bank / "sibling" / "t" / "sibling-one.md"), "--no-drills")
    assert "1 card checked, no problems" in one.stderr


def test_without_paths_a_missing_content_folder_is_a_usage_error(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    result = drillbit("--content", "nope", "lint", "--no-drills", cwd=tmp_path)
    assert result.returncode == 2
    assert "no such content folder (--content or DRILLBIT_CONTENT): nope" in result.stderr


def test_with_paths_a_missing_content_folder_is_named_and_lint_goes_on(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With PATHS, a mistyped --content (or DRILLBIT_CONTENT) folder was left out of the
    bank the files are checked against without a word: a card id or `related` id that
    clashes with or names its cards passed or failed for a reason nobody could see."""
    said = (
        "drillbit: no such content folder (--content or DRILLBIT_CONTENT): {}; "
        "its cards are not loaded"
    )
    pack = str(mini_bank / "mini")
    result = drillbit("--content", "nope", "lint", pack, "--no-drills", cwd=tmp_path)
    assert result.returncode == 0
    assert said.format("nope") in result.stderr.splitlines()
    assert "3 cards checked, no problems" in result.stderr
    monkeypatch.setenv("DRILLBIT_CONTENT", str(tmp_path / "gone"))
    json_run = drillbit("lint", pack, "--no-drills", "--format", "json", cwd=tmp_path)
    assert said.format(tmp_path / "gone") in json_run.stderr.splitlines()
    assert json.loads(json_run.stdout)["totals"]["cards_loaded"] == 3
