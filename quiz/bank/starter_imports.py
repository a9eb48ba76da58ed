"""Lint error: a drill's starter imports a module its sandbox does not give a drill.

The sandbox runs a solution with the standard library and NumPy only, and refuses some of
the standard library (subprocesses, sockets, ctypes, SQLite...: `engine.sandbox.child`'s
`REFUSED_IMPORTS`). The unchanged starter is meant to fail (it raises
`NotImplementedError`), so lint's run of it cannot tell this failure from that one: a
starter importing `subprocess` or `torch` passed, and every solution written from it failed
at the import, with the card's author none the wiser.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator

__all__ = ["starter_import_problems"]

PROVIDED = frozenset({"numpy"})
"""What a drill may import beside the standard library (the sandbox mounts NumPy alone)."""


def starter_import_problems(tree: ast.Module) -> list[tuple[int, int, str]]:
    """(line in the starter, column, message) of each import of a module a drill cannot
    import, 1-based, in the starter's order."""
    from engine.sandbox.child import PRIVATE_PACKAGES, REFUSED_IMPORTS

    found: list[tuple[int, int, str]] = []
    for node, name in _imports(tree):
        top = name.partition(".")[0]
        if not top:
            why = "a relative import: a drill's code is one module, in no package"
        elif top in REFUSED_IMPORTS or top in PRIVATE_PACKAGES:
            why = f"'{name}', which the sandbox refuses to drills"
        elif top in sys.stdlib_module_names or top in PROVIDED:
            continue
        else:
            why = f"'{name}', which drills cannot import (the sandbox has NumPy and the standard library only)"
        found.append(
            (
                node.lineno,
                node.col_offset + 1,
                f"starter imports {why}: every solution written from it fails at this line; "
                "delete the import, or do it with NumPy",
            )
        )
    return found


def _imports(tree: ast.Module) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    """Each import statement anywhere in the code (a function's too), with each module it
    names (`from . import x`: '')."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name
        elif isinstance(node, ast.ImportFrom):
            yield node, "" if node.level else (node.module or "")
