"""The actor base: who is who, loaded once from the data files under `sukien/data/actors/`.

Countries, places, organisations and people become `Entry` rows; every written form of their
names goes into one index (keyed on `match_key`: tone marks in one place, lower case). Institutions
("Bộ Quốc phòng" + "Nga") are composed by rule with every country form. Terms of office
(`roles.tsv`) say who held a title on a day.
"""

from __future__ import annotations

import glob
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files

from rapidfuzz import fuzz, process

from .cues import data_rows
from .models import Actor
from .normalize import canonical


@lru_cache(maxsize=16384)
def match_key(text: str) -> str:
    """The form names are matched in: canonical tone marks, lower case, same length as `text`."""
    return canonical(text).lower()


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the base, with the entity type its names are written as."""

    id: str
    name: str
    type: str  # PER ORG GPE LOC
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    metonym: bool = False  # a place that stands for its state's government ("Washington từ chối")

    def actor(self) -> Actor:
        """This entry as the Actor record of OUTPUT.md."""
        return Actor(self.id, self.name, self.country, self.org, self.sector, self.wikidata)


@dataclass(frozen=True, slots=True)
class Name:
    """A written form of an actor's name, and how strictly it must be matched."""

    surface: str
    entry: Entry
    needs_antecedent: bool = False  # "~Tập": only after a full mention in the same article
    short_form: bool = False  # "Ấn", "Hàn": only joined to another country ("Nga - Ấn")


@dataclass(frozen=True, slots=True)
class Role:
    """A term of office: `person` held `title` of `of` from `start` to `end` (None: still holds it)."""

    person: str
    title: str
    of: str
    start: str
    end: str | None


@dataclass
class ActorBase:
    """All actors, indexed by every written form of their names."""

    entries: dict[str, Entry] = field(default_factory=dict)
    names: dict[str, list[Name]] = field(default_factory=lambda: defaultdict(list))
    roles: list[Role] = field(default_factory=list)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)  # title → (role key, sector)
    institutions: dict[str, str] = field(default_factory=dict)  # head → sector

    def add(self, entry: Entry, surfaces: list[str]) -> None:
        """Register an entry under its name and other written forms.

        A form that is a generic noun before another form of the same actor ("Đài NHK", "vùng Donbass") is
        left out, so the mention is the bare name; "Đài Loan" and "Liên minh châu Âu" stay whole.
        """
        self.entries[entry.id] = entry
        forms = [s.strip() for s in dict.fromkeys([entry.name, *surfaces]) if s.strip()]
        keys = {match_key(form.lstrip("~")) for form in forms}
        for surface in forms:
            if _generic_before_own_name(surface, keys):
                continue
            needs_antecedent = surface.startswith("~")
            surface = surface.lstrip("~")
            self.names[match_key(surface)].append(Name(surface, entry, needs_antecedent=needs_antecedent))

    _buckets: dict[tuple[str, int], list[str]] = field(default_factory=dict, repr=False)
    _names_by_entry: dict[str, list[Name]] = field(default_factory=dict, repr=False)
    former_states: set[str] = field(default_factory=set)
    _roles_by_person: dict[str, list[Role]] = field(default_factory=dict, repr=False)

    def similar_keys(self, key: str) -> list[str]:
        """Name keys that could be a misspelling of `key`: same first letter, about the same length."""
        if not self._buckets:
            for name_key in self.names:
                self._buckets.setdefault((name_key[:1], len(name_key)), []).append(name_key)
        return [k for size in range(len(key) - 2, len(key) + 3) for k in self._buckets.get((key[:1], size), [])]

    def names_of(self, entry_id: str) -> list[Name]:
        """Every written form of one actor."""
        if not self._names_by_entry:
            for names in self.names.values():
                for name in names:
                    self._names_by_entry.setdefault(name.entry.id, []).append(name)
        return self._names_by_entry.get(entry_id, [])

    def country(self, iso3: str | None) -> Entry | None:
        """The entry of a state by its ISO 3166-1 alpha-3 code, if the base has it."""
        return self.entries.get(f"country/{iso3}") if iso3 else None

    def lookup(self, text: str) -> list[Entry]:
        """Entries a written name may refer to, in base order."""
        return list(dict.fromkeys(name.entry for name in self.names.get(match_key(text), [])))

    def roles_of(self, person_id: str) -> list[Role]:
        """The terms of office a person held."""
        if not self._roles_by_person:
            for role in self.roles:
                self._roles_by_person.setdefault(role.person, []).append(role)
        return self._roles_by_person.get(person_id, [])

    def role_key(self, title: str) -> str:
        """The office a title names: "Ngoại trưởng" and "Bộ trưởng Ngoại giao" are both foreign_minister."""
        known = self.titles.get(title) or self.titles.get(title[:1].upper() + title[1:])
        return known[0] if known else match_key(title)

    def holders(self, title: str, of: str, on: str | None) -> list[Entry]:
        """Who held a title of a state or organisation on a day (ISO date; None: anyone who ever did)."""
        key = self.role_key(title)
        found = []
        for role in self.roles:
            if role.of == of and self.role_key(role.title) == key and in_term(role, on) and role.person in self.entries:
                found.append(self.entries[role.person])
        return list(dict.fromkeys(found))


