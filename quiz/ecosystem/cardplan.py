"""One question's card, or why it gives none: its text made, its key points drawn,
and the card checked by the bank's own parser before it is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from quiz.bank.sentences import is_short_answer, why_not_short
from quiz.ecosystem.cardbody import parsed_body
from quiz.ecosystem.cardcheck import plainly_clean
from quiz.ecosystem.cardfront import front_matter
from quiz.ecosystem.cardids import card_title, plain_title
from quiz.ecosystem.cardkinds import plan_kind_card
from quiz.ecosystem.cardtext import (
    card_ready,
    card_ready_math,
    demote_headings,
    math_as_is,
    no_high_headings,
)
from quiz.ecosystem.citations import take_citations, take_pointer
from quiz.ecosystem.htmlstrip import strip_html
from quiz.ecosystem.importplan import AskedAt, PlannedCard
from quiz.ecosystem.indenthint import indented_hint
from quiz.ecosystem.inlineformula import introduced_inline
from quiz.ecosystem.keypoints import key_points
from quiz.ecosystem.keypoints_bare import bare_answer, is_placeholder, is_yes_no, lone_formula
from quiz.ecosystem.keypoints_sentences import MAX_CHARS as MAX_POINT_CHARS
from quiz.ecosystem.keypoints_sentences import (
    MIN_POINTS,
    MIN_WORDS,
    is_statement,
    words_beside_math,
)
from quiz.ecosystem.notes.found import NoteQuestion
from quiz.ecosystem.questionphrase import as_question
from quiz.plural import counted, plural
from quiz.textsafe import describe_size

CARD_FILE_LIMIT = 1024 * 1024
"""The largest card file read (the loader's `CARD_LIMIT`, without importing the loader)."""


_ITEM_MARKS = re.compile(r"^(?:[-*+][ \t]+)+")


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _kept_fields_said(numbers: tuple[int, ...]) -> str:
    """`its third field is kept ...`: an Anki note's fields past the answer, in words."""
    names = [_ORDINALS[n - 1] if n <= len(_ORDINALS) else f"{n}th" for n in numbers]
    which = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (
        f"its {which} field{'s are' if len(names) > 1 else ' is'} kept after the answer as a"
        " quote: shown with it, a remark rather than a key point"
    )


def _unread_field_said(number: int, text: str) -> str:
    """`its third field ('optim adam') is not read: ...`: a headerless file's last field
    that looks like Anki's tags."""
    shown = text if len(text) <= 40 else text[:39] + "…"
    which = _ORDINALS[number - 1] if number <= len(_ORDINALS) else f"{number}th"
    return (
        f"its {which} field ('{shown}') is not read: in a file with no header it may be"
        " Anki's tags (Anki before 2.1.55 wrote them last); add '#tags column:"
        f"{number}' at the top to read them as tags, or '#separator:tab' to keep such a"
        " field after the answer"
    )


def placeholder_reason(answer: str) -> str:
    """Why an answer that holds an answer's place (`TODO`, `—`, `...`) gives no card."""
    shown = _ITEM_MARKS.sub("", answer) or answer  # a Logseq child block's `- —`: `—`
    shown = shown if len(shown) <= 20 else shown[:17] + "..."
    return f"the answer is a placeholder ('{shown}'), not an answer yet; write it and import again"


def yes_no_note(answer: str) -> str:
    """The note on a card kept whose whole answer is "Yes." or "No": Anki users keep such
    cards, yet one teaches nothing without its reason."""
    return (
        f"its answer is only '{answer}': kept as the card's answer, but a yes/no card teaches"
        f" little without its reason; add the why after it ('{answer.rstrip('.!')}, because"
        " ...') and import again"
    )


def plan_card(
    question: NoteQuestion,
    *,
    notes_path: Path,
    line_of: Callable[[str, int], int],
    pack: str,
    topic: str,
    tags: Sequence[str],
    difficulty: int,
    target_dir: Path,
    choose_id: Callable[[str], tuple[str, Path]],
    base_id: str,
    folders: dict[Path, bool],
) -> tuple[PlannedCard | None, str, list[tuple[str, str, int]]]:
    """One card, or (None, why not), plus notices as (group, text). `choose_id` gives the
    card's id and path from `base_id`, the id its title makes (asked only once the card is
    made)."""
    notes: list[tuple[str, str, int]] = []
    if not question.title:
        return None, "the question has no title", notes
    if question.own_kind is not None:  # a choice or numeric card of our own Anki export
        made, why_not = plan_kind_card(
            question,
            question.own_kind,
            notes_path=notes_path,
            pack=pack,
            topic=topic,
            tags=tags,
            difficulty=difficulty,
            target_dir=target_dir,
            choose_id=choose_id,
            base_id=base_id,
            folders=folders,
        )
        if made is not None:
            return made, "", notes
        kind = question.own_kind.kind
        notes.append(("own kind", f"read as a concept card: as a {kind} card {why_not}", 0))
    answer_text, cited_here = take_citations(question.answer)  # `Source: ...`: no key point
    answer_text, pointer = take_pointer(answer_text)  # `See chapter 3.`: no source, no point
    cited = "; ".join(c for c in (question.cited, cited_here) if c)
    stripped = strip_html(answer_text)
    # An answer with `$` math is usually left as it is by `card_ready`, whose scan of the
    # formulas is a parse of the answer: that is found out from the card body's parse
    # instead (then the scan is not needed), and `card_ready` runs only when it would
    # change something.
    # Likewise `demote_headings` parses an answer with a line starting with `#` (most
    # often a comment in code) to find its headings: the card body's parse tells whether
    # it has a `#` or `##` heading, and only then is the answer demoted and parsed again.
    deferred = "$" in stripped and "\\(" not in stripped and "\\[" not in stripped
    raw: list[str] = []
    if deferred:
        answer, escaped = stripped.strip("\n"), 0
    else:
        answer, raw, escaped = card_ready_math(stripped, demote=False)
    if not answer.strip():
        if question.subquestions:
            return (
                None,
                f"no answer of its own: it introduces "
                f"{counted(question.subquestions, 'nested question')}, which carry its text "
                "as context",
                notes,
            )
        return None, "no answer under the question", notes
    if not question.marker:
        notes.append(
            ("no-marker", "no answer marker; the whole text under the question is the answer", 0)
        )
    if question.images:
        shown = ", ".join(question.images[:3]) + (" ..." if len(question.images) > 3 else "")
        notes.append(("images", f"its images are left out ({shown}): import reads text only", 0))
    if question.reverse:
        notes.append(
            (
                "reverse",
                "its reversed card (asked from the answer) is not made: import makes the card"
                " asked from the front only",
                0,
            )
        )
    if question.sounds:
        shown = ", ".join(question.sounds[:3]) + (" ..." if len(question.sounds) > 3 else "")
        notes.append(("sounds", f"its sounds are left out ({shown}): import reads text only", 0))
    if cited:
        notes.append(
            (
                "cited",
                f"its source, '{cited}', is in the card's source, not its answer or key points",
                0,
            )
        )
    if pointer:
        notes.append(
            (
                "pointer",
                f"its '{pointer}' points into the notes and names no source: left out of the"
                " card (its answer, key points and source), whose reader never sees the notes",
                line_of(pointer.split("; ")[0], question.line),  # the pointer's line
            )
        )
    for said in question.remarks:
        notes.append(("remarks", said, 0))
    if question.embeds:
        shown = ", ".join(question.embeds[:3]) + (" ..." if len(question.embeds) > 3 else "")
        notes.append(
            ("embeds", f"its embeds are left out ({shown}): import reads this file's text only", 0)
        )
    prompt, raw_prompt, more = card_ready(question.prompt) if question.prompt else ("", [], 0)
    context, raw_context, context_escaped = (
        card_ready(question.context) if question.context else ("", [], 0)
    )
    raw_prompt = [*raw_context, *raw_prompt]
    more += context_escaped
    title_text, raw_title, title_escaped = card_ready(
        as_question(question.title, f"{question.prompt}\n{question.answer}")
    )
    more += title_escaped
    # The body is parsed once: its answer part gives the key points, and the whole is
    # what parse_card splits into sections. The text of the question this one is nested
    # in comes first in the question: it sets the scene.
    question_text = "\n\n".join(part for part in (context, title_text, prompt) if part)
    body, env, body_tokens, answer_tokens = parsed_body(question_text, answer)
    if not no_high_headings(answer, answer_tokens):
        flat = answer
        if deferred:
            answer = demote_headings(stripped).strip("\n")
        else:
            answer, raw, escaped = card_ready_math(stripped)
        if answer != flat:
            body, env, body_tokens, answer_tokens = parsed_body(question_text, answer)
    if (formula := lone_formula(answer, answer_tokens)) is not None:
        answer = formula  # one display formula: a short answer, the formula its point
        body, env, body_tokens, answer_tokens = parsed_body(question_text, answer)
    math_scan = math_as_is(body, body_tokens, answer_tokens) if deferred else None
    if deferred and math_scan is None:
        answer, raw, escaped = card_ready_math(stripped)
        body, env, body_tokens, answer_tokens = parsed_body(question_text, answer)
    escaped += more
    for latex in [*raw_title, *raw_prompt, *raw]:
        line = line_of(latex, question.line)
        flat = " ".join(latex.split())
        short = flat if len(flat) <= 60 else flat[:57] + "..."
        notes.append(
            ("raw-latex", f"formula kept as raw LaTeX (the terminal cannot show it): {short}", line)
        )
    if escaped:
        notes.append(
            (
                "dollars",
                f"escaped {escaped} "
                + plural(escaped, "'$' sign that opens", "'$' signs that open")
                + " no math",
                0,
            )
        )
    points = key_points(answer, answer_tokens)
    if question.own_points:  # drillbit's own export: the card's points as it had them
        points = [card_ready_math(point, demote=False)[0] for point in question.own_points]
    if len(points) < MIN_POINTS and not is_short_answer(answer, answer_tokens):
        inlined = introduced_inline(answer)  # "The gradient is:" over $$...$$
        if inlined is not None:
            parsed = parsed_body(question_text, inlined)
            scan = math_as_is(parsed[0], parsed[2], parsed[3]) if math_scan else None
            inline_points = key_points(inlined, parsed[3])
            # a point with three words beside its formula: "The gradient is: $...$" and
            # "It is zero." were what "found 2" lost; "Softmax is:" over the formula and
            # "Done." say too little, and stay skipped with their reason
            if (
                any(words_beside_math(point) >= MIN_WORDS for point in inline_points)
                and is_short_answer(inlined, parsed[3])
                and (scan is not None or not math_scan)
            ):
                answer, (body, env, body_tokens, answer_tokens) = inlined, parsed
                math_scan, points = scan, inline_points
    short_answer = len(points) < MIN_POINTS and is_short_answer(answer, answer_tokens)
    if short_answer:  # its whole statements are its 1-2 points; a one-item "- Adam" is none
        points = [point for point in points if is_statement(point)]
    if short_answer and not points and len(" ".join(answer.split())) > MAX_POINT_CHARS:
        # Long, yet no point: its sentences are over a key point's length, not too short.
        return (
            None,
            f"the answer has no statement of at most {MAX_POINT_CHARS} characters (a key "
            "point's limit) with a clause that stands alone; split it into shorter sentences",
            notes,
        )
    flat_answer = " ".join(answer.split())
    if short_answer and not points and is_placeholder(flat_answer):
        return None, placeholder_reason(flat_answer), notes
    if short_answer and not points and (bare := bare_answer(answer, answer_tokens)) is not None:
        points = [bare]  # "ReLU", "Adam", "1e-8": a one-word answer is a real card
        if is_yes_no(bare):  # kept, as Anki keeps it: the note asks for its reason
            notes.append(("yes-no", yes_no_note(bare), question.answer_line))
    if short_answer and not points:
        return (
            None,
            "the answer is too short for a key point (no statement of three words or more "
            "in it); write the answer as a sentence" + indented_hint(answer, answer_tokens),
            notes,
        )
    if len(points) < MIN_POINTS and not short_answer:
        return (
            None,
            f"the answer is too short for {MIN_POINTS} key points (found "
            f"{counted(len(points), 'whole statement')}): it holds "
            f"{why_not_short(answer, answer_tokens)}, and only an answer of at most two "
            "sentences of prose (code blocks aside) may have fewer; add "
            f"{MIN_POINTS - len(points)} more (a sentence of three words or more, a list item "
            "or a bold 'Term:' line each)" + indented_hint(answer, answer_tokens),
            notes,
        )
    if question.kept_fields:  # said of a card made only: a skipped one keeps nothing
        notes.append(("kept fields", _kept_fields_said(question.kept_fields), 0))
    if question.unread_field is not None:
        field_number, field_text = question.unread_field
        notes.append(("unread tags", _unread_field_said(field_number, field_text), 0))
    card_id, path = choose_id(base_id)
    data, yaml_text = front_matter(
        card_id=card_id,
        title=question.own_title or card_title(plain_title(question.title)),
        topic=topic,
        tags=list(dict.fromkeys([*tags, *question.tags])) if question.tags else tags,
        difficulty=difficulty,
        source=question.card_source(notes_path.name, cited),
        points=points,
    )
    # Checked as lint would read the file, from the data rather than by reading the YAML
    # back: the safe dumper's text loads as the data it was given. The plain check
    # settles nearly every card without the card models (pydantic); a card it is not
    # sure of gets the full check, whose first problem is the reason given.
    inline_parsed = not env.get("references")  # math_scan was made so too
    if not plainly_clean(
        data, body, body_tokens, path, topic, inline_parsed=inline_parsed, math_scan=math_scan
    ):
        from quiz.bank.parse import card_from_data

        card, problems = card_from_data(
            data,
            yaml_text,
            body,
            path,
            pack,
            topic,
            tokens=body_tokens,
            inline_parsed=inline_parsed,
            math_scan=math_scan,
        )
        if card is None:
            return None, f"the card would not pass lint: {problems[0].message}", notes
    text = f"---\n{yaml_text}---\n{body}"
    size = len(text) if text.isascii() else len(text.encode("utf-8"))
    if size > CARD_FILE_LIMIT:  # the app and lint would refuse the file, unread
        return (
            None,
            f"the card would be {describe_size(size)}, over a card file's limit of "
            f"{describe_size(CARD_FILE_LIMIT)} (the app would not load it); split the question "
            "or its answer",
            notes,
        )
    folder = folders.get(target_dir)
    if folder is None:
        folder = folders[target_dir] = target_dir.is_dir()
    replaces = folder and path.exists()
    asked = AskedAt.of(question)
    return PlannedCard(asked, card_id, target_dir, text, tuple(points), replaces), "", notes
