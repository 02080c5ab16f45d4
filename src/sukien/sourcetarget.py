"""Source and target of one trigger: the clause's subject, the party after it or its markers, passives, owners.

`assign_roles` reads a sentence's parties (`eventroles.py`) around one lexicon match: the subject before the
trigger (through reporting frames and clauses that share a subject), the target after it or after its markers
("với", "đối với", "nhằm vào"), both sides of "giữa A và B", the agent after "bị", the owner after "của" of a
nominal act ("chiến dịch quân sự của Nga"), and the subject of a light verb ("tiến hành vụ không kích").
"""

from __future__ import annotations

from .actorbase import match_key
from .eventroles import (
    Party,
    between_pair,
    clause_end,
    clause_start,
    first_group_after,
    subject_before,
)
from .lexicon import Lexicon, TriggerMatch

# Types PLOVER codes as mutual between two parties.
_MUTUAL = {"CONSULT", "COOPERATE", "AGREE", "ASSAULT"}
# Types that, with no target named, are directed at the actor's own state: a lockdown ("Áo công bố lệnh giới
# nghiêm") acts on its people, a strike or a protest ("cuộc biểu tình phản đối chính phủ") on its government.
SELF_DIRECTED = {"COERCE", "PROTEST"}
# Words that introduce a target after a trigger ("trao đổi với ...", "không kích nhằm vào ...").
_MARKERS = {"vào", "với", "đến", "tới", "cho", "nhằm vào", "đối với", "chống", "chống lại", "lên"}


def ends_with_any(words: list[str], phrases: tuple[str, ...]) -> bool:
    """Whether the words end with one of the phrases, on a word boundary."""
    text = " ".join(words)
    return any(text == p or text.endswith(" " + p) for p in phrases)


def assign_roles(sentence: str, match: TriggerMatch, found, lexicon: Lexicon) -> tuple[list[Party], list[Party]]:
    """(sources, targets) of one trigger; `found` is the sentence's (parties, groups, subject shared so far)."""
    parties, grouped, shared = found
    trigger = match.trigger
    pair = between_pair(sentence, parties, match.end)
    if pair and trigger.type in _MUTUAL:
        return pair, []
    end = clause_end(sentence, match.end)
    owner = _possessor_after(sentence, match, grouped, end)
    nominal = trigger.frame == "nominal" or _nominalized(sentence, match, lexicon)
    if owner and nominal:  # "chiến dịch quân sự của Nga", "sự ủng hộ của phương Tây đối với ...": the owner acts
        return owner, _marked_target(sentence, match, grouped, owner[-1].end, end) or []
    if _nominalized(sentence, match, lexicon):
        agent = first_group_after(grouped, match.end, end)
        if agent and not _after_marker(sentence, agent[0].start, match):
            return agent, _marked_target(sentence, match, grouped, agent[-1].end, end) or []
    subject = _subject(sentence, match, grouped, lexicon, shared)
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
        return (subject or []), (subject or [] if trigger.type in SELF_DIRECTED else [])
    if subject and len({p.code for p in subject}) >= 2 and (trigger.type in _MUTUAL or _reciprocal(sentence, match)):
        return subject, []  # "A và B hội đàm", "Azerbaijan và Armenia cáo buộc nhau"
    if not subject and owner:  # "theo đề nghị của Mỹ": a verb used as a noun, its owner acts
        return owner, _marked_target(sentence, match, grouped, owner[-1].end, end) or []
    if not subject:
        return [], []  # an act with no actor the sentence names is not coded
    if _reciprocal(sentence, match):
        return subject, []  # "các ngoại trưởng EU đã gặp nhau": among themselves
    places = [g for g in grouped if not _located(sentence, g, lexicon)]
    if trigger.type == "REJECT" and _rejects_a_claim(sentence, match, lexicon):
        claimant = _marked_target(sentence, match, grouped, match.end, end, markers=("từ phía", "của"))
        return subject, (claimant or [])
    places = [g for g in places if not _topic_party(sentence, g)]
    limit = subordinate_start(sentence, match, end, lexicon)
    target = _target(sentence, match, places, limit, {p.code for p in subject})
    if not target and len({p.code for p in subject}) >= 2 and _each_other(sentence, lexicon):
        return subject, subject  # "cả 2 phía Armenia và Azerbaijan đều từ chối": each toward the other
    if not target and trigger.type == "ASSAULT":
        target = next((g for g in grouped if match.end <= g[0].start < limit and _located(sentence, g, lexicon)), None)
    if not target and trigger.type in SELF_DIRECTED:
        target = subject  # a lockdown, a ban, an arrest with no one named: the state acts on its own people
    return subject, (target or [])


def _each_other(sentence: str, lexicon: Lexicon) -> bool:
    key = match_key(sentence)
    return " đều " in key or any(pair in key for pair in lexicon.roles("pair"))


