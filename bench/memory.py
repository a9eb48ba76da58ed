"""Peak memory of `drillbit lint` on a pack far larger than any bundled one.

A pack of `cards` cards of about 1 MiB each (the loader's limit for one card file), all in
one topic folder, is linted in a fresh DRILLBIT_HOME twice: cold (every card parsed, the
card cache written) and warm (the topic's cache file read back). The peak is the child's
own VmHWM (`heavy.PEAK_WRAPPER`); the pack's size is given with it, so the ratio says how
many copies of its text a command holds.

`python -m bench.memory --against DIR` measures the same with the source tree in DIR too
(`git archive main quiz engine | tar -x -C DIR`), alternating the two, and writes the
medians as section `side_by_side_29` of bench/results.json.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.common import (
    REPO,
    Figure,
    Settings,
    against_parser,
    alternate,
    merge_results,
    print_figures,
    run_python,
    run_stamp,
    side_figures,
)
from bench.heavy import PEAK_WRAPPER
from quiz.bank import cachefile

CARD_BYTES = 1_000_000
"""Each card's answer: just under the 1 MiB a card file may hold."""


def big_pack(root: Path, cards: int) -> Path:
    """A pack folder of `cards` valid concept cards of about 1 MB each, in one topic."""
    pack = root / "big-pack"
    topic = pack / "topic"
    topic.mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text(
        "title: Big\ndescription: A pack of large cards.\nversion: 1.0.0\n", encoding="utf-8"
    )
    sentence = "The gradient of the loss scales the step that moves the weights. "
    paragraph = (sentence * 12).strip() + "\n\n"
    answer = paragraph * (CARD_BYTES // len(paragraph))
    for number in range(cards):
        card_id = f"big-{number:04d}"
        (topic / f"{card_id}.md").write_text(
            f"---\nid: {card_id}\nkind: concept\ntitle: Big card {number}\ntopic: topic\n"
            'tags: [big]\ndifficulty: 2\nsource: "Goodfellow et al. 2016, chapter 8"\n'
            "key_points: [The step size, scales the gradient, before the weights move]\n"
            f"---\n\n## Question\n\nWhat does big card {number} say?\n\n## Answer\n\n{answer}",
            encoding="utf-8",
        )
    time.sleep(cachefile.RACY_SECONDS + 0.2)  # old enough for the card cache to store
    return pack


def lint_peaks(pack: Path, home: Path, source: Path) -> tuple[float, float]:
    """(cold, warm) peak RSS in MB of `drillbit lint PACK` run from `source`'s tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(source)
    env["DRILLBIT_HOME"] = str(home)
    env.pop("DRILLBIT_CONTENT", None)
    peaks = []
    for _ in ("cold", "warm"):
        out = home / "peak"
        # cwd outside any tree, so `source` is the quiz that runs
        run_python(["-c", PEAK_WRAPPER, str(out), "quiz", "lint", str(pack)], env=env, cwd=home)
        peaks.append(int(out.read_text(encoding="utf-8").split()[0]) / 1024)
    return peaks[0], peaks[1]


def _size_mb(pack: Path) -> float:
    return sum(p.stat().st_size for p in pack.rglob("*.md")) / 1_048_576


def memory_figures(settings: Settings, work: Path, cards: int | None = None) -> list[Figure]:
    """lint_big_pack_peak_mb, cold and warm, for this tree (64 cards quick, else 256)."""
    if cards is None:
        cards = 64 if settings.quick else 256
    pack = big_pack(work / "big-pack", cards)
    size = round(_size_mb(pack), 1)
    home = Path(tempfile.mkdtemp(prefix="home-", dir=work))
    cold, warm = lint_peaks(pack, home, REPO)
    params = {"cards": cards, "pack_mb": size}
    return [
        Figure("lint_big_pack_peak_mb", round(cold, 1), "MB", {**params, "card_cache": "cold"}),
        Figure("lint_big_pack_peak_mb", round(warm, 1), "MB", {**params, "card_cache": "warm"}),
    ]


def side_by_side(against: Path, cards: int, rounds: int, out: Path) -> list[Figure]:
    """The peaks of `against` (before) and this tree (after), alternating, into `out`."""
    stamp = run_stamp()
    with tempfile.TemporaryDirectory(prefix="drillbit-memory-") as tmp:
        work = Path(tmp)
        pack = big_pack(work, cards)
        size = round(_size_mb(pack), 1)

        def measure(number: int, side: str, source: Path) -> dict[str, float]:
            home = work / f"home-{side}-{number}"
            home.mkdir()
            cold, warm = lint_peaks(pack, home, source)
            print(f"  round {number + 1} {side}: cold {cold:.0f} MB, warm {warm:.0f} MB")
            return {"cold": cold, "warm": warm}

        found = alternate(against, rounds, measure)
    figures = []
    for cache in ("cold", "warm"):
        params = {"cards": cards, "pack_mb": size, "card_cache": cache, "rounds": rounds}
        before, after = found.of("before", cache), found.of("after", cache)
        figures += side_figures("lint_big_pack_peak", before, after, "MB", params)
    merge_results(out, {"side_by_side_29": figures}, {}, stamp)
    return figures


def main() -> None:
    """`python -m bench.memory --against DIR [--cards N] [--rounds N]`."""
    parser = against_parser("bench.memory", __doc__, rounds=3)
    parser.add_argument("--cards", type=int, default=256)
    args = parser.parse_args()
    print_figures(side_by_side(args.against.resolve(), args.cards, args.rounds, args.out))


if __name__ == "__main__":
    main()
