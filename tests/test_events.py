"""PLOVER events, end to end: the real recogniser's entities, then `code_events`.

Every sentence is written in the style of the bundled samples (or is one of their paragraphs); each test
states what the coder must find in it, as (type, source codes, target codes), where a code is the actor's
country or, for an organisation, its `org`.
"""

from __future__ import annotations

import re

import pytest

from sukien.events import code_events
from sukien.linking import extract_entities
from sukien.models import Actor, Event
from sukien.quotes import find_quotes
from sukien.sentences import split_sentences

PUBLISHED = "2020-10-25"

Row = tuple[str, tuple[str, ...], tuple[str, ...]]


def coded(text: str, published: str | None = PUBLISHED, *, quotes: bool = False) -> tuple[Event, ...]:
    """The events of `text`, with the entities (and, if asked, the quotes) the pipeline would give them."""
    entities = extract_entities(text, published=published)
    found = find_quotes(text, entities, published=published) if quotes else ()
    return code_events(text, entities, found, published=published)


def _codes(actors: tuple[Actor, ...] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(a if isinstance(a, str) else (a.country or a.org or f"?{a.name}") for a in actors))


def row(event: Event) -> Row:
    """(type, source codes, target codes); the order inside a list does not matter."""
    return event.type, _codes(event.source), _codes(event.target)


def rows(events) -> list[Row]:
    return [row(e) for e in events]


def expect(type_: str, sources: tuple[str, ...] = (), targets: tuple[str, ...] = ()) -> Row:
    return type_, _codes(sources), _codes(targets)


def only(text: str, type_: str, **kwargs) -> Event:
    """The one event of `type_` in `text`."""
    events = [e for e in coded(text, **kwargs) if e.type == type_]
    assert len(events) == 1, f"{type_} in {text!r}: {rows(coded(text, **kwargs))}"
    return events[0]


# -------------------------------------------------------------------------------------- one sentence a type

# CAMEO roots each PLOVER type may carry (AGREE includes 057 "sign an agreement"; CONCEDE the apology 055).
CAMEO_ROOTS = {
    "AGREE": {"03", "05"},
    "CONSULT": {"04"},
    "SUPPORT": {"05"},
    "CONCEDE": {"05", "08"},
    "COOPERATE": {"06"},
    "AID": {"07"},
    "RETREAT": {"08"},
    "REQUEST": {"02", "10"},
    "ACCUSE": {"11"},
    "REJECT": {"12"},
    "THREATEN": {"13"},
    "PROTEST": {"14"},
    "MOBILIZE": {"15"},
    "SANCTION": {"16"},
    "COERCE": {"17"},
    "ASSAULT": {"18", "19", "20"},
}
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICTUAL = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

BY_TYPE = [
    ("Nga và Trung Quốc nhất trí tăng cường hợp tác.", expect("AGREE", ("RUS", "CHN"))),
    (
        "Tổng thống Pháp Emmanuel Macron điện đàm với Thủ tướng Đức Olaf Scholz.",
        expect("CONSULT", ("FRA",), ("DEU",)),
    ),
    ("Mỹ tái khẳng định sự ủng hộ đối với Ukraine.", expect("SUPPORT", ("USA",), ("UKR",))),
    ("Nhật Bản xin lỗi Hàn Quốc.", expect("CONCEDE", ("JPN",), ("KOR",))),
    ("Nhật Bản và Mỹ tập trận chung trên Biển Hoa Đông.", expect("COOPERATE", ("JPN", "USA"))),
    ("Mỹ viện trợ vũ khí cho Ukraine.", expect("AID", ("USA",), ("UKR",))),
    ("Azerbaijan trả tự do cho 5 binh sĩ Armenia.", expect("RETREAT", ("AZE",), ("ARM",))),
    ("Mỹ yêu cầu Nga rút quân khỏi Ukraine.", expect("REQUEST", ("USA",), ("RUS",))),
    ("Azerbaijan cáo buộc Armenia vi phạm lệnh ngừng bắn.", expect("ACCUSE", ("AZE",), ("ARM",))),
    ("Iran bác bỏ đề xuất của Mỹ.", expect("REJECT", ("IRN",), ("USA",))),
    ("Triều Tiên đe dọa tấn công Hàn Quốc.", expect("THREATEN", ("PRK",), ("KOR",))),
    ("Hàng nghìn người dân Belarus biểu tình tại thủ đô Minsk.", expect("PROTEST", ("BLR",), ("BLR",))),
    ("Anh và Canada áp đặt trừng phạt đối với Belarus.", expect("SANCTION", ("GBR", "CAN"), ("BLR",))),
    ("NATO triển khai thêm binh sĩ tới Ba Lan.", expect("MOBILIZE", ("NATO",), ("POL",))),
    ("Nga bắt giữ một nhà báo Mỹ.", expect("COERCE", ("RUS",), ("USA",))),
    ("Nga tấn công Ukraine.", expect("ASSAULT", ("RUS",), ("UKR",))),
]


