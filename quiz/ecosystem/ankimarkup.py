"""What an Anki field holds besides HTML's text: Anki's LaTeX tags and code in `<pre>`.

Anki's own math markup, older than its MathJax (`\\(...\\)`, read already), is `[$]...[/$]`
(inline), `[$$]...[/$$]` (display) and `[latex]...[/latex]`; many shared decks still use
it. It was kept as written: a card titled "What is the softmax of [$]z_i[/$]?", its id
`softmax-zi`. Here it is Markdown math, `$z_i$`, `$$...$$`, and a `[latex]` block's text
as it is (it holds its own `$` or environment).

Code pasted into Anki, or written by a syntax-highlighting add-on, is a `<pre>` block
(`<pre><code class="language-python">`). Its lines were joined with the text after it
("...sum())Subtracting the max...") and their indentation collapsed, as every field's
spaces are. Here each `<pre>` block is a fenced code block, its lines and spaces kept,
its language from its `language-` class.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_DISPLAY = re.compile(r"\[\$\$\](.+?)\[/\$\$\]", re.DOTALL)
_INLINE = re.compile(r"\[\$\](.+?)\[/\$\]", re.DOTALL)
_LATEX = re.compile(r"\[latex\](.+?)\[/latex\]", re.DOTALL | re.IGNORECASE)

_PRE = re.compile(r"<pre\b([^>]*)>(.*?)</pre\s*>", re.DOTALL | re.IGNORECASE)
_LANGUAGE = re.compile(r"""class\s*=\s*["'][^"']*\blang(?:uage)?-([\w+#-]+)""", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>|</(?:div|p)\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_HOLDER = "\ue000{}\ue001"
_HELD = re.compile(r"\s*\ue000(\d+)\ue001\s*")


def anki_math(field: str) -> str:
    """The field with Anki's LaTeX tags as Markdown math (see the module's docstring)."""
    if "[$" not in field and "[latex]" not in field.lower():
        return field
    field = _DISPLAY.sub(lambda m: f"$${m.group(1).strip()}$$", field)
    field = _INLINE.sub(lambda m: f"${m.group(1).strip()}$", field)
    return _LATEX.sub(lambda m: m.group(1).strip(), field)


def held_code(field: str) -> tuple[str, Callable[[str], str]]:
    """(the field with each `<pre>` block replaced by a placeholder that no later step of
    reading HTML changes, a function that puts each back as a fenced code block)."""
    if "<pre" not in field.lower():
        return field, _as_is
    blocks: list[str] = []

    def hold(match: re.Match[str]) -> str:
        blocks.append(_fenced(match.group(1), match.group(2)))
        return _HOLDER.format(len(blocks) - 1)

    held = _PRE.sub(hold, field)

    def put_back(text: str) -> str:
        return _HELD.sub(lambda m: f"\n\n{blocks[int(m.group(1))]}\n\n", text).strip()

    return held, put_back


def _as_is(text: str) -> str:
    return text


def _fenced(attributes: str, inner: str) -> str:
    """A `<pre>` block's code as a fenced block: its breaks as lines, its tags (the
    highlighter's spans) dropped, its entities read, its spaces kept."""
    language = _LANGUAGE.search(attributes) or _LANGUAGE.search(inner)
    code = _TAG.sub("", _BREAK.sub("\n", inner))
    code = html.unescape(code).replace("\xa0", " ").replace("\r\n", "\n").strip("\n")
    fence = "~~~" if "```" in code else "```"
    return f"{fence}{language.group(1).lower() if language else ''}\n{code}\n{fence}"
