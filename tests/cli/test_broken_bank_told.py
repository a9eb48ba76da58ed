"""A broken bank is told by the app's commands with lint's own line (`path:line:col:
message [code]`), not only "problems in <file>; run `drillbit lint`": a bad pack.yaml was
named, never what was wrong in it, and `export anki` left cards and a pack's title out of a
deck without a word. The bad item is skipped (a card, a pack.yaml's title and order) and the
rest loads, as lint says ("N cards are fine")."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bank.edits import edit
from tests.conftest import DATA, RunDrillbit

MINI = Path("content", "mini")
RELU = MINI / "basics" / "what-is-relu.md"


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


def _loop(root: Path) -> None:
    os.symlink("loop-b.md", root / MINI / "basics" / "loop-a.md")
    os.symlink("loop-a.md", root / MINI / "basics" / "loop-b.md")


def _big(root: Path) -> None:
    _append(root / RELU, "word " * 220_000)  # 1.05 MiB, over the 1 MiB a card may be


def _latin1(root: Path) -> None:
    path = root / RELU
    path.write_bytes(path.read_bytes().replace(b"What ReLU computes", b"What ReLU \xe9"))


BROKEN: dict[str, Callable[[Path], None]] = {
    "pack-yaml-not-closed": lambda root: _append(
        root / MINI / "pack.yaml", "order: [what-is-relu\n"
    ),
    "pack-yaml-order-not-an-id": lambda root: _append(
        root / MINI / "pack.yaml", "order:\n  - What_Is_Relu\n"
    ),
    "wrong-type": lambda root: edit(root / RELU, "difficulty: 1\n", "difficulty: [1]\n"),
    "unknown-kind": lambda root: edit(root / RELU, "kind: concept", "kind: essay"),
    "not-utf8": _latin1,
    "over-1-mib": _big,
    "symlink-loop": _loop,
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_list_and_export_tell_lints_line_and_load_the_rest(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, case: str
) -> None:
    assert mini_bank == tmp_path / "content"
    BROKEN[case](tmp_path)
    linted = drillbit("lint", "content", "--no-drills", cwd=tmp_path)
    assert linted.returncode == 1, linted.stderr
    lint_lines = linted.stdout.splitlines()
    listed = drillbit("--content", "content", "list", "--pack", "mini", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    told = listed.stderr.splitlines()
    assert told[0] in lint_lines, (told, lint_lines)  # lint's own words, file:line first
    assert told[0].startswith(str(MINI)) and told[-1].endswith("run `drillbit lint` to see why")
    fine = int(linted.stderr.split(" cards are fine")[0].rsplit(" ", 1)[-1])
    shown = [line for line in listed.stdout.splitlines()[1:] if line.strip()]
    assert len(shown) == fine  # the rest loads: what lint calls fine is what the app lists
    exported = drillbit(
        "--content", "content", "export", "anki", "mini.apkg", "--pack", "mini", cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    assert told[0] in exported.stderr.splitlines()  # said, not left out of the deck unsaid


def test_a_card_of_two_packs_is_told_at_the_later_one(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    second = mini_bank / "second"
    shutil.copytree(mini_bank / "mini", second)
    (second / "basics" / "dropout-inference.md").unlink()
    (second / "basics" / "sigmoid-bound.md").unlink()
    listed = drillbit("--content", "content", "list", cwd=tmp_path)
    duplicate = (
        f"{Path('content', 'second', 'basics', 'what-is-relu.md')}:2:1: id 'what-is-relu' "
        f"is also used by {Path('content', 'mini', 'basics', 'what-is-relu.md')}"
        f": this card is not loaded; give it an id of its own (the file's name too) [duplicate-id]"
    )
    assert listed.stderr.splitlines()[0] == duplicate
    linted = drillbit("lint", "content", "--no-drills", cwd=tmp_path)
    assert duplicate in linted.stdout.splitlines()


def test_an_export_of_a_sound_pack_says_nothing_of_another(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """The export names the problems of the packs it writes, not every pack's."""
    shutil.copytree(mini_bank / "mini", mini_bank / "other")
    for path in (mini_bank / "other").rglob("*.md"):
        edit(path, "id: ", "id: other-")
        path.rename(path.with_name(f"other-{path.name}"))
    edit(mini_bank / "other" / "basics" / "other-what-is-relu.md", "kind: concept", "kind: x")
    exported = drillbit(
        "--content", "content", "export", "anki", "mini.apkg", "--pack", "mini", cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    assert "other" not in exported.stderr and "drillbit lint" not in exported.stderr
    both = drillbit(
        "--content",
        "content",
        "export",
        "anki",
        "both.apkg",
        "--pack",
        "mini",
        "--pack",
        "other",
        cwd=tmp_path,
    )
    assert "other-what-is-relu.md:3:1: kind must be one of" in both.stderr


def test_a_drill_whose_checker_is_missing_is_refused_at_its_line(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """The app loads such a drill (only lint runs its checker); grading it was refused
    without the card's file and line, which lint's `unknown-checker` gives."""
    drill = DATA / "tui_bank" / "mini" / "drills" / "tiny-sgd.md"
    card = mini_bank / "mini" / "drills" / "tiny-sgd.md"
    card.parent.mkdir()
    card.write_text(
        drill.read_text(encoding="utf-8").replace("checker: ", "checker: nn.gone.", 1),
        encoding="utf-8",
    )
    linted = drillbit("lint", "content", cwd=tmp_path)
    assert linted.returncode == 1
    [unknown] = [line for line in linted.stdout.splitlines() if "[unknown-checker]" in line]
    where = unknown.split(": ", 1)[0].rsplit(":", 1)[0]  # path:line, without the column
    (tmp_path / "answer.py").write_text("def sgd_step(w, g, lr):\n    return w\n")
    graded = drillbit("--content", "content", "grade", "tiny-sgd", "answer.py", cwd=tmp_path)
    assert graded.returncode == 2
    assert f"({where}; `drillbit lint` checks every drill's checker)" in graded.stderr


def test_drills_tells_a_drill_that_does_not_load(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """`drillbit drills` listed the other drills and left this one out without a word."""
    card = mini_bank / "mini" / "drills" / "tiny-sgd.md"
    card.parent.mkdir()
    text = (DATA / "tui_bank" / "mini" / "drills" / "tiny-sgd.md").read_text(encoding="utf-8")
    card.write_text(text.replace("entry: [sgd_step]", "entry: sgd_step: x"), encoding="utf-8")
    linted = drillbit("lint", "content", "--no-drills", cwd=tmp_path)
    listed = drillbit("--content", "content", "drills", cwd=tmp_path)
    assert listed.returncode == 0 and "tiny-sgd" not in listed.stdout
    told = listed.stderr.splitlines()
    assert told[0] in linted.stdout.splitlines() and "tiny-sgd.md:9:" in told[0]
    assert told[-1] == "1 card file could not be loaded; run `drillbit lint` to see why"


@pytest.mark.parametrize("command", ["list", "cards", "drills"])
def test_a_pack_with_no_card_yet_is_not_unknown(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, command: str
) -> None:
    """Its author, who wrote the pack.yaml first, was told "unknown pack 'new'"."""
    (mini_bank / "new").mkdir()
    (mini_bank / "new" / "pack.yaml").write_text("title: New\ndescription: d\nversion: 0.1.0\n")
    result = drillbit("--content", "content", command, "--pack", "new", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "drillbit: pack 'new' has no card yet: add one at new/<topic>/<id>.md\n"
    linted = drillbit("lint", "content", cwd=tmp_path)
    assert linted.returncode == 0  # a warning: the pack is begun, not broken
    assert "pack.yaml:1:1: warning: pack 'new' has no card" in linted.stdout


def test_export_of_a_pack_whose_pack_yaml_and_cards_all_fail_names_the_lint(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """It said "no pack named mini (packs: ...)" of the folder the author had just written."""
    _append(mini_bank / "mini" / "pack.yaml", "order: [what-is-relu\n")
    for card in (mini_bank / "mini").rglob("*.md"):
        edit(card, "kind: ", "kind: x")
    exported = drillbit(
        "--content", "content", "export", "anki", "mini.apkg", "--pack", "mini", cwd=tmp_path
    )
    assert exported.returncode == 1
    assert exported.stderr == (
        "drillbit: export anki: pack mini has no card that loads: "
        f"`drillbit lint {MINI}` says why\n"
    )
    assert not (tmp_path / "mini.apkg").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["stats", "--json"],
        ["plan"],
        ["plan", "--json"],
        ["show", "sigmoid-bound"],
        ["study", "--pack", "nope"],  # told before the app opens, and before the refusal
    ],
    ids=" ".join,
)
def test_every_command_that_loads_the_bank_tells_its_summary(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, command: list[str]
) -> None:
    """`stats`, `plan`, `show` and `study` left a card that failed to load out without a
    word; each now says lint's line on stderr as `list` does, and `--json` stays JSON."""
    BROKEN["wrong-type"](tmp_path)
    listed = drillbit("--content", "content", "list", cwd=tmp_path)
    summary = listed.stderr.splitlines()
    assert summary[-1].endswith("run `drillbit lint` to see why")
    for _ in range(2):  # the index remembered by the first run tells it the same
        run = drillbit("--content", "content", *command, cwd=tmp_path)
        told = run.stderr.splitlines()
        assert told[: len(summary)] == summary, (command, run.stderr)
        if "--json" in command:
            assert run.returncode == 0 and isinstance(json.loads(run.stdout), dict)


@pytest.mark.parametrize("command", [["list"], ["cards"], ["stats", "--json"]])
def test_an_absolute_content_folder_is_told_as_lint_tells_it(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, command: list[str]
) -> None:
    """With `--content` an absolute folder below the working one, lint's line said
    `content/mini/...` and the summary `/tmp/.../content/mini/...`: not the same line."""
    BROKEN["wrong-type"](tmp_path)
    linted = drillbit("lint", str(mini_bank), "--no-drills", cwd=tmp_path)
    assert linted.stdout.startswith(str(MINI)), linted.stdout
    for _ in range(2):  # made by a load, then read back from the remembered index
        run = drillbit("--content", str(mini_bank), *command, cwd=tmp_path)
        told = run.stderr.splitlines()
        assert told[0] in linted.stdout.splitlines(), (told, linted.stdout)
    (tmp_path / "elsewhere").mkdir()
    outside = drillbit("--content", str(mini_bank), *command, cwd=tmp_path / "elsewhere")
    assert outside.stderr.startswith(str(mini_bank / "mini")), outside.stderr  # not below it


@pytest.mark.parametrize("command", ["list", "cards", "drills", "study"])
def test_a_typo_of_a_pack_with_no_card_yet_suggests_it(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, command: str
) -> None:
    """Its name was no card's pack, so `--pack emptypak` suggested nothing of it."""
    (mini_bank / "emptypack").mkdir()
    (mini_bank / "emptypack" / "pack.yaml").write_text(
        "title: Empty\ndescription: d\nversion: 0.1.0\n"
    )
    typo = drillbit("--content", "content", command, "--pack", "emptypak", cwd=tmp_path)
    assert typo.returncode == 2
    assert "unknown pack 'emptypak': did you mean 'emptypack'?" in typo.stderr, typo.stderr
    meant = drillbit("--content", "content", command, "--pack", "emptypack", cwd=tmp_path)
    assert meant.returncode == 2 and "pack 'emptypack' has no card yet" in meant.stderr
    far = drillbit("--content", "content", command, "--pack", "zzz", cwd=tmp_path)
    assert ", emptypack, mini," in far.stderr, far.stderr  # in the listing too


@pytest.mark.parametrize(
    "command",
    [
        ["hint", "sigmoid"],
        ["grade"],  # bare: it loads the bank to name the next drill
        ["grade", "nope", "answer.py"],
        ["watch", "nope", "answer.py"],
        ["drill", "nope"],
        ["drill", "sigmoid", "--watch", "gone/answer.py"],  # `watch` on the same context
    ],
)
def test_the_drill_commands_tell_the_summary_once(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, command: list[str]
) -> None:
    """`grade`, `hint`, `drill` and `watch` named a missing --content folder only: a card
    that failed to load went unsaid. Each says the summary once, first, on stderr, even when
    it then refuses (an unknown drill, a folder that is not there)."""
    BROKEN["wrong-type"](tmp_path)
    summary = drillbit("--content", "content", "list", cwd=tmp_path).stderr.splitlines()
    assert summary[-1].endswith("run `drillbit lint` to see why")
    run = drillbit("--content", str(mini_bank), *command, cwd=tmp_path)
    told = run.stderr.splitlines()
    assert told[: len(summary)] == summary, (command, run.stderr)
    assert told.count(summary[0]) == 1, run.stderr


@pytest.mark.parametrize("output", [["--json"], ["--format", "exercism"]])
def test_grade_output_stays_json_with_a_broken_bank(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, output: list[str]
) -> None:
    """The summary goes to stderr: `grade --json` and Exercism's results.json stay whole
    JSON on stdout for the tool reading them, with the verdict of the answer graded."""
    BROKEN["wrong-type"](tmp_path)
    answer = DATA / "answers" / "sigmoid"
    for name, passed in (("correct_masks.py", True), ("wrong_naive_overflow.py", False)):
        run = drillbit(
            "--content",
            "content",
            "grade",
            "sigmoid",
            str(answer / name),
            "--seed",
            "7",
            *output,
            cwd=tmp_path,
        )
        assert run.returncode == (0 if passed else 1), run.stderr
        assert run.stderr.startswith(str(MINI / "basics" / "what-is-relu.md") + ":"), run.stderr
        result = json.loads(run.stdout)
        words = ("pass", "fail") if "exercism" in output else ("passed", "failed")
        assert result["status"] == words[0 if passed else 1], result
