"""The end-of-session summary: a pure function of the answers given.

Plain dataclasses, not pydantic models: nothing validates or serializes them, and
pydantic's import with the three models' schemas (about 0.16 s of CPU) fell on a
session's first answer, between rating a card and seeing the next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from fsrs import Rating

from quiz.study.cards import StudyCard, pack_of

WEAKEST_TOPICS = 3


@dataclass(frozen=True)
class Answer:
    """One answer given in a session (also what `undo` hands back)."""

    card: StudyCard
    rating: Rating
    correct: bool
    review_id: int
    seconds: float
    requeued: bool
    """True when the card went back in the queue to be seen again (due mode: once its
    learning step is due, `Session.show`)."""
    answered_at: datetime
    leech_lapses: int | None = None
    """The card's lapse count when this Again made it a leech (`quiz.study.leech`)."""


TopicNames = Mapping[tuple[str, str], str]
"""Each (pack, topic)'s name in per-topic figures (`quiz.study.counts.topic_labels`)."""


def topic_name(card: StudyCard, names: TopicNames | None) -> str:
    """The card's topic as per-topic figures name it: "topic (pack)" when another pack of
    the bank has a topic of the same name (as `names` says), else the topic's own name."""
    if not names:
        return card.topic
    return names.get((pack_of(card), card.topic), card.topic)


@dataclass(frozen=True, kw_only=True)
class TopicScore:
    """How one topic went in a session."""

    topic: str
    """The topic's name, "topic (pack)" when two packs of the bank share it."""
    answered: int
    correct: int
    accuracy: float


@dataclass(frozen=True, kw_only=True)
class QuestionResult:
    """One line of the per-question table (mock mode also lists unanswered questions)."""

    card_id: str
    title: str
    topic: str
    """The card's topic, "topic (pack)" when two packs of the bank share it."""
    kind: str
    answered: bool
    rating: int | None
    correct: bool
    seconds: float | None


@dataclass(frozen=True, kw_only=True)
class SetAsideCard:
    """A card buried or suspended in the session and still so when it ended: the summary
    lists them, as Anki's browser shows what was set aside, with the way to bring one back."""

    card_id: str
    title: str
    suspended: bool
    """Suspended (until unsuspended), else buried until the next study day. A bury of a
    suspended card leaves it suspended."""


@dataclass(frozen=True, kw_only=True)
class Summary:
    """What the summary screen shows at the end of every session."""

    mode: str
    started_at: datetime
    ended_at: datetime
    planned: int
    """Cards queued at the start (mock: the number of questions)."""
    answers: int
    """Answers logged; a card asked again in the session (after Again, or a Good that
    left it in a learning step) counts once per answer."""
    cards_reviewed: int
    """Distinct cards answered."""
    correct: int
    accuracy: float | None
    """Share of answers that were correct (Good/Easy, a right choice, a passed drill)."""
    seconds: float
    """Time used (mock: capped at the time limit)."""
    pace_seconds: float | None
    """The mean of the answers' own times (the table's time column), as Anki's seconds
    per card: the time on skipped cards, and after the last answer (the question a
    mock's time ran out on, a pause before quitting), is no answering pace. Counted to the
    last answer instead, a one-card session with a skip gave a pace longer than its row."""
    time_limit_seconds: float | None
    weakest_topics: list[TopicScore]
    """Up to three topics with misses, worst first."""
    next_due: datetime | None
    """Earliest due time among the session's deck after the session."""
    questions: list[QuestionResult]
    note: str | None = None
    """A line for the person (plan mode: today's minutes ran out, and how to go on)."""
    plan_mode: bool = False
    """The session was plan mode's: what comes next is the plan's, not `next_due`."""
    set_aside: tuple[SetAsideCard, ...] = ()
    """The cards buried or suspended in the session (and not undone), in the order set aside."""
    time_up: bool = False
    """Mock mode: the clock ended the interview (not the person, nor the last answer)."""
    not_submitted: tuple[str, ...] = ()
    """Mock mode: the titles of the drills whose code at time-up was never graded (kept as
    their drafts): such a drill is answered as last run, or else left unanswered."""

    @property
    def unanswered(self) -> int:
        """Questions listed but never answered (a mock interview ended early, or out of time)."""
        return sum(not question.answered for question in self.questions)

    @property
    def nothing_to_show(self) -> bool:
        """Nothing was answered and nothing needs saying: the app goes straight back, as
        Anki does, rather than showing zeros ("Cards reviewed 0", "Accuracy –").

        A mock interview keeps its summary: it lists the questions left unanswered, and
        its time. So does a session with a note (plan mode's minutes ran out), and one
        that set cards aside (it says where they are).
        """
        return (
            self.answers == 0 and self.mode != "mock" and self.note is None and not self.set_aside
        )


