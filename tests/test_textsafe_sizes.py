"""Sizes as refusals show them: a size just over a limit never reads as the limit."""

from __future__ import annotations

import pytest

from quiz.textsafe import describe_size

KIB, MIB = 1024, 1024 * 1024


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (300, "300 bytes"),
        (64 * KIB, "64 KiB"),
        (64 * KIB + 1, "65 KiB"),
        (2 * KIB - 1, "2 KiB"),
        (MIB, "1 MiB"),
        (MIB + 1, "1.1 MiB"),
        (3 * MIB // 2, "1.5 MiB"),
        (8 * MIB + 5, "8.1 MiB"),
    ],
)
def test_a_size_between_two_steps_is_rounded_up(size: int, shown: str) -> None:
    assert describe_size(size) == shown


def test_a_file_one_byte_over_a_limit_reads_as_more_than_the_limit() -> None:
    for limit in (64 * KIB, 8 * MIB, MIB):
        assert describe_size(limit + 1) != describe_size(limit)
