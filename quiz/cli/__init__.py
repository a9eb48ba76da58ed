"""The `drillbit` command line: parse, call, print. Business logic lives elsewhere.

`main` is the console script; `quiz/cli/main.py` says where a new command goes.
"""

from quiz.cli.main import cli, main

__all__ = ["cli", "main"]
