"""The hook under the real pre-commit client: a long file list split into several runs
prints the bank's report once, and a commit that changes no card lints nothing.

pre-commit (a test dependency) runs offline here: the hook is the manifest's own
(`.pre-commit-hooks.yaml`: its entry, `files`, `require_serial`, `always_run`), as a
`repo: local` hook of `language: unsupported` (what `system` is called now) with this
checkout's `drillbit` as the entry's command, so nothing is installed. pre-commit splits
the file names at about 128 KiB; to split 80 cards instead of 3,000, its limit is lowered
(`xargs`'s `_max_length`): its own splitting is what runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.cli.git_repo import git as _git
from tests.conftest import DATA, PROCESS_TIMEOUT_SECONDS, REPO, RunDrillbit

pytestmark = pytest.mark.slow

DRILLBIT = Path(sys.executable).with_name("drillbit")
SPLIT_AT = 3000
"""pre-commit's command-line limit for these tests, in bytes (its own is 128 KiB)."""
PRE_COMMIT = (
    "import sys\n"
    "import pre_commit.xargs\n"
    "pre_commit.xargs.xargs.__kwdefaults__['_max_length'] = int(sys.argv[1])\n"
    "from pre_commit.main import main\n"
    "raise SystemExit(main(sys.argv[2:]))\n"
)
RELU_REPORT = "banks/ml/mini/basics/what-is-relu.md:"
"""The start of the report line of the card whose `related` names the deleted one."""


def _card(card_id: str, topic: str) -> str:
    return (
        f"---\nid: {card_id}\nkind: concept\ntitle: Card {card_id}\ntopic: {topic}\n"
        "difficulty: 1\nsource: tests\nkey_points:\n  - one point\n  - two points\n"
        "  - three points\n---\n\n## Question\n\nWhat is it?\n\n## Answer\n\n"
        "It is one thing. It is two things. It is three things.\n"
    )


def _config(args: list[str]) -> str:
    """A config whose one hook is the manifest's, run from this checkout."""
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    entry = [str(DRILLBIT), *hook["entry"].split()[1:]]
    local = {**hook, "language": "unsupported", "entry": " ".join(entry), "args": args}
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]})


@pytest.fixture
def repo(tmp_path: Path, _warm_card_cache: None) -> Path:
    """A git repository with its bank in `banks/ml` (no ./content) and the hook, committed."""
    if not DRILLBIT.is_file():
        raise AssertionError(f"no drillbit script beside {sys.executable}: run uv sync")
    root = tmp_path / "repo"
    shutil.copytree(DATA / "mini_bank", root / "banks" / "ml")
    (root / "README.md").write_text("# notes\n")
    (root / ".pre-commit-config.yaml").write_text(_config(["--no-drills"]))
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "bank")
    return root


