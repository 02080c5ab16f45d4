"""The pipeline: inputs → pages → clean articles. Later stages (actors, quotes, events) attach here.

Each stage is a plain function over the article; a page that fails in one stage is reported as a
rejected input and the batch goes on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path

from .cleaning import CleanPage, Draft, clean_page
from .dates import infer_anchor
from .errors import InputRejected
from .events import code_events
from .linking import extract_entities
from .models import Article, InputRef, Page
from .quotes import find_quotes
from .reading import read_inputs
from .settings import Settings, load_settings

_VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|for|was|with|said)\b", re.I)


def article_id(text: str) -> str:
    """The stable content id of an article: the same text gives the same id."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text: `vi` when Vietnamese letters are common, `en` for plain English."""
    sample = text[:3000]
    if len(_VIETNAMESE_LETTERS.findall(sample)) >= max(3, len(sample) // 100):
        return "vi"
    words = max(1, len(sample.split()))
    return "en" if len(_ENGLISH_WORDS.findall(sample)) / words > 0.08 else "vi"


def build_articles(page: Page, *, settings: Settings | None = None) -> list[Article]:
    """Clean one page into its articles (one for most pages, more for pages bundling stories)."""
    settings = settings or Settings()
    cleaned = clean_page(page)
    articles = []
    for draft in cleaned.articles:
        article = _article(page, cleaned, draft, index=len(articles))
        if len(article.text) >= settings.min_article_chars:
            articles.append(article)
    return articles


def _article(page: Page, cleaned: CleanPage, draft: Draft, *, index: int) -> Article:
    lines = ([draft.title] if draft.title else []) + draft.body
    text = "\n".join(lines)
    language = detect_language(text)
    published, basis = cleaned.published, cleaned.published_basis
    entities = quotes = events = ()
    if language == "vi":
        entities = extract_entities(text, published=published)
        if published is None:
            # never invents a year: (None, None) without support
            published, basis = infer_anchor(text, entities, draft.captions)
        quotes = tuple(find_quotes(text, entities, published=published))
        body_start = len(draft.title) + 1 if draft.title else 0
        events = code_events(text, entities, quotes, published=published, body_start=body_start)
    return Article(
        id=article_id(text),
        input=InputRef(page.path, page.record, index),
        title=draft.title,
        text=text,
        captions=tuple(draft.captions),
        outlet=cleaned.outlet,
        authors=tuple(draft.authors) or page.authors,
        sources=tuple(draft.sources),
        published=published,
        published_basis=basis,
        language=language,
        entities=entities,
        quotes=quotes,
        events=events,
    )


def extract_inputs(paths: Iterable[str], *, settings: Settings | None = None) -> Iterator[Article | InputRejected]:
    """Read, clean and build every article of the given files, folders or `-`; rejects are yielded too."""
    settings = settings or load_settings()
    for item in read_inputs(paths, settings=settings):
        if isinstance(item, InputRejected):
            yield item
            continue
        try:
            yield from build_articles(item, settings=settings)
        except Exception as error:  # one broken page must not stop a batch of millions
            yield InputRejected(item.path, "unreadable", f"could not be processed: {error!r}", record=item.record)


def extract(text_or_path: str | PathLike[str], **metadata: str | None) -> list[Article]:
    """Articles of a page given as text or as a path; metadata: title, date, url, source, id."""
    if isinstance(text_or_path, PathLike) or (
        isinstance(text_or_path, str)
        and "\n" not in text_or_path
        and len(text_or_path) < 4096
        and Path(text_or_path).exists()
    ):
        articles: list[Article] = []
        for item in extract_inputs([str(text_or_path)]):
            if isinstance(item, InputRejected):
                raise item
            articles.append(item)
        return articles
    page = Page(
        text=str(text_or_path),
        path=None,
        record=metadata.get("id"),
        title=metadata.get("title") or None,
        published=metadata.get("date") or metadata.get("published") or None,
        url=metadata.get("url"),
        outlet=metadata.get("source") or metadata.get("outlet"),
    )
    return build_articles(page)
