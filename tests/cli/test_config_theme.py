"""`drillbit config theme`: reads, sets and lists the colour theme like any other setting;
a name Textual does not have is refused with the closest one (exit 2), nothing saved."""

from __future__ import annotations

from pathlib import Path

from quiz.settings import load_settings
from tests.conftest import RunDrillbit


def test_the_theme_is_set_read_and_listed(drillbit: RunDrillbit, _isolated_home: Path) -> None:
    first = drillbit("config", "theme")
    assert first.stdout == "textual-dark\n"
    assert "themes: " in first.stderr and "nord" in first.stderr and "gruvbox" in first.stderr
    saved = drillbit("config", "theme", "nord")
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith("theme = nord  (saved to")
    assert load_settings().theme == "nord"
    assert drillbit("config", "theme").stdout == "nord\n"
    assert "theme                = nord  (changed)" in drillbit("config").stdout


def test_an_unknown_theme_is_refused_with_the_closest_name(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    refused = drillbit("config", "theme", "nrod")
    assert refused.returncode == 2
    assert refused.stderr == (
        "drillbit: config: theme: 'nrod' is not a theme this version has: did you mean 'nord'?\n"
    )
    assert not (_isolated_home / "config.toml").exists()
    bad = drillbit("config", "theme", "my theme")
    assert bad.returncode == 2 and "is not a theme name" in bad.stderr
