"""Entity linking: from mentions to actors, with the title, country and date beside them.

- A person named with a title ("Ngoại trưởng Mỹ Mike Pompeo") takes the country the title names;
  among people sharing a name, the one holding that title on the article's date wins.
- Short forms after a full mention ("ông Putin", "Shkliarov") refer to the same actor.
- A capital or seat of government stands for its state (GPE) unless the sentence places
  something in it ("ở thủ đô Washington": LOC).
- An unknown name keeps the country a title or country name right before it gives
  ("Ngoại trưởng Kazakhstan Mukhtar Tileuberdi" → KAZ), with a null id.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from .actorbase import ActorBase, Entry, affiliation, in_term, load_base
from .models import Actor, Entity
from .recognition import Mention

# Words before a capital that make it a place, not a government: "ở Moskva", "thủ đô Washington".
_PERSON_CUE = re.compile(r"\b(?:ông|bà|ngài)\s*$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"(?:\b(?:ở|tại|quanh|gần|khắp)|thủ đô|thành phố|ngoại ô)\s*$", re.IGNORECASE)


def link(
    text: str, mentions: list[Mention], *, published: str | None = None, base: ActorBase | None = None
) -> list[Entity]:
    """Entities for the mentions of one article, each linked to an actor of the base where one fits."""
    base = base or load_base()
    linked: list[Entity] = []
    for index, mention in enumerate(mentions):
        previous = mentions[index - 1] if index else None
        entity_type, actor = _resolve(text, mention, previous, linked, published, base)
        linked.append(Entity(mention.text, mention.start, mention.end, entity_type, actor))
    return linked


def _resolve(text, mention: Mention, previous, linked, published, base) -> tuple[str, Actor]:
    if mention.candidates:
        entry = _choose(text, mention, previous, linked, published, base)
        earlier = next((e.actor for e in linked if e.actor.id == entry.id), None)
        if earlier:
            return _place_type(text, mention, entry), earlier  # "Rasmussen" acts as "Thủ tướng ... Rasmussen" did
        actor = entry.actor()
        if entry.type == "PER":
            title = mention.cue or _title_before(text, mention.start, base)
            country, org = affiliation(entry, base, title=title, on=published)
            actor = replace(actor, country=country, org=org)
        return _place_type(text, mention, entry), actor
    antecedent = _antecedent(mention, linked)
    if antecedent:
        return antecedent.type, antecedent.actor
    country = mention.country or _country_before(text, mention, previous)
    return mention.type, Actor(None, mention.text, country, None, _title_sector(mention, base))


def _choose(text, mention: Mention, previous, linked, published, base) -> Entry:
    candidates = list(mention.candidates)
    if len(candidates) == 1:
        return candidates[0]
    people = [e for e in candidates if e.type == "PER"]
    if people and len(people) < len(candidates):
        # a name shared by a person and a place or body ("Montenegro", "Bloomberg"): a title or "ông" says person
        person_cue = _title_before(text, mention.start, base) or _PERSON_CUE.search(text[: mention.start])
        candidates = people if person_cue else [e for e in candidates if e.type != "PER"]
        if len(candidates) == 1:
            return candidates[0]
        mention = replace(mention, type=candidates[0].type)
    if mention.type == "PER":
        country = _country_before(text, mention, previous)
        title = mention.cue or _title_before(text, mention.start, base)
        for entry in candidates:
            if any(e.actor.id == entry.id for e in linked):
                return entry  # the one this article already named in full
        if title and country:
            holders = [e for e in base.holders(title, country, published) if e in candidates]
            if holders:
                return holders[0]
        dated = [
            e for e in candidates if published is not None and any(in_term(r, published) for r in base.roles_of(e.id))
        ]
        if dated:
            return dated[0]
    named = _article_countries(linked)
    coherent = [e for e in candidates if e.country in named]
    return coherent[0] if coherent else candidates[0]


def _article_countries(linked: list[Entity]) -> set[str]:
    """Countries the article has named so far: among namesakes, the one from those countries is meant."""
    return {e.actor.country for e in linked if e.type == "GPE" and e.actor.country}


def _place_type(text: str, mention: Mention, entry: Entry) -> str:
    if entry.type == "GPE" and entry.metonym and _PLACE_BEFORE.search(text[max(0, mention.start - 20) : mention.start]):
        return "LOC"
    return entry.type


def _antecedent(mention: Mention, linked: list[Entity]) -> Entity | None:
    """An earlier person whose name ends with this one: "Shkliarov" after "Vitali Shkliarov"."""
    for entity in reversed(linked):
        if entity.type == "PER" and entity.text != mention.text and entity.text.endswith(" " + mention.text):
            return entity
        if entity.text == mention.text and entity.actor.id is None:
            return entity
    return None


def _country_before(text: str, mention: Mention, previous: Mention | None) -> str | None:
    """The country a mention right before gives: "Ngoại trưởng Mỹ Mike Pompeo", "công dân Mỹ X"."""
    if previous is None or previous.type not in ("GPE", "ORG") or not previous.candidates:
        return None  # "Ngoại trưởng Mỹ X", "Chủ tịch Quốc hội Indonesia X"
    if text[previous.end : mention.start].strip():
        return None
    return previous.candidates[0].country


def _title_before(text: str, start: int, base: ActorBase) -> str | None:
    """A title at most three words before a name ("Ngoại trưởng Mỹ Mike Pompeo" → "Ngoại trưởng")."""
    match = _titles_before_pattern().search(text[max(0, start - 40) : start])
    return match.group(1) if match else None


@cache
def _titles_before_pattern() -> re.Pattern[str]:
    titles = sorted(load_base().titles, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, titles)) + r")(?:\s+\S+){0,3}\s*$")


def _title_sector(mention: Mention, base: ActorBase) -> str | None:
    if mention.cue and mention.cue in base.titles:
        return base.titles[mention.cue][1]
    return None


def extract_entities(text: str, *, published: str | None = None) -> tuple[Entity, ...]:
    """Recognise and link every entity mention of an article's text."""
    from .recognition import find_mentions
    from .sentences import split_sentences

    starts = {sentence.start for sentence in split_sentences(text)}
    return tuple(link(text, find_mentions(text, starts), published=published))
