"""What README.md, CONTRIBUTING.md and docs/ tell a reader to type, held to the app: the key
table to the screens' bindings, the command tour to the commands and their options, the
settings to their defaults, and every link between the docs to a file and heading.

The docs drifted from the code over many rounds (a command missing from the tour, keys no
doc named); these fail when the code changes and the docs do not.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import click
import pytest
from textual.app import App
from textual.binding import Binding

from quiz.bank.models import REQUIRED_SECTIONS
from quiz.bank.schema import (
    ChoiceFront,
    CodingFront,
    ConceptFront,
    NumericFront,
    PackInfo,
    Tolerance,
)
from quiz.cli.group import COMMAND_MODULES, HELP_COMMAND, cli
from quiz.cli.schemas import PlanReport, PlanTodayReport
from quiz.settings import KEYS, Settings, format_value
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.drills import DrillsScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.settings import SettingsScreen, ValueBox
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answers import ChoicePicker, KeyPointChecklist
from tests.conftest import RunDrillbit

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
COMMANDS_DOC = REPO / "docs" / "commands.md"
"""Each command's full behaviour, one `## drillbit NAME` heading a command, the settings and
what every command shares: the README's tour is one line a command and links here."""
STUDY_DOC = REPO / "docs" / "study.md"
"""The study session's behaviour, moved out of the README's tour."""
DOCS = [
    README,
    REPO / "CONTRIBUTING.md",
    REPO / "CHANGELOG.md",
    *sorted((REPO / "docs").glob("*.md")),
]
LOGS = {REPO / "CHANGELOG.md", REPO / "docs" / "performance.md", REPO / "docs" / "plan-7-days.md"}
"""History (what was true then): their links are checked, their command lines are not."""

SCREENS: dict[str, tuple[type, ...]] = {
    "every screen": (DrillbitApp, App),
    "Home": (HomeScreen,),
    "study": (StudyScreen, ChoicePicker, KeyPointChecklist),
    "drill": (DrillScreen,),
    "card browser": (BrowserScreen,),
    "drill list": (DrillsScreen,),
    "stats": (StatsScreen,),
    "settings": (SettingsScreen, ValueBox),
    "summary": (SummaryScreen,),
    "help": (HelpScreen,),
    "confirm": (ConfirmScreen,),
}
"""The key table's screen names (docs/study.md's Keys) and the classes whose BINDINGS they
mean."""

KEY_NAMES = {"esc": "escape", "?": "question_mark", ",": "comma"}
"""How the key table writes a key -> Textual's name for it."""


def key_name(written: str) -> str:
    """Textual's name for a key as the docs write it: `esc`, `?`, and a ctrl key as the
    app writes it, `^t` (ctrl+t)."""
    if written.startswith("^") and len(written) > 1:
        return f"ctrl+{written[1:]}"
    return KEY_NAMES.get(written, written)


def section(text: str, heading: str) -> str:
    """The body of the `## heading` section of a Markdown text."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def table_rows(text: str) -> list[list[str]]:
    """The cells of each body row of the Markdown tables in `text` (`\\|` kept as `|`)."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        rows.append(cells)
    return rows[1:] if rows else rows  # the header


def bindings(classes: tuple[type, ...]) -> list[Binding]:
    return [
        b for cls in classes for b in cls.__dict__.get("BINDINGS", ()) if isinstance(b, Binding)
    ]


def readme_keys() -> list[tuple[str, list[str], str, bool]]:
    """(screen, Textual key names, name, shown in the footer) of each row of the key table,
    docs/study.md's Keys (the README's until the forty-first round, which links there)."""
    rows = []
    for screen, keys, name, what in table_rows(section(STUDY_DOC.read_text(), "Keys")):
        names = [key_name(k) for k in re.findall(r"`([^`]+)`", keys)]
        rows.append((screen, names, name, "not shown" not in what))
    return rows


def test_the_readme_key_table_names_only_keys_the_screens_bind() -> None:
    rows = readme_keys()
    assert len(rows) > 50
    for screen, keys, name, shown in rows:
        assert screen in SCREENS, f"docs/study.md key table: unknown screen {screen!r}"
        declared = bindings(SCREENS[screen])
        for key in keys:
            found = [b for b in declared if key in b.key.split(",") and b.description == name]
            assert found, f"docs/study.md: {screen} binds no {key!r} named {name!r}"
            assert any(b.show is shown for b in found), (
                f"docs/study.md: {screen}'s {key} {name} is {'not ' if shown else ''}in the footer"
            )


def test_every_key_a_footer_shows_is_in_the_readme_key_table() -> None:
    documented = {(s, key, name) for s, keys, name, _ in readme_keys() for key in keys}
    for screen, classes in SCREENS.items():
        for b in bindings(classes):
            if not b.show or not b.description:
                continue
            for key in b.key.split(","):
                assert (screen, key, b.description) in documented, (
                    f"docs/study.md's key table lacks {screen}: {key} {b.description}"
                )


def tour() -> dict[str, set[str]]:
    """Each command the README's tour names -> the options its row writes."""
    rows: dict[str, set[str]] = {}
    for command, _ in table_rows(section(README.read_text(), "A short tour")):
        usage = command.strip("`")
        assert usage.startswith("drillbit"), command
        words = usage.split()
        name = words[1] if len(words) > 1 and re.fullmatch(r"[a-z-]+", words[1]) else ""
        rows[name] = set(re.findall(r"--[a-z][a-z-]*", usage))
    return rows


def test_the_readme_tour_has_every_command() -> None:
    assert set(tour()) == {"", *COMMAND_MODULES, HELP_COMMAND}


def test_the_readme_tour_is_one_short_line_a_command() -> None:
    """Its cells ran to 250 words and a new user could not find what to type: each row now
    fits a line a reader scans, the full text in docs/commands.md."""
    for command, what in table_rows(section(README.read_text(), "A short tour")):
        assert len(what.split()) <= 16, f"the tour's {command} row says too much: {what!r}"


def commands_doc() -> list[tuple[str, set[str]]]:
    """(command name, the options its usage line writes) under each `## drillbit NAME`
    heading of docs/commands.md, in the file's order."""
    found = re.findall(
        r"^## drillbit ?([a-z-]*)\n\n`drillbit([^`]*)`", COMMANDS_DOC.read_text(), re.M
    )
    return [(name, set(re.findall(r"--[a-z][a-z-]*", usage))) for name, usage in found]


def test_docs_commands_has_every_command_in_the_tours_order() -> None:
    assert [name for name, _ in commands_doc()] == list(tour())


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_the_options_of_docs_commands_exist(name: str) -> None:
    written = dict(commands_doc())[name]
    assert written <= options(name)
    assert tour()[name] <= written, "the tour names an option the full text leaves out"


