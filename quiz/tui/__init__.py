"""The Textual app: `make_app` builds it for the CLI and the tests; `launch` runs it."""