@cache
def generic_nouns() -> tuple[str, ...]:
    """Common nouns that stand before a name but are never part of it ("báo", "Đài", "khối", "vùng")."""
    rows = data_rows("cues/entity_context.tsv")
    return tuple(dict.fromkeys(row["cue"].strip().lower() for row in rows if row["where"] == "generic"))


def _generic_before_own_name(surface: str, own_keys: set[str]) -> bool:
    lowered = surface.lower()
    return any(
        lowered.startswith(noun + " ") and match_key(surface[len(noun) + 1 :]) in own_keys for noun in generic_nouns()
    )


def affiliation(entry: Entry, base: ActorBase, *, title: str | None, on: str | None) -> tuple[str | None, str | None]:
    """(country, org) a person acts for: the office the title beside names, else the one held that day.

    Someone who acts for an organisation (Guterres for the UN, Adnani for ISIS) has its code and no country;
    a person's offices decide between them (Rasmussen: Danish prime minister, later NATO's secretary-general).
    """
    roles = base.roles_of(entry.id)
    if title:
        key = base.role_key(title)
        titled = [r for r in roles if base.role_key(r.title) == key]
        roles = titled or roles
    current = [r for r in roles if in_term(r, on)] if on else (roles if title else [])
    if current:
        return _split_code(current[-1].of)
    if entry.org:
        return None, entry.org
    return entry.country, None


def _split_code(code: str) -> tuple[str | None, str | None]:
    """An ISO3 country code, or an organisation code."""
    if len(code) == 3 and code.isupper() and code.isalpha() and code not in _ORG_CODES_OF_THREE:
        return code, None
    return None, code


# Organisation codes that look like country codes.
_ORG_CODES_OF_THREE = {"WHO", "IMF", "WTO", "SCO", "UNSC", "ICC", "ICJ", "CIS"}


def in_term(role: Role, on: str | None) -> bool:
    """Whether a term of office covers a day (ISO date; None: any day)."""
    if on is None:
        return True
    day = on[:10]
    # a term given as "2018" or "2018-04" covers the whole year or month it names
    return role.start[: len(day)] <= day and (role.end is None or day[: len(role.end)] <= role.end)


def _cells(row: dict[str, str], column: str) -> list[str]:
    return [cell.strip() for cell in (row.get(column) or "").split("|") if cell.strip()]


def _value(row: dict[str, str], column: str) -> str | None:
    return (row.get(column) or "").strip() or None


def _country(row: dict[str, str], base: ActorBase) -> str | None:
    """A row's country, none for a state that no longer exists ("Hồng quân Liên Xô")."""
    code = _value(row, "country")
    return None if code in base.former_states else code


def _actor_files(stem: str) -> list[str]:
    """`people.tsv` and its parts (`people_*.tsv`), as names under `data/`."""
    folder = files("sukien").joinpath("data", "actors")
    paths = sorted(glob.glob(str(folder.joinpath(f"{stem}*.tsv"))))
    return ["actors/" + path.rsplit("/", 1)[-1] for path in paths]


def _load_countries(base: ActorBase) -> None:
    for row in data_rows("actors/countries.tsv"):
        iso3 = row["iso3"].strip()
        current = None if (row.get("former") or "").strip() == "yes" else iso3
        if current is None:
            base.former_states.add(iso3)
        entry = Entry(f"country/{iso3}", row["name"].strip(), "GPE", current, None, "GOV", _value(row, "wikidata"))
        base.add(entry, _cells(row, "aliases"))
        for short in _cells(row, "demonyms"):
            base.names[match_key(short)].append(Name(short, entry, short_form=True))


