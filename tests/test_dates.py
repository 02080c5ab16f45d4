"""Date expressions: found in running text, resolved against the publication date, and the year of undated articles."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sukien.dates import DateMention, ResolvedDate, find_dates, infer_anchor, resolve
from sukien.models import Actor, Entity

ANCHOR = "2020-10-25"  # a Sunday


# --- dates in running text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        (
            "Bộ Quốc phòng Azerbaijan hôm 23-10 cho biết đã bắn hạ hai máy bay không người lái.",
            ANCHOR,
            [("hôm 23-10", "2020-10-23", "day")],
        ),
        (
            "Cuộc tổng đình công dự kiến bắt đầu vào ngày 26-10 nếu chính quyền không đáp ứng yêu sách.",
            ANCHOR,
            [("ngày 26-10", "2020-10-26", "day")],
        ),
        (
            "Phe đối lập cho rằng cuộc bầu cử ngày 9-8 đã bị gian lận.",
            ANCHOR,
            [("ngày 9-8", "2020-08-09", "day")],
        ),
        ("Theo kế hoạch, hai bên sẽ họp lại ngày 13/9 tại Geneva.", "2020-09-01", [("ngày 13/9", "2020-09-13", "day")]),
        (
            "Lệnh ngừng bắn có hiệu lực từ 24-10 nhưng giao tranh vẫn tiếp diễn.",
            ANCHOR,
            [("24-10", "2020-10-24", "day")],
        ),
        ("Thỏa thuận được ký kết 13/9 tại thủ đô Bahrain.", ANCHOR, [("13/9", "2020-09-13", "day")]),
        ("Tổng thống Pháp hôm 14.10 kêu gọi hai bên kiềm chế.", ANCHOR, [("hôm 14.10", "2020-10-14", "day")]),
        ("Phiên tòa dự kiến mở vào 14.10 tại thủ đô.", ANCHOR, [("14.10", "2020-10-14", "day")]),
        ("Hiệp định được ký ngày 13.10.2015 tại Vienna.", ANCHOR, [("ngày 13.10.2015", "2015-10-13", "day")]),
        ("Văn bản đề ngày 13/10/2015 đã được công bố.", ANCHOR, [("ngày 13/10/2015", "2015-10-13", "day")]),
        (
            "Ông bị bắt giữ ngày 1/12/2018 tại Vancouver theo yêu cầu của Mỹ.",
            ANCHOR,
            [("ngày 1/12/2018", "2018-12-01", "day")],
        ),
        ("Xung đột nổ ra từ tháng 3.2011 và kéo dài tới nay.", ANCHOR, [("tháng 3.2011", "2011-03", "month")]),
        ("Liên minh do Mỹ dẫn đầu can thiệp từ tháng 3/2011.", ANCHOR, [("tháng 3/2011", "2011-03", "month")]),
        ("Mỹ đưa quân vào Afghanistan trong tháng 11/2001.", ANCHOR, [("tháng 11/2001", "2001-11", "month")]),
        ("Hai nước đã khởi động đàm phán vào tháng 11 năm 2001.", ANCHOR, [("tháng 11 năm 2001", "2001-11", "month")]),
        ("Hai ngoại trưởng đã gặp nhau hồi tháng 3 ở Moskva.", ANCHOR, [("tháng 3", "2020-03", "month")]),
        ("Nước này đăng cai hội nghị năm 2020 dù dịch bệnh phức tạp.", ANCHOR, [("năm 2020", "2020", "year")]),
        ("Kinh tế nước này tăng trưởng 6% trong năm ngoái.", ANCHOR, [("năm ngoái", "2019", "year")]),
        ("Năm nay, Hà Nội là chủ tịch ASEAN.", ANCHOR, [("Năm nay", "2020", "year")]),
        ("Quân đội Mỹ sẽ rút hết khỏi nước này vào năm tới.", ANCHOR, [("năm tới", "2021", "year")]),
        ("Cuộc tập trận sẽ được tổ chức lại vào năm sau.", ANCHOR, [("năm sau", "2021", "year")]),
        (
            "Điện Kremlin hôm qua cho biết ông Putin đã điện đàm với ông Erdogan.",
            ANCHOR,
            [("hôm qua", "2020-10-24", "day")],
        ),
        ("Vụ nổ xảy ra hôm kia tại một khu chợ đông người.", ANCHOR, [("hôm kia", "2020-10-23", "day")]),
        ("Hôm nay, Nhà Trắng ra thông báo về chuyến thăm.", ANCHOR, [("Hôm nay", "2020-10-25", "day")]),
        ("Ngày mai, hai phái đoàn sẽ gặp nhau tại Moskva.", ANCHOR, [("Ngày mai", "2020-10-26", "day")]),
        ("Sáng nay, tàu chiến Mỹ đi qua eo biển.", ANCHOR, [("Sáng nay", "2020-10-25", "day")]),
        ("Lực lượng nổi dậy tấn công một đồn cảnh sát tối qua.", ANCHOR, [("tối qua", "2020-10-24", "day")]),
        ("Tổng thống đã ký sắc lệnh này 3 ngày trước.", ANCHOR, [("3 ngày trước", "2020-10-22", "day")]),
        ("Nhà máy đã bị đóng cửa cách đây 2 năm.", ANCHOR, [("cách đây 2 năm", "2018", "year")]),
        ("Ông ấy đã từ chức tuần trước sau nhiều tuần biểu tình.", "2020-11-02", [("tuần trước", "2020-10", "month")]),
        (
            "Cuộc biểu tình lớn nhất diễn ra cuối tuần qua ở thủ đô.",
            "2020-11-02",
            [("cuối tuần qua", "2020-10", "month")],
        ),
        ("Hội đồng Bảo an sẽ nhóm họp đầu tuần này.", "2020-11-02", [("đầu tuần này", "2020-11", "month")]),
        ("Kết quả kiểm phiếu được công bố trong tuần này.", ANCHOR, [("tuần này", "2020-10", "month")]),
        ("Hai bên dự kiến ký thỏa thuận vào tuần tới.", "2020-10-28", [("tuần tới", "2020-11", "month")]),
        ("Giá dầu đã giảm mạnh trong tháng trước.", ANCHOR, [("tháng trước", "2020-09", "month")]),
        ("Hai nước sẽ tập trận chung trong tháng này.", ANCHOR, [("tháng này", "2020-10", "month")]),
        ("Ông dự kiến thăm Bắc Kinh vào tháng tới.", ANCHOR, [("tháng tới", "2020-11", "month")]),
        ("Đợt giao tranh mới nổ ra từ đầu tháng 6 ở biên giới.", ANCHOR, [("đầu tháng 6", "2020-06", "month")]),
        ("Lệnh ngừng bắn sẽ có hiệu lực vào cuối tháng 7.", ANCHOR, [("cuối tháng 7", "2020-07", "month")]),
        ("Các cuộc đàm phán bị gián đoạn từ giữa tháng 5.", ANCHOR, [("giữa tháng 5", "2020-05", "month")]),
        ("Phiến quân pháo kích thành phố rạng sáng 24-10.", ANCHOR, [("rạng sáng 24-10", "2020-10-24", "day")]),
        ("Sáng 24-10, Thủ tướng Armenia tới Moskva.", ANCHOR, [("Sáng 24-10", "2020-10-24", "day")]),
        ("Trong đêm 12/9, nhiều tiếng nổ vang lên ở ngoại ô.", ANCHOR, [("đêm 12/9", "2020-09-12", "day")]),
        ("Chiều ngày 1/10, Đại sứ đã trao đổi với báo chí.", ANCHOR, [("Chiều ngày 1/10", "2020-10-01", "day")]),
        ("Trưa 5/9, đoàn xe cứu trợ tới biên giới.", ANCHOR, [("Trưa 5/9", "2020-09-05", "day")]),
        ("Thủ tướng Anh thứ Hai thông báo lệnh phong tỏa mới.", ANCHOR, [("thứ Hai", "2020-10-19", "day")]),
        (
            "Phát ngôn viên hôm thứ tư cho biết các cuộc đàm phán vẫn tiếp tục.",
            ANCHOR,
            [("hôm thứ tư", "2020-10-21", "day")],
        ),
        ("Người biểu tình tiếp tục xuống đường vào thứ hai.", "2020-10-23", [("thứ hai", "2020-10-19", "day")]),
        ("Cuộc bỏ phiếu diễn ra hôm chủ nhật với tỷ lệ cử tri thấp.", ANCHOR, [("hôm chủ nhật", "2020-10-25", "day")]),
        ("Bộ trưởng sẽ sang Paris thứ Hai tuần tới.", ANCHOR, [("thứ Hai tuần tới", "2020-10-26", "day")]),
        ("Cuộc gặp thượng đỉnh được dời sang chủ nhật tới.", ANCHOR, [("chủ nhật tới", "2020-11-01", "day")]),
        ("Vụ tấn công hôm thứ Bảy (24/10) làm 5 người chết.", ANCHOR, [("hôm thứ Bảy (24/10)", "2020-10-24", "day")]),
        ("Họ mất liên lạc với con tàu tháng 12 năm ngoái.", ANCHOR, [("tháng 12 năm ngoái", "2019-12", "month")]),
        ("Ông nhậm chức ngày 24-10 năm ngoái.", ANCHOR, [("ngày 24-10 năm ngoái", "2019-10-24", "day")]),
        ("Cuộc bầu cử sẽ diễn ra ngày 3/11 tới.", ANCHOR, [("ngày 3/11 tới", "2020-11-03", "day")]),
        (
            "Hội nghị diễn ra ngày 5 tháng 3 năm 2011 tại Cairo.",
            ANCHOR,
            [("ngày 5 tháng 3 năm 2011", "2011-03-05", "day")],
        ),
        ("Các cuộc biểu tình bắt đầu từ tháng Ba.", ANCHOR, [("tháng Ba", "2020-03", "month")]),
        ("Tổng thống hôm thứ Ba trong bài phát biểu đã cảnh báo.", ANCHOR, [("hôm thứ Ba", "2020-10-20", "day")]),
        ("Thủ tướng Armenia hôm 24-10 tới Moskva hội đàm.", ANCHOR, [("hôm 24-10", "2020-10-24", "day")]),
        (
            "Khoảng 200 người biểu tình tụ tập từ tối qua, 24-10.",
            ANCHOR,
            [("tối qua", "2020-10-24", "day"), ("24-10", "2020-10-24", "day")],
        ),
    ],
)
def test_dates_in_sentences(sentence: str, anchor: str, expected: list[tuple[str, str, str]]) -> None:
    found = [(m.text, m.resolved.value, m.resolved.precision) for m in find_dates(sentence, anchor)]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "ngày 23 và 24-10": one mention per day, the month of the last for both
        (
            "Hai bên giao tranh ác liệt ngày 23 và 24-10 quanh thị trấn.",
            [("ngày 23", "2020-10-23"), ("24-10", "2020-10-24")],
        ),
        ("Hội nghị kéo dài từ ngày 5/11 đến 2/12 tại Madrid.", [("ngày 5/11", "2020-11-05"), ("2/12", "2020-12-02")]),
        ("Triển lãm mở cửa từ 5/11 đến 2/12.", [("5/11", "2020-11-05"), ("2/12", "2020-12-02")]),
        ("Đoàn công tác làm việc tại Hà Nội từ 23-24/10.", [("23", "2020-10-23"), ("24/10", "2020-10-24")]),
        ("Hội nghị diễn ra từ ngày 30/9 đến ngày 2/10.", [("ngày 30/9", "2020-09-30"), ("ngày 2/10", "2020-10-02")]),
        ("Các cuộc tuần hành diễn ra hôm 30 và 1/10.", [("hôm 30", "2020-09-30"), ("1/10", "2020-10-01")]),
    ],
)
def test_ranges_give_one_mention_per_day(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.resolved.value) for m in find_dates(sentence, ANCHOR)] == expected


def test_resolve_of_a_range_gives_its_last_day() -> None:
    assert resolve("ngày 23 và 24-10", ANCHOR) == ResolvedDate("2020-10-24", "day")
    assert resolve("từ ngày 5/11 đến 2/12", ANCHOR) == ResolvedDate("2020-12-02", "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỷ lệ cử tri đi bầu đạt 80,1% theo ủy ban bầu cử.",
        "Khoảng 5.000 người đã xuống đường ở thủ đô.",
        "Kim ngạch thương mại tăng 2.5 lần so với năm trước đó.",
        "Tàu cập cảng lúc 14.10 giờ địa phương.",
        "Đoàn tàu đạt tốc độ khoảng 90-95 km/h trên đoạn đường thử.",
        "Đảng cầm quyền chiếm 2/3 số ghế trong quốc hội.",
        "Tập đoàn nắm giữ 1/3 cổ phần của công ty liên doanh.",
        "Đội chủ nhà thắng 3-2 trong trận chung kết.",
        "Mỗi nhóm có từ 20-30 người được huấn luyện trong 5-8 tháng.",
        "Tên lửa Kh-55 và tiêm kích Su-27 cùng tham gia diễn tập.",
        "Trung tâm trực 24/7 để tiếp nhận thông tin.",
        "Sau vụ khủng bố 11/9, Mỹ siết chặt an ninh sân bay.",
        "Đây là lần thứ hai ông tới thăm nước này.",
        "Nền kinh tế lớn thứ hai thế giới tiếp tục tăng trưởng.",
        "Thứ hai, chúng tôi cần một lệnh ngừng bắn lâu dài.",
        "Người biểu tình xuống đường đêm thứ hai liên tiếp.",
        "Hai năm sau, ông trở lại chính trường.",
        "Ông đã sống ở đây 20 năm nay.",
        "Năm năm tới sẽ là giai đoạn quyết định.",
        "Ngày nay, nước này là một cường quốc kinh tế.",
        "Cũng trong năm này, hai nước thiết lập quan hệ ngoại giao.",
        "Nhạc rock bùng nổ vào những năm 1990.",
        "Ngày 31/2 không có trong lịch.",
        "Giá trị tăng từ 1.5 đến 2 triệu USD.",
        "Ông qua đời ở tuổi 91 sau 3 ngày trước khi được đưa về nước.",
    ],
)
def test_numbers_and_ordinals_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, ANCHOR) == []


# --- one expression ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "anchor", "value", "precision"),
    [
        ("hôm 24-10", ANCHOR, "2020-10-24", "day"),
        ("24-10", ANCHOR, "2020-10-24", "day"),
        ("14.10", ANCHOR, "2020-10-14", "day"),  # alone, the expression is taken as a date
        ("vào ngày 24-10", ANCHOR, "2020-10-24", "day"),
        ("thứ hai", ANCHOR, "2020-10-19", "day"),
        ("chủ nhật", ANCHOR, "2020-10-25", "day"),  # the anchor is a Sunday: the anchor itself
        ("thứ Bảy vừa qua", ANCHOR, "2020-10-24", "day"),
        ("tháng 3", ANCHOR, "2020-03", "month"),
        ("tháng 12", ANCHOR, "2020-12", "month"),  # within ~2 months ahead: this year's
        ("tháng 3 tới", ANCHOR, "2021-03", "month"),
        ("năm 2020", ANCHOR, "2020", "year"),
        ("năm qua", ANCHOR, "2019", "year"),
        ("hai tuần trước", ANCHOR, "2020-10", "month"),
        ("6 tháng trước", ANCHOR, "2020-04", "month"),
        # year rollback near January: "hôm 30-12" in an article of 2 January is last December's
        ("hôm 30-12", "2021-01-02", "2020-12-30", "day"),
        ("tháng 12", "2021-01-02", "2020-12", "month"),
        ("tháng trước", "2021-01-02", "2020-12", "month"),
        ("hôm qua", "2021-01-01", "2020-12-31", "day"),
        ("tuần trước", "2021-01-02", "2020-12", "month"),
        # ...and forward near December: "ngày 5/1" in an article of 28 December is next January's
        ("ngày 5/1", "2020-12-28", "2021-01-05", "day"),
        ("ngày 29/2", "2021-03-10", "2020-02-29", "day"),
        # a year-only or month-only anchor
        ("hôm 24-10", "2020", "2020-10-24", "day"),
        ("hôm qua", "2020-10", "2020-10", "month"),
        ("hôm qua", "2020", "2020", "year"),
        ("tháng trước", "2020-10", "2020-09", "month"),
        ("năm ngoái", "2020", "2019", "year"),
        ("hôm 24-10", date(2020, 10, 25), "2020-10-24", "day"),
        ("hôm 24-10", "2020-10-25T08:30:00", "2020-10-24", "day"),
    ],
)
def test_resolve_one_expression(expression: str, anchor, value: str, precision: str) -> None:
    assert resolve(expression, anchor) == ResolvedDate(value, precision)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("13.10.2015", ResolvedDate("2015-10-13", "day")),
        ("tháng 3/2011", ResolvedDate("2011-03", "month")),
        ("năm 2020", ResolvedDate("2020", "year")),
        ("hôm 24-10", ResolvedDate(None, None)),  # a day without a recoverable year stays null
        ("hôm qua", ResolvedDate(None, None)),
        ("tháng 3", ResolvedDate(None, None)),
        ("năm ngoái", ResolvedDate(None, None)),
        ("thứ Hai", ResolvedDate(None, None)),
        ("31/2", None),
    ],
)
def test_without_anchor_only_stated_years_resolve(expression: str, expected: ResolvedDate | None) -> None:
    assert resolve(expression, None) == expected
    assert resolve(expression, "không phải ngày") == expected  # an unreadable anchor is no anchor


@pytest.mark.parametrize(
    "expression", ["31/2", "30/2", "31/4", "80,1%", "5.000", "Bộ Quốc phòng", "hôm 24-10 cho biết", "", "   "]
)
def test_not_a_date_expression(expression: str) -> None:
    assert resolve(expression, ANCHOR) is None


def test_mentions_are_records_with_true_offsets() -> None:
    text = "Ngoại trưởng Mỹ Mike Pompeo hôm 24-10 điện đàm với Tổng thống Belarus."
    (mention,) = find_dates(text, ANCHOR)
    assert mention == DateMention(28, 37, "hôm 24-10", ResolvedDate("2020-10-24", "day"))


def test_samples_give_dates(sample_text) -> None:
    text = sample_text("000")
    found = find_dates(text, "2020-10-25")
    assert ("hôm 24-10", "2020-10-24") in [(m.text, m.resolved.value) for m in found]
    assert all(m.resolved.value for m in found)


# --- properties ----------------------------------------------------------------------------------

ANCHORS = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
# Offsets inside the rollback window: up to ~2 months after the anchor, up to ~10 months before it.
OFFSETS = st.integers(min_value=-300, max_value=61)
YEARLESS = ["ngày {d}/{m}", "hôm {d}-{m}", "Hôm {d}/{m}", "sáng {d}-{m}", "hôm {d}.{m}", "ngày {d:02d}/{m:02d}"]
FRAMES = ["{}", "Bộ Quốc phòng Azerbaijan {} cho biết.", "{}, lực lượng gìn giữ hòa bình tới nơi.", "(NLĐO) - {}"]


@given(anchor=ANCHORS, offset=OFFSETS, template=st.sampled_from(YEARLESS), frame=st.sampled_from(FRAMES))
def test_a_yearless_day_in_the_window_comes_back(anchor: date, offset: int, template: str, frame: str) -> None:
    day = anchor + timedelta(days=offset)
    expression = template.format(d=day.day, m=day.month)
    expected = ResolvedDate(day.isoformat(), "day")
    assert resolve(expression, anchor) == expected
    text = frame.format(expression)
    assert [(m.text, m.resolved) for m in find_dates(text, anchor.isoformat())] == [(expression, expected)]


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), anchor=st.one_of(st.none(), ANCHORS))
def test_a_full_date_comes_back_whatever_the_anchor(day: date, anchor: date | None) -> None:
    for expression in (f"{day.day}.{day.month}.{day.year}", f"ngày {day.day}/{day.month}/{day.year}"):
        assert resolve(expression, anchor) == ResolvedDate(day.isoformat(), "day")


FRAGMENTS = [
    "hôm",
    "ngày",
    "sáng",
    "tháng",
    "năm",
    "tuần",
    "thứ",
    "hai",
    "Hai",
    "chủ nhật",
    "qua",
    "nay",
    "tới",
    "trước",
    "và",
    "đến",
    "từ",
    "24-10",
    "13/9",
    "14.10",
    "13.10.2015",
    "3/2011",
    "2020",
    "31/2",
    "80,1%",
    "5.000",
    "2.5",
    "lần",
    "người",
    "giờ",
    "(",
    ")",
    ",",
    ".",
    "-",
    "/",
    "vừa",
    "cuối",
    "đầu",
    "kia",
    "mai",
    "23",
    "và 24-10",
    "\n",
]
TEXTS = st.one_of(
    st.text(max_size=200),
    st.text(alphabet="0123456789-/., hômngàyáthứăuầnquaôờiđếnHTN()\n", max_size=120),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join),
)
ANY_ANCHOR = st.one_of(st.none(), ANCHORS, st.text(max_size=12), st.sampled_from(["2020", "2020-10", "2020-13-45"]))


@settings(max_examples=300)
@given(text=TEXTS, anchor=ANY_ANCHOR)
def test_resolve_never_raises(text: str, anchor) -> None:
    result = resolve(text, anchor)
    assert result is None or isinstance(result, ResolvedDate)


@settings(max_examples=300)
@given(text=TEXTS, anchor=ANY_ANCHOR)
def test_find_dates_offsets_are_true_and_apart(text: str, anchor) -> None:
    found = find_dates(text, anchor)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text and mention.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    for mention in found:
        value, precision = mention.resolved.value, mention.resolved.precision
        shape = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}", None: ""}[precision]
        assert (value is None and precision is None) or re.fullmatch(shape, value or "")


# --- the year of an undated article --------------------------------------------------------------


def _entity(text: str, name: str, actor_id: str, kind: str = "PER") -> Entity:
    start = text.index(name)
    return Entity(name, start, start + len(name), kind, Actor(actor_id, name))


POMPEO = "Ngoại trưởng Mỹ Mike Pompeo hôm 24-10 đã điện đàm với Tổng thống Belarus."


def _pompeo(extra: str = "") -> tuple[str, list[Entity]]:
    text = POMPEO + extra
    return text, [_entity(text, "Mike Pompeo", "person/mike-pompeo"), _entity(text, "Belarus", "country/BLR", "GPE")]


def test_a_stated_year_inside_the_term_is_the_year() -> None:
    assert infer_anchor(*_pompeo(" Hai nước đã ký hiệp định ngày 13/10/2019.")) == ("2019", "inferred")


def test_a_stated_year_outside_the_term_is_not_trusted() -> None:
    assert infer_anchor(*_pompeo(" Hai nước đã ký hiệp định ngày 13/10/2015.")) == (None, None)


def test_a_caption_dates_an_article_whose_text_gives_no_full_date() -> None:
    text, entities = _pompeo()
    caption = "Ông Pompeo tại Washington ngày 23.10.2020 - Ảnh: Reuters"
    assert infer_anchor(text, entities, [caption]) == ("2020", "inferred")
    assert infer_anchor(text, entities, ["Ông Pompeo tại Washington - Ảnh: Reuters"]) == (None, None)


def test_a_term_of_several_years_alone_gives_no_year() -> None:
    assert infer_anchor(*_pompeo()) == (None, None)


def test_terms_of_several_people_are_intersected() -> None:
    text = POMPEO + " Tổng thống Mỹ Joe Biden cũng lên tiếng."
    entities = [_entity(text, "Mike Pompeo", "person/mike-pompeo"), _entity(text, "Joe Biden", "person/joe-biden")]
    assert infer_anchor(text, entities) == ("2021", "inferred")  # 2018-2021 and 2021-2025 share 2021 only


def test_a_former_officeholder_bounds_from_below() -> None:
    text = "Cựu Ngoại trưởng Mỹ Mike Pompeo phát biểu tại hội nghị năm 2019 và năm 2023."
    assert infer_anchor(text, [_entity(text, "Mike Pompeo", "person/mike-pompeo")]) == ("2023", "inferred")


def test_a_name_without_title_bounds_nothing() -> None:
    text = "Ông Mike Pompeo từng phát biểu ngày 13/10/2015 tại Washington."
    assert infer_anchor(text, [_entity(text, "Mike Pompeo", "person/mike-pompeo")]) == ("2015", "inferred")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Hiệp định được ký ngày 13.10.2015 tại Vienna. Đến năm 2012 hai bên mới bắt đầu đàm phán.", "2015"),
        ("Hội nghị ngày 2/3/2004 và cuộc họp ngày 13.10.2005 không đạt kết quả.", "2005"),
        ("Ngày 13.10.2015 hai bên ký hiệp định; mục tiêu đến năm 2090 là xóa đói nghèo.", "2015"),
        ("Nước này gia nhập WTO vào tháng 11/2001 và tháng 1/2007.", "2007"),
        ("Nền kinh tế tăng trưởng 6% trong năm 2020.", "2020"),
        ("Bộ Quốc phòng Azerbaijan hôm 23-10 cho biết đã bắn hạ hai máy bay.", None),
        ("Hai bên sẽ gặp nhau vào năm tới.", None),
        ("Không có ngày tháng nào ở đây cả.", None),
    ],
)
def test_stated_years(text: str, year: str | None) -> None:
    assert infer_anchor(text) == ((year, "inferred") if year else (None, None))


@given(year=st.integers(min_value=1990, max_value=2025))
def test_pompeo_gives_a_year_of_his_term_only_when_one_is_stated(year: int) -> None:
    found, basis = infer_anchor(*_pompeo(f" Hai bên từng gặp nhau ngày 5/6/{year}."))
    if 2018 <= year <= 2021:
        assert (found, basis) == (str(year), "inferred")
    else:
        assert (found, basis) == (None, None)
