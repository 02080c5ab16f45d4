"""Vietnamese numbers and casualty counts: one table row per form, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sukien.casualties import Casualties, casualties
from sukien.numbers import Quantity, find_quantities, parse_number

# --- parse_number ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.000", 5000),  # dot thousands
        ("240.000", 240000),
        ("1.026", 1026),  # a dot before three digits groups thousands, never a decimal point
        ("3.657", 3657),
        ("1.234.567", 1234567),
        ("80,1", 80.1),  # decimal comma
        ("10,12", 10.12),
        ("1.234,5", 1234.5),
        ("1,5 triệu", 1_500_000),
        ("11,3 triệu", 11_300_000),
        ("2 tỷ", 2e9),
        ("2 tỉ", 2e9),
        ("5 nghìn", 5000),
        ("5 ngàn", 5000),
        ("2 tỷ 500 triệu", 2.5e9),
        ("1 triệu rưỡi", 1_500_000),
        ("7.9", 7.9),  # English decimal point: a dot not before three digits
        ("1,234,567", 1234567),  # English thousands: several commas grouping threes
        ("hai", 2),
        ("mười", 10),
        ("mười lăm", 15),
        ("mười một", 11),
        ("hai mươi", 20),
        ("hai mươi mốt", 21),
        ("hai mươi một", 21),
        ("hai mươi tư", 24),
        ("năm mươi lăm", 55),
        ("năm", 5),
        ("một trăm", 100),
        ("một trăm linh năm", 105),
        ("ba trăm năm mươi", 350),
        ("hai chục", 20),
        ("hai nghìn năm trăm", 2500),
        ("một nghìn không trăm linh năm", 1005),
        ("một trăm nghìn", 100_000),
        ("hai triệu rưỡi", 2_500_000),
        ("Hai", 2),
        ("hơn 240.000", 240000),  # with a qualifier: the value is the number
        ("ít nhất 49", 49),
        ("khoảng 300", 300),
        ("gần 100.000", 100000),
        ("80,1%", 80.1),  # a percentage: the value is the number; `Quantity.percent` says so
        ("21,7%", 21.7),
        ("7.9%", 7.9),
        ("50 phần trăm", 50),
        ("300-400", 300),  # a range: its lower bound
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "hàng chục",  # vague counts have no value
        "hàng trăm",
        "hàng nghìn",
        "hàng ngàn",
        "vài",
        "một số",
        "24-10",  # dates
        "13/9",
        "9/10/2020",
        "10:30",
        "",
        "người",
        "5.000 người",  # one number expression, nothing more
        "hai năm",
        "mười năm",  # ten years, not fifteen ("mười lăm")
        "1.2.3",
    ],
)
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


# --- find_quantities ------------------------------------------------------------------------------------


def quantities(text: str) -> list[tuple[str, float | None, str | None]]:
    """(text, value, qualifier) of every quantity of `text`, after checking each one's offsets."""
    found = find_quantities(text)
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
    return [(q.text, q.value, q.qualifier) for q in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ngày 13/9, Bộ Quốc phòng Azerbaijan cho biết, 50 quân nhân nước này đã thiệt mạng.",
            [("50", 50, None)],
        ),
        ("Ít nhất 49 binh sĩ thiệt mạng hôm 24-10.", [("Ít nhất 49", 49, "at_least")]),
        ("Cuộc chiến làm thiệt mạng hơn 240.000 người.", [("hơn 240.000", 240000, "more_than")]),
        ("Khoảng 300 người tham gia biểu tình.", [("Khoảng 300", 300, "about")]),
        ("Gần 100.000 người sơ tán.", [("Gần 100.000", 100000, "nearly")]),
        ("Nga có tới 300.000 công dân ký hợp đồng.", [("300.000", 300000, None)]),
        ("Phe đối lập giành tối đa 20 ghế.", [("tối đa 20", 20, "up_to")]),
        ("Kinh tế tăng 80,1% so với năm 2019.", [("80,1%", 80.1, None)]),
        ("Gói viện trợ trị giá 1,5 triệu USD.", [("1,5 triệu", 1_500_000, None)]),
        ("Hai bên đã hội đàm trong hai mươi mốt ngày.", [("Hai", 2, None), ("hai mươi mốt", 21, None)]),
        ("Trong năm nay, năm binh sĩ đã bị thương.", [("năm", 5, None)]),
        ("Ông đã làm việc ở đó hai năm.", [("hai", 2, None)]),  # "năm" after a number is "year"
        ("Cuộc bầu cử ngày 9-8 và ngày 23 diễn ra năm 2020.", []),  # dates and years
        ("Nga triển khai hệ thống S-400 và tiêm kích Su-35.", []),  # codes
        ("Ba Lan đã thành lập lực lượng sẵn sàng.", []),  # a name
        ("Quân đội triển khai một cách nhanh chóng vào thứ hai.", []),  # an idiom and a weekday
        ("Hàng chục người bị thương.", [("Hàng chục", None, None)]),
        ("Từ 20-30 người có mặt.", [("20-30", 20, "at_least")]),
    ],
)
def test_find_quantities(text: str, expected: list) -> None:
    assert quantities(text) == expected


