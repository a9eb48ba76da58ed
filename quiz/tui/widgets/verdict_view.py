"""A grading verdict on screen: the status line, a table of cases, the first failure explained."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from quiz.tui.widgets.fitted_table import FittedTable
from quiz.verdict_text import (
    NOT_WRITTEN_HEADLINE,
    folded_failure_lines,
    isolation_summary,
    isolation_warnings,
    not_written,
    not_written_line,
    outcome,
    output_tail,
    row_details,
    seed_and_time,
    short_warnings,
)

if TYPE_CHECKING:
    from engine.verdict import CaseResult, Verdict

OUTPUT_LINES = 200
"""The last lines of each stream the verdict box shows (`drillbit grade` shows 20)."""

_STYLE = {
    "passed": "bold green",
    "failed": "bold red",
    "error": "bold red",
    "timeout": "bold yellow",
    "crashed": "bold red",
    "invalid": "bold red",
    "internal": "bold magenta",
    "not_run": "dim",
}


def _failure_text(case: CaseResult, width: int | None) -> Text:
    """The first failure explained, folded to `width` cells, expected and got first: a
    SyntaxError's quote of a long code line goes on under the quote, not from the box's
    first column, and a place such as `theta[0, 0]` stays on one line (the widget's own
    wrapping cut it at its comma)."""
    text = Text()
    text.append(f"First problem: {case.name}\n", style="bold")
    lines = folded_failure_lines(case, width, values_first=True)
    text.append("\n".join(lines))
    return text


READ_KEY = "f4"
"""The one key that goes from the editor into a cut-short verdict, and back to the code
(`DrillScreen.action_read_verdict`). Reaching it took three keys, shift+tab, tab, ↓, since
tab indents in the editor; an F key, as f2 and f3 stand in for the browser's, arrives in a
terminal and in a browser tab alike."""

MORE_BELOW_KEYS = (READ_KEY, "down", READ_KEY)
"""The keys the note names, in order: into the box (which then grows), scroll it, back."""

MORE_BELOW = "▼ More below: f4 reads it all (↓ scrolls), f4 again is your code."
"""The box's last line while a failure's explanation is cut short and the box is not being
read: at 80x24 "exp overflows for arguments above" ended the box, with no sign of the rest.
On the box's top edge, away from where the eye is, a new user did not see it; "press
shift+tab, then tab, then ↓" was three keys for one wish. It fits the side-by-side box (some
70 columns at 120)."""

FULL_ISOLATION_KEY = "i"
"""While the box is being read, the key that shows each isolation layer's whole statement
in place of the one line that names them (and back)."""

READING = "f4 or tab: back to your code · ↓ ↑ pgdn scroll · i isolation"
"""The same line while the box is being read: how to get back, which nothing said, and the
key to the isolation's whole statement."""

FULL_ISOLATION_HINT = f"{READ_KEY}, then {FULL_ISOLATION_KEY}: each in full"
"""After the one isolation line while the editor has the focus: the whole statement is two
keys away (`drillbit doctor` says what each layer stops, as docs/commands.md says); "i in
this box" was a letter the editor typed at 120x40, where the line is in view."""

FULL_ISOLATION_READING = f"{FULL_ISOLATION_KEY}: each in full"
"""The same while the box is being read: one key."""


CASE_COLUMNS = ("case", "result", "detail")
CASE_NAME_FEWEST = 16
"""The fewest cells a case's name is cut to for its detail: "case 6: columns…" still says
which case it is."""


