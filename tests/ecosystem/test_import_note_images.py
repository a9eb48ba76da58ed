"""Markdown images of files beside the notes (Logseq's `![image.png](../assets/...)`) are
left out and named, as Obsidian embeds are; neither leaves an empty bullet behind.

The image stayed in the card, a link to a file its folder does not have, and its alt text,
the file's name as Logseq writes it, was a key point ("image.png"); an embed alone in a
list item (`- ![[plot.png]]`) left the card an empty bullet."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.noteimages import plain_images
from tests.ecosystem.test_import_notes import answer_of, front, run_import

_PAGE = """\
- Why scale dot-product attention by the root of the key size? #card
\t- Dot products of random vectors grow with the dimension
\t- Large logits push softmax into saturation, where gradients vanish
\t- ![image.png](../assets/image_1709550000000_0.png)
\t- Dividing by the root keeps the variance near one
- What does a learning-rate warm-up do? #card
\t- It ramps the rate up over the first steps
\t- ![[warmup-curve.png|300]]
\t- Early Adam steps are noisy, so big ones can diverge
\t- The normal schedule takes over after it
"""


def test_a_logseq_asset_image_is_left_out_and_named(tmp_path: Path) -> None:
    notes = tmp_path / "attention.md"
    notes.write_text(_PAGE, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "tf", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {front(path)["title"]: path for path in content.rglob("*.md")}
    attention = cards["Why scale dot-product attention by the root of the key size?"]
    assert front(attention)["key_points"] == [
        "Dot products of random vectors grow with the dimension",
        "Large logits push softmax into saturation, where gradients vanish",
        "Dividing by the root keeps the variance near one",
    ]
    answer = answer_of(attention)
    assert "image" not in answer
    assert (
        f"{notes}:1: note: 'Why scale dot-product attention by the root of the key size?': its "
        "embeds are left out (image_1709550000000_0.png)"
    ) in result.output
    warm_up = answer_of(cards["What does a learning-rate warm-up do?"])
    for text in (answer, warm_up):  # no bullet left empty where the image was
        assert all(line.strip() not in ("-", "*") for line in text.splitlines()), text
    assert lint([content])[1] == []


def test_an_image_in_a_sentence_is_its_alt_text_and_a_web_image_stays() -> None:
    images: list[str] = []
    assert plain_images("The ![loss curve](img/loss.png) flattens.", images) == (
        "The loss curve flattens."
    )
    assert plain_images('![](C:\\notes\\plot2.png "a plot")', images) == ""  # a drive, no scheme
    assert plain_images("![](./assets/plot.png)", images) == ""
    web = "![chart](https://example.org/chart.png)"
    assert plain_images(web, images) == web
    code = "`![x](y.png)` is the syntax"
    assert plain_images(code, images) == code
    assert images == ["loss.png", "plot2.png", "plot.png"]
