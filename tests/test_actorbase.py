"""The actor base holds together: codes exist, terms are ordered, names that collide have a rule."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from click.testing import CliRunner

from sukien.actorbase import load_base, search_actors
from sukien.cli import main
from sukien.cues import data_rows

# Offices one person holds at a time in a state: their terms must not overlap.
SINGLE_HOLDER = {"president", "prime_minister", "foreign_minister", "defence_minister"}


@pytest.fixture(scope="module")
def base():
    return load_base()


@pytest.fixture(scope="module")
def codes() -> tuple[set[str], set[str]]:
    countries = {row["iso3"] for row in data_rows("actors/countries.tsv")}
    orgs = {row["code"] for row in data_rows("actors/org_codes.tsv")}
    return countries, orgs


def test_every_iso_country_is_there_with_a_vietnamese_name(base) -> None:
    countries = [e for e in base.entries.values() if e.id.startswith("country/") and e.country]
    assert len(countries) >= 249
    assert all(e.name for e in countries)
    assert base.lookup("Hoa Kỳ")[0].country == base.lookup("Mỹ")[0].country == "USA"
    assert base.lookup("Ukraina")[0].country == base.lookup("Ukraine")[0].country == "UKR"


def test_the_base_has_at_least_a_thousand_people_with_terms(base) -> None:
    people = [e for e in base.entries.values() if e.type == "PER"]
    assert len(people) >= 1000
    assert len({role.person for role in base.roles}) >= 1000


def test_every_code_exists(base, codes) -> None:
    countries, orgs = codes
    for entry in base.entries.values():
        assert entry.country is None or entry.country in countries, entry
        assert entry.org is None or entry.org in orgs, entry
    for role in base.roles:
        assert role.of in countries or role.of in orgs, role
        assert role.person in base.entries, role


def test_wikidata_ids_are_well_formed(base) -> None:
    assert all(e.wikidata is None or re.fullmatch(r"Q[1-9]\d*", e.wikidata) for e in base.entries.values())


def test_terms_are_ordered(base) -> None:
    for role in base.roles:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", role.start), role
        assert role.end is None or role.start <= role.end, role


def test_single_holder_offices_do_not_overlap(base) -> None:
    terms = defaultdict(list)
    for role in base.roles:
        key = base.role_key(role.title)
        if key in SINGLE_HOLDER:
            terms[(key, role.of)].append(role)
    for (key, of), held in terms.items():
        held.sort(key=lambda r: r.start)
        for earlier, later in zip(held, held[1:], strict=False):
            # a term known to the month may end in the month the next starts
            assert earlier.end is not None and earlier.end[:7] <= later.start[:7], (key, of, earlier, later)


def test_names_shared_by_two_actors_have_a_rule_that_tells_them_apart(base) -> None:
    for key, names in base.names.items():
        entries = {name.entry.id: name.entry for name in names}
        if len(entries) < 2:
            continue
        kinds = [e.type for e in entries.values()]
        # people are told apart by the title beside them, the date, and the countries the article names;
        # a person and a place or body by a person's title or "ông"/"bà" before the name
        assert kinds.count("PER") >= len(kinds) - 1, (key, list(entries))


def test_lookup_finds_spelling_variants() -> None:
    assert search_actors("Lukashenco")[0].name == "Alexander Lukashenko"
    assert search_actors("Washignton")[0].country == "USA"


def test_actors_command_shows_names_roles_and_terms() -> None:
    result = CliRunner().invoke(main, ["actors", "Lukashenco"])
    assert result.exit_code == 0, result.output
    assert "Alexander Lukashenko" in result.output and "BLR" in result.output
    assert "Tổng thống (BLR) 1994-07-20" in result.output
    assert CliRunner().invoke(main, ["actors", "Không có ai tên này"]).exit_code == 1
