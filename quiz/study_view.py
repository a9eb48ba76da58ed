"""What the study screen shows, decided from the workspace: each rating key's name with,
in a due session, the card's next interval, and the note after them; the text kept in a
number card's box (`quiz.study.typed`); the order a choice card's options are shown in;
when a plan session's study day ends and what is said then.

Textual-free, so the decisions are tested without a screen: `StudyScreen` asked the store
and fsrs for the intervals itself (`preview_intervals`), read and wrote the typed answers
through the store, drew the options' order from its own random generator and computed
the day's end, where only a running app could test any of it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from fsrs import Rating

from quiz.bank.models import NumericFront
from quiz.bank.numbers import ACCEPTED, parse_number
from quiz.plural import counted
from quiz.study import preview_intervals, shown_interval
from quiz.study import typed as typed_answers
from quiz.study.days import date_start, day_starts_at, local_date
from quiz.study.plan_phrases import day_over_notice
from quiz.study.view_clock import look_again_in

if TYPE_CHECKING:
    from quiz.bank.models import Card
    from quiz.sitting import DrillSitting
    from quiz.study import Session
    from quiz.workspace import Workspace

__all__ = [
    "question_line",
    "COUNT_FORM_EXAMPLES",
    "GIVE_UP_MOCK",
    "MOCK_KEYS",
    "give_up_question",
    "is_count",
    "unit_counts",
    "KEEPS_SCHEDULE",
    "AGAIN_NOT_TODAY",
    "again_not_today",
    "answer_notice",
    "PLAN_PICKS",
    "RatingKeys",
    "again_help",
    "again_not_now",
    "SUSPENDED_ALREADY",
    "choice_order",
    "day_end_wait",
    "day_over",
    "day_over_title",
    "MOVED_BACK_NOTICE",
    "drill_answered",
    "forget_typed",
    "keep_typed",
    "number_examples",
    "session_place",
    "SessionCount",
    "session_count",
    "kept_typed",
    "number_refusal",
    "rating_keys",
]

KEEPS_SCHEDULE = "(the schedule stays as it is)"
"""After the keys outside a due session (cram, mock): a rating there moves no due date."""
PLAN_PICKS = "(the plan picks the day)"
"""After the keys in plan mode: the plan, not fsrs's interval, says when a card returns."""


@dataclass(frozen=True)
class RatingKeys:
    """The rating keys for one card now: ('1', 'Again 1m'), ..., and the note after them."""

    labels: tuple[tuple[str, str], ...]
    note: str | None

    def preview(self) -> str:
        """'1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d'."""
        return " · ".join(f"{key} {label}" for key, label in self.labels)


def rating_keys(workspace: Workspace, session: Session, card_id: str) -> RatingKeys:
    """Each rating key with its name and, in a due session, the card's next interval as
    fsrs would set it now (plan mode: only a same-day step the plan takes; see
    `shown_interval`). Nothing is saved."""
    if session.mode != "due":
        return RatingKeys(tuple((str(int(r)), r.name) for r in Rating), KEEPS_SCHEDULE)
    spans = preview_intervals(workspace.store, workspace.scheduler, card_id, now=workspace.now())
    labels = []
    for rating, span in spans.items():
        shown = shown_interval(
            span, plan_mode=session.plan_mode, same_day_steps=session.options.same_day_steps
        )
        labels.append(
            (str(int(rating)), rating.name if shown is None else f"{rating.name} {shown}")
        )
    return RatingKeys(tuple(labels), PLAN_PICKS if session.plan_mode else None)


