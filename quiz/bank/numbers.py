"""Typed numbers for numeric cards: a small parser (no eval) and the judged result.

Accepted: 0.25, 1e-3, -2, 1,000, 25% (= 0.25), 1/4, powers 0.25^10 or 2**-3, square
roots and natural logarithms (√128, 8√2, 8 sqrt(2), ln 2, log(2): a card's exact answer
is often one, as the spread of a dot product or the loss at a zero logit; the study
screen's empty box takes s as Skip, so a root typed first is √128 there), and
parentheses, combined with + - * /. Anything else is refused with a plain message.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

ACCEPTED = "a number such as 0.25, 1e-3, 25%, 1/4 or 0.5^10"

_LITERAL = re.compile(r"[-+\u2212]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
"""One number as written (no comma, operator or %): echoed back just as typed."""

_FUNCTIONS = {"sqrt": math.sqrt, "\u221a": math.sqrt, "ln": math.log, "log": math.log}
"""What a person types before a number for its root or its natural log (log is ln, as in
the cards' losses); each takes the number, power or parenthesis after it: √2^2 is 2."""

_TOKEN = re.compile(
    r"\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)"
    r"|(\*\*|[-+*/^()%\u221a]|sqrt|ln|log))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumericResult:
    """A typed number judged against the card."""

    correct: bool
    value: float
    expected: str
    """The answer as shown, e.g. '0.25 ± 0.001 (unit)'."""


def _tokens(text: str) -> list[str]:
    found: list[str] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            if text[pos:].strip() == "":
                break
            raise ValueError(f"'{text[pos:].strip()[:12]}' is not part of {ACCEPTED}")
        found.append(match.group(1) or match.group(2).lower())
        pos = match.end()
    return found


class _Parser:
    """expr := term (('+'|'-') term)*; term := unary (('*'|'/') unary)*;
    unary := '-' unary | '+' unary | power; power := atom [('^'|'**') unary]; atom := num['%'] | '(' expr ')'.
    """

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise ValueError(f"the input ends too early: type {ACCEPTED}")
        self.pos += 1
        return token

    def expr(self) -> float:
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self) -> float:
        value = self.unary()
        while self.peek() in ("*", "/") or self.peek() in _FUNCTIONS:
            if self.peek() in _FUNCTIONS:  # 8√2: a root or log written after a factor
                value *= self.unary()
            elif self.take() == "*":
                value *= self.unary()
            else:
                divisor = self.unary()
                if divisor == 0:
                    raise ValueError("division by zero")
                value /= divisor
        return value

    def unary(self) -> float:
        if self.peek() == "-":
            self.take()
            return -self.unary()
        if self.peek() == "+":
            self.take()
            return self.unary()
        return self.power()

    def power(self) -> float:
        base = self.atom()
        if self.peek() in ("^", "**"):
            self.take()
            exponent = self.unary()
            try:
                return math.pow(base, exponent)
            except (OverflowError, ValueError) as exc:
                raise ValueError("that power has no real, finite value") from exc
        return base

    def function(self, name: str) -> float:
        """A root or log of what follows it, refused where it has no real, finite value."""
        argument = self.power()
        try:
            return _FUNCTIONS[name](argument)
        except ValueError as exc:
            raise ValueError(f"{name} of {argument:g} has no real, finite value") from exc

    def atom(self) -> float:
        token = self.take()
        if token in _FUNCTIONS:
            return self.function(token)
        if token == "(":
            value = self.expr()
            if self.take() != ")":
                raise ValueError("a '(' is not closed")
        elif token[0].isdigit() or token[0] == ".":
            value = float(token)
        else:
            raise ValueError(f"'{token}' cannot start a number: type {ACCEPTED}")
        if self.peek() == "%":
            self.take()
            value /= 100
        return value


def parse_number(text: str) -> float:
    """A typed number (see the module docstring); ValueError with a plain message otherwise."""
    raw = text.strip().replace(",", "").replace("−", "-").replace("×", "*")
    if not raw:
        raise ValueError(f"type {ACCEPTED}")
    parser = _Parser(_tokens(raw))
    value = parser.expr()
    if parser.peek() is not None:
        raise ValueError(f"'{parser.peek()}' is out of place: type {ACCEPTED}")
    if not math.isfinite(value):
        raise ValueError("type a finite number")
    return value


def _plain_exponent(text: str) -> str:
    """'1e-06' as a person writes it, '1e-6'; '1e+20' as '1e20' (Python pads and signs)."""
    mantissa, _, exponent = text.partition("e")
    if not exponent:
        return text
    sign = "-" if exponent.startswith("-") else ""
    return f"{mantissa}e{sign}{exponent.lstrip('+-').lstrip('0') or '0'}"


def format_number(value: float) -> str:
    """A number the way a person writes it: `4`, `0.25`, `9.5367431640625e-7` (shortest exact).

    A card's answer and tolerance are shown so (and exported to Anki so): `:g` showed
    1048576 as '1.04858e+06' and 1e-6 as '1e-06'.
    """
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return _plain_exponent(repr(value))


def typed_echo(text: str, value: float) -> str:
    """What the person typed, as the verdict repeats it: trimmed, in their notation.

    `value` is `parse_number(text)`. One number comes back as typed ('1e-6', which `:g`
    echoed as '1e-06'); anything else (a fraction, a power, a percentage, a comma) is
    followed by the value it was read as: '1/4 (= 0.25)', '0.5^10 (≈ 0.000976562)',
    '1,5 (= 15)'.
    """
    typed = text.strip()
    if _LITERAL.fullmatch(typed):
        return typed
    short = f"{value:.6g}"
    sign = "=" if float(short) == value else "≈"
    shown = format_number(float(short)) if "e" not in short else _plain_exponent(short)
    return f"{typed} ({sign} {shown})"
