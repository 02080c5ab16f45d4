"""The line classifier labels real page lines (from the samples) and lines written in their style."""

from __future__ import annotations

import pytest

from sukien.cues import load_cues
from sukien.lines import Label, classify, is_caption

CUES = load_cues()

LINES = [
    # headlines
    ("Belarus dội gáo nước lạnh ngay trong cuộc điện đàm của ngoại trưởng Mỹ", Label.HEADLINE),
    ("Ông Trump sẽ ban bố tình trạng khẩn cấp để trục xuất người nhập cư trái phép?", Label.HEADLINE),
    ("Điện Kremlin: Mỹ từ chối đàm phán với Nga về chiến sự Syria", Label.HEADLINE),
    # paragraphs
    (
        "Tổng thống Lukashenko đang đối mặt viễn cảnh một cuộc đình công toàn quốc có thể bắt đầu vào ngày 26-10.",
        Label.BODY,
    ),
    ("“Giờ đây chúng tôi chỉ có thể thể hiện sự tiếc nuối”, ông Peskov nói các nhà báo ở Nga.", Label.BODY),
    # captions: a short description closed by a credit, "- Hình N", "Trong ảnh:"
    ("Tổng thống Belarus Alexander Lukashenko. Ảnh: Reuters", Label.CAPTION),
    ("Tổng thống Belarus Alexander Lukashenko. Ảnh: AFP/TTXVN", Label.CAPTION),
    ("Tổng thống Nga Vladimir Putin (phải) và người phát ngôn Dmitry Peskov – Ảnh: AFP", Label.CAPTION),
    ("Belarus dội gáo nước lạnh ngay trong cuộc điện đàm của ngoại trưởng Mỹ - Hình 2", Label.CAPTION),
    ("Đại sứ quán Nga tại thủ đô Damascus (Ảnh: Reuters).", Label.CAPTION),
    ("Trong ảnh: Binh sỹ Armenia đứng gác tại làng Shurnukh.", Label.CAPTION),
    ("| Tổ chức Hợp tác Thượng Hải (SCO) tuyên bố sẵn sàng can thiệp. (Ảnh: Reutes) |", Label.CAPTION),
    # prompts, boxes, sections, stubs
    ("Theo dõi VGT trên", Label.PROMPT),
    ("Theo dõi Báo Gia Lai trên Google News", Label.PROMPT),
    ("Video đang HOT", Label.PROMPT),
    ("Bạn thấy bài viết này có hữu ích không?", Label.PROMPT),
    ("Có;", Label.PROMPT),
    ("![]() |", Label.PROMPT),
    ("Tin liên quan", Label.BLOCK),
    ("Tiêu điểm", Label.BLOCK),
    ("Có thể bạn quan tâm", Label.BLOCK),
    ("Tin mới nhất:", Label.BLOCK),
    ("Quốc tế", Label.SECTION),
    ("Sao việt", Label.SECTION),
    # teasers and timestamps
    ("| Nga tức giận với phát ngôn của Ngoại trưởng Mỹ", Label.TEASER),
    ("- Cựu giám đốc HAGL Nguyễn Văn Vinh qua đời (12:11)", Label.TEASER),
    ("- Mỹ: Đâm dao liên tiếp trên phố, 5 người thiệt mạng (2 giờ trước)", Label.TEASER),
    ("Động đất và sóng thần tại châu Á(27/12/2004)", Label.TEASER),
    ("22:26:44 18/11/2024", Label.TIMESTAMP),
    # credits
    ("Minh Quang", Label.BYLINE),
    ("Huyền Lê (Theo RT, AFP)", Label.BYLINE),
    ("Theo Thanhnien", Label.SOURCE),
    ("(Theo Reuters, AP)", Label.SOURCE),
    # junk
    ("null", Label.JUNK),
    ("https://cdnn1.img.example.vn/img/259/03/2590377_0.jpg", Label.JUNK),
]


@pytest.mark.parametrize(("line", "label"), LINES)
def test_line_is_labelled(line: str, label: Label) -> None:
    assert classify(line, CUES).label == label


def test_dateline_opening_the_header_gives_the_publication_time() -> None:
    line = classify(
        "10/01/2022 01:11Tổ chức do Trung Quốc hậu thuẫn tuyên bố sẵn sàng hỗ trợ Kazakhstan",
        CUES,
        in_header=True,
    )
    assert line.label == Label.TIMESTAMP
    assert line.dateline is not None
    assert line.dateline.iso == "2022-01-10T01:11"
    assert line.dateline.rest.startswith("Tổ chức do Trung Quốc")


@pytest.mark.parametrize(
    "line",
    [
        # a lead paragraph with a credit glued on after several sentences is still a paragraph
        "Tổng thống Nga Vladimir Putin cho biết Moscow ủng hộ quan điểm của Trung Quốc về vụ kiện. "
        "Tổng thống Putin. Ảnh: Sputnik.",
        # "Trong ảnh" in the middle of a flattened article is not a caption
        "Theo thỏa thuận, Hàn Quốc và Philippines đang đàm phán về máy bay FA-50. (Trong ảnh: Máy bay FA-50) "
        "Được biết, giá trị của bản hợp đồng vào khoảng 420 triệu USD.",
    ],
)
def test_long_paragraph_with_caption_cue_is_not_a_caption(line: str) -> None:
    assert not is_caption(line, CUES)
    assert classify(line, CUES).label == Label.BODY


def test_prefix_cue_does_not_swallow_a_flattened_article() -> None:
    line = (
        ">> Pháp, Mexico giận dữ đòi Mỹ giải thích về cáo buộc do thám. Tổng thống Obama nói chuyện điện thoại "
        "với Tổng thống Pháp Francois Hollande ngày 22/10. Tổng thống Obama nói với nhà lãnh đạo Pháp rằng Mỹ "
        "đang xem xét lại cách thu thập thông tin tình báo của mình."
    )
    assert classify(line, CUES).label == Label.BODY
    assert classify(">> Xem thêm tin về Syria", CUES).label == Label.PROMPT


@pytest.mark.parametrize("cell", ["36,9", "1.624", "265"])
def test_table_numbers_are_not_headlines(cell: str) -> None:
    assert classify(cell, CUES).label != Label.HEADLINE