def again_not_today(workspace: Workspace, session: Session) -> str | None:
    """Plan mode on a day without same-day steps: the one line said when an answer is
    Again (a concept card's 1, a wrong choice or number, a drill given up), since the card
    is not asked again today (docs/plan.md, "Same-day steps only when there is time"),
    where an Anki user expects it back in minutes. None when an Again comes back today (no
    plan, or a day that takes the steps) or outside a due session.

    Each fits one line of the study screen's notice at 80 columns, under its title
    (`AGAIN_NOT_TODAY`). Read at the session's start, as the plan decides the steps once a day: Home has just
    worked out the plan's status, so this is the cached one (`PlanCache`)."""
    if session.mode != "due" or not session.plan_mode or session.options.same_day_steps:
        return None
    status = workspace.plan_status()
    if status is None or status.today is None:
        return None
    if status.today.last_pass and status.days_left <= 1:
        return "The plan's last day asks each card once: not again before the interview."
    if status.today.last_pass:
        return "In its last days the plan asks each card once a day: back later if needed."
    days = counted(status.days_left, "day")
    return f"{days} left, no time for same-day steps: back in the plan's last days."


AGAIN_LATER = "forgotten; the plan asks it no more today"
"""The help's Again while `again_not_today` has a line: "comes back soon" said the
opposite of what the notice after the answer then said."""


def again_help(again_note: str | None) -> str | None:
    """What the help says the Again key does in this session, where it differs from its
    binding's words (`AGAIN_LATER` when `again_note`, read by `again_not_today`, says an
    Again is not asked again today); None where the binding's words hold."""
    return None if again_note is None else AGAIN_LATER


AGAIN_RESTING = "Again: the plan asks it no more today (not now)"
"""The help's Again while 1 does nothing (a card's question) and `again_not_today` has a
line: "forgotten, so it comes back soon (not now)" said the opposite. Shorter than
`AGAIN_LATER` with its name: with "(not now)" that was wider than the help at 80 columns."""


SUSPENDED_ALREADY = "Suspend: it is suspended already (not now)"
"""The help's x on a card suspended before it was shown (opened from the card browser):
x said "Suspended" of it again, set it aside as this session's, and ended a session of it."""


def again_not_now(again_note: str | None) -> str | None:
    """What the help says of Again while it rests, where the session changes its words
    (`AGAIN_RESTING`); None where the binding's words hold."""
    return None if again_note is None else AGAIN_RESTING


AGAIN_NOT_TODAY = "Again: not asked again today"
"""The title of `again_not_today`'s line: what happens, before why and when."""


def answer_notice(said: str | None, again_note: str | None) -> tuple[str, str | None] | None:
    """The one notice after an answer, as (message, title): what the screen says of the
    answer (`said`, a drill's "Tiny SGD: not passed → Again") and the plan's Again line
    (`again_note`, under AGAIN_NOT_TODAY), each on its own line. None when neither is said.

    Said apart, a drill given up under a plan stacked two notices that told one event."""
    if again_note is None:
        return None if said is None else (said, None)
    message = again_note if said is None else f"{said}\n{again_note}"
    return message, AGAIN_NOT_TODAY


# The three typed-answer functions below only forward to `quiz.study.typed`, and stay on
# purpose: a screen may neither reach the store nor import `quiz.study.typed` (an import
# contract and tests/tui/test_view_models.py), and these hand it the workspace's store,
# clock and zone, so the study screens never read the time or the store themselves.


def kept_typed(workspace: Workspace, card_id: str) -> str:
    """What the card's number box shows when it is asked: the text kept this study day
    since its last answer (`quiz.study.typed`), else ""."""
    return typed_answers.typed_today(workspace.store, card_id, now=workspace.now(), tz=workspace.tz)


def keep_typed(workspace: Workspace, card_id: str, text: str) -> None:
    """The card was left unanswered (skipped, set aside, the session ended): keep what its
    box holds for the same card asked again today (an empty box forgets it)."""
    typed_answers.keep_typed(workspace.store, card_id, text, now=workspace.now())


def forget_typed(workspace: Workspace, card_id: str) -> None:
    """The card was answered: what was typed in its box before is done with."""
    typed_answers.forget_typed(workspace.store, card_id)


