"""New cards come in teaching order: basics before what builds on them, forward before backward.

The order is the bank's (`quiz.bank.order`): packs after the packs they build on (`after`
in pack.yaml), then each pack's `order` list, then file order. A due session and an
interview plan both introduce new cards in it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.bank import cache as card_cache
from quiz.bank import cachefile
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from quiz.settings import Settings
from quiz.store import InterviewPlan
from quiz.workspace import StudyRequest, Workspace

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)

# (earlier, later): a card and one that builds on it
PREREQUISITES = [
    ("sigmoid", "sigmoid-grad"),
    ("conv2d-forward", "conv2d-backward"),
    ("maxpool", "maxpool-backward-ties"),
    ("softmax", "cross-entropy"),
    ("cross-entropy", "two-layer-backprop"),
    ("numerical-gradient", "gradient-check"),
    ("sgd-step", "momentum-step"),
    ("momentum-step", "adam-step"),
    ("adam-step", "adamw-step"),
    ("weight-decay-l2", "decoupled-weight-decay"),
    ("batchnorm", "layernorm"),
    ("attention", "multi-head-attention"),
    ("embedding", "positional-encoding"),
    ("lstm-gates", "lstm-cell"),
    ("why-convolutions", "bottleneck-parameters"),
]


def _workspace(tmp_path: Path, new_per_day: int) -> Workspace:
    settings = Settings(new_per_day=new_per_day)
    return Workspace.open(store_path=tmp_path / "db.sqlite", clock=lambda: NOW, settings=settings)


def test_the_bundled_bank_is_in_teaching_order() -> None:
    ids = [card.id for card in load_bank([bundled_content_dir()]).cards]
    packs = [card.pack for card in load_bank([bundled_content_dir()]).cards]
    assert list(dict.fromkeys(packs)) == ["neural-networks", "deep-training", "architectures"]
    for earlier, later in PREREQUISITES:
        assert ids.index(earlier) < ids.index(later), (earlier, later)


def test_each_topic_meets_the_idea_before_the_drill() -> None:
    """Each pack opens with a concept card, and every drill comes after a concept card of its
    own topic: the card it practises (a pack's `after` puts the packs it builds on first)."""
    cards = load_bank([bundled_content_dir()]).cards
    seen: set[tuple[str, str]] = set()  # (pack, topic) with a concept card so far
    first_of_pack: dict[str, str] = {}
    for card in cards:
        first_of_pack.setdefault(card.pack, card.front.kind)
        if card.front.kind == "concept":
            seen.add((card.pack, card.topic))
        elif card.front.kind == "coding":
            assert (card.pack, card.topic) in seen, (
                f"{card.id} comes before any concept of its topic"
            )
    assert first_of_pack == dict.fromkeys(first_of_pack, "concept"), first_of_pack


def test_a_fresh_home_starts_with_the_basics(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, new_per_day=20)
    try:
        session = workspace.start_session(StudyRequest())
        first = [workspace.card(card.id) for card in session.planned]
    finally:
        workspace.close()
    assert len(first) == 20
    assert all(card is not None and card.pack == "neural-networks" for card in first)
    assert first[0] is not None and first[0].topic == "activations"
    assert first[0].front.kind == "concept"  # the idea before the code (Anki's habit)
    ids = [card.id for card in first if card is not None]
    assert ids.index("sigmoid") < ids.index("sigmoid-grad")
    assert ids.index("softmax") < ids.index("two-layer-backprop")


def test_a_topic_session_introduces_forward_before_backward(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, new_per_day=50)
    try:
        session = workspace.start_session(StudyRequest(topic="convolutions"))
        ids = [card.id for card in session.planned]
    finally:
        workspace.close()
    assert ids[0] == "why-convolutions"
    assert ids.index("conv2d-forward") < ids.index("conv2d-backward")


def test_an_interview_plan_introduces_new_cards_in_teaching_order(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, new_per_day=20)
    try:
        plan = InterviewPlan(
            interview=(NOW + timedelta(days=7)).date(),
            minutes_per_day=60.0,
            target=0.9,
            created_at=NOW,
        )
        workspace.store.set_interview_plan(plan)
        session = workspace.start_session(StudyRequest())
        ids = [card.id for card in session.planned]
    finally:
        workspace.close()
    assert ids, "the plan studies something on its first day"
    bank = [card.id for card in load_bank([bundled_content_dir()]).cards]
    assert ids == sorted(ids, key=bank.index)  # new cards only on day one, in bank order
    assert ids[0] == bank[0] == "relu-vs-sigmoid"  # a concept card, then the sigmoid drill


def _pack(root: Path, name: str, yaml_extra: str, ids: list[str]) -> None:
    pack = root / name
    (pack / "topic").mkdir(parents=True)
    (pack / "pack.yaml").write_text(f"title: {name}\ndescription: d\nversion: 0.1.0\n{yaml_extra}")
    for card_id in ids:
        (pack / "topic" / f"{card_id}.md").write_text(
            f"---\nid: {card_id}\nkind: concept\ntitle: {card_id}\ntopic: topic\n"
            "difficulty: 1\nsource: tests\nkey_points: [one]\n---\n\n"
            "## Question\n\nWhat?\n\n## Answer\n\nThis.\n"
        )


def test_after_and_order_in_pack_yaml(tmp_path: Path) -> None:
    _pack(tmp_path, "a-advanced", "after: [b-basics, not-installed]\n", ["a1", "a2"])
    _pack(tmp_path, "b-basics", "order: [b3, b1]\n", ["b1", "b2", "b3"])
    bank = load_bank([tmp_path], use_cache=False)
    assert [card.id for card in bank.cards] == ["b3", "b1", "b2", "a1", "a2"]
    assert bank.problems == ()


def test_packs_that_name_each_other_keep_their_load_order(tmp_path: Path) -> None:
    _pack(tmp_path, "a", "after: [b]\n", ["a1"])
    _pack(tmp_path, "b", "after: [a]\n", ["b1"])
    assert [card.id for card in load_bank([tmp_path], use_cache=False).cards] == ["a1", "b1"]


def test_without_order_the_files_decide(tmp_path: Path) -> None:
    _pack(tmp_path, "p", "", ["z-last", "a-first"])
    assert [card.id for card in load_bank([tmp_path], use_cache=False).cards] == [
        "a-first",
        "z-last",
    ]


def test_lint_reports_an_order_entry_that_is_no_card_of_the_pack(tmp_path: Path) -> None:
    _pack(tmp_path, "p", "order:\n  - p1\n  - missing-card\n", ["p1"])
    _, problems = lint([tmp_path], run_drills=False)
    assert [(p.path.name, p.line, p.code) for p in problems] == [("pack.yaml", 6, "pack")]
    assert "'missing-card' is not a card of this pack" in problems[0].message


@pytest.mark.parametrize(
    ("extra", "phrase"),
    [("order: [p1, p1]\n", "more than once"), ("after: [p, p]\n", "more than once")],
)
def test_a_repeated_name_is_a_pack_problem(tmp_path: Path, extra: str, phrase: str) -> None:
    _pack(tmp_path, "p", extra, ["p1"])
    _, problems = lint([tmp_path], run_drills=False)
    [problem] = [p for p in problems if phrase in p.message]
    # at the key's own line, as a card's front matter problem is, without pydantic's prefix
    key = extra.split(":")[0]
    lines = (tmp_path / "p" / "pack.yaml").read_text(encoding="utf-8").splitlines()
    assert problem.line == 1 + [line.split(":")[0] for line in lines].index(key)
    assert problem.code == "bad-value" and problem.message.startswith(f"{key}: ")
    assert "Value error" not in problem.message


def test_the_cached_pack_info_keeps_the_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)  # trust files written just now
    _pack(tmp_path, "p", "after: [q]\norder: [p2, p1]\n", ["p1", "p2"])
    pack = tmp_path / "p"
    load_bank([tmp_path], use_cache=True)  # fills the cache
    info = card_cache.PackCache(pack).lookup_info(cachefile.file_key((pack / "pack.yaml").stat()))
    assert info is not None and info.order == ("p2", "p1") and info.after == ("q",)
    assert [card.id for card in load_bank([tmp_path], use_cache=True).cards] == ["p2", "p1"]
