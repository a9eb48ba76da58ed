"""`drillbit lint PACK` reads that pack, the packs its `after` names and the app's bank:
never another pack of its folder, so a broken neighbour neither fails the run nor is
printed. A folder of packs, no path at all, and card files (as pre-commit passes them)
are still checked with their whole folder of packs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from quiz.bank.lint import support_roots
from tests.cli.test_lint_app_bank import write_pack
from tests.conftest import PROCESS_TIMEOUT_SECONDS, RunDrillbit


def _break(pack: Path) -> None:
    """Everything wrong a pack can hold: bad YAML, an unknown related id, an oversized
    card, a FIFO, a card that does not parse."""
    (pack / "pack.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    card = pack / "t" / "other-a.md"
    card.write_text(card.read_text().replace("related: []", "related: [nope]"))
    (pack / "t" / "huge.md").write_bytes(b"---\nid: huge\n" + b"x" * (2 * 1024 * 1024))
    os.mkfifo(pack / "t" / "fifo.md")
    (pack / "t" / "other-b.md").write_text("---\nid: [broken\n", encoding="utf-8")


def _folder(tmp_path: Path) -> Path:
    """content/mine (clean) and content/other (broken), as an author's repository has them."""
    content = tmp_path / "content"
    write_pack(content, "mine", ["my-first", "my-second"])
    _break(write_pack(content, "other", ["other-a", "other-b"]))
    return content


