"""The study screen's concept card: the answer revealed with its key points, ticked, then
the rating keys with each one's next interval (`quiz.study_view.rating_keys`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fsrs import Rating
from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from quiz.bank.models import ConceptFront
from quiz.cardtext import inline_pieces, section_markdown
from quiz.study import rating_name, suggested_rating
from quiz.study_view import RatingKeys, question_line, rating_keys
from quiz.tui.screens.study_base import StudyBase
from quiz.tui.widgets.answers import KeyPointChecklist, point_keys
from quiz.tui.widgets.cardmarkdown import CardMarkdown
from quiz.tui.widgets.study_columns import ANSWER_ROWS, StudyColumns, rubric_cap

if TYPE_CHECKING:
    from rich.console import Console
    from textual.widget import Widget

__all__ = ["RatingStep", "pinned_rows"]

PIN_LEAD = "Q "
"""The pinned question's first row starts so; the rows under it are indented as far."""


def pinned_rows(question: str, width: int, most: int, console: Console) -> list[Text]:
    """The question wrapped to `width` cells under its "Q ", in `most` rows at most: one
    that needs more ends its last row with "…"."""
    lead = len(PIN_LEAD)
    lines = list(Text(question).wrap(console, max(width - lead, 1)))
    cut = len(lines) > most
    lines = lines[:most]
    if cut:
        last = lines[-1]
        last.rstrip()
        last.truncate(max(width - lead - 1, 0))
        last.rstrip()
        last.append("…")
    return [
        Text.assemble((PIN_LEAD, "bold") if n == 0 else " " * lead, line)
        for n, line in enumerate(lines)
    ]


