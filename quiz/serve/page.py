"""The page `drillbit serve` sends: textual-serve's own template, with its web font served
locally instead of from a font CDN (unreachable offline, and a request to a third party).

textual-serve ships the Roboto Mono files in its static folder but links the page to
Google Fonts. The template is read from the installed textual-serve at start-up, the
CDN link removed and an `@font-face` pointing at the local files put in its place; the
stack still ends in the system monospace font, shown until (or if never) it loads.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["CDN_LINK", "FONT_FACES", "local_font_page", "write_local_font_templates"]

TEMPLATE = "app_index.html"
CDN_LINK = re.compile(r"<link\b[^>]*fonts\.(?:googleapis|gstatic)\.com[^>]*>\s*", re.IGNORECASE)
"""A stylesheet link to Google Fonts."""

FONT_FACES = """<style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: normal;
        font-display: swap;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: italic;
        font-display: swap;
      }
    </style>
    """


def local_font_page(template: str) -> str:
    """The template with every font-CDN link replaced by local `@font-face` rules."""
    without = CDN_LINK.sub("", template)
    if without == template:
        return template
    return without.replace("</head>", FONT_FACES + "</head>", 1)


def write_local_font_templates(source: Path, target: Path) -> Path:
    """Copy textual-serve's templates folder `source` to `target`, the page rewritten."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if path.name == TEMPLATE:
                text = local_font_page(text)
            (target / path.name).write_text(text, encoding="utf-8")
    return target
