"""Checkers, one per drill, found by the dotted name a coding card's `checker` field gives."""

from __future__ import annotations

import importlib

from engine.checkers.base import Case, Checker, Outcome

__all__ = ["Case", "Checker", "CheckerNotFoundError", "Outcome", "get_checker"]


class CheckerNotFoundError(LookupError):
    """No checker is registered under that dotted name."""


def get_checker(name: str) -> Checker:
    """The checker for `name`, e.g. 'nn.optim.adam_step' -> engine.checkers.nn.optim.adam_step.

    The attribute may be a Checker instance or a Checker subclass (instantiated here).
    """
    module_name, _, attr = name.rpartition(".")
    if not module_name or not attr:
        raise CheckerNotFoundError(
            f"checker name {name!r} is not a dotted name like 'nn.optim.adam_step'"
        )
    try:
        module = importlib.import_module(f"engine.checkers.{module_name}")
    except ModuleNotFoundError as exc:
        raise CheckerNotFoundError(f"no checker module engine.checkers.{module_name}") from exc
    obj = getattr(module, attr, None)
    if isinstance(obj, type) and issubclass(obj, Checker):
        obj = obj()
    if not isinstance(obj, Checker):
        raise CheckerNotFoundError(f"engine.checkers.{module_name} has no checker named {attr!r}")
    return obj
