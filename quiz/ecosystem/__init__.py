"""drillbit in other people's habits: import Markdown notes, export to Anki, back up progress.

No Textual here: these are plain functions the CLI commands in `commands.py` call.
"""
