"""Unknown proper names: runs of capitalised words outside known mentions, typed from their context.

Titles and sentence-initial common words are stripped from a run; it is typed by the cue before it or the
head it opens with (data: `cues/entity_context.tsv`), or found to be a misspelling of a known name.
"""

from __future__ import annotations

import re

from .actorbase import FUZZY_STRICT, ActorBase, Entry, fuzzy_lookup
from .namecontext import Context, Mention, cue_context, title_spans

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+[\w-]*")
# Lower-case particles inside foreign names: "Bashar al-Assad", "Bandar bin Sultan".
_CONNECTORS = {"al", "al-", "bin", "ibn", "de", "van", "von", "der", "la", "le", "da", "dos", "el", "di", "du"}
_ACRONYM = re.compile(r"^[A-ZĐ]{2,6}$")
_ROMAN = re.compile(r"^[IVXLC]+$")


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


def find_unknown(text: str, known: list[Mention], sentence_starts: set[int], base: ActorBase) -> list[Mention]:
    """Capitalised names outside the known mentions and titles, typed from their context."""
    covered = {i for m in known for i in range(m.start, m.end)}
    for start, end in title_spans(text):
        covered.update(range(start, end))  # "Tổng thư ký", "Đại sứ" are no part of a name
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
    context = cue_context()
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
    from .recognition import known_mentions  # here: recognition imports this module

    country = None
    for mention in known_mentions(written, base):
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