def options(name: str) -> set[str]:
    """The options of command `name` (of either subcommand of a group: export anki|progress),
    with the root's, which every command takes too."""
    command = cli.get_command(click.Context(cli), name)
    assert command is not None, name
    commands = [command]
    if isinstance(command, click.Group):
        commands = [command.commands[n] for n in command.list_commands(click.Context(command))]
    return {o for c in [cli, *commands] for p in c.params for o in p.opts} | {"--help"}


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_the_options_of_the_readme_tour_exist(name: str) -> None:
    assert tour()[name] <= options(name)


def written_arguments(usage: str) -> list[str]:
    """The argument names a usage line writes, in order and once each (`config [KEY [VALUE]]
    [KEY --reset]`: KEY, VALUE): the options and their values taken out, `NOTES.md` read as
    NOTES."""
    text = usage.replace("\\|", "|")
    while re.search(r"\[-[^\[\]]*\]", text):  # `[--pack P]`, `[--json|--format exercism]`
        text = re.sub(r"\[-[^\[\]]*\]", "", text)
    text = re.sub(
        r"(?<![\w-])--?[a-z][a-z-]*(?: [A-Z][A-Z0-9-]*)?", "", text
    )  # `--interview YYYY-MM-DD`
    return list(dict.fromkeys(re.findall(r"\b[A-Z]{2,}\b", text)))


def arguments(name: str) -> list[str]:
    """The metavars of command `name`'s arguments as its `--help` usage writes them, but for
    one of fixed choices, which the docs write as the choices (`schema [card|verdict|...]`)."""
    command = cli if not name else cli.get_command(click.Context(cli), name)
    assert command is not None, name
    commands = [command]
    if isinstance(command, click.Group) and name:  # export: FILE after anki|progress
        commands = [command.commands[n] for n in command.list_commands(click.Context(command))]
    found = [
        word
        for c in commands
        for p in c.params
        if isinstance(p, click.Argument) and not isinstance(p.type, click.Choice)
        for word in re.findall(r"[A-Z]+", p.make_metavar(click.Context(c)))
    ]
    return list(dict.fromkeys(found))


def test_usage_lines_are_read_for_their_arguments() -> None:
    assert written_arguments(" config [KEY [VALUE]] [KEY --reset]") == ["KEY", "VALUE"]
    usage = " plan --interview YYYY-MM-DD [--minutes-per-day N] [--json\\|--format exercism]"
    assert written_arguments(usage) == []
    assert written_arguments(" import NOTES.md [--pack P]") == ["NOTES"]


@pytest.mark.parametrize(
    "doc", [d for d in DOCS if d not in LOGS], ids=lambda p: str(p.relative_to(REPO))
)
def test_every_command_line_in_the_docs_writes_only_its_commands_arguments(doc: Path) -> None:
    """`drillbit grade ID FILE` and `drillbit schema NAME` sat in the docs where the
    commands' `--help` say DRILL and KIND: a placeholder a code span or fenced line writes
    is one of its command's argument names (a fixed-choice one's too)."""
    text = doc.read_text()
    spans = re.findall(r"`(?:uv run )?drillbit ([^`]+)`(?! note)", text)
    spans += fenced_command_lines(text)
    for span in spans:
        words = re.sub(r"'[^']*'|\"[^\"]*\"", "", span).split()  # a quoted name is a value
        while words[:1] == ["--content"]:
            words = words[2:]
        if not words or words[0] not in {*COMMAND_MODULES, HELP_COMMAND}:
            continue
        command = cli.get_command(click.Context(cli), words[0])
        assert command is not None
        commands = [command]
        if isinstance(command, click.Group):
            commands = [command.commands[n] for n in command.list_commands(click.Context(command))]
        names = {
            word
            for c in commands
            for p in c.params
            if isinstance(p, click.Argument)
            for word in re.findall(r"[A-Z]+", p.make_metavar(click.Context(c)))
        }
        written = set(written_arguments(" " + " ".join(words[1:])))
        assert written <= names, f"{doc.name}: `drillbit {span}` writes {written - names}"


def test_the_tour_and_docs_commands_name_each_commands_arguments_as_its_help_does() -> None:
    """The tour wrote `drillbit watch ID FILE` and `drillbit drill [ID]` where their `--help`
    says DRILL, as `hint` and `grade` do: a reader could not tell a drill id from a card's."""
    tour_rows = table_rows(section(README.read_text(), "A short tour"))
    usages = [command.strip("`") for command, _ in tour_rows]
    usages += re.findall(
        r"^## drillbit ?[a-z-]*\n\n`(drillbit[^`]*)`", COMMANDS_DOC.read_text(), re.M
    )
    assert len(usages) > 40
    wrong = []
    for usage in usages:
        words = usage.split(" ", 2)[1:] + ["", ""]
        name, rest = (words[0], words[1]) if re.fullmatch(r"[a-z-]+", words[0]) else ("", usage)
        if written_arguments(rest) != arguments(name):
            wrong.append(f"`{usage}`: {' '.join(arguments(name)) or 'no arguments'}")
    assert wrong == [], "\n".join(wrong)


def fenced_command_lines(text: str) -> list[str]:
    """What follows `drillbit ` on each line of a fenced block that runs it (`$ drillbit`,
    `uv run drillbit`, `uvx --from git+URL drillbit`), its `# comment` left out: the code
    spans' check never read them, so a fenced example could name an option that is gone."""
    found = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL):
        for line in block.splitlines():
            command = re.match(
                r"\s*(?:- run: )?(?:\$ )?(?:uv run |uvx \S+ \S+ )?drillbit (.*)", line
            )
            if command is not None:
                found.append(command.group(1).split(" #")[0].rstrip())
    return found


def test_fenced_command_lines_are_read() -> None:
    text = "```\n$ drillbit import notes.md --pack notes\ndrillbit plan --clear  # back\n```\n"
    assert fenced_command_lines(text) == ["import notes.md --pack notes", "plan --clear"]


@pytest.mark.parametrize(
    "doc", [d for d in DOCS if d not in LOGS], ids=lambda p: str(p.relative_to(REPO))
)
def test_every_command_line_in_the_docs_names_a_command_and_its_options(doc: Path) -> None:
    """`drillbit NAME ... --option` in a code span or a line of a fenced block (`$ drillbit
    import notes.md --pack notes`): NAME a command, each option one of its."""
    text = doc.read_text()
    # `drillbit choice` note: a note type of the Anki export, not a command
    spans = re.findall(r"`(?:uv run )?drillbit ([^`]+)`(?! note)", text)
    spans += fenced_command_lines(text)
    for span in spans:
        words = span.split()
        while words[:1] == ["--content"]:  # the root's option before the command name
            words = words[2:]
        if not words or not re.fullmatch(r"[a-z][a-z-]*", words[0]):
            continue  # `drillbit [--json]`, `drillbit ...`
        name, rest = words[0], " ".join(words[1:])
        known = name in COMMAND_MODULES or name == HELP_COMMAND
        assert known, f"{doc.name}: `drillbit {span}` names no command"
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", rest):
            assert option in options(name), f"{doc.name}: `drillbit {span}`: no {option}"


