"""Event coding: PLOVER events from the sentences of an article.

For every trigger of the lexicon (`lexicon.py`) in a body sentence, the parties come from the
sentence (`eventroles.py`) and take their roles around the trigger (`sourcetarget.py`); an attack
with no target named strikes the state of the place it names. A request, rejection, threat or
promise takes the act it names as its content, and that act is not coded again ("yêu cầu Belarus
trả tự do" is one REQUEST). Negation, modality, the date, the place and the casualties are read
from the sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .actorbase import match_key
from .anchors import ResolvedDate
from .eventroles import (
    Party,
    clause_end,
    domestic_parties,
    groups,
    pair_parties,
    parties_of,
)
from .lexicon import Lexicon, TriggerMatch, load_lexicon
from .models import Entity, Event, Location, Quote, Span
from .sentences import split_sentences
from .sourcetarget import SELF_DIRECTED, assign_roles, coordinated, ends_with_any, subordinate_start

# Types whose trigger takes another act as its content ("yêu cầu X rút quân", "từ chối đàm phán").
_TAKES_CONTENT = {"REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "ACCUSE"}
# A future or intended meeting, visit or aid is a promise: PLOVER codes it AGREE (CAMEO 036 meet, 033 aid).
_PROMISED = {"CONSULT", "AID", "COOPERATE"}
_INTENT_CAMEO = {"CONSULT": "036", "AID": "033", "COOPERATE": "035"}
_INTENT_GOLDSTEIN = 4.0
# Types whose target, when no party is named, is the state of the place they strike ("không kích ... ở Syria").
_AIMED_AT_PLACE = {"ASSAULT"}
# How far before a trigger a negation or modal word may stand, in characters.
_CUE_REACH = 30
_PLACE_WORDS = ("tại", "ở", "trên", "quanh", "gần")


def code_events(
    text: str,
    entities: Sequence[Entity],
    quotes: Sequence[Quote] = (),
    *,
    published: str | None = None,
    body_start: int = 0,
) -> tuple[Event, ...]:
    """Every PLOVER event the article's body sentences state."""
    lexicon = load_lexicon()
    events: list[Event] = []
    named: Counter[str] = Counter()  # countries named so far: the most named is the one the story is about
    recent: list[str] = []  # codes in the order the article names them, for "hai bên"
    story_dates = _StoryDates(text, published)
    for sentence in split_sentences(text):
        inside = [e for e in entities if sentence.start <= e.start < sentence.end]
        named.update(e.actor.country for e in inside if e.type == "GPE" and e.actor.country)
        focus = named.most_common(1)[0][0] if named else None
        if sentence.end > body_start:
            context = (focus, list(recent))
            dates = story_dates.within(sentence.start, sentence.end)
            found = _sentence_events(sentence.text, sentence.start, inside, quotes, lexicon, dates, context)
            events += [story_dates.complete(event) for event in found]
        recent += [c for c in (e.actor.country or e.actor.org for e in inside if e.type != "LOC") if c]
    return tuple(events)


class _StoryDates:
    """A sentence that states no date reports what happened on the story's day: the last date given earlier in
    its paragraph, else the first the article gives."""

    def __init__(self, text: str, anchor: str | None) -> None:
        from .dates import find_dates

        # the text is scanned once; each sentence takes its own mentions from this list
        self.mentions = [
            (d.start, d.resolved) for d in find_dates(text, anchor) if _plausible(d.resolved.value, anchor)
        ]
        self.days = [(start, found.value) for start, found in self.mentions if found.precision == "day"]
        self.text = text

    def within(self, start: int, end: int) -> list[tuple[int, ResolvedDate]]:
        """The dates stated in `[start, end)`, at offsets from `start`."""
        return [(position - start, found) for position, found in self.mentions if start <= position < end]

    def complete(self, event: Event) -> Event:
        """The event, dated by its paragraph or story when its sentence gives no date."""
        if event.date or not self.days:
            return event
        paragraph_start = self.text.rfind("\n", 0, event.evidence.start) + 1
        earlier = [value for start, value in self.days if paragraph_start <= start < event.evidence.start]
        value = earlier[-1] if earlier else self.days[0][1]
        return replace(event, date=value, date_precision="day")