def test_vague_and_percent_are_flagged() -> None:
    vague, percent = find_quantities("Hàng chục người thiệt mạng và 21,7% số nhà bị phá hủy.")
    assert vague == Quantity(0, 9, "Hàng chục", None, None, vague=True)
    assert percent.percent and percent.value == pytest.approx(21.7) and not percent.vague


# --- casualties -----------------------------------------------------------------------------------------

CASUALTY_CASES = [
    # the count before the noun of people before the casualty word
    (
        "Ngày 13/9, Bộ Quốc phòng Azerbaijan cho biết, 50 quân nhân nước này đã thiệt mạng trong các cuộc đụng độ.",
        50,
        None,
    ),
    ("Ít nhất 49 binh sĩ thiệt mạng trong đợt giao tranh hôm 27-9.", 49, None),
    ("Trận động đất khiến 5.000 người thiệt mạng.", 5000, None),
    ("Vụ pháo kích khiến một thiếu niên thiệt mạng.", 1, None),
    ("Bộ Quốc phòng Nga cho biết 4 quân nhân Syria bị thương trong vụ tấn công.", None, 4),
    ("Theo Liên hợp quốc, 16 dân thường đã thiệt mạng, 46 người khác bị thương.", 16, 46),
    ("Kể từ đầu tháng 2, 1.480 dân thường thiệt mạng và 2.195 người bị thương.", 1480, 2195),
    ("Hai nhà báo bị sát hại tại thủ đô hôm 5/10.", 2, None),
    ("Ba cảnh sát đã chết trong cuộc đấu súng.", 3, None),
    ("Có 12 người tử vong trong vụ tai nạn.", 12, None),
    ("Hai thợ mỏ đã tử nạn sau vụ sập hầm.", 2, None),
    ("Năm binh sĩ bị giết trong cuộc phục kích.", 5, None),
    ("Năm người bị thương nặng đã được đưa tới bệnh viện.", None, 5),
    ("Một thanh niên 20 tuổi đã thiệt mạng.", 1, None),  # "20 tuổi" is an age
    ("Hơn 300 người hành hương đã bị thương.", None, 300),
    ("Vụ đánh bom làm 9 chiến binh và một người qua đường thiệt mạng.", 10, None),
    ("3 trong số 10 con tin đã bị giết.", 3, None),
    # the count after "làm/khiến" + casualty word, or after an active verb of killing
    ("Cuộc chiến đã làm thiệt mạng hơn 240.000 người.", 240000, None),
    ("Một vụ nổ mỏ khí đốt làm chết 234 người.", 234, None),
    ("Vụ nổ làm bị thương 20 người ở chợ.", None, 20),
    ("Các tay súng đã giết 7 cảnh sát tại một trạm kiểm soát.", 7, None),
    ("Không quân nước này đã sát hại 11 dân thường, phía Afghanistan cáo buộc.", 11, None),
    ("Quả bom bên vệ đường đã giết chết 10 lính thủy đánh bộ và làm 11 binh sĩ khác bị thương.", 10, 11),
    ("Chiếc máy bay rơi làm chết toàn bộ 44 người trên khoang.", 44, None),
    # totals: still deaths when the sentence says so
    (
        "Cơ quan Quốc phòng Nagorno-Karabakh hôm 24-10 khẳng định số binh sĩ thiệt mạng kể từ ngày 27-9 đã "
        "tăng thêm 36 người, lên tổng cộng 963 người.",
        963,
        None,
    ),
    ("Số người chết vì lũ lụt tại nước này đã lên tới 204 người.", 204, None),
    ("Tổng số lính thiệt mạng đã lên 2.120 người, còn số bị thương là gần 16.000 người.", 2120, 16000),
    ("Đây chỉ là một phần trong tổng số 216.000 người thiệt mạng vì sóng thần.", 216000, None),
    ("Tổng cộng 130 người thiệt mạng, trong đó 128 người qua đời vì khí độc.", 130, None),  # the largest
    # vague counts, negations and lumps give no dead or injured
    ("Hàng chục người thiệt mạng sau vụ nổ.", None, None),
    ("Vụ tấn công khiến hàng trăm người bị thương.", None, None),
    ("Không có binh sĩ nào bị thương.", None, None),
    ("Vụ nổ gây thiệt hại 5 triệu USD nhưng không có ai thiệt mạng.", None, None),
    ("Vụ tấn công khiến 20 người thương vong.", None, None),
    # numbers that are not casualty counts
    ("Khoảng 80% số người thiệt mạng là dân thường.", None, None),
    ("Khoảng 10% trong số hai triệu binh sĩ đồng minh đã thiệt mạng.", None, None),
    ("Hôm 24-10, giao tranh tiếp diễn khiến nhiều người thiệt mạng.", None, None),
    ("Năm 2020, cái chết của nhà báo này gây chấn động.", None, None),
    ("Nga có 300.000 công dân ký hợp đồng với Bộ Quốc phòng.", None, None),
    ("Trong số những người thiệt mạng có 2 em nhỏ.", None, None),
    ("Binh sĩ này bắn 5 tên lửa nhưng không ai bị thương.", None, None),
]