def is_suspended(workspace: Workspace, card_id: str) -> bool:
    """Whether the card is suspended (opened from the card browser, a suspended card can be
    studied): `x` does not offer to suspend it again."""
    flag = workspace.store.card_flag(card_id)
    return flag is not None and flag[0].suspended


def number_refusal(typed: str, reason: str, front: NumericFront | None = None) -> str:
    """What a number box's answer that `parse_number` refused is told under the card.

    A reason that quotes what was typed ("'abc' is not part of a number such as ...")
    is said alone: "'abc' is not a number: 'abc' is not part of ..." said the input twice.
    Any other reason ("division by zero") is said after the typed text, which it names not.

    With the card's `front`, the reason's examples are the placeholder's for this card
    (`number_examples`): parse_number's fixed "0.25, 1e-3, 25%, 1/4 or 0.5^10" told a
    person who mistyped on "What is σ'(0)?" its answer three ways.
    """
    if front is not None and ACCEPTED in reason:
        powers = [
            text
            for text in POWER_EXAMPLES
            if _far_from(front, text) and (parse_number(text).is_integer() or not is_count(front))
        ][:1]
        shown = [*number_examples(front).values(), *powers]
        such = f"{', '.join(shown[:-1])} or {shown[-1]}" if len(shown) > 1 else "".join(shown)
        reason = reason.replace(ACCEPTED, f"a number such as {such}" if such else "a number")
    if reason.startswith("'"):
        return reason
    return f"'{typed.strip()}' is not a number: {reason}"


NUMBER_FORM_EXAMPLES: dict[str, tuple[str, str]] = {
    "exponent": ("1e-3", "2e-5"),
    "percent": ("25%", "7%"),
    "fraction": ("1/4", "5/8"),
    "root": ("√128", "√7"),
    "sqrt": ("sqrt(128)", "sqrt(7)"),
    "log": ("ln 2", "ln 10"),
}
"""The forms a number box reads (`parse_number`), each with two examples at least 2.5 times
apart, so one of them is always far from a card's answer (`number_examples`)."""

GIVES_AWAY = 0.25
"""An example within this share of the answer is a hint, even where the tolerance refuses it."""


COUNT_FORM_EXAMPLES: dict[str, tuple[str, str]] = {
    "whole": ("12", "300"),
    "exponent": ("3e6", "4e4"),
}
"""A count's forms (`is_count`), whole numbers only, two of each as far apart as the reals'."""


COUNTED = frozenset(
    "parameter weight unit layer neuron head piece pixel example sample mini-batch batch"
    " step epoch evaluation token byte flop multiply-add mac operation call channel"
    " feature class node edge word".split()
)
"""The things a count's unit names (singular; `unit_counts` reads plurals too). A unit's last
word outside brackets is its noun: "hidden units" and "pixels (per side)" count, "times g",
"MiB" and "tokens per second" measure. A unit with "per" is a rate, whatever it counts:
"bits per weight" and "FLOPs per token" took the weight's and the token's count. "bit" is
not here: an amount of information (an entropy of 3 bits, ln 8 / ln 2) is a measure as
nats are, and its box showed "12, 3e6", hiding the log its answer is written with."""


def unit_counts(unit: str | None) -> bool:
    """The unit names things counted: its last word outside brackets, lower-cased, is in
    COUNTED as written or less a plural's "s" or "es" ("mini-batches", "FLOPs"), and no
    "per" makes it a rate."""
    if not unit:
        return False
    words = re.sub(r"\([^)]*\)", " ", unit).lower().split()
    if not words or "per" in words:
        return False
    noun = words[-1]
    return any(stem in COUNTED for stem in (noun, noun.removesuffix("s"), noun.removesuffix("es")))


def is_count(front: NumericFront) -> bool:
    """The card's answer is a count (a parameter count, a number of layers): its unit names
    things counted (`unit_counts`) and its answer is a whole number from 1 up. Its box showed
    "1e-3, 1/4, √128, ln 2", forms no count is ever written in. The unit decides, not the
    tolerance: momentum-terminal-velocity, 100 ± 0.1 "times g", is a ratio whose box keeps
    fractions, roots and logs."""
    return unit_counts(front.unit) and front.answer >= 1 and float(front.answer).is_integer()


