"""Page cleaning: from labelled lines to articles.

`lines.py` says what each line is; this module reads the page in order and decides where each
line belongs, from its place:
- the header (before the first paragraph): section labels, a dateline, the headline, a byline;
- the story: paragraphs and subheads, with captions, bylines and source lines set apart;
- after the story's last line (its byline or source line), only a new full story counts;
- a box of other stories ("Tin liên quan", "Tin mới nhất"...) is dropped to its end.
A headline inside the story starts a second article when the story has ended before it, or when
a caption later repeats it ("<headline> - Hình 1"): pages that bundle several stories do both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cues import Cues, load_cues
from .fields import cited_agencies, outlet_from_line, outlet_from_metadata
from .lines import Label, Line, classify
from .models import Page
from .normalize import canonical, clean_text

# Lines that are neither story nor structure: skipped wherever they stand.
_NOISE = {Label.BLANK, Label.PROMPT, Label.SECTION, Label.TEASER, Label.JUNK}
# Paragraphs a headline must be followed by to start a new story.
_NEW_STORY_MIN_PARAGRAPHS = 2
# Paragraphs in a row that end a box of other stories early (a box holds one snippet per headline).
_BOX_EXIT_RUN = 3


@dataclass
class Draft:
    """An article being assembled."""

    title: str | None = None
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    ended: bool = False  # a byline or source line closed the story


@dataclass(frozen=True)
class CleanPage:
    """What cleaning found on one page: its articles and the page-level fields they share."""

    articles: tuple[Draft, ...]
    outlet: str | None
    published: str | None
    published_basis: str | None


def clean_page(page: Page, cues: Cues | None = None) -> CleanPage:
    """Split a raw page into clean article drafts with their captions, bylines and sources."""
    cues = cues or load_cues()
    lines = _label_page(page, cues)
    reader = _Reader(lines, cues)
    reader.run()
    drafts = [d for d in reader.drafts if d.body]
    for draft in drafts:
        for agency in cited_agencies("\n".join(draft.body), cues):
            _add(draft.sources, agency)
    outlet = reader.outlet or outlet_from_metadata(page.outlet, page.url, cues) or page.outlet
    published, basis = (page.published, "metadata") if page.published else (reader.published, "dateline")
    return CleanPage(tuple(drafts), outlet, published, basis if published else None)


def _label_page(page: Page, cues: Cues) -> list[Line]:
    """Label every line; a metadata title is judged like a line of its own, before the text."""
    texts = clean_text(page.text).split("\n")
    labelled: list[Line] = []
    if page.title:
        title_line = classify(clean_text(page.title).replace("\n", " "), cues, in_header=True)
        if title_line.label in (Label.BYLINE, Label.SECTION, Label.BODY) and len(title_line.text.split()) <= 12:
            # a record's title field is its headline even when short or name-like ("Vạ miệng")
            title_line = Line(title_line.text, Label.HEADLINE)
        labelled.append(title_line)
        first = next((t for t in texts if t), "")
        if canonical(first) == canonical(title_line.text):
            texts = texts[texts.index(first) + 1 :]
    in_header = True
    for text in texts:
        line = classify(text, cues, in_header=in_header)
        in_header = in_header and line.label != Label.BODY
        labelled.append(line)
    return labelled


class _Reader:
    """Walks the labelled lines once, keeping track of where in the page it is."""

    def __init__(self, lines: list[Line], cues: Cues) -> None:
        self.lines = lines
        self.cues = cues
        self.drafts: list[Draft] = [Draft()]
        self.outlet: str | None = None
        self.published: str | None = None
        self.in_box = False
        self.later_captions = [canonical(line.text) for line in lines if line.label == Label.CAPTION]

    @property
    def draft(self) -> Draft:
        """The story being read."""
        return self.drafts[-1]

    def run(self) -> None:
        """Read the page's lines in order into drafts."""
        for index, line in enumerate(self.lines):
            self.outlet = self.outlet or outlet_from_line(line.text, self.cues)
            if self.in_box:
                self.in_box = not self._box_ends(index)
                if self.in_box:
                    continue
            self._take(index, line)

    def _take(self, index: int, line: Line) -> None:
        label, draft = line.label, self.draft
        if label == Label.BLOCK:
            self.in_box = True
        elif label in _NOISE:
            return
        elif label == Label.TIMESTAMP:
            self._take_dateline(index, line)
        elif label == Label.CAPTION:
            _add(draft.captions, line.text.strip(" |"))
        elif label in (Label.SOURCE, Label.BYLINE):
            self._take_credit(index, line)
        elif label == Label.HEADLINE:
            self._take_headline(index, line)
        elif not draft.ended:
            draft.body.append(line.text)

    def _take_credit(self, index: int, line: Line) -> None:
        """A byline or source line closes the story, unless paragraphs go on after it."""
        draft = self.draft
        closes = self._previous_content(index) in (Label.BODY, Label.SOURCE, Label.BYLINE)
        if draft.body and not draft.ended and not (closes and self._story_over_after(index)):
            if line.label == Label.BYLINE and not line.sources and self._next_content(index) == Label.BODY:
                draft.body.append(line.text)  # a name standing as a subhead ("Jessica Lynch")
            return
        for name in line.byline.authors if line.byline else ():
            _add(draft.authors, name)
        for name in line.sources:
            _add(draft.sources, self.cues.agencies.get(name, name))
        draft.ended = draft.ended or bool(draft.body)

    def _previous_content(self, index: int) -> Label | None:
        """The label of the nearest line before, skipping blanks, prompts and captions (not table cells)."""
        skipped = (Label.BLANK, Label.PROMPT, Label.SECTION, Label.CAPTION, Label.TIMESTAMP)
        for line in reversed(self.lines[:index]):
            if line.label not in skipped:
                return line.label
        return None

    def _story_over_after(self, index: int) -> bool:
        """After a credit line, the story is over when the page ends, a box or credit follows, or a new story."""
        for position in range(index + 1, len(self.lines)):
            line = self.lines[position]
            if line.label in _NOISE or line.label in (Label.CAPTION, Label.TIMESTAMP):
                continue
            if line.label == Label.HEADLINE:
                return self._paragraphs_after(position) >= _NEW_STORY_MIN_PARAGRAPHS
            return line.label in (Label.BLOCK, Label.SOURCE, Label.BYLINE)
        return True

    def _take_dateline(self, index: int, line: Line) -> None:
        dateline = line.dateline
        if dateline is None or self.draft.body:
            return
        self.published = self.published or dateline.iso
        if dateline.rest:
            self._take(index, classify(dateline.rest, self.cues, in_header=True))

    def _take_headline(self, index: int, line: Line) -> None:
        draft = self.draft
        if draft.title is None and not draft.body:
            draft.title = line.text
        elif draft.body and self._starts_story(index, line):
            self.drafts.append(Draft(title=line.text))
        elif draft.body and not draft.ended and self._next_content(index) == Label.BODY:
            draft.body.append(line.text)  # a subhead inside the story

    def _starts_story(self, index: int, line: Line) -> bool:
        """A headline starts a new story when full paragraphs follow it and the page marks it as one."""
        if self._paragraphs_after(index) < _NEW_STORY_MIN_PARAGRAPHS:
            return False
        key = canonical(line.text)
        repeated = any(caption.startswith(key) and caption != key for caption in self.later_captions)
        return self.draft.ended or repeated

    def _paragraphs_after(self, index: int) -> int:
        count = 0
        for line in self.lines[index + 1 :]:
            if line.label in (Label.BLOCK, Label.HEADLINE):
                break
            count += line.label == Label.BODY
        return count

    def _next_content(self, index: int) -> Label | None:
        for line in self.lines[index + 1 :]:
            if line.label not in _NOISE and line.label != Label.CAPTION:
                return line.label
        return None

    def _box_ends(self, index: int) -> bool:
        """A box of other stories ends only where a run of paragraphs starts with no timestamps around."""
        window = [line.label for line in self.lines[index : index + _BOX_EXIT_RUN * 2] if line.label != Label.BLANK]
        run = window[:_BOX_EXIT_RUN]
        return len(run) == _BOX_EXIT_RUN and all(label == Label.BODY for label in run)


def _add(items: list[str], item: str) -> None:
    if item and item not in items:
        items.append(item)