class RatingStep(StudyBase):
    """question -> revealed (digits tick key points) -> rating (1-4 rate, each with its
    next interval; enter takes the suggested rating, backspace goes back to the points)."""

    async def action_reveal(self) -> None:
        """Show the answer, and the key-point checklist beside (or under) it."""
        card = self.card
        if card is None or not isinstance(card.front, ConceptFront):
            return
        self.phase = "revealed"
        body = self.query_one("#study-body", VerticalScroll)
        title = Static("Answer", classes="section-title")
        await body.mount(title)
        await body.mount(CardMarkdown(section_markdown(card, "Answer"), id="answer"))
        rubric = await self._rubric()
        rubric.display = True
        checklist = KeyPointChecklist(
            [inline_pieces(p) for p in card.front.key_points], id="checklist"
        )
        rubric.border_title = checklist.heading
        await rubric.mount(checklist)
        self.query_one(StudyColumns).fit_rubric()
        checklist.focus()
        # Once laid out beside (or under) the key points: at 80x24 they and the question
        # left no row of the answer in view. The question is one pgup away.
        self.call_after_refresh(self._answer_in_view, title)
        self._suggest(0, len(card.front.key_points))
        self.refresh_bindings()

    def _answer_in_view(self, title: Widget) -> None:
        """Scroll the body so the answer's title is its top row (its margin out of view:
        one blank row of the few at 80x24), when the title would otherwise start in the
        body's lower half or leave fewer than ANSWER_ROWS rows under it; on a tall screen
        the question stays in view above it.

        At 80x24 five two-line key points leave the body 8 rows: the question's two, two
        blank rows and the title left the answer 3, the rest a pgdn away."""
        body = self.query_one("#study-body", VerticalScroll)
        top, under = title.virtual_region.y, title.virtual_region.bottom  # the answer's first row
        height = body.scrollable_content_region.height
        if top - body.scroll_y <= height // 2 and height - (under - body.scroll_y) >= ANSWER_ROWS:
            return
        body.scroll_to_region(title.virtual_region, top=True, animate=False, immediate=True)

    def pin_question(self) -> None:
        """Show the question over the body while a revealed card's question is scrolled out
        of view (`quiz.study_view.question_line`), and hide it once the question shows again
        or the card is left. At 80x24 the answer scrolled to the top of the body
        (`_answer_in_view`) left the person reading an answer with no word of what was
        asked.

        The question wraps under its "Q " to as many rows as it needs, while the body keeps
        ANSWER_ROWS rows (`pin_room`): cut to one row with "…", 113 of the bank's 114
        questions lost their end at 80 columns (half of them more than one row of it), and
        the answer was read against the start of a question. One longer than its room is
        cut on its last row with "…" (pgup shows it whole)."""
        pin = self.query_one("#study-question-pin", Static)
        card, found = self.card, self.query("#study-body #question")
        shown = (
            self.phase in ("revealed", "rating")
            and card is not None
            and bool(found)
            and round(self.query_one("#study-body", VerticalScroll).scroll_y)
            > found.first().virtual_region.y
        )
        if shown and card is not None:
            rows = pinned_rows(
                question_line(card),
                max(self.size.width - 2, 4),  # its padding
                self.pin_room(pin),
                self.app.console,
            )
            pin.update(Text("\n", no_wrap=True).join(rows))
            pin.styles.height = len(rows)
        pin.display = shown

    def pin_room(self, pin: Widget) -> int:
        """The most rows the pinned question may take: the body's rows past the answer's
        ANSWER_ROWS, the body as it is with the pin hidden (the column with the pin's rows
        back, less the key points' box at its cap there when under the body). Reckoned from
        the column, not the body now: the box gives back half of the rows the pin takes, and
        the pin grew again at each pgup."""
        main = self.query_one(StudyColumns)
        column = main.size.height + (pin.outer_size.height if pin.display else 0)
        rubric = self.query("#study-rubric")
        under = self.screen.has_class("-narrow") and bool(rubric) and rubric.first().display
        body = column - (rubric_cap(column) if under else 0)
        return max(1, body - ANSWER_ROWS)

    async def _rubric(self) -> Vertical:
        """The key points' column beside the body (under it when narrow), made at the
        first reveal: the question does not show it. It scrolls (a Vertical with no keys of
        its own: pgup/pgdn stay the body's): capped (`StudyColumns`), the points past its
        height are a scroll away, and the highlighted one is scrolled into view."""
        found = self.query("#study-rubric")
        if found:
            return found.first(Vertical)
        rubric = Vertical(id="study-rubric")
        await self.query_one("#study-main").mount(rubric)
        return rubric

    def _ratings(self) -> Static:
        """The rating keys' line above the hint, made when the keys are first shown. Above,
        not under it: at 80 columns a notice takes the hint's line, the one over the
        footer (drillbit.tcss), and under the hint the keys were what it covered."""
        found = self.query("#study-ratings")
        if found:
            return found.first(Static)
        ratings = Static("", id="study-ratings")
        self.mount(ratings, before="#study-status")
        return ratings

    def _checklist(self) -> KeyPointChecklist | None:
        found = self.query(KeyPointChecklist)
        return found.first() if found else None

    def suggestion(self) -> Rating:
        """The rating the ticked key points suggest."""
        checklist = self._checklist()
        if checklist is None:
            return Rating.Good
        return suggested_rating(len(checklist.selected), checklist.option_count)

    def _suggest(self, ticked: int, total: int) -> None:
        suggestion = suggested_rating(ticked, total)
        self.set_status(
            Text.assemble(
                f"{ticked}/{total} ticked ({point_keys(total)}) → ",
                (f"{int(suggestion)} {rating_name(suggestion)}", "bold"),
                " · enter or space: rate · pgup/pgdn scroll",
            )
        )

    def on_key_point_checklist_ticked(self, event: KeyPointChecklist.Ticked) -> None:
        """The points' hint, while they are ticked: a tick typed just before enter is
        handled after it, and its hint ("→ 1 Again · enter or space: rate") stood over
        the rating keys, where space rates Good."""
        if self.phase == "revealed":
            self._suggest(event.ticked, event.total)

    def preview(self) -> str:
        """'1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d' for this card now (no side effect)."""
        return self._rating_keys().preview()

    def _rating_keys(self) -> RatingKeys:
        """The rating keys as `quiz.study_view` words them for this card now."""
        if self.card is None:
            return RatingKeys((), None)
        return rating_keys(self.workspace, self.session, self.card.id)

    def _show_rating_bar(self, suggestion: Rating) -> None:
        """The rating keys, styled like the footer's, each with its next interval, on one
        line at 80 columns: the longest, plan mode with a same-day step on three keys, is
        ' 1  Again 10m   2  Hard 10m   3  Good 10m   4  Easy  (the plan picks the day)',
        77 cells of the 78 inside the padding."""
        bar = Text()
        keys = self._rating_keys()
        for key, label in keys.labels:
            bold = "bold" if key == str(int(suggestion)) else ""
            bar.append(f" {key} ", style="reverse bold")
            bar.append(f" {label}  ", style=bold)
        if keys.note is not None:
            bar.append(keys.note, style="italic")
        ratings = self._ratings()
        ratings.update(bar)
        ratings.display = True

    def action_to_rating(self) -> None:
        """Done ticking: show the rating keys with their next intervals."""
        if self.phase != "revealed":
            return
        self.phase = "rating"
        suggestion = self.suggestion()
        self.set_status(
            Text.assemble(
                "Rate with 1-4 (space: Good); enter takes ", (rating_name(suggestion), "bold")
            )
        )
        self._show_rating_bar(suggestion)
        checklist = self._checklist()
        if checklist is not None:
            checklist.locked = True  # a digit typed right after enter rates, never ticks
        self.set_focus(self.query_one("#study-body"))
        self.refresh_bindings()

    def action_back_to_ticking(self) -> None:
        """Back from the rating keys to the checklist."""
        checklist = self._checklist()
        if self.phase != "rating" or checklist is None:
            return
        self.phase = "revealed"
        self.query_one("#study-ratings").display = False
        checklist.locked = False
        self.set_focus(checklist)
        self._suggest(len(checklist.selected), checklist.option_count)
        self.refresh_bindings()

    async def action_rate(self, rating: int) -> None:
        """Self-grade a concept card and move on."""
        if self.phase != "rating":
            return
        answer = self._commit(lambda: self.session.rate(Rating(rating)))
        if answer is not None:
            await self.show_card()

    async def action_rate_suggested(self) -> None:
        """Take the rating the ticked key points suggest."""
        await self.action_rate(int(self.suggestion()))
