"""fsrs's forgetting curve, quickly: a card's recall at a moment (`recall_at`) and
the recall on the day a review or a first look at some moment leaves (`RecallCache`).

The quick paths read fsrs's private constants and write out its stability formulas; they
are used only where they give fsrs's own figures to the bit (`_internals_agree`).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import STABILITY_MIN

from quiz.study.days import as_utc
from quiz.study.scheduling import new_card


def recall_at(card: Card | None, moment: datetime, scheduler: Scheduler) -> float:
    """fsrs's predicted probability of recall at `moment`; 0 for a card never seen.

    fsrs's own forgetting curve (`Scheduler.get_card_retrievability`), with its decay and
    factor read once from the scheduler: the same expression, evaluated in the same order on
    the same floats, so the same bits, without fsrs's method call and `as_utc` per card
    (readiness and the last pass ask it some 700,000 times for a heavy home's forecast).
    `tests/study/test_plan_recall_fast.py` compares it with fsrs's on random states.
    """
    if card is None:
        return 0.0
    curve = forgetting_curve(scheduler)
    if curve is None or moment.tzinfo is None:
        return float(scheduler.get_card_retrievability(card, as_utc(moment)))
    reviewed, stability = card.last_review, card.stability
    if reviewed is None or stability is None:
        return 0.0
    return _plain_recall(reviewed, stability, moment, curve)


def forgetting_curve(scheduler: Scheduler) -> tuple[float, float] | None:
    """fsrs's forgetting-curve constants (factor, decay) of `scheduler` for the quick paths,
    or None where this fsrs does not keep them as `get_card_retrievability` reads them, or
    its private pieces do not give what its public methods give (`_internals_agree`): then
    fsrs's methods are called."""
    constants = _curve_constants(scheduler)
    return constants if constants is not None and _internals_agree() else None


def _curve_constants(scheduler: Scheduler) -> tuple[float, float] | None:
    """`_FACTOR` and `_DECAY` as fsrs 6 keeps them, when it has them and the `parameters`
    its stability formulas read (`_PlainReviews`)."""
    factor = getattr(scheduler, "_FACTOR", None)
    decay = getattr(scheduler, "_DECAY", None)
    parameters = getattr(scheduler, "parameters", None)
    if (
        isinstance(factor, float)
        and isinstance(decay, float)
        and isinstance(parameters, tuple)
        and len(parameters) >= 19
    ):
        return factor, decay
    return None


@functools.cache
def _internals_agree() -> bool:
    """Whether the private pieces of fsrs the quick paths use (`_FACTOR`, `_DECAY`, and
    its stability formulas as `_PlainReviews` writes them out) give, to the bit, what its
    public methods give on probe cards.

    pyproject asks only fsrs>=6 and uv.lock pins the version the tests compare against
    (`tests/study/test_plan_recall_fast.py`); an fsrs installed otherwise may rename or
    change them. Checked once a process; if they disagree, every recall goes through
    fsrs's public methods, slower and right."""
    try:
        scheduler = Scheduler(enable_fuzzing=False, relearning_steps=())
        constants = _curve_constants(scheduler)
        if constants is None:
            return False
        reviewed = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
        when = reviewed + timedelta(days=5, hours=3)
        start = when + timedelta(days=4, hours=14)
        probes = (
            (State.Review, 0.4, 8.9),
            (State.Relearning, 3.7, 6.1),
            (State.Learning, 210.0, 2.2),
        )
        for state, stability, difficulty in probes:
            card = Card(
                state=state,
                step=None if state == State.Review else 0,
                stability=stability,
                difficulty=difficulty,
                last_review=reviewed,
                due=when,
            )
            chance = float(scheduler.get_card_retrievability(card, when))
            if _plain_recall(reviewed, stability, when, constants) != chance:
                return False
            kept, _ = scheduler.review_card(card, Rating.Good, review_datetime=when)
            lapsed, _ = scheduler.review_card(card, Rating.Again, review_datetime=when)
            expected = chance * float(scheduler.get_card_retrievability(kept, start)) + (
                1 - chance
            ) * float(scheduler.get_card_retrievability(lapsed, start))
            if _recall_after_plain_review(card, when, start, scheduler, constants) != expected:
                return False
    except Exception:  # noqa: BLE001 - any failure of a private piece means: do not use it
        return False
    return True


def _plain_recall(
    reviewed: datetime, stability: float, moment: datetime, constants: tuple[float, float]
) -> float:
    """fsrs's forgetting curve at `moment` for a card last reviewed at `reviewed`."""
    factor, decay = constants
    # aware datetimes subtract as instants: the days are those between the UTC times
    return float((1 + factor * max(0, (moment - reviewed).days) / stability) ** decay)


def _recall_after_review(
    card: Card, when: datetime, start: datetime, scheduler: Scheduler, *, steps: bool = True
) -> float:
    """Expected recall at `start` if `card` is reviewed at `when` (recalled or not; a
    lapse is relearned the same day only with `steps`, through `scheduler`'s relearning
    steps that come back within the day, answered Good).

    A card with a memory state (in review, relearning or learning), last reviewed a day or
    more before `when`, whose lapse is not asked again the same day (the last pass's usual
    case) takes `_recall_after_plain_review`: only the stabilities fsrs's `review_card`
    would work out, without its two card copies. fsrs works them out alike in the three
    states on that path (`_next_stability` with the card's retrievability at `when`, whose
    formulas `_PlainReviews` writes out).
    """
    curve = _plain_curve(card, start, scheduler, steps=steps)
    if curve is not None and _plain_when(card, when):
        return _recall_after_plain_review(card, when, start, scheduler, curve)
    return _recall_after_review_fsrs(card, when, start, scheduler, steps=steps)


def _plain_curve(
    card: Card, start: datetime, scheduler: Scheduler, *, steps: bool
) -> tuple[float, float] | None:
    """The curve's constants when `card`'s review takes `_recall_after_plain_review` at
    every moment `_plain_when` allows (None: fsrs's `review_card` at every moment): a card
    with a memory state, a recall moment with its time zone, and a lapse not asked again
    the same day. Asked once per card by `RecallCache.after_reviews`, for all its days."""
    if (
        card.last_review is None
        or card.stability is None
        or card.difficulty is None
        or start.tzinfo is None
        or _lapse_stepped_same_day(scheduler, card.state, steps=steps)
    ):
        return None
    return forgetting_curve(scheduler)


def _plain_when(card: Card, when: datetime) -> bool:
    """Whether a review of `card` at `when` takes the quick path (given `_plain_curve`):
    a moment with its time zone, a day or more after the card's last review."""
    assert card.last_review is not None
    return when.tzinfo is not None and (when - card.last_review).days >= 1


def _lapse_stepped_same_day(scheduler: Scheduler, state: State, *, steps: bool) -> bool:
    """Whether `_recall_after_review_fsrs` would review a lapse of a card in `state` again
    the same day: with `steps` and a first step under a day. fsrs sends an Again in review
    or relearning to the first relearning step, and one in learning to the first learning
    step (none: straight to review)."""
    first = scheduler.learning_steps if state == State.Learning else scheduler.relearning_steps
    return steps and len(first) > 0 and first[0] < timedelta(days=1)


def _recall_after_plain_review(
    card: Card,
    when: datetime,
    start: datetime,
    scheduler: Scheduler,
    curve: tuple[float, float] | None,
) -> float:
    """`_recall_after_review_fsrs` for a card with a stability and a difficulty (in review,
    relearning or learning: `review_card` takes the same path in each), last reviewed at
    least a day before `when`, whose lapse is not asked again the same day: the stability
    after Good and after Again from fsrs's own formulas (what `review_card` works out on
    that path: the difficulty it also updates does not enter the recall), each then on
    fsrs's forgetting curve from `when` (the review becomes the card's last) to `start`.
    `curve`: `forgetting_curve`'s constants (given, so that `_internals_agree` can check this
    function before `forgetting_curve` trusts it)."""
    return _PlainReviews(card, scheduler, curve).recall(when, start)


class _PlainReviews:
    """`_recall_after_plain_review` of one card at many moments (the last pass prices a
    card's review on every day left): fsrs's `_next_stability` after Good
    (`_next_recall_stability`) and after Again (`_next_forget_stability`), each clamped at
    `STABILITY_MIN`, written out with the factors that do not depend on the moment worked
    out once per card. Each is the leading part of fsrs's own product, in its order of
    operations (the Good formula's `* hard_penalty * easy_bonus` are `* 1`), so every
    moment's stabilities are fsrs's to the bit; `_internals_agree` checks them against
    `review_card` before `forgetting_curve` lets any recall take this path."""

    __slots__ = ("_good", "_lapse", "_last", "_recall_w", "_short", "_stability", "_curve")

    def __init__(self, card: Card, scheduler: Scheduler, curve: tuple[float, float] | None):
        assert curve is not None and card.stability is not None and card.difficulty is not None
        assert card.last_review is not None
        w = scheduler.parameters
        stability, difficulty = card.stability, card.difficulty
        self._stability, self._last, self._curve = stability, card.last_review, curve
        self._good = (math.e ** w[8]) * (11 - difficulty) * (stability ** -w[9])
        self._lapse = w[11] * (difficulty ** -w[12]) * (((stability + 1) ** (w[13])) - 1)
        self._short = stability / (math.e ** (w[17] * w[18]))
        self._recall_w = (w[10], w[14])

    def stabilities(self, chance: float) -> tuple[float, float]:
        """The stability after Good and after Again of a review whose retrievability is
        `chance`: `_next_stability(..., rating=Good)` and `(..., rating=Again)`."""
        good_w, again_w = self._recall_w
        kept = max(
            self._stability * (1 + self._good * ((math.e ** ((1 - chance) * good_w)) - 1)),
            STABILITY_MIN,
        )
        lapsed = max(
            min(self._lapse * (math.e ** ((1 - chance) * again_w)), self._short), STABILITY_MIN
        )
        return kept, lapsed

    def recall(self, when: datetime, start: datetime) -> float:
        """Expected recall at `start` after a review at `when` (a day or more after the last)."""
        return self.recalls((when,), start)[0]

    def recalls(self, whens: Sequence[datetime], start: datetime) -> list[float]:
        """`recall` at each of `whens`, in their order: `_plain_recall`, `stabilities` and the
        two curves written out in one loop, the same expressions on the same floats in the
        same order (so the same bits), without three calls per moment (the last pass of a
        heavy home's 46-day plan prices some 464,000 of them)."""
        factor, decay = self._curve
        last, stability, good, lapse, short = (
            self._last,
            self._stability,
            self._good,
            self._lapse,
            self._short,
        )
        good_w, again_w = self._recall_w
        e, least = math.e, STABILITY_MIN
        found: list[float] = []
        # `max(a, b)` as `b if b > a else a` and `min(a, b)` as `b if b < a else a`: what the
        # builtins give (the first unless a later one is strictly past it), NaN included
        for when in whens:
            since = (when - last).days
            chance = float((1 + factor * (0 if 0 > since else since) / stability) ** decay)
            kept = stability * (1 + good * ((e ** ((1 - chance) * good_w)) - 1))
            kept = least if least > kept else kept
            lapsed = lapse * (e ** ((1 - chance) * again_w))
            lapsed = short if short < lapsed else lapsed
            lapsed = least if least > lapsed else lapsed
            elapsed = (start - when).days
            elapsed = 0 if 0 > elapsed else elapsed
            found.append(
                chance * float((1 + factor * elapsed / kept) ** decay)
                + (1 - chance) * float((1 + factor * elapsed / lapsed) ** decay)
            )
        return found


def _recall_after_review_fsrs(
    card: Card, when: datetime, start: datetime, scheduler: Scheduler, *, steps: bool = True
) -> float:
    """`_recall_after_review` through fsrs's `review_card`: every case, and the reference
    the quick path is tested against."""
    chance = recall_at(card, when, scheduler)
    kept, _ = scheduler.review_card(card, Rating.Good, review_datetime=when)
    lapsed, _ = scheduler.review_card(card, Rating.Again, review_datetime=when)
    for _step in range(10 if steps else 0):
        if lapsed.state == State.Review or lapsed.due - when >= timedelta(days=1):
            break
        lapsed, _ = scheduler.review_card(lapsed, Rating.Good, review_datetime=lapsed.due)
    return chance * recall_at(kept, start, scheduler) + (1 - chance) * recall_at(
        lapsed, start, scheduler
    )


def _state_key(card: Card, start: datetime, steps: bool) -> tuple[object, ...]:
    """What a card's recalls after a review depend on: its memory state, the forecast's
    start and whether same-day steps are taken (so two cards in one state share answers)."""
    return (
        card.state,
        card.step,
        card.stability,
        card.difficulty,
        card.due,
        card.last_review,
        start,
        steps,
    )


class RecallCache:
    """`_recall_after_review` remembered by the card's whole fsrs state, the moment of the
    review, the moment of the recall and `steps`, for one scheduler (the caller's).

    The forecast plans each day to the interview on a copy of the memory, and the last
    pass of each of its days prices every seen card's review on every day left: the same
    card state reviewed on the same date, asked again by each later day, and most cards
    are not reviewed from one day to the next. On a heavy home (10,000 cards) that was
    210,000 reviews simulated twice each by fsrs for `drillbit plan`, most of them
    already worked out the day before.

    Kept by the card's state first, then by the review's moment: the last pass asks a
    card's recall on every day left at once (`after_reviews`), one look-up of its state.
    The last answer per state is kept whole too: the next day asks the same moments but
    its first (`_Asked`), and gets them by one comparison of the lists, not a look-up a
    moment (14 million of them in a heavy home's forecast).

    `earlier`: the cache of the previous forecast with the same scheduler; a card state
    it worked out is moved from it when first asked, not worked out again. Every answer
    is a function of its key (the state, the moments, `steps`) and the scheduler alone,
    so whatever changed since (an answer, a plan edit) only misses: after one answer
    most of a heavy home's cards are in the states they were (`PlanCache`). Only what
    this forecast asks moves over, so the kept recalls stay one forecast's.
    """

    def __init__(self, earlier: RecallCache | None = None) -> None:
        self._known: dict[tuple[object, ...], dict[datetime, float]] = {}
        self._earlier: dict[tuple[object, ...], dict[datetime, float]] = (
            {} if earlier is None else earlier._known
        )
        """The previous forecast's recalls by state, moved over as asked (emptied)."""
        self._asked: dict[tuple[object, ...], _Asked] = {}
        self._moments: dict[tuple[datetime, ...], tuple[datetime, ...]] = {}
        """Each list of moments asked, kept as one tuple (`_interned`)."""
        self._given: tuple[tuple[datetime, ...], tuple[datetime, ...]] | None = None
        """The tuple of moments asked last and its kept tuple."""
        self._skips: dict[tuple[int, int], int | None] = {}
        """By the ids of two kept tuples: how many of the first's moments the second
        leaves out at the front (None: it is not the first's end)."""

    def with_unasked(self) -> RecallCache:
        """This cache with the recalls of its `earlier` it has not moved over yet, for a
        forecast stopped half-way (overtaken by an answer, `PlanCache`): the next forecast
        may ask either kind, and each is a function of its key alone."""
        for key, known in self._earlier.items():
            self._known.setdefault(key, known)
        self._earlier = {}
        return self

    def _interned(self, whens: Sequence[datetime]) -> tuple[datetime, ...]:
        """`whens` as the one tuple kept for those moments. The last pass asks every card
        with one tuple: known by its identity, the moments are neither hashed nor compared
        again (a heavy home's forecast compared 14 million moments, `_Asked`)."""
        given = self._given
        if given is not None and whens is given[0]:
            return given[1]
        moments = tuple(whens)
        kept = self._moments.setdefault(moments, moments)
        if isinstance(whens, tuple):  # a list may change; a tuple is known by its identity
            self._given = (whens, kept)
        return kept

    def _skip(self, before: tuple[datetime, ...], now: tuple[datetime, ...]) -> int | None:
        """How many moments of `before` `now` leaves out at the front, when `now` is its end
        (both kept tuples, whose ids stay theirs: compared once per pair)."""
        pair = (id(before), id(now))
        if pair not in self._skips:
            skip = len(before) - len(now)
            self._skips[pair] = None if skip < 0 or now != before[skip:] else skip
        return self._skips[pair]

    def after_review(
        self, card: Card, when: datetime, start: datetime, scheduler: Scheduler, *, steps: bool
    ) -> float:
        """`_recall_after_review`, worked out once per card state, review and recall moment."""
        return self.after_reviews(card, (when,), start, scheduler, steps=steps)[0]

    def after_reviews(
        self,
        card: Card,
        whens: Sequence[datetime],
        start: datetime,
        scheduler: Scheduler,
        *,
        steps: bool,
    ) -> list[float]:
        """`after_review` at each of `whens`, in their order."""
        key = _state_key(card, start, steps)
        moments = self._interned(whens)
        asked = self._asked.get(key)
        if asked is not None:
            skip = self._skip(asked.whens, moments)
            if skip is not None:
                return asked.found[skip:]
        return list(self._work_out(card, key, moments, start, scheduler, steps=steps))

    def after_reviews_many(
        self,
        cards: Sequence[Card],
        whens: Sequence[datetime],
        start: datetime,
        scheduler: Scheduler,
        *,
        steps: bool,
    ) -> list[list[float]]:
        """`after_reviews` of each of `cards` at the same `whens`, in their order: what the
        last pass asks of every seen card each day. The moments are looked up once for all
        the cards, and how many a kept answer leaves out once per list of moments kept, not
        once per card (some 10,000 cards a day on a heavy home, most of them kept)."""
        moments = self._interned(whens)
        skips: dict[int, int | None] = {}
        asked_of = self._asked.get
        answers: list[list[float]] = []
        answer = answers.append
        for card in cards:
            # `_state_key`, written out: a call per card cost a tenth of the loop
            key = (
                card.state,
                card.step,
                card.stability,
                card.difficulty,
                card.due,
                card.last_review,
                start,
                steps,
            )
            asked = asked_of(key)
            if asked is not None:
                before = asked.whens
                where = id(before)
                if where in skips:
                    skip = skips[where]
                else:
                    skip = skips[where] = self._skip(before, moments)
                if skip is not None:
                    answer(asked.found[skip:])
                    continue
            answer(list(self._work_out(card, key, moments, start, scheduler, steps=steps)))
        return answers

    def _work_out(
        self,
        card: Card,
        key: tuple[object, ...],
        moments: tuple[datetime, ...],
        start: datetime,
        scheduler: Scheduler,
        *,
        steps: bool,
    ) -> list[float]:
        """The recalls of `card` (its state `key`) at `moments`, each from the ones known
        or worked out now; kept as the state's last answer (`_Asked`)."""
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._earlier.pop(key, {})
        # _recall_after_review of the moments not known, its path decided once per card and
        # the quick path's moments priced in one call (`_PlainReviews.recalls`)
        missing = [when for when in moments if when not in known] if known else moments
        if missing:
            curve = _plain_curve(card, start, scheduler, steps=steps)
            plain: list[datetime] = []
            if curve is not None:
                # `_plain_when` written out: a call per moment was a third of this list's
                # time (some 464,000 moments over a heavy home's 46-day forecast)
                last = card.last_review
                assert last is not None
                plain = [
                    when for when in missing if when.tzinfo is not None and (when - last).days >= 1
                ]
            if plain:
                assert curve is not None
                reviews = _PlainReviews(card, scheduler, curve)
                known.update(zip(plain, reviews.recalls(plain, start), strict=True))
            if len(plain) < len(missing):
                for when in missing:
                    if when not in known:
                        known[when] = _recall_after_review_fsrs(
                            card, when, start, scheduler, steps=steps
                        )
        found = [known[when] for when in moments]
        self._asked[key] = _Asked(moments, found)
        return found


class _Asked:
    """One `after_reviews` answer of a card state: its moments (a tuple `RecallCache` keeps)
    and their recalls. Asked again at the same moments or their end (the same day a day
    later, or the day after), it gives those recalls."""

    __slots__ = ("found", "whens")

    def __init__(self, whens: tuple[datetime, ...], found: list[float]) -> None:
        self.whens, self.found = whens, found


def recall_after_first_look(
    when: datetime, start: datetime, scheduler: Scheduler, *, steps: bool = True
) -> float:
    """Recall at `start` of a new card introduced at `when` and answered Good throughout
    (its first answer only, without `steps`)."""
    card = new_card("new", when)
    for _step in range(5 if steps else 1):
        card, _ = scheduler.review_card(card, Rating.Good, review_datetime=max(when, card.due))
        if card.state == State.Review:
            break
    return recall_at(card, start, scheduler)
