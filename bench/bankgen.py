"""Generate a synthetic question bank of N valid cards, for load, lint and startup figures."""

from __future__ import annotations

from pathlib import Path

KINDS = ("concept", "choice", "numeric")
TOPICS = tuple(f"topic-{i:02d}" for i in range(20))


def _card(index: int, topic: str) -> str:
    kind = KINDS[index % len(KINDS)]
    head = (
        f"---\nid: card-{index:05d}\nkind: {kind}\ntitle: Generated card {index}\ntopic: {topic}\n"
        f"tags: [generated, t{index % 7}]\ndifficulty: {index % 5 + 1}\nsource: bench\n"
    )
    if kind == "concept":
        head += "key_points:\n  - the first point\n  - the second point\n  - the third point\n"
        body = (
            f"## Question\n\nWhy is $\\sigma'(z) \\leq 0.25$ for card {index}?\n\n"
            "## Answer\n\nBecause $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$ peaks at $z = 0$.\n"
        )
    elif kind == "choice":
        head += "choices:\n  - one\n  - two\n  - three\nanswer: 1\n"
        body = f"## Question\n\nPick two for card {index}.\n\n## Explanation\n\nTwo is right.\n"
    else:
        head += "answer: 0.25\ntolerance: {absolute: 0.001}\n"
        body = f"## Question\n\nWhat is $\\frac{{1}}{{4}}$ for card {index}?\n\n## Explanation\n\nA quarter.\n"
    return f"{head}---\n\n{body}"


def generate_bank(root: Path, count: int) -> Path:
    """Write `count` cards into root/generated/<topic>/ and return the content root."""
    pack = root / "generated"
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text(
        "title: Generated\ndescription: A synthetic bank for benchmarks.\nversion: 1.0.0\n",
        encoding="utf-8",
    )
    for topic in TOPICS:
        (pack / topic).mkdir(exist_ok=True)
    for index in range(count):
        topic = TOPICS[index % len(TOPICS)]
        (pack / topic / f"card-{index:05d}.md").write_text(_card(index, topic), encoding="utf-8")
    return root
