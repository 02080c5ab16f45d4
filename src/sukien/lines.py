"""The line classifier: what each line of a raw page is, from its features and the cue files.

Each line gets one label. The features are general (length, sentence punctuation, share of
function words, capitalised words, timestamp and date shapes, URLs, table bars) and the phrases
are data (`cues.py`); nothing here is written for one site. Where a line sits in the page (before
the story, after its last line, inside a box of other stories) is decided later, in `cleaning.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .cues import Cues, exact_key
from .fields import Byline, Dateline, parse_byline, parse_dateline, parse_source_line
from .normalize import LOWER, UPPER


class Label(StrEnum):
    """What a line of a page is."""

    BLANK = "blank"
    BLOCK = "block"  # heads a box of other stories
    PROMPT = "prompt"  # share/follow/vote/navigation prompt, image stub, page chrome
    SECTION = "section"  # a site section label
    TEASER = "teaser"  # a link to another story
    TIMESTAMP = "timestamp"  # a date/time alone
    CAPTION = "caption"
    SOURCE = "source"  # "Theo Thanhnien"
    BYLINE = "byline"  # "Minh Quang"
    HEADLINE = "headline"  # short, no closing period: a title, a subhead or another story's headline
    BODY = "body"
    JUNK = "junk"  # URLs, "null", stray symbols


@dataclass(frozen=True, slots=True)
class Line:
    """A page line, its label, and what was parsed from it."""

    text: str
    label: Label
    dateline: Dateline | None = None
    sources: tuple[str, ...] = ()
    byline: Byline | None = None


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_SENTENCE_MARKS = (".", "!", "?", "…", ";", ":")
_INNER_SENTENCE = re.compile(rf"[.!?][\"”’»)]*\s+[\"“«(]?[{UPPER}]")
_TABLE_BAR = re.compile(r"^\||\|$")
_JUNK = re.compile(r"^(?:null|undefined|none|nan|[\W_]{1,5})$", re.IGNORECASE)

# A line with a sentence break inside and more words than this is prose: prefix cues ("Xem thêm:",
# ">>") do not apply to it, since flattened pages put a whole article on one such line.
PROSE_WORDS = 30
# A keyword list has at least this many comma-separated items.
MIN_TAG_ITEMS = 4
# Longest byline with its sources, in words: "Nguyễn Cao (Theo TTXVN, Le Monde, Reuters và AP)".
MAX_BYLINE_WORDS = 14
# Longest headline, in words; longer lines without a closing period are paragraphs.
MAX_HEADLINE_WORDS = 35


@dataclass(frozen=True, slots=True)
class Features:
    """Measurements of one line that the labels are decided on."""

    words: int
    ends_sentence: bool
    inner_sentence: bool
    function_share: float
    has_url: bool
    url_share: float


def measure(text: str, cues: Cues) -> Features:
    """Compute a line's features."""
    words = _WORD.findall(text.casefold())
    urls = _URL.findall(text) if "/" in text or "www" in text else []
    function = sum(map(cues.function_words.__contains__, words))
    return Features(
        words=len(words),
        ends_sentence=text.rstrip("\"”’»)]'").endswith(_SENTENCE_MARKS),
        inner_sentence=bool(_INNER_SENTENCE.search(text)),
        function_share=function / len(words) if words else 0.0,
        has_url=bool(urls),
        url_share=sum(map(len, urls)) / len(text) if text else 0.0,
    )


def cue_label(text: str, cues: Cues, *, prose: bool = False) -> Label | None:
    """The label a cue phrase gives the line, if any; prefix cues do not apply to a prose paragraph."""
    label = cues.exact.get(exact_key(text))
    if label is None and not prose:
        folded = text.casefold()
        label = next((lab for prefix, lab in cues.prefixes if folded.startswith(prefix)), None)
    if label is None:
        label = next((lab for pattern, lab in cues.patterns if pattern.search(text)), None)
    return Label(label) if label else None


# Sentence breaks for counting a caption's sentences; flattened pages drop the space ("sót.Máy").
_SENTENCE_BREAK = re.compile(rf"[.!?…][\"”’»)]*(?:\s+(?=[\"“«(]?[{UPPER}0-9])|(?=[{UPPER}][{LOWER}]))")
_IN_PICTURE = re.compile(r"^\(?\s*Trong ảnh\b", re.IGNORECASE)
# A caption describes one picture: at most this many sentences stand before its credit.
MAX_CAPTION_SENTENCES = 1
# ...and a caption with no credit describes its picture in at most this many words.
MAX_CAPTION_WORDS = 30


