"""A key missing from pack.yaml is told with a pack's example: a pack without its `title`
was told "e.g. title: What ReLU computes", a card's title, as if pack.yaml were a card."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint


def test_a_pack_without_a_title_gets_a_pack_s_example(mini_bank: Path) -> None:
    pack_yaml = mini_bank / "mini" / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    pack_yaml.write_text(text.replace(title + "\n", ""), encoding="utf-8")
    _bank, problems = lint([mini_bank], run_drills=False)
    told = [(p.line, p.code, p.message) for p in problems if p.path == pack_yaml]
    assert told == [
        (
            1,
            "missing-key",
            "missing required key 'title': the pack's title Home shows, e.g. title: CNNs, "
            "RNNs and attention",
        )
    ]


def test_a_card_without_a_title_still_gets_a_card_s_example(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "what-is-relu.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("title: What ReLU computes\n", ""), encoding="utf-8")
    _bank, problems = lint([mini_bank], run_drills=False)
    told = [p.message for p in problems if p.path == card]
    assert told == [
        "missing required key 'title': the short title lists show, e.g. title: What ReLU computes"
    ]
