"""A tiny drillbit pack distributed as a Python package: its cards and one checker of its own."""

from pathlib import Path


def content_dir() -> Path:
    """The folder holding this package's packs (the `drillbit.packs` entry point)."""
    return Path(__file__).resolve().parent / "content"


DRILLBIT_REQUIRES = ">=0.1"
"""The drillbit versions this pack works with (its `drillbit.requires` entry point)."""
