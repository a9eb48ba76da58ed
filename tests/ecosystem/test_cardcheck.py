"""The importer's plain check (`plainly_clean`) settles a card only when lint's own check
(`card_from_data`, with the pydantic card models) would find nothing: on every card the
notes fixtures give, and on those cards broken in every way a front matter or a body can
be. A card it is not sure of goes to the full check, whose reason is the one reported."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from markdown_it.token import Token

from quiz.bank import schema as front_schema
from quiz.bank.index import PACK_FILE as INDEX_PACK_FILE
from quiz.bank.loader import PACK_FILE
from quiz.bank.markdown import MathScan, parse
from quiz.bank.parse import card_from_data
from quiz.ecosystem import cardcheck, cardplan, importer
from quiz.ecosystem.frontyaml import dump_front
from tests.bank_inputs import Inputs, settled_inputs
from tests.conftest import DATA


@dataclass
class _Checked:
    """One `plainly_clean` call of the importer: its arguments and its answer."""

    data: dict[str, Any]
    body: str
    tokens: list[Token]
    path: Path
    topic: str
    inline_parsed: bool
    math_scan: MathScan | None
    answer: bool


def _full_clean(data: dict[str, Any], body: str, path: Path, topic: str, **kw: Any) -> bool:
    card, problems = card_from_data(data, dump_front(data), body, path, "p", topic, **kw)
    return card is not None and not problems


def _planned(monkeypatch: pytest.MonkeyPatch, notes: Path) -> list[_Checked]:
    """Every card check the importer makes while planning these notes."""
    seen: list[_Checked] = []
    plain = cardcheck.plainly_clean

    def recording(
        data: dict[str, Any],
        body: str,
        tokens: list[Token],
        path: Path,
        topic: str,
        *,
        inline_parsed: bool,
        math_scan: MathScan | None,
    ) -> bool:
        answer = plain(
            data, body, tokens, path, topic, inline_parsed=inline_parsed, math_scan=math_scan
        )
        seen.append(
            _Checked(dict(data), body, tokens, path, topic, inline_parsed, math_scan, answer)
        )
        return answer

    monkeypatch.setattr(cardplan, "plainly_clean", recording)
    monkeypatch.setattr(importer, "split_pays", lambda _questions: False)
    importer.plan_import(notes, content_dir=Path("/nowhere/content"), pack="p")
    return seen


NOTES = sorted((DATA / "notes").glob("*.md"))


def test_the_copied_names_and_limits_are_the_models() -> None:
    assert PACK_FILE == INDEX_PACK_FILE == importer.PACK_FILE
    schema = front_schema.ConceptFront.model_json_schema()["properties"]
    assert schema["id"]["maxLength"] == schema["topic"]["maxLength"] == cardcheck.MAX_ID_CHARS
    assert schema["tags"]["items"]["maxLength"] == cardcheck.MAX_ID_CHARS
    assert schema["title"]["maxLength"] == cardcheck.MAX_TITLE_CHARS
    assert schema["key_points"]["maxItems"] == cardcheck.MAX_POINTS
    assert schema["key_points"]["items"]["maxLength"] == cardcheck.MAX_POINT_CHARS
    assert (schema["difficulty"]["minimum"], schema["difficulty"]["maximum"]) == (
        cardcheck.DIFFICULTIES.start,
        cardcheck.DIFFICULTIES.stop - 1,
    )
    assert set(schema) - {"related"} == cardcheck._KEYS


@pytest.mark.parametrize("notes", NOTES, ids=[n.stem for n in NOTES])
def test_every_fixture_card_is_plainly_clean_and_lint_agrees(
    monkeypatch: pytest.MonkeyPatch, notes: Path
) -> None:
    for checked in _planned(monkeypatch, notes):
        assert checked.answer, checked.path  # no card of the fixtures needs the full check
        assert _full_clean(
            checked.data,
            checked.body,
            checked.path,
            checked.topic,
            tokens=checked.tokens,
            inline_parsed=checked.inline_parsed,
            math_scan=checked.math_scan,
        )


def _front_breaks() -> list[tuple[str, Callable[[dict[str, Any]], None]]]:
    def setting(key: str, value: object) -> Callable[[dict[str, Any]], None]:
        return lambda data: data.__setitem__(key, value)

    return [
        ("id too long", setting("id", "a" * 81)),
        ("id at its limit", setting("id", "a" * 80)),
        ("id not kebab", setting("id", "Not-Kebab")),
        ("id with a final newline", setting("id", "abc\n")),
        ("id empty", setting("id", "")),
        ("title too long", setting("title", "t" * 121)),
        ("title at its limit", setting("title", "t" * 120)),
        ("title padded", setting("title", "  padded  ")),
        ("title blank", setting("title", "   ")),
        ("title not text", setting("title", 12)),
        ("topic not kebab", setting("topic", "Topic")),
        ("topic too long", setting("topic", "t" * 81)),
        ("tag not kebab", setting("tags", ["ok", "Not OK"])),
        ("tag too long", setting("tags", ["t" * 81])),
        ("tags a tuple", setting("tags", ("ok",))),
        ("difficulty 0", setting("difficulty", 0)),
        ("difficulty 6", setting("difficulty", 6)),
        ("difficulty a flag", setting("difficulty", True)),
        ("difficulty text", setting("difficulty", "3")),
        ("source empty", setting("source", "")),
        ("kind choice", setting("kind", "choice")),
        ("extra key", setting("related", ["x"])),
        ("missing key", lambda data: data.pop("source")),
        ("no key point", setting("key_points", [])),
        ("eight key points", lambda data: data.__setitem__("key_points", data["key_points"] * 8)),
        ("key point too long", lambda data: data["key_points"].append("p" * 201)),
        ("key point at its limit", lambda data: data["key_points"].__setitem__(0, "p" * 200)),
        ("key point padded", lambda data: data["key_points"].__setitem__(0, " padded point ")),
        ("key point empty", lambda data: data["key_points"].append("")),
        ("key point bad math", lambda data: data["key_points"].append(r"So $\frac{1}{$ it is")),
        ("key point stray dollar", lambda data: data["key_points"].append("It costs $5 here")),
        ("one key point", lambda data: data.__setitem__("key_points", data["key_points"][:1])),
    ]


def _body_breaks(answer: str) -> list[tuple[str, str]]:
    return [
        ("extra section", f"\n## Question\n\nWhy?\n\n## Answer\n\n{answer}\n\n## Notes\n\nmore\n"),
        ("repeated section", f"\n## Question\n\nWhy?\n\n## Answer\n\n{answer}\n\n## Answer\n\nx\n"),
        ("no answer section", "\n## Question\n\nWhy?\n"),
        ("sections swapped", f"\n## Answer\n\n{answer}\n\n## Question\n\nWhy?\n"),
        ("empty question", f"\n## Question\n\n\n## Answer\n\n{answer}\n"),
        ("empty answer", "\n## Question\n\nWhy?\n\n## Answer\n\n   \n"),
        ("stray text", f"stray\n## Question\n\nWhy?\n\n## Answer\n\n{answer}\n"),
        ("bad math", f"\n## Question\n\nWhy?\n\n## Answer\n\n{answer}\n\nSo $\\frac{{1}}{{$ it.\n"),
        ("stray dollar", f"\n## Question\n\nWhy $x?\n\n## Answer\n\n{answer}\n"),
        ("carriage return", f"\r\n## Question\r\n\r\nWhy?\r\n\r\n## Answer\r\n\r\n{answer}\r\n"),
        ("heading in code", f"\n## Question\n\n```\n## Answer\n```\n\n## Answer\n\n{answer}\n"),
        ("setext heading", f"\n## Question\n\nWhy?\n\nAnswer\n--\n\n## Answer\n\n{answer}\n"),
        ("short answer", "\n## Question\n\nWhy?\n\n## Answer\n\nBecause it is so.\n"),
    ]


def test_a_card_is_plainly_clean_only_when_lint_finds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checked = _planned(monkeypatch, DATA / "notes" / "day6-seed.md")
    base = checked[0]
    answer = base.body.split("## Answer\n\n", 1)[1].rstrip("\n")
    cases: list[tuple[str, dict[str, Any], str, Path, str]] = []
    for name, breaking in _front_breaks():
        data = json.loads(json.dumps(base.data))
        breaking(data)
        # A card's file is named after its id: a changed id is the file's name too.
        named = isinstance(data.get("id"), str) and data["id"].isalnum()
        path = base.path.with_stem(data["id"]) if named else base.path
        cases.append((name, data, base.body, path, base.topic))
    for name, body in _body_breaks(answer):
        cases.append((name, base.data, body, base.path, base.topic))
    cases.append(("another file name", base.data, base.body, base.path.with_stem("x"), base.topic))
    cases.append(("another folder", base.data, base.body, base.path, "elsewhere"))
    settled = set()
    for name, data, body, path, topic in cases:
        tokens = parse(body)
        plain = cardcheck.plainly_clean(
            data, body, tokens, path, topic, inline_parsed=True, math_scan=None
        )
        full = _full_clean(data, body, path, topic, tokens=tokens, inline_parsed=True)
        assert full or not plain, f"{name}: plainly clean, but lint finds a problem"
        if plain:
            settled.add(name)
    # What it settles itself: the limits, and bodies whose sections only the parse tells.
    assert settled == {
        "id at its limit",
        "title at its limit",
        "key point at its limit",
        "heading in code",
        "setext heading",
        "short answer",
    }


def test_a_card_the_full_check_refuses_is_skipped_with_its_reason(tmp_path: Path) -> None:
    plan = importer.plan_import(
        DATA / "notes" / "day6-seed.md", content_dir=tmp_path, pack="p", difficulty=9
    )
    assert not plan.cards
    reasons = {s.reason for s in plan.skipped}
    assert reasons == {
        "the card would not pass lint: difficulty: 9 is out of range: it must be at most 5"
    }


_MODULES_AT_EXIT = (
    "import atexit, json, sys\n"
    "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
    "from quiz.cli import main\n"
    "main()\n"
)
"""`drillbit` that prints the modules it imported as its last line (stderr)."""

PAIRS = 5
"""Pairs of imports tried before the bank's inputs are taken to never hold still."""