def _pre_commit(repo: Path, split_at: int = SPLIT_AT) -> tuple[int, str]:
    """`pre-commit run` on the staged changes, as `git commit` runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRE_COMMIT")}
    env.update(
        PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL="/dev/null",
    )
    done = subprocess.run(
        [sys.executable, "-c", PRE_COMMIT, str(split_at), "run", "--color", "never", "--verbose"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        env=env,
    )
    return done.returncode, done.stdout + done.stderr


def _many_cards(repo: Path, count: int) -> None:
    """`count` new cards in a second pack of the bank, staged: more names than one run takes."""
    pack = repo / "banks" / "ml" / "extra"
    (pack / "many-cards-topic").mkdir(parents=True)
    (pack / "pack.yaml").write_text("title: Extra\ndescription: More cards.\nversion: 0.1.0\n")
    for n in range(count):
        card_id = f"generated-card-number-{n:03d}-with-a-long-name"
        (pack / "many-cards-topic" / f"{card_id}.md").write_text(_card(card_id, "many-cards-topic"))
    _git(repo, "add", "-A")


def _runs(output: str) -> int:
    """How many runs of lint the output holds (each ends with its one summary line)."""
    return sum(
        1
        for line in output.splitlines()
        if line.endswith("no problems") or " are fine" in line or " is fine" in line
    )


def test_a_split_commit_prints_the_deleted_card_s_report_once(repo: Path) -> None:
    _many_cards(repo, 80)
    _git(repo, "rm", "-q", "banks/ml/mini/basics/sigmoid-bound.md")
    code, out = _pre_commit(repo)
    assert code == 1, out
    assert _runs(out) >= 2, out  # pre-commit did split the 80 names
    reports = [line for line in out.splitlines() if line.startswith(RELU_REPORT)]
    assert len(reports) == 1, out
    assert "'sigmoid-bound' does not exist" in reports[0] and "[unknown-related]" in reports[0]
    assert "1 printed above by this hook's earlier run on other files, not repeated" in out
    # Nothing left in the work tree: the marker is in git's own folder.
    status = _git(repo, "status", "--porcelain", "--ignored", "--untracked-files=all")
    assert all(not line.startswith(("??", "!!")) for line in status.splitlines()), status

    # Another invocation (the same commit tried again) prints it again, and fails again.
    code, again = _pre_commit(repo)
    assert code == 1
    assert sum(line.startswith(RELU_REPORT) for line in again.splitlines()) == 1, again


def test_a_split_commit_whose_cards_are_fine_passes(repo: Path) -> None:
    _many_cards(repo, 80)
    code, out = _pre_commit(repo)
    assert code == 0 and _runs(out) >= 2, out


def test_a_commit_that_only_deletes_a_card_still_fails(repo: Path) -> None:
    _git(repo, "rm", "-q", "banks/ml/mini/basics/sigmoid-bound.md")
    code, out = _pre_commit(repo)
    assert code == 1, out
    assert sum(line.startswith(RELU_REPORT) for line in out.splitlines()) == 1, out


def test_a_commit_without_a_card_lints_nothing_unless_the_config_changes(repo: Path) -> None:
    """The hook always runs (for deletions); with no card changed it lints nothing, where it
    linted the bundled bank (./content is absent). A new config (a new drillbit `rev`
    brings new rules) lints every bank of the repository whole: a card committed broken
    before is found then."""
    broken = repo / "banks" / "ml" / "mini" / "basics" / "dropout-inference.md"
    broken.write_text(broken.read_text().replace("kind: choice", "kind: choise"))
    _git(repo, "commit", "-q", "-am", "broken card, committed without the hook")
    (repo / "README.md").write_text("# notes\n\nMore.\n")
    _git(repo, "add", "README.md")
    code, out = _pre_commit(repo)
    assert code == 0, out
    assert "nothing to lint: no file given is in a pack" in out and _runs(out) == 0, out

    (repo / ".pre-commit-config.yaml").write_text(_config(["--no-drills", "--format", "text"]))
    _git(repo, "add", ".pre-commit-config.yaml")
    code, out = _pre_commit(repo)
    assert code == 1, out
    assert "banks/ml/mini/basics/dropout-inference.md:" in out, out


def test_the_hook_s_entry_without_pre_commit_prints_everything(
    repo: Path, drillbit: RunDrillbit
) -> None:
    """Out of pre-commit (no PRE_COMMIT=1) every run prints its whole report, and within one
    invocation a repeated run prints only what is new but still fails."""
    _git(repo, "rm", "-q", "banks/ml/mini/basics/sigmoid-bound.md")
    for _ in range(2):
        result = drillbit("lint", "--git-deleted", "--no-drills", cwd=repo)
        assert result.returncode == 1 and RELU_REPORT in result.stdout
    first = drillbit("lint", "--git-deleted", "--no-drills", cwd=repo, env={"PRE_COMMIT": "1"})
    second = drillbit("lint", "--git-deleted", "--no-drills", cwd=repo, env={"PRE_COMMIT": "1"})
    assert RELU_REPORT in first.stdout and RELU_REPORT not in second.stdout
    assert (first.returncode, second.returncode) == (1, 1)
    assert "1 problem in 1 file (1 printed above by this hook's earlier run" in second.stderr


DOCS_PAGE = (
    "---\ntitle: Writing cards\nlayout: page\nnav_order: 2\n---\n\n# Writing cards\n\nHow to.\n"
)
"""A site generator's page (Jekyll, MkDocs): YAML front matter, but no card's keys."""


def test_a_pack_s_docs_pages_are_not_cards(repo: Path) -> None:
    """Docs pages committed inside a pack (a guide with a site generator's front matter, a
    CONTRIBUTING.md, notes without front matter) were each `[misplaced]`, failing the
    commit; a card put in the wrong folder still is."""
    pack = repo / "banks" / "ml" / "mini"
    (pack / "docs" / "guide").mkdir(parents=True)
    (pack / "docs" / "guide" / "writing.md").write_text(DOCS_PAGE)
    (pack / "CONTRIBUTING.md").write_text(DOCS_PAGE)
    (pack / "notes.md").write_text("# Notes\n\nIdeas for cards.\n")
    _git(repo, "add", "-A")
    code, out = _pre_commit(repo)
    assert code == 0, out
    assert "misplaced" not in out, out

    stray = pack / "old" / "basics" / "stray-card.md"
    stray.parent.mkdir(parents=True)
    stray.write_text(_card("stray-card", "basics"))
    _git(repo, "add", "-A")
    code, out = _pre_commit(repo)
    assert code == 1, out
    assert "banks/ml/mini/old/basics/stray-card.md:1:1: card files live at" in out, out
    assert "[misplaced]" in out and "writing.md" not in out and "notes.md" not in out, out


def test_a_linked_card_the_commit_adds_is_told_at_the_link(
    repo: Path, drillbit: RunDrillbit
) -> None:
    """pre-commit's default `types: [file]` never passed a symbolic link, so a commit adding
    a link loop, a broken link or one leading out of the pack passed; given one,
    `--git-deleted` raised RuntimeError on the loop (a traceback). Each is now told at the
    link, as linting the folder tells it."""
    basics = repo / "banks" / "ml" / "mini" / "basics"
    (basics / "loop-a.md").symlink_to("loop-b.md")
    (basics / "loop-b.md").symlink_to("loop-a.md")
    (basics / "gone.md").symlink_to("no-such-card.md")
    (basics / "away.md").symlink_to(repo / "README.md")
    _git(repo, "add", "-A")
    code, out = _pre_commit(repo)
    assert code == 1, out
    told = sorted(line for line in out.splitlines() if line.startswith("banks/"))
    assert told == [
        "banks/ml/mini/basics/away.md:1:1: symbolic link to "
        f"{(repo / 'README.md').resolve()}, outside its pack 'mini'; links may only point "
        "inside the pack (copy the file in instead) [link-outside]",
        "banks/ml/mini/basics/gone.md:1:1: card file: a broken symbolic link: delete the "
        "link, or point it at a card file inside its pack [unreadable]",
        *(
            f"banks/ml/mini/basics/loop-{x}.md:1:1: card file: a symbolic link loop: delete "
            "the link, or point it at a card file inside its pack [unreadable]"
            for x in "ab"
        ),
    ], out
    assert "Traceback" not in out
    github = drillbit(
        "lint", "--git-deleted", "--no-drills", "--format", "github",
        "banks/ml/mini/basics/loop-a.md", cwd=repo,
    )  # fmt: skip
    assert github.returncode == 1, github.stderr
    assert github.stdout.startswith(
        "::error file=banks/ml/mini/basics/loop-a.md,line=1,col=1,title=drillbit lint "
        "(unreadable)::card file: a symbolic link loop"
    ), github.stdout


@pytest.mark.parametrize(
    "name", ["what-is-gelu.MD", "what-is-gelu.markdown", "what-is-gelu.txt", "what-is-gelu.md.txt"]
)
def test_a_card_committed_under_another_markdown_suffix_is_warned_of(repo: Path, name: str) -> None:
    """pre-commit's `files: \\.md$` is case-sensitive: a card committed as `x.MD` or
    `x.markdown` was never passed, and the commit passed without the `not-read` warning a
    lint of the pack gives (the card is never loaded); nor was one saved as `x.txt`."""
    card = repo / "banks" / "ml" / "mini" / "basics" / name
    card.write_text(_card("what-is-gelu", "basics"))
    _git(repo, "add", "-A")
    code, out = _pre_commit(repo)
    assert code == 0, out  # a warning: the commit goes on, told
    told = f"banks/ml/mini/basics/{name}:1:1: warning: looks like a card but is not named "
    assert told + "*.md, so it is not read: rename it to what-is-gelu.md [not-read]" in out, out


def test_a_txt_file_that_is_no_card_passes_the_hook_untold(repo: Path) -> None:
    """The hook is passed every `.txt` (a card saved by Notepad is one): a pack's
    requirements.txt or a topic's notes are linted with their bank and told nothing."""
    (repo / "banks" / "ml" / "mini" / "requirements.txt").write_text("numpy>=1.26\n")
    (repo / "banks" / "ml" / "mini" / "basics" / "notes.txt").write_text("to do:\n---\nReLU\n")
    _git(repo, "add", "-A")
    code, out = _pre_commit(repo)
    assert code == 0, out
    assert "Passed" in out, out
    assert "not-read" not in out and "no-pack" not in out and "warning" not in out, out


