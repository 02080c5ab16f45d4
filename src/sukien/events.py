"""Event coding: PLOVER events from the sentences of an article.

For every trigger of the lexicon (`lexicon.py`) in a body sentence, the parties come from the
sentence (`eventroles.py`): the subject before the trigger (through reporting frames), the target
after it or after its markers ("với", "đối với", "nhằm vào"), both sides of "giữa A và B", the agent
after "bị". A request, rejection, threat or promise takes the act it names as its content, and that
act is not coded again ("yêu cầu Belarus trả tự do" is one REQUEST). Negation, modality, the date,
the place and the casualties are read from the sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .actorbase import match_key
from .eventroles import (
    Party,
    between_pair,
    clause_end,
    clause_start,
    domestic_parties,
    first_group_after,
    groups,
    pair_parties,
    parties_of,
    subject_before,
)
from .lexicon import Lexicon, TriggerMatch, load_lexicon
from .models import Entity, Event, Location, Quote, Span
from .sentences import split_sentences

# Types whose trigger takes another act as its content ("yêu cầu X rút quân", "từ chối đàm phán").
_TAKES_CONTENT = {"REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "ACCUSE"}
# Words that introduce a target after a trigger ("trao đổi với ...", "không kích nhằm vào ...").
_MARKERS = {"vào", "với", "đến", "tới", "cho", "nhằm vào", "đối với", "chống", "chống lại", "lên"}
# Types that, with no target named, a state directs at its own people ("Áo công bố lệnh giới nghiêm").
_SELF_DIRECTED = {"COERCE"}
# A future or intended meeting, visit or aid is a promise: PLOVER codes it AGREE (CAMEO 036 meet, 033 aid).
_PROMISED = {"CONSULT", "AID", "COOPERATE"}
_INTENT_CAMEO = {"CONSULT": "036", "AID": "033", "COOPERATE": "035"}
_INTENT_GOLDSTEIN = 4.0
# Types PLOVER codes as mutual between two parties.
_MUTUAL = {"CONSULT", "COOPERATE", "AGREE", "ASSAULT"}
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
            found = _sentence_events(sentence.text, sentence.start, inside, quotes, lexicon, published, context)
            events += [story_dates.complete(event) for event in found]
        recent += [c for c in (e.actor.country or e.actor.org for e in inside if e.type != "LOC") if c]
    return tuple(events)


class _StoryDates:
    """A sentence that states no date reports what happened on the story's day: the last date given earlier in
    its paragraph, else the first the article gives."""

    def __init__(self, text: str, anchor: str | None) -> None:
        from .dates import find_dates

        days = [
            d
            for d in find_dates(text, anchor)
            if d.resolved.precision == "day" and _plausible(d.resolved.value, anchor)
        ]
        self.days = [(d.start, d.resolved.value) for d in days]
        self.text = text

    def complete(self, event: Event) -> Event:
        if event.date or not self.days:
            return event
        paragraph_start = self.text.rfind("\n", 0, event.evidence.start) + 1
        earlier = [value for start, value in self.days if paragraph_start <= start < event.evidence.start]
        value = earlier[-1] if earlier else self.days[0][1]
        return replace(event, date=value, date_precision="day")


def _plausible(value: str | None, anchor: str | None) -> bool:
    """A date after the publication year (a typo like "2/3/3022") is not used."""
    return bool(value) and (anchor is None or value[:4] <= anchor[:4])


def _sentence_events(sentence, offset, entities, quotes, lexicon: Lexicon, published, context) -> list[Event]:
    focus, recent = context
    matches = [m for m in lexicon.find(sentence) if not _topic_or_setting(sentence, m, lexicon)]
    if not matches:
        return []
    parties = domestic_parties(sentence, parties_of(entities, offset), lexicon.roles("domestic"), focus)
    parties = pair_parties(sentence, parties, lexicon.roles("pair"), recent)
    grouped = groups(sentence, parties)
    events = []
    content_until = -1
    for match in matches:
        if match.start < content_until:
            continue  # the content of a request or refusal coded just before
        event = _event(sentence, offset, match, (parties, grouped), lexicon, quotes, entities, published)
        if event:
            events += _each_toward_the_other(event)
            if match.trigger.type in _TAKES_CONTENT and event.target:
                content_until = clause_end(sentence, match.end)
    return events


def _each_toward_the_other(event: Event) -> list[Event]:
    """Sources that are also the targets ("A và B đều từ chối") give one event each way."""
    if len(event.source) < 2 or event.source != event.target:
        return [event]
    return [replace(event, source=(a,), target=(b,)) for a in event.source for b in event.source if a != b]


def _intended(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    before = match_key(sentence[max(0, match.start - 24) : match.start])
    return any(re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", before) for cue in lexicon.roles("intent"))


def _topic_or_setting(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    """ "các mối đe dọa" names a topic; "tại cuộc gặp" the setting of another act: neither is an event."""
    before = match_key(sentence[max(0, match.start - 30) : match.start]).replace(",", " ").split()
    if not before:
        return False
    if _ends_with_any(before, lexicon.roles("topic")):
        return True
    if any(w in ("với", "giữa") for w in match_key(sentence[match.end : match.end + 40]).split()[:4]):
        return False  # "trong cuộc điện đàm hôm 24-10 với Pompeo": the call itself, with its partner
    first_word = match.trigger.words.split()[0]
    if first_word in lexicon.roles("nominalizer"):  # "vụ không kích" is itself the noun
        return _ends_with_any(before, lexicon.roles("setting"))
    nominalizer = next((n for n in lexicon.roles("nominalizer") if " ".join(before).endswith(n)), None)
    if nominalizer is None:
        return False
    rest = before[: len(before) - len(nominalizer.split())]
    return bool(rest) and (
        _ends_with_any(rest, lexicon.roles("setting")) or _ends_with_any(rest[:-1], lexicon.roles("setting"))
    )


def _ends_with_any(words: list[str], phrases: tuple[str, ...]) -> bool:
    text = " ".join(words)
    return any(text == p or text.endswith(" " + p) for p in phrases)


def _event(sentence, offset, match: TriggerMatch, found, lexicon, quotes, entities, published) -> Event | None:
    trigger = match.trigger
    sources, targets = _roles(sentence, match, found, lexicon)
    if not sources and not targets:
        return None
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
        location=_location(sentence, offset, entities),
        **_date_and_casualties(sentence, match, published),
    )


def _roles(sentence: str, match: TriggerMatch, found, lexicon: Lexicon) -> tuple[list[Party], list[Party]]:
    parties, grouped = found
    trigger = match.trigger
    pair = between_pair(sentence, parties, match.end)
    if pair and trigger.type in _MUTUAL:
        return pair, []
    end = clause_end(sentence, match.end)
    if _nominalized(sentence, match, lexicon):
        agent = first_group_after(grouped, match.end, end)
        if agent and not _after_marker(sentence, agent[0].start, match):
            return agent, _marked_target(sentence, match, grouped, agent[-1].end, end) or []
    subject = _subject(sentence, match, grouped, lexicon)
    agent = _agent_after_passive(sentence, match, grouped, subject, lexicon)
    if agent:
        before_passive = subject_before(sentence, grouped, agent[0].start, 0, lexicon.roles("not_subject"))
        return agent, (before_passive or [])  # "đoàn của Nga đã bị Washington từ chối"
    if _passive(sentence, match, lexicon):
        agent = first_group_after(grouped, match.end, end)
        if agent or not subject:
            return (agent or []), (subject or [])
        # "X bị bắt giữ" with no agent named: the other party the sentence names before acts
        other = subject_before(sentence, grouped, subject[0].start, 0, lexicon.roles("not_subject"))
        return (other or []), subject
    if trigger.frame == "intransitive":
        return (subject or []), []
    if subject and len({p.code for p in subject}) >= 2 and (trigger.type in _MUTUAL or _reciprocal(sentence, match)):
        return subject, []  # "A và B hội đàm", "Azerbaijan và Armenia cáo buộc nhau"
    if not subject:
        return [], []  # an act with no actor the sentence names is not coded
    places = [g for g in grouped if not _located(sentence, g, lexicon)]
    if trigger.type == "REJECT" and _rejects_a_claim(sentence, match, lexicon):
        claimant = _marked_target(sentence, match, grouped, match.end, end, markers=("từ phía", "của"))
        return subject, (claimant or [])
    target = _target(sentence, match, places, end, {p.code for p in subject})
    if not target and len({p.code for p in subject}) >= 2 and _each_other(sentence, lexicon):
        return subject, subject  # "cả 2 phía Armenia và Azerbaijan đều từ chối": each toward the other
    if not target and trigger.type == "ASSAULT":
        target = next((g for g in grouped if match.end <= g[0].start < end and _located(sentence, g, lexicon)), None)
    if not target and trigger.type in _SELF_DIRECTED:
        target = subject  # a lockdown, a ban, an arrest with no one named: the state acts on its own people
    return subject, (target or [])


def _each_other(sentence: str, lexicon: Lexicon) -> bool:
    key = match_key(sentence)
    return " đều " in key or any(pair in key for pair in lexicon.roles("pair"))


def _rejects_a_claim(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    after = " ".join(match_key(sentence[match.end : match.end + 30]).split()[:3])
    return any(after == c or after.startswith(c + " ") for c in lexicon.roles("claim_object"))


def _located(sentence: str, group: list[Party], lexicon: Lexicon) -> bool:
    """ "chiến sự ở Ukraine", "bắn đi từ Israel": a party after a place word is where, not whom."""
    before = match_key(sentence[max(0, group[0].start - 10) : group[0].start]).split()
    return bool(before) and before[-1] in lexicon.roles("locative")


def _subject(sentence: str, match: TriggerMatch, grouped, lexicon: Lexicon) -> list[Party] | None:
    """The clause's subject; through a reporting verb with no subject after it, the reporter; for a verb that
    opens its clause after a comma, the subject of the sentence before it."""
    start, reported = clause_start(sentence, match.start, lexicon.cues.get("reporting", ()))
    not_after = lexicon.roles("not_subject")
    if reported >= 0:
        return subject_before(sentence, grouped, match.start, reported, not_after) or subject_before(
            sentence, grouped, reported, start, not_after
        )
    own = subject_before(sentence, grouped, match.start, start, not_after)
    if own or start == 0 or not _opens_clause(sentence, start, match, lexicon):
        return own
    return subject_before(sentence, grouped, start, 0, not_after)  # "..., cáo buộc Moscow": the sentence's


def _opens_clause(sentence: str, start: int, match: TriggerMatch, lexicon: Lexicon) -> bool:
    """Only adverbs between the clause start and the verb: a verb phrase that shares the sentence's subject."""
    words = match_key(sentence[start : match.start]).split()
    return len(words) <= 3 and all(w in lexicon.roles("adverb") for w in words)


