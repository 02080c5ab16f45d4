"""Scoring predictions against gold (GOLD.md): exact scores on small hand-made records."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from sukien.evaluation import Report, check_minimums, evaluate, load_jsonl, render_table

SCORE_NAMES = [
    "cleaning.precision",
    "cleaning.recall",
    "cleaning.f1",
    "split.accuracy",
    "titles.accuracy",
    "entities.precision",
    "entities.recall",
    "entities.f1",
    "linking.accuracy",
    "quotes.accuracy",
    "events.precision",
    "events.recall",
    "events.f1",
    "dyads.precision",
    "dyads.recall",
    "dyads.f1",
    "events_untargeted.precision",
    "events_untargeted.recall",
    "events_untargeted.f1",
    "dates.accuracy",
]
ORGS = {"UN", "NATO", "EU", "ISIS", "SCO"}

# --- a small article, described once; gold and prediction records are built from the description ---

DOC = "000_belarus_my.txt"
TITLE = "Belarus bác yêu cầu của Mỹ sau cuộc điện đàm"
BODY = [
    "Tổng thống Belarus Alexander Lukashenko điện đàm với Ngoại trưởng Mỹ Mike Pompeo hôm 24-10.",
    "Ông Pompeo yêu cầu Minsk trả tự do ngay cho một công dân Mỹ đang bị giam giữ.",
    "Ông Lukashenko nói: “Belarus sẽ không nhượng bộ trước sức ép từ bên ngoài”.",
    "Cùng ngày, Bộ Ngoại giao Nga lên án các lệnh trừng phạt mới của phương Tây.",
]
# (text, type, country, org)
ENTITIES = [
    ("Belarus", "GPE", "BLR", None),
    ("Alexander Lukashenko", "PER", "BLR", None),
    ("Mỹ", "GPE", "USA", None),
    ("Mike Pompeo", "PER", "USA", None),
    ("Pompeo", "PER", "USA", None),
    ("Minsk", "GPE", "BLR", None),
    ("Lukashenko", "PER", "BLR", None),
    ("Bộ Ngoại giao Nga", "ORG", "RUS", None),
    ("phương Tây", "GPE", None, None),
]
QUOTE = "Belarus sẽ không nhượng bộ trước sức ép từ bên ngoài"
# (text, speaker name, country, org)
QUOTES = [(QUOTE, "Alexander Lukashenko", "BLR", None)]
# (type, sources, targets, date, negated)
EVENTS = [
    ("CONSULT", ["BLR"], ["USA"], "2020-10-24", False),
    ("REQUEST", ["USA"], ["BLR"], None, False),
    ("ACCUSE", ["RUS"], [], "2020-10-24", False),
]

# A second story bundled on the same page.
TITLE_B = "Anh và Canada áp đặt trừng phạt với Belarus"
BODY_B = [
    "Anh và Canada hôm 29-9 áp đặt lệnh trừng phạt với Tổng thống Belarus Alexander Lukashenko.",
    "Hai nước cáo buộc Minsk đàn áp người biểu tình sau cuộc bầu cử tháng 8.",
]
ENTITIES_B = [
    ("Anh", "GPE", "GBR", None),
    ("Canada", "GPE", "CAN", None),
    ("Belarus", "GPE", "BLR", None),
    ("Alexander Lukashenko", "PER", "BLR", None),
    ("Minsk", "GPE", "BLR", None),
]
EVENTS_B = [
    ("SANCTION", ["GBR", "CAN"], ["BLR"], "2020-09-29", False),
    ("ACCUSE", ["GBR", "CAN"], ["BLR"], None, False),
]
STORY_B = {"title": TITLE_B, "body": BODY_B, "entities": ENTITIES_B, "quotes": [], "events": EVENTS_B}

CLASH_BODY = ["Giao tranh giữa Azerbaijan và Armenia tiếp diễn quanh Nagorno-Karabakh hôm 23-10."]


def gold_article(title=TITLE, body=BODY, entities=ENTITIES, quotes=QUOTES, events=EVENTS):
    """A gold article (GOLD.md shape)."""
    return {
        "title": title,
        "body": list(body),
        "published": None,
        "entities": [{"text": t, "type": ty, "country": c, "org": o} for t, ty, c, o in entities],
        "quotes": [{"text": t, "speaker": {"name": n, "country": c, "org": o}} for t, n, c, o in quotes],
        "events": [
            {"type": ty, "mode": None, "source": list(s), "target": list(t), "date": d, "negated": neg}
            for ty, s, t, d, neg in events
        ],
    }


def gold_doc(doc=DOC, *articles):
    """A gold document; the base article when none is given."""
    return {"doc": doc, "articles": list(articles) or [gold_article()]}


def actor(name, country=None, org=None):
    """A predicted Actor."""
    return {"id": None, "name": name, "country": country, "org": org, "sector": None, "wikidata": None}


def party(code):
    """A predicted event party standing for a country or org code."""
    return actor(code, None if code in ORGS else code, code if code in ORGS else None)


def predicted(
    title=TITLE,
    body=BODY,
    entities=ENTITIES,
    quotes=QUOTES,
    events=EVENTS,
    *,
    doc=DOC,
    record=None,
    index=0,
):
    """A predicted article record (OUTPUT.md shape) of the document `doc` (a file) or `record`."""
    path = "/du-lieu/records.jsonl" if record else f"/du-lieu/mau/{doc}"
    return {
        "input": {"path": path, "record": record, "index": index},
        "title": title,
        "text": "\n".join(([title] if title is not None else []) + list(body)),
        "entities": [{"text": t, "type": ty, "actor": actor(t, c, o)} for t, ty, c, o in entities],
        "quotes": [{"text": t, "speaker": actor(n, c, o), "speaker_text": n} for t, n, c, o in quotes],
        "events": [
            {
                "type": ty,
                "source": [party(code) for code in s],
                "target": [party(code) for code in t],
                "date": d,
                "negated": neg,
            }
            for ty, s, t, d, neg in events
        ],
    }


def score(gold, predictions):
    """The scores of evaluating gold against predictions."""
    return evaluate(gold, predictions).scores


def triple_counts(report, name):
    """The true positives, gold and predicted counts behind a precision/recall/F1 score."""
    return report.counts[f"{name}.tp"], report.counts[f"{name}.gold"], report.counts[f"{name}.pred"]


def events_only(events, predicted_events):
    """Scores of an article whose gold and prediction differ only in their events."""
    return evaluate(
        [gold_doc(DOC, gold_article(body=CLASH_BODY, entities=[], quotes=[], events=events))],
        [predicted(body=CLASH_BODY, entities=[], quotes=[], events=predicted_events)],
    ).scores


# --- whole prediction ---------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere():
    report = evaluate([gold_doc()], [predicted()])
    assert list(report.scores) == SCORE_NAMES
    assert report.scores == dict.fromkeys(SCORE_NAMES, 1.0)
    counts = report.counts
    assert (counts["cleaning.gold"], counts["entities.gold"], counts["quotes.gold"]) == (4, 9, 1)
    # CONSULT counts both ways in dyads and both parties as sources in the untargeted view.
    assert (counts["events.gold"], counts["dyads.gold"], counts["events_untargeted.gold"]) == (3, 3, 4)
    assert counts["dates.gold"] == 2


# --- cleaning, split, titles ---------------------------------------------------------------------


def test_missing_body_line_and_extra_boilerplate():
    body = BODY[:3] + ["Theo dõi VGT trên", "Bạn thấy bài viết này có hữu ích không?"]
    report = evaluate([gold_doc()], [predicted(body=body)])
    assert report.scores["cleaning.precision"] == pytest.approx(3 / 5)
    assert report.scores["cleaning.recall"] == pytest.approx(3 / 4)
    assert report.scores["cleaning.f1"] == pytest.approx(6 / 9)
    assert triple_counts(report, "cleaning") == (3, 4, 5)


def test_lines_and_titles_compared_after_whitespace_and_nfc():
    body = ["  " + BODY[0].replace(" ", "   ") + " ", unicodedata.normalize("NFD", BODY[1]), *BODY[2:]]
    scores = score([gold_doc()], [predicted(title=f" {TITLE.replace(' ', '  ')} ", body=body)])
    assert scores["cleaning.f1"] == 1.0
    assert scores["titles.accuracy"] == 1.0


def test_first_line_is_body_when_there_is_no_title():
    gold = [gold_doc(DOC, gold_article(title=None))]
    assert score(gold, [predicted(title=None)])["cleaning.f1"] == 1.0
    assert score(gold, [predicted(title=None)])["titles.accuracy"] == 1.0
    wrong = score(gold, [predicted(title="Tin thế giới")])
    assert (wrong["titles.accuracy"], wrong["cleaning.f1"]) == (0.0, 1.0)


def test_wrong_split_count():
    gold = [gold_doc(DOC, gold_article(), gold_article(**STORY_B))]
    merged = predicted(body=BODY + BODY_B)  # both stories as one article
    report = evaluate(gold, [merged])
    assert report.scores["split.accuracy"] == 0.0
    assert report.scores["cleaning.f1"] == 1.0  # the lines are all there, only the split is wrong
    # The merged article aligns with the first story; the second contributes misses only.
    assert report.scores["titles.accuracy"] == pytest.approx(1 / 2)
    assert report.scores["events.recall"] == pytest.approx(3 / 7)  # story B: 2 events, 4 triples
    assert report.scores["events.precision"] == 1.0


def test_articles_aligned_by_shared_lines_not_order():
    gold = [gold_doc(DOC, gold_article(), gold_article(**STORY_B))]
    second_first = [predicted(index=1), predicted(**STORY_B, index=0)]
    assert score(gold, second_first) == dict.fromkeys(SCORE_NAMES, 1.0)


def test_articles_sharing_no_lines_aligned_in_input_index_order():
    gold = [gold_doc(DOC, gold_article(), gold_article(**STORY_B))]
    garbled = ["Nội dung không đọc được."]  # no line shared with either story: ties, broken by index
    first = predicted(body=garbled, index=0)
    second = predicted(**{**STORY_B, "body": garbled}, index=1)
    assert score(gold, [second, first])["titles.accuracy"] == 1.0
    assert score(gold, [second, first])["entities.f1"] == 1.0


def test_extra_predicted_article_gives_false_positives_only():
    teaser = predicted("Tin liên quan", ["| Nga tập trận ở Biển Đen |"], [("Nga", "GPE", "RUS", None)], [], [], index=1)
    report = evaluate([gold_doc()], [predicted(), teaser])
    assert report.scores["split.accuracy"] == 0.0
    assert report.scores["titles.accuracy"] == 1.0
    assert report.scores["entities.recall"] == 1.0
    assert report.scores["entities.precision"] == pytest.approx(9 / 10)
    assert report.scores["cleaning.precision"] == pytest.approx(4 / 5)


# --- entities and linking ------------------------------------------------------------------------


def test_entity_with_wrong_type():
    entities = [("Minsk", "LOC", "BLR", None) if e[0] == "Minsk" else e for e in ENTITIES]
    report = evaluate([gold_doc()], [predicted(entities=entities)])
    assert report.scores["entities.precision"] == pytest.approx(8 / 9)
    assert report.scores["entities.recall"] == pytest.approx(8 / 9)
    assert report.scores["linking.accuracy"] == 1.0
    assert report.counts["linking.found"] == 8


def test_linking_with_wrong_country():
    entities = [("Mike Pompeo", "PER", "RUS", None) if e[0] == "Mike Pompeo" else e for e in ENTITIES]
    scores = score([gold_doc()], [predicted(entities=entities)])
    assert scores["entities.f1"] == 1.0
    assert scores["linking.accuracy"] == pytest.approx(8 / 9)


def test_linking_needs_every_mention_right_and_no_link_where_gold_has_none():
    entities = [*ENTITIES, ("Mike Pompeo", "PER", "RUS", None)]  # the same name linked two ways
    assert score([gold_doc()], [predicted(entities=entities)])["linking.accuracy"] == pytest.approx(8 / 9)
    entities = [("phương Tây", "GPE", "USA", None) if e[0] == "phương Tây" else e for e in ENTITIES]
    assert score([gold_doc()], [predicted(entities=entities)])["linking.accuracy"] == pytest.approx(8 / 9)


# --- quotes --------------------------------------------------------------------------------------


def test_quote_with_wrong_speaker():
    quotes = [(QUOTE, "Vladimir Putin", "RUS", None)]
    report = evaluate([gold_doc()], [predicted(quotes=quotes)])
    assert report.scores["quotes.accuracy"] == 0.0
    assert (report.counts["quotes.correct"], report.counts["quotes.gold"]) == (0, 1)


def test_speaker_without_codes_compared_by_name_ignoring_case():
    said = "Belarus phải chấm dứt ngay việc đàn áp người biểu tình"
    gold = [gold_doc(DOC, gold_article(quotes=[(said, "phương Tây", None, None)]))]
    same_name = [(said, "Phương Tây", None, None)]
    assert score(gold, [predicted(quotes=same_name)])["quotes.accuracy"] == 1.0
    other_name = [(said, "Liên minh châu Âu", None, "EU")]
    assert score(gold, [predicted(quotes=other_name)])["quotes.accuracy"] == 0.0


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Belarus sẽ không nhượng bộ", True),  # 26 of 52 characters: exactly half
        ("Belarus sẽ không nhượng", False),  # 23 of 52
        ("Ông nói rằng Belarus sẽ không nhượng bộ trước sức ép từ bên ngoài, theo hãng tin", True),
        # Shares scattered letters and short words with the gold quote, but not half of its wording.
        ("Nga sẽ không để Belarus một mình trước sức ép của phương Tây", False),
    ],
)
def test_quote_must_overlap_half_of_the_gold_text(text, found):
    quotes = [(text, "Alexander Lukashenko", "BLR", None)]
    assert score([gold_doc()], [predicted(quotes=quotes)])["quotes.accuracy"] == (1.0 if found else 0.0)


# --- events --------------------------------------------------------------------------------------


def test_consult_is_unordered_request_is_not():
    events = [
        ("CONSULT", ["USA"], ["BLR"], "2020-10-24", False),
        ("REQUEST", ["BLR"], ["USA"], None, False),
        ("ACCUSE", ["RUS"], [], "2020-10-24", False),
    ]
    report = evaluate([gold_doc()], [predicted(events=events)])
    assert triple_counts(report, "events") == (2, 3, 3)
    assert report.scores["events.precision"] == pytest.approx(2 / 3)
    assert report.scores["events_untargeted.f1"] == pytest.approx(3 / 4)


@pytest.mark.parametrize(
    ("event_type", "unordered"),
    [("CONSULT", True), ("COOPERATE", True), ("AGREE", True), ("ASSAULT", True), ("SUPPORT", False)],
)
def test_which_types_are_unordered(event_type, unordered):
    scores = events_only([(event_type, ["RUS"], ["IND"], None, False)], [(event_type, ["IND"], ["RUS"], None, False)])
    assert scores["events.f1"] == (1.0 if unordered else 0.0)


@pytest.mark.parametrize(
    ("sources", "targets", "f1", "untargeted_f1"),
    [
        (["AZE"], ["ARM"], 1.0, 1.0),
        (["ARM"], ["AZE"], 1.0, 1.0),
        (["ARM", "AZE"], [], 1.0, 1.0),
        (["AZE"], [], 0.0, 2 / 3),  # only one of the two parties that fought
    ],
)
def test_assault_between_two_parties_equals_one_way(sources, targets, f1, untargeted_f1):
    clash = [("ASSAULT", ["AZE", "ARM"], [], None, False)]
    scores = events_only(clash, [("ASSAULT", sources, targets, None, False)])
    assert (scores["events.f1"], scores["dyads.f1"]) == (f1, f1)
    assert scores["events_untargeted.f1"] == pytest.approx(untargeted_f1)
    # The same holds with the roles swapped: a gold A→B against a predicted "giữa A và B".
    reverse = events_only([("ASSAULT", sources, targets, None, False)], clash)
    assert reverse["events.f1"] == f1


def test_dyads_ignore_the_type_and_unordered_acts_go_both_ways():
    wrong_type = events_only([("REQUEST", ["USA"], ["BLR"], None, False)], [("ACCUSE", ["USA"], ["BLR"], None, False)])
    assert (wrong_type["events.f1"], wrong_type["dyads.f1"]) == (0.0, 1.0)
    assert wrong_type["events_untargeted.f1"] == 0.0
    # A consultation between Russia and India is a dyad each way, whatever their alphabetical order.
    consult = [("CONSULT", ["RUS"], ["IND"], None, False)]
    for source, target in (["RUS"], ["IND"]), (["IND"], ["RUS"]):
        scores = events_only(consult, [("REQUEST", source, target, None, False)])
        assert (scores["dyads.precision"], scores["dyads.recall"]) == (1.0, 0.5)


def test_lists_expand_to_one_triple_per_pair():
    gold = [("SANCTION", ["GBR", "CAN"], ["BLR"], None, False)]
    one = events_only(gold, [("SANCTION", ["GBR"], ["BLR"], None, False)])
    assert (one["events.precision"], one["events.recall"]) == (1.0, 0.5)
    assert one["events_untargeted.recall"] == 0.5
    split = [("SANCTION", ["GBR"], ["BLR"], None, False), ("SANCTION", ["CAN"], ["BLR"], None, False)]
    assert events_only(gold, split)["events.f1"] == 1.0
    targets = events_only(
        [("REQUEST", ["USA"], ["BLR", "RUS"], None, False)], [("REQUEST", ["USA"], ["BLR"], None, False)]
    )
    assert (targets["events.recall"], targets["events_untargeted.recall"]) == (0.5, 1.0)


def test_parties_are_codes_deduplicated_and_uncoded_ones_dropped():
    gold = [("ACCUSE", ["RUS"], [], None, False)]
    record = predicted(body=CLASH_BODY, entities=[], quotes=[], events=[])
    record["events"] = [
        {
            "type": "ACCUSE",
            "source": [actor("Nga", "RUS"), actor("Sergei Lavrov", "RUS")],
            "target": [actor("phương Tây")],  # no code: the same as no target
            "date": None,
            "negated": False,
        }
    ]
    gold_docs = [gold_doc(DOC, gold_article(body=CLASH_BODY, entities=[], quotes=[], events=gold))]
    report = evaluate(gold_docs, [record])
    assert report.scores["events.f1"] == 1.0
    assert report.counts["events.pred"] == 1


def test_org_code_used_when_actor_has_no_country():
    event = [("ASSAULT", ["RUS"], ["ISIS"], None, False)]
    assert events_only(event, event)["events.f1"] == 1.0
    assert events_only(event, [("ASSAULT", ["RUS"], ["UN"], None, False)])["events.f1"] == 0.0


def test_negated_events_left_out_on_both_sides():
    refused = ("RETREAT", ["BLR"], [], None, True)
    gold = [gold_doc(DOC, gold_article(events=[*EVENTS, refused]))]
    assert score(gold, [predicted()])["events.f1"] == 1.0
    asserted = score(gold, [predicted(events=[*EVENTS, refused[:4] + (False,)])])
    assert (asserted["events.precision"], asserted["events.recall"]) == (pytest.approx(3 / 4), 1.0)
    denied = [(*EVENTS[0][:4], True), *EVENTS[1:]]
    assert score(gold, [predicted(events=denied)])["events.recall"] == pytest.approx(2 / 3)


def test_dates_of_matched_triples():
    wrong_day = [("CONSULT", ["BLR"], ["USA"], "2020-10-23", False), *EVENTS[1:]]
    report = evaluate([gold_doc()], [predicted(events=wrong_day)])
    assert report.scores["dates.accuracy"] == pytest.approx(1 / 2)
    assert (report.counts["dates.correct"], report.counts["dates.gold"]) == (1, 2)
    assert report.scores["events.f1"] == 1.0
    # An unmatched triple is not a date miss; a date where gold has none is not counted.
    fewer = [EVENTS[1][:3] + ("2020-10-24", False), EVENTS[2]]
    report = evaluate([gold_doc()], [predicted(events=fewer)])
    assert (report.counts["dates.correct"], report.counts["dates.gold"]) == (1, 1)


# --- documents -----------------------------------------------------------------------------------


def test_documents_matched_by_record_id_or_path_basename():
    gold = [gold_doc(), gold_doc("unc-news_world_900", gold_article(**STORY_B))]
    from_file = predicted()  # input.path ".../mau/000_belarus_my.txt", no record
    from_record = predicted(**STORY_B, record="unc-news_world_900")
    assert from_file["input"]["record"] is None and from_record["input"]["path"].endswith("records.jsonl")
    assert score(gold, [from_file, from_record]) == dict.fromkeys(SCORE_NAMES, 1.0)
    # The record id wins over a path whose name happens to be another gold document.
    from_record["input"]["path"] = f"/du-lieu/mau/{DOC}"
    assert score(gold, [from_file, from_record]) == dict.fromkeys(SCORE_NAMES, 1.0)


def test_predictions_of_other_documents_ignored():
    other = predicted(doc="999_khong_co_trong_gold.txt", events=EVENTS_B)
    error = {"error": {"path": "/du-lieu/hong.txt", "reason": "binary", "message": "không đọc được"}}
    assert evaluate([gold_doc()], [predicted(), other, error]) == evaluate([gold_doc()], [predicted()])


def test_missing_document_counts_as_misses():
    gold = [gold_doc(), gold_doc("unc-news_world_900", gold_article(**STORY_B))]
    report = evaluate(gold, [predicted()])
    assert report.scores["split.accuracy"] == pytest.approx(1 / 2)
    assert report.scores["titles.accuracy"] == pytest.approx(1 / 2)
    assert report.scores["cleaning.precision"] == 1.0
    assert report.scores["cleaning.recall"] == pytest.approx(4 / 6)
    assert report.scores["entities.recall"] == pytest.approx(9 / 14)
    assert (report.scores["events.precision"], report.scores["events.recall"]) == (1.0, pytest.approx(3 / 7))
    assert report.scores["quotes.accuracy"] == 1.0  # the missing story has no quote


def test_duplicate_gold_document_rejected():
    with pytest.raises(ValueError, match=DOC):
        evaluate([gold_doc(), gold_doc()], [])


# --- report --------------------------------------------------------------------------------------


def no_quotes_or_events_report() -> Report:
    gold = [gold_doc(DOC, gold_article(quotes=[], events=[]))]
    return evaluate(gold, [predicted(quotes=[], events=[])])


def test_zero_denominator_scores_zero_keeps_counts_and_reads_na():
    report = no_quotes_or_events_report()
    assert report.scores["quotes.accuracy"] == 0.0 and report.scores["dates.accuracy"] == 0.0
    assert report.counts["quotes.gold"] == 0 and report.counts["entities.gold"] == 9
    rows = {line.split()[0]: line.split()[1] for line in render_table(report).splitlines()[1:]}
    assert rows["quotes.accuracy"] == "n/a" and rows["events.f1"] == "n/a"
    assert rows["entities.f1"] == "1.000"


def test_render_table_lists_every_score_with_counts():
    report = evaluate([gold_doc()], [predicted(body=BODY[:3] + ["Theo TTXVN"])])
    table = render_table(report)
    lines = table.splitlines()
    assert [line.split()[0] for line in lines[1:]] == SCORE_NAMES
    assert re.search(r"^cleaning\.precision\s+0\.750\s+3/4$", table, re.M)
    assert re.search(r"^cleaning\.f1\s+0\.750\s+2\*3/\(4\+4\)$", table, re.M)
    # The score column is right-aligned: every row's score ends at the same place.
    ends = {re.match(r"\S+\s+\S+", line).end() for line in lines}
    assert len(ends) == 1


def test_check_minimums():
    report = evaluate([gold_doc()], [predicted(body=BODY[:3] + ["Theo dõi VGT trên", "Có;"])])
    messages = check_minimums(
        report, {"cleaning.precision": 0.7, "cleaning.recall": 0.75, "events.f1": 1.0, "events.f2": 0.5}
    )
    assert len(messages) == 2
    assert messages[0].startswith("cleaning.precision = 0.600") and "0.700" in messages[0]
    assert messages[1].startswith("events.f2: no such score")
    assert check_minimums(report, {}) == []
    (empty,) = check_minimums(no_quotes_or_events_report(), {"quotes.accuracy": 0.5})
    assert "n/a" in empty


def test_report_to_dict_is_json():
    report = evaluate([gold_doc()], [predicted()])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["scores"] == report.scores and data["counts"] == report.counts
    assert data["counts"]["events.tp"] == 3


def test_load_jsonl_skips_blank_lines_and_errors(tmp_path):
    path = tmp_path / "du_doan.jsonl"
    error = {"error": {"path": "hong.bin", "reason": "binary", "message": "tệp nhị phân"}}
    records = [predicted(), "", "   ", error, gold_doc()]
    lines = [json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else r for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = load_jsonl(path)
    assert [sorted(record)[0] for record in records] == ["entities", "articles"]
    path.write_text('{"doc": "a"}\n{khong phai json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        load_jsonl(str(path))
