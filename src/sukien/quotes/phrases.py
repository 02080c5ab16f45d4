"""Speaker phrases: the mentions, titles, role words, pronouns and names near a quote, and the clauses they open.

The subject of a speech verb is looked for in the verb's clause, which starts at the sentence, or after the quote,
';', ':', "rằng" or speech verb before it:
- the speaker phrase right before the verb with only adverbs between (`ông Dmitry Peskov hôm 14.10 cho biết`),
  else the one that opens the clause (`ông Peskov trong cuộc họp báo ở Moskva cho biết`), walking back over
  comma-separated parts (`Tuyên bố thắt chặt quan hệ với Nga, trong cuộc gặp Tổng thống Putin, ông Lukashenko
  nói`); a phrase after "với", "tại", "giữa"... (`not_subject`) is an object or a place, never a subject;
- a name and a description separated by a comma are one speaker (`ông Yuri Ushakov, Cố vấn Tổng thống Nga`);
- "dẫn lời X", "trích lời X", "tuyên bố của X" give X.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..actorbase import ActorBase
from ..models import Actor, Entity, Sentence
from ..sentences import split_sentences
from .marks import QUOTE_MARKS, Span
from .speech import SpeechCues

WORD = re.compile(r"\w[\w'’.,:/%-]*\w|\w", re.UNICODE)
_NAME_KINDS = ("PER", "cap")
# Words a description may hold between its head and the name it ends in ("quan chức [cao cấp của] Pakistan").
_DESCRIPTION_GAP = 3


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb or source frame found in the text."""

    start: int
    end: int
    kind: str  # verb, source
    key: str  # the cue, case-folded


@dataclass(frozen=True, slots=True)
class Anchor:
    """A word or mention a speaker phrase is built of."""

    start: int
    end: int
    kind: str  # PER ORG GPE LOC (an entity), title, role, pronoun, cap (an unknown capitalised name)
    entity: Entity | None = None
    key: str = ""  # the cue or title as written in the data
    value: str = ""  # a pronoun's kind (PER ORG GPE) or a role's titles


@dataclass(slots=True)
class Chunk:
    """A speaker phrase: anchors joined by nothing, "của", or a few words of description."""

    anchors: list[Anchor]
    start: int = 0  # where its text starts (an appositive description may extend it)
    text_end: int = 0

    @property
    def end(self) -> int:
        """Where its last anchor ends."""
        return self.anchors[-1].end

    def first(self, *kinds: str) -> Anchor | None:
        """Its first anchor of one of `kinds`."""
        return next((a for a in self.anchors if a.kind in kinds), None)

    @property
    def named(self) -> bool:
        """Whether it holds a name (a person's or an unknown capitalised one)."""
        return self.first(*_NAME_KINDS) is not None

    @property
    def pronoun(self) -> Anchor | None:
        """The pronoun it opens with, when it names no one."""
        head = self.anchors[0]
        return head if head.kind == "pronoun" and not self.named else None

    @property
    def person_like(self) -> bool:
        """Whether it can stand for a person: a name, a title or role, or a personal pronoun."""
        return (
            self.named
            or self.first("title", "role") is not None
            or (self.pronoun is not None and self.pronoun.value == "PER")
        )


def _foreign(word: str) -> bool:
    """Whether a capitalised word cannot be a Vietnamese syllable: "C.Avendano", "McCain", "Jolani", "Wong"."""
    return "." in word.strip(".") or any(ch.isupper() for ch in word[1:]) or any(ch in "fjwzFJWZ" for ch in word)


def _capital_next(text: str, end: int, hi: int) -> bool:
    """Whether the word after `end` is capitalised too ("Robert Chua nói")."""
    follower = WORD.match(text, end + 1, hi) if end < hi and text[end] == " " else None
    return follower is not None and follower.group()[0].isupper()


