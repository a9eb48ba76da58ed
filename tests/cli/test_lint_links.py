"""`drillbit lint` names a symbolic link where it sits (the file the author made), never
where it points, and a link loop is one problem line per file, not a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import RunDrillbit

LOOP = (
    "card file: a symbolic link loop: delete the link, or point it at a card file inside its pack"
)
"""Lint's words for a card file that is a link in a loop, with what to do about it."""


def _lines(result_stdout: str) -> list[str]:
    return [line for line in result_stdout.splitlines() if line]


def test_a_link_loop_is_one_problem_per_file_in_every_format(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    pack = mini_bank / "mini"
    (pack / "basics" / "loop-b.md").symlink_to("loop-a.md")
    (pack / "basics" / "loop-a.md").symlink_to("loop-b.md")
    text = drillbit("lint", "--no-drills", str(mini_bank), cwd=pack)
    assert text.returncode == 1, text.stderr
    assert "Traceback" not in text.stderr
    assert _lines(text.stdout) == [
        f"basics/loop-a.md:1:1: {LOOP} [unreadable]",
        f"basics/loop-b.md:1:1: {LOOP} [unreadable]",
    ]
    github = drillbit("lint", "--no-drills", str(mini_bank), "--format", "github", cwd=pack)
    assert github.returncode == 1, github.stderr
    assert [line.split(",")[0] for line in _lines(github.stdout)] == [
        "::error file=basics/loop-a.md",
        "::error file=basics/loop-b.md",
    ]
    report = drillbit("lint", "--no-drills", str(mini_bank), "--format", "json", cwd=pack)
    assert report.returncode == 1, report.stderr
    shown = [(p["path"], p["message"]) for p in json.loads(report.stdout)["problems"]]
    assert shown == [
        (
            "basics/loop-a.md",
            LOOP,
        ),
        (
            "basics/loop-b.md",
            LOOP,
        ),
    ]


def test_a_loop_given_as_a_path_is_called_a_loop(mini_bank: Path, drillbit: RunDrillbit) -> None:
    pack = mini_bank / "mini"
    (pack / "basics" / "loop-b.md").symlink_to("loop-a.md")
    (pack / "basics" / "loop-a.md").symlink_to("loop-b.md")
    (pack / "basics" / "dangling.md").symlink_to("nothing.md")
    # In a pack (pre-commit passes a linked card) it is a card's problem, at the link.
    result = drillbit("lint", "basics/loop-a.md", cwd=pack)
    assert result.returncode == 1
    assert result.stdout.startswith("basics/loop-a.md:1:1: card file: a symbolic link loop")
    assert "no such file" not in result.stderr + result.stdout
    result = drillbit("lint", "basics/dangling.md", cwd=pack)
    assert result.stdout.startswith("basics/dangling.md:1:1: card file: a broken symbolic link")
    # Outside any pack it is no card: a usage error that still calls it a loop.
    (mini_bank / "loop-c.md").symlink_to("loop-d.md")
    (mini_bank / "loop-d.md").symlink_to("loop-c.md")
    result = drillbit("lint", "loop-c.md", cwd=mini_bank)
    assert result.returncode == 2
    assert "a symbolic link loop: loop-c.md" in result.stderr
    assert "no such file" not in result.stderr


def test_links_are_named_where_they_sit(mini_bank: Path, drillbit: RunDrillbit) -> None:
    pack = mini_bank / "mini"
    basics = pack / "basics"
    (basics / "dangling.md").symlink_to("basics/nonexist.md")
    (basics / "up.md").symlink_to("../")
    (basics / "alias.md").symlink_to("sigmoid-bound.md")
    for output_format in ("text", "github", "json"):
        result = drillbit(
            "lint", "--no-drills", str(mini_bank), "--format", output_format, cwd=pack
        )
        assert result.returncode == 1, result.stderr
        if output_format == "json":
            named = [p["path"] for p in json.loads(result.stdout)["problems"]]
        elif output_format == "github":
            named = [line.split(",")[0].split("=")[1] for line in _lines(result.stdout)]
        else:
            named = [line.split(":")[0] for line in _lines(result.stdout)]
        assert named == ["basics/alias.md", "basics/dangling.md", "basics/up.md"], output_format
    # Linting the link alone (as pre-commit passes it) reports the link's own problem.
    alone = drillbit("lint", "--no-drills", "basics/alias.md", cwd=pack)
    assert _lines(alone.stdout) == [
        "basics/alias.md:2:1: id 'sigmoid-bound' must equal the file name 'alias': rename the "
        "file to sigmoid-bound.md (progress is kept by id), or write id: alias [id-file-name]"
    ]


def _outside(result_stdout: str) -> list[str]:
    """The `path:line:col` of each link-outside problem."""
    return [
        line.split(": ")[0] for line in _lines(result_stdout) if line.endswith("[link-outside]")
    ]


def test_a_link_out_of_its_pack_is_refused_wherever_it_points(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """A pack's files stay inside the pack: a link to a card of a sibling pack, to a file
    of the folder around the packs, to a folder, and a pack.yaml borrowed from another
    pack are each a problem at the link, in a lint of the pack and of the folder, and the
    app does not load them either."""
    pack = mini_bank / "mini"
    sibling = mini_bank / "sibling"
    shutil.copytree(pack, sibling)
    for card in (sibling / "basics").glob("*.md"):  # the same cards under other ids
        text = card.read_text(encoding="utf-8").replace("id: ", "id: sibling-", 1)
        card.rename(card.with_name(f"sibling-{card.name}"))
        card.with_name(f"sibling-{card.name}").write_text(
            text.replace("related: [sigmoid-bound]", "related: []"), encoding="utf-8"
        )
    basics = pack / "basics"
    (basics / "sibling-what-is-relu.md").symlink_to(sibling / "basics" / "sibling-what-is-relu.md")
    loose = mini_bank / "loose-card.md"
    loose.write_text(
        (basics / "what-is-relu.md").read_text().replace("id: what-is-relu", "id: loose-card")
    )
    (basics / "loose-card.md").symlink_to("../../loose-card.md")
    (basics / "folder.md").symlink_to(sibling / "basics")
    (basics / "outer.md").symlink_to(mini_bank)
    (sibling / "pack.yaml").unlink()
    (sibling / "pack.yaml").symlink_to(pack / "pack.yaml")
    expected = [
        "basics/folder.md:1:1",
        "basics/loose-card.md:1:1",
        "basics/outer.md:1:1",
        "basics/sibling-what-is-relu.md:1:1",
    ]
    alone = drillbit("lint", "--no-drills", ".", cwd=pack)
    assert alone.returncode == 1
    assert _outside(alone.stdout) == expected
    assert len(_lines(alone.stdout)) == len(expected), alone.stdout
    assert f"symbolic link to {loose}, outside its pack 'mini'; links" in alone.stdout
    whole = drillbit("lint", "--no-drills", str(mini_bank), cwd=pack)
    assert _outside(whole.stdout) == [*expected, f"{sibling / 'pack.yaml'}:1:1"]
    # The card a link in a changed file names is not read either (pre-commit).
    one = drillbit("lint", "--no-drills", "basics/sibling-what-is-relu.md", cwd=pack)
    assert _outside(one.stdout) == ["basics/sibling-what-is-relu.md:1:1"]
    listed = drillbit("--content", str(mini_bank), "list", "--json", cwd=pack)
    ids = {card["id"] for card in json.loads(listed.stdout)["cards"]}
    assert "loose-card" not in ids and "sibling-what-is-relu" in ids
    assert "4 card files could not be loaded" in listed.stderr


def test_a_link_to_a_file_of_its_own_pack_is_fine(
    tmp_path: Path, mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """Inside the pack a link is followed, also when the pack itself is reached through a
    link (its files are named in the folder the link leads to, as before); a loop that
    passes through another pack is still a loop."""
    real = tmp_path / "elsewhere" / "mini"
    shutil.move(mini_bank / "mini", real)
    (mini_bank / "mini").symlink_to(real)
    pack = mini_bank / "mini"
    drafts = pack / "drafts"
    drafts.mkdir()
    text = (pack / "basics" / "what-is-relu.md").read_text(encoding="utf-8")
    (drafts / "kept.txt").write_text(text.replace("id: what-is-relu", "id: kept"))
    (pack / "basics" / "kept.md").symlink_to("../drafts/kept.txt")
    (pack / "basics" / "kept-absolute.md").symlink_to(real / "drafts" / "kept.txt")
    clean = drillbit("lint", "--no-drills", str(pack), cwd=tmp_path)
    assert _lines(clean.stdout) == [
        f"{Path('elsewhere/mini/basics/kept-absolute.md')}:2:1: id 'kept' must equal the file "
        "name 'kept-absolute': rename the file to kept.md (progress is kept by id), or write "
        "id: kept-absolute [id-file-name]"
    ]
    (pack / "basics" / "kept-absolute.md").unlink()
    assert drillbit("lint", "--no-drills", str(pack), cwd=tmp_path).returncode == 0
    other = mini_bank / "other" / "t"
    other.mkdir(parents=True)
    (other / "round.md").symlink_to(pack / "basics" / "round.md")
    (pack / "basics" / "round.md").symlink_to(other / "round.md")
    loop = drillbit("lint", "--no-drills", str(pack), cwd=tmp_path)
    assert _lines(loop.stdout) == [
        f"{Path('elsewhere/mini/basics/round.md')}:1:1: {LOOP} [unreadable]"
    ]


def test_a_linked_folder_is_not_followed_and_lint_says_so(
    tmp_path: Path, mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """A folder linked into a pack is never walked (nothing outside is read through it);
    lint reports one leading out of the pack as a link out of it, and warns about one
    inside, since its cards are not loaded."""
    pack = mini_bank / "mini"
    outside = tmp_path / "elsewhere" / "topic"
    outside.mkdir(parents=True)
    (outside / "secret.md").write_text("---\nid: [broken\n", encoding="utf-8")
    (pack / "shared").symlink_to(outside)
    (pack / "again").symlink_to("basics")
    (pack / "basics" / "notes.txt").symlink_to(tmp_path / "elsewhere")
    result = drillbit("lint", "--no-drills", ".", cwd=pack)
    assert result.returncode == 1
    assert _lines(result.stdout) == [
        "again:1:1: warning: a linked folder is not followed: the cards in it are not "
        "loaded (make it a real folder) [linked-folder]",
        f"basics/notes.txt:1:1: symbolic link to {tmp_path / 'elsewhere'}, outside its pack "
        "'mini'; links may only point inside the pack (copy the file in instead) "
        "[link-outside]",
        f"shared:1:1: symbolic link to {outside}, outside its pack 'mini'; links may only "
        "point inside the pack (copy the file in instead) [link-outside]",
    ]
    assert "secret" not in result.stdout
    listed = drillbit("--content", str(mini_bank), "list", cwd=pack)
    assert listed.returncode == 0 and listed.stderr == ""