def number_examples(front: NumericFront) -> dict[str, str]:
    """The example forms a number card's box names in its placeholder (form to text), each
    the first of its two that is neither right for this card nor within a quarter of its
    answer: a fixed "1/4, √128, ln 2" gave away three cards' answers (sigmoid-derivative-
    bound is 0.25, attention-score-std √128, bce-at-zero-logit ln 2). A form both of whose
    examples are near (an answer of 0 with a wide tolerance) is left out. A count's forms
    are whole numbers (`COUNT_FORM_EXAMPLES`)."""
    forms = COUNT_FORM_EXAMPLES if is_count(front) else NUMBER_FORM_EXAMPLES
    return {
        form: far[0]
        for form, candidates in forms.items()
        if (far := [text for text in candidates if _far_from(front, text)])
    }


POWER_EXAMPLES = ("0.5^10", "2^10")
"""The power form's examples, which a refused number's words name after the placeholder's
(a count's, whole ones only)."""


def _far_from(front: NumericFront, text: str) -> bool:
    """The number `text` is neither right for the card nor within GIVES_AWAY of its answer."""
    value = parse_number(text)
    near = abs(value - front.answer) <= GIVES_AWAY * abs(front.answer)
    return not near and not front.check_numeric(value).correct


@dataclass(frozen=True)
class SessionCount:
    """Where a session stands, in three parts that never overlap: answers given, cards
    queued that were not answered yet in this session, and cards queued again by a learning
    step (Again, Hard or Good on a new card), each one more answer to give.

    "6 answered, none done yet" beside a bar at 0% after six answers read as broken: it
    counted only cards an answer had taken out of the session (`Session.progress`)."""

    answered: int
    to_see: int
    back: int

    @property
    def bar(self) -> tuple[int, int]:
        """The progress bar's (done, total): answers given out of those given and the one
        each queued card still needs. Every answer moves it on (an Again adds one to each
        side) and it is full only when nothing is queued; its three parts are the words'."""
        return self.answered, self.answered + self.to_see + self.back

    def words(self) -> str:
        """'6 answered · 4 still to see · 3 back later today', a zero part left out but the
        answers."""
        parts = [f"{self.answered} answered"]
        if self.to_see:
            parts.append(f"{self.to_see} still to see")
        if self.back:
            parts.append(f"{self.back} back later today")
        return " · ".join(parts)


def session_count(session: Session) -> SessionCount:
    """The session's count now, read from its queue and answers (undo, bury, suspend and the
    plan's minutes move it with the queue)."""
    done, total = session.progress
    back = session.coming_back
    return SessionCount(answered=len(session.answers), to_see=total - done - back, back=back)


def session_place(session: Session, topic: str) -> str:
    """The end of a card's heading: its topic and the session's count, "attention · 6
    answered · 4 still to see · 3 back later today" (`SessionCount`). It counts answers and
    what is left to answer rather than a place out of a total, which would move under the
    person (a bury, the plan's minutes running out)."""
    return f"{topic} · {session_count(session).words()}"


def choice_order(workspace: Workspace, count: int, *, shuffle: bool) -> list[int]:
    """The option index shown at each position of a choice card with `count` options: in
    the card's order, or shuffled by the workspace's generator (a seeded one in tests and
    in `--seed` runs, so the order is the same run after run)."""
    order = list(range(count))
    if shuffle:
        (workspace.rng if workspace.rng is not None else random).shuffle(order)
    return order


def day_end_wait(workspace: Workspace, session: Session) -> float | None:
    """Plan mode: seconds until the screen looks again whether the list's study day is
    over (at most `LONGEST_WAIT`: a computer that slept runs no timer on time); None
    outside a plan, where no day ends a session."""
    ends = session.day_ends
    return None if ends is None else look_again_in(ends, workspace.now())