@dataclass
class Passage:
    """An article with quotes, indexed for the search of speaker phrases: sentences, cues, mentions."""

    text: str
    entities: Sequence[Entity]
    published: str | None
    cues: SpeechCues
    base: ActorBase
    spans: list[Span]
    sentences: list[Sentence] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    speech: list[Cue] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    resolved: dict[int, tuple[Actor, str]] = field(default_factory=dict)  # quote index → speaker
    subjects: dict[int, Chunk | None] = field(default_factory=dict)

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
                self.speech.append(Cue(m.start(), m.end(), kind, " ".join(m.group().casefold().split())))
        self.speech_starts = [c.start for c in self.speech]
        self.entity_list = sorted(
            (e for e in self.entities if not self.inside_quote(e.start)), key=lambda e: (e.start, -e.end)
        )
        self.entity_starts = [e.start for e in self.entity_list]

    # --- positions

    def inside_quote(self, pos: int) -> bool:
        """Whether `pos` is inside a quote, its marks included."""
        k = bisect.bisect_right(self.quoted_starts, pos) - 1
        return k >= 0 and pos < self.quoted[k][1]

    def sentence_at(self, pos: int) -> int:
        """The index of the sentence `pos` is in."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        """The index of the paragraph `pos` is in."""
        return self.text.count("\n", 0, pos)

    def cues_between(self, lo: int, hi: int) -> list[Cue]:
        """The speech cues within [lo, hi)."""
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

    # --- the words of speaker phrases

    def anchors(self, lo: int, hi: int) -> list[Anchor]:
        """Mentions, titles, role words, pronouns and unknown names in [lo, hi), outside quotes."""
        found = self._mentions(lo, hi)
        taken = [(a.start, a.end) for a in found]
        for word in self._cue_words(lo, hi, taken):
            if any(word.start < b and a < word.end for a, b in taken):
                continue
            taken.append((word.start, word.end))
            found.append(word)
        found += self._unknown_names(lo, hi, taken)
        found.sort(key=lambda a: a.start)
        return [a for a in found if not self.inside_quote(a.start)]

    def _mentions(self, lo: int, hi: int) -> list[Anchor]:
        """The entities in [lo, hi), the first of any that overlap."""
        found: list[Anchor] = []
        k = bisect.bisect_left(self.entity_starts, lo)
        for entity in self.entity_list[k:]:
            if entity.start >= hi:
                break
            if entity.end <= hi and (not found or entity.start >= found[-1].end):
                found.append(Anchor(entity.start, entity.end, entity.type, entity))
        return found

    def _cue_words(self, lo: int, hi: int, mentions: list[tuple[int, int]]) -> list[Anchor]:
        """Titles, role words and pronouns in [lo, hi), in text order, longest first where they start together."""
        text, words = self.text, []
        for m in self.cues.titles.finditer(text, lo, hi):
            inside = [a for a, _ in mentions if m.start() < a < m.end()]
            if inside:  # "Người phát ngôn Điện Kremlin": the title up to the mention
                m = self.cues.titles.match(text, m.start(), len(text[: inside[0]].rstrip()))
                if m is None:
                    continue
            words.append(Anchor(m.start(), m.end(), "title", key=" ".join(m.group().split())))
        for m in self.cues.words.finditer(text, lo, hi):
            kind, value = self.cues.word_kinds[" ".join(m.group().casefold().split())]
            words.append(Anchor(m.start(), m.end(), kind, key=m.group(), value=value))
        words.sort(key=lambda a: (a.start, -(a.end - a.start)))
        return words

    def _unknown_names(self, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[Anchor]:
        """Capitalised words in [lo, hi) that nothing else took; `taken` grows with them."""
        text, found = self.text, []
        for m in WORD.finditer(text, lo, hi):
            if not m.group()[0].isupper() or any(m.start() < b and a < m.end() for a, b in taken):
                continue
            first = m.start() in self.first_words or (m.start() > 0 and text[m.start() - 1] in QUOTE_MARKS)
            if first and not (_foreign(m.group()) or _capital_next(text, m.end(), hi)):
                continue  # a sentence's first word is capitalised whatever it is; a name needs more
            found.append(Anchor(m.start(), m.end(), "cap"))
            taken.append((m.start(), m.end()))
        return found

    # --- speaker phrases

    def chunks(self, lo: int, hi: int) -> list[Chunk]:
        """Speaker phrases in [lo, hi): anchors joined by nothing, "của", a dash, or a description's words."""
        chunks: list[Chunk] = []
        for anchor in self.anchors(lo, hi):
            if chunks and self._joins(chunks[-1], anchor):
                if anchor.kind == "cap" and chunks[-1].anchors[-1].kind == "cap":
                    last = chunks[-1].anchors[-1]
                    chunks[-1].anchors[-1] = Anchor(last.start, anchor.end, "cap")  # one name of several words
                else:
                    chunks[-1].anchors.append(anchor)
            else:
                chunks.append(Chunk([anchor], anchor.start))
        for chunk in chunks:
            chunk.text_end = chunk.end
        return chunks

    def _joins(self, chunk: Chunk, anchor: Anchor) -> bool:
        last = chunk.anchors[-1]
        gap = self.text[last.end : anchor.start]
        bare = gap.strip()
        if "\n" in gap or self.inside_quote(last.end) != self.inside_quote(anchor.start):
            return False
        if last.kind == "pronoun" and last.key.casefold() not in self.cues.honorifics:
            return False  # "quan chức này" is complete
        if not bare or bare.casefold() in self.cues.joiners:
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

    def subject_in(self, lo: int, hi: int, *, earlier: bool = False) -> Chunk | None:
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

    def _apposition(self, chosen: Chunk, parts: list[tuple[int, int]], index: int) -> Chunk:
        """Join a description and the name beside it across a comma."""
        if index == 0:
            return chosen
        a, b = parts[index - 1]
        before = self.chunks(a, b)
        if len(before) != 1 or not self.only_adverbs(a, before[0].start) or not self.only_adverbs(before[0].end, b):
            return chosen
        other = before[0]
        if not chosen.named and other.named and other.pronoun is None:
            joined = Chunk(other.anchors + chosen.anchors, other.start)
            joined.text_end = chosen.end
            return joined
        if chosen.named and not other.named and other.first("title", "role") and other.pronoun is None:
            joined = Chunk(other.anchors + chosen.anchors, other.start)
            joined.text_end = chosen.end
            return joined
        return chosen

    def chunk_at(self, pos: int, hi: int) -> Chunk | None:
        """The speaker phrase that starts right at `pos` (after a source cue), maybe after two plain words
        ("theo nhà cái Power")."""
        chunks = self.chunks(pos, min(hi, pos + 200))
        if not chunks:
            return None
        chunk = chunks[0]
        gap = self.text[pos : chunk.start]
        if not gap.strip() or gap.strip().casefold() in self.cues.source_words:
            return chunk
        words = gap.split()
        plain = len(words) <= 2 and all(w.isalpha() and w.islower() for w in words)
        if plain and chunk.named and not self.cues.prepositions.search(gap) and not self.cues_between(pos, chunk.start):
            chunk.start = pos + len(gap) - len(gap.lstrip())
            return chunk
        return None

    def subject_of(self, index: int) -> Chunk | None:
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