def _plausible(value: str | None, anchor: str | None) -> bool:
    """A date after the publication year (a typo like "2/3/3022") is not used."""
    return bool(value) and (anchor is None or value[:4] <= anchor[:4])


def _sentence_events(sentence, offset, entities, quotes, lexicon: Lexicon, dates, context) -> list[Event]:
    focus, recent = context
    matches = [m for m in lexicon.find(sentence) if not _topic_or_setting(sentence, m, lexicon)]
    if not matches:
        return []
    parties = domestic_parties(sentence, parties_of(entities, offset), lexicon.roles("domestic"), focus)
    parties = pair_parties(sentence, parties, lexicon.roles("pair"), recent)
    grouped = groups(sentence, parties, [(m.start, m.end) for m in matches])
    events: list[Event] = []
    content_until = -1
    shared: tuple = ()
    for match in matches:
        if match.start < content_until and not coordinated(sentence, match):
            continue  # the content of a request or refusal coded just before
        event = _event(sentence, offset, match, (parties, grouped, shared), lexicon, quotes, entities, dates)
        if event and not any(_same_parties(event, other) for other in events):  # "gặp nhau để bàn về": one
            shared = shared or event.source  # "X kêu gọi ..., đồng thời tuyên bố ...": later clauses share X
            events += _each_toward_the_other(event)
            if match.trigger.type in _TAKES_CONTENT and event.target:
                content_until = clause_end(sentence, match.end)
    return events


def _same_parties(event: Event, other: Event) -> bool:
    return (event.type, event.source, event.target) == (other.type, other.source, other.target)


def _each_toward_the_other(event: Event) -> list[Event]:
    """Sources that are also the targets ("A và B đều từ chối") give one event each way."""
    if len(event.source) < 2 or event.source != event.target:
        return [event]
    if event.type in SELF_DIRECTED:  # "Pháp, Đức và Bỉ đóng cửa ...": each on its own people
        return [replace(event, source=(a,), target=(a,)) for a in event.source]
    return [replace(event, source=(a,), target=(b,)) for a in event.source for b in event.source if a != b]


