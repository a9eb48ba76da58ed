"""The app served in a browser (textual-serve), driven by headless Chromium."""
