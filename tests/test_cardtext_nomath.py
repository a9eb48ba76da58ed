"""A text with no `$` is shown without the math renderer (pylatexenc and its tables are not
imported for it), and reads exactly as the renderer would have made it."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from quiz.bank.markdown import escape_offsets, scan_math
from quiz.bank.mathtext import find_math_problems, latex_to_unicode, render_math
from quiz.cardtext import plain_text, render_text
from tests.conftest import PROCESS_TIMEOUT_SECONDS

ROOT = Path(__file__).resolve().parents[1]

_PIECES = (
    "word",
    " ",
    "\n",
    "\n\n",
    "# head\n",
    "- item\n",
    "`code`",
    "\\",
    "\\(x\\)",
    "{",
    "_",
    "*",
)


def _renderer_plain_text(text: str) -> str:
    """What plain_text gives a text when it skips nothing (the renderer's path): formulas
    as Unicode, the Markdown escapes outside them read."""
    escapes = set(escape_offsets(text))
    pieces, last = [], 0
    for span in [*scan_math(text).spans, None]:
        end = len(text) if span is None else span.start
        pieces += [c for i, c in enumerate(text[last:end], last) if i not in escapes]
        if span is not None:
            pieces.append(latex_to_unicode(span.latex) or text[span.start : span.end])
            last = span.end
    return "".join(pieces)


def test_texts_without_dollars_read_as_the_renderer_makes_them() -> None:
    rng = random.Random(9)
    for _ in range(300):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 12)))
        assert render_text(text) == render_math(text)
        assert plain_text(text) == _renderer_plain_text(text)
        assert find_math_problems(text) == []


def test_a_card_without_math_is_shown_without_the_math_renderer() -> None:
    script = (
        "import sys\n"
        "from quiz.cardtext import plain_text, render_text\n"
        "assert render_text('## Question\\n\\nWhy?\\n') == '## Question\\n\\nWhy?\\n'\n"
        "assert plain_text('one choice') == 'one choice'\n"
        "loaded = [m for m in ('pylatexenc', 'quiz.bank.mathtext') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "render_text('$x$')\n"
        "assert 'quiz.bank.mathtext' in sys.modules\n"
    )
    subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, check=True, timeout=PROCESS_TIMEOUT_SECONDS
    )