def test_a_broken_sibling_pack_does_not_fail_or_print_in_a_lint_of_another_pack(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    _folder(tmp_path)
    for output_format in ("text", "json", "github"):
        alone = drillbit(
            "lint", "content/mine", "--no-drills", "--format", output_format, cwd=tmp_path
        )
        assert alone.returncode == 0, alone.stdout + alone.stderr
        assert "other" not in alone.stdout + alone.stderr, output_format
    assert (
        "2 cards checked, no problems"
        in drillbit("lint", "content/mine", "--no-drills", cwd=tmp_path).stderr
    )
    # The folder of packs, or no path at all (./content), still checks every pack.
    for args in (["content"], []):
        whole = drillbit("lint", *args, "--no-drills", "--format", "json", cwd=tmp_path)
        assert whole.returncode == 1, args
        found = {(p["path"], p["code"]) for p in json.loads(whole.stdout)["problems"]}
        assert found == {
            (str(Path("content/other/pack.yaml")), "yaml"),
            (str(Path("content/other/t/other-a.md")), "unknown-related"),
            (str(Path("content/other/t/other-b.md")), "front-matter"),
            (str(Path("content/other/t/huge.md")), "unreadable"),
            (str(Path("content/other/t/fifo.md")), "unreadable"),
        }, args


_OPENED = """
import json, sys
from pathlib import Path
watched = str(Path(sys.argv[1]).resolve())
seen = []
def hook(event, args):
    if event in ("open", "os.scandir", "os.listdir") and args and isinstance(args[0], str):
        path = str(Path(args[0]).absolute())
        if path.startswith(watched):
            seen.append(path if event == "open" else path + "/")
sys.addaudithook(hook)
from quiz.cli import main
code = 0
try:
    main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
print(json.dumps([code, sorted(set(seen))]), file=sys.stderr)
"""


def _opened(cwd: Path, watched: Path, *args: str) -> tuple[int, list[str]]:
    """The exit code of `drillbit ARGS` and the files and folders under `watched` it
    opened or listed (a folder listed ends in `/`; Python's audit events), run in a
    fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _OPENED, str(watched), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    code, seen = json.loads(done.stderr.splitlines()[-1])
    return code, seen


def test_linting_a_pack_opens_no_file_of_another_pack(tmp_path: Path) -> None:
    content = _folder(tmp_path)
    code, seen = _opened(tmp_path, content / "other", "lint", "content/mine", "--no-drills")
    assert code == 0
    # its card ids, from its file names: the pack's folder and its topic folder listed
    other = content.resolve() / "other"
    assert seen == [f"{other}/", f"{other / 't'}/"]
    # The watch works: the folder lint does open them.
    code, seen = _opened(tmp_path, content / "other", "lint", "content", "--no-drills")
    assert code == 1
    assert str((content / "other" / "t" / "huge.md").resolve()) in seen


def test_a_related_id_of_another_pack_resolves_in_the_packs_named_in_after(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    content = tmp_path / "content"
    write_pack(content, "base", ["base-card"])
    mine = write_pack(content, "mine", ["my-card"], related="[base-card]")
    write_pack(content, "unrelated", ["unrelated-card"])
    # Not named in `after`: the pack alone does not see the card, and says so.
    alone = drillbit("lint", "content/mine", "--no-drills", cwd=tmp_path)
    assert alone.returncode == 1
    assert alone.stdout.startswith(
        f"{Path('content/mine/t/my-card.md')}:9:11: related id 'base-card' does not exist in "
        "the bank; linted alone, a pack sees only its own cards, the packs its `after` "
        "names and the app's bank: name the card's pack in `after`, or lint the whole "
        "folder [unknown-related]"
    )
    # The folder, and a changed card as pre-commit passes it, see every pack.
    assert drillbit("lint", "content", "--no-drills", cwd=tmp_path).returncode == 0
    card = drillbit("lint", "content/mine/t/my-card.md", "--no-drills", cwd=tmp_path)
    assert card.returncode == 0, card.stdout
    # Named in `after`, the pack it builds on is loaded too, as the app loads it: its
    # own problems are not the linted pack's, and the unnamed pack is still not read.
    (mine / "pack.yaml").write_text(
        "title: mine\ndescription: d\nversion: 0.1.0\nafter: [base]\n", encoding="utf-8"
    )
    broken = content / "base" / "t" / "base-card.md"
    broken.write_text(broken.read_text().replace("difficulty: 1", "difficulty: 1\ncolour: red"))
    assert support_roots([mine]) == [content / "base"]
    (content / "unrelated" / "pack.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    linted = drillbit("lint", "content/mine", "--no-drills", cwd=tmp_path)
    assert linted.returncode == 0, linted.stdout
    assert linted.stdout == ""
    assert "1 card checked, no problems" in linted.stderr


def test_a_pack_builds_on_packs_of_its_own_folder_only(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_pack(tmp_path, "outside", ["outside-card"])
    write_pack(content, "middle", ["middle-card"])
    write_pack(content, "base", ["base-card"])
    mine = write_pack(content, "mine", ["my-card"])
    pack_yaml = "title: t\ndescription: d\nversion: 0.1.0\nafter: {}\n"
    (mine / "pack.yaml").write_text(pack_yaml.format('[middle, "../outside", nothing, mine]'))
    (content / "middle" / "pack.yaml").write_text(pack_yaml.format("[base, mine]"))
    # What a pack builds on builds on, in turn; a path, a missing pack, itself: not read.
    assert support_roots([mine]) == [content / "middle", content / "base"]


def test_an_id_of_a_pack_it_builds_on_is_reported_at_the_linted_pack(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    content = tmp_path / "content"
    write_pack(content, "base", ["shared-id"])
    mine = write_pack(content, "a-mine", ["shared-id", "my-card"])
    (mine / "pack.yaml").write_text(
        "title: mine\ndescription: d\nversion: 0.1.0\nafter: [base]\n", encoding="utf-8"
    )
    result = drillbit("lint", "content/a-mine", "--no-drills", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        f"{Path('content/a-mine/t/shared-id.md')}:2:1: id 'shared-id' is also used by "
        f"{Path('content/base/t/shared-id.md')}"
        f": this card is not loaded; give it an id of its own (the file's name too) [duplicate-id]\n"
    )


def test_an_id_a_sibling_pack_also_has_is_a_warning_in_a_lint_of_the_pack_alone(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """Two packs of one folder that never name each other: the app, given the folder,
    loads both and leaves the later card out, and a lint of either pack alone said
    nothing. It warns (exit 0), from the neighbour's file names alone: the neighbour's
    own problems are still not printed (content/other is broken in every way)."""
    content = _folder(tmp_path)
    write_pack(content, "alpha", ["my-first"])  # loads before `mine`
    write_pack(content, "zeta", ["my-second"])  # and this one after it
    (content / "mine" / "t" / "other-a.md").write_text(  # a card of the broken `other`'s id
        (content / "mine" / "t" / "my-first.md").read_text().replace("my-first", "other-a")
    )
    linted = drillbit("lint", "content/mine", "--no-drills", cwd=tmp_path)
    assert linted.returncode == 0, linted.stdout + linted.stderr

    def warned(card: str, pack: str, kept: str) -> str:
        return (
            f"{Path('content/mine/t', card + '.md')}:2:1: warning: id '{card}' is also the "
            f"name of {Path('content', pack, 't', card + '.md')}, in pack '{pack}' of the "
            f"same folder (not linted); the app, loading the folder, keeps {kept}: rename "
            "one, or lint the whole folder [sibling-duplicate-id]\n"
        )

    assert linted.stdout == (
        warned("my-first", "alpha", "that one, and leaves this one out")
        + warned("my-second", "zeta", "this one, and leaves that one out")
        + warned("other-a", "other", "this one, and leaves that one out")
    )
    assert linted.stderr.endswith("3 cards checked, no problems, 3 warnings\n")
    as_json = drillbit("lint", "content/mine", "--no-drills", "--format", "json", cwd=tmp_path)
    found = json.loads(as_json.stdout)["problems"]
    assert [(p["code"], p["severity"]) for p in found] == [("sibling-duplicate-id", "warning")] * 3
    # The other pack's lint says it from its side; the whole folder is the error it was.
    zeta = drillbit("lint", "content/zeta", "--no-drills", cwd=tmp_path)
    assert (zeta.returncode, zeta.stdout.count("\n")) == (0, 1)
    assert "keeps that one, and leaves this one out" in zeta.stdout
    whole = drillbit("lint", "content", "--no-drills", "--format", "json", cwd=tmp_path)
    codes = {(p["path"], p["code"]) for p in json.loads(whole.stdout)["problems"]}
    assert (str(Path("content/zeta/t/my-second.md")), "duplicate-id") in codes
    assert not any(code == "sibling-duplicate-id" for _, code in codes)


def test_a_sibling_the_lint_loads_anyway_is_not_warned_about_twice(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """The folder given as --content (the app's bank) loads every sibling: the load's
    own `duplicate-id` says it, once."""
    content = tmp_path / "content"
    write_pack(content, "mine", ["shared-id"])
    write_pack(content, "zeta", ["shared-id"])
    linted = drillbit("--content", "content", "lint", "content/zeta", "--no-drills", cwd=tmp_path)
    assert linted.returncode == 1
    assert linted.stdout == (
        f"{Path('content/zeta/t/shared-id.md')}:2:1: id 'shared-id' is also used by "
        f"{Path('content/mine/t/shared-id.md')}"
        f": this card is not loaded; give it an id of its own (the file's name too) [duplicate-id]\n"
    )
