"""`drillbit cards`: filters, full-text search, states and JSON."""

from __future__ import annotations

import json

from tests.conftest import RunDrillbit


def test_cards_filters_searches_and_prints_json(drillbit: RunDrillbit) -> None:
    document = json.loads(drillbit("cards", "--json").stdout)
    assert document["schema_version"] == 1
    everything = document["cards"]
    assert len(everything) > 100 and {row["state"] for row in everything} == {"new"}
    leaky = json.loads(drillbit("cards", "--search", "leaky relu", "--json").stdout)["cards"]
    assert len(leaky) >= 3 and all("relu" in row["id"] for row in leaky[:1])
    coding = json.loads(drillbit("cards", "--kind", "coding", "--json").stdout)["cards"]
    assert coding and {row["kind"] for row in coding} == {"coding"}
    assert json.loads(drillbit("cards", "--state", "due", "--json").stdout)["cards"] == []
    table = drillbit("cards", "--topic", "optimizers")
    assert table.returncode == 0 and "card(s)" in table.stderr
    typo = drillbit("cards", "--pack", "neural-network")
    assert typo.returncode == 2 and "did you mean 'neural-networks'?" in typo.stderr
