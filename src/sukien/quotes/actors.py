"""From speaker phrases to actors: whom a name, a pronoun or a description stands for.

- a person's name: the linked entity's actor (an unknown name takes the country or organisation of the
  description beside it: "Ông Trương Minh, tổng thư ký của SCO");
- a pronoun or anaphoric description ("Ông", "quan chức này", a bare title "Ngoại trưởng"): the person the text
  is about, i.e. the subject of the same sentence if it opens with one, else, looking back up to three
  sentences, the speaker of a quote in that sentence or its subject (a role such as "Ngoại trưởng Mỹ" counts), or
  the first person it names; "cơ quan này" and "nước này" go to the last organisation or country named;
- a description without a name ("Người phát ngôn của Bộ Ngoại giao Mỹ", "Tổng thống Nga"): the organisation
  named inside it; else the holder of the title on the publication date when the actor base knows exactly one
  (or one the article names; with no date only a sole or named holder counts); else an actor with id None, the
  description as its name and the country named in it;
- an organisation or country ("IDF thông báo", "Nga tuyên bố"): its actor; an unknown capitalised name, or a
  person named like a place ("Oxford nói"): an actor with id None.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..actorbase import affiliation
from ..models import Actor
from .phrases import Anchor, Chunk, Passage

# Pronouns look this many sentences back for the person they stand for.
_LOOK_BACK = 3


class ResolvingPassage(Passage):
    """A passage that can tell which actor a speaker phrase names."""

    def actor(self, chunk: Chunk, *, phrase: tuple[int, int] | None = None, depth: int = 0) -> Actor | None:
        """The actor a speaker phrase names (see the module's rules)."""
        person = chunk.first("PER")
        if person:
            actor = person.entity.actor
            if actor.id is None and actor.country is None and actor.org is None:
                for anchor in chunk.anchors:
                    if anchor.kind in ("ORG", "GPE") and (anchor.entity.actor.country or anchor.entity.actor.org):
                        return replace(actor, country=anchor.entity.actor.country, org=anchor.entity.actor.org)
            return actor
        pronoun = chunk.pronoun
        if pronoun is not None:
            return self.antecedent(pronoun.value, chunk.start, depth=depth)
        head = chunk.first("title", "role")
        if head is not None:
            return self.described(chunk, head, phrase, depth)
        body = chunk.first("ORG", "GPE")
        if body is not None:
            return body.entity.actor
        name = chunk.first("cap", "LOC")
        if name is not None:  # an unknown name ("Ba nói"), or a person named like a place ("Oxford nói")
            place = chunk.first("GPE")
            country = place.entity.actor.country if place else None
            return Actor(None, self.text[name.start : name.end], country)
        return None

    def described(self, chunk: Chunk, head: Anchor, phrase: tuple[int, int] | None, depth: int = 0) -> Actor:
        """A description without a name: its organisation, the title's holder, or the description itself."""
        after = [a for a in chunk.anchors if a.start >= head.end]
        body = next((a for a in after if a.kind == "ORG"), None)
        if body is not None:
            return body.entity.actor
        place = next((a for a in after if a.kind == "GPE"), None)
        country = place.entity.actor.country if place else None
        org = place.entity.actor.org if place else None
        if place is None and head.kind == "title" and chunk.anchors[-1] is head and phrase is None:
            # "Ngoại trưởng đánh giá...", "Tân Giáo hoàng cho hay": the holder the article is about
            found = self.antecedent("PER", chunk.start, depth=depth)
            if found is not None:
                return found
        titles = [head.key] if head.kind == "title" else []
        _, value = self.cues.word_kinds.get(head.key.casefold(), ("", head.value))
        titles += [t for t in value.split("|") if t]  # "Nhà lãnh đạo" + Nga: Tổng thống, then Tổng Bí thư...
        sector = None
        if head.kind == "title":
            sector = self.base.titles.get(head.key, (None, None))[1] or None
            # "Người phát ngôn" + "Điện Kremlin": the longer title names the office
            nxt = next((a for a in after if a.kind in ("title", "GPE")), None)
            if nxt is not None and nxt.start == head.end + 1:
                longer = self.text[head.start : nxt.end]
                if longer in self.base.titles:
                    titles.insert(0, longer)
        if country and titles:
            holder = self.holder(titles, country)
            if holder is not None:
                return holder
        if phrase is not None:
            name = self.text[phrase[0] : phrase[1]]
        else:
            name = self.text[chunk.start : max(chunk.text_end, chunk.end)]
        return Actor(None, " ".join(name.split()), country, org, sector)

    def holder(self, titles: list[str], country: str) -> Actor | None:
        """Who held one of the titles of `country` on the publication date (a named one first)."""
        for title in titles:
            people = self.base.holders(title, country, self.published)
            if not people:
                continue
            named = [p for p in people if p.id in self.ids]
            if named or len(people) == 1:
                entry = (named or people)[0]
                found_country, org = affiliation(entry, self.base, title=title, on=self.published)
                return replace(entry.actor(), country=found_country, org=org)
            return None
        return None

    def antecedent(self, kind: str, pos: int, *, depth: int = 0) -> Actor | None:
        """What a pronoun at `pos` stands for."""
        index = self.sentence_at(pos)
        if kind != "PER":
            for entity in reversed(self.entity_list[: bisect.bisect_left(self.entity_starts, pos)]):
                if self.sentence_at(entity.start) < index - _LOOK_BACK:
                    break
                if entity.type == kind or (kind == "GPE" and entity.type == "ORG" and entity.actor.country):
                    if kind == "GPE" and entity.type == "ORG":
                        country = self.base.country(entity.actor.country)
                        return country.actor() if country else entity.actor
                    return entity.actor
            return None
        if depth > 3:
            return None
        subject = self.subject_of(index)
        if subject is not None and subject.end <= pos and subject.start != pos and subject.person_like:
            actor = self.actor(subject, depth=depth + 1)
            if actor is not None:
                return actor
        for back in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
            sentence = self.sentences[back]
            said = [
                self.resolved[k]
                for k, span in enumerate(self.spans)
                if k in self.resolved and sentence.start <= span.close < sentence.end + 1
            ]
            if said:
                return said[-1][0]
            subject = self.subject_of(back)
            if subject is not None and subject.person_like:
                actor = self.actor(subject, depth=depth + 1)
                if actor is not None:
                    return actor
            for anchor in self.anchors(sentence.start, sentence.end):
                if anchor.kind == "PER":
                    return anchor.entity.actor
        return None
