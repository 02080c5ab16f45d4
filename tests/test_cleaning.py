"""Cleaning whole pages: the samples as the crawler saved them, and pages written in their style."""

from __future__ import annotations

import pytest

import sukien
from sukien.models import Article


@pytest.fixture(scope="module")
def sample_articles(samples_dir) -> dict[str, list[Article]]:
    return {path.name[:3]: sukien.extract(path) for path in sorted(samples_dir.glob("*.txt"))}


@pytest.mark.parametrize(
    ("sample", "titles"),
    [
        (
            "000",
            [
                "Belarus dội gáo nước lạnh ngay trong cuộc điện đàm của ngoại trưởng Mỹ",
                "Anh và Canada áp đặt trừng phạt với Belarus",
            ],
        ),
        ("001", ["Ông Lukashenko chỉ trích phương Tây và đề xuất hợp tác Nga-Belarus-Triều Tiên"]),
        ("002", ["Tổ chức do Trung Quốc hậu thuẫn tuyên bố sẵn sàng hỗ trợ Kazakhstan"]),
        (
            "003",
            [
                "Điện Kremlin: Mỹ từ chối đàm phán với Nga về chiến sự Syria",
                "IS tuyên bố sẽ đánh bại Nga ở Syria",
            ],
        ),
        ("004", [None]),
    ],
)
def test_pages_split_into_their_stories_with_their_titles(sample_articles, sample: str, titles: list) -> None:
    assert [article.title for article in sample_articles[sample]] == titles


@pytest.mark.parametrize(
    ("sample", "gone"),
    [
        ("000", "Theo dõi VGT trên"),
        ("000", "Video đang HOT"),
        ("000", "Bạn thấy bài viết này có hữu ích không?"),
        ("000", "Cảnh sát Mỹ bị đình chỉ vì quật ngã cụ ông gốc Việt"),  # "Tiêu điểm" box
        ("000", "22:26:44 18/11/2024"),
        ("000", "UNHCR nhấn mạnh việc tìm ra các giải pháp lâu dài"),  # "Tin mới nhất" snippet
        ("000", "- Hình 1"),
        ("000", "Ảnh: Reuters"),
        ("001", "Binh đoàn 15"),  # "Có thể bạn quan tâm" box
        ("001", "null"),
        ("002", "Nga tức giận với phát ngôn của Ngoại trưởng Mỹ"),  # "| ... |" teaser table
        ("002", "(12:30)"),
        ("003", "Minh Quang"),
        ("003", "Theo Thanhnien"),
        ("004", "Trong ảnh"),
        ("004", "Điểm tin thế giới sáng 14/9"),
    ],
)
def test_boilerplate_is_not_in_the_text(sample_articles, sample: str, gone: str) -> None:
    for article in sample_articles[sample]:
        assert gone not in article.text


def test_captions_bylines_sources_and_outlet_are_kept_apart(sample_articles) -> None:
    first, second = sample_articles["003"]
    assert first.authors == ("Minh Quang",) and second.authors == ("Phúc Duy",)
    assert "Thanhnien" in first.sources and "Itar TASS" in first.sources
    assert "Tổng thống Nga Vladimir Putin (phải) và người phát ngôn Dmitry Peskov – Ảnh: AFP" in first.captions
    assert first.outlet == "Việt Giải Trí"
    (gialai,) = sample_articles["001"]
    assert gialai.outlet == "Báo Gia Lai"
    assert gialai.captions == ("Tổng thống Belarus và Tổng thống Nga. Ảnh: Reuters",)


def test_dateline_gives_the_publication_time(sample_articles) -> None:
    (article,) = sample_articles["002"]
    assert (article.published, article.published_basis) == ("2022-01-10T01:11", "dateline")
    assert "TASS" in article.sources
    assert "Quốc tế" not in article.text.split("\n")  # the section label above the dateline
    assert all(a.published is None and a.published_basis is None for a in sample_articles["000"])


def test_text_is_title_then_paragraphs(sample_articles) -> None:
    article = sample_articles["000"][1]
    lines = article.text.split("\n")
    assert lines[0] == article.title
    assert lines[1].startswith("Ngày 29/9, Anh và Canada đã áp đặt trừng phạt")
    assert article.body == lines[1:]
    untitled = sample_articles["004"][0]
    assert untitled.body[0].startswith("Ngày 13/9, Bộ Quốc phòng Azerbaijan cho biết")
    assert untitled.captions[0].startswith("Nga, Mỹ, Liên hợp quốc cùng nhiều tổ chức khác")


