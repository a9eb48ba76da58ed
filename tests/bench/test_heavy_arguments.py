"""The heavy-home benches' arguments (`bench.heavy_firsts`, `bench.heavy_waits`): a home
without its bank, or a base that is no drillbit tree, is a usage error before any run."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from bench import heavy_firsts, heavy_waits

BENCHES = pytest.mark.parametrize("bench", [heavy_firsts, heavy_waits], ids=lambda m: m.__name__)


@BENCHES
def test_a_home_without_its_bank_is_refused(
    bench: ModuleType, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        bench.main(["--home", str(tmp_path), "--out", str(tmp_path / "r.json")])
    assert stopped.value.code == 2
    assert "go together" in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()


@BENCHES
def test_a_base_that_is_not_a_drillbit_tree_is_refused(
    bench: ModuleType, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        bench.main(["--base", str(tmp_path)])
    assert stopped.value.code == 2
    assert "not a drillbit tree" in capsys.readouterr().err
