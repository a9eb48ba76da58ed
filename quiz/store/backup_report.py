"""What an import of a backup did, row kind by row kind (`MergeReport`), and its one line."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class MergeReport:
    """What an import added, replaced and left alone.

    "Unchanged" is a row this machine already holds exactly as the file does (importing the
    same file twice); "kept (newer here)" is a row this machine holds in a later version,
    which wins over the file's.
    """

    reviews_added: int = 0
    reviews_present: int = 0
    attempts_added: int = 0
    attempts_present: int = 0
    sessions_added: int = 0
    sessions_present: int = 0
    """A study session this machine already holds (same mode, same start)."""
    states_added: int = 0
    states_updated: int = 0
    states_same: int = 0
    """The card's schedule here is the file's, to the last field."""
    states_kept: int = 0
    """The card was reviewed later here than in the file: this machine's schedule wins."""
    states_tied: int = 0
    """Different schedules from a review at the same moment (or none): this machine's kept."""
    drafts_added: int = 0
    drafts_updated: int = 0
    drafts_same: int = 0
    """The draft here holds the file's text."""
    drafts_kept: int = 0
    """The draft here was saved later than the file's: it wins."""
    drafts_tied: int = 0
    """Different texts saved at the same moment: this machine's kept."""
    plan_replaced: int = 0
    """1 when the file's interview plan replaced this machine's (or filled its absence)."""
    plan_same: int = 0
    """1 when this machine's interview plan is the file's."""
    plan_kept: int = 0
    """1 when this machine's interview plan was set later than the file's (it wins)."""
    flags_added: int = 0
    flags_updated: int = 0
    flags_same: int = 0
    """The card is suspended or buried here exactly as the file says."""
    flags_kept: int = 0
    """The file's flag was older, or the card was answered here since, or its burial has ended."""
    hints_added: int = 0
    hints_present: int = 0
    """A hint this machine already logged as seen (same drill, same hint, same moment)."""
    settings_taken: int = 0
    """A setting at its default here that the file had changed: config.toml now holds it."""
    settings_same: int = 0
    """A setting this machine holds as the file does."""
    settings_kept: int = 0
    """A setting changed here to another value than the file's: this machine's kept."""
    file_settings: dict[str, Any] = field(default_factory=dict, compare=False)
    """The file's settings, for the command to merge into config.toml (the store knows
    nothing of it), which then fills in the three counts above."""

    @property
    def empty(self) -> bool:
        """The file held no row, no plan and no setting: nothing was looked at, let alone
        imported."""
        return not self.file_settings and not any(
            getattr(self, name) for name in COUNTS if not name.startswith("settings_")
        )

    def describe(self) -> str:
        """One line for the person: each kind of row the file held, with what became of it
        (counts of none left out); `nothing new:` first when nothing here changed."""
        groups = [
            ("reviews", [(self.reviews_added, "added"), (self.reviews_present, "already here")]),
            (
                "card schedules",
                [
                    (self.states_added, "added"),
                    (self.states_updated, "updated"),
                    (self.states_same, "unchanged"),
                    (self.states_kept, "kept (newer here)"),
                    (self.states_tied, "kept (reviewed at the same time here)"),
                ],
            ),
            (
                "drill tries",
                [(self.attempts_added, "added"), (self.attempts_present, "already here")],
            ),
            (
                "study sessions",
                [(self.sessions_added, "added"), (self.sessions_present, "already here")],
            ),
            (
                "drafts",
                [
                    (self.drafts_added, "added"),
                    (self.drafts_updated, "updated"),
                    (self.drafts_same, "unchanged"),
                    (self.drafts_kept, "kept (newer here)"),
                    (self.drafts_tied, "kept (saved at the same time here)"),
                ],
            ),
            (
                "suspended or buried cards",
                [
                    (self.flags_added, "added"),
                    (self.flags_updated, "updated"),
                    (self.flags_same, "unchanged"),
                    (self.flags_kept, "kept as they are here"),
                ],
            ),
            (
                "drill hints seen",
                [(self.hints_added, "added"), (self.hints_present, "already here")],
            ),
        ]
        parts = [
            f"{name}: " + ", ".join(f"{count} {what}" for count, what in counts if count)
            for name, counts in groups
            if any(count for count, _ in counts)
        ]
        if self.plan_replaced:
            parts.append("interview plan: taken from the file")
        elif self.plan_same:
            parts.append("interview plan: unchanged")
        elif self.plan_kept:
            parts.append("interview plan: kept (newer here)")
        settings = [
            (self.settings_taken, "taken from the file"),
            (self.settings_same, "unchanged"),
            (self.settings_kept, "kept (changed here)"),
        ]
        if any(count for count, _ in settings):
            parts.append(
                "settings: " + ", ".join(f"{count} {what}" for count, what in settings if count)
            )
        if not parts:
            return "the file holds no progress: nothing imported"
        changed = (
            self.reviews_added
            + self.attempts_added
            + self.sessions_added
            + self.states_added
            + self.states_updated
            + self.drafts_added
            + self.drafts_updated
            + self.plan_replaced
            + self.flags_added
            + self.flags_updated
            + self.hints_added
            + self.settings_taken
        )
        return ("" if changed else "nothing new: ") + "; ".join(parts)


COUNTS = tuple(each.name for each in fields(MergeReport) if each.name != "file_settings")
"""The report's counts: every field but the file's settings."""