PAGE_WITH_BOX = """Nga và Ukraine nối lại đàm phán tại Istanbul

Ngoại trưởng Nga Sergei Lavrov hôm nay cho biết phái đoàn hai nước sẽ gặp nhau tại Istanbul vào tuần tới.

Tin liên quan

Ukraine cáo buộc Nga pháo kích Kharkiv
21:05:07 07/04/2022
Mỹ công bố gói viện trợ mới cho Ukraine
20:11:02 07/04/2022

Ông Lavrov nói rằng Moskva vẫn sẵn sàng thảo luận các đảm bảo an ninh với Kiev.

Theo ông, phía Ukraine đã thay đổi lập trường sau cuộc gặp ở Istanbul ngày 29/3.

Người phát ngôn Điện Kremlin Dmitry Peskov cũng nói các cuộc đàm phán đang tiến triển chậm.

Hà Linh

Theo RT
"""


def test_story_goes_on_after_a_box_of_other_headlines() -> None:
    (article,) = sukien.extract(PAGE_WITH_BOX)
    assert "Ukraine cáo buộc Nga pháo kích Kharkiv" not in article.text
    assert article.body[-1].startswith("Người phát ngôn Điện Kremlin Dmitry Peskov")
    assert article.authors == ("Hà Linh",)
    assert article.sources == ("RT",)


PAGE_WITH_SUBHEADS = """Hàng nghìn người biểu tình tại Minsk

Hàng nghìn người đã xuống đường tại thủ đô Minsk của Belarus hôm qua để phản đối kết quả bầu cử.

Cảnh sát bắt giữ hàng trăm người

Bộ Nội vụ Belarus cho biết hơn 200 người đã bị bắt giữ trong các cuộc biểu tình.

Svetlana Tikhanovskaya

Ứng cử viên đối lập Svetlana Tikhanovskaya đã rời Belarus sang Litva sau cuộc bầu cử.

Minh Quang
"""


def test_subheads_and_name_subheads_stay_in_the_story() -> None:
    (article,) = sukien.extract(PAGE_WITH_SUBHEADS)
    assert "Cảnh sát bắt giữ hàng trăm người" in article.body
    assert "Svetlana Tikhanovskaya" in article.body
    assert article.authors == ("Minh Quang",)


def test_record_title_that_is_a_caption_goes_to_captions() -> None:
    (article,) = sukien.extract(
        "Israel tuyên bố đã tấn công các tổ hợp tên lửa của Syria để đáp trả.\nBộ Quốc phòng Syria xác nhận.",
        title="Một cuộc tấn công tên lửa nhằm vào Syria hồi năm 2018 (Ảnh minh họa: Reuters).",
    )
    assert article.title is None
    assert article.captions == ("Một cuộc tấn công tên lửa nhằm vào Syria hồi năm 2018 (Ảnh minh họa: Reuters).",)


def test_record_title_that_is_a_paragraph_is_the_first_paragraph() -> None:
    lead = "Guardian đưa tin, tòa án tối cao British Columbia đã đồng ý hoãn phiên tranh tụng dẫn độ bà Mạnh Vãn Chu."
    (article,) = sukien.extract("Phán quyết là một thắng lợi của các luật sư của bà Mạnh.", title=lead)
    assert article.title is None
    assert article.body[0] == lead


def test_record_title_repeated_as_first_line_is_not_doubled() -> None:
    title = "EU cấm vận Uzbekistan"
    (article,) = sukien.extract(f"{title}\nLiên minh châu Âu sẽ áp đặt lệnh cấm vận đối với Uzbekistan.", title=title)
    assert article.text.split("\n") == [title, "Liên minh châu Âu sẽ áp đặt lệnh cấm vận đối với Uzbekistan."]


def test_related_news_with_dates_at_the_end_are_dropped() -> None:
    text = (
        "Liên minh châu Âu sẽ áp đặt lệnh cấm vận đối với Uzbekistan.\n"
        "Bạo loạn ở Uzbekistan(14/05/2005)\nDân Uzbekistan lại biểu tình(21/05/2005)"
    )
    (article,) = sukien.extract(text, title="EU cấm vận Uzbekistan")
    assert article.body == ["Liên minh châu Âu sẽ áp đặt lệnh cấm vận đối với Uzbekistan."]


def test_same_text_gives_the_same_id_whatever_the_source(tmp_path, sample_text) -> None:
    copy = tmp_path / "elsewhere.txt"
    copy.write_text(sample_text("002"), encoding="utf-8")
    (from_copy,) = sukien.extract(copy)
    (from_text,) = sukien.extract(sample_text("002"))
    assert from_copy.id == from_text.id
    assert from_copy.input.path == str(copy) and from_text.input.path is None