def test_the_table_covers_every_plover_type():
    assert {expected[0] for _, expected in BY_TYPE} == set(CAMEO_ROOTS)


@pytest.mark.parametrize(("sentence", "expected"), BY_TYPE, ids=[e[0] for _, e in BY_TYPE])
def test_one_sentence_a_type(sentence, expected):
    assert rows(coded(sentence)) == [expected]


@pytest.mark.parametrize(("sentence", "expected"), BY_TYPE, ids=[e[0] for _, e in BY_TYPE])
def test_cameo_and_goldstein_fit_the_type(sentence, expected):
    (event,) = coded(sentence)
    assert re.fullmatch(r"\d{2,4}", event.cameo), event.cameo
    assert event.cameo[:2] in CAMEO_ROOTS[event.type]
    assert -10 <= event.goldstein <= 10
    if event.type in COOPERATIVE:
        assert event.goldstein > 0
    if event.type in CONFLICTUAL:
        assert event.goldstein < 0


@pytest.mark.parametrize(("sentence", "expected"), BY_TYPE, ids=[e[0] for _, e in BY_TYPE])
def test_a_plain_sentence_is_asserted_not_negated_and_undated(sentence, expected):
    (event,) = coded(sentence)
    assert (event.negated, event.modality, event.date, event.date_precision) == (False, "asserted", None, None)


# ---------------------------------------------------------------------------------------- who acts on whom

