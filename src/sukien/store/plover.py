"""Events as PLOVER JSON records, one per folded event, with the field names of the PLOVER specification.

PLOVER's data interchange fields (manual, chapter "JSON Data Fields"): `id`, `date`, `source` and
`recipient` (lists of actor objects: `code`, `sector`, `actor_text`, `identifier_id` (Wikidata),
`identifier_text`), `event` (a list of categories), `mode`, `context`, `event_loc`, `event_text`,
`quad_code`, `event_scale`, `link`, `cite_info`, `coded_date`, plus the size fields `dead` and
`injured`. sukien adds its own fields after them: the OUTPUT.md event (`type`, `negated`,
`modality`, `cameo`, `goldstein`, `evidence`), `story_id`, `article_id` and the story counts.
"""

from __future__ import annotations

from collections.abc import Iterator

from .eventfold import events
from .rows import pipeline_version

# PLOVER's quad categories (manual, "PLOVER quad categories"); REQUEST is PLOVER's DEMAND.
QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("REQUEST", "DEMAND", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


def plover_actor(actor: dict) -> dict:
    """A PLOVER actor object from an OUTPUT.md Actor."""
    return {
        "code": actor["country"] or actor["org"],
        "sector": actor["sector"],
        "actor_text": actor["name"],
        "identifier_id": actor["wikidata"],
        "identifier_text": actor["name"],
        "sukien_id": actor["id"],
    }


def record(event: dict) -> dict:
    """The PLOVER record of one folded event."""
    location = event["location"]
    return {
        "id": event["id"],
        "date": event["date"] or (event["published"] or "")[:10] or None,
        "source": [plover_actor(a) for a in event["source"]],
        "recipient": [plover_actor(a) for a in event["target"]],
        "event": [event["type"]],
        "mode": event["mode"],
        "context": event["context"],
        "event_loc": None if not location else {
            "name": location["name"], "cc3": location["country"], "latitude": location["lat"],
            "longitude": location["lon"],
        },
        "event_text": [event["event_text"]],
        "quad_code": QUADS.get(event["type"]),
        "event_scale": event["goldstein"],
        "link": event["story_id"],
        "dead": event["dead"],
        "injured": event["injured"],
        "cite_info": {
            "url": event["url"], "title": event["title"], "publication": event["outlet"], "language": "vi",
            "coder": f"sukien {pipeline_version()}", "codebook": "PLOVER, sukien event lexicon",
        },
        "coded_date": (event["ingested"] or "")[:10] or None,
        "type": event["type"],
        "negated": event["negated"],
        "modality": event["modality"],
        "cameo": event["cameo"],
        "goldstein": event["goldstein"],
        "evidence": event["evidence"],
        "date_precision": event["date_precision"],
        "story_id": event["story_id"],
        "article_id": event["article_id"],
        "num_mentions": event["num_mentions"],
        "num_articles": event["num_articles"],
        "num_sources": event["num_sources"],
    }  # fmt: skip


def records(conn) -> Iterator[dict]:
    """Every folded event of the store as a PLOVER record, oldest first."""
    for event in events(conn, newest_first=False):
        yield record(event)
