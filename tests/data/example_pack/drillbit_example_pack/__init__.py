"""A tiny drillbit pack distributed as a Python package: its cards and one checker of its own."""

from pathlib import Path


def content_dir() -> Path:
    """The folder holding this package's packs (the `drillbit.packs` entry point)."""
    return Path(__file__).resolve().parent / "content"
