"""Entity recognition: mentions of the actor base, and unknown proper names typed from context.

Known names are found in one pass of an Aho-Corasick automaton over the text's match key, kept
only on word boundaries and where the case agrees (lower-case "anh" is a pronoun, "Anh" may be
Britain). Unknown names are runs of capitalised words outside known mentions; titles and
sentence-initial common words are stripped from them, and they are typed by the cue before them
or the head they open with (data: `cues/entity_context.tsv`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from .actorbase import FUZZY_STRICT, ActorBase, Entry, Name, fuzzy_lookup, institution, load_base, match_key
from .cues import data_rows
from .normalize import UPPER

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+[\w-]*")
# Lower-case particles inside foreign names: "Bashar al-Assad", "Bandar bin Sultan".
_CONNECTORS = {"al", "al-", "bin", "ibn", "de", "van", "von", "der", "la", "le", "da", "dos", "el", "di", "du"}
_ACRONYM = re.compile(r"^[A-ZĐ]{2,6}$")
_ROMAN = re.compile(r"^[IVXLC]+$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the text, with what it may refer to."""

    start: int
    end: int
    text: str
    type: str
    candidates: tuple[Entry, ...] = ()
    cue: str | None = None  # the title or context word right before it, as written
    country: str | None = None  # for an unknown name: a country its own words name ("Bộ Y tế Ý")


@dataclass(frozen=True)
class Context:
    """Cue words that type an unknown name."""

    before: dict[str, str]  # lower-case cue → type
    heads: dict[str, str]  # cue → type
    titles: tuple[str, ...]  # longest first
    skip: frozenset[str]  # capitalised words that are never names
    title_pattern: re.Pattern[str]
    title_at_end: re.Pattern[str]
    before_longest_first: tuple[str, ...]


@cache
def _context() -> Context:
    tables: dict[str, dict[str, str]] = {"before": {}, "head": {}, "generic": {}, "skip": {}}
    for row in data_rows("cues/entity_context.tsv"):
        tables[row["where"]][row["cue"].strip()] = row["type"].strip()
    titles = tuple(sorted(load_base().titles, key=len, reverse=True))
    title_pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, titles)) + r")(?!\w)")
    before = {k.lower(): v for k, v in tables["before"].items()}
    title_at_end = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, titles)) + r")$")
    longest_first = tuple(sorted(before, key=len, reverse=True))
    return Context(
        before, tables["head"], titles, frozenset(tables["skip"]), title_pattern, title_at_end, longest_first
    )


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in load_base().names:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def _case_agrees(written: str, name: Name) -> bool:
    surface = name.surface
    if " " not in surface and len(surface) <= 4:
        return written in (surface, surface.upper())  # "Nga", "NGA"; never "nga" or "anh"
    return not surface[0].isupper() or written[0].isupper()


def _known(text: str, base: ActorBase) -> list[Mention]:
    key = match_key(text)
    found: list[tuple[int, int, list[Name]]] = []
    for last, surface_key in _automaton().iter(key):
        start, end = last - len(surface_key) + 1, last + 1
        if not _boundary(text, start, end):
            continue
        written = text[start:end]
        names = [n for n in base.names[surface_key] if _case_agrees(written, n)]
        if names and not _ordinary_word(text, end, written):
            found.append((start, end, names))
    return _resolve_known(text, _longest_first(found))


