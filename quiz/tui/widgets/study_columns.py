"""The study screen's card body and key points, the points capped so the answer keeps rows."""

from __future__ import annotations

from textual.containers import Horizontal

ANSWER_ROWS = 6
"""The rows of the answer a reveal shows at least, when the body has them (the question
then scrolls out above, one pgup away)."""

RUBRIC_ROWS = 5
"""The fewest rows the key points' box keeps however short the screen: its border and
three rows of points."""


def rubric_cap(height: int) -> int:
    """The most rows the key points may take under the body in a column `height` rows
    tall: half of it (the box scrolls, and a ticked point is scrolled into view), and
    never so many that the body has fewer than the answer's title and ANSWER_ROWS of its
    rows. Three quarters left six rows of a ReLU-versus-sigmoid answer at 80x24, its
    table cut after the first row, under six points the person had not read yet."""
    return max(RUBRIC_ROWS, min(height // 2, height - ANSWER_ROWS - 1))


class StudyColumns(Horizontal):
    """#study-main: the body and the key points' column (#study-rubric), side by side when
    wide, the points under the body when narrow.

    Narrow, the points' box is capped at `rubric_cap` of this column's height and scrolls
    itself: at 80x24 seven two-line points took 15 of its 20 rows (CSS can say 75% but not
    "all but seven rows"), and the answer under its title got four. Refitted whenever the
    column's height changes: the rating keys' line taking a row, a terminal resized.
    """

    def on_resize(self) -> None:
        self.fit_rubric()

    def fit_rubric(self) -> None:
        """Cap the key points' box for this column's height (wide: no cap, they sit beside)."""
        for rubric in self.query("#study-rubric"):
            narrow = self.screen.has_class("-narrow")
            rubric.styles.max_height = rubric_cap(self.size.height) if narrow else None
