"""`drillbit doctor`: which isolation layers the grading sandbox really has on this machine.

Each layer is reported as the sandbox child verified it (a real child is
started for each mode), with how to get the layers that are missing.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass

from engine.sandbox import SandboxConfig
from engine.sandbox.isolation import probe_layers
from quiz.wrapping import fold_line


@dataclass(frozen=True)
class LayerState:
    """One line of the report: a layer, whether it is active, and what was said about it."""

    name: str
    active: bool
    text: str


@dataclass(frozen=True)
class ModeReport:
    """The layers of one sandbox mode, as a child started in that mode verified them."""

    title: str
    layers: tuple[LayerState, ...]
    warnings: tuple[str, ...]
    failure: str | None


def _states(layers: list[str]) -> tuple[tuple[LayerState, ...], tuple[str, ...]]:
    states, warnings = [], []
    for layer in layers:
        name, _, text = layer.partition(":")
        text = text.strip()
        if name == "warning":
            warnings.append(text)
            continue
        if name == "note":
            continue
        states.append(LayerState(name, not text.startswith(("not ", "NOT ")), text))
    return tuple(states), tuple(warnings)


def _mode(title: str, config: SandboxConfig) -> ModeReport:
    layers, failure = probe_layers(config)
    states, warnings = _states(layers)
    return ModeReport(title, states, warnings, failure)


def diagnose() -> list[ModeReport]:
    """The default mode, and the fallback (no bubblewrap) when the default uses bubblewrap."""
    default = _mode("Default mode (what `drillbit grade` and the app use)", SandboxConfig())
    reports = [default]
    if any(s.name == "bubblewrap" and s.active for s in default.layers):
        reports.append(
            _mode("Without bubblewrap (DRILLBIT_SANDBOX_BWRAP=0)", SandboxConfig(bwrap=False))
        )
    return reports


def how_to_get(state: LayerState) -> str | None:
    """A hint for a missing layer (None when nothing can be done or nothing is needed)."""
    text = state.text
    if state.active or "disabled by configuration" in text or "not needed" in text:
        return None
    if state.name == "bubblewrap":
        if "turned off" in text:
            return "bubblewrap: unset DRILLBIT_SANDBOX_BWRAP (or set it to 1) to use it"
        if "not installed" in text:
            return (
                "bubblewrap: `sudo apt-get install bubblewrap` (Debian/Ubuntu),"
                " `sudo dnf install bubblewrap` (Fedora)"
            )
        if "not available on" in text:
            return None
        return (
            "bubblewrap: it is installed but failed its self-test; unprivileged user namespaces"
            " may be disabled (`sysctl kernel.unprivileged_userns_clone=1`, or"
            " `kernel.apparmor_restrict_unprivileged_userns=0` on Ubuntu 24.04), or a container"
            " forbids them"
        )
    if state.name == "seccomp":
        if "libseccomp" in text and "not installed" in text:
            return "seccomp: `sudo apt-get install libseccomp2` (Fedora: `libseccomp`)"
        if "pyseccomp" in text:
            return "seccomp: `uv sync` installs the pyseccomp binding"
        if sys.platform != "linux":
            return None
        return f"seccomp: the filter could not be installed ({text})"
    if state.name == "landlock":
        if sys.platform != "linux":
            return None
        return (
            "landlock: needs Linux 5.13 or later with Landlock enabled"
            " (the `lsm=` boot parameter must include landlock)"
        )
    return None


MISSING_MEANS = {
    "bubblewrap": (
        "the code runs in this machine's namespaces and file system, not in private ones"
        " holding only what it may read (its own /tmp, no /proc)"
    ),
    "seccomp": (
        "the kernel does not refuse the code new processes, exec, sockets or signals;"
        " only the audit hooks do, from inside Python"
    ),
    "landlock": (
        "the kernel does not limit the files the code reads or writes; only the audit hooks"
        " refuse writes outside its work dir, from inside Python"
    ),
}
"""What grading loses without each kernel layer, said beside how to get it: a newcomer
without bubblewrap saw `[--] bubblewrap` and a command to install it, and no word on
whether drills still grade or what the missing layer would have held."""


def what_missing_means(state: LayerState) -> str | None:
    """What grading lacks without this layer (None when it is active or not needed)."""
    if state.active or "not needed" in state.text or state.name not in MISSING_MEANS:
        return None
    return f"{state.name}: {MISSING_MEANS[state.name]}"


REPORT_WIDTH = 80
"""The report's lines are folded at this width (or a narrower terminal's), each
continuation under its text: a layer of 300 to 500 characters on one line was cut
mid-word by an 80-column terminal."""


def _folded(lead: str, text: str, width: int) -> list[str]:
    """`lead` then `text`, folded at `width` columns, its further lines under the text (two
    columns in, after a lead of spaces alone)."""
    hang = len(lead) + 2 if lead.isspace() else len(lead)
    return fold_line(lead + text, width, " " * hang)


def format_report(reports: list[ModeReport], width: int = REPORT_WIDTH) -> str:
    """The report as text for the terminal, each line at most `width` columns (a word
    longer than that, a long path, stays whole)."""
    lines = _folded(
        "",
        "drillbit doctor: the grading sandbox on this machine"
        f" ({platform.system()} {platform.release()}, Python {platform.python_version()})",
        width,
    )
    hints: list[str] = []
    meanings: list[str] = []
    for index, report in enumerate(reports):
        lines += ["", f"{report.title}:"]
        if report.failure is not None:
            lines += _folded("  ", f"the sandbox could not start: {report.failure}", width)
            continue
        for state in report.layers:
            lines += _folded(
                f"  [{'ok' if state.active else '--'}] ", f"{state.name}: {state.text}", width
            )
            if index > 0:  # later modes are forced by doctor: nothing there to get
                continue
            hint, meaning = how_to_get(state), what_missing_means(state)
            if hint is not None and hint not in hints:
                hints.append(hint)
            if meaning is not None:
                meanings.append(meaning)
        for warning in report.warnings:
            lines += _folded("  ", f"WARNING: {warning}", width)
    if sys.platform != "linux":
        hints.append(
            f"on {sys.platform} no kernel layer is available: grade only code you would run"
            " yourself, or grade in a Linux VM or container with bubblewrap"
        )
    if any(report.failure is not None for report in reports):
        # no child started, so no layer was verified: never "Every layer is active."
        lines += [
            "",
            "Nothing could be graded here until the sandbox starts (the reason is above).",
        ]
        if hints:
            lines += ["Then, to get the missing layers:", *_hint_lines(hints, width)]
        return "\n".join(lines)
    if meanings:
        lead = "Drills grade here, held by the layers marked [ok]; what the others lack:"
        lines += ["", *_folded("", lead, width)]
        lines += _hint_lines(meanings, width)
    lines += ["", "How to get the missing layers:" if hints else "Every layer is active."]
    lines += _hint_lines(hints, width)
    return "\n".join(lines)


def _hint_lines(hints: list[str], width: int) -> list[str]:
    """The hints as a list, each folded under its text."""
    return [line for hint in hints for line in _folded("  - ", hint, width)]