def test_the_documented_settings_are_the_settings_with_their_defaults() -> None:
    text = " ".join(COMMANDS_DOC.read_text().split())
    listed = text[text.index("Settings (`drillbit config`") :]
    listed = listed[: listed.index("A bad value")]
    found = dict(re.findall(r"`([a-z_]+)` \(([^;:)]+)", listed))
    assert list(found) == list(KEYS)
    defaults = Settings()
    for key, value in found.items():
        assert value == format_value(getattr(defaults, key)), key


def anchors(path: Path) -> set[str]:
    """GitHub's anchors of a Markdown file's headings (fenced code left out)."""
    seen: dict[str, int] = {}
    fenced = False
    for line in path.read_text().splitlines():
        if line.startswith("```"):
            fenced = not fenced
        heading = re.match(r"#{1,6} (.*)", line)
        if fenced or heading is None:
            continue
        slug = re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-")
        seen[slug] = seen.get(slug, -1) + 1
    return {f"{s}-{n}" if n else s for s, count in seen.items() for n in range(count + 1)}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_links_between_the_docs_resolve(doc: Path) -> None:
    text = re.sub(r"`[^`\n]*`", "", doc.read_text())  # code spans are examples
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (doc.parent / path).resolve() if path else doc
        assert linked.exists(), f"{doc.name}: {target} names no file"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), f"{doc.name}: {target} names no heading"


@pytest.mark.parametrize(
    ("doc", "before"),
    [
        ("CONTRIBUTING.md", "one module per command\n            group ("),
        ("docs/architecture.md", "is one module ("),
    ],
)
def test_the_docs_name_every_command_module(doc: str, before: str) -> None:
    text = (REPO / doc).read_text()
    listed = text[text.index(before) + len(before) :].split(")")[0]
    assert set(re.findall(r"[a-z]+", listed)) == set(COMMAND_MODULES.values()), doc


def test_every_environment_variable_the_code_reads_is_documented() -> None:
    """docs/commands.md's "Every command" names them all; the README links there."""
    code = "".join(p.read_text() for top in ("quiz", "engine") for p in (REPO / top).rglob("*.py"))
    names = set(re.findall(r"\b_?DRILLBIT_[A-Z_]+\b", code))
    assert {"DRILLBIT_HOME", "DRILLBIT_CONTENT"} <= names
    shared = section(COMMANDS_DOC.read_text(), "Every command")
    assert {n for n in names if n not in shared} == set()
    assert "docs/commands.md#every-command" in README.read_text()


def test_the_card_examples_of_the_readme_and_contributing_lint_clean(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """A reader copies them: each example card, renamed (its id is a bundled card's), lints
    clean in a pack of its own."""
    pack = tmp_path / "examples"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        "title: Examples\ndescription: The docs' cards.\nversion: 1.0.0\n"
    )
    examples = [
        card
        for doc in (README, REPO / "CONTRIBUTING.md")
        for card in re.findall(r"```markdown\n(---\n.*?)```", doc.read_text(), re.S)
    ]
    assert len(examples) >= 2
    for card in examples:
        front = re.search(r"^id: (.+)$", card, re.M)
        topic = re.search(r"^topic: (.+)$", card, re.M)
        assert front and topic, card
        renamed = f"{front.group(1)}-example"
        (pack / topic.group(1)).mkdir(exist_ok=True)
        text = card.replace(f"id: {front.group(1)}", f"id: {renamed}")
        (pack / topic.group(1) / f"{renamed}.md").write_text(text)
    result = drillbit("lint", str(pack))
    assert result.returncode == 0 and "no problems" in result.stderr + result.stdout, (
        result.stdout + result.stderr
    )


