"""A code comment that asks, or is a to-do, is no key point.

Notes keep a question to themselves in code (`# Q: why subtract the max?`); the rubric
took it as a fact of the answer, beside the author's statements.
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.keypoints import key_points
from tests.ecosystem.test_import_notes import front, run_import

ANSWER = """\
Subtract the largest logit before exponentiating; the result is unchanged.

```python
def softmax(z):
    # Q: why subtract the max?
    # why not log-space here?
    # TODO: vectorize over the batch
    # Shifting by the max keeps every exponent at most zero
    z = z - z.max()
    e = np.exp(z)  # Q learning uses the same trick for its values
    return e / e.sum()
```
"""

NOTES = f"## How do you compute a numerically stable softmax?\n\n{ANSWER}"


def test_asking_comments_give_no_points_and_stating_ones_still_do() -> None:
    points = key_points(ANSWER)
    assert "Shifting by the max keeps every exponent at most zero" in points
    assert "Q learning uses the same trick for its values" in points  # 'Q' as a name
    assert not any("?" in p or "TODO" in p for p in points), points


def test_an_imported_card_has_no_question_among_its_points(tmp_path: Path) -> None:
    notes = tmp_path / "softmax.md"
    notes.write_text(NOTES, encoding="utf-8")
    result = run_import(str(notes), "--pack", "s", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = (tmp_path / "c/s").rglob("*softmax*.md")
    points = front(card)["key_points"]
    assert isinstance(points, list)
    assert "Q: why subtract the max?" not in points
    assert not any(p.endswith("?") for p in points), points
