"""Direct quotations and who said them.

Finding quotes
- A quote is what stands between a pair of quotation marks: “...”, "...", «...», ‘...’ or '...'. A straight
  mark opens after a space, a bracket or a colon and closes before a space or punctuation; pages mix the two
  kinds of double marks ("...” or “..."), so any double mark closes any other. An apostrophe between letters
  (d'Errico, O’Brien) is not a mark. `Quote.text` is the inside without the marks and the spaces next to them,
  with `text[q.start:q.end] == q.text`.
- A quote has at least four words, counted as written (one syllable a word, as Vietnamese is spelled):
  “cách mạng màu” and “tình nguyện viên” are terms, “tổn thất đáng kể” is a short quotation.
- Quotes inside a quote ('...' or "..." inside “...”) are part of it, not quotes of their own.
- A quote may run over several sentences and paragraphs: a paragraph that leaves a quote open continues into
  the next one when that one opens with a mark (the typographic convention) or closes a mark it never opened.
  The quote is then one span over both paragraphs. A quote left open that does not continue ends with its
  paragraph if it opened the paragraph or followed ':' or ','; otherwise the stray mark is ignored.
- Quoted names and titles are not speech: a `not_quote` cue of data/cues/speech.tsv right before the mark
  ("chiến dịch “...”", "mang tên “...”") drops the quote.

Finding the speaker: the first of these rules that names one wins.
1. Bound frame before the quote: the last speech verb or source frame ("theo X", "dẫn lời X", "tuyên bố của X")
   of the sentence before the quote, with at most a few words between it and the mark, ending in ':' or ',':
   `X cho biết: “...”`, `Tổng thống Nga Putin nhấn mạnh: “...”`, `Người đứng đầu nhà nước Nga nói với các phóng
   viên: “...”`, `theo người phát ngôn X, “...”`.
2. Frame after the quote: `“...”, ông Peskov nói.`, `"...", phát ngôn viên quân đội Nga nêu rõ`, `“...” (lời X)`,
   in the sentence that closes the quote or in a short next sentence that only attributes (`“...” Ông Putin nói
   thêm.`). The phrase between the quote and the verb opens with the speaker; a description followed by a name
   gives the name (`người phát ngôn IS, Abu Mohamed al-Adnani cho hay`), a name followed by a description keeps
   the name and takes the country the description names (`Larry Burt, chỉ huy tàu sân bay Mỹ, cho biết`).
   `“...”, theo X` is a frame too, unless X is a news agency.
3. Loose frame before the quote: the nearest speech verb before it in its sentence, however far, that has a
   subject (`ông Putin nói lính đánh thuê ... chịu “tổn thất đáng kể”`).
4. Subject of the sentence, for a quote inside a sentence without a frame: the subject of "theo X" (when X is an
   agency, the subject of the clause after it: "Theo hãng tin TASS, Tổ chức Hợp tác Thượng Hải sẽ chỉ can thiệp
   “...”" → SCO), else the sentence's subject when it is a person or a role ("Weah phản ứng ...: “...”").
5. Continuation, for a quote its sentence attributes to nobody: the speaker of the quote right before it when
   that one closes in the same or the previous sentence (`“A”, ông Putin nói. “B”`); else, for a quote that
   opens its sentence, the subject of a speech verb of the previous sentence (`Bộ Ngoại giao Anh nói rằng ... .
   "..."`, a paragraph ending in `Ông X nói:`); else the speaker of a quote that follows right after
   (`“A.” “B”, ông X nói.`).
A quote none of them attributes has `speaker=None` and `speaker_text=None`.

The subject of a speech verb is looked for in the verb's clause, which starts at the sentence, or after the quote,
';', ':', "rằng" or speech verb before it:
- the speaker phrase right before the verb with only adverbs between (`ông Dmitry Peskov hôm 14.10 cho biết`),
  else the one that opens the clause (`ông Peskov trong cuộc họp báo ở Moskva cho biết`), walking back over
  comma-separated parts (`Tuyên bố thắt chặt quan hệ với Nga, trong cuộc gặp Tổng thống Putin, ông Lukashenko
  nói`); a phrase after "với", "tại", "giữa"... (`not_subject`) is an object or a place, never a subject;
- a verb right after a comma or a conjunction shares the subject of the speech verb before it (`X tuyên bố và
  nhấn mạnh:`, `Người phát ngôn ... xác nhận cuộc điện đàm, đồng thời cho biết thêm:`, `phát ngôn viên IS cho
  biết Mỹ ..., cho rằng`); so does a clause after a speech verb whose own subject is only a country or
  organisation (`ông Ushakov cho biết, nước này ... kêu gọi: “...”`: Ushakov speaks);
- a name and a description separated by a comma are one speaker (`ông Yuri Ushakov, Cố vấn Tổng thống Nga`);
- "dẫn lời X", "trích lời X", "tuyên bố của X" give X; a passive "Được X hỏi" makes X the one who asks.

A speaker phrase becomes an actor:
- a person's name: the linked entity's actor (an unknown name takes the country or organisation of the
  description beside it: "Ông Trương Minh, tổng thư ký của SCO");
- a pronoun or anaphoric description ("Ông", "quan chức này", a bare title "Ngoại trưởng"): the person the text
  is about, i.e. the subject of the same sentence if it opens with one, else, looking back up to three
  sentences, the speaker of a quote in that sentence or its subject (a role such as "Ngoại trưởng Mỹ" counts), or
  the first person it names; "cơ quan này" and "nước này" go to the last organisation or country named;
- a description without a name ("Người phát ngôn của Bộ Ngoại giao Mỹ", "Tổng thống Nga"): the organisation
  named inside it; else the holder of the title on the publication date when the actor base knows exactly one
  (or one the article names; with no date only a sole or named holder counts); else an actor with id None, the
  description as its name and the country named in it;
- an organisation or country ("IDF thông báo", "Nga tuyên bố"): its actor; an unknown capitalised name, or a
  person named like a place ("Oxford nói"): an actor with id None.
`speaker_text` is the speaker as written near the quote ("ông Peskov", "quan chức này", the whole phrase of a
frame after the quote); a quote continuing another one repeats that one's.

Everything language-specific (speech verbs, frames, pronouns, role words, adverbs, prepositions, naming words)
is data in data/cues/speech.tsv; titles come from the actor base. Finding quotes costs one regular-expression
pass over the article plus a little work per quote: it adds a small fraction to entity recognition.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from .actorbase import ActorBase, affiliation, load_base
from .cues import data_rows, load_cues
from .models import Actor, Entity, Quote, Sentence
from .sentences import split_sentences

__all__ = ["MIN_WORDS", "find_quotes"]

# A quotation has at least this many words; fewer is a term or a scare quote.
MIN_WORDS = 4
# A frame after the quote names its speaker within this many words of the closing mark.
_AFTER_WORDS = 24
# A bound frame before the quote has at most this many words between the verb and the opening mark.
_BOUND_WORDS = 6
# An attribution-only sentence after a quote ("Ông Putin nói thêm.") is at most this long.
_ATTRIBUTION_WORDS = 12
# Pronouns look this many sentences back for the person they stand for.
_LOOK_BACK = 3
# Words a description may hold between its head and the name it ends in ("quan chức [cao cấp của] Pakistan").
_DESCRIPTION_GAP = 3

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'
_SINGLE = "‘’'"
_DOUBLE_MARKS = re.compile(f"[{_DOUBLE}]")
_SINGLE_MARKS = re.compile(f"[{_SINGLE}]")
_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029]+")
# Characters after which a mark opens a quote, and before which it closes one.
_OPEN_AFTER = set("([{—–-/:;,") | set(_DOUBLE) | set(_SINGLE)
_CLOSE_BEFORE = set(".,;:!?…)]}—–-/") | set(_DOUBLE) | set(_SINGLE)
_WORD = re.compile(r"\w[\w'’.,:/%-]*\w|\w", re.UNICODE)
_HONORIFICS = {"ông", "bà", "ngài", "anh", "chị", "cô"}
# Heads of a description that name a source of news rather than a speaker ("theo hãng tin TASS").
_AGENCY_HEADS = {"hãng tin", "hãng thông tấn", "thông tấn xã", "báo", "tờ", "đài", "kênh"}
_NAME_KINDS = ("PER", "cap")


@dataclass(frozen=True, slots=True)
class _Span:
    """A quote: its marks and the text inside them."""

    open: int  # position of the opening mark
    close: int  # position of the closing mark (or the end of the paragraph when it has none)
    start: int
    end: int
    close_end: int  # just after the closing mark


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    kind: str  # verb, source
    key: str  # the cue, case-folded


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A word or mention a speaker phrase is built of."""

    start: int
    end: int
    kind: str  # PER ORG GPE LOC (an entity), title, role, pronoun, cap (an unknown capitalised name)
    entity: Entity | None = None
    key: str = ""  # the cue or title as written in the data
    value: str = ""  # a pronoun's kind (PER ORG GPE) or a role's titles