SECURITY_CLAIMS: dict[str, str] = {
    "no scipy": "test_answers_sandboxed.py::test_a_library_the_sandbox_lacks_is_named_as_such",
    "A verdict's `isolation` lists each layer": "test_layers.py::test_every_verdict_lists_the_layers_it_had",
    "`drillbit doctor` starts a real child": "test_doctor.py::test_doctor_says_how_to_get_the_missing_layers",
    "runaway CPU": "test_adversarial.py::test_cpu_hard_limit_when_sigxcpu_is_ignored",
    "memory (512 MiB of address space": "test_adversarial.py::test_submission",
    "file size": "test_adversarial.py::test_submission",
    "queued signals and POSIX timers": "test_resources.py::test_posix_timers_stop_at_the_queued_signals_limit",
    "the process group is killed at the deadline": "test_adversarial.py::test_hanging_on_the_second_case_names_it",
    "dies with the app if the app is killed first": "test_resources.py::test_a_running_submission_dies_with_the_app",
    "the parent kills a child whose work dir passes 64 MiB": "test_resources.py::test_a_file_writing_loop_is_killed_at_the_quota_without_bwrap",
    "files it unlinks while holding them open": "test_resources.py::test_files_unlinked_while_open_stay_within_the_limits",
    "nested more than 64 deep": "test_work_dir.py::test_a_nest_deeper_than_recursion_and_paths_is_removed",
    "made unlistable": "test_work_dir.py::test_the_quota_walk_does_not_skip_what_it_cannot_reach",
    "removes that dir whatever modes": "test_resources.py::test_directories_the_submission_locked_are_removed",
    "explains refusals in plain words": "test_adversarial.py::test_submission",
    "the kernel refuses new processes": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "(threads are fine)": "test_kernel_layers.py::test_threads_still_work",
    "signals/pidfds/ptrace to other processes": "test_kernel_layers.py::test_the_grading_app_cannot_be_signalled",
    "making another process a descriptor's owner": "test_other_processes.py::test_the_grading_app_cannot_be_signalled_through_a_file_owner",
    "CPU affinity or scheduling": "test_other_processes.py::test_the_grading_app_keeps_its_scheduling",
    "System V and POSIX message IPC": "test_other_processes.py::test_no_ipc_object_outlives_the_grading",
    "`mknod`": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "namespaces, `setsid` and changing the limits": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "changing a file's mode, owner, times": "test_lasting_changes.py::test_no_file_mode_owner_or_time_changes",
    "extended attributes or flags and truncating one by its path": "test_lasting_changes.py::test_no_extended_attributes_or_truncation_by_path",
    "creating a file whose mode has the set-user-ID or set-group-ID bit": "test_lasting_changes.py::test_no_set_user_or_group_id_file_is_created",
    "a new folder never has them": "test_lasting_changes.py::test_no_set_id_bit_by_a_new_folder_or_a_mode_change",
    "reading its extended attributes by its path": "test_file_metadata.py::test_no_extended_attribute_is_read_by_path",
    "`shutil.copy`, `copy2` and `copytree` in the work dir still copy": "test_file_metadata.py::test_shutil_copies_a_file_in_every_mode",
    "file leases": "test_lasting_changes.py::test_no_lease_on_a_shared_file",
    "inotify/fanotify watches": "test_lasting_changes.py::test_no_watch_on_the_users_folders",
    "blocks allocated past a file's end": "test_work_dir.py::test_no_blocks_past_a_files_end",
    "typing into a terminal": "test_terminal_input.py::test_terminal_input_requests_are_refused",
    "changing one (its modes, size, flow": "test_terminal_input.py::test_no_terminal_of_the_users_is_changed",
    "the powers an app run as root would hand on": "test_lasting_changes.py::test_no_root_powers_over_the_machine",
    "no network": "test_layers.py::test_bwrap_alone_has_no_network",
    "private PID": "test_layers.py::test_bwrap_alone_hides_the_parent",
    "private PID/IPC/UTS namespaces": "test_layers.py::test_bwrap_gives_the_child_namespaces_of_its_own",
    "the memory of your other processes": "test_other_processes.py::test_with_seccomp_alone_a_submission_reads_another_programs_memory",
    "a 16 MiB `/dev/shm`": "test_resources.py::test_dev_shm_is_bounded_under_bwrap",
    "no `/proc`": "test_layers.py::test_the_command_lines_and_mounts_name_no_host_path",
    "with an empty folder over every folder of Python packages there": "test_system_packages.py::test_the_systems_python_packages_cannot_be_read_or_imported",
    "not the system's own Python packages among them": "test_system_packages.py::test_the_systems_python_packages_cannot_be_read_or_imported",
    "the kernel lets the code open only the stdlib": "test_kernel_layers.py::test_landlock_confines_the_files_without_bwrap",
    "not the base interpreter's own site-packages": "test_kernel_layers.py::test_landlock_keeps_the_base_interpreters_packages_out",
    "read a file's size": "test_file_metadata.py::test_what_stat_and_readlink_still_tell_in_each_mode",
    "**can read and change your files**, and through": "test_other_processes.py::test_without_a_file_system_layer_every_verdict_says_what_is_left_open",
    "which it can rewrite as well as read": "test_other_processes.py::test_with_seccomp_alone_a_submission_rewrites_another_programs_memory",
    "(not the app's": "test_other_processes.py::test_a_submission_cannot_reach_the_apps_memory_with_seccomp_alone",
    "nor another sandbox child's": "test_other_processes.py::test_a_waiting_sibling_worker_is_out_of_reach",
    "Nor can it find another child's work dir": "test_other_processes.py::test_no_other_work_dir_can_be_written",
    "a descriptor of its `/proc/<pid>/mem` opened then keeps": "test_other_processes.py::test_a_memory_descriptor_opened_before_undumpable_keeps_working",
    "a child of an app run as root holds root's capabilities": "test_other_processes.py::test_a_child_of_an_app_run_as_root_is_never_reachable",
    "each child makes itself undumpable": "test_other_processes.py::test_the_child_cannot_make_itself_dumpable_again",
    "the shared memory files of `/dev/shm`": "test_shared_memory_files.py::test_a_file_written_to_dev_shm_stays_only_with_seccomp_alone",
    "it can write to one": "test_terminal_input.py::test_only_seccomp_alone_writes_to_a_terminal_of_the_users",
    "every verdict, `drillbit grade` and the drill screen say so": "test_kernel_layers.py::test_without_any_kernel_layer_every_verdict_says_so",
    "none of its capabilities": "test_lasting_changes.py::test_no_root_powers_over_the_machine",
    "best-effort self-checks": "test_self_checks.py::test_the_verdict_says_the_self_checks_are_best_effort",
    "checked-hash `.pyc`": "test_pycache.py::test_the_pycs_are_checked_hash",
    "is given only to children a kernel layer keeps from writing it": "test_pycache.py::test_a_confined_child_cannot_poison_the_cache",
    "every later child, under bubblewrap or Landlock, ran its code": "test_pycache.py::test_a_child_without_a_file_system_layer_cannot_poison_a_later_grading",
    "a cache is handed out only while every `.pyc` in it keeps the stamp": "test_pycache.py::test_every_pyc_carries_the_stamp_and_any_rewrite_loses_it",
    "rewrite a `.pyc` between that check and": "test_pycache.py::test_a_pyc_rewritten_after_the_check_is_not_imported",
    "held their lock until its": "test_pycache.py::test_a_child_holding_the_caches_lock_stalls_no_other_grading",
    "a folder at the lock's name or a file at the root's name": "test_pycache.py::test_a_child_cannot_take_the_cache_away_for_good",
    "such a child can change numpy's sources": "test_pycache.py::test_only_a_child_without_a_file_system_layer_can_change_numpys_source",
    "a build folder it nested 3,000 deep there": "test_pycache.py::test_a_nest_planted_in_the_cache_root_stops_no_later_grading",
    "nor does the bytecode cache, of which only numpy's sandbox layout": "test_layers.py::test_the_bytecode_cache_names_no_host_path_under_bwrap",
    "a call made through another ABI than the machine's": "test_more_escapes.py::test_a_call_through_another_abi_kills_the_child",
    "a finished cache is never changed or moved": "test_pycache.py::test_a_retired_cache_stays_until_no_process_holds_it",
    "removed by the next drillbit that grades": "test_resources.py::test_work_dirs_of_dead_parents_are_swept",
    "locked by its app (`flock`)": "test_work_dir.py::test_a_locked_work_dir_is_kept_whatever_the_pid_in_its_name",
    "two sweeps never remove the same dir": "test_work_dir.py::test_two_sweeps_never_remove_the_same_dir",
    "never writable where one can find it": "test_work_dir.py::test_a_dir_is_never_writable_where_a_child_finds_it",
    "open files": "test_resources.py::test_open_files_stop_at_the_limit",
    "a 96 MiB tmpfs home": "test_resources.py::test_the_home_is_a_bounded_tmpfs_under_bwrap",
    "`mount`": "test_kernel_layers.py::test_the_kernel_refuses_without_the_hooks",
    "no real-time or raised priority": "test_resources.py::test_no_real_time_or_raised_priority",
}
"""A claim of docs/grading.md's sandbox section (the README's security section until the
forty-first round), or of docs/security.md, the detail it links
(the self-checks, the bytecode cache) -> a test of tests/sandbox that shows it.
`mount`'s test shows the call refused, which the dropped capabilities would refuse too."""

SECURITY_DOC = REPO / "docs" / "security.md"
GRADING_DOC = REPO / "docs" / "grading.md"
SANDBOX_SECTION = "The sandbox: what it protects, and what it does not"


