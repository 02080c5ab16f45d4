"""Finding who said a quote: the frames around it, rules 1 to 4 of the package (rule 5 is `find_quotes`'s).

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

A verb right after a comma or a conjunction shares the subject of the speech verb before it (`X tuyên bố và nhấn
mạnh:`, `Người phát ngôn ... xác nhận cuộc điện đàm, đồng thời cho biết thêm:`, `phát ngôn viên IS cho biết Mỹ
..., cho rằng`); so does a clause after a speech verb whose own subject is only a country or organisation (`ông
Ushakov cho biết, nước này ... kêu gọi: “...”`: Ushakov speaks). A passive "Được X hỏi" makes X the one who asks.
`speaker_text` is the speaker as written near the quote ("ông Peskov", "quan chức này", the whole phrase of a
frame after the quote).
"""

from __future__ import annotations

import re

from ..models import Actor, Sentence
from .actors import ResolvingPassage
from .marks import DOUBLE_MARKS, Span, count_words
from .phrases import WORD, Chunk, Cue

# A frame after the quote names its speaker within this many words of the closing mark.
_AFTER_WORDS = 24
# A bound frame before the quote has at most this many words between the verb and the opening mark.
_BOUND_WORDS = 6
# An attribution-only sentence after a quote ("Ông Putin nói thêm.") is at most this long.
_ATTRIBUTION_WORDS = 12

Speaker = tuple[Actor, str]  # the actor and the speaker as written


class Attribution(ResolvingPassage):
    """A passage that finds the speaker of each of its quotes."""

    def speaker(self, chunk: Chunk | None, phrase: tuple[int, int] | None = None) -> Speaker | None:
        """The actor a phrase names and the phrase as written (`phrase`, when given, is the whole frame)."""
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

    def verb_subject(self, cue: Cue, sentence: Sentence, depth: int = 0) -> Speaker | None:
        """The speaker of a speech verb or source frame."""
        if cue.kind == "source":
            return self.source(cue, sentence)
        lo = sentence.start
        earlier = [c for c in self.cues_between(sentence.start, cue.start) if c.kind == "verb"]
        bounds = [lo]
        for _, b in self.quoted:
            if sentence.start <= b <= cue.start:
                bounds.append(b)
        for m in re.finditer(r"[;:]", self.text[lo : cue.start]):
            bounds.append(lo + m.end())
        for m in self.cues.complementizer.finditer(self.text[lo : cue.start]):  # "X nói rằng ..."
            bounds.append(lo + m.end())
        if earlier:
            bounds.append(earlier[-1].end)
        start = max(bounds)
        if self.cues.passive.match(self.text[start : cue.start]):
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

    def source(self, cue: Cue, sentence: Sentence) -> Speaker | None:
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

    def is_agency(self, chunk: Chunk) -> bool:
        """Whether a phrase names a news agency or outlet ("hãng tin TASS", "Reuters"), not a speaker."""
        head = chunk.first("role", "title")
        if head is not None and head.key.casefold() in self.cues.agency_heads:
            return True
        body = chunk.first("ORG", "cap")
        name = self.text[body.start : body.end] if body else ""
        return bool(name) and (
            name.casefold() in self.cues.agencies or (body.entity and body.entity.actor.sector == "MED")
        )

    def bound_before(self, span: Span) -> Speaker | None:
        """Rule 1: the speaker of the speech verb or source frame right before the quote."""
        index = self.sentence_at(span.open)
        sentence = self.sentences[index]
        cues = self.cues_between(sentence.start, span.open)
        if not cues:
            return None
        cue = cues[-1]
        gap = self.text[cue.end : span.open].strip()
        ends = gap == "" or gap.endswith((":", ",")) or gap.endswith(self.cues.complementizers)
        if count_words(gap) > _BOUND_WORDS or not ends:
            return None
        return self.verb_subject(cue, sentence)

    def loose_before(self, span: Span) -> Speaker | None:
        """Rule 3: the speaker of the nearest speech verb before the quote in its sentence that has one."""
        sentence = self.sentences[self.sentence_at(span.open)]
        cues = self.cues_between(sentence.start, span.open)
        for cue in reversed(cues):
            found = self.verb_subject(cue, sentence)
            if found is not None:
                return found
        return None

    def after(self, span: Span) -> Speaker | None:
        """Rule 2: the speaker a frame after the quote names, in its sentence or a short next one."""
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
                and count_words(nxt.text) <= _ATTRIBUTION_WORDS
                and not DOUBLE_MARKS.search(nxt.text)
                and ":" not in nxt.text
                and not self.cues.complementizer.search(nxt.text)
            ):
                return self._after_in(nxt.start, nxt.end)
        return None

    def _after_in(self, start: int, end: int) -> Speaker | None:
        """A frame after a quote, in [start, end): `ông Peskov nói`, `Jolani tuyên bố`, `theo ông X`."""
        cues = self.cues_between(start, end)
        if not cues or any(start <= a < cues[0].start for a, _ in self.quoted):
            return None
        cue = cues[0]
        if count_words(self.text[start : cue.start]) > _AFTER_WORDS:
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
                chunk = Chunk(chunk.anchors + [x for x in beside[0].anchors if x.kind in ("ORG", "GPE")], chunk.start)
        return self.speaker(chunk, phrase)

    def _trim(self, start: int, end: int) -> int:
        """The end of a phrase without the adverbs and punctuation before its verb."""
        tokens = list(WORD.finditer(self.text, start, end))
        while tokens and self.only_adverbs(tokens[-1].start(), end):
            end = tokens[-1].start()
            tokens.pop()
        return len(self.text[:end].rstrip(" ,;-–—")) if end > start else start

    def sentence_subject(self, span: Span) -> Speaker | None:
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

    def previous_sentence_speaker(self, span: Span) -> Speaker | None:
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