@dataclass(slots=True)
class _Chunk:
    """A speaker phrase: anchors joined by nothing, "của", or a few words of description."""

    anchors: list[_Anchor]
    start: int = 0  # where its text starts (an appositive description may extend it)
    text_end: int = 0

    @property
    def end(self) -> int:
        return self.anchors[-1].end

    def first(self, *kinds: str) -> _Anchor | None:
        return next((a for a in self.anchors if a.kind in kinds), None)

    @property
    def named(self) -> bool:
        return self.first(*_NAME_KINDS) is not None

    @property
    def pronoun(self) -> _Anchor | None:
        head = self.anchors[0]
        return head if head.kind == "pronoun" and not self.named else None

    @property
    def person_like(self) -> bool:
        return (
            self.named
            or self.first("title", "role") is not None
            or (self.pronoun is not None and self.pronoun.value == "PER")
        )


@dataclass(frozen=True)
class _Cues:
    speech: re.Pattern[str]  # verbs, source frames and the words that hide them
    speech_kinds: dict[str, str]
    words: re.Pattern[str]  # pronouns and role heads
    word_kinds: dict[str, tuple[str, str]]
    titles: re.Pattern[str]  # titles of the actor base, case-sensitive
    adverbs: re.Pattern[str]
    conjunctions: re.Pattern[str]
    not_subject: re.Pattern[str]  # a preposition right before a phrase
    prepositions: re.Pattern[str]  # the same words anywhere (but "của"), and "và", "hoặc", "rằng"
    not_quote: re.Pattern[str]  # a naming word right before an opening mark
    agencies: frozenset[str]