@pytest.mark.parametrize(("claim", "test"), SECURITY_CLAIMS.items(), ids=list(SECURITY_CLAIMS))
def test_each_security_claim_of_the_docs_has_its_test(claim: str, test: str) -> None:
    layers = section(GRADING_DOC.read_text(), SANDBOX_SECTION)
    text = " ".join((layers + SECURITY_DOC.read_text()).split())
    assert claim in text, f"neither grading.md's sandbox section nor security.md says {claim!r}"
    module, name = test.split("::")
    source = (REPO / "tests" / "sandbox" / module).read_text()
    assert re.search(rf"^(async )?def {name}\(", source, re.M), f"{test} is gone"


def test_the_docs_name_every_lint_warning() -> None:
    """The README said there was one warning (answer positions) when lint had three; the
    list is under docs/commands.md's `drillbit lint` now."""
    warnings = set()
    for path in (REPO / "quiz" / "bank").glob("*.py"):
        source = path.read_text()
        for at in [m.start() for m in re.finditer(r'severity="warning"', source)]:
            codes = re.findall(r'"([a-z]+(?:-[a-z]+)+)",\s*$', source[max(0, at - 800) : at], re.M)
            assert codes, f"{path.name}: a warning without a code before it"
            warnings.add(codes[-1])
    assert warnings >= {"answer-position"}
    text = section(COMMANDS_DOC.read_text(), "drillbit lint")
    said = text[text.index("Warnings (printed with") :]
    assert set(re.findall(r"`([a-z]+(?:-[a-z]+)+)`", said)) == warnings
    count = re.search(r"today there are ([a-z]+(?:-[a-z]+)?):", said)  # twenty-four
    assert count is not None, "docs/commands.md no longer says how many warnings there are"
    assert count.group(1) == NUMBER_WORDS[len(warnings)], "the count of lint warnings"


NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three"
    " twenty-four twenty-five"
).split()
"""How the docs write a count: "today there are sixteen" went stale with each new warning."""


def test_the_docs_state_the_key_point_suggestion_rule_the_code_follows() -> None:
    """The rating enter takes after ticking key points was in a docstring only: a user who
    ticked 2 of 6 saw "Again" suggested with no word of why. docs/study.md states the rule
    (the README's first session links there); this holds the rule to `suggested_rating` for
    every count of points a card may have."""
    from fsrs import Rating

    from quiz.study import suggested_rating

    text = " ".join(STUDY_DOC.read_text(encoding="utf-8").split())
    assert (
        "every point ticked suggests Good, at least half Hard, fewer Again (2 of 6 is Again" in text
    )
    for total in range(1, 8):
        for ticked in range(total + 1):
            if ticked == total:
                stated = Rating.Good
            elif 2 * ticked >= total:
                stated = Rating.Hard
            else:
                stated = Rating.Again
            assert suggested_rating(ticked, total) == stated, (ticked, total)


MOVED_OUT_OF_THE_README = [
    "commands.md",
    "study.md",
    "security.md",
    "anki-and-backups.md",
    "grading.md",
]
"""The docs that hold what the README's tour, session paragraphs, Security and Anki sections
said in full until the thirty-second round, and (grading.md) its sandbox layers and
performance figures until the forty-first."""


def test_the_readme_links_the_detail_it_moved_out() -> None:
    """Moved out, not away: a reader of the README reaches each of them in one click."""
    readme = README.read_text()
    assert [d for d in MOVED_OUT_OF_THE_README if f"](docs/{d}" not in readme] == []


def test_every_doc_is_linked_from_another() -> None:
    """A page in docs/ that nothing links is a page no reader finds."""
    linked = {
        ((doc.parent / target).resolve(), doc.resolve())
        for doc in DOCS
        for target in re.findall(r"\]\(([^)#\s]+)", doc.read_text())
        if not re.match(r"[a-z]+:", target)
    }
    pages = sorted((REPO / "docs").glob("*.md"))
    orphans = [p.name for p in pages if not any(t == p.resolve() != by for t, by in linked)]
    assert orphans == []


def commands_doc_sections() -> dict[str, str]:
    """Each `## drillbit NAME` section of docs/commands.md (the app's own under "")."""
    text = COMMANDS_DOC.read_text()
    names = re.findall(r"^## drillbit ?([a-z-]*)$", text, re.M)
    return {name: section(text, f"drillbit {name}".rstrip()) for name in names}


def commands_and_subcommands() -> list[tuple[str, click.Command]]:
    """(doc section name, command) for the root, every command and each subcommand of a
    group (`export anki`, documented under `drillbit export`)."""
    found: list[tuple[str, click.Command]] = [("", cli)]
    for name in sorted(COMMAND_MODULES):
        command = cli.get_command(click.Context(cli), name)
        assert command is not None, name
        found.append((name, command))
        if isinstance(command, click.Group):
            found += [
                (name, command.commands[n]) for n in command.list_commands(click.Context(command))
            ]
    return found


def test_docs_commands_names_every_option_of_each_command() -> None:
    """A reader of docs/commands.md never met `export --force`, `import --difficulty`,
    `lint --no-drills` or `--git-deleted`, `serve --host` or `drillbit --version`: each
    long option of a command is now named in its section (`--content`, shared, under
    "Every command")."""
    sections = commands_doc_sections()
    shared = section(COMMANDS_DOC.read_text(), "Every command")
    missing = []
    for name, command in commands_and_subcommands():
        for param in command.params:
            for opt in [o for o in param.opts if o.startswith("--")]:
                text = shared if opt == "--content" else sections[name]
                if not re.search(rf"{re.escape(opt)}(?![\w-])", text):
                    missing.append(f"drillbit {name} {opt}".replace("  ", " "))
    assert missing == []


def test_the_choices_docs_commands_lists_are_the_commands_choices() -> None:
    """`--sort due|difficulty|lapses` left out `content`, the default: a list of values in
    a usage line (docs/commands.md's, the README tour's) is the option's whole list of
    choices, and a bracketed list of a command's argument (`schema [card|verdict|...]`)
    the argument's ("..." ends a list that says it is cut)."""
    sections = commands_doc_sections()
    tour_rows = {
        usage.split()[1] if usage.count(" ") else "": usage
        for usage in (
            cells[0].strip("`") for cells in table_rows(section(README.read_text(), "A short tour"))
        )
    }
    checked = 0
    for name, command in commands_and_subcommands():
        usage = re.search(r"`drillbit[^`]*`", sections[name])
        assert usage is not None, name
        for where, line in [("docs/commands.md", usage.group()), ("README", tour_rows[name])]:
            for param in command.params:
                if not isinstance(param.type, click.Choice):
                    continue
                if isinstance(param, click.Option):
                    opt = re.escape(param.opts[0])
                    written = re.search(rf"{opt}[ =]([a-z]+(?:\|[a-z]+)+)", line)
                else:
                    written = re.search(r"\[([a-z]+(?:\|[a-z]+)+)\]", line)
                if written is None:
                    continue
                checked += 1
                assert written.group(1).split("|") == list(param.type.choices), (
                    f"{where}: drillbit {name} {param.opts[0]}"
                )
    assert checked >= 7