def _load_places(base: ActorBase) -> None:
    for row in data_rows("actors/places.tsv"):
        entry = Entry(
            row["id"].strip(),
            row["name"].strip(),
            row["type"].strip() or "LOC",
            _country(row, base),
            None,
            "GOV" if row.get("metonym", "").strip() == "yes" else None,
            _value(row, "wikidata"),
            metonym=row.get("metonym", "").strip() == "yes",
        )
        base.add(entry, _cells(row, "aliases"))


def _load_organisations(base: ActorBase) -> None:
    for row in data_rows("actors/organisations.tsv"):
        entry = Entry(
            row["id"].strip(),
            row["name"].strip(),
            "ORG",
            _country(row, base),
            _value(row, "org"),
            _value(row, "sector"),
            _value(row, "wikidata"),
        )
        base.add(entry, _cells(row, "aliases"))


def _load_people(base: ActorBase) -> None:
    for name in _actor_files("people"):
        for row in data_rows(name):
            entry = Entry(
                row["id"].strip(),
                row["name"].strip(),
                "PER",
                _country(row, base),
                _value(row, "org"),
                _value(row, "sector"),
                _value(row, "wikidata"),
            )
            base.add(entry, _cells(row, "aliases"))
    for name in _actor_files("roles"):
        for row in data_rows(name):
            base.roles.append(
                Role(
                    row["person"].strip(),
                    row["title"].strip(),
                    row["of"].strip(),
                    row["start"].strip(),
                    _value(row, "end"),
                )
            )


def _load_institutions(base: ActorBase) -> None:
    """Heads like "Bộ Quốc phòng": recognition joins them with the country name that follows."""
    for row in data_rows("actors/institutions.tsv"):
        base.institutions[row["head"].strip()] = row["sector"].strip()


def institution(head: str, country: Entry) -> Entry:
    """The ORG a head forms with a country mention: "Bộ Quốc phòng" + Nga → "Bộ Quốc phòng Nga" (RUS)."""
    return _institution(head, country.country or "", country.name, load_base().institutions.get(head))


@lru_cache(maxsize=8192)
def _institution(head: str, iso3: str, country_name: str, sector: str | None) -> Entry:
    slug = match_key(head).replace(" ", "-")
    return Entry(f"institution/{iso3}/{slug}", f"{head} {country_name}", "ORG", iso3 or None, None, sector)


@cache
def load_base() -> ActorBase:
    """Read every actor file once; later calls return the same base."""
    base = ActorBase()
    _load_countries(base)
    _load_places(base)
    _load_organisations(base)
    _load_people(base)
    for row in data_rows("actors/titles.tsv"):
        base.titles[row["title"].strip()] = (row["role"].strip(), row["sector"].strip())
    _load_institutions(base)
    return base


def search_actors(query: str, *, limit: int = 5) -> list[Entry]:
    """Actors a name refers to: exact written forms first, then close spellings ("Lukashenco")."""
    base = load_base()
    exact = base.lookup(query)
    if exact:
        return exact[:limit]
    return [entry for entry, _score in fuzzy_lookup(query, base, limit=limit)]


def describe(entry: Entry) -> dict:
    """An actor with every name it is written under and its terms of office, for display."""
    base = load_base()
    names = sorted({n.surface for names in base.names.values() for n in names if n.entry.id == entry.id} - {entry.name})
    roles = [{"title": r.title, "of": r.of, "start": r.start, "end": r.end} for r in base.roles_of(entry.id)]
    return {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "country": entry.country,
        "org": entry.org,
        "sector": entry.sector,
        "wikidata": entry.wikidata,
        "names": names,
        "roles": roles,
    }


# Misspellings are linked only when this close ("Washignton" → Washington scores 90)...
FUZZY_STRICT = 90.0
# ...or this close when the same article names the actor in its right spelling too ("Ukriane").
FUZZY_SUPPORTED = 84.0
# Names shorter than this are never matched loosely: too many short words look alike.
FUZZY_MIN_LENGTH = 5


def fuzzy_lookup(
    text: str, base: ActorBase, *, limit: int = 1, cutoff: float = FUZZY_SUPPORTED
) -> list[tuple[Entry, float]]:
    """Entries whose names are spelled close to `text`, best first, with their similarity (0-100)."""
    key = match_key(text)
    if len(key) < FUZZY_MIN_LENGTH:
        return []
    found = process.extract(key, base.similar_keys(key), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 3)
    results: list[tuple[Entry, float]] = []
    for name_key, score, _ in found:
        for entry in dict.fromkeys(n.entry for n in base.names[name_key] if not n.short_form):
            if entry not in (e for e, _ in results):
                results.append((entry, score))
    return results[:limit]
