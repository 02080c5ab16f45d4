"""How one gold article compares with one predicted article: the counts behind the scores of GOLD.md.

Both sides go through the same `view` before anything is compared, so gold and prediction are normalised,
expanded and deduplicated by the same code. Only where a field lives differs: a gold entity carries its
country/org itself and a predicted one in `actor`; gold event parties are codes and predicted ones Actors.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import combinations, product
from typing import Any

NO_PARTY = "-"  # an empty source or target list, as GOLD.md writes it
# Acts with no direction between two parties (ANNOTATION.md): their triples are compared unordered.
UNORDERED = frozenset({"AGREE", "ASSAULT", "CONSULT", "COOPERATE"})
# Shorter common runs are chance hits (a space, "và", a tone mark) rather than shared wording.
MIN_BLOCK = 4

Triple = tuple[str, str, str]
Link = tuple[str | None, str | None]


@dataclass(frozen=True)
class Speaker:
    """Who said a quote: the (case-folded) name and the codes it is scored by."""

    name: str
    country: str | None
    org: str | None


@dataclass(frozen=True)
class View:
    """What scoring looks at in one article, the same shape for gold and prediction."""

    title: str | None = None
    body: Counter[str] = field(default_factory=Counter)
    entities: dict[tuple[str, str], frozenset[Link]] = field(default_factory=dict)
    quotes: tuple[tuple[str, Speaker | None], ...] = ()
    events: dict[Triple, frozenset[str | None]] = field(default_factory=dict)


EMPTY = View()


def norm(text: str | None) -> str:
    """NFC, whitespace runs collapsed to one space, ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def gold_view(article: Mapping[str, Any]) -> View:
    """The view of one gold article (GOLD.md)."""
    return _view(article, article.get("body") or [])


def predicted_view(record: Mapping[str, Any]) -> View:
    """The view of one predicted article record (OUTPUT.md)."""
    return _view(record, predicted_body(record))


def predicted_body(record: Mapping[str, Any]) -> list[str]:
    """A predicted article's body lines: `text` without its first line when there is a title."""
    lines = (record.get("text") or "").split("\n")
    return lines[1:] if record.get("title") is not None else lines


def _view(article: Mapping[str, Any], body: Iterable[str]) -> View:
    return View(
        title=norm(article.get("title")) or None,  # "" and None are both "no title"
        body=Counter(line for line in map(norm, body) if line),
        entities=_entities(article.get("entities") or []),
        quotes=tuple((norm(q.get("text")), _speaker(q.get("speaker"))) for q in article.get("quotes") or []),
        events=_events(article.get("events") or []),
    )


def _entities(entities: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], frozenset[Link]]:
    links: dict[tuple[str, str], set[Link]] = defaultdict(set)
    for entity in entities:
        links[norm(entity.get("text")), entity.get("type")].add(_link(entity))
    return {key: frozenset(found) for key, found in links.items()}


def _link(entity: Mapping[str, Any]) -> Link:
    owner = entity.get("actor") if "actor" in entity else entity  # gold has no `actor`: the codes are its own
    owner = owner or {}
    return owner.get("country"), owner.get("org")


def _speaker(actor: Mapping[str, Any] | None) -> Speaker | None:
    if not actor:
        return None
    return Speaker(norm(actor.get("name")).casefold(), actor.get("country"), actor.get("org"))


def _events(events: Iterable[Mapping[str, Any]]) -> dict[Triple, frozenset[str | None]]:
    dates: dict[Triple, set[str | None]] = defaultdict(set)
    for event in events:
        if event.get("negated"):
            continue
        parties = _codes(event.get("source")), _codes(event.get("target"))
        for triple in triples(event.get("type") or "", *parties):
            dates[triple].add(event.get("date"))
    return {triple: frozenset(found) for triple, found in dates.items()}


def _codes(parties: Iterable[Any] | None) -> list[str]:
    # A party with no code cannot be written in gold either, where it is simply left out of the list.
    return sorted({code for code in map(_code, parties or []) if code})


def _code(party: Any) -> str | None:
    if isinstance(party, str):  # gold lists hold codes already
        return party
    party = party or {}
    return party.get("country") or party.get("org")


def triples(event_type: str, sources: list[str], targets: list[str]) -> set[Triple]:
    """The distinct (source, type, target) triples of one event, one per pair, unordered acts sorted."""
    if event_type in UNORDERED and not targets and len(sources) >= 2:
        # "giao tranh giữa A và B": both parties act on each other, the same as A→B.
        pairs: Iterable[tuple[str, str]] = combinations(sources, 2)
    else:
        pairs = product(sources or [NO_PARTY], targets or [NO_PARTY])
    return {_ordered(source, event_type, target) for source, target in pairs}