MOVED_BACK_NOTICE = (
    "The time zone moved back into the day before the list's: this card still counts, then "
    "the session ends; d on Home starts the plan of the day it is now."
)
"""`day_over`'s notice when the machine's zone moved west over a day's start: "A new study
day began at 04:00" was not said, and nothing was, until the summary after the card."""


def day_over_title(notice: str) -> str:
    """The end of the session's title once `notice` (`day_over`'s) is said: "the day
    ended" read wrong where the zone had moved back into the day before the list's."""
    moved = notice == MOVED_BACK_NOTICE
    return "the zone moved back: last card" if moved else "the day ended: last card"


def day_over(workspace: Workspace, session: Session) -> str | None:
    """Plan mode, once the list's study day is over: what is said on the card being
    answered (the session ends at the next card); None before then and outside a plan.

    Over as the session counts it (`Session._list_day_over`): past the list day's end, or
    before its start, where the machine's zone moved west into the day before."""
    ends = session.day_ends  # in the zone followed now (asked anew: `Workspace.follow_zone`)
    if ends is None:
        return None
    now, tz = workspace.now(), workspace.tz
    if now >= ends:
        return day_over_notice(day_starts_at(tz))
    list_day = local_date(ends, tz) - timedelta(days=1)
    return MOVED_BACK_NOTICE if now < date_start(list_day, tz) else None


def drill_answered(session: Session, sitting: DrillSitting) -> bool:
    """Whether a drill sitting back from the editor answers its card: passed, given up,
    or in a mock graded at least once (a mock answers a drill as it stands at its last
    grading). Otherwise the card is not answered: skipped, or the editor offered again."""
    if sitting.progress.passed or sitting.gave_up:
        return True
    return session.mode == "mock" and sitting.attempts > 0


GIVE_UP_MOCK = (
    "Give up on this drill? In this mock it counts as a miss; your schedule is not changed."
)
"""The give-up question in a mock, which moves no due date: the summary scores it ✗."""
MOCK_KEYS = {
    "leave": "save; once graded, answers it as last graded",
    "give_up": "a miss in this mock (asks first)",
}
"""The help's words for a mock drill's keys (action to words): esc answers a graded drill
(`drill_answered`), a give-up is a miss. Each fits the help box's row at 80 columns."""


def give_up_question(session: Session | None) -> str:
    """The drill's give-up question: an Again where the session rates, a miss in a mock
    ("It counts as Again" there read as a change to the schedule a mock never makes)."""
    if session is not None and session.mode == "mock":
        return GIVE_UP_MOCK
    return "Give up on this drill? It counts as Again."


NOT_GRADED = "Not graded yet: enter reopens the drill · s skips it"
"""The hint under a drill left before any grading (and in a mock, left with no answer)."""
NO_ANSWER = "No answer written yet: enter reopens the drill · s skips it"
"""The hint under a drill left after gradings that were no try (`quiz.sitting.not_a_try`)."""


def drill_no_try(sitting: DrillSitting) -> str:
    """The hint under a drill back from the editor with no try. "Not graded yet" read as a
    lie to someone who had run the starter and seen NOT WRITTEN YET: it was graded, and is
    no answer."""
    return NOT_GRADED if sitting.last_verdict is None else NO_ANSWER


def question_line(card: Card) -> str:
    """The question's first paragraph on one line, its math as Unicode: the line pinned
    above a revealed answer once the question has scrolled out of view. At 80x24 the answer
    and its key points pushed the question off the screen, and the person read an answer
    with no word of what was asked (Anki keeps the front above the back)."""
    from quiz.cardtext import plain_text

    paragraph: list[str] = []
    for line in card.section("Question").strip().splitlines():
        if not line.strip():
            break
        paragraph.append(line.strip())
    return plain_text(" ".join(paragraph))
