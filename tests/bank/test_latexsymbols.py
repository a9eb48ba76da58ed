"""The written table of pylatexenc's symbols is pylatexenc's, and showing math no longer
reads pylatexenc's latex2text database."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

from quiz.bank.latexsymbols import PYLATEXENC_SYMBOLS
from quiz.bank.mathsymbols import (
    BIG_OPERATORS,
    INVISIBLE,
    SPACING,
    SYMBOL_OVERRIDES,
    SYMBOLS,
    pylatexenc_symbols,
    write_latex_symbols,
)

REGENERATE = (
    "quiz/bank/latexsymbols.py is not the installed pylatexenc's table; rewrite it with "
    'uv run python -c "from quiz.bank.mathsymbols import write_latex_symbols; '
    'write_latex_symbols()" and check the golden renderings (tests/bank/test_mathtext.py)'
)


def test_the_written_table_is_the_installed_pylatexencs() -> None:
    live = pylatexenc_symbols()
    assert PYLATEXENC_SYMBOLS == live, REGENERATE
    assert list(PYLATEXENC_SYMBOLS) == list(live)  # same order, so the same overrides win


def test_symbols_are_pylatexencs_with_our_choices() -> None:
    expected = {
        name: text
        for name, text in pylatexenc_symbols().items()
        if name not in SPACING and name not in INVISIBLE and name != "-"
    }
    expected.update(SYMBOL_OVERRIDES)
    expected.update(BIG_OPERATORS)
    assert expected == SYMBOLS


def test_write_latex_symbols_writes_the_same_module(tmp_path: Path) -> None:
    written = write_latex_symbols(tmp_path / "latexsymbols.py")
    assert runpy.run_path(str(written))["PYLATEXENC_SYMBOLS"] == PYLATEXENC_SYMBOLS
    shipped = Path(__file__).resolve().parents[2] / "quiz" / "bank" / "latexsymbols.py"
    assert written.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_showing_a_formula_does_not_read_latex2text() -> None:
    code = (
        "import sys\n"
        "from quiz.cardtext import plain_text, render_text\n"
        "assert render_text('Why is $\\\\sigma(z) \\\\leq 1$?') == 'Why is σ(z) ≤ 1?'\n"
        "assert plain_text('$\\\\frac{1}{4}$') == '¼'\n"
        "print('pylatexenc.latex2text' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"
