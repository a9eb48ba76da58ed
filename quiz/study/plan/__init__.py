"""Interview plan: readiness on the day, and what plan mode studies each day before it.

Pure functions over fsrs memory states; the caller passes the time (`now`), the time zone
and the fsrs Scheduler, so the same code runs in the app, in tests with a fake clock and
in the simulation bench (bench/plan.py).

Readiness is the mean over the chosen cards of fsrs's predicted probability of recall at
the start of the interview day (`Scheduler.get_card_retrievability`); a card never seen
counts 0.

Plan mode, each day before the interview, within the minutes-per-day budget, reviews
only what the day needs:

1. today's learning and relearning steps (what cannot wait), when the days left have
   room for every unseen card with its steps and a full last pass (`steps_fit`);
   otherwise a first answer or a lapse is not asked again the same day and the card
   waits for the last pass. No other review comes before the last pass, not even a
   step an earlier answer left (the plan says such cards wait: `step_owed`,
   `with_steps_waiting`), and a review nearer the day adds more recall on the day than
   one now;
2. new cards, front-loaded: as many as today's budget holds, until every card is seen.
   New cards never come after a review day: the last pass is the days left once the
   unseen cards have had the days they need (`new_days`), at most as many as one review
   of every card takes (`final_days`), at least the eve (`pass_days`);
3. the last pass (`last_pass`): every (card, day) pair up to the eve of the interview is
   worth the recall on the day it adds by fsrs's forgetting curve (expected over
   recalling or not) per second of study; pairs are taken best first, one day per card,
   while the day has room, until predicted readiness on the day reaches the target plus
   `READINESS_MARGIN`; today studies what landed on today. A card whose recall on the day
   is under the target is thus brought forward, to the latest day with room; a card well
   above it is left alone. Cards still unseen compete there only when the days are too
   few to see them all before the eve (an interview tomorrow).

Plan mode is time-boxed (`TimeBox`): a card starts only while a long answer to it (the
person's 99th percentile) still ends within today's minutes.

On the interview day and after it the plan is over and the normal fsrs schedule rules.

The plan's jobs, one module each (the pure ones import no store and no Textual):

- `recall_on_day`: readiness on the day, the target and the margin;
- `curve`: fsrs's forgetting curve, quickly (`recall_at`, `RecallCache`);
- `pace`: the load estimate from answer times (`Pace`) and today's time box;
- `new_cards`: the new-card pacing and whether the same-day steps fit;
- `looks`, `placement`, `bring_forward`: the last pass (which cards are brought forward
  to which day);
- `day_selection`: the day's selection within the budget (`plan_day`, `rest_of_day`);
- `ahead`: studying ahead once the day's list is done;
- `forecast_days`: the forecast over the coming days.

This package re-exports their public names; `quiz.study.plan_status` and its siblings read
the store and call them.
"""

from __future__ import annotations

from quiz.study.plan.ahead import Ahead, study_ahead
from quiz.study.plan.bring_forward import LastPass, last_pass
from quiz.study.plan.curve import RecallCache, recall_at
from quiz.study.plan.day_selection import DayPlan, plan_day, rest_of_day, with_steps_waiting
from quiz.study.plan.forecast_days import ForecastDay, ForecastStopped, forecast
from quiz.study.plan.new_cards import (
    final_days,
    new_days,
    pass_days,
    step_owed,
    steps_due,
    steps_fit,
    takes_steps,
)
from quiz.study.plan.pace import (
    DEFAULT_MINUTES_PER_DAY,
    DEFAULT_SECONDS,
    NEW_ANSWERS,
    REVIEW_ANSWERS,
    Pace,
    TimeBox,
    TimedAnswer,
    answers_per_card,
    estimate_pace,
    time_box,
)
from quiz.study.plan.recall_on_day import (
    DEFAULT_TARGET,
    READINESS_MARGIN,
    Readiness,
    interview_start,
    memory_of,
    readiness,
)

__all__ = [
    "DEFAULT_MINUTES_PER_DAY",
    "DEFAULT_SECONDS",
    "DEFAULT_TARGET",
    "NEW_ANSWERS",
    "READINESS_MARGIN",
    "REVIEW_ANSWERS",
    "Ahead",
    "DayPlan",
    "ForecastDay",
    "ForecastStopped",
    "RecallCache",
    "LastPass",
    "Pace",
    "Readiness",
    "TimeBox",
    "TimedAnswer",
    "answers_per_card",
    "estimate_pace",
    "final_days",
    "forecast",
    "interview_start",
    "last_pass",
    "memory_of",
    "new_days",
    "pass_days",
    "plan_day",
    "readiness",
    "recall_at",
    "rest_of_day",
    "step_owed",
    "steps_due",
    "steps_fit",
    "study_ahead",
    "takes_steps",
    "time_box",
    "with_steps_waiting",
]
