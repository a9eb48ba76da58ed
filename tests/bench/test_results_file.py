"""bench/results.json: each run replaces its own sections' figures and keeps the others'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.common import Figure, merge_results

STAMP = {"commit": "a1", "started": "2026-12-02 04:00 UTC"}
LATER = {"commit": "b2", "started": "2026-12-02 05:00 UTC"}


def _names(out: Path) -> dict[str, str | None]:
    return {f["name"]: f.get("section") for f in json.loads(out.read_text())["figures"]}


def test_a_later_run_keeps_the_sections_it_did_not_run(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    merge_results(
        out,
        {
            "loading": [Figure("load_ms", 700.0, "ms")],
            "heavy": [Figure("stats_heavy_ms", 320.0, "ms"), Figure("old_heavy_ms", 1.0, "ms")],
        },
        {"machine": {"commit": "a"}},
        STAMP,
    )
    merge_results(
        out, {"plan": [Figure("plan_recall_on_day", 0.93, "")]}, {"plan_simulation": {}}, LATER
    )
    assert _names(out) == {
        "load_ms": "loading",
        "stats_heavy_ms": "heavy",
        "old_heavy_ms": "heavy",
        "plan_recall_on_day": "plan",
    }
    # `--only heavy`: the heavy section is replaced whole (a figure it no longer makes goes)
    merge_results(
        out, {"heavy": [Figure("stats_heavy_ms", 300.0, "ms")]}, {"machine": {"commit": "b"}}, LATER
    )
    data = json.loads(out.read_text())
    assert _names(out) == {
        "load_ms": "loading",
        "plan_recall_on_day": "plan",
        "stats_heavy_ms": "heavy",
    }
    assert [f["value"] for f in data["figures"] if f["name"] == "stats_heavy_ms"] == [300.0]
    assert data["machine"] == {"commit": "b"} and data["plan_simulation"] == {}
    assert data["sections"] == {"loading": STAMP, "heavy": LATER, "plan": LATER}


def test_a_record_from_before_sections_goes_only_when_its_name_is_written(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    old = [Figure("load_ms", 900.0, "ms").as_json(), Figure("rss_mb_app", 90.0, "MB").as_json()]
    out.write_text(json.dumps({"machine": {"cpu": "x"}, "figures": old}))
    merge_results(out, {"loading": [Figure("load_ms", 700.0, "ms")]}, {}, STAMP)
    data = json.loads(out.read_text())
    assert data["machine"] == {"cpu": "x"}
    assert [(f["name"], f["value"]) for f in data["figures"]] == [
        ("rss_mb_app", 90.0),
        ("load_ms", 700.0),
    ]


@pytest.mark.parametrize(
    "text", ["not json {", "[1, 2]", '{"figures": 3}', '{"figures": [1, "x"]}']
)
def test_an_unreadable_results_file_is_written_afresh(tmp_path: Path, text: str) -> None:
    out = tmp_path / "results.json"
    out.write_text(text)
    merge_results(out, {"loading": [Figure("load_ms", 700.0, "ms")]}, {"quick": True}, STAMP)
    data = json.loads(out.read_text())
    assert data["quick"] is True
    assert [f["name"] for f in data["figures"]] == ["load_ms"]