class VerdictView(VerticalScroll):
    """Shows one verdict; `show_grading` while the worker runs, `show_verdict` when it is back."""

    DEFAULT_CSS = """
    VerdictView #verdict-more {
        dock: bottom;
        height: 1;
        color: $text-muted;
        text-style: italic;
        display: none;
    }
    """

    BINDINGS = [
        Binding(
            FULL_ISOLATION_KEY,
            "full_isolation",
            "Isolation: each layer in full, or one line",
            tooltip="each isolation layer's whole statement, or one line",
            show=False,
        )
    ]

    verdict: Verdict | None = None
    """The verdict shown, for its isolation in full or in one line."""

    full_isolation = False
    """The output part shows each layer's whole statement, not the one line."""

    _hinted_reading = False
    """The isolation line's key hint was written for the box being read."""

    _failure: CaseResult | None = None
    """The failure explained, folded again at each width (`_show_failure`)."""

    _widths: tuple[int, int, int] = (0, 0, 0)
    """The cases' columns' natural widths (their longest cell or label), for `fit_cases`."""

    def compose(self) -> ComposeResult:
        yield Static(MORE_BELOW, id="verdict-more")
        yield Static("Press ^r to grade your code.", id="verdict-status")
        yield Static("", id="verdict-failure")
        yield FittedTable(id="verdict-cases", cursor_type="row", zebra_stripes=True)
        yield Static("", id="verdict-output")

    def on_mount(self) -> None:
        table = self.query_one("#verdict-cases", DataTable)
        for column in CASE_COLUMNS:
            table.add_column(column, key=column)
        table.display = False
        self.query_one("#verdict-failure").display = False
        self.query_one("#verdict-output").display = False

    def cut_short(self) -> bool:
        """A failure is explained and not all of the box's text fits in it (tab reaches it)."""
        return bool(self.query_one("#verdict-failure").display) and self.max_scroll_y > 0

    @property
    def says_more_below(self) -> bool:
        """The box's last line says MORE_BELOW."""
        return bool(self.query_one("#verdict-more").display) and not self.has_focus_within

    @property
    def says_reading(self) -> bool:
        """The box's last line says READING: the box is being read."""
        return bool(self.query_one("#verdict-more").display) and self.has_focus_within

    def sign_cut_short(self) -> None:
        """Say on the box's last line that a failure goes on below, while it is cut short
        and the focus is elsewhere (the editor, where tab indents); while it is being read,
        the way back to the code. Queued after a refresh, it can come after ctrl+f took the
        screen down with the box's children: then there is nothing to sign (a NoMatches here
        stopped the app)."""
        if not self.children:
            return
        more = self.query_one("#verdict-more", Static)
        reading = self.has_focus_within
        if reading != self._hinted_reading and self.verdict is not None:
            self._fill_output(self.verdict)
        more.update(READING if reading else MORE_BELOW)
        more.display = reading or self.cut_short()

    def on_resize(self) -> None:
        if not self.children:  # taken down with its screen, as `sign_cut_short` says
            return
        self.fit_cases()
        self._show_failure()
        self.call_after_refresh(self.sign_cut_short)

    def fit_cases(self) -> None:
        """Fit the cases' columns to the box: side by side at 120 columns the box is some 70
        wide, and "case 6: columns of very different scales" left "same problem as c" of
        the detail, the rest behind a sideways scroll. Cases' names give way first (to
        CASE_NAME_FEWEST cells, with "…"), then the detail is cut at the box's edge."""
        table = self.query_one("#verdict-cases", FittedTable)
        room = self.scrollable_content_region.width - 2 * table.cell_padding * len(CASE_COLUMNS)
        case, result, detail = self._widths
        if room <= 0 or case + result + detail <= room:
            for column in CASE_COLUMNS:
                table.set_column_width(column, None)
            return
        case = max(min(case, CASE_NAME_FEWEST), room - result - detail)
        table.set_column_width("case", case)
        table.set_column_width("result", None)
        table.set_column_width("detail", max(1, room - case - result))

    def on_descendant_focus(self) -> None:
        self.call_after_refresh(self.sign_cut_short)

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self.sign_cut_short)

    def on_focus(self) -> None:
        self.call_after_refresh(self.sign_cut_short)

    def on_blur(self) -> None:
        self.call_after_refresh(self.sign_cut_short)

    def clear(self) -> None:
        """Back to the state before any grading (after a reset to the starter)."""
        self._failure = None
        self.verdict = None
        self.query_one("#verdict-status", Static).update("Press ^r to grade your code.")
        for part in ("#verdict-cases", "#verdict-failure", "#verdict-output", "#verdict-more"):
            self.query_one(part).display = False

    def show_grading(self) -> None:
        """A grading is under way."""
        self.query_one("#verdict-status", Static).update(Text("Grading…", style="bold"))

    def show_error(self, message: str) -> None:
        """The grader itself failed (not the person's code)."""
        self.query_one("#verdict-status", Static).update(
            Text(f"Could not grade: {message}", style="bold magenta")
        )

    def show_verdict(self, verdict: Verdict) -> None:
        """Render the verdict."""
        status = verdict.status.value
        head = Text()
        if not_written(verdict):  # the starter as handed out: nothing went wrong yet
            head.append(f" {NOT_WRITTEN_HEADLINE} ", style="reverse bold yellow")
        else:
            head.append(f" {status.upper()} ", style=f"reverse {_STYLE.get(status, 'bold')}")
        head.append(f"  {outcome(verdict)}")
        # on the status's line (wrapped when long): a line of its own left the cases' rows
        # below the box at 80x24 after a pass, under their header
        head.append(f" · {seed_and_time(verdict)}", style="dim")
        # the first clause only: the whole warning took five of the box's rows at 80x24
        # (it stands in full under the cases)
        for warning in short_warnings(verdict):
            head.append(f"\n{warning} ▼", style="bold yellow")
        self.query_one("#verdict-status", Static).update(head)
        table = self.query_one("#verdict-cases", DataTable)
        table.clear()
        self._widths = (len(CASE_COLUMNS[0]), len(CASE_COLUMNS[1]), len(CASE_COLUMNS[2]))
        failure = verdict.first_failure
        failure_view = self.query_one("#verdict-failure", Static)
        self._failure = None if not_written(verdict) else failure
        if not_written(verdict):  # one plain line, not a red "error" row per case
            failure_view.update(Text(not_written_line(verdict)))
            failure_view.display = True
            table.display = False
            self._show_output(verdict)
            return
        for case, detail in zip(verdict.cases, row_details(verdict.cases, failure), strict=True):
            # Text, not str: DataTable reads a str cell as markup, and the message quotes the
            # submission (`raise ValueError("[/x]")` crashed the app, `[@click=...]` made a link)
            cells = (
                Text(case.name, overflow="ellipsis"),
                Text(case.status.value.replace("_", " "), style=_STYLE.get(case.status.value, "")),
                Text(detail, overflow="ellipsis"),
            )
            table.add_row(*cells)
            case_w, result_w, detail_w = self._widths
            self._widths = (
                max(case_w, cells[0].cell_len),
                max(result_w, cells[1].cell_len),
                max(detail_w, cells[2].cell_len),
            )
        self.fit_cases()
        table.display = bool(verdict.cases)
        failure_view.update("")
        self._show_failure()
        failure_view.display = failure is not None
        self._show_output(verdict)

    def _text_width(self) -> int | None:
        """The cells a line of the box holds, a scrollbar's room kept, shown or not (None
        before layout): the widget's own wrapping never folds a line again, which cut
        `theta[0, 0]` at its comma. `size` is already inside the border: taking the border
        off again folded the failure two cells short of the box's edge."""
        width = self.size.width - self.styles.scrollbar_size_vertical
        return width if width > 0 else None

    def _show_failure(self) -> None:
        """The failure explained (`_failure`) at the box's width, or nothing."""
        if self._failure is not None:  # else the box shows none, or a not-written line
            failure = _failure_text(self._failure, self._text_width())
            self.query_one("#verdict-failure", Static).update(failure)

    def action_full_isolation(self) -> None:
        """Each isolation layer's whole statement under the cases, or the one line again."""
        self.full_isolation = not self.full_isolation
        if self.verdict is not None:
            self._fill_output(self.verdict)

    def _show_output(self, verdict: Verdict) -> None:
        """The code's output and the isolation under the rest; back to the box's top."""
        self.verdict = verdict
        self._fill_output(verdict)
        self.scroll_home(animate=False)
        self.call_after_refresh(self.sign_cut_short)

    def _fill_output(self, verdict: Verdict) -> None:
        """The code's stdout and stderr, dim; a warning of what the sandbox could not
        protect, whole, in yellow; one dim line that names every isolation layer (each
        one's whole statement, some 25 lines at 80 columns, once `full_isolation`)."""
        output = Text(style="dim")
        for name, text in (("stdout", verdict.stdout), ("stderr", verdict.stderr)):
            if text:
                shown = "\n".join(output_tail(text, OUTPUT_LINES))
                output.append(f"{name}:\n{shown}\n")
        for warning in isolation_warnings(verdict):
            output.append(f"{warning}\n", style="not dim bold yellow")
        if self.full_isolation and verdict.isolation:
            output.append("isolation: " + "; ".join(verdict.isolation))
        elif verdict.isolation:
            self._hinted_reading = self.has_focus_within
            hint = FULL_ISOLATION_READING if self._hinted_reading else FULL_ISOLATION_HINT
            output.append(f"{isolation_summary(verdict)} · {hint}")
        output.rstrip()
        output_view = self.query_one("#verdict-output", Static)
        output_view.update(output)
        output_view.display = bool(output.plain)
