"""Direct quotations and who said them.

A quote is a passage of at least four words between quotation marks (`marks`): words are counted as written (one
syllable a word, as Vietnamese is spelled), so “cách mạng màu” and “tình nguyện viên” are terms and “tổn thất đáng
kể” is a short quotation. Quoted names and titles are not speech: a `not_quote` cue of data/cues/speech.tsv right
before the mark ("chiến dịch “...”", "mang tên “...”") drops the quote.

Its speaker is found by the first of these rules that names one:
1-4. a frame before or after the quote, or the subject of its sentence (`speakers`), whose speaker phrase
     (`phrases`) names an actor (`actors`);
5. Continuation, for a quote its sentence attributes to nobody: the speaker of the quote right before it when
   that one closes in the same or the previous sentence (`“A”, ông Putin nói. “B”`); else, for a quote that
   opens its sentence, the subject of a speech verb of the previous sentence (`Bộ Ngoại giao Anh nói rằng ... .
   "..."`, a paragraph ending in `Ông X nói:`); else the speaker of a quote that follows right after
   (`“A.” “B”, ông X nói.`). A quote continuing another one repeats its `speaker_text`.
A quote none of them attributes has `speaker=None` and `speaker_text=None`.

Everything language-specific (speech verbs, frames, pronouns, role words, adverbs, prepositions, naming words)
is data in data/cues/speech.tsv (`speech`); titles come from the actor base. Finding quotes costs one pass over
the article for its marks, and for an article with quotes one search for speech cues plus a little work per quote.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..actorbase import load_base
from ..models import Entity, Quote
from .marks import Span, count_words, quote_spans
from .speakers import Attribution, Speaker
from .speech import speech_cues

__all__ = ["MIN_WORDS", "find_quotes"]

# A quotation has at least this many words; fewer is a term or a scare quote.
MIN_WORDS = 4


def find_quotes(text: str, entities: Sequence[Entity], *, published: str | None = None) -> list[Quote]:
    """Direct quotations of at least four words in `text`, each with its speaker where the text names one.

    `entities` are the article's mentions (`linking.extract_entities`); `published` (ISO date) picks who held a
    title ("Tổng thống Nga") when a description names no one.
    """
    if not text:
        return []
    cues = speech_cues()
    spans = [s for s in quote_spans(text) if count_words(text[s.start : s.end]) >= MIN_WORDS]
    spans = [s for s in spans if not cues.not_quote.search(text[max(0, s.open - 30) : s.open])]
    if not spans:
        return []
    article = Attribution(text, entities, published, cues, load_base(), spans)
    found = _attribute(article, spans)
    _take_from_next(article, spans, found)
    return [
        Quote(text[s.start : s.end], s.start, s.end, who[0] if who else None, who[1] if who else None)
        for s, who in zip(spans, found, strict=True)
    ]


def _attribute(article: Attribution, spans: list[Span]) -> list[Speaker | None]:
    """Each quote's speaker by rules 1 to 5, in text order: a quote may continue the one before it."""
    text = article.text
    found: list[Speaker | None] = []
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
    return found


def _take_from_next(article: Attribution, spans: list[Span], found: list[Speaker | None]) -> None:
    """A quote still without a speaker takes that of a quote right after it (`“A.” “B”, ông X nói.`)."""
    text = article.text
    for index in range(len(spans) - 2, -1, -1):
        if found[index] is None and found[index + 1] is not None:
            span, following = spans[index], spans[index + 1]
            if article.sentence_at(following.open) - article.sentence_at(span.close) <= 1 and not text[
                span.close_end : following.open
            ].strip(" ,.–—-"):
                found[index] = found[index + 1]