def test_a_new_pack_committed_without_its_pack_yaml_fails_the_hook_once(repo: Path) -> None:
    """Its cards are in no pack, so the hook said "nothing to lint" and the commit passed:
    a pack the app would never load. Told once, at the first card, naming the folder."""
    topic = repo / "banks" / "ml" / "new-pack" / "basics"
    topic.mkdir(parents=True)
    for card_id in ("card-a", "card-b"):
        (topic / f"{card_id}.md").write_text(_card(card_id, "basics"))
    _git(repo, "add", "-A")
    code, out = _pre_commit(repo)
    assert code == 1, out
    assert (
        "banks/ml/new-pack/basics/card-a.md:1:1: folder 'new-pack' has no pack.yaml, so its 2 "
        "cards (card-a.md, card-b.md) are not loaded: add new-pack/pack.yaml (title, "
        "description, version) to make it a pack [no-pack]"
    ) in out, out
    assert "card-b.md:1:1" not in out and "1 problem in 1 file" in out, out


def test_a_readme_outside_any_pack_still_lints_nothing(repo: Path) -> None:
    (repo / "README.md").write_text("# notes, changed\n")
    (repo / "docs").mkdir()
    (repo / "docs" / "guide.md").write_text("---\ntitle: Guide\ntopic: docs\n---\n\n## Task\n")
    _git(repo, "add", "-A")
    code, out = _pre_commit(repo)
    assert code == 0 and "nothing to lint" in out, out
