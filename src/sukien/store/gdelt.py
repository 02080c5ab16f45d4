"""Events as GDELT 2.0 event rows: the 61 columns of the GDELT 2.0 Event codebook, tab-separated, no header.

One row per dyad of a folded event (eventfold.py): an event with two sources and one target is two
rows, as GDELT codes one pair of actors per row. NumMentions, NumSources and NumArticles count the
reports, outlets and articles of the event's story. What sukien does not know stays empty (AvgTone,
ethnic and religion codes, ADM codes, feature ids, coordinates the event does not give). Negated
events ("không tấn công") are left out: GDELT rows only say what happened.

Country codes: GDELT's actor country codes are CAMEO's, the same three letters as ISO 3166 alpha-3
but for a few (Romania is ROM in CAMEO, ROU in ISO; CAMEO also has regions such as AFR, EUR, MEA that
no ISO code matches, and no code for states newer than its list). GDELT's Geo_CountryCode columns are
FIPS 10-4 two-letter codes; sukien writes ISO alpha-3 there, so join on it with that in mind.
"""

from __future__ import annotations

import hashlib
from datetime import date
from functools import cache
from pathlib import Path

from .eventfold import events

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR]
    + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale"]
    + ["NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
ISO_TO_CAMEO = {"ROU": "ROM"}  # where CAMEO's country code differs from ISO 3166 alpha-3


def quad_class(cameo: str) -> int:
    """GDELT QuadClass from the CAMEO root: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def gdelt_day(event: dict) -> str:
    """YYYYMMDD: the event's date when known to the day, else the article's publication day, else padded."""
    for value in (event["date"], event["published"], event["day"]):
        if value and len(value) >= 10:
            return value[:10].replace("-", "")
    value = event["day"] or ""
    return (value.replace("-", "") + "0101")[:8] if value else ""


def fraction_date(day: str) -> str:
    """YYYY.FFFF: the year plus the share of it passed by that day, as GDELT writes it."""
    when = date(int(day[:4]), int(day[4:6]), int(day[6:8]))
    return f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}"


def _country(code: str | None) -> str:
    return ISO_TO_CAMEO.get(code, code) if code else ""


def actor_columns(actor: dict | None) -> list[str]:
    """The ten Actor columns of one actor (all empty for none)."""
    if actor is None:
        return [""] * len(_ACTOR)
    country = _country(actor["country"])
    base = country or actor["org"] or ""
    code = base + (actor["sector"] or "") if base else ""
    return [code, actor["name"], country, actor["org"] or "", "", "", "", actor["sector"] or "", "", ""]


@cache
def _is_country(name: str) -> bool:
    from ..actorbase import load_base

    return any(entry.id.startswith("country/") for entry in load_base().lookup(name))


def geo_columns(location: dict | None) -> list[str]:
    """The eight Geo columns of a location: type 1 for a country, 4 for any other place."""
    if not location:
        return [""] * len(_GEO)
    kind = "1" if _is_country(location["name"]) else "4"
    lat, lon = location.get("lat"), location.get("lon")
    coordinates = ["" if lat is None else str(lat), "" if lon is None else str(lon)]
    return [kind, location["name"], location["country"] or "", "", "", *coordinates, ""]


def rows(event: dict) -> list[list[str]]:
    """The GDELT rows of one folded event, one per (source, target) pair."""
    day = gdelt_day(event)
    cameo = event["cameo"]
    added = (event["ingested"] or "").replace("-", "").replace("T", "").replace(":", "").rstrip("Z")
    url = event["url"] or event["article_id"]
    found = []
    for i, source in enumerate(event["source"] or [None]):
        for j, target in enumerate(event["target"] or [None]):
            key = f"{event['id']}|{i}:{_name(source)}|{j}:{_name(target)}"
            number = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=7).digest(), "big")
            found.append(
                [str(number), day, day[:6], day[:4], fraction_date(day) if day else ""]
                + actor_columns(source) + actor_columns(target)
                + [str(int(event["lead"])), cameo, (cameo + "0")[:3], cameo[:2], str(quad_class(cameo))]
                + [f"{event['goldstein']:g}", str(event["num_mentions"]), str(event["num_sources"])]
                + [str(event["num_articles"]), ""]
                + geo_columns(None) + geo_columns(None) + geo_columns(event["location"])
                + [added, url]
            )  # fmt: skip
    return found


def _name(actor: dict | None) -> str:
    return "" if actor is None else actor["id"] or actor["name"]


def write(conn, path: Path) -> Path:
    """Write every asserted event of the store as GDELT rows, oldest first."""
    with path.open("w", encoding="utf-8", newline="") as file:
        for event in events(conn, newest_first=False):
            if event["negated"]:
                continue
            for row in rows(event):
                file.write("\t".join(value.replace("\t", " ").replace("\n", " ") for value in row) + "\n")
    return path