def test_the_readme_is_read_in_five_minutes() -> None:
    """It had grown to 705 lines and 9,600 words, its reference (the sandbox's layers, the
    lint hook, the importer's shapes, the server's defences, every key) duplicating docs/:
    that lives in docs/ now, linked, and the README stays what a new user reads before a
    first session (about 250 words a minute, its tables scanned rather than read)."""
    assert len(README.read_text().split()) <= 2000


def test_the_readme_names_each_system_package_with_what_is_lost_without_it() -> None:
    """bubblewrap was named in the quick start, libseccomp and chromium only deep in the
    security section: a user on a bare machine learns up front what each one gives."""
    text = " ".join(section(README.read_text(), "System packages").split())
    for package, lost in [
        ("bubblewrap", "namespaces"),
        ("libseccomp", "seccomp"),
        ("chromium", "browser test"),
    ]:
        assert package in text and lost in text, package


def test_the_keys_the_readme_names_are_in_the_key_table() -> None:
    """The README's session, Keys and browser paragraphs name keys in passing (`d`, `f4`,
    `ctrl+t`): each is a row of docs/study.md's key table, which the tests above hold to
    the screens' bindings, so a key the app drops cannot linger in the README. `ctrl+p` is
    Textual's command palette, which no screen of ours binds."""
    table = {key for _, keys, _, _ in readme_keys() for key in keys} | {"ctrl+p"}
    readme = README.read_text()
    named = [
        key
        for heading in ("A first session", "Keys", "In a browser")
        for key in re.findall(r"`([^`\s]{1,12})`", section(readme, heading))
        if not key.startswith("-")
    ]
    assert len(named) > 15
    assert [k for k in named if key_name(k) not in table] == []


USER_DOCS = [doc for doc in DOCS if doc not in LOGS]
"""The docs that say what is true now (LOGS say what was true then)."""


@pytest.mark.parametrize("doc", USER_DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_the_python_files_the_docs_name_exist(doc: Path) -> None:
    """A module renamed or split (`quiz/cli/main.py` became `quiz/cli/group.py`) left its
    old path in the page that sent a contributor there; a `.py` path a doc names, in the
    repository's own folders, is one a reader can open."""
    named = re.findall(r"(?<![\w./-])((?:quiz|engine|tests|bench)/[\w/.-]*\.py)\b", doc.read_text())
    assert [p for p in named if not (REPO / p).is_file()] == []


KEEP_A_CHANGELOG = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")


def test_the_changelog_reads_as_a_changelog() -> None:
    """Keep a Changelog's sections only ("Tests" and "Documented" headings had crept in),
    each heading once, and under it bullets (a paragraph had too)."""
    lines = (REPO / "CHANGELOG.md").read_text().splitlines()
    start = lines.index("## [Unreleased]")
    headings = [line for line in lines[start:] if line.startswith("### ")]
    assert len(headings) > 100
    assert [h for h in headings if h.split()[1] not in KEEP_A_CHANGELOG] == []
    assert [h for h in set(headings) if headings.count(h) > 1] == []
    loose = [
        f"CHANGELOG.md:{n}: {line}"
        for n, line in enumerate(lines[start + 1 :], start + 2)
        if line and not line.startswith(("### ", "## ", "- ", "  "))
    ]
    assert loose == []


def test_the_readme_says_what_each_sandbox_mode_leaves_open() -> None:
    """docs/grading.md's "What each mode means for you" names what each mode leaves open;
    the README's System packages says it too, in one clause a mode, so that a user who
    skips a package knows what it costs: Landlock lets code probe which paths exist,
    seccomp alone lets it read and change files, and without seccomp a unix socket at a
    path (an ssh agent's) is behind the audit hooks alone."""
    readme = " ".join(section(README.read_text(), "System packages").split())
    grading = " ".join((REPO / "docs" / "grading.md").read_text().split())
    for readme_says, grading_says in [
        ("which paths exist", "can still test whether any path exists"),
        ("can read and change your files", "can read and change your files"),
        ("unix socket at a path", "a unix socket at a path and UDP are reached"),
    ]:
        assert readme_says in readme, readme_says
        assert grading_says in grading, grading_says


def test_contributing_layout_names_every_module_of_quiz() -> None:
    """CONTRIBUTING.md's Layout is where a contributor looks for a file: twelve modules of
    `quiz/` (the clock, the Exercism verdict, `drillbit doctor`...) were in no line of it.
    Each module and package directly under `quiz/` is named there now."""
    text = (REPO / "CONTRIBUTING.md").read_text()
    layout = text[text.index("```\nquiz/") : text.index("\n```\n", text.index("```\nquiz/"))]
    named = set(re.findall(r"\b([a-z_]+)(?:\.py\b|/)", layout))
    quiz = REPO / "quiz"
    modules = {p.stem for p in quiz.glob("*.py") if not p.stem.startswith("__")}
    packages = {p.name for p in quiz.iterdir() if (p / "__init__.py").is_file()}
    assert sorted((modules | packages) - named) == []


RANGES_WRITTEN = {
    ("study", "--minutes"): r"`--minutes`, (\S+)-(\S+),",
    ("plan", "--minutes-per-day"): r"`--minutes-per-day`\s+(\S+)-(\S+),",
    ("plan", "--target"): r"`--target` \S+ or (\S+)-(\S+),",
    ("import", "--difficulty"): r"`--difficulty N` \((\S+) easy\s+to (\S+) hard",
    ("grade", "--case-seed"): r"`--seed N`, (\S+) to (2\*\*63 - 1),",
}
"""Where docs/commands.md writes an option's range, and how: each is read back and held to
the range click enforces."""


def written_number(text: str) -> float:
    """A bound as the docs write it: `600`, `0.99`, or a power less one, `2**63 - 1`."""
    power = re.fullmatch(r"(\d+)\*\*(\d+) - (\d+)", text)
    if power:
        base, exponent, less = (int(group) for group in power.groups())
        return int(pow(base, exponent)) - less
    return float(text) if "." in text else int(text)


def test_the_ranges_docs_commands_writes_are_the_options_ranges() -> None:
    """`--minutes` 1-600, `--minutes-per-day` 1-1440, `--target` 0.5-0.99, a difficulty of 1
    to 5 and a case seed up to 2**63 - 1: a range changed in the code is a wrong sentence in
    the docs, and the command's own error ("give one from 1 to 1440") is the first a reader
    would learn of it."""
    sections = commands_doc_sections()
    commands = dict(commands_and_subcommands())
    for (name, opt), pattern in RANGES_WRITTEN.items():
        param = next(p for p in commands[name].params if opt in p.opts)
        assert isinstance(param.type, click.IntRange | click.FloatRange), opt
        written = re.search(pattern, sections[name])
        assert written is not None, f"docs/commands.md: drillbit {name} {opt}'s range"
        low, high = (written_number(bound) for bound in written.groups())
        assert (low, high) == (param.type.min, param.type.max), f"drillbit {name} {opt}"


def test_contributing_names_every_card_field_and_section() -> None:
    """CONTRIBUTING.md "describes every field and section" (the README's promise): each
    front-matter field a card kind or a tolerance takes, each `pack.yaml` key and each
    section a kind requires is named in its card-writing parts, so a field added to the
    schema cannot go unexplained."""
    text = (REPO / "CONTRIBUTING.md").read_text()
    cards = text[text.index("\n## A pack's pack.yaml") : text.index("\n## Running every check")]
    models = (ConceptFront, ChoiceFront, NumericFront, CodingFront, Tolerance, PackInfo)
    fields = {name for model in models for name in model.model_fields}
    sections = {name for names in REQUIRED_SECTIONS.values() for name in names}
    assert len(fields) > 15 and len(sections) >= 6
    unnamed = [f for f in sorted(fields) if not re.search(rf"`{f}`|^{f}:|\b{f}:", cards, re.M)]
    assert unnamed == []
    assert [s for s in sorted(sections) if f"## {s}" not in cards] == []


def module_files() -> dict[tuple[str, ...], list[Path]]:
    """Each dotted tail of every module and package of quiz/ and engine/ (`cut`,
    `notes.cut`, `ecosystem.notes.cut`, `quiz.ecosystem.notes.cut`) -> its files."""
    found: dict[tuple[str, ...], list[Path]] = {}
    for top in ("quiz", "engine"):
        for path in (REPO / top).rglob("*.py"):
            parts = path.relative_to(REPO).with_suffix("").parts
            if parts[-1] == "__init__":
                parts, files = parts[:-1], sorted(path.parent.rglob("*.py"))
            else:
                files = [path]
            for start in range(len(parts)):
                found.setdefault(parts[start:], []).extend(files)
    return found


NOT_OUR_MODULES = {"app._notifications"}
"""Dotted names whose first word is one of our module names but means something else:
Textual's running `App` (CONTRIBUTING.md's notices), not quiz/tui/app.py."""


@pytest.mark.parametrize(
    "doc",
    [d for d in USER_DOCS if d.name != "security.md"],  # its attack log quotes others' code
    ids=lambda p: str(p.relative_to(REPO)),
)
def test_the_names_the_docs_give_in_a_module_are_there(doc: Path) -> None:
    """`notes.split_line` and `importer.parse_body` were renamed or moved (`notes.cut.cut_notes`,
    `ecosystem.cardtext.parse_body`) and the docs kept the old names: a backticked
    `module.name` whose module is one of ours names something defined in it."""
    modules = module_files()
    stale = []
    for dotted in re.findall(r"`((?:[a-z_][a-z0-9_]*\.)+[A-Za-z_]\w*)(?:\(\))?`", doc.read_text()):
        parts = tuple(dotted.split("."))
        if parts in modules or dotted in NOT_OUR_MODULES:
            continue  # a module itself
        for cut in range(len(parts) - 1, 0, -1):
            if parts[:cut] in modules:
                files, name = modules[parts[:cut]], parts[cut]
                break
        else:
            continue  # numpy's, the standard library's, a file name
        if name in {"py", "md", "toml", "json", "txt", "yaml"}:
            continue
        defined = rf"^\s*(def|class|async def) {name}\b|^\s*{name}\s*[:=]|\bimport\b.*\b{name}\b"
        if not any(re.search(defined, f.read_text(), re.M) for f in files):
            stale.append(dotted)
    assert stale == []


def test_the_architecture_diagram_is_the_layers_contract() -> None:
    """docs/architecture.md's diagram left out the view models' layer and the small bottom
    modules (the clock, plural, percent...) that pyproject.toml's layers contract lists:
    each line of it is one layer of the contract, in its order, with the same modules."""
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in contracts["contracts"] if c["type"] == "layers"]
    text = (REPO / "docs" / "architecture.md").read_text()
    diagram = text[text.index("```\nquiz.cli") : text.index("\n```\n", text.index("```\nquiz.cli"))]
    drawn = [
        set(re.split(r"\s{2,}", line)[0].split(" | "))
        for line in diagram.splitlines()[1:]
        if line.startswith(("quiz", "engine"))
    ]
    assert drawn == [set(layer.split(" | ")) for layer in layers]


