"""pylatexenc's symbols are read from its database once, then from the cache folder: the
table is the same either way, and showing math from the cache does not import latex2text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.bank import mathsymbols
from quiz.bank.mathsymbols import (
    AMS_SYMBOLS,
    BIG_OPERATORS,
    INVISIBLE,
    NARROW_FORMS,
    SPACING,
    SYMBOL_OVERRIDES,
    SYMBOLS,
    pylatexenc_symbols,
    remembered_pylatexenc_symbols,
    symbols_cache_path,
)
from tests.conftest import PROCESS_TIMEOUT_SECONDS

SHOW_A_FORMULA = (
    "import sys\n"
    "from quiz.cardtext import plain_text, render_text\n"
    "assert render_text('Why is $\\\\sigma(z) \\\\leq 1$?') == 'Why is σ(z) ≤ 1?'\n"
    "assert plain_text('$\\\\frac{1}{4}$') == '¼'\n"
    "print('pylatexenc.latex2text' in sys.modules)\n"
)


def _show_a_formula(home: Path, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SHOW_A_FORMULA],
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
        env={**os.environ, "DRILLBIT_HOME": str(home), **env},
    )
    return done.stdout.strip()


def test_symbols_are_pylatexencs_with_our_choices() -> None:
    expected = {
        name: text
        for name, text in pylatexenc_symbols().items()
        if name not in SPACING and name not in INVISIBLE and name != "-"
    }
    expected.update(AMS_SYMBOLS)
    expected.update(SYMBOL_OVERRIDES)
    expected.update(BIG_OPERATORS)
    narrow = str.maketrans(NARROW_FORMS)  # pylatexenc's \cdot is a middle dot, ours ⋅
    assert {name: text.translate(narrow) for name, text in expected.items()} == SYMBOLS
    assert SYMBOLS["cdot"] == "⋅"
    assert SYMBOLS["ne"] == SYMBOLS["neq"] == "≠"  # pylatexenc has \neq, not \ne


def test_the_remembered_table_is_pylatexencs_in_its_order() -> None:
    first = remembered_pylatexenc_symbols()  # written now, or by an earlier test's import
    assert Path(symbols_cache_path()).is_file()
    again = remembered_pylatexenc_symbols()  # read back
    live = pylatexenc_symbols()
    assert first == again == live
    assert list(again) == list(live)  # the same order, so the same overrides win


def test_a_second_run_shows_math_without_reading_latex2text(tmp_path: Path) -> None:
    assert _show_a_formula(tmp_path) == "True"  # the first run reads pylatexenc's database
    assert _show_a_formula(tmp_path) == "False"  # the next one its table in the cache
    assert len(list((tmp_path / "cache").glob("latex-symbols-*.json"))) == 1


def test_an_edited_or_stale_table_is_made_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _show_a_formula(tmp_path) == "True"
    (table,) = cache.glob("latex-symbols-*.json")
    edited = table.read_text(encoding="utf-8").replace('"sigma"', '"sigmx"')
    assert edited != table.read_text(encoding="utf-8")
    table.write_text(edited, encoding="utf-8")
    stale = cache / "latex-symbols-0-old.json"
    stale.write_text("{}", encoding="utf-8")
    assert _show_a_formula(tmp_path) == "True"  # the edit breaks the seal: read again
    assert [p.name for p in cache.glob("latex-symbols-*.json")] == [table.name]
    assert _show_a_formula(tmp_path) == "False"


def test_with_the_cache_off_nothing_is_written(tmp_path: Path) -> None:
    assert _show_a_formula(tmp_path, DRILLBIT_CACHE="0") == "True"
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_still_gives_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(mathsymbols, "symbols_cache_path", lambda: str(blocked / "t.json"))
    assert remembered_pylatexenc_symbols() == pylatexenc_symbols()
    assert blocked.read_text(encoding="utf-8") == "not a folder"
