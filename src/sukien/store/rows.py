"""An article turned into the rows the store holds: done in the worker processes, so the writer only writes.

Everything here is a pure function of the article (and the page's URL): the same article gives the
same rows in any process and any run, which is what makes ingest idempotent.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from .. import __version__
from ..models import Actor, Article, Event
from .folding import fold_text
from .stories import minhash

# The number of a page inside a JSON Lines file is kept in `input_record`; a missing one is stored as ''.
NO_RECORD = ""


@cache
def pipeline_version() -> str:
    """sukien's version plus a hash of its data files: a new lexicon or actor base re-derives articles."""
    digest = hashlib.blake2b(digest_size=4)
    data = files("sukien").joinpath("data")
    root = len(str(data))
    for path in sorted(_data_files(data), key=str):
        digest.update(str(path)[root:].encode("utf-8"))  # relative: the same data installed elsewhere is one version
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()}"


def _data_files(folder):
    for item in folder.iterdir():
        if item.is_dir():
            if item.name != "samples":  # the samples are inputs, not knowledge
                yield from _data_files(item)
        elif item.name.endswith((".tsv", ".txt")):
            yield item


def dumps(value: object) -> str:
    """JSON as the store keeps it: UTF-8 text, no ASCII escapes, compact."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def actor_dict(actor: Actor) -> dict:
    """An Actor in the OUTPUT.md shape."""
    return {
        "id": actor.id,
        "name": actor.name,
        "country": actor.country,
        "org": actor.org,
        "sector": actor.sector,
        "wikidata": actor.wikidata,
    }


def actor_key(actor: Actor) -> str:
    """What identifies an actor across articles: its id, or its name when the base does not know it."""
    return actor.id or f"name:{actor.name}"


@dataclass
class ArticleRows:
    """One article's rows for every table, ready for executemany."""

    id: str
    article: dict
    folded_title: str
    folded_body: str
    signature: bytes
    story_keys: list[int]
    entities: list[tuple] = field(default_factory=list)
    article_actors: list[tuple] = field(default_factory=list)
    actors: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    event_actors: list[tuple] = field(default_factory=list)


def article_rows(article: Article, *, url: str | None = None) -> ArticleRows:
    """Every row the store keeps for one article."""
    folded = fold_text(article.text)
    title_end = len(article.title) + 1 if article.title is not None else 0
    signature, keys = minhash(folded)
    rows = ArticleRows(
        id=article.id,
        article=_article_row(article, url),
        folded_title=folded[: max(title_end - 1, 0)],
        folded_body=folded[title_end:],
        signature=signature,
        story_keys=keys,
    )
    _add_entities(rows, article)
    _add_quotes(rows, article)
    lead_end = _lead_end(article.text, title_end)
    for index, event in enumerate(article.events):
        _add_event(rows, article, index, event, lead_end)
    return rows


def _article_row(article: Article, url: str | None) -> dict:
    return {
        "id": article.id,
        "input_path": article.input.path,
        "input_record": article.input.record,
        "input_index": article.input.index,
        "title": article.title,
        "text": article.text,
        "captions": dumps(list(article.captions)),
        "outlet": article.outlet,
        "authors": dumps(list(article.authors)),
        "sources": dumps(list(article.sources)),
        "published": article.published,
        "published_basis": article.published_basis,
        "language": article.language,
        "url": url,
    }


def _add_entities(rows: ArticleRows, article: Article) -> None:
    counts: dict[str, list] = {}
    for index, entity in enumerate(article.entities):
        actor = entity.actor
        rows.entities.append(
            (article.id, index, entity.text, entity.start, entity.end, entity.type, actor.id, actor.name)
            + (actor.country, actor.org, actor.sector, actor.wikidata)
        )
        key = actor_key(actor)
        counts.setdefault(key, [entity.type, 0])[1] += 1
        if actor.id:
            rows.actors.append(tuple(actor_dict(actor).values()))
    rows.article_actors = [(key, article.id, kind, n) for key, (kind, n) in counts.items()]


def _add_quotes(rows: ArticleRows, article: Article) -> None:
    for index, quote in enumerate(article.quotes):
        speaker = quote.speaker
        rows.quotes.append(
            (article.id, index, quote.text, quote.start, quote.end)
            + (dumps(actor_dict(speaker)) if speaker else None, speaker.id if speaker else None, quote.speaker_text)
        )
        if speaker and speaker.id:
            rows.actors.append(tuple(actor_dict(speaker).values()))


def _lead_end(text: str, title_end: int) -> int:
    """Where the first paragraph after the title ends: events before it are the article's lead."""
    end = text.find("\n", title_end)
    return len(text) if end < 0 else end


def _side_key(actors: tuple[Actor, ...]) -> str:
    return ";".join(sorted(actor_key(actor) for actor in actors))


def _add_event(rows: ArticleRows, article: Article, index: int, event: Event, lead_end: int) -> None:
    event_id = f"{article.id}:{index}"
    location = event.location
    day = event.date or (article.published[:10] if article.published else None)
    rows.events.append(
        (event_id, article.id, index, event.type, event.mode, dumps(list(event.context)))
        + (dumps([actor_dict(a) for a in event.source]), dumps([actor_dict(a) for a in event.target]))
        + (_side_key(event.source), _side_key(event.target), event.date, event.date_precision, day)
        + (dumps(_location(location)) if location else None, event.dead, event.injured, event.cameo)
        + (event.goldstein, int(event.negated), event.modality, event.evidence.start, event.evidence.end)
        + (int(event.evidence.start < lead_end),)
    )
    for role, actors in (("source", event.source), ("target", event.target)):
        for position, actor in enumerate(actors):
            rows.event_actors.append(
                (event_id, role, position, actor.id, actor.name, actor.country, actor.org, actor.sector)
            )
            if actor.id:
                rows.actors.append(tuple(actor_dict(actor).values()))


def _location(location) -> dict:
    return {"name": location.name, "country": location.country, "lat": location.lat, "lon": location.lon}
