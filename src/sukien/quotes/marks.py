"""Where quotes are: pairs of quotation marks, and the words between them.

- A quote is what stands between a pair of quotation marks: “...”, "...", «...», ‘...’ or '...'. A straight
  mark opens after a space, a bracket or a colon and closes before a space or punctuation; pages mix the two
  kinds of double marks ("...” or “..."), so any double mark closes any other. An apostrophe between letters
  (d'Errico, O’Brien) is not a mark. `Quote.text` is the inside without the marks and the spaces next to them,
  with `text[q.start:q.end] == q.text`.
- Quotes inside a quote ('...' or "..." inside “...”) are part of it, not quotes of their own.
- A quote may run over several sentences and paragraphs: a paragraph that leaves a quote open continues into
  the next one when that one opens with a mark (the typographic convention) or closes a mark it never opened.
  The quote is then one span over both paragraphs. A quote left open that does not continue ends with its
  paragraph if it opened the paragraph or followed ':' or ','; otherwise the stray mark is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'
_SINGLE = "‘’'"
QUOTE_MARKS = _DOUBLE + _SINGLE
DOUBLE_MARKS = re.compile(f"[{_DOUBLE}]")
_SINGLE_MARKS = re.compile(f"[{_SINGLE}]")
_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
# Characters after which a mark opens a quote, and before which it closes one.
_OPEN_AFTER = set("([{—–-/:;,") | set(QUOTE_MARKS)
_CLOSE_BEFORE = set(".,;:!?…)]}—–-/") | set(QUOTE_MARKS)
# A token between spaces that holds a letter or digit ([^\W_] is str.isalnum), matched whole: one per word.
_COUNTED = re.compile(r"\S*[^\W_]\S*")

# An open quote carried into the next paragraph: (its mark, the end of its paragraph, whether it may end there).
_Carry = tuple[int, int, bool]


@dataclass(frozen=True, slots=True)
class Span:
    """A quote: its marks and the text inside them."""

    open: int  # position of the opening mark
    close: int  # position of the closing mark (or the end of the paragraph when it has none)
    start: int
    end: int
    close_end: int  # just after the closing mark


def count_words(text: str) -> int:
    """Words as written, one syllable a word as Vietnamese is spelled: tokens with a letter or digit."""
    return len(_COUNTED.findall(text))


def quote_spans(text: str) -> list[Span]:
    """Every outermost quoted passage, nested ones left out."""
    doubles = sorted(_double_spans(text))
    taken = [(a, b) for a, b, _ in doubles]
    spans = list(doubles)
    for a, b, closed in _single_spans(text):
        if not any(a <= y and x <= b for x, y in taken):
            spans.append((a, b, closed))
    result: list[Span] = []
    for a, b, closed in sorted(spans):
        start, end = a + 1, b
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if result and a < result[-1].close_end:
            continue  # inside the previous one
        result.append(Span(a, b, start, end, b + closed))
    return result


def _opens(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return (before.isspace() or before in _OPEN_AFTER) and not after.isspace()


def _closes(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE)


def _double_spans(text: str) -> list[tuple[int, int, int]]:
    """(opening mark, closing mark or paragraph end, whether it closed) for every outermost double quote."""
    spans: list[tuple[int, int, int]] = []
    carry: _Carry | None = None
    for line in _PARAGRAPH.finditer(text):
        lo, hi = line.span()
        marks = [m.start() for m in DOUBLE_MARKS.finditer(text, lo, hi)]
        stack: list[tuple[str, int]] = []
        if carry is not None:
            stack, marks = _carried(text, carry, marks, lo, hi, spans)
        _pair(text, marks, stack, lo, hi, spans)
        carry = _left_open(text, stack, lo, hi)
    if carry is not None and carry[2]:
        spans.append((carry[0], carry[1], 0))
    return spans


def _carried(
    text: str, carry: _Carry, marks: list[int], lo: int, hi: int, spans: list[tuple[int, int, int]]
) -> tuple[list[tuple[str, int]], list[int]]:
    """Settle a quote the previous paragraph left open: (what stays open, the marks still to pair)."""
    first = marks[0] if marks else None
    lead = text[first] if first is not None and not text[lo:first].strip() else ""
    if lead and (lead in _DOUBLE_OPEN or (lead == '"' and _opens(text, first, lo, hi))):
        return [(text[carry[0]], carry[0])], marks[1:]  # the paragraph opens with a mark: the quote goes on
    if (
        first is not None
        and text[first] in '”»"'
        and _closes(text, first, lo, hi)
        and not (_opens(text, first, lo, hi) and text[first] == '"')
    ):
        spans.append((carry[0], first, 1))  # it closes a mark it never opened
        return [], marks[1:]
    if carry[2]:
        spans.append((carry[0], carry[1], 0))
    return [], marks


def _pair(
    text: str, marks: list[int], stack: list[tuple[str, int]], lo: int, hi: int, spans: list[tuple[int, int, int]]
) -> None:
    """Pair the double marks of one paragraph into `spans`; `stack` keeps the marks left open."""
    for i in marks:
        mark = text[i]
        push = _pushes(mark, bool(stack), _opens(text, i, lo, hi), _closes(text, i, lo, hi))
        if push is None:
            continue
        if push:
            stack.append((mark, i))
            continue
        _, at = stack.pop()
        if not stack:
            spans.append((at, i, 1))


def _pushes(mark: str, nested: bool, opening: bool, closing: bool) -> bool | None:
    """Whether a double mark opens a quote (True), closes the innermost one (False) or is ignored (None)."""
    if mark in _DOUBLE_OPEN:
        return not (nested and closing and not opening)
    if mark in _DOUBLE_CLOSE:
        if nested:
            return False
        return True if opening and not closing else None  # else a closing mark that opened nothing
    if nested:
        return opening and not closing  # a straight mark in a quote opens a nested one or closes
    return True if opening or not closing else None


def _left_open(text: str, stack: list[tuple[str, int]], lo: int, hi: int) -> _Carry | None:
    """The quote a paragraph leaves open, to carry into the next one."""
    if not stack:
        return None
    at = stack[0][1]
    before = text[lo:at].rstrip()
    return at, hi, not before or before.endswith((":", ","))


def _single_spans(text: str) -> list[tuple[int, int, int]]:
    """(opening mark, closing mark, 1) for single-quoted passages inside one paragraph."""
    spans = []
    for line in _PARAGRAPH.finditer(text):
        lo, hi = line.span()
        opened: int | None = None
        for m in _SINGLE_MARKS.finditer(text, lo, hi):
            i = m.start()
            before = text[i - 1] if i > lo else " "
            after = text[i + 1] if i + 1 < hi else " "
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe: d'Errico, O’Brien
            if opened is None:
                if text[i] in "‘'" and _opens(text, i, lo, hi):
                    opened = i
            elif _closes(text, i, lo, hi):
                spans.append((opened, i, 1))
                opened = None
            elif text[i] in "‘'" and _opens(text, i, lo, hi):
                opened = i
    return spans
