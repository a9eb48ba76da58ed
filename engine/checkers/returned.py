"""What a harness reports when an entry returns the wrong number of values, in words.

The harness runs in the submission's process, so its report is untrusted and the
wire refuses strings in results. It therefore reports a small integer code (the
`return_code` in engine/harnesses/_returns.py, which each harness ships with;
its codes are kept to `KINDS` here by a test);
the parent turns it into text through this fixed table, so no text written in the
submission's process ever reaches the message.
"""

from __future__ import annotations

MAX_LENGTH = 999
"""A tuple or list is reported by its length, capped at this."""

KINDS: dict[int, str] = {
    -1: "None (did it forget to `return`?)",
    -2: "a single numpy array",
    -3: "a single number",
    -4: "a bool",
    -5: "a string",
    -6: "a dict",
    -7: "a value of another type",
}
"""Code -> words for everything that is not a tuple or list (those are codes 0..MAX_LENGTH)."""


def describe_return(code: object) -> str:
    """The words for a harness's code (a forged or unknown code gets neutral words)."""
    if type(code) is int:
        if 0 <= code <= MAX_LENGTH:
            more = "" if code < MAX_LENGTH else " or more"
            return f"{code}{more} value{'' if code == 1 else 's'}"
        if code in KINDS:
            return KINDS[code]
    return "something else"


def wrong_return(entry: str, expected: str, code: object) -> str:
    """The message for an entry that did not return the values the task asks for."""
    return f"{entry} should return {expected}, got {describe_return(code)}"
