"""`drillbit lint` warns of a card's image a reader will not see (`image-not-shown`): missing, outside
the card's pack, or not read as an image because its path has a space. The Anki export
named the first two only when it ran, and nothing named the third."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import RunDrillbit

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
ANSWER = "## Answer\n\n$\\text{ReLU}(z) = \\max(0, z)$"


def _card(mini_bank: Path, answer: str) -> Path:
    """what-is-relu with `answer` written before its answer's formula."""
    card = mini_bank / "mini" / "basics" / "what-is-relu.md"
    text = card.read_text(encoding="utf-8")
    assert ANSWER in text
    card.write_text(text.replace(ANSWER, f"## Answer\n\n{answer}\n\n{ANSWER[11:]}"))
    return card


def _warnings(drillbit: RunDrillbit, mini_bank: Path) -> list[str]:
    result = drillbit("lint", "--no-drills", str(mini_bank), cwd=mini_bank / "mini")
    assert result.returncode == 0, result.stdout + result.stderr  # warnings only
    return [line for line in result.stdout.splitlines() if line.endswith("[image-not-shown]")]


def test_images_a_reader_will_not_see_are_warned_of_at_their_place(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    figures = mini_bank / "mini" / "basics" / "figs"
    figures.mkdir()
    (figures / "a b.png").write_bytes(PNG)
    (mini_bank / "outside.png").write_bytes(PNG)
    card = _card(
        mini_bank,
        "The curve: ![curve](figs/a b.png) and\n![gone](figs/gone.png), ![out](../../outside.png).",
    )
    answer_line = card.read_text().splitlines().index("The curve: ![curve](figs/a b.png) and") + 1
    assert _warnings(drillbit, mini_bank) == [
        f"basics/what-is-relu.md:{answer_line}:12: warning: image 'figs/a b.png' is not read "
        "as an image (its path has a space): write the path between < and >, "
        "![...](<figs/a b.png>), or rename the file [image-not-shown]",
        f"basics/what-is-relu.md:{answer_line + 1}:1: warning: image 'figs/gone.png' is not "
        "there (the path is read from the card's folder): the Anki export leaves it out [image-not-shown]",
        f"basics/what-is-relu.md:{answer_line + 1}:25: warning: image '../../outside.png' is "
        "outside the card's pack: the Anki export leaves it out (put it beside the card) [image-not-shown]",
    ]
    report = drillbit(
        "lint", "--no-drills", str(mini_bank), "--format", "json", cwd=mini_bank / "mini"
    )
    codes = [(p["code"], p["severity"]) for p in json.loads(report.stdout)["problems"]]
    assert codes == [("image-not-shown", "warning")] * 3


def test_images_a_reader_sees_pass(mini_bank: Path, drillbit: RunDrillbit) -> None:
    figures = mini_bank / "mini" / "basics" / "figs"
    figures.mkdir()
    (figures / "a b.png").write_bytes(PNG)
    (figures / "curve.png").write_bytes(PNG)
    shutil.copy(figures / "curve.png", mini_bank / "mini" / "shared.png")
    _card(
        mini_bank,
        '![a](<figs/a b.png>), ![b](figs/a%20b.png), ![c](figs/curve.png "The curve"),\n'
        "![d](../shared.png), ![e](https://example.com/x.png), `![f](no such.png)` in code.\n\n"
        "```python\nx = '![g](missing.png)'\n```",
    )
    assert _warnings(drillbit, mini_bank) == []
