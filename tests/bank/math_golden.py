"""Golden renderings of every formula in the bundled bank (tests/data/math_golden.txt).

The file pairs each formula's LaTeX (whitespace collapsed) with the Unicode the terminal
shows, so a change in the renderer shows up as a diff to read, formula by formula.
After adding cards, list the new formulas with their current rendering, check each by
eye, and commit them:

    uv run python -m tests.bank.math_golden          # print the missing entries
    uv run python -m tests.bank.math_golden --write  # append them to the file
    uv run python -m tests.bank.math_golden --prune  # drop formulas no card uses any more

An entry no card uses would keep a rendering reviewed for nothing, and hide that an edit
dropped the formula; the golden test fails on such entries.
"""

from __future__ import annotations

import sys
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.bank.markdown import scan_math
from quiz.bank.mathtext import latex_to_unicode
from quiz.bank.models import ChoiceFront, ConceptFront
from quiz.bank.sources import bundled_content_dir

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "math_golden.txt"
HEADER = (
    "# Every formula of the bundled bank and how the terminal shows it, reviewed by eye.\n"
    "# 'latex:' is the formula with whitespace collapsed; 'text:' the rendering.\n"
    "# Regenerate the missing entries with: uv run python -m tests.bank.math_golden --write\n"
)


def bank_formulas(pack: str | None = None) -> list[str]:
    """Every distinct formula in the bundled bank's cards (or one pack's), in file order."""
    bank = load_bank([bundled_content_dir()])
    seen: dict[str, None] = {}
    for card in sorted(bank.cards, key=lambda c: c.path):
        if pack is not None and card.pack != pack:
            continue
        texts = [card.title, *(s.text for s in card.sections.values())]
        if isinstance(card.front, ChoiceFront):
            texts.extend(card.front.choices)
        if isinstance(card.front, ConceptFront):
            texts.extend(card.front.key_points)
        for text in texts:
            for span in scan_math(text).spans:
                seen.setdefault(" ".join(span.latex.split()), None)
    return list(seen)


def read_golden(path: Path = GOLDEN) -> dict[str, str]:
    """latex -> expected text, from the golden file."""
    pairs: dict[str, str] = {}
    latex: str | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("latex: "):
            latex = line.removeprefix("latex: ")
        elif line.startswith("text:  "):
            if latex is None:
                raise ValueError(f"{path}:{number}: 'text:' without a 'latex:' line before it")
            pairs[latex] = line.removeprefix("text:  ")
            latex = None
    return pairs


def unused_entries(path: Path = GOLDEN) -> list[str]:
    """The golden file's formulas that no bundled card uses any more, in file order."""
    used = set(bank_formulas())
    return [latex for latex in read_golden(path) if latex not in used]


def prune(path: Path = GOLDEN) -> int:
    """Drop the unused entries (each a latex line, its text line and the blank after)."""
    unused = set(unused_entries(path))
    kept: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    skip = 0
    for line in lines:
        if skip:
            skip -= 1
            if skip == 0 and line.strip():
                kept.append(line)
            continue
        if line.startswith("latex: ") and line.removeprefix("latex: ").rstrip("\n") in unused:
            skip = 2
            continue
        kept.append(line)
    path.write_text("".join(kept), encoding="utf-8")
    return len(unused)


def entry(latex: str) -> str:
    """The file's lines for one formula, rendered now."""
    return f"latex: {latex}\ntext:  {latex_to_unicode(latex)}\n\n"


def main(argv: list[str]) -> int:
    if "--prune" in argv:
        print(f"{prune()} unused formula(s) removed from {GOLDEN}")
        return 0
    known = read_golden() if GOLDEN.exists() else {}
    missing = [f for f in bank_formulas() if f not in known]
    text = "".join(entry(f) for f in missing)
    if "--write" in argv:
        if not GOLDEN.exists():
            GOLDEN.write_text(HEADER + "\n", encoding="utf-8")
        with GOLDEN.open("a", encoding="utf-8") as out:
            out.write(text)
        print(f"{len(missing)} formula(s) appended to {GOLDEN}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