def _intended(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    before = match_key(sentence[max(0, match.start - 24) : match.start])
    return any(re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", before) for cue in lexicon.roles("intent"))


def _topic_or_setting(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    """ "các mối đe dọa" names a topic; "tại cuộc gặp" the setting of another act: neither is an event."""
    before = match_key(sentence[max(0, match.start - 30) : match.start]).replace(",", " ").split()
    if not before:
        return False
    if ends_with_any(before, lexicon.roles("topic")):
        return True
    if any(w in ("với", "giữa") for w in match_key(sentence[match.end : match.end + 40]).split()[:4]):
        return False  # "trong cuộc điện đàm hôm 24-10 với Pompeo": the call itself, with its partner
    first_word = match.trigger.words.split()[0]
    if first_word in lexicon.roles("nominalizer"):  # "vụ không kích" is itself the noun
        return ends_with_any(before, lexicon.roles("setting"))
    nominalizer = next((n for n in lexicon.roles("nominalizer") if " ".join(before).endswith(n)), None)
    if nominalizer is None:
        return False
    rest = before[: len(before) - len(nominalizer.split())]
    return bool(rest) and (
        ends_with_any(rest, lexicon.roles("setting")) or ends_with_any(rest[:-1], lexicon.roles("setting"))
    )


def _event(sentence, offset, match: TriggerMatch, found, lexicon, quotes, entities, dates) -> Event | None:
    trigger = match.trigger
    sources, targets = assign_roles(sentence, match, found, lexicon)
    if not sources and not targets:
        return None
    location, place_at = _location(sentence, offset, entities, match)
    if trigger.type in _AIMED_AT_PLACE and not targets and _in_clause(sentence, match, place_at, lexicon):
        targets = _country_of_place(location, sources)
    negated = _negated(sentence, match, lexicon)
    modality = _modality(sentence, offset, match, lexicon, quotes)
    if trigger.type in _PROMISED and (modality == "future" or _intended(sentence, match, lexicon)):
        trigger = replace(trigger, type="AGREE", cameo=_INTENT_CAMEO[trigger.type], goldstein=_INTENT_GOLDSTEIN)
    return Event(
        type=trigger.type,
        source=tuple(p.actor for p in _unique(sources)),
        target=tuple(p.actor for p in _unique(targets)),
        cameo=trigger.cameo,
        goldstein=trigger.goldstein,
        evidence=Span(offset, offset + len(sentence)),
        mode=trigger.mode,
        context=trigger.context,
        negated=negated,
        modality=modality,
        location=location,
        **_date_and_casualties(sentence, match, dates),
    )


def _country_of_place(location: Location, sources: list[Party]) -> list[Party]:
    """The state an attack on a place strikes: the place's country, when it is not the attacker's own."""
    from .actorbase import load_base

    entry = load_base().country(location.country)
    if entry is None or location.country in {p.code for p in sources}:
        return []
    return [Party(0, 0, location.country, entry.actor())]


def _negated(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    before = match_key(sentence[max(0, match.start - _CUE_REACH) : match.start])
    for cue in lexicon.cues.get("negation", ()):
        index = before.rfind(cue)
        if index >= 0 and not before[index + len(cue) :].lstrip().startswith("chỉ"):  # "không chỉ" is not negation
            return True
    return False


def _modality(sentence, offset, match: TriggerMatch, lexicon: Lexicon, quotes) -> str:
    position = offset + match.start
    if any(q.start <= position < q.end for q in quotes):
        return "reported_speech"
    before = match_key(sentence[max(0, match.start - _CUE_REACH) : match.start])
    if lexicon.has_cue("future", before):
        return "future"
    if lexicon.has_cue("possible", before):
        return "possible"
    claim = match_key(sentence[: match.start])
    if lexicon.has_cue("claim", claim) or claim.startswith("theo "):
        return "reported_speech"
    return "asserted"


def _location(sentence, offset, entities: Sequence[Entity], match: TriggerMatch) -> tuple[Location | None, int]:
    """The place named after "tại", "ở"... nearest the trigger, and where it stands in the sentence (-1: none)."""
    places = []
    for entity in entities:
        if entity.type not in ("LOC", "GPE"):
            continue
        start = entity.start - offset
        before = match_key(sentence[max(0, start - 12) : start]).split()
        if before and before[-1] in _PLACE_WORDS:
            places.append((abs(start - match.end), start, entity))
    if not places:
        return None, -1
    _, start, entity = min(places, key=lambda found: found[:2])
    return Location(entity.text, entity.actor.country), start


def _in_clause(sentence: str, match: TriggerMatch, place_at: int, lexicon: Lexicon) -> bool:
    """Whether the place stands in the trigger's own clause: before it with no clause break between, or
    after it before the clause ends or a clause of cause or time opens."""
    if place_at < 0:
        return False
    if place_at < match.start:
        return clause_end(sentence, place_at) >= match.start
    return match.end <= place_at < subordinate_start(sentence, match, clause_end(sentence, match.end), lexicon)


def _date_and_casualties(sentence: str, match: TriggerMatch, dates: list[tuple[int, ResolvedDate]]) -> dict:
    """The date nearest the trigger (`dates`: the sentence's, at offsets into it) and, for attacks, casualties."""
    from .casualties import casualties

    nearest = min(dates, key=lambda found: abs(found[0] - match.start), default=None)
    fields = {"date": nearest[1].value, "date_precision": nearest[1].precision} if nearest else {}
    if match.trigger.type == "ASSAULT":
        counts = casualties(sentence)
        fields.update(dead=counts.dead, injured=counts.injured)
    return fields


def _unique(parties: list[Party]) -> list[Party]:
    seen: dict[str, Party] = {}
    for party in parties:
        seen.setdefault(party.code, party)
    return list(seen.values())