def _rejects_a_claim(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    after = " ".join(match_key(sentence[match.end : match.end + 30]).split()[:3])
    return any(after == c or after.startswith(c + " ") for c in lexicon.roles("claim_object"))


def _topic_party(sentence: str, group: list[Party]) -> bool:
    """ "bàn về Uzbekistan", "cáo buộc ... về Syria": a party after "về" is what it is about, not whom."""
    before = match_key(sentence[max(0, group[0].start - 6) : group[0].start]).split()
    return bool(before) and before[-1] == "về"


def subordinate_start(sentence: str, match: TriggerMatch, end: int, lexicon: Lexicon) -> int:
    """Where a clause of cause, purpose or time opens after the trigger ("vì", "sau khi", "nhưng"), else `end`."""
    key = match_key(sentence[:end])
    found = [key.find(" " + word + " ", match.end - 1) for word in lexicon.roles("subordinator")]
    return min((index for index in found if index >= 0), default=end)


def _located(sentence: str, group: list[Party], lexicon: Lexicon) -> bool:
    """ "chiến sự ở Ukraine", "bắn đi từ Israel": a party after a place word is where, not whom."""
    before = match_key(sentence[max(0, group[0].start - 10) : group[0].start]).split()
    return bool(before) and before[-1] in lexicon.roles("locative")


def _subject(sentence: str, match: TriggerMatch, grouped, lexicon: Lexicon, shared=()) -> list[Party] | None:
    """The clause's subject; through a reporting verb with no subject after it, the reporter; for a verb that
    opens its clause after a comma, the subject of the clause before it (`shared`, the source of the event
    coded there), else the subject of the sentence before it."""
    start, reported = clause_start(sentence, match.start, lexicon.cues.get("reporting", ()))
    not_after = lexicon.roles("not_subject")
    if reported >= 0:
        return subject_before(sentence, grouped, match.start, reported, not_after) or subject_before(
            sentence, grouped, reported, start, not_after
        )
    shared_parties = [p for g in grouped for p in g if p.end <= match.start and p.actor in shared]
    if shared_parties and coordinated(sentence, match):
        return shared_parties  # "lên án Nga xâm lược Ukraine và yêu cầu Nga ...": the first verb's subject
    own = subject_before(sentence, grouped, match.start, start, not_after)
    if own or start == 0 or not _opens_clause(sentence, start, match, lexicon):
        return own
    # after a comma the clause goes on with the last subject; after a quote mark, with the object before it
    after_comma = sentence[start - 1] in ",;"
    earlier = [p for g in grouped for p in g if p.end <= start and p.actor in shared] if after_comma else []
    return earlier or subject_before(sentence, grouped, start, 0, not_after)  # "..., cáo buộc Moscow"


def coordinated(sentence: str, match: TriggerMatch) -> bool:
    """A verb right after "và" or "đồng thời": a second act of the same subject, not the content of the first."""
    before = match_key(sentence[max(0, match.start - 16) : match.start]).replace(",", " ").split()
    return bool(before) and (before[-1] == "và" or before[-2:] == ["đồng", "thời"])


def _opens_clause(sentence: str, start: int, match: TriggerMatch, lexicon: Lexicon) -> bool:
    """Only adverbs between the clause start and the verb: a verb phrase that shares the sentence's subject."""
    words = match_key(sentence[start : match.start]).split()
    return len(words) <= 3 and all(w in lexicon.roles("adverb") for w in words)


def _nominalized(sentence: str, match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A noun of the act ("vụ không kích", "các cuộc tấn công") not taken by a light verb ("tiến hành vụ ...")."""
    before = match_key(sentence[max(0, match.start - 30) : match.start]).split()
    for size in (1, 2):
        if len(before) >= size and " ".join(before[-size:]) in lexicon.roles("nominalizer"):
            rest = before[:-size]
            return not (rest and ends_with_any(rest, lexicon.roles("light_verb")))
    return False


def _target(sentence: str, match: TriggerMatch, grouped, end: int, subject_codes: set[str]) -> list[Party] | None:
    """Inside a gapped trigger ("yêu cầu Belarus trả tự do"), after "với" for meetings, else the next party
    that is not the subject's own ("sự ủng hộ của Mỹ đối với ... Belarus")."""
    inside = next((g for g in grouped if match.start < g[0].start < match.end), None)  # in or overlapping its end
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


def _possessor_after(sentence: str, match: TriggerMatch, grouped, end: int) -> list[Party] | None:
    """The party a few words after "của" right after the trigger: the owner of a nominal act."""
    after = match_key(sentence[match.end : match.end + 8]).split()
    if after[:1] != ["của"]:
        return None
    group = first_group_after(grouped, match.end, end)
    if group and len(match_key(sentence[match.end : group[0].start]).split()) <= 3:
        return group
    return None


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