def test_the_readme_names_each_bundled_pack_with_its_title() -> None:
    """The quick start says what Home will list: every bundled pack, by its folder and its
    `pack.yaml` title, and no pack the bank no longer has."""
    readme = " ".join(section(README.read_text(), "Quick start").split())
    packs = sorted((REPO / "content").glob("*/pack.yaml"))
    assert len(packs) >= 3
    for pack in packs:
        title = re.search(r"^title: (.+)$", pack.read_text(), re.M)
        assert title is not None, pack
        assert f'`{pack.parent.name}` ("{title.group(1).strip()}"' in readme, pack.parent.name
    assert len(re.findall(r'`[a-z-]+` \("', readme)) == len(packs)


DEFAULTS_WRITTEN = {
    ("lint", "--drill-timeout"): r"`--drill-timeout` seconds \((\S+) by default\)",
    ("serve", "--port"): r"`http://127\.0\.0\.1:(\d+)/`",
    ("serve", "--max-tabs"): r"at most (\d+) at once\s+\(`--max-tabs N`\)",
    ("serve", "--host"): r"`http://([\d.]+):\d+/`",
    ("import", "--difficulty"): r"to \d+ hard, default (\d+)\)",
    ("cards", "--sort"): r"`--sort`\s+says otherwise \(`(\w+)`, the default\)",
}
"""Where docs/commands.md writes an option's default, and how."""


def test_the_defaults_docs_commands_writes_are_the_options_defaults() -> None:
    """The port in the printed URL, 4 tabs, 60 s a drill, difficulty 2, the content sort:
    each default the page states is the one the command applies."""
    sections = commands_doc_sections()
    commands = dict(commands_and_subcommands())
    for (name, opt), pattern in DEFAULTS_WRITTEN.items():
        param = next(p for p in commands[name].params if opt in p.opts)
        written = re.search(pattern, sections[name])
        assert written is not None, f"docs/commands.md: drillbit {name} {opt}'s default"
        assert param.type_cast_value(click.Context(commands[name]), written.group(1)) == (
            param.default
        ), f"drillbit {name} {opt}"