def _with_given_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A known surname after capitalised words of no other mention takes them in: "Mahmoud" + "Admadinejad"."""
    extended = []
    previous_end = 0
    for mention in mentions:
        if mention.type == "PER":
            before = text[previous_end : mention.start]
            given = re.search(r"(?:(?<=\s)|^)((?:[" + UPPER + r"][\w'’-]+ ){1,2})$", before)
            if (
                given
                and not _context().title_pattern.search(given.group(1))
                and given.group(1).split()[0].lower() not in _context().before
            ):
                start = mention.start - len(given.group(1))
                if start > 0 and text[start - 1] not in '.!?\n"“':
                    # the given names must be this person's: "Hidayat Nur Wahid" is not Abdurrahman Wahid
                    own = tuple(e for e in mention.candidates if _has_given_names(e, given.group(1)))
                    mention = Mention(start, mention.end, text[start : mention.end], "PER", own, mention.cue)
        extended.append(mention)
        previous_end = mention.end
    return extended


def _has_given_names(entry: Entry, given: str) -> bool:
    names = [match_key(n.surface) for n in load_base().names_of(entry.id)]
    return any(match_key(word) in name.split() for word in given.split() for name in names)


def _longest_first(found: list[tuple[int, int, list[Name]]]) -> list[tuple[int, int, list[Name]]]:
    chosen: list[tuple[int, int, list[Name]]] = []
    taken: set[int] = set()
    for start, end, names in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if not taken.intersection(range(start, end)):
            chosen.append((start, end, names))
            taken.update(range(start, end))
    return sorted(chosen)


def _resolve_known(text: str, found: list[tuple[int, int, list[Name]]]) -> list[Mention]:
    mentions: list[Mention] = []
    seen_full: set[str] = set()
    for index, (start, end, names) in enumerate(found):
        usable = [n for n in names if not n.short_form or _joined_to_country(text, found, index)]
        usable = [n for n in usable if not n.needs_antecedent or n.entry.id in seen_full]
        if not usable:
            continue
        entries = tuple(dict.fromkeys(n.entry for n in usable))
        if any(not n.needs_antecedent and not n.short_form for n in usable):
            seen_full.update(e.id for e in entries)
        mentions.append(Mention(start, end, text[start:end], entries[0].type, entries))
    return mentions


def _joined_to_country(text: str, found: list[tuple[int, int, list[Name]]], index: int) -> bool:
    """A short form ("Ấn", "Hàn") counts only joined by a dash to another country: "Nga - Ấn"."""
    start, end, _ = found[index]
    for other_start, other_end, names in (found[i] for i in (index - 1, index + 1) if 0 <= i < len(found)):
        gap = text[other_end:start] if other_end <= start else text[end:other_start]
        if gap.strip() in ("-", "–", "—") and any(n.entry.type == "GPE" for n in names):
            return True
    return False


@cache
def _not_names() -> dict[str, tuple[str, ...]]:
    return {
        row["name"]: tuple(w.strip() for w in row["followed_by"].split("|")) for row in data_rows("cues/not_names.tsv")
    }


def _ordinary_word(text: str, end: int, written: str) -> bool:
    """ "Anh ấy", "Pháp luật": the name is the first syllable of an ordinary word or phrase here."""
    followers = _not_names().get(written)
    if not followers:
        return False
    rest = text[end : end + 12]
    return any(rest.startswith(" " + word) and not rest[len(word) + 1 : len(word) + 2].isalpha() for word in followers)


@cache
def _heads_by_last_word() -> dict[str, tuple[str, ...]]:
    """Institution heads by the word they end with: only those can end right before a country name."""
    index: dict[str, list[str]] = {}
    for head in sorted(load_base().institutions, key=len, reverse=True):
        index.setdefault(head.split()[-1], []).append(head)
    return {word: tuple(heads) for word, heads in index.items()}


def _with_institutions(text: str, mentions: list[Mention], base: ActorBase) -> list[Mention]:
    """A head right before a country mention makes one organisation: "Bộ Quốc phòng" + "Nga"."""
    by_last_word = _heads_by_last_word()
    joined = []
    for mention in mentions:
        country = next((e for e in mention.candidates if e.type == "GPE" and e.country), None)
        prefix = text[max(0, mention.start - 60) : mention.start]
        words = prefix.split()
        heads = by_last_word.get(words[-1], ()) if country and words else ()
        head = next(
            (h for h in heads if prefix.endswith(h + " ") and _starts_word(prefix, len(prefix) - len(h) - 1)), None
        )
        if country and head:
            start = mention.start - len(head) - 1
            entry = institution(head, country)
            mention = Mention(start, mention.end, text[start : mention.end], "ORG", (entry,))
        joined.append(mention)
    return joined


def _starts_word(text: str, index: int) -> bool:
    return index <= 0 or not text[index - 1].isalnum()


def find_mentions(
    text: str, sentence_starts: set[int] | None = None, *, base: ActorBase | None = None
) -> list[Mention]:
    """Every mention of a person, organisation, political unit or place in `text`, in order."""
    base = base or load_base()
    masked = _masked(text)
    known = _with_given_names(text, _with_institutions(text, _known(text, base), base))
    known = [m for m in known if m.start not in masked]
    unknown = [m for m in _unknown(text, known, sentence_starts or {0}, base) if m.start not in masked]
    return _enumerations(text, _outermost(known + unknown))


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside a longer one ("Nhật Bản" inside "Cơ quan vũ trụ Nhật Bản Jaxa"), in text order."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.end <= kept[-1].end:
            continue
        kept.append(mention)
    return kept


# Text that is no part of the story even inside a paragraph: inline photo credits, "(Trong ảnh: ...)",
# "(theo AP, Reuters)", outlet markers "(GLO)-".
_CREDITS = re.compile(
    r"\b(?:Ảnh|Nguồn|Photo|Video)\s*:\s*[^.;()\n]{1,50}|\((?:Trong ảnh|Nguồn|Ảnh)\b[^)\n]{0,160}\)"
    r"|\([Tt]heo\b[^)\n]{0,80}\)\.?$"
    r"|^\([A-ZĐ]{2,6}\)\s*[-–]",
    re.MULTILINE,
)
# A byline glued to the end of a flattened page: "... biến chuyển. NGUYỆT PHƯƠNG".
_TRAILING_BYLINE = re.compile(r"(?<=[.!?])(?:/\.)?\s+(?P<tail>[^.!?\n]{1,80})$")
MAX_TRAILING_BYLINE_WORDS = 10


def _masked(text: str) -> set[int]:
    positions: set[int] = set()
    for match in _CREDITS.finditer(text):
        positions.update(range(match.start(), match.end()))
    tail = _TRAILING_BYLINE.search(text)
    if tail and len(tail["tail"].split()) <= MAX_TRAILING_BYLINE_WORDS and "\n" in text:
        positions.update(range(tail.start("tail"), tail.end("tail")))
    return positions


def _enumerations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names listed together share a type: "ở Aghdere, Khojavend, Fizuli và Gubadli"."""
    result = list(mentions)
    for _ in range(2):  # a type travels both ways along a list
        for index, mention in enumerate(result):
            if mention.type:
                continue
            for other in (result[index - 1] if index else None, result[index + 1] if index + 1 < len(result) else None):
                if other is None or not other.type or other.type == "ORG":
                    continue
                gap = text[other.end : mention.start] if other.end <= mention.start else text[mention.end : other.start]
                if gap in (", ", " và ", ", và "):
                    result[index] = Mention(mention.start, mention.end, mention.text, other.type, (), mention.cue)
                    break
    return [m for m in result if m.type]


