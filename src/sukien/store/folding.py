"""The folded form the full-text index holds, and user queries turned into safe FTS5 queries.

`sukien.normalize.fold` (no case, no diacritics, đ → d) is applied one character at a time, so the
folded text keeps the length of the original almost always and a match in it is a match at the
same offsets in the original: snippets show the article's own spelling. The few characters whose
fold is not one character ("İ", a lone combining mark, some ligatures) are tracked with an offset map.
"""

from __future__ import annotations

import re

from ..normalize import fold

# Runs of letters and digits: what FTS5's unicode61 tokenizer keeps as tokens.
TOKEN = re.compile(r"[^\W_]+")


class _FoldTable(dict):
    """str.translate table filled on demand: character → its fold; remembers the irregular ones."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold(char)
        if len(folded) != 1:
            self.irregular.add(char)
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold_aligned(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, only when lengths differ, the original offset of each folded character."""
    folded = text.translate(_TABLE)
    if not _TABLE.irregular or not any(char in text for char in _TABLE.irregular):
        return folded, None
    offsets: list[int] = []
    pieces: list[str] = []
    for index, char in enumerate(text):
        piece = _TABLE[ord(char)]
        pieces.append(piece)
        offsets.extend([index] * len(piece))
    offsets.append(len(text))
    return "".join(pieces), offsets


def fold_text(text: str) -> str:
    """The folded form of `text`, as the index holds it."""
    return text.translate(_TABLE)


def query_terms(query: str) -> list[tuple[str, ...]]:
    """The terms of a user query: each a phrase of folded tokens; "double quotes" keep words together."""
    terms: list[tuple[str, ...]] = []
    for number, part in enumerate(query.split('"')):
        tokens = TOKEN.findall(fold_text(part))
        if number % 2:  # inside quotes: one phrase
            if tokens:
                terms.append(tuple(tokens))
        else:
            terms.extend((token,) for token in tokens)
    return list(dict.fromkeys(terms))


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression that finds articles holding every term, or None for a query of no words.

    Every token is quoted, so no user input is read as FTS5 syntax (AND, NEAR, *, column filters...).
    """
    terms = query_terms(query)
    if not terms:
        return None
    return " ".join('"' + " ".join(term) + '"' for term in terms)
