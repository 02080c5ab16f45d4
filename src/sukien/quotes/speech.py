"""The quote finder's cue tables, read once from data/cues/speech.tsv (with the actor base's titles)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..actorbase import load_base
from ..cues import data_rows, load_cues


@dataclass(frozen=True)
class SpeechCues:
    """Every cue of speech.tsv, compiled for the searches the quote finder makes."""

    speech: re.Pattern[str]  # verbs, source frames and the words that hide them
    speech_kinds: dict[str, str]
    words: re.Pattern[str]  # pronouns and role heads
    word_kinds: dict[str, tuple[str, str]]
    titles: re.Pattern[str]  # titles of the actor base, case-sensitive
    adverbs: re.Pattern[str]
    conjunctions: re.Pattern[str]
    not_subject: re.Pattern[str]  # a preposition right before a phrase
    prepositions: re.Pattern[str]  # the same words anywhere (but links), and the words that end a description
    not_quote: re.Pattern[str]  # a naming word right before an opening mark
    agencies: frozenset[str]
    honorifics: frozenset[str]  # pronouns that join the name after them
    joiners: frozenset[str]  # words (and dashes) that join two parts of a speaker phrase
    agency_heads: frozenset[str]
    complementizers: tuple[str, ...]  # "rằng", as written
    complementizer: re.Pattern[str]
    passive: re.Pattern[str]  # a passive marker opening a clause
    source_words: frozenset[str]  # words between a source frame and its speaker ("lời")


def _alternation(cues, flags=re.IGNORECASE) -> re.Pattern[str]:
    """Any of `cues` as whole words, the longest where several match; a space matches any run of spaces.

    The cues are compiled as a trie ("nói(?:\\s+(?:thêm|tiếp))?") rather than a list of alternatives longest
    first: both find the same matches, since a longer cue is always tried before the shorter ones it extends
    and siblings never match the same character, but Python's regex engine tries a list alternative by
    alternative at every word, which made the scan of an article for speech verbs the quote finder's main cost.
    """
    cues = set(cues)
    if any("  " in cue for cue in cues):  # runs of spaces would let two paths of the trie match one text
        body = "|".join(re.escape(cue).replace(r"\ ", r"\s+") for cue in sorted(cues, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)
    trie: dict = {}
    for cue in cues:
        node = trie
        for char in cue:
            node = node.setdefault(char, {})
        node[""] = {}  # a cue ends here
    return re.compile(rf"(?<!\w){_trie_pattern(trie, flags)}(?!\w)", flags)


def _trie_pattern(node: dict, flags: int) -> str:
    """The regex of a trie node: its children first, each with its subtree, then the end of a cue if one ends."""
    children = sorted(char for char in node if char)
    if not children:
        return "" if node else "(?!)"
    pieces = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(node[char], flags) for char in children]
    if len(pieces) > 1 and any(re.fullmatch(_one(a), b, flags) for a in children for b in children if a != b):
        raise ValueError(f"cues that differ only in {children!r} cannot share a trie")  # never with casefolded cues
    body = pieces[0] if len(pieces) == 1 else "(?:" + "|".join(pieces) + ")"
    if "" in node:
        return f"(?:{body})?" if len(pieces) == 1 else f"(?:{'|'.join(pieces)}|)"
    return body


def _one(char: str) -> str:
    return r"\s" if char == " " else re.escape(char)


_WORD_KINDS = (
    "not_subject", "not_quote", "adverb", "conjunction", "determiner", "honorific", "link", "not_description",
    "agency_head", "complementizer", "passive", "source_word",
)  # fmt: skip


@cache
def speech_cues() -> SpeechCues:
    """Read data/cues/speech.tsv once (with the titles of the actor base and the news agencies)."""
    speech, words, by_kind = _rows()
    links = by_kind.get("link", [])
    complementizers = tuple(by_kind.get("complementizer", []))
    return SpeechCues(
        speech=_alternation(speech),
        speech_kinds=speech,
        words=_alternation(words),
        word_kinds=words,
        titles=_alternation(load_base().titles, flags=0),
        adverbs=_alternation(by_kind.get("adverb", [])),
        conjunctions=_alternation(by_kind.get("conjunction", []) + by_kind.get("determiner", [])),
        prepositions=_alternation(
            [w for w in by_kind.get("not_subject", []) if w not in links] + by_kind.get("not_description", [])
        ),
        not_subject=_ending(by_kind.get("not_subject", [])),
        not_quote=_ending(by_kind.get("not_quote", [])),
        agencies=frozenset(spelling.casefold() for spelling in load_cues().agencies),
        honorifics=_folded(by_kind.get("honorific", [])),
        joiners=_folded(links) | {"-", "–"},
        agency_heads=_folded(by_kind.get("agency_head", [])),
        complementizers=complementizers,
        complementizer=_alternation(complementizers, flags=0),
        passive=_opening(by_kind.get("passive", [])),
        source_words=_folded(by_kind.get("source_word", [])),
    )


def _rows() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, list[str]]]:
    """speech.tsv as (speech cue → kind, pronoun or role → (kind, value), kind → its cues as written)."""
    speech: dict[str, str] = {}
    words: dict[str, tuple[str, str]] = {}
    by_kind: dict[str, list[str]] = {}
    for row in data_rows("cues/speech.tsv"):
        cue, kind, value = row["cue"].strip(), row["kind"].strip(), (row.get("value") or "").strip()
        by_kind.setdefault(kind, []).append(cue)
        if kind in ("verb", "source", "not_verb"):
            speech[cue.casefold()] = kind
        elif kind in ("pronoun", "role"):
            words[cue.casefold()] = (kind, value)
        elif kind not in _WORD_KINDS:
            raise ValueError(f"speech.tsv: unknown kind {kind!r} for {cue!r}")
    return speech, words, by_kind


def _folded(cues: list[str]) -> frozenset[str]:
    return frozenset(cue.casefold() for cue in cues)


def _ending(cues: list[str]) -> re.Pattern[str]:
    """Any of `cues` as a word that ends the text searched (spaces after it aside)."""
    body = "|".join(re.escape(w) for w in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body or '(?!)'})\s*$", re.IGNORECASE)


def _opening(cues: list[str]) -> re.Pattern[str]:
    """Any of `cues` as the first word of the text matched (after punctuation), followed by a space."""
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\W*(?:{body or '(?!)'})\s", re.IGNORECASE)
