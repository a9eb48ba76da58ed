"""A function's signature as its source writes it (`eps=1e-5`, not Python's repr `1e-05`),
so that a file lacking a drill's function is told a line it can copy into the starter."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable
from typing import Any


def written_signature(name: str, fn: Callable[..., Any]) -> str:
    """`name(params)` with each default as the source text writes it, without annotations;
    Python's rendering of the signature when the source cannot be read or does not match
    (a wrapper, a builtin, a lambda)."""
    signature = inspect.signature(fn)
    bare = [p.replace(annotation=p.empty) for p in signature.parameters.values()]
    plain = f"{name}{signature.replace(parameters=bare, return_annotation=signature.empty)}"
    try:
        source = textwrap.dedent(inspect.getsource(fn))
        node = ast.parse(source).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return plain
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return plain
    params = _params(node.args, source)
    if params is None or _names(node.args) != list(signature.parameters):
        return plain
    return f"{name}({', '.join(params)})"


def _names(args: ast.arguments) -> list[str]:
    """The parameters' names in the order `inspect.signature` lists them."""
    starred = [args.vararg] if args.vararg else []
    keyword = [args.kwarg] if args.kwarg else []
    every = [*args.posonlyargs, *args.args, *starred, *args.kwonlyargs, *keyword]
    return [arg.arg for arg in every]


def _params(args: ast.arguments, source: str) -> list[str] | None:
    """Each parameter as written (`x`, `eps=1e-5`, `*args`, `*`, `**kw`), or None when a
    default's text cannot be found."""
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += args.defaults
    written: list[str] = []
    for index, (arg, default) in enumerate(zip(positional, defaults, strict=True)):
        text = _with_default(arg, default, source)
        if text is None:
            return None
        written.append(text)
        if args.posonlyargs and index == len(args.posonlyargs) - 1:
            written.append("/")
    if args.vararg is not None:
        written.append(f"*{args.vararg.arg}")
    elif args.kwonlyargs:
        written.append("*")
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        text = _with_default(arg, kw_default, source)
        if text is None:
            return None
        written.append(text)
    if args.kwarg is not None:
        written.append(f"**{args.kwarg.arg}")
    return written


def _with_default(arg: ast.arg, default: ast.expr | None, source: str) -> str | None:
    if default is None:
        return arg.arg
    text = ast.get_source_segment(source, default)
    return None if text is None else f"{arg.arg}={' '.join(text.split())}"
