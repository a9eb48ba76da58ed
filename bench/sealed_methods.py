"""The child's sealed `take`, `put` and `choose` against numpy's own, side by side in one run.

`python -m bench.sealed_methods [--against FILE] [--rounds N]` puts the sandbox child's
methods in ndarray's dict in this process (`bound_wrapped_indices`, as a worker does while it
warms), then in each round times every call below with numpy's methods and with the child's,
one right after the other, and prints the best time of each per call and its ratio to
numpy's. With `--against FILE` (an older `engine/sandbox/child.py`, from `git show`), that
tree's methods are timed in the same rounds, a third column. This process's numpy is changed
for as long as it runs; nothing is written.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import timeit
from pathlib import Path
from typing import Any

import numpy as np

NAMES = ("take", "put", "choose")

CALLS = {
    "np.take(x, i)": "np.take(x, i)",
    "x.take(i)": "x.take(i)",
    "np.take(x, i, mode='clip')": "np.take(x, i, mode='clip')",
    "np.take(x, i, mode='wrap')": "np.take(x, i, mode='wrap')",
    "np.put(y, i, 1.0)": "np.put(y, i, 1.0)",
    "np.choose(c, [x, y])": "np.choose(c, [x, y])",
    "np.choose(c, [x, y], mode='wrap')": "np.choose(c, [x, y], mode='wrap')",
}
"""Ten float items, three intp indices, ten choices of two: the per-call cost dominates."""


def methods_dict() -> dict[str, Any]:
    """ndarray's own dict (read as the child reads it), where the methods are put."""
    for held in gc.get_referents(np.ndarray.__dict__):
        if type(held) is dict and "take" in held and "choose" in held:
            return held
    raise RuntimeError("ndarray's dict was not found")


def installed(module: Any, held: dict[str, Any], numpys: dict[str, Any]) -> dict[str, Any]:
    """`module`'s methods, put in and read back, numpy's put back after."""
    module.bound_wrapped_indices(np)
    made = {name: held[name] for name in NAMES}
    held.update(numpys)
    sys._clear_type_cache()
    return made


def load_child(path: Path) -> Any:
    """An older tree's child module, loaded from its file under a name of its own."""
    spec = importlib.util.spec_from_file_location("older_child", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(variants: dict[str, dict[str, Any]], rounds: int) -> dict[str, dict[str, float]]:
    """The best microseconds per call of each statement under each variant, interleaved."""
    held = methods_dict()
    names = {
        "x": np.arange(10.0),
        "y": np.arange(10.0) * 2,
        "i": np.array([1, 2, 3]),
        "c": np.arange(10) % 2,
        "np": np,
    }
    best: dict[str, dict[str, float]] = {call: {} for call in CALLS}
    for _ in range(rounds):
        for call, statement in CALLS.items():
            for variant, methods in variants.items():
                held.update(methods)
                sys._clear_type_cache()
                spent = timeit.timeit(statement, globals=names, number=1000) * 1000
                best[call][variant] = min(best[call].get(variant, spent), spent)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="an older engine/sandbox/child.py")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)
    from engine.sandbox import child

    held = methods_dict()
    numpys = {name: held[name] for name in NAMES}
    variants = {"numpy": numpys}
    if args.against is not None:
        variants["older"] = installed(load_child(args.against), held, numpys)
    variants["child"] = installed(child, held, numpys)
    best = measure(variants, args.rounds)
    print(f"{'call':36}" + "".join(f"{name:>18}" for name in variants))
    for call, times in best.items():
        cells = [f"{times['numpy']:.2f} us"] + [
            f"{times[name]:.2f} us ({times[name] / times['numpy']:.2f}x)"
            for name in variants
            if name != "numpy"
        ]
        print(f"{call:36}" + "".join(f"{cell:>18}" for cell in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
