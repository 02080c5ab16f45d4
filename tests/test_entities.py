"""Recognition and linking, one rule a test, on real sentences of the samples and sentences in their style."""

from __future__ import annotations

import pytest

from sukien.actorbase import load_base
from sukien.linking import extract_entities


def entities(text: str, published: str | None = None) -> dict[str, tuple[str, str | None, str | None]]:
    """Mention text → (type, country or org, actor id)."""
    return {
        e.text: (e.type, e.actor.country or e.actor.org, e.actor.id)
        for e in extract_entities(text, published=published)
    }


def test_title_country_and_name_give_two_entities_and_the_title_is_not_part_of_the_name() -> None:
    found = entities(
        "Tổng thống Belarus Alexander Lukashenko khẳng định trong cuộc điện đàm hôm 24-10 với "
        "Ngoại trưởng Mỹ Mike Pompeo rằng Belarus và Nga sẵn sàng phản ứng chung."
    )
    assert found["Belarus"][:2] == ("GPE", "BLR")
    assert found["Alexander Lukashenko"][:2] == ("PER", "BLR")
    assert found["Mỹ"][:2] == ("GPE", "USA")
    assert found["Mike Pompeo"][:2] == ("PER", "USA")
    assert found["Nga"][:2] == ("GPE", "RUS")
    assert not any(text.startswith(("Tổng thống", "Ngoại trưởng")) for text in found)


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        ("Anh và Canada đã áp đặt trừng phạt đối với Belarus.", "Anh", None),
        ("Anh ấy cho biết sẽ trở về nhà vào tuần tới.", None, "Anh"),
        ("Người anh của ông đã rời khỏi thành phố.", None, "anh"),
        ("Trong khi đó, giao tranh vẫn nổ ra vào ngày 24-10.", None, "Trong"),
    ],
)
def test_case_and_sentence_starts_do_not_make_false_names(
    sentence: str, present: str | None, absent: str | None
) -> None:
    found = entities(sentence)
    if present:
        assert found[present][:2] == ("GPE", "GBR")
    if absent:
        assert absent not in found


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Bộ Quốc phòng Azerbaijan hôm 23-10 cho biết đụng độ tiếp diễn.", "Bộ Quốc phòng Azerbaijan", "AZE"),
        ("Mỹ đã cử lính đánh thuê đến để hỗ trợ quân đội Kiev.", "quân đội Kiev", "UKR"),
        ("Người phát ngôn của Bộ Ngoại giao Mỹ đã xác nhận cuộc điện đàm.", "Bộ Ngoại giao Mỹ", "USA"),
    ],
)
def test_institutions_are_one_organisation_of_their_country(sentence: str, mention: str, country: str) -> None:
    assert entities(sentence)[mention][:2] == ("ORG", country)


def test_organisations_link_to_their_codes() -> None:
    found = entities(
        "Tổ chức Hợp tác Thượng Hải (SCO) tuyên bố sẵn sàng can thiệp, trong khi NATO và Liên hợp quốc im lặng."
    )
    assert found["Tổ chức Hợp tác Thượng Hải"][:2] == ("ORG", "SCO")
    assert found["SCO"][:2] == ("ORG", "SCO")
    assert found["NATO"][:2] == ("ORG", "NATO")
    assert found["Liên hợp quốc"][:2] == ("ORG", "UN")


def test_unknown_name_keeps_the_country_its_title_gives() -> None:
    found = entities("Hôm 6/1, ông Blinken có cuộc trao đổi với Bộ trưởng Ngoại giao Kazakhstan Mukhtar Tileuberdi.")
    assert found["Mukhtar Tileuberdi"][:2] == ("PER", "KAZ")


def test_unknown_name_after_a_citizen_cue_is_a_person_of_that_country() -> None:
    found = entities("Ngoại trưởng Pompeo yêu cầu Belarus trả tự do cho công dân Mỹ Vitali Shkliarov bị bắt giữ.")
    assert found["Vitali Shkliarov"] == ("PER", "USA", None)