# --- unknown names -------------------------------------------------------------------------------


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _capitalised_runs(text: str, tokens: list[tuple[int, int, str]], covered: set[int]) -> list[list[int]]:
    """Runs of capitalised tokens (with name particles inside), separated by single spaces only."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, (start, _end, token) in enumerate(tokens):
        capital = token[0].isupper() and start not in covered
        if not capital and not current:
            continue  # most words: lower case, no run open
        particle = token.lower().rstrip("-") in _CONNECTORS or token.lower().startswith("al-")
        joined = bool(current) and text[tokens[current[-1]][1] : start] == " "
        if capital and (joined or not current) or particle and current and joined and not token[0].isupper():
            current.append(index)
        else:
            if current:
                runs.append(current)
            current = [index] if capital else []
    if current:
        runs.append(current)
    return [run for run in runs if tokens[run[-1]][2][0].isupper()]


def _unknown(text: str, known: list[Mention], sentence_starts: set[int], base: ActorBase) -> list[Mention]:
    covered = {i for m in known for i in range(m.start, m.end)}
    for title in _context().title_pattern.finditer(text):
        covered.update(range(title.start(), title.end()))  # "Tổng thư ký", "Đại sứ" are no part of a name
    tokens = _tokens(text)
    lower_words = {token for _, _, token in tokens if token.islower()}
    known_ids = {entry.id for m in known for entry in m.candidates}
    known_orgs = {m.start for m in known if m.type == "ORG"}
    mentions = []
    for run in _capitalised_runs(text, tokens, covered):
        mention = _type_run(text, tokens, run, sentence_starts, lower_words, base, known_ids, covered, known_orgs)
        if mention:
            mentions.append(mention)
    return mentions


def _type_run(text, tokens, run, sentence_starts, lower_words, base, known_ids, covered, known_orgs) -> Mention | None:
    context = _context()
    run = _strip_titles(text, tokens, run, context)
    while run and tokens[run[0]][2].lower() in context.before:
        run = run[1:]  # "Ông Imanov": the cue is not part of the name
    if run and _sentence_initial(text, tokens[run[0]][0], sentence_starts):
        while run and tokens[run[0]][2].lower() in lower_words:
            run = run[1:]  # "Trong", "Các" opening a sentence are words, not names
    if not run:
        return None
    line_start = text.rfind("\n", 0, tokens[run[0]][0]) + 1
    line_end = text.find("\n", tokens[run[0]][0])
    if text[line_start : line_end if line_end >= 0 else len(text)].isupper():
        return None  # a headline in capitals: only names of the base are found in it
    head = next((h for h in context.heads if text.startswith(h + " ", tokens[run[0]][0])), None)
    if head:
        return _headed_name(text, tokens, run[0], head, context, covered, base, known_orgs)
    lower_head = next((h for h in context.heads if h.islower() and text.endswith(h + " ", 0, tokens[run[0]][0])), None)
    if lower_head and run[0] > 0:
        return _headed_name(text, tokens, run[0] - 1, lower_head, context, covered, base, known_orgs)
    start, end = tokens[run[0]][0], tokens[run[-1]][1]
    written = text[start:end]
    if written in context.skip or (_ACRONYM.match(written) and text[end : end + 2][:1] == "-") or _ROMAN.match(written):
        return None  # "USD"; "SA-5", "FA-50" are model names; "II" a number
    if len(run) == 1 and written.lower() in lower_words and not _sentence_initial(text, start, sentence_starts):
        return None  # "Nhà" where the article also writes "nhà": a word, not a name
    if written.isupper() and len(run) > 1 and not _ACRONYM.match(written):
        return None  # a line in capitals (a shouted headline), not a name
    cue, cue_type = _cue_before(text, start, context)
    misspelt = _misspelling(written, base, known_ids)
    if misspelt:
        return Mention(start, end, written, misspelt.type, (misspelt,), cue)
    return Mention(start, end, written, cue_type or _shape_type(written) or "", (), cue)


def _headed_name(
    text, tokens, first: int, head: str, context: Context, covered: set[int], base, known_orgs: set[int] = frozenset()
) -> Mention | None:
    """A name that opens with a head ("Bộ Y tế", "Cơ quan vũ trụ Nhật Bản Jaxa", "Cộng hòa Nhân dân Donetsk").

    After the head the name goes on through capitalised words, numbers and names of the base, and through
    lower-case syllables only where a capitalised word follows within two tokens or one just preceded them.
    """
    head_end = tokens[first][0] + len(head)
    index = next(i for i in range(first, len(tokens)) if tokens[i][1] >= head_end) + 1
    last = None
    previous_capital = False
    first_after_head = index
    named = False
    while index < len(tokens):
        start, end, token = tokens[index]
        if text[tokens[index - 1][1] : start] != " " or start in known_orgs:
            break  # a known organisation's own name is not swallowed ("Tổ chức cực đoan Nhà nước Hồi giáo")
        number = token[0].isdigit() and index == first_after_head  # "Lữ đoàn 36 ...", not "... hôm 24-10"
        capital = token[0].isupper() or number or start in covered
        ahead = any(t[2][0].isupper() for t in tokens[index + 1 : index + 3]) and not _function_word(token)
        if not (capital or (previous_capital and not _function_word(token)) or ahead):
            break
        own_capital = capital and start not in covered  # a syllable of this name, not of a known name inside
        last, previous_capital = index, own_capital
        named = named or capital
        index += 1
    if last is None or not named:
        return None  # "Tổ chức cực đoan ...": a description, not a name
    start, end = tokens[first][0], tokens[last][1]
    written = text[start:end]
    country = _country_inside(written, base)
    return Mention(start, end, written, context.heads[head], (), None, country)


def _function_word(token: str) -> bool:
    from .cues import load_cues

    return token.lower() in load_cues().function_words


def _country_inside(written: str, base: ActorBase) -> str | None:
    """The country a name names in its own words ("Cơ quan vũ trụ Nhật Bản Jaxa" → JPN)."""
    country = None
    for mention in _known(written, base):
        gpe = next((e for e in mention.candidates if e.type == "GPE" and e.country), None)
        country = gpe.country if gpe else country
    return country


def _misspelling(written: str, base: ActorBase, known_ids: set[str]) -> Entry | None:
    """A known actor this name misspells: very close, or close and named rightly elsewhere in the article."""
    for entry, score in fuzzy_lookup(written, base, limit=3):
        if score >= FUZZY_STRICT or entry.id in known_ids:
            return entry
    return None


def _strip_titles(text, tokens, run, context: Context) -> list[int]:
    """Drop titles inside a run: "Tổng thống Ilham Aliyev" → "Ilham Aliyev"."""
    while run:
        start = tokens[run[0]][0]
        title_match = context.title_pattern.match(text, start, tokens[run[-1]][1])
        title = title_match.group() if title_match and text[title_match.end() : title_match.end() + 1] == " " else None
        if not title:
            break
        title_end = start + len(title)
        run = [i for i in run if tokens[i][0] > title_end]
    return run


def _sentence_initial(text: str, start: int, sentence_starts: set[int]) -> bool:
    prefix = text[max(0, start - 3) : start]
    return start in sentence_starts or prefix.endswith(("“", '"', "\n", ": ", "(")) or start == 0


def _cue_before(text: str, start: int, context: Context) -> tuple[str | None, str | None]:
    window = text[max(0, start - 24) : start].rstrip()
    lowered = window.lower()
    for cue in context.before_longest_first:
        if lowered.endswith(cue) and (len(lowered) == len(cue) or not lowered[-len(cue) - 1].isalpha()):
            return window[-len(cue) :], context.before[cue]
    title = context.title_at_end.search(window)
    return (title.group(), "PER") if title else (None, None)


def _shape_type(written: str) -> str | None:
    """Without a cue: an acronym is an organisation, two to four capitalised words a person."""
    if _ACRONYM.match(written):
        return "ORG"
    words = written.split()
    if 2 <= len(words) <= 4:
        return "PER"
    return None