def _alternation(cues, flags=re.IGNORECASE) -> re.Pattern[str]:
    ordered = sorted(set(cues), key=len, reverse=True)
    body = "|".join(re.escape(cue).replace(r"\ ", r"\s+") for cue in ordered) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


@cache
def _cues() -> _Cues:
    """Read data/cues/speech.tsv once (with the titles of the actor base and the news agencies)."""
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
        elif kind not in ("not_subject", "not_quote", "adverb", "conjunction", "determiner"):
            raise ValueError(f"speech.tsv: unknown kind {kind!r} for {cue!r}")
    base = load_base()
    prepositions = "|".join(re.escape(w) for w in sorted(by_kind.get("not_subject", []), key=len, reverse=True))
    naming = "|".join(re.escape(w) for w in sorted(by_kind.get("not_quote", []), key=len, reverse=True))
    agencies = frozenset(spelling.casefold() for spelling in load_cues().agencies)
    return _Cues(
        speech=_alternation(speech),
        speech_kinds=speech,
        words=_alternation(words),
        word_kinds=words,
        titles=_alternation(base.titles, flags=0),
        adverbs=_alternation(by_kind.get("adverb", [])),
        conjunctions=_alternation(by_kind.get("conjunction", []) + by_kind.get("determiner", [])),
        prepositions=_alternation([w for w in by_kind.get("not_subject", []) if w != "của"] + ["và", "hoặc", "rằng"]),
        not_subject=re.compile(rf"(?<!\w)(?:{prepositions or '(?!)'})\s*$", re.IGNORECASE),
        not_quote=re.compile(rf"(?<!\w)(?:{naming or '(?!)'})\s*$", re.IGNORECASE),
        agencies=agencies,
    )


# ---------------------------------------------------------------------------------------------- quote marks


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
    carry: tuple[int, int, bool] | None = None  # an open quote: (mark, end of its paragraph, may end there)
    for line in _PARAGRAPH.finditer(text):
        lo, hi = line.span()
        marks = [m.start() for m in _DOUBLE_MARKS.finditer(text, lo, hi)]
        stack: list[tuple[str, int]] = []
        if carry is not None:
            first = marks[0] if marks else None
            lead = text[first] if first is not None and not text[lo:first].strip() else ""
            if lead and (lead in _DOUBLE_OPEN or (lead == '"' and _opens(text, first, lo, hi))):
                stack = [(text[carry[0]], carry[0])]  # the paragraph opens with a mark: the quote goes on
                marks = marks[1:]
            elif (
                first is not None
                and text[first] in '”»"'
                and _closes(text, first, lo, hi)
                and not (_opens(text, first, lo, hi) and text[first] == '"')
            ):
                spans.append((carry[0], first, 1))  # it closes a mark it never opened
                marks = marks[1:]
            elif carry[2]:
                spans.append((carry[0], carry[1], 0))
            carry = None
        for i in marks:
            mark = text[i]
            opening, closing = _opens(text, i, lo, hi), _closes(text, i, lo, hi)
            if mark in _DOUBLE_OPEN:
                push = not (stack and closing and not opening)
            elif mark in _DOUBLE_CLOSE:
                push = not stack and opening and not closing
                if not stack and not push:
                    continue  # a closing mark that opened nothing
            elif stack and stack[-1][0] == '"':
                push = opening and not closing
            elif stack:
                push = opening and not closing  # a straight quote nested in a curly one, or closing it
            else:
                push = opening or not closing
                if not push:
                    continue
            if push:
                stack.append((mark, i))
                continue
            _, at = stack.pop()
            if not stack:
                spans.append((at, i, 1))
        if stack:
            at = stack[0][1]
            before = text[lo:at].rstrip()
            carry = (at, hi, not before or before.endswith((":", ",")))
    if carry is not None and carry[2]:
        spans.append((carry[0], carry[1], 0))
    return spans


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


def _quote_spans(text: str) -> list[_Span]:
    """Every outermost quoted passage, nested ones left out."""
    doubles = sorted(_double_spans(text))
    taken = [(a, b) for a, b, _ in doubles]
    spans = list(doubles)
    for a, b, closed in _single_spans(text):
        if not any(a <= y and x <= b for x, y in taken):
            spans.append((a, b, closed))
    result = []
    for a, b, closed in sorted(spans):
        start, end = a + 1, b
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if result and a < result[-1].close_end:
            continue  # inside the previous one
        result.append(_Span(a, b, start, end, b + closed))
    return result


def _foreign(word: str) -> bool:
    """Whether a capitalised word cannot be a Vietnamese syllable: "C.Avendano", "McCain", "Jolani", "Wong"."""
    return "." in word.strip(".") or any(ch.isupper() for ch in word[1:]) or any(ch in "fjwzFJWZ" for ch in word)


def _capital_next(text: str, end: int, hi: int) -> bool:
    """Whether the word after `end` is capitalised too ("Robert Chua nói")."""
    follower = _WORD.match(text, end + 1, hi) if end < hi and text[end] == " " else None
    return follower is not None and follower.group()[0].isupper()