@pytest.mark.parametrize(
    ("sentence", "mention", "entity_type"),
    [
        ("Binh sỹ Armenia đứng gác tại làng Shurnukh thuộc khu vực biên giới.", "Shurnukh", "LOC"),
        ("Đợt pháo kích đã buộc cư dân thành phố Stepanakert phải tìm nơi trú ẩn.", "Stepanakert", "LOC"),
        ("Ông Phil Reeker, nhà ngoại giao kỳ cựu, đã có mặt tại Baku.", "Phil Reeker", "PER"),
    ],
)
def test_unknown_names_are_typed_by_the_cue_before_them(sentence: str, mention: str, entity_type: str) -> None:
    assert entities(sentence)[mention][0] == entity_type


def test_short_form_after_a_full_mention_is_the_same_actor() -> None:
    text = "Công dân Mỹ Vitali Shkliarov bị bắt giữ ở Minsk. Gia đình ông Shkliarov kêu gọi trả tự do."
    found = extract_entities(text)
    full = next(e for e in found if e.text == "Vitali Shkliarov")
    short = next(e for e in found if e.text == "Shkliarov")
    assert (short.type, short.actor.country) == ("PER", full.actor.country)


def test_short_form_of_a_known_person_links_to_them() -> None:
    found = entities("Tổng thống Nga Vladimir Putin gặp báo giới. Ông Putin nói Nga không cần lực lượng nước ngoài.")
    assert found["Putin"][2] == found["Vladimir Putin"][2] is not None


@pytest.mark.parametrize(
    ("sentence", "mention", "entity_type", "country"),
    [
        ("Tuy nhiên, đoàn lãnh đạo cấp cao của Nga đã bị Washignton từ chối.", "Washignton", "GPE", "USA"),
        ("Phát biểu của ông Lukashenco liên quan đến việc Nga theo dõi lính đánh thuê.", "Lukashenco", "PER", "BLR"),
    ],
)
def test_misspellings_link_like_the_right_spelling(sentence: str, mention: str, entity_type: str, country: str) -> None:
    assert entities(sentence)[mention][:2] == (entity_type, country)


@pytest.mark.parametrize(
    ("sentence", "entity_type"),
    [
        ("Washington từ chối lời đề nghị đàm phán của Moskva.", "GPE"),
        ("Các cuộc đàm phán hòa giải diễn ra ở thủ đô Washington.", "LOC"),
    ],
)
def test_a_capital_stands_for_its_state_unless_the_sentence_places_something_in_it(
    sentence: str, entity_type: str
) -> None:
    assert entities(sentence)["Washington"][:2] == (entity_type, "USA")


def test_seats_of_government_stand_for_their_state() -> None:
    found = entities("Điện Kremlin “cảm thấy tiếc” trong khi Nhà Trắng chưa lên tiếng.")
    assert found["Điện Kremlin"][:2] == ("GPE", "RUS")
    assert found["Nhà Trắng"][:2] == ("GPE", "USA")


def test_the_holder_of_a_title_depends_on_the_date() -> None:
    base = load_base()
    assert [e.name for e in base.holders("Ngoại trưởng", "USA", "2015-10-14")] == ["John Kerry"]
    assert [e.name for e in base.holders("Ngoại trưởng", "USA", "2020-10-24")] == ["Mike Pompeo"]


def test_capitalised_headline_names_only_what_it_names() -> None:
    found = entities("TẠI SAO VIỆT NAM BỎ PHIẾU TRẮNG TẠI CUỘC BỎ PHIẾU CỦA ĐẠI HỘI ĐỒNG LIÊN HỢP QUỐC")
    assert found["VIỆT NAM"][:2] == ("GPE", "VNM")
    assert "TẠI SAO" not in found and "BỎ PHIẾU TRẮNG" not in found


def test_hyphenated_foreign_names_are_one_mention() -> None:
    found = entities("Tin đồn xuất hiện khi ông Putin gặp nhà lãnh đạo Triều Tiên Kim Jong-un trong chuyến thăm Nga.")
    assert found["Kim Jong-un"][:2] == ("PER", "PRK")
    assert found["Triều Tiên"][:2] == ("GPE", "PRK")


def test_western_world_is_a_political_unit_without_a_country() -> None:
    found = entities("Ông Lukashenko chỉ trích phương Tây và đề xuất hợp tác Nga-Belarus-Triều Tiên.")
    assert found["phương Tây"][:2] == ("GPE", None)
    assert found["Nga"][:2] == ("GPE", "RUS") and found["Belarus"][:2] == ("GPE", "BLR")