def test_docs_plan_explains_every_field_of_plan_json_and_no_other() -> None:
    """docs/plan.md's `drillbit plan --json` table is where a script's author reads what a
    field means: a field the command gains, loses or renames shows here first."""
    text = (REPO / "docs" / "plan.md").read_text()
    table = text[text.index("### `drillbit plan --json`") : text.index("\n## Readiness\n")]
    written = {
        name for cells in table_rows(table) for name in re.findall(r"`([a-z_.]+)`", cells[0])
    }
    fields = set(PlanReport.model_fields) - {"schema_version"}
    fields |= {f"today.{name}" for name in PlanTodayReport.model_fields}
    assert written == fields


LINT_EXAMPLE_CARDS = {
    "ml-basics/pack.yaml": "title: ML basics\ndescripton: Metrics and regularization.\nversion: 1\n",
    "ml-basics/metrics/precision-from-counts.md": """---
id: precision-from-counts
kind: numeric
title: Precision from counts
topic: metrics
tags: []
difficulty: 2
source: Day 1 Q1
answer: 0.8
tolerance: {abs: 0.01}
---

## Question

A classifier has 8 true positives and 2 false positives. What is its precision?

## Explanation

Precision is true positives over all predicted positives: 8 / (8 + 2) = 0.8.
""",
    "ml-basics/metrics/recall-from-counts.md": """---
id: recall-from-counts
kind: numeric
title: Recall from counts
topic: metrics
tags: []
difficulty: 2
source: Day 1 Q2
answer: 0.8
tolerance: {error: 0.01}
---

## Question

A classifier has 8 true positives and 2 false negatives. What is its recall?

## Explanation

Recall is true positives over all actual positives: 8 / (8 + 2) = 0.8.
""",
    "ml-basics/regularization/dropout-rate-choice.md": """---
id: dropout-rate-choice
kind: choice
title: A usual dropout rate
topic: regularization
tags:
  - dropout
difficulty: 2
source: Day 1 Q3
choices:
  - "0.5"
  - "0.9"
  - "1.0"
  - "2.0"
answer: B
---

## Question

Which is the classic dropout rate for hidden units?

## Explanation

Srivastava et al. drop hidden units with probability 0.5; 1.0 would drop every unit.
""",
}
"""Cards with the slips CONTRIBUTING.md's lint example names, each at the line it names."""


def test_contributings_lint_example_is_what_lint_prints(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """The example listed pack.yaml's problems first, the metrics cards' last, and no summary:
    lint prints its problems sorted by path, then "5 problems in 4 files". The block is now
    lint's output for cards with those slips, line for line."""
    text = (REPO / "CONTRIBUTING.md").read_text()
    start = text.index("```text\nml-basics/") + len("```text\n")
    quoted = text[start : text.index("\n```", start)].splitlines()
    for name, body in LINT_EXAMPLE_CARDS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body)
    result = drillbit("lint", ".", cwd=tmp_path)
    assert result.returncode == 1
    printed = (result.stdout + result.stderr).splitlines()
    assert len(quoted) == 6
    assert printed == quoted


def test_the_readme_counts_the_bundled_packs_in_words() -> None:
    """The quick start's "The bank holds three packs", held to the bank as its list of
    packs is."""
    readme = " ".join(section(README.read_text(), "Quick start").split())
    packs = list((REPO / "content").glob("*/pack.yaml"))
    said = re.search(r"The bank holds ([a-z-]+) packs", readme)
    assert said is not None
    assert said.group(1) == NUMBER_WORDS[len(packs)]


def test_the_commands_help_lists_are_the_commands_the_docs_name(drillbit: RunDrillbit) -> None:
    """The command list `drillbit --help` prints (not the table behind it: `help` was in the
    README and docs/commands.md but hidden from the list) is the commands docs/commands.md
    gives a section and the README's tour a row, no more and no fewer."""
    shown = drillbit("--help")
    assert shown.returncode == 0
    listed = shown.stdout.split("Commands:")[1].split("Exit codes")[0]
    names = re.findall(r"^  ([a-z][a-z-]*) ", listed, re.M)
    assert names == sorted(set(names))
    documented = set(commands_doc_sections()) - {""}
    assert set(names) == documented, (set(names) ^ documented, "--help versus docs/commands.md")
    assert set(names) == set(tour()) - {""}, "--help versus the README's tour"


def test_the_version_docs_commands_quotes_is_the_packages(drillbit: RunDrillbit) -> None:
    """docs/commands.md quotes `drillbit --version`'s line; a release that bumps
    pyproject.toml's version makes that line false."""
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    result = drillbit("--version")
    assert result.stdout.strip() == f"drillbit, version {version}"
    assert f"`{result.stdout.strip()}`" in section(COMMANDS_DOC.read_text(), "drillbit")


def test_each_changelog_heading_has_a_blank_line_before_it() -> None:
    """The notebook import's entry ran straight into the next `### Fixed` heading: in the
    Unreleased section each heading stands after a blank line, as Keep a Changelog's do."""
    lines = (REPO / "CHANGELOG.md").read_text().splitlines()
    start = lines.index("## [Unreleased]")
    glued = [
        f"CHANGELOG.md:{n + 1}: {line}"
        for n, line in enumerate(lines[start:], start)
        if line.startswith("### ") and lines[n - 1] != ""
    ]
    assert glued == []


def test_docs_plan_quotes_the_rating_keys_note_plan_mode_shows() -> None:
    """docs/plan.md quoted the note after plan mode's rating keys as "(the interview plan
    says when it comes back)", the words the keys lost when they were made to fit one line
    at 80 columns; it quotes the note the study screen shows."""
    from quiz.study_view import PLAN_PICKS

    text = " ".join((REPO / "docs" / "plan.md").read_text().split())
    assert f'"{PLAN_PICKS}"' in text


def test_docs_study_quotes_the_rating_keys_a_new_card_shows() -> None:
    """docs/study.md quotes the rating keys of a new card under the default settings ("1
    Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d"): a new fsrs, or new default steps or
    retention, would change what the keys show, and this quote with it."""
    from datetime import UTC, datetime
    from typing import cast

    from quiz.store import Store
    from quiz.study.scheduling import preview_intervals, shown_interval
    from quiz.study_view import RatingKeys

    class NewCardsOnly:
        """A store that has seen no card: every card is new."""

        def card_state(self, card_id: str) -> None:
            return None

    spans = preview_intervals(
        cast(Store, NewCardsOnly()),
        Settings().scheduler(),
        "any-card",
        now=datetime(2026, 12, 6, 12, tzinfo=UTC),
    )
    keys = RatingKeys(
        tuple(
            (str(int(r)), f"{r.name} {shown_interval(s, plan_mode=False, same_day_steps=True)}")
            for r, s in spans.items()
        ),
        None,
    )
    text = " ".join(STUDY_DOC.read_text().split())
    assert f'("{keys.preview()}";' in text