def _words(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


# ---------------------------------------------------------------------------------------------- attribution


@dataclass
class _Article:
    text: str
    entities: Sequence[Entity]
    published: str | None
    cues: _Cues
    base: ActorBase
    spans: list[_Span]
    sentences: list[Sentence] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    speech: list[_Cue] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    resolved: dict[int, tuple[Actor, str]] = field(default_factory=dict)  # quote index → speaker
    subjects: dict[int, _Chunk | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentences = split_sentences(self.text)
        self.starts = [s.start for s in self.sentences]
        self.first_words = {s.start + m.start() for s in self.sentences if (m := re.search(r"\w", s.text))}
        self.ids = {e.actor.id for e in self.entities if e.actor.id}
        self.quoted = [(s.open, s.close_end) for s in self.spans]
        self.quoted_starts = [a for a, _ in self.quoted]
        for m in self.cues.speech.finditer(self.text):
            kind = self.cues.speech_kinds.get(" ".join(m.group().casefold().split()))
            if kind in ("verb", "source") and not self.inside_quote(m.start()):
                self.speech.append(_Cue(m.start(), m.end(), kind, " ".join(m.group().casefold().split())))
        self.speech_starts = [c.start for c in self.speech]
        self.entity_list = sorted(
            (e for e in self.entities if not self.inside_quote(e.start)), key=lambda e: (e.start, -e.end)
        )
        self.entity_starts = [e.start for e in self.entity_list]

    # --- positions

    def inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and pos < self.quoted[k][1]

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        return self.text.count("\n", 0, pos)

    def cues_between(self, lo: int, hi: int) -> list[_Cue]:
        a = bisect.bisect_left(self.speech_starts, lo)
        b = bisect.bisect_left(self.speech_starts, hi)
        return [c for c in self.speech[a:b] if c.end <= hi]

    def outside(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The parts of [lo, hi) that are not inside a quote (marks included)."""
        parts, at = [], lo
        k = max(0, bisect.bisect_right(self.quoted_starts, lo) - 1)
        for a, b in self.quoted[k:]:
            if a >= hi:
                break
            if b <= at:
                continue
            if a > at:
                parts.append((at, a))
            at = max(at, b)
        if at < hi:
            parts.append((at, hi))
        return parts

    # --- speaker phrases

    def anchors(self, lo: int, hi: int) -> list[_Anchor]:
        """Mentions, titles, role words, pronouns and unknown names in [lo, hi), outside quotes."""
        text, found = self.text, []
        k = bisect.bisect_left(self.entity_starts, lo)
        for entity in self.entity_list[k:]:
            if entity.start >= hi:
                break
            if entity.end <= hi and (not found or entity.start >= found[-1].end):
                found.append(_Anchor(entity.start, entity.end, entity.type, entity))
        taken = [(a.start, a.end) for a in found]
        words: list[_Anchor] = []
        for m in self.cues.titles.finditer(text, lo, hi):
            inside = [a for a, _ in taken if m.start() < a < m.end()]
            if inside:  # "Người phát ngôn Điện Kremlin": the title up to the mention
                m = self.cues.titles.match(text, m.start(), len(text[: inside[0]].rstrip()))
                if m is None:
                    continue
            words.append(_Anchor(m.start(), m.end(), "title", key=" ".join(m.group().split())))
        for m in self.cues.words.finditer(text, lo, hi):
            kind, value = self.cues.word_kinds[" ".join(m.group().casefold().split())]
            words.append(_Anchor(m.start(), m.end(), kind, key=m.group(), value=value))
        words.sort(key=lambda a: (a.start, -(a.end - a.start)))
        for word in words:
            if any(word.start < b and a < word.end for a, b in taken):
                continue
            taken.append((word.start, word.end))
            found.append(word)
        for m in _WORD.finditer(text, lo, hi):
            if not m.group()[0].isupper() or any(m.start() < b and a < m.end() for a, b in taken):
                continue
            first = m.start() in self.first_words or (m.start() > 0 and text[m.start() - 1] in _DOUBLE + _SINGLE)
            if first and not (_foreign(m.group()) or _capital_next(text, m.end(), hi)):
                continue  # a sentence's first word is capitalised whatever it is; a name needs more
            found.append(_Anchor(m.start(), m.end(), "cap"))
            taken.append((m.start(), m.end()))
        found.sort(key=lambda a: a.start)
        return [a for a in found if not self.inside_quote(a.start)]

    def chunks(self, lo: int, hi: int) -> list[_Chunk]:
        """Speaker phrases in [lo, hi): anchors joined by nothing, "của", a dash, or a description's words."""
        chunks: list[_Chunk] = []
        for anchor in self.anchors(lo, hi):
            if chunks and self._joins(chunks[-1], anchor):
                if anchor.kind == "cap" and chunks[-1].anchors[-1].kind == "cap":
                    last = chunks[-1].anchors[-1]
                    chunks[-1].anchors[-1] = _Anchor(last.start, anchor.end, "cap")  # one name of several words
                else:
                    chunks[-1].anchors.append(anchor)
            else:
                chunks.append(_Chunk([anchor], anchor.start))
        for chunk in chunks:
            chunk.text_end = chunk.end
        return chunks

    def _joins(self, chunk: _Chunk, anchor: _Anchor) -> bool:
        last = chunk.anchors[-1]
        gap = self.text[last.end : anchor.start]
        bare = gap.strip()
        if "\n" in gap or self.inside_quote(last.end) != self.inside_quote(anchor.start):
            return False
        if last.kind == "pronoun" and last.key.casefold() not in _HONORIFICS:
            return False  # "quan chức này" is complete
        if not bare or bare.casefold() in ("của", "-", "–"):
            return True
        if last.kind not in ("title", "role", "ORG", "GPE") or chunk.first("title", "role") is None:
            return False
        tokens = bare.split()
        if len(tokens) > _DESCRIPTION_GAP or any(not t.isalpha() or not t.islower() for t in tokens):
            return False
        if self.cues.adverbs.search(bare) or self.cues_between(last.end, anchor.start):
            return False
        return not self.cues.prepositions.search(bare)

    def only_adverbs(self, lo: int, hi: int, *, lead: bool = False) -> bool:
        """Whether [lo, hi) holds nothing but adverbs (and conjunctions if `lead`), numbers and punctuation."""
        if hi <= lo:
            return True
        rest = self.cues.adverbs.sub(" ", self.text[lo:hi])
        if lead:
            rest = self.cues.conjunctions.sub(" ", rest)
        return all(not any(ch.isalpha() for ch in token) for token in rest.split())

    def segments(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """[lo, hi) outside quotes, cut at commas and semicolons."""
        parts = []
        for a, b in self.outside(lo, hi):
            at = a
            for m in re.finditer(r"[,;]\s|[,;]$", self.text[a:b]):
                parts.append((at, a + m.start()))
                at = a + m.end()
            parts.append((at, b))
        return [(a, b) for a, b in parts if self.text[a:b].strip()]

    def subject_in(self, lo: int, hi: int, *, earlier: bool = False) -> _Chunk | None:
        """The speaker phrase of a clause [lo, hi) that ends at its verb (see the module's rules).

        `earlier`: the sentence has a speech verb before this clause, whose subject a verb after a comma may share
        ("X cho biết ..., cho rằng"); the clause then names no speaker of its own.
        """
        text = self.text
        for cue in reversed(self.cues_between(lo, hi)):
            if cue.kind == "source" and cue.key != "theo":
                return self.chunk_at(cue.end, hi)  # "tờ Y dẫn lời ông X", "Tuyên bố của Bộ Ngoại giao Nga"
        parts = self.segments(lo, hi)
        for index in range(len(parts) - 1, -1, -1):
            a, b = parts[index]
            chunks = [c for c in self.chunks(a, b) if not self.cues.not_subject.search(text[a : c.start])]
            if not chunks:
                continue
            opens = self.only_adverbs(a, chunks[0].start, lead=True)
            if self.only_adverbs(b, hi, lead=True) and b < hi and text[b:hi].strip():
                # the verb follows a comma: a bare phrase is its subject, a clause has its own verb
                bare = len(chunks) == 1 and opens and self.only_adverbs(chunks[0].end, b)
                if bare or (opens and not earlier):
                    chosen = chunks[0]
                else:
                    return None
            elif self.only_adverbs(chunks[-1].end, b):
                chosen = chunks[-1]
                if (
                    opens
                    and not chosen.named
                    and chosen.first("ORG", "GPE") is None
                    and not self.only_adverbs(a, chosen.start, lead=True)
                ):
                    chosen = chunks[0]  # a bare role word further on is not the subject the clause opened with
            elif opens:
                chosen = chunks[0]
            else:
                continue
            return self._apposition(chosen, parts, index)
        return None

    def _apposition(self, chosen: _Chunk, parts: list[tuple[int, int]], index: int) -> _Chunk:
        """Join a description and the name beside it across a comma."""
        if index == 0:
            return chosen
        a, b = parts[index - 1]
        before = self.chunks(a, b)
        if len(before) != 1 or not self.only_adverbs(a, before[0].start) or not self.only_adverbs(before[0].end, b):
            return chosen
        other = before[0]
        if not chosen.named and other.named and other.pronoun is None:
            joined = _Chunk(other.anchors + chosen.anchors, other.start)
            joined.text_end = chosen.end
            return joined
        if chosen.named and not other.named and other.first("title", "role") and other.pronoun is None:
            joined = _Chunk(other.anchors + chosen.anchors, other.start)
            joined.text_end = chosen.end
            return joined
        return chosen

    def chunk_at(self, pos: int, hi: int) -> _Chunk | None:
        """The speaker phrase that starts right at `pos` (after a source cue), maybe after two plain words
        ("theo nhà cái Power")."""
        chunks = self.chunks(pos, min(hi, pos + 200))
        if not chunks:
            return None
        chunk = chunks[0]
        gap = self.text[pos : chunk.start]
        if not gap.strip() or gap.strip().casefold() == "lời":
            return chunk
        words = gap.split()
        plain = len(words) <= 2 and all(w.isalpha() and w.islower() for w in words)
        if plain and chunk.named and not self.cues.prepositions.search(gap) and not self.cues_between(pos, chunk.start):
            chunk.start = pos + len(gap) - len(gap.lstrip())
            return chunk
        return None

    def subject_of(self, index: int) -> _Chunk | None:
        """The phrase that opens sentence `index` as its subject, if one does."""
        if index not in self.subjects:
            sentence = self.sentences[index]
            found = None
            for a, b in self.segments(sentence.start, sentence.end)[:4]:
                chunks = self.chunks(a, b)
                lead = self.cues_between(a, b)
                if lead and lead[0].kind == "source" and self.only_adverbs(a, lead[0].start, lead=True):
                    found = self.chunk_at(lead[0].end, b)  # "Theo giám đốc Mossad, ..."
                    if found is not None:
                        break
                if chunks and self.only_adverbs(a, chunks[0].start, lead=True):
                    found = chunks[0]
                    break
            self.subjects[index] = found
        return self.subjects[index]

    # --- from phrases to actors

    def actor(self, chunk: _Chunk, *, phrase: tuple[int, int] | None = None, depth: int = 0) -> Actor | None:
        """The actor a speaker phrase names (see the module's rules)."""
        person = chunk.first("PER")
        if person:
            actor = person.entity.actor
            if actor.id is None and actor.country is None and actor.org is None:
                for anchor in chunk.anchors:
                    if anchor.kind in ("ORG", "GPE") and (anchor.entity.actor.country or anchor.entity.actor.org):
                        return replace(actor, country=anchor.entity.actor.country, org=anchor.entity.actor.org)
            return actor
        pronoun = chunk.pronoun
        if pronoun is not None:
            return self.antecedent(pronoun.value, chunk.start, depth=depth)
        head = chunk.first("title", "role")
        if head is not None:
            return self.described(chunk, head, phrase, depth)
        body = chunk.first("ORG", "GPE")
        if body is not None:
            return body.entity.actor
        name = chunk.first("cap", "LOC")
        if name is not None:  # an unknown name ("Ba nói"), or a person named like a place ("Oxford nói")
            place = chunk.first("GPE")
            country = place.entity.actor.country if place else None
            return Actor(None, self.text[name.start : name.end], country)
        return None

    def described(self, chunk: _Chunk, head: _Anchor, phrase: tuple[int, int] | None, depth: int = 0) -> Actor:
        """A description without a name: its organisation, the title's holder, or the description itself."""
        after = [a for a in chunk.anchors if a.start >= head.end]
        body = next((a for a in after if a.kind == "ORG"), None)
        if body is not None:
            return body.entity.actor
        place = next((a for a in after if a.kind == "GPE"), None)
        country = place.entity.actor.country if place else None
        org = place.entity.actor.org if place else None
        if place is None and head.kind == "title" and chunk.anchors[-1] is head and phrase is None:
            # "Ngoại trưởng đánh giá...", "Tân Giáo hoàng cho hay": the holder the article is about
            found = self.antecedent("PER", chunk.start, depth=depth)
            if found is not None:
                return found
        titles = [head.key] if head.kind == "title" else []
        _, value = self.cues.word_kinds.get(head.key.casefold(), ("", head.value))
        titles += [t for t in value.split("|") if t]  # "Nhà lãnh đạo" + Nga: Tổng thống, then Tổng Bí thư...
        sector = None
        if head.kind == "title":
            sector = self.base.titles.get(head.key, (None, None))[1] or None
            # "Người phát ngôn" + "Điện Kremlin": the longer title names the office
            nxt = next((a for a in after if a.kind in ("title", "GPE")), None)
            if nxt is not None and nxt.start == head.end + 1:
                longer = self.text[head.start : nxt.end]
                if longer in self.base.titles:
                    titles.insert(0, longer)
        if country and titles:
            holder = self.holder(titles, country)
            if holder is not None:
                return holder
        if phrase is not None:
            name = self.text[phrase[0] : phrase[1]]
        else:
            name = self.text[chunk.start : max(chunk.text_end, chunk.end)]
        return Actor(None, " ".join(name.split()), country, org, sector)

    def holder(self, titles: list[str], country: str) -> Actor | None:
        """Who held one of the titles of `country` on the publication date (a named one first)."""
        for title in titles:
            people = self.base.holders(title, country, self.published)
            if not people:
                continue
            named = [p for p in people if p.id in self.ids]
            if named or len(people) == 1:
                entry = (named or people)[0]
                found_country, org = affiliation(entry, self.base, title=title, on=self.published)
                return replace(entry.actor(), country=found_country, org=org)
            return None
        return None

    def antecedent(self, kind: str, pos: int, *, depth: int = 0) -> Actor | None:
        """What a pronoun at `pos` stands for."""
        index = self.sentence_at(pos)
        if kind != "PER":
            for entity in reversed(self.entity_list[: bisect.bisect_left(self.entity_starts, pos)]):
                if self.sentence_at(entity.start) < index - _LOOK_BACK:
                    break
                if entity.type == kind or (kind == "GPE" and entity.type == "ORG" and entity.actor.country):
                    if kind == "GPE" and entity.type == "ORG":
                        country = self.base.entries.get(f"country/{entity.actor.country}")
                        return country.actor() if country else entity.actor
                    return entity.actor
            return None
        if depth > 3:
            return None
        subject = self.subject_of(index)
        if subject is not None and subject.end <= pos and subject.start != pos and subject.person_like:
            actor = self.actor(subject, depth=depth + 1)
            if actor is not None:
                return actor
        for back in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            sentence = self.sentences[back]
            said = [
                self.resolved[k]
                for k, span in enumerate(self.spans)
                if k in self.resolved and sentence.start <= span.close < sentence.end + 1
            ]
            if said:
                return said[-1][0]
            subject = self.subject_of(back)
            if subject is not None and subject.person_like:
                actor = self.actor(subject, depth=depth + 1)
                if actor is not None:
                    return actor
            for anchor in self.anchors(sentence.start, sentence.end):
                if anchor.kind == "PER":
                    return anchor.entity.actor
        return None

    # --- frames

    def speaker(self, chunk: _Chunk | None, phrase: tuple[int, int] | None = None) -> tuple[Actor, str] | None:
        if chunk is None:
            return None
        actor = self.actor(chunk, phrase=phrase)
        if actor is None:
            return None
        if phrase is not None:
            start, end = phrase
        else:
            start, end = chunk.start, max(chunk.end, chunk.text_end)
        return actor, " ".join(self.text[start:end].split())

    def verb_subject(self, cue: _Cue, sentence: Sentence, depth: int = 0) -> tuple[Actor, str] | None:
        """The speaker of a speech verb or source frame."""
        if cue.kind == "source":
            return self.source(cue, sentence)
        lo = sentence.start
        earlier = [c for c in self.cues_between(sentence.start, cue.start) if c.kind == "verb"]
        bounds = [lo]
        for _, b in self.quoted:
            if sentence.start <= b <= cue.start:
                bounds.append(b)
        for m in re.finditer(r"[;:]|(?<!\w)rằng(?!\w)", self.text[lo : cue.start]):
            bounds.append(lo + m.end())
        if earlier:
            bounds.append(earlier[-1].end)
        start = max(bounds)
        if re.match(r"\W*(?:khi\s+)?(?:được|bị)\s", self.text[start : cue.start], re.IGNORECASE):
            return None  # "Được phóng viên X hỏi ..., Y trả lời": X asks, Y speaks
        chunk = self.subject_in(start, cue.start, earlier=bool(earlier))
        comma = max((start + m.end() for m in re.finditer(r"[,;]\s", self.text[start : cue.start])), default=start)
        shared = chunk is None and self.only_adverbs(comma, cue.start, lead=True)  # "X tuyên bố và nhấn mạnh:"
        if earlier and depth < 3 and (shared or (chunk and start == earlier[-1].end and not chunk.person_like)):
            # "X tuyên bố và nhấn mạnh:", "X cho biết, nước này ... kêu gọi: “...”": X speaks
            outer = self.verb_subject(earlier[-1], sentence, depth + 1)
            if outer is not None or chunk is None:
                return outer
        return self.speaker(chunk)

    def source(self, cue: _Cue, sentence: Sentence) -> tuple[Actor, str] | None:
        """`theo X`: X, unless X is a news agency: then the subject of what follows."""
        chunk = self.chunk_at(cue.end, sentence.end)
        if chunk is None:
            return None
        if self.is_agency(chunk):
            after = self.segments(chunk.end, sentence.end)
            if after:
                a, b = after[0]
                chunks = self.chunks(a, b)
                if chunks and self.only_adverbs(a, chunks[0].start) and not self.is_agency(chunks[0]):
                    return self.speaker(chunks[0])
            return None
        return self.speaker(chunk)

    def is_agency(self, chunk: _Chunk) -> bool:
        head = chunk.first("role", "title")
        if head is not None and head.key.casefold() in _AGENCY_HEADS:
            return True
        body = chunk.first("ORG", "cap")
        name = self.text[body.start : body.end] if body else ""
        return bool(name) and (
            name.casefold() in self.cues.agencies or (body.entity and body.entity.actor.sector == "MED")
        )

    def bound_before(self, span: _Span) -> tuple[Actor, str] | None:
        index = self.sentence_at(span.open)
        sentence = self.sentences[index]
        cues = self.cues_between(sentence.start, span.open)
        if not cues:
            return None
        cue = cues[-1]
        gap = self.text[cue.end : span.open].strip()
        if _words(gap) > _BOUND_WORDS or not (gap == "" or gap.endswith((":", ",")) or gap.endswith("rằng")):
            return None
        return self.verb_subject(cue, sentence)

    def loose_before(self, span: _Span) -> tuple[Actor, str] | None:
        sentence = self.sentences[self.sentence_at(span.open)]
        cues = self.cues_between(sentence.start, span.open)
        for cue in reversed(cues):
            found = self.verb_subject(cue, sentence)
            if found is not None:
                return found
        return None

    def after(self, span: _Span) -> tuple[Actor, str] | None:
        if span.close_end == span.close:
            return None  # a quote left open at the end of its paragraph
        index = self.sentence_at(span.close)
        sentence = self.sentences[index]
        rest = self.text[span.close_end : sentence.end]
        aside = re.match(r"\s*\(([^()]{1,80})\)", rest)
        if aside:  # “...” (Tổng thống Sirleaf), “...” (lời Ngoại trưởng Rice)
            a, b = span.close_end + aside.start(1), span.close_end + aside.end(1)
            cues = self.cues_between(a, b)
            if cues and cues[0].kind == "source" and self.only_adverbs(a, cues[0].start):
                return self.source(cues[0], sentence)
            chunks = self.chunks(a, b)
            if len(chunks) == 1 and self.only_adverbs(a, chunks[0].start) and self.only_adverbs(chunks[0].end, b):
                return self.speaker(chunks[0])
        lead = re.match(r"[\s,–—-]*", rest)
        start = span.close_end + lead.end()
        if start < sentence.end:
            return self._after_in(start, sentence.end)
        if index + 1 < len(self.sentences):
            nxt = self.sentences[index + 1]
            if (
                self.paragraph_of(nxt.start) == self.paragraph_of(span.close)
                and _words(nxt.text) <= _ATTRIBUTION_WORDS
                and not _DOUBLE_MARKS.search(nxt.text)
                and not re.search(r"(?<!\w)rằng(?!\w)|:", nxt.text)
            ):
                return self._after_in(nxt.start, nxt.end)
        return None

    def _after_in(self, start: int, end: int) -> tuple[Actor, str] | None:
        """A frame after a quote, in [start, end): `ông Peskov nói`, `Jolani tuyên bố`, `theo ông X`."""
        cues = self.cues_between(start, end)
        if not cues or any(start <= a < cues[0].start for a, _ in self.quoted):
            return None
        cue = cues[0]
        if _words(self.text[start : cue.start]) > _AFTER_WORDS:
            return None
        if cue.kind == "source":
            if cue.start == start or cue.key != "theo":  # "theo ông X", "Rodong Sinmun dẫn lời Chủ tịch"
                return self.source(cue, self.sentences[self.sentence_at(start)])
            return None
        phrase = (start, self._trim(start, cue.start))
        parts = self.segments(start, cue.start)
        first = self.chunks(*parts[0]) if parts else []
        if not first or not self.only_adverbs(parts[0][0], first[0].start, lead=True):
            return None  # the frame opens with its speaker
        chunk = first[0]
        if not chunk.named and chunk.pronoun is None and len(parts) > 1:
            # "người phát ngôn IS, Abu Mohamed al-Adnani cho hay": the name beside the description
            a, b = parts[1]
            beside = self.chunks(a, b)
            if beside and beside[0].named and self.only_adverbs(a, beside[0].start, lead=True):
                chunk = beside[0]
        elif chunk.named and len(parts) > 1 and len(first) == 1:
            # "Larry Burt, chỉ huy tàu sân bay Mỹ, cho biết": an unknown name takes the description's country
            a, b = parts[1]
            beside = self.chunks(a, b)
            if beside and beside[0].first("title", "role") and beside[0].first("ORG", "GPE"):
                chunk = _Chunk(chunk.anchors + [x for x in beside[0].anchors if x.kind in ("ORG", "GPE")], chunk.start)
        return self.speaker(chunk, phrase)

    def _trim(self, start: int, end: int) -> int:
        """The end of a phrase without the adverbs and punctuation before its verb."""
        tokens = list(_WORD.finditer(self.text, start, end))
        while tokens and self.only_adverbs(tokens[-1].start(), end):
            end = tokens[-1].start()
            tokens.pop()
        return len(self.text[:end].rstrip(" ,;-–—")) if end > start else start

    def sentence_subject(self, span: _Span) -> tuple[Actor, str] | None:
        """A quote inside a sentence without a speech verb: the sentence's subject (after "Theo <agency>,")."""
        index = self.sentence_at(span.open)
        sentence = self.sentences[index]
        if span.open == sentence.start:
            return None
        for cue in self.cues_between(sentence.start, span.open):
            if cue.kind == "source":
                return self.source(cue, sentence)
        subject = self.subject_of(index)
        if subject is None or subject.start > span.open or not subject.person_like:
            return None
        return self.speaker(subject)

    def previous_sentence_speaker(self, span: _Span) -> tuple[Actor, str] | None:
        """A quote standing alone after a sentence with a speech verb (`X nói rằng ... . “...”`, `X nói:`)."""
        index = self.sentence_at(span.open)
        sentence = self.sentences[index]
        if self.text[sentence.start : span.open].strip():
            return None  # the quote does not open its sentence
        if index == 0:
            return None
        previous = self.sentences[index - 1]
        if self.paragraph_of(span.open) - self.paragraph_of(previous.start) > 1:
            return None
        cues = [c for c in self.cues_between(previous.start, previous.end) if c.kind == "verb"]
        for cue in cues:
            found = self.verb_subject(cue, previous)
            if found is not None:
                return found
        return None


def find_quotes(text: str, entities: Sequence[Entity], *, published: str | None = None) -> list[Quote]:
    """Direct quotations of at least four words in `text`, each with its speaker where the text names one.

    `entities` are the article's mentions (`linking.extract_entities`); `published` (ISO date) picks who held a
    title ("Tổng thống Nga") when a description names no one.
    """
    if not text:
        return []
    cues = _cues()
    spans = [s for s in _quote_spans(text) if _words(text[s.start : s.end]) >= MIN_WORDS]
    spans = [s for s in spans if not cues.not_quote.search(text[max(0, s.open - 30) : s.open])]
    if not spans:
        return []
    article = _Article(text, entities, published, cues, load_base(), spans)
    found: list[tuple[Actor, str] | None] = []
    for index, span in enumerate(spans):
        speaker = article.bound_before(span) or article.after(span) or article.loose_before(span)
        if speaker is None and text[article.sentences[article.sentence_at(span.open)].start : span.open].strip():
            speaker = article.sentence_subject(span)  # "Weah phản ứng ...: “...”" is not the previous speaker's
        if speaker is None and index and found[index - 1] is not None:
            previous = spans[index - 1]
            if article.sentence_at(span.open) - article.sentence_at(previous.close) <= 1:
                speaker = found[index - 1]
        if speaker is None:
            speaker = article.previous_sentence_speaker(span)
        if speaker is not None:
            article.resolved[index] = speaker
        found.append(speaker)
    for index in range(len(spans) - 2, -1, -1):
        if found[index] is None and found[index + 1] is not None:
            span, following = spans[index], spans[index + 1]
            if article.sentence_at(following.open) - article.sentence_at(span.close) <= 1 and not text[
                span.close_end : following.open
            ].strip(" ,.–—-"):
                found[index] = found[index + 1]
    return [
        Quote(text[s.start : s.end], s.start, s.end, who[0] if who else None, who[1] if who else None)
        for s, who in zip(spans, found, strict=True)
    ]