def _ordered(source: str, event_type: str, target: str) -> Triple:
    if event_type in UNORDERED and NO_PARTY not in (source, target):
        source, target = sorted((source, target))
    return source, event_type, target


def _both_ways(triple: Triple) -> bool:
    """Whether both parties of a triple act: an unordered act between two parties."""
    return triple[1] in UNORDERED and NO_PARTY not in (triple[0], triple[2])


def dyads(found: Iterable[Triple]) -> set[tuple[str, str]]:
    """The (source, target) pairs of triples; an unordered act gives both directions."""
    pairs = set()
    for source, event_type, target in found:
        pairs.add((source, target))
        if _both_ways((source, event_type, target)):
            pairs.add((target, source))  # the sorted order is alphabetical, not a direction
    return pairs


def untargeted(found: Iterable[Triple]) -> set[tuple[str, str]]:
    """The (source, type) pairs of triples; both parties of an unordered act are sources."""
    pairs = set()
    for source, event_type, target in found:
        pairs.add((source, event_type))
        if _both_ways((source, event_type, target)):
            pairs.add((target, event_type))
    return pairs


def prf(name: str, gold: Iterable[Any], predicted: Iterable[Any]) -> Counter[str]:
    """True positives and the sizes of both distinct sets, as counts named `name.tp/gold/pred`."""
    gold, predicted = set(gold), set(predicted)
    return Counter({f"{name}.tp": len(gold & predicted), f"{name}.gold": len(gold), f"{name}.pred": len(predicted)})


def compare(gold: View | None, predicted: View | None) -> Counter[str]:
    """The counts of one aligned article pair; None stands for the side that has no article."""
    counts: Counter[str] = Counter()
    if gold is not None:  # titles are a share of gold articles: an extra prediction has none to miss
        counts["titles.gold"] += 1
        counts["titles.correct"] += int(predicted is not None and predicted.title == gold.title)
    gold, predicted = gold or EMPTY, predicted or EMPTY
    counts.update(prf("entities", gold.entities, predicted.entities))
    counts.update(_linking(gold, predicted))
    counts.update(_quotes(gold, predicted))
    counts.update(_event_counts(gold.events, predicted.events))
    return counts


def _linking(gold: View, predicted: View) -> Counter[str]:
    found = gold.entities.keys() & predicted.entities.keys()
    # Every predicted mention of the pair must carry the gold link: one right guess among several is not it.
    right = sum(predicted.entities[key] <= gold.entities[key] for key in found)
    return Counter({"linking.found": len(found), "linking.correct": right})


def _quotes(gold: View, predicted: View) -> Counter[str]:
    right = sum(
        any(covers(text, other) and same_speaker(speaker, who) for other, who in predicted.quotes)
        for text, speaker in gold.quotes
    )
    return Counter({"quotes.gold": len(gold.quotes), "quotes.correct": right})


def covers(gold_text: str, predicted_text: str) -> bool:
    """Whether the predicted quote shares at least half of the gold quote's characters."""
    return 2 * overlap(gold_text, predicted_text) >= len(gold_text)


def overlap(first: str, second: str) -> int:
    """Characters the two texts share, in order, counting common runs of at least MIN_BLOCK characters."""
    blocks = SequenceMatcher(None, first, second, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks if block.size >= MIN_BLOCK)


def same_speaker(gold: Speaker | None, predicted: Speaker | None) -> bool:
    """Same country/org; for a gold speaker with neither, the same name whatever the case."""
    if gold is None or predicted is None:
        return gold is predicted
    if gold.country is None and gold.org is None:
        return gold.name == predicted.name
    return (gold.country, gold.org) == (predicted.country, predicted.org)


def _event_counts(gold: Mapping[Triple, frozenset], predicted: Mapping[Triple, frozenset]) -> Counter[str]:
    counts = prf("events", gold, predicted)
    counts.update(prf("dyads", dyads(gold), dyads(predicted)))
    counts.update(prf("events_untargeted", untargeted(gold), untargeted(predicted)))
    dated = {(triple, date) for triple in gold.keys() & predicted.keys() for date in gold[triple] if date}
    counts["dates.gold"] += len(dated)
    counts["dates.correct"] += sum(date in predicted[triple] for triple, date in dated)
    return counts