ROLES = [
    pytest.param(
        "Anh và Canada đã áp đặt trừng phạt đối với Tổng thống Belarus Alexander Lukashenko.",
        [expect("SANCTION", ("GBR", "CAN"), ("BLR",))],
        id="coordinated sources, a person as target",
    ),
    pytest.param(
        "Ngoại trưởng Mỹ Mike Pompeo điện đàm với Tổng thống Belarus Alexander Lukashenko.",
        [expect("CONSULT", ("USA",), ("BLR",))],
        id="target after với",
    ),
    pytest.param(
        "Mỹ áp đặt trừng phạt đối với Nga.",
        [expect("SANCTION", ("USA",), ("RUS",))],
        id="target after đối với",
    ),
    pytest.param(
        "Mỹ áp đặt lệnh trừng phạt nhằm vào Iran.",
        [expect("SANCTION", ("USA",), ("IRN",))],
        id="target after nhằm vào",
    ),
    pytest.param(
        "Ukraine bị Nga tấn công.",
        [expect("ASSAULT", ("RUS",), ("UKR",))],
        id="passive with an agent",
    ),
    pytest.param(
        "Ukraine bị tấn công.",
        [expect("ASSAULT", (), ("UKR",))],
        id="passive without an agent",
    ),
    pytest.param(
        "Giao tranh giữa Azerbaijan và Armenia tiếp diễn.",
        [expect("ASSAULT", ("AZE", "ARM"))],
        id="clashes giữa A và B",
    ),
    pytest.param(
        "Đụng độ giữa Azerbaijan và Armenia tiếp diễn.",
        [expect("ASSAULT", ("AZE", "ARM"))],
        id="đụng độ giữa A và B",
    ),
    pytest.param(
        "Nga và Trung Quốc hội đàm tại Moskva.",
        [expect("CONSULT", ("RUS", "CHN"))],
        id="A và B hội đàm",
    ),
    pytest.param(
        "Tổng thống Pháp Emmanuel Macron và Thủ tướng Đức Olaf Scholz hội đàm tại Paris.",
        [expect("CONSULT", ("FRA", "DEU"))],
        id="two leaders with titles hội đàm",
    ),
    pytest.param(
        "Tổng thống Nga Vladimir Putin đã điện đàm về tình hình Ukraine với Tổng thống Pháp Emmanuel Macron.",
        [expect("CONSULT", ("RUS",), ("FRA",))],
        id="the partner after với, not the topic before it",
    ),
    pytest.param(
        "Ngoại trưởng Mỹ Antony Blinken chỉ trích Trung Quốc.",
        [expect("ACCUSE", ("USA",), ("CHN",))],
        id="a person for their state",
    ),
    pytest.param(
        "Ngoại trưởng Mỹ Antony Blinken gặp Ngoại trưởng Trung Quốc Vương Nghị.",
        [expect("CONSULT", ("USA",), ("CHN",))],
        id="persons on both sides",
    ),
    pytest.param(
        "Bộ Quốc phòng Nga điều động thêm binh sĩ tới biên giới với Ukraine.",
        [expect("MOBILIZE", ("RUS",), ("UKR",))],
        id="a ministry for its state",
    ),
    pytest.param(
        "Quân đội Nga pháo kích các vị trí của Ukraine.",
        [expect("ASSAULT", ("RUS",), ("UKR",))],
        id="an army for its state",
    ),
    pytest.param(
        "Liên minh châu Âu (EU) áp đặt trừng phạt đối với Belarus.",
        [expect("SANCTION", ("EU",), ("BLR",))],
        id="an organisation by its org code",
    ),
    pytest.param(
        "Bộ Ngoại giao Mỹ cho biết Nga đã tấn công Ukraine.",
        [expect("ASSAULT", ("RUS",), ("UKR",))],
        id="reporting frame: the reported subject acts, not the reporter",
    ),
    pytest.param(
        "Ngoại trưởng Mỹ Antony Blinken cho biết đã điện đàm với Thủ tướng Armenia Nikol Pashinyan.",
        [expect("CONSULT", ("USA",), ("ARM",))],
        id="reporting frame with no subject after it: the reporter acts",
    ),
    pytest.param(
        "Azerbaijan pháo kích Armenia, còn Armenia bắn tên lửa vào Azerbaijan.",
        [expect("ASSAULT", ("AZE",), ("ARM",)), expect("ASSAULT", ("ARM",), ("AZE",))],
        id="two events in two clauses",
    ),
    pytest.param(
        "Hôm 24-10, Nga tấn công Ukraine. Mỹ áp đặt trừng phạt đối với Nga.",
        [expect("ASSAULT", ("RUS",), ("UKR",)), expect("SANCTION", ("USA",), ("RUS",))],
        id="two sentences",
    ),
    pytest.param(
        "Mỹ yêu cầu Nga rút quân khỏi Ukraine.",
        [expect("REQUEST", ("USA",), ("RUS",))],
        id="a request's content is not coded again",
    ),
    pytest.param(
        "Mỹ kêu gọi Nga ngừng tấn công Ukraine.",
        [expect("REQUEST", ("USA",), ("RUS",))],
        id="an appeal's content (an attack) is not coded again",
    ),
    pytest.param(
        "Ngoại trưởng Mỹ Mike Pompeo yêu cầu Belarus trả tự do cho công dân Mỹ Vitali Shkliarov.",
        [expect("REQUEST", ("USA",), ("BLR",))],
        id="yêu cầu X trả tự do is one REQUEST",
    ),
    pytest.param(
        "Iran bác bỏ cáo buộc của Mỹ.",
        [expect("REJECT", ("IRN",), ("USA",))],
        id="rejecting a claim targets its owner",
    ),
    pytest.param(
        "Armenia và Azerbaijan đều từ chối ngừng bắn.",
        [expect("REJECT", ("ARM",), ("AZE",)), expect("REJECT", ("AZE",), ("ARM",))],
        id="A và B đều từ chối: each toward the other",
    ),
    pytest.param(
        "Iran ngày 13.10 kêu gọi Mỹ dỡ bỏ lệnh cấm vận, đồng thời cảnh báo sẽ trả đũa Israel.",
        [expect("REQUEST", ("IRN",), ("USA",)), expect("THREATEN", ("IRN",), ("ISR",))],
        id="a date's dot ends no clause; đồng thời shares the first clause's subject",
    ),
    pytest.param(
        "Liên Hợp Quốc cho biết hàng trăm dân thường đã thiệt mạng kể từ khi chiến dịch quân sự của Nga bắt đầu.",
        [expect("ASSAULT", ("RUS",), ())],
        id="the owner after của is the agent of a nominal act",
    ),
    pytest.param(
        "Israel tiến hành vụ không kích vì lo ngại vũ khí được chuyển cho lực lượng Hezbollah ở Lebanon.",
        [expect("ASSAULT", ("ISR",), ())],
        id="a light verb's subject is the agent of the noun it takes",
    ),
    pytest.param(
        "Máy bay Nga đã không kích một kho vũ khí ở Syria.",
        [expect("ASSAULT", ("RUS",), ("SYR",))],
        id="an attack on a place strikes the place's state",
    ),
    pytest.param(
        "Đại hội đồng Liên Hợp Quốc ra nghị quyết lên án Nga xâm lược Ukraine và yêu cầu Nga chấm dứt chiến tranh.",
        [expect("ACCUSE", ("UN",), ("RUS",)), expect("REQUEST", ("UN",), ("RUS",))],
        id="a verb after và is a second act of the same subject, and no group spans it",
    ),
    pytest.param(
        "Anh, Pháp và Đức áp đặt trừng phạt đối với Nga.",
        [expect("SANCTION", ("DEU", "FRA", "GBR"), ("RUS",))],
        id="three sources enumerated with a comma",
    ),
    pytest.param(
        "Theo ông Ushakov, Moskva đang giữ liên lạc chặt chẽ với Baku và Yerevan.",
        [expect("CONSULT", ("RUS",), ("ARM", "AZE"))],
        id="the informant of Theo X, is not one group with the subject after the comma",
    ),
    pytest.param(
        "Thủ lĩnh nhóm Hezbollah, ông Hassan Nasrallah, cũng lên tiếng đe dọa Israel.",
        [expect("THREATEN", ("HEZBOLLAH",), ("ISR",))],
        id="lên tiếng before the verb: the subject before the comma acts",
    ),
    pytest.param(
        "Hàng trăm dân thường đã thiệt mạng ở Ukraine kể từ khi chiến dịch quân sự của Nga bắt đầu.",
        [expect("ASSAULT", ("RUS",), ("UKR",))],
        id="an attack strikes the state of a place named before it in its clause",
    ),
    pytest.param(
        "Nga ngày 7/4 tuyên bố rút khỏi Hội đồng Nhân quyền Liên Hợp Quốc.",
        [expect("SANCTION", ("RUS",), ("UN",))],
        id="leaving an organisation reduces relations; its name overlaps the trigger",
    ),
    pytest.param(
        "Các ngoại trưởng EU đã gặp nhau tại Luxembourg để bàn về Uzbekistan.",
        [expect("CONSULT", ("EU",), ())],
        id="gặp nhau: a meeting among the subject's own",
    ),
    pytest.param(
        "Tổng thống Nga Vladimir Putin và Thủ tướng nước chủ nhà Ấn Độ Manmohan Singh đã hội đàm tại New Delhi.",
        [expect("CONSULT", ("IND", "RUS"), ())],
        id="coordination across a long title",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_roles(text, expected):
    assert sorted(rows(coded(text))) == sorted(expected)


def test_a_curfew_with_no_one_named_is_the_state_acting_on_its_own_people():
    assert rows(coded("Áo ban bố lệnh giới nghiêm.")) == [expect("COERCE", ("AUT",), ("AUT",))]


def test_a_protest_with_no_one_named_is_against_its_own_government():
    text = "Hàng nghìn người biểu tình Belarus đã xuống đường ở Minsk."
    assert rows(coded(text)) == [expect("PROTEST", ("BLR",), ("BLR",))]


def test_several_states_restricting_at_home_each_act_on_their_own():
    text = "Pháp, Đức và Bỉ đã đóng cửa nhiều cơ sở kinh doanh để ngăn dịch lây lan."
    assert sorted(rows(coded(text))) == [
        expect("COERCE", ("BEL",), ("BEL",)),
        expect("COERCE", ("DEU",), ("DEU",)),
        expect("COERCE", ("FRA",), ("FRA",)),
    ]


def test_a_place_in_another_clause_is_not_where_an_attack_strikes():
    text = "Nga cáo buộc Ukraine sau hội đàm ở Istanbul, cho rằng Kiev đang dàn dựng các vụ tấn công."
    assert all("TUR" not in _codes(event.target) for event in coded(text))


def test_a_threat_named_as_a_topic_is_not_a_threat():
    events = coded("Belarus và Nga sẵn sàng phản ứng chung với các mối đe dọa từ bên ngoài.")
    assert "THREATEN" not in [e.type for e in events]


def test_an_attack_named_as_a_risk_is_only_the_topic_of_the_talks():
    events = coded("Nga và Ukraine thảo luận về nguy cơ tấn công hạt nhân.")
    assert rows(events) == [expect("CONSULT", ("RUS", "UKR"))]


def test_the_meeting_that_sets_the_scene_is_not_coded_again():
    events = coded("Trong cuộc gặp, hai nhà lãnh đạo Mỹ và Nhật Bản nhất trí tăng cường hợp tác.")
    assert rows(events) == [expect("AGREE", ("USA", "JPN"))]


def test_a_reporter_is_never_the_source_of_what_it_reports():
    events = coded("Bộ Ngoại giao Mỹ cho biết Nga đã tấn công Ukraine.")
    assert all("USA" not in _codes(e.source) for e in events)


# ------------------------------------------------------------------------------------------------ negation

NEGATION = [
    pytest.param("Nga không tấn công Ukraine.", "ASSAULT", True, id="không"),
    pytest.param("Nga chưa rút quân khỏi Syria.", "RETREAT", True, id="chưa"),
    pytest.param("Mỹ và Iran chưa đàm phán.", "CONSULT", True, id="chưa, mutual"),
    pytest.param("Mỹ không chỉ trích Trung Quốc.", "ACCUSE", True, id="không before chỉ trích"),
    pytest.param(
        "Người phát ngôn Điện Kremlin cho biết Nga không tấn công Ukraine.",
        "ASSAULT",
        True,
        id="không inside a reported clause",
    ),
    pytest.param(
        "Nga không chỉ tấn công Ukraine mà còn phong tỏa các cảng biển.",
        "ASSAULT",
        False,
        id="không chỉ is not negation",
    ),
    pytest.param("Nga tấn công Ukraine.", "ASSAULT", False, id="affirmative"),
]


@pytest.mark.parametrize(("text", "type_", "negated"), NEGATION)
def test_negation(text, type_, negated):
    event = only(text, type_)
    assert event.negated is negated


def test_a_negated_event_keeps_its_parties():
    assert rows(coded("Nga không tấn công Ukraine.")) == [expect("ASSAULT", ("RUS",), ("UKR",))]


# ------------------------------------------------------------------------------------------------ modality

MODALITY = [
    pytest.param("Mỹ sẽ áp đặt trừng phạt đối với Nga.", "SANCTION", "future", id="sẽ"),
    pytest.param("Mỹ dự kiến áp đặt trừng phạt đối với Nga.", "SANCTION", "future", id="dự kiến"),
    pytest.param("Nga sẽ tấn công Ukraine.", "ASSAULT", "future", id="sẽ, assault"),
    pytest.param("Nga có thể tấn công Ukraine.", "ASSAULT", "possible", id="có thể"),
    pytest.param("Nga có thể triển khai quân tới biên giới Ukraine.", "MOBILIZE", "possible", id="có thể, mobilize"),
    pytest.param("Nga sẵn sàng triển khai quân tới biên giới Ukraine.", "MOBILIZE", "possible", id="sẵn sàng"),
    pytest.param("Mỹ áp đặt trừng phạt đối với Nga.", "SANCTION", "asserted", id="asserted"),
    pytest.param("Mỹ định áp đặt trừng phạt đối với Nga.", "SANCTION", "future", id="định"),
    pytest.param(
        "Mỹ khẳng định đã áp đặt trừng phạt đối với Nga.", "SANCTION", "asserted", id="khẳng định holds no định"
    ),
]


@pytest.mark.parametrize(("text", "type_", "modality"), MODALITY)
def test_modality(text, type_, modality):
    assert only(text, type_).modality == modality


def test_an_event_inside_a_quote_is_reported_speech():
    text = "Ngoại trưởng Nga Sergei Lavrov nói: “Ukraine đã tấn công các vị trí của Nga ở Donbass”."
    event = only(text, "ASSAULT", quotes=True)
    assert row(event) == expect("ASSAULT", ("UKR",), ("RUS",))
    assert event.modality == "reported_speech"
    # the same sentence coded without its quotes is plain: it is the quote that makes it reported speech
    assert only(text, "ASSAULT").modality == "asserted"


def test_a_future_visit_is_a_promise():
    """ANNOTATION.md: future meetings and visits are AGREE."""
    (event,) = coded("Ngoại trưởng Nga Sergei Lavrov sẽ thăm Trung Quốc vào tuần tới.")
    assert row(event) == expect("AGREE", ("RUS",), ("CHN",))
    assert event.cameo.startswith("03")


PROMISES = [
    pytest.param("Nhật Bản dự định viện trợ cho Ukraine.", ("JPN",), ("UKR",), "033", id="intended aid"),
    pytest.param("Hàn Quốc lên kế hoạch tập trận chung với Mỹ.", ("KOR",), ("USA",), "035", id="planned drills"),
    pytest.param(
        "Ngoại trưởng Nga Sergei Lavrov dự kiến hội đàm với Ngoại trưởng Trung Quốc Vương Nghị vào tuần tới.",
        ("RUS",),
        ("CHN",),
        "036",
        id="expected talks",
    ),
]


@pytest.mark.parametrize(("text", "sources", "targets", "cameo"), PROMISES)
def test_intended_aid_cooperation_and_meetings_are_agree(text, sources, targets, cameo):
    """ANNOTATION.md: intent to cooperate, future meetings and aid are AGREE (CAMEO 033/035/036)."""
    (event,) = coded(text)
    assert row(event) == expect("AGREE", sources, targets)
    assert event.cameo == cameo
    assert event.goldstein > 0


# ----------------------------------------------------------------------------------------------------- dates

DATES = [
    pytest.param("Nga tấn công Ukraine hôm 24-10.", "2020-10-25", "2020-10-24", "day", id="hôm 24-10, published"),
    pytest.param(
        "Tổng thống Pháp Emmanuel Macron đã điện đàm với Thủ tướng Đức Olaf Scholz hôm 24-10.",
        "2020-10-25",
        "2020-10-24",
        "day",
        id="hôm 24-10 after the partner",
    ),
    pytest.param("Nga tấn công Ukraine hôm 24-10.", None, None, None, id="no published, no year"),
    pytest.param("Nga tấn công Ukraine ngày 24-10-2020.", None, "2020-10-24", "day", id="no published, full date"),
    pytest.param("Nga tấn công Ukraine.", "2020-10-25", None, None, id="no date at all"),
    pytest.param("Nga tấn công Ukraine ngày 2/3/2022.", "2022-03-05", "2022-03-02", "day", id="d/m/yyyy"),
    pytest.param("Nga tấn công Ukraine ngày 2/3/3022.", "2022-03-05", None, None, id="a year after publication"),
]


@pytest.mark.parametrize(("text", "published", "date", "precision"), DATES)
def test_dates(text, published, date, precision):
    (event,) = coded(text, published)
    assert (event.date, event.date_precision) == (date, precision)


def test_a_sentence_with_no_date_takes_the_date_given_before_it_in_its_paragraph():
    events = coded("Hôm 24-10, Nga tấn công Ukraine. Mỹ áp đặt trừng phạt đối với Nga.")
    assert [(e.type, e.date, e.date_precision) for e in events] == [
        ("ASSAULT", "2020-10-24", "day"),
        ("SANCTION", "2020-10-24", "day"),
    ]


def test_a_sentence_keeps_its_own_date_over_the_paragraph_date():
    events = coded("Hôm 24-10, Nga tấn công Ukraine. Mỹ áp đặt trừng phạt đối với Nga hôm 25-10.")
    assert [(e.type, e.date) for e in events] == [("ASSAULT", "2020-10-24"), ("SANCTION", "2020-10-25")]


# ------------------------------------------------------------------------------------------------ casualties

CASUALTIES = [
    pytest.param("Nga tấn công Ukraine hôm 24-10, khiến 5 người thiệt mạng.", 5, None, id="dead"),
    pytest.param(
        "Nga không kích Syria hôm 24-10, khiến 5 người thiệt mạng và 12 người bị thương.", 5, 12, id="dead and injured"
    ),
    pytest.param("Nga tấn công Ukraine.", None, None, id="none given"),
]


@pytest.mark.parametrize(("text", "dead", "injured"), CASUALTIES)
def test_casualties_on_assault(text, dead, injured):
    event = only(text, "ASSAULT")
    assert (event.dead, event.injured) == (dead, injured)


def test_casualties_of_a_clash_reported_by_one_side():
    text = (
        "Ngày 13/9, Bộ Quốc phòng Azerbaijan cho biết, 50 quân nhân nước này đã thiệt mạng trong các cuộc "
        "đụng độ với Armenia mới đây."
    )
    event = only(text, "ASSAULT", published="2022-09-14")
    assert event.dead == 50
    assert (event.date, event.date_precision) == ("2022-09-13", "day")
    assert set(_codes(event.source) + _codes(event.target)) == {"AZE", "ARM"}


# ----------------------------------------------------------------------------------------------------- place

PLACES = [
    pytest.param("Israel không kích các mục tiêu tại Syria.", "ASSAULT", ("Syria", "SYR"), id="tại Syria"),
    pytest.param("Nga và Trung Quốc hội đàm tại Moskva.", "CONSULT", ("Moskva", "RUS"), id="tại Moskva"),
    pytest.param(
        "Ngoại trưởng Mỹ Antony Blinken đã có cuộc gặp với Ngoại trưởng Trung Quốc Vương Nghị tại Alaska.",
        "CONSULT",
        ("Alaska", "USA"),
        id="tại Alaska",
    ),
    pytest.param("Nga tấn công Ukraine.", "ASSAULT", None, id="no place"),
]


@pytest.mark.parametrize(("text", "type_", "place"), PLACES)
def test_location(text, type_, place):
    location = only(text, type_).location
    assert (location and (location.name, location.country)) == place


# ------------------------------------------------------------------------------------- evidence and a paragraph

SAMPLE_PARAGRAPH = (  # sample 000: the State Department's account of Pompeo's call with Lukashenko
    "Người phát ngôn của Bộ Ngoại giao Mỹ đã xác nhận cuộc điện đàm nêu trên, đồng thời cho biết thêm: "
    "“Ngoại trưởng Pompeo yêu cầu Belarus trả tự do ngay lập tức cho công dân Mỹ Vitali Shkliarov bị bắt giữ "
    "sai trái. Ngoại trưởng Pompeo còn tái khẳng định sự ủng hộ của Mỹ đối với khát vọng dân chủ của người dân "
    "Belarus”."
)

ARTICLE = (
    "Anh và Canada áp đặt trừng phạt với Belarus\n"
    "Nga tấn công Ukraine hôm 24-10, khiến 5 người thiệt mạng. Mỹ áp đặt trừng phạt đối với Nga.\n"
    "Hàng nghìn người dân Belarus biểu tình tại thủ đô Minsk.\n" + SAMPLE_PARAGRAPH
)


def test_the_sample_paragraph_codes_the_request_and_the_support_only():
    events = coded(SAMPLE_PARAGRAPH, quotes=True)
    assert rows(events) == [expect("REQUEST", ("USA",), ("BLR",)), expect("SUPPORT", ("USA",), ("BLR",))]
    # the release asked for and the arrest it mentions are the request's content, not events of their own
    assert all(e.modality == "reported_speech" for e in events)


def test_evidence_is_the_sentence_of_the_event():
    events = coded(ARTICLE, quotes=True)
    sentences = [s.text for s in split_sentences(ARTICLE)]
    assert len(events) >= 5
    for event in events:
        evidence = ARTICLE[event.evidence.start : event.evidence.end]
        assert evidence in sentences
    by_type = {e.type: ARTICLE[e.evidence.start : e.evidence.end] for e in events}
    assert by_type["ASSAULT"] == "Nga tấn công Ukraine hôm 24-10, khiến 5 người thiệt mạng."
    assert by_type["PROTEST"] == "Hàng nghìn người dân Belarus biểu tình tại thủ đô Minsk."
    assert by_type["SUPPORT"].startswith("Ngoại trưởng Pompeo còn tái khẳng định")


def test_every_event_has_cameo_and_goldstein_in_range():
    events = coded(ARTICLE, quotes=True)
    assert events
    for event in events:
        assert re.fullmatch(r"\d{2,4}", event.cameo), event
        assert -10 <= event.goldstein <= 10
        assert event.source or event.target


def test_the_article_events_in_order():
    assert rows(coded(ARTICLE, quotes=True)) == [
        expect("SANCTION", ("GBR", "CAN"), ("BLR",)),
        expect("ASSAULT", ("RUS",), ("UKR",)),
        expect("SANCTION", ("USA",), ("RUS",)),
        expect("PROTEST", ("BLR",), ("BLR",)),  # against its own government
        expect("REQUEST", ("USA",), ("BLR",)),
        expect("SUPPORT", ("USA",), ("BLR",)),
    ]


def test_body_start_skips_the_headline():
    body_start = ARTICLE.index("\n") + 1
    entities = extract_entities(ARTICLE, published=PUBLISHED)
    events = code_events(ARTICLE, entities, published=PUBLISHED, body_start=body_start)
    assert events
    assert all(e.evidence.start >= body_start for e in events)
    assert rows(events)[0] == expect("ASSAULT", ("RUS",), ("UKR",))