def time_up_lines(summary: Summary, clock: str) -> list[str]:
    """What a mock's summary says when the clock ended it (nothing otherwise): that the
    clock did, at `clock` (the time limit as the summary reads it), what was left
    unanswered, and which drill's code was not submitted. A candidate must not take the
    summary for an end they chose, nor a draft for an answer."""
    if summary.mode != "mock" or not summary.time_up:
        return []
    left = summary.unanswered
    unanswered = f"{left} question{'s' if left != 1 else ''} unanswered" if left else "all answered"
    lines = [f"Time's up: the clock ended the interview at {clock}; {unanswered}."]
    answered = {q.title for q in summary.questions if q.answered}
    for title in summary.not_submitted:
        counted = "answered as last run" if title in answered else "so unanswered"
        lines.append(f"{title}: not submitted at time-up (kept as the draft, ungraded); {counted}.")
    return lines


def weakest_topics(
    answers: Sequence[Answer], count: int = WEAKEST_TOPICS, *, names: TopicNames | None = None
) -> list[TopicScore]:
    """Topics with at least one miss, lowest accuracy first (more answers first on ties).

    A topic name two packs share is one topic per pack, named as `names` says ("topic
    (pack)"), as on the stats screen: the two packs' answers are not added up."""
    tally: dict[str, list[int]] = {}
    for answer in answers:
        entry = tally.setdefault(topic_name(answer.card, names), [0, 0])
        entry[0] += 1
        entry[1] += int(answer.correct)
    scores = [
        TopicScore(topic=topic, answered=n, correct=ok, accuracy=ok / n)
        for topic, (n, ok) in tally.items()
        if ok < n
    ]
    scores.sort(key=lambda s: (s.accuracy, -s.answered, s.topic))
    return scores[:count]


def build_summary(
    *,
    mode: str,
    started_at: datetime,
    ended_at: datetime,
    answers: Sequence[Answer],
    planned: Sequence[StudyCard],
    next_due: datetime | None,
    time_limit_seconds: float | None = None,
    note: str | None = None,
    plan_mode: bool = False,
    topic_names: TopicNames | None = None,
    set_aside: Sequence[tuple[StudyCard, bool]] = (),
    time_up: bool = False,
    not_submitted: Sequence[str] = (),
) -> Summary:
    """Summarize a session; in mock mode the planned but unanswered questions are listed too.

    `topic_names` names each (pack, topic) of the bank (`topic_labels`); without it every
    topic is named by its own name. `set_aside` holds each card buried or suspended in the
    session with whether it is suspended now, in the order set aside."""
    elapsed = max(0.0, (ended_at - started_at).total_seconds())
    if time_limit_seconds is not None:
        elapsed = min(elapsed, time_limit_seconds)
    correct = sum(1 for a in answers if a.correct)
    questions = [
        QuestionResult(
            card_id=a.card.id,
            title=a.card.title,
            topic=topic_name(a.card, topic_names),
            kind=a.card.kind,
            answered=True,
            rating=int(a.rating),
            correct=a.correct,
            seconds=a.seconds,
        )
        for a in answers
    ]
    if mode == "mock":
        answered_ids = {a.card.id for a in answers}
        questions += [
            QuestionResult(
                card_id=c.id,
                title=c.title,
                topic=topic_name(c, topic_names),
                kind=c.kind,
                answered=False,
                rating=None,
                correct=False,
                seconds=None,
            )
            for c in planned
            if c.id not in answered_ids
        ]
    return Summary(
        mode=mode,
        started_at=started_at,
        ended_at=ended_at,
        planned=len(planned),
        answers=len(answers),
        cards_reviewed=len({a.card.id for a in answers}),
        correct=correct,
        accuracy=correct / len(answers) if answers else None,
        seconds=elapsed,
        pace_seconds=sum(a.seconds for a in answers) / len(answers) if answers else None,
        time_limit_seconds=time_limit_seconds,
        note=note,
        plan_mode=plan_mode,
        time_up=time_up and mode == "mock",
        not_submitted=tuple(not_submitted),
        weakest_topics=weakest_topics(answers, names=topic_names),
        next_due=next_due,
        questions=questions,
        set_aside=tuple(
            {
                card.id: SetAsideCard(card_id=card.id, title=card.title, suspended=suspended)
                for card, suspended in set_aside
            }.values()
        ),
    )
