"""A stored article as text for `sukien article`: header, text, then entities, quotes, events, related."""

from __future__ import annotations

from collections import Counter


def _actors(actors: list[dict]) -> str:
    return " + ".join(a["name"] for a in actors) or "–"


def article_text(record: dict) -> str:
    """The article and what was found in it, for reading in a terminal."""
    meta = [record["published"], record["outlet"], record.get("url") or record["input"]["path"]]
    lines = [
        f"{record['title'] or '(no title)'}  [{record['id']}]",
        " · ".join(str(v) for v in meta if v),
        f"story {record['story_id']}",
        "",
        record["text"],
        "",
    ]
    names = Counter(e["actor"]["name"] for e in record["entities"])
    lines.append(f"entities ({len(record['entities'])}): " + ", ".join(f"{n} ×{c}" for n, c in names.most_common()))
    lines.append(f"quotes ({len(record['quotes'])}):")
    for quote in record["quotes"]:
        speaker = (quote["speaker"] or {}).get("name") or quote["speaker_text"] or "?"
        lines.append(f"  {speaker}: “{quote['text']}”")
    lines.append(f"events ({len(record['events'])}):")
    for event in record["events"]:
        flags = " (negated)" if event["negated"] else ""
        lines.append(
            f"  {event['date'] or '?'}  {event['type']}{flags}  {_actors(event['source'])} → {_actors(event['target'])}"
            f"  [CAMEO {event['cameo']}, {event['modality']}]"
        )
    if record.get("related"):
        lines.append("related:")
        for other in record["related"]:
            shared = ", ".join(other["shared_actors"][:4])
            lines.append(f"  {other['id']}  {other['title'] or '(no title)'}" + (f"  ({shared})" if shared else ""))
    return "\n".join(lines)