@pytest.mark.parametrize(("sentence", "dead", "injured"), CASUALTY_CASES)
def test_casualties(sentence: str, dead: int | None, injured: int | None) -> None:
    result = casualties(sentence)
    assert (result.dead, result.injured) == (dead, injured)


def test_casualties_of_a_lump() -> None:
    """A "thương vong" count is dead and injured together: neither count, but kept as one."""
    assert casualties("Vụ tấn công khiến 20 người thương vong.") == Casualties(None, None, dead_or_injured=20)


# --- properties -----------------------------------------------------------------------------------------


def dotted(n: int) -> str:
    """`n` printed the Vietnamese way: "1.234.567"."""
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**9))
def test_dot_thousands_round_trip(n: int) -> None:
    assert parse_number(dotted(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from([1, 2]), st.integers(min_value=0, max_value=99))
def test_decimal_comma_round_trip(whole: int, places: int, fraction: int) -> None:
    digits = f"{fraction % 10**places:0{places}d}"
    assert parse_number(f"{whole},{digits}") == pytest.approx(float(f"{whole}.{digits}"))


@given(st.integers(min_value=0, max_value=999_999), st.integers(min_value=0, max_value=9))
def test_dotted_decimal_round_trip(whole: int, tenth: int) -> None:
    assert parse_number(f"{dotted(whole)},{tenth}") == pytest.approx(whole + tenth / 10)


UNITS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
# How a unit may be written after "mười"/"mươi": 5 is "lăm" (or "nhăm"); after "mươi", 1 is "mốt" and 4 may be "tư".
AFTER_TEN = {1: ["một"], 4: ["bốn"], 5: ["lăm", "nhăm"]}
AFTER_TENS = {1: ["mốt", "một"], 4: ["bốn", "tư"], 5: ["lăm", "nhăm"]}


@st.composite
def number_words(draw: st.DrawFn) -> tuple[int, str]:
    """A number 1..99 and one way to write it in Vietnamese words."""
    n = draw(st.integers(min_value=1, max_value=99))
    tens, unit = divmod(n, 10)
    if tens == 0:
        return n, UNITS[unit]
    head = "mười" if tens == 1 else f"{UNITS[tens]} mươi"
    if unit == 0:
        return n, head
    spellings = (AFTER_TEN if tens == 1 else AFTER_TENS).get(unit, [UNITS[unit]])
    return n, f"{head} {draw(st.sampled_from(spellings))}"


@given(number_words())
def test_number_words_round_trip(case: tuple[int, str]) -> None:
    n, words = case
    assert parse_number(words) == n
    assert parse_number(words.capitalize()) == n


VOCABULARY = [
    "5.000", "80,1%", "1,5", "triệu", "tỷ", "hai", "mươi", "mốt", "năm", "mười", "lăm", "trăm", "linh",
    "hàng", "chục", "vài", "hơn", "ít nhất", "khoảng", "gần", "ngày", "24-10", "13/9", "S-400", "người",
    "binh sĩ", "thiệt mạng", "bị thương", "làm", "khiến", "số", "lên", "và", ",", ".", "%", "Ba Lan",
    "thương vong", "trong số", "nay", "10:30", "İ", "١٢",
]  # fmt: skip


@given(st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=6)), max_size=25), st.sampled_from([" ", ""]))
@settings(max_examples=300)
def test_find_quantities_offsets_are_true_and_disjoint(words: list[str], glue: str) -> None:
    text = glue.join(words) if glue else " ".join(words).replace(" ,", ",")
    found = find_quantities(text)
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start < quantity.end
    for earlier, later in zip(found, found[1:], strict=False):
        assert earlier.end <= later.start
    casualties(text)  # never raises either


@given(st.text())
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@given(st.text(alphabet=st.characters(categories=["Nd", "Po", "Pd", "Zs"]), max_size=30))
def test_digit_soup_never_raises(text: str) -> None:
    parse_number(text)
    find_quantities(text)
    casualties(text)
