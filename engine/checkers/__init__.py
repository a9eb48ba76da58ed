"""Checkers, one per drill, found by the dotted name a coding card's `checker` field gives."""

from __future__ import annotations

import importlib
from importlib import metadata

from engine.checkers.base import Case, Checker, Outcome

__all__ = ["Case", "Checker", "CheckerNotFoundError", "Outcome", "get_checker"]


class CheckerNotFoundError(LookupError):
    """No checker is registered under that dotted name."""


CHECKER_ENTRY_POINTS = "drillbit.checkers"
"""Entry-point group through which installed packs register their own checkers.

An entry point `NAME = package.module` makes `checker: NAME.attr` in a card resolve to
`package.module.attr`; the engine's own checkers are found first.
"""


def _instantiate(obj: object, where: str, attr: str) -> Checker:
    if isinstance(obj, type) and issubclass(obj, Checker):
        obj = obj()
    if not isinstance(obj, Checker):
        raise CheckerNotFoundError(f"{where} has no checker named {attr!r}")
    return obj


def _from_entry_points(name: str) -> Checker | None:
    """A checker registered by an installed pack, or None when no pack claims the prefix."""
    prefix, _, rest = name.partition(".")
    for entry_point in metadata.entry_points(group=CHECKER_ENTRY_POINTS, name=prefix):
        module_name, _, attr = f"{entry_point.value}.{rest}".rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            raise CheckerNotFoundError(
                f"pack checker module {module_name} cannot be imported: {exc}"
            ) from exc
        return _instantiate(getattr(module, attr, None), module_name, attr)
    return None


def get_checker(name: str) -> Checker:
    """The checker for `name`, e.g. 'nn.optim.adam_step' -> engine.checkers.nn.optim.adam_step.

    The attribute may be a Checker instance or a Checker subclass (instantiated here).
    Names the engine does not know are looked up in installed packs' `drillbit.checkers`.
    """
    module_name, _, attr = name.rpartition(".")
    if not module_name or not attr:
        raise CheckerNotFoundError(
            f"checker name {name!r} is not a dotted name like 'nn.optim.adam_step'"
        )
    try:
        module = importlib.import_module(f"engine.checkers.{module_name}")
    except ModuleNotFoundError as exc:
        external = _from_entry_points(name)
        if external is not None:
            return external
        raise CheckerNotFoundError(f"no checker module engine.checkers.{module_name}") from exc
    return _instantiate(getattr(module, attr, None), f"engine.checkers.{module_name}", attr)