def _second_import_modules(
    tmp_path: Path, between: Callable[[int], object] = lambda attempt: None
) -> tuple[set[str], list[bool]]:
    """The modules of the second of two `drillbit import` runs into new folders (the first
    builds the card index in a fresh DRILLBIT_HOME, the second should read it), from the
    first pair whose bank inputs held still; and, for each pair left out because they did
    not, whether its second run loaded pydantic. `between(attempt)` runs between the two."""
    notes = DATA / "notes" / "shape2-bold.md"
    left_out: list[bool] = []
    for attempt in range(PAIRS):
        env = {**os.environ, "DRILLBIT_HOME": str(tmp_path / f"home{attempt}")}
        before = settled_inputs()
        started = time.time()
        for run in ("first", "second"):
            if run == "second":
                between(attempt)
            into = tmp_path / f"{run}{attempt}"
            args = ["import", str(notes), "--pack", "p", "--content", str(into)]
            done = subprocess.run(
                [sys.executable, "-c", _MODULES_AT_EXIT, *args],
                capture_output=True,
                text=True,
                check=False,
                env=env,
            )
            assert re.search(r"\d+ cards? written", done.stderr), done.stderr
        loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
        if before.held(Inputs.now(), started):
            return loaded, left_out
        left_out.append("pydantic" in loaded)
    pytest.fail(f"the bank's content or code changed during each of {PAIRS} pairs of imports")


def test_the_import_command_needs_no_pydantic(tmp_path: Path) -> None:
    # The first run builds the bundled bank's card index (a full load, models and all),
    # as the app's first start does; the next one into a new folder reads the index.
    loaded, _ = _second_import_modules(tmp_path)
    assert "quiz.ecosystem.importer" in loaded
    assert "pydantic" not in loaded


def test_a_bank_changed_between_the_imports_is_not_taken_for_a_slow_import(
    tmp_path: Path, mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What failed the test above once: a content file's times moved between its two runs
    # (here a pack of its own, touched as an editor or a `git checkout` would). The second
    # run then rightly loads the bank in full, and pydantic checks the changed card.
    monkeypatch.setenv("DRILLBIT_CONTENT", str(mini_bank))
    card = next(mini_bank.glob("*/*/*.md"))

    def touch(attempt: int) -> None:
        if attempt == 0:
            os.utime(card)

    loaded, left_out = _second_import_modules(tmp_path, touch)
    assert "pydantic" not in loaded  # a later pair, whose bank held still, read the index
    assert left_out[:1] == [True]  # the touched pair: a full load, so it was left out
    assert "quiz.ecosystem.importer" in loaded