def _nominalized(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    before = match_key(sentence[max(0, match.start - 12) : match.start]).split()
    return bool(before) and (
        before[-1] in lexicon.roles("nominalizer") or " ".join(before[-2:]) in lexicon.roles("nominalizer")
    )


def _target(sentence: str, match: TriggerMatch, grouped, end: int, subject_codes: set[str]) -> list[Party] | None:
    """Inside a gapped trigger ("yêu cầu Belarus trả tự do"), after "với" for meetings, else the next party
    that is not the subject's own ("sự ủng hộ của Mỹ đối với ... Belarus")."""
    inside = next((g for g in grouped if match.start < g[0].start and g[-1].end < match.end), None)
    if inside:
        return inside
    if match.trigger.frame == "with":
        key = match_key(sentence)
        partner = key.find(" với ", match.end - 1, end)
        if partner >= 0:  # the partner stands right after "với"; "với báo chí" names no party
            group = first_group_after(grouped, partner, end)
            near = group and len(key[partner : group[0].start].split()) <= 5
            if near:
                return group
    return next((g for g in grouped if match.end <= g[0].start < end and {p.code for p in g} - subject_codes), None)


def _after_marker(sentence: str, position: int, match: TriggerMatch) -> bool:
    between = match_key(sentence[match.end : position]).split()
    return bool(between) and (between[0] in _MARKERS or " ".join(between[:2]) in _MARKERS)


def _marked_target(sentence, match: TriggerMatch, grouped, start: int, end: int, markers=None) -> list[Party] | None:
    key = match_key(sentence)
    for marker in markers or match.trigger.target_markers or ("nhằm vào", "đến", "tới", "vào", "đối với", "với"):
        index = key.find(" " + marker + " ", start - 1, end)
        if index >= 0:
            group = first_group_after(grouped, index, end)
            if group:
                return group
    return None


def _agent_after_passive(sentence, match: TriggerMatch, grouped, subject, lexicon: Lexicon) -> list[Party] | None:
    """In "A bị B <verb>", the subject found before the verb is B, the agent, standing right after "bị"."""
    if not subject:
        return None
    before = match_key(sentence[max(0, subject[0].start - 8) : subject[0].start]).split()
    return subject if before and before[-1] in lexicon.cues.get("passive", ("bị",)) else None


def _passive(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    before = match_key(sentence[max(0, match.start - 8) : match.start]).split()
    return bool(before) and before[-1] in lexicon.cues.get("passive", ("bị",))


def _reciprocal(sentence: str, match: TriggerMatch) -> bool:
    return " nhau" in match_key(sentence[match.end : match.end + 12])


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
    if any(cue in before for cue in lexicon.cues.get("future", ())):
        return "future"
    if any(cue in before for cue in lexicon.cues.get("possible", ())):
        return "possible"
    claim = match_key(sentence[: match.start])
    if any(cue in claim for cue in lexicon.cues.get("claim", ())) or claim.startswith("theo "):
        return "reported_speech"
    return "asserted"


def _location(sentence: str, offset: int, entities: Sequence[Entity]) -> Location | None:
    for entity in entities:
        if entity.type not in ("LOC", "GPE"):
            continue
        before = match_key(sentence[max(0, entity.start - offset - 12) : entity.start - offset]).split()
        if before and before[-1] in _PLACE_WORDS:
            return Location(entity.text, entity.actor.country)
    return None


@lru_cache(maxsize=256)
def _sentence_dates(sentence: str, published: str | None) -> tuple:
    """The resolved dates of a sentence, found once for all the events it states."""
    from .dates import find_dates

    return tuple(
        d for d in find_dates(sentence, published) if d.resolved.value and _plausible(d.resolved.value, published)
    )


def _date_and_casualties(sentence: str, match: TriggerMatch, published: str | None) -> dict:
    from .numbers import casualties

    nearest = min(_sentence_dates(sentence, published), key=lambda d: abs(d.start - match.start), default=None)
    fields = {"date": nearest.resolved.value, "date_precision": nearest.resolved.precision} if nearest else {}
    if match.trigger.type == "ASSAULT":
        counts = casualties(sentence)
        fields.update(dead=counts.dead, injured=counts.injured)
    return fields


def _unique(parties: list[Party]) -> list[Party]:
    seen: dict[str, Party] = {}
    for party in parties:
        seen.setdefault(party.code, party)
    return list(seen.values())
