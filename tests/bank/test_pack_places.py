"""Where a file's pack is, and where the pack-level warnings point.

Written for the forty-fifth round's mutation audit of quiz/bank/loader.py (183-231): no
test of these files asked `is_pack` or `pack_dir_of` anything (each returning None, or
`pack_dir_of` looking only at the first folder or never matching, passed), read a
pack-level problem's column, or gave an empty pack an `order` of exactly the three ids
its warning names.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.bank.lint import lint
from quiz.bank.loader import is_pack, pack_dir_of, unreadable_folder


def test_a_pack_is_the_folder_holding_pack_yaml(mini_bank: Path) -> None:
    pack = mini_bank / "mini"
    assert is_pack(pack) is True
    assert is_pack(pack / "basics") is False
    assert is_pack(mini_bank) is False


def test_every_file_and_folder_of_a_pack_finds_it(mini_bank: Path) -> None:
    pack = mini_bank / "mini"
    assert pack_dir_of(pack) == pack
    assert pack_dir_of(pack / "basics") == pack
    assert pack_dir_of(pack / "basics" / "what-is-relu.md") == pack
    assert pack_dir_of(pack / "pack.yaml") == pack
    deeper = pack / "basics" / "a" / "b"
    deeper.mkdir(parents=True)
    assert pack_dir_of(deeper) == pack
    assert pack_dir_of(mini_bank) is None
    assert pack_dir_of(mini_bank / "notes.md") is None


def test_an_unreadable_folder_is_told_at_its_first_line_and_column() -> None:
    assert unreadable_folder(Path("p/t")).format() == (
        "p/t:1:1: folder: cannot read it (permission denied): its cards are not loaded; "
        "give yourself read access, e.g. chmod u+rx [unreadable]"
    )


def test_an_empty_pack_with_three_ids_in_order_names_them_all(mini_bank: Path) -> None:
    shutil.rmtree(mini_bank / "mini" / "basics")
    pack = mini_bank / "mini" / "pack.yaml"
    with pack.open("a", encoding="utf-8") as file:
        file.write("order:\n  - what-is-relu\n  - sigmoid-bound\n  - dropout-inference\n")
    _, problems = lint([mini_bank], run_drills=False)
    assert [p.format() for p in problems] == [
        f"{pack}:1:1: warning: pack 'mini' has no card: add one at mini/<topic>/<id>.md (its "
        "order lists 3 not written yet: what-is-relu, sigmoid-bound, dropout-inference) "
        "[empty-pack]"
    ]
