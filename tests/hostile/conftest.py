"""The hostile-input tests start where a user's home is after the first run."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _warm_home(_warm_card_cache: None) -> None:
    """The test's DRILLBIT_HOME holds the bundled bank's card cache, as a user's does after
    the first run, so a `drillbit` child spends its time on the hostile input instead of
    parsing the 144 bundled cards again (about 1 s of CPU per run). Hostile content is
    never served from that cache: an entry is used only for the same unchanged file, and a
    card with a problem is not cached."""
