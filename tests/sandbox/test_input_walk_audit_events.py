"""The inputs' walk raises no audit event: the child walks every earlier case's inputs after
each case, and each event runs the sandbox's hook (a 300-case drill graded 3x slower when the
walk called `id()`, which Python 3.11 audits as `builtins.id`)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import REPO

WALK = textwrap.dedent("""
    import sys
    import numpy as np
    from engine.harnesses import _runtime as rt

    shared = [np.ones(2)]
    inputs = {"x": np.zeros(3), "params": {"w": [np.ones((2, 2)), shared, shared]}, "t": ()}
    inputs["params"]["me"] = inputs["params"]
    before = rt._states(inputs)
    events = []
    sys.addaudithook(lambda event, args: events.append(event))
    changed = rt._changed(before, inputs)
    walked = rt._arrays(inputs, "")
    print(len(events), sorted(set(events)), changed, [name for name, _ in walked])
""")


def test_the_walk_raises_no_audit_event_and_still_names_what_it_meets() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WALK], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    count, _, rest = done.stdout.partition(" ")
    assert count == "0", done.stdout
    # a container met twice is named, not walked again: as a change, since inputs that came
    # over the wire share none (tests/sandbox/test_inputs_between_calls.py)
    assert rest.rstrip() == (
        "[] [\"params['w'][2]\", \"params['me']\"] "
        "['x', \"params['w'][0]\", \"params['w'][1][0]\", \"params['w'][2]\", \"params['me']\"]"
    ), rest