def is_caption(text: str, cues: Cues) -> bool:
    """Is the line an image or video caption: a short description closed by a credit, "Trong ảnh: ..."?

    A long paragraph that merely ends with a glued-on credit stays a paragraph: a caption has at
    most one sentence before its credit, or ends on a sentence that opens with "Trong ảnh".
    """
    bare = text.strip(" |")
    if not cues.caption_any.search(bare):
        return False
    if cues.caption_start.search(bare):
        return True
    credit = cues.caption_end.search(bare)
    if credit:
        sentences = [s for s in _SENTENCE_BREAK.split(bare[: credit.start()]) if s.strip()]
        return len(sentences) <= MAX_CAPTION_SENTENCES or bool(_IN_PICTURE.match(sentences[-1]))
    sentences = _SENTENCE_BREAK.split(bare)
    last = sentences[-1]
    if cues.caption_anywhere and cues.caption_anywhere.match(last.lstrip("([ ")) and not _after_bracket(last):
        # no credit to vouch for it: the description before "Trong ảnh" must be short too
        before = sentences[:-1]
        return len(before) <= MAX_CAPTION_SENTENCES and sum(len(s.split()) for s in before) <= MAX_CAPTION_WORDS
    return False


def _after_bracket(sentence: str) -> str:
    """Prose that goes on after a bracketed "(Trong ảnh: ...)": the caption was only embedded in it."""
    if not sentence.startswith(("(", "[")):
        return ""
    close = sentence.find(")" if sentence.startswith("(") else "]")
    tail = sentence[close + 1 :] if close >= 0 else ""
    return tail if len(tail.split()) > 3 else ""


def classify(text: str, cues: Cues, *, in_header: bool = False) -> Line:
    """Label one line; `in_header` says the story's first paragraph has not been seen yet."""
    if not text:
        return Line(text, Label.BLANK)
    if _JUNK.match(text):
        return Line(text, Label.JUNK)
    features = measure(text, cues)
    cue = cue_label(text, cues, prose=features.inner_sentence and features.words > PROSE_WORDS)
    if cue is not None:
        return Line(text, cue)
    if features.has_url and (features.url_share > 0.5 or features.words <= 6):
        return Line(text, Label.JUNK)
    dateline = parse_dateline(text)
    if dateline and (not dateline.rest or in_header):
        return Line(text, Label.TIMESTAMP, dateline=dateline)
    if is_caption(text, cues):
        return Line(text, Label.CAPTION)
    if _TABLE_BAR.search(text):
        return Line(text, Label.TEASER)
    return _classify_prose(text, features)


def _classify_prose(text: str, features: Features) -> Line:
    if _is_tag_list(text, features):
        return Line(text, Label.JUNK)
    sources = parse_source_line(text)
    if sources:
        return Line(text, Label.SOURCE, sources=tuple(sources))
    if features.words <= MAX_BYLINE_WORDS:
        byline = parse_byline(text)
        if byline:
            return Line(text, Label.BYLINE, byline=byline, sources=byline.sources)
    if _is_headline(text, features):
        return Line(text, Label.HEADLINE)
    if features.words <= 2 and not features.ends_sentence:
        return Line(text, Label.JUNK)
    return Line(text, Label.BODY)


def _is_tag_list(text: str, features: Features) -> bool:
    """A list of keywords ("nga, thế giới, châu á, quân sự"): many short comma items and no function words."""
    items = text.split(",")
    return (
        len(items) >= MIN_TAG_ITEMS
        and features.function_share == 0.0
        and not features.ends_sentence
        and max(len(item.split()) for item in items) <= 3
    )


def _is_headline(text: str, features: Features) -> bool:
    """Short, no closing period, no sentence boundary inside, starting like a title."""
    if features.words < 2 or features.words > MAX_HEADLINE_WORDS or features.inner_sentence:
        return False
    if sum(1 for word in _WORD.findall(text) if not word.isdigit()) < 2:
        return False  # "36,9", "1.624 phiếu": table cells, not titles
    stripped = text.rstrip('"”’»)] ')
    if stripped.endswith((".", ";", ",", ":")) and not stripped.endswith("..."):
        return False
    first = text.lstrip("\"“‘«'([")[:1]
    return first.isupper() or first.isdigit()
