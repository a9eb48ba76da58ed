"""CPU time of reading a 700 KB Logseq note's properties, DIR's tree against this one.

`python -m bench.logseq_properties --against DIR` writes a generated Logseq note of about
700 KB (`make_note`: blocks tagged `#card` with Logseq's own properties, a code span on the
question's line and one that crosses a line, a fenced C++ block holding `Foo::` and
`key:: value`, a `Status::` and a `source::` property under each answer) and times, in a
fresh process a tree a round, the reader's take-off of properties
(`notes.blockprops.take_properties`) and the report's list of them
(`properties.find_properties`, as the import calls it: given the rows the take-off left
out, on a tree that has them), each the median of five calls' CPU. The figures go to
section `side_by_side_55_properties` of bench/results.json.

Since import54 both ask which lines are code of one block parse of the note (`notes/
coderows.py`), where they read every property-like line as a property; import53c's first
try parsed the whole note, blocks and inline, up to four times a call. Since import55 the
report parses nothing: it reads the rows the reader's take-off left out (import54 parsed
the note a second time for it, 34 to 298 ms).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.common import (
    Figure,
    against_parser,
    alternate,
    merge_results,
    print_figures,
    run_python,
    run_stamp,
    source_env,
)

NOTE_CHARS = 700_000

_CHILD = """
import json, sys, time
from quiz.ecosystem.notes.blockprops import take_properties
from quiz.ecosystem.properties import find_properties
text = open(sys.argv[1], encoding="utf-8").read()
def cpu_ms(action):
    spent = []
    for _ in range(5):
        start = time.process_time()
        action()
        spent.append((time.process_time() - start) * 1000)
    return sorted(spent)[2]
made = take_properties(text, 0)
rows = made[3] if len(made) > 3 else None  # the rows the reader left out (import55 on)
print(json.dumps({
    "take_properties_cpu_ms": cpu_ms(lambda: take_properties(text, 0)),
    "find_properties_cpu_ms": cpu_ms(
        (lambda: find_properties(text)) if rows is None else (lambda: find_properties(text, rows))
    ),
}))
"""


def make_note(chars: int = NOTE_CHARS) -> str:
    """A Logseq note of at least `chars` characters: numbered flashcard blocks, each with
    properties, code spans and a fenced C++ block whose lines look like properties."""
    blocks: list[str] = []
    total = number = 0
    while total < chars:
        number += 1
        block = (
            f"- What does `np.dot` return for case {number}? #card\n"
            f"  id:: 6571a2b4-1c2d-4e5f-8a9b-{number:012x}\n"
            "  collapsed:: true\n"
            "  card-last-interval:: 4\n"
            "  card-repeats:: 2\n"
            "\t- The inner product of `a` and `b` when `a.shape` and `b.shape` agree; see\n"
            "\t  `np.matmul` for stacks, and `x @ y` for its operator. A span `a\n"
            "\t  b:: c` crosses a line.\n"
            "\t  ```cpp\n"
            "\t  Foo::\n"
            "\t    bar();\n"
            "\t  key:: value\n"
            "\t  ```\n"
            "\t  Status:: draft\n"
            f"\t  source:: Goodfellow {number}\n"
        )
        blocks.append(block)
        total += len(block)
    return "".join(blocks)


def side_by_side(against: Path, rounds: int, out: Path) -> list[Figure]:
    """Both trees' medians, round by round alternating which goes first, written to `out`."""
    stamp = run_stamp()
    with tempfile.TemporaryDirectory(prefix="bench-properties-") as scratch:
        work = Path(scratch)
        note = work / "note.md"
        text = make_note()
        note.write_text(text, encoding="utf-8")

        def measure(_number: int, _side: str, tree: Path) -> dict[str, float]:
            env = source_env(tree, work)  # run from `work`: `-c` puts the cwd first on the path
            _wall, done = run_python(["-c", _CHILD, str(note)], env=env, cwd=work)
            if done.returncode != 0:
                raise SystemExit(f"{tree}: {done.stderr.strip()}")
            measured: dict[str, float] = json.loads(done.stdout)
            return measured

        found = alternate(against, rounds, measure)
    params = {"chars": len(text), "rounds": rounds}
    figures = found.figures(("take_properties_cpu_ms", "find_properties_cpu_ms"), params)
    merge_results(out, {"side_by_side_55_properties": figures}, {}, stamp)
    return figures


def main() -> None:
    """`python -m bench.logseq_properties --against DIR [--rounds N]`."""
    parser = against_parser("bench.logseq_properties", __doc__, rounds=3)
    args = parser.parse_args()
    print_figures(side_by_side(args.against.resolve(), args.rounds, args.out))


if __name__ == "__main__":
    main()
