"""How a YAML document is written, as only lint looks at it: a key written twice
(`dupkeys`) and a `- ` line YAML joined to the item above (`joineditems`).

Both read the document's node tree, with its marks. It is composed once per document, by
`safeyaml.nodes` (the one composer), and only when a cheap text scan says one of the two
may find something: most front matters and pack.yaml files compose nothing here.
"""

from __future__ import annotations

from quiz.bank import safeyaml
from quiz.bank.dupkeys import duplicate_keys, may_repeat
from quiz.bank.joineditems import joined_items, may_join

Slip = tuple[int, int, str, str]
"""(file line, column, code, message)."""


def yaml_slips(text: str, first_line: int) -> list[Slip]:
    """(file line, column, code, message) of each key written twice (`duplicate-key`) and
    each joined `- ` line (`joined-item`) of a YAML document starting at file line
    `first_line`. A document that does not parse has none here: its YAML error is
    reported where it is read."""
    return slips_and_joined(text, first_line)[0]


def slips_and_joined(
    text: str, first_line: int
) -> tuple[list[Slip], dict[tuple[int, int], tuple[int, int]]]:
    """`yaml_slips`, and for each joined `- ` line's (file line, column) the place of the
    item it was joined into:
    a schema error there is about the joined text (`'a - b' must be kebab-case: write
    'a-b'`), the same cause told a second time with the wrong fix, so lint drops it."""
    repeat, join = may_repeat(text), may_join(text)
    if not (repeat or join):
        return [], {}
    root = safeyaml.nodes(text)
    if root is None:
        return [], {}
    found: list[Slip] = []
    if repeat:
        found += [
            (ln, col, "duplicate-key", says) for ln, col, says in duplicate_keys(root, first_line)
        ]
    joined = joined_items(text, root, first_line) if join else []
    found += [(ln, col, "joined-item", says) for ln, col, says, _ in joined]
    return sorted(found), {(ln, col): item for ln, col, _, item in joined}
