"""Quotes and their speakers, end to end: the real recogniser's entities, then `find_quotes`.

The first tables run on the bundled sample pages (whole pages, so that pronouns can look back); the others on
paragraphs written in their style, one frame or rule a row.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sukien.linking import extract_entities
from sukien.models import Quote
from sukien.quotes import MIN_WORDS, find_quotes
from sukien.quotes.speech import _alternation, speech_cues


def quotes(text: str, published: str | None = None) -> list[Quote]:
    """The quotes of `text`, checked for true offsets."""
    found = find_quotes(text, extract_entities(text, published=published), published=published)
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
    return found


def quote_starting(found: list[Quote], opening: str) -> Quote:
    (quote,) = [q for q in found if q.text.startswith(opening)]
    return quote


def who(quote: Quote) -> tuple[str | None, str | None, str | None]:
    """(actor id or name when unknown, country, org)."""
    speaker = quote.speaker
    assert speaker is not None, f"no speaker for {quote.text!r}"
    return speaker.id or speaker.name, speaker.country, speaker.org


# ------------------------------------------------------------------------------------------ the sample pages


@pytest.mark.parametrize(
    ("sample", "opening", "speaker", "speaker_text"),
    [
        # after the quote: “...”, ông Peskov nói.
        ("003", "Giờ đây chúng tôi chỉ có thể", ("person/dmitry-peskov", "RUS", None), "ông Peskov"),
        # a pronoun after the next quote: “...”, ông nói tiếp. (the quote before names Peskov)
        ("003", "Mọi sự từ chối đối thoại", ("person/dmitry-peskov", "RUS", None), "ông"),
        # a description and the name beside it: "...", người phát ngôn IS, Abu Mohamed al-Adnani cho hay
        (
            "003",
            "Nga sẽ bị đánh bại",
            ("person/abu-mohammed-al-adnani", None, "ISIS"),
            "người phát ngôn IS, Abu Mohamed al-Adnani",
        ),
        # a quote of three sentences: "... Ăn miếng trả miếng", Jolani tuyên bố.
        ("003", "Nếu quân đội Nga giết chết", ("person/ahmed-al-sharaa", None, "HTS"), "Jolani"),
        # "..., cho rằng" shares the subject of "phát ngôn viên IS cho biết" (Mỹ and Washington are not speakers)
        ("003", "liên minh với quỷ dữ", ("org/isis", None, "ISIS"), "phát ngôn viên IS"),
        # before the quote: ông Lukashenco nói: “...” (a misspelling the linker still resolves)
        ("001", "Tôi đã theo dõi ngày làm việc", ("person/alexander-lukashenko", "BLR", None), "ông Lukashenco"),
        # continuation: “...”, ông Lukashenko nói với ông Putin. “Tôi tin rằng...” (Putin is only addressed)
        ("001", "Tôi tin rằng chúng ta", ("person/alexander-lukashenko", "BLR", None), "ông Lukashenco"),
        ("001", "Chúng tôi đang theo dõi lính", ("person/vladimir-putin", "RUS", None), "ông Putin"),
        # four words inside a sentence whose speech verb names Putin: a short quotation
        ("001", "tổn thất đáng kể", ("person/vladimir-putin", "RUS", None), "ông Putin"),
        # "Ông nói thêm rằng ... gửi "...”": mixed marks, and "Ông" is the previous sentence's subject
        ("001", "các đơn vị quân đội chính quy", ("person/alexander-lukashenko", "BLR", None), "Ông"),
        # a role without a name: the institution inside the description
        (
            "000",
            "Ngoại trưởng Pompeo yêu cầu",
            ("institution/USA/bộ-ngoại-giao", "USA", None),
            "Người phát ngôn của Bộ Ngoại giao Mỹ",
        ),
        ("000", "Nga không can thiệp vấn đề", ("org/interfax", "RUS", None), "hãng tin Interfax"),
        # "Theo hãng tin TASS, <SCO> sẽ chỉ can thiệp “...”": the agency reports, the subject speaks
        ("002", "nếu có yêu cầu tương ứng", ("org/sco", None, "SCO"), "Tổ chức Hợp tác Thượng Hải"),
        # a name and its description: the unknown name of the base takes the description's organisation
        ("002", "Duy trì nội bộ ổn định", ("person/zhang-ming", None, "SCO"), "Ông Trương Minh, tổng thư ký của SCO"),
        # "Ngoại trưởng Mỹ bày tỏ lo ngại ... Ông cho biết: “...”": the role names the person the article named
        ("002", "Các nhà chức trách và chính phủ", ("person/antony-blinken", "USA", None), "Ông"),
        # a name the base does not know
        ("002", "Trung Quốc đã tuyên bố rằng", ("Danil Bochkov", None, None), "chuyên gia Danil Bochkov"),
        # "ông Yuri Ushakov, Cố vấn Tổng thống Nga cho biết, nước này ... và kêu gọi ...: “...”"
        (
            "004",
            "Chúng tôi bày tỏ sự vô cùng",
            ("person/yuri-ushakov", "RUS", None),
            "ông Yuri Ushakov, Cố vấn Tổng thống Nga",
        ),
        # "Nhấn mạnh cuộc điện đàm giữa Putin và Pashinyan..., quan chức này nói": the official of the last quote
        ("004", "Chúng tôi kêu gọi cả Azerbaijan", ("person/yuri-ushakov", "RUS", None), "quan chức này"),
        ("004", "quan ngại sâu sắc", ("person/antony-blinken", "USA", None), "Ông Blinken"),
        # "Người phát ngôn LHQ Stephane Dujarric cho biết, ông Guterres kêu gọi hai bên “...”"
        ("004", "ngay lập tức thực hiện", ("person/antonio-guterres", None, "UN"), "ông Guterres"),
    ],
)
def test_sample_quotes_and_speakers(sample_text, sample, opening, speaker, speaker_text) -> None:
    quote = quote_starting(quotes(sample_text(sample)), opening)
    assert who(quote) == speaker
    assert quote.speaker_text == speaker_text


@pytest.mark.parametrize(
    ("sample", "term"),
    [
        ("000", "cách mạng màu"),  # a scare quote of three words
        ("001", "tình nguyện viên"),
        ("003", "cảm thấy tiếc"),
        ("003", "lấy làm tiếc"),
    ],
)
def test_sample_terms_of_fewer_than_four_words_are_not_quotes(sample_text, sample, term) -> None:
    text = sample_text(sample)
    assert term in text
    assert all(term not in q.text for q in quotes(text))


def test_every_sample_quote_has_four_words_true_offsets_and_no_quote_inside_another(sample_text) -> None:
    for sample in ("000", "001", "002", "003", "004"):
        text = sample_text(sample)
        found = quotes(text)
        assert found
        for quote in found:
            assert len(quote.text.split()) >= MIN_WORDS
            assert quote.text == quote.text.strip()
            assert text[quote.start - 1] in "“\"«‘'" or text[quote.start - 2] in "“\"«‘'"
        for first, second in zip(found, found[1:], strict=False):
            assert first.end < second.start


def test_a_quote_of_several_sentences_is_one_quote(sample_text) -> None:
    quote = quote_starting(quotes(sample_text("001")), "Tôi đã theo dõi ngày làm việc")
    assert quote.text.endswith("Ngài và tôi đã từng thăm sân bay vũ trụ này trước đây")
    assert quote.text.count(".") == 3


# ------------------------------------------------------------------------------------------ frames


@pytest.mark.parametrize(
    ("text", "published", "speaker", "speaker_text"),
    [
        # after the quote
        (
            "“Chúng tôi sẽ không rút quân khỏi khu vực này”, IDF thông báo.",
            None,
            ("org/idf", "ISR", None),
            "IDF",
        ),
        (
            '"Các lực lượng của chúng tôi đã phá hủy ba kho đạn", phát ngôn viên quân đội Nga nêu rõ.',
            None,
            ("institution/RUS/quân-đội", "RUS", None),
            "phát ngôn viên quân đội Nga",
        ),
        (
            "“Điện Kremlin không có kế hoạch nào như vậy”, ông Peskov nói với các phóng viên hôm 14.10.",
            None,
            ("person/dmitry-peskov", "RUS", None),
            "ông Peskov",
        ),
        (
            "“Moskva sẵn sàng nối lại đối thoại với Washington”, theo ông Ushakov.",
            None,
            ("person/yuri-ushakov", "RUS", None),
            "ông Ushakov",
        ),
        (
            "“Chúng tôi sẽ không lùi bước trước sức ép.” Ông Putin nói thêm.",
            None,
            ("person/vladimir-putin", "RUS", None),
            "Ông Putin",
        ),
        (
            "“Châu Âu cần chuẩn bị cho một mùa đông khó khăn”, Larry Burt, chỉ huy tàu sân bay Mỹ "
            "Abraham Lincoln, cho biết.",
            None,
            ("Larry Burt", "USA", None),
            "Larry Burt, chỉ huy tàu sân bay Mỹ Abraham Lincoln",
        ),
        (
            "“Đó là một tín hiệu đáng lo ngại”, một quan chức tình báo châu Âu nhận xét.",
            None,
            ("một quan chức tình báo châu Âu", None, None),
            "một quan chức tình báo châu Âu",
        ),
        (
            '"Dân chúng rất quan tâm tới sức khỏe của tôi", tờ báo dẫn lời Chủ tịch Kim Jong-il.',
            None,
            ("person/kim-jong-il", "PRK", None),
            "Chủ tịch Kim Jong-il",
        ),
        # before the quote
        (
            "Bộ Quốc phòng Azerbaijan cho biết: “Đụng độ vẫn tiếp diễn tại khu vực Nagorno-Karabakh”.",
            None,
            ("institution/AZE/bộ-quốc-phòng", "AZE", None),
            "Bộ Quốc phòng Azerbaijan",
        ),
        (
            'Ông Pashinyan nói: "Chúng tôi không thấy giải pháp ngoại giao nào khả thi lúc này".',
            None,
            ("person/nikol-pashinyan", "ARM", None),
            "Ông Pashinyan",
        ),
        (
            "Tổng thống Nga Putin nhấn mạnh: “Chúng tôi đoàn kết và ủng hộ quan điểm của Trung Quốc”.",
            None,
            ("person/vladimir-putin", "RUS", None),
            "Tổng thống Nga Putin",
        ),
        (
            "Theo người phát ngôn Bộ Ngoại giao Trung Quốc Hoa Xuân Oánh, “Trung Quốc kiên quyết phản đối "
            "mọi hành động đơn phương”.",
            None,
            ("person/hua-chunying", "CHN", None),
            "người phát ngôn Bộ Ngoại giao Trung Quốc Hoa Xuân Oánh",
        ),
        (
            "Bà Zakharova, người phát ngôn Bộ Ngoại giao Nga, tuyên bố: “Moskva sẽ đáp trả tương xứng”.",
            None,
            ("person/maria-zakharova", "RUS", None),
            "Bà Zakharova, người phát ngôn Bộ Ngoại giao Nga",
        ),
        (
            "Tuyên bố của Bộ Ngoại giao Nga nêu rõ: “Mọi hành động khiêu khích sẽ bị đáp trả”.",
            None,
            ("institution/RUS/bộ-ngoại-giao", "RUS", None),
            "Bộ Ngoại giao Nga",
        ),
        (
            "Tuyên bố thắt chặt quan hệ với Nga, trong cuộc gặp Tổng thống Putin ngày 15/9, ông Lukashenko nói: "
            "“Chúng ta có thể xem xét hợp tác ba bên”.",
            None,
            ("person/alexander-lukashenko", "BLR", None),
            "ông Lukashenko",
        ),
        # "Được X hỏi ..., Y trả lời": the one who asks is not the speaker
        (
            "Ông Lavrov có mặt tại cuộc họp báo. Được phóng viên BBC hỏi về cuộc đàm phán, ông trả lời: "
            "“Chúng tôi chưa nhận được đề xuất nào”.",
            None,
            ("person/sergei-lavrov", "RUS", None),
            "ông",
        ),
    ],
)
def test_frames(text, published, speaker, speaker_text) -> None:
    (quote,) = quotes(text, published)
    assert who(quote) == speaker
    assert quote.speaker_text == speaker_text


# ------------------------------------------------------------------------------------------ roles and pronouns


@pytest.mark.parametrize(
    ("text", "published", "speaker"),
    [
        # a role without a name: the holder of the title on the publication date...
        (
            "Người đứng đầu nhà nước Nga nói với các phóng viên: “Chúng tôi sẵn sàng đối thoại với các bên”.",
            "2016-09-05",
            ("person/vladimir-putin", "RUS", None),
        ),
        (
            "Tổng thống Nga cho biết: “Chúng tôi sẵn sàng đối thoại với các bên”.",
            "2016-09-05",
            ("person/vladimir-putin", "RUS", None),
        ),
        (
            "Tổng thống Nga cho biết: “Chúng tôi sẵn sàng đối thoại với các bên”.",
            "1997-09-05",
            ("person/boris-yeltsin", "RUS", None),
        ),
        (
            "Người phát ngôn Điện Kremlin cho biết: “Chúng tôi sẵn sàng đối thoại với các bên”.",
            "2016-09-05",
            ("person/dmitry-peskov", "RUS", None),
        ),
        # "Nhà lãnh đạo" names no office: the titles speech.tsv lists for it, in order
        (
            "Nhà lãnh đạo Nga nhấn mạnh: “Chúng tôi sẽ phản ứng nhanh chóng và kiên quyết”.",
            "2021-04-21",
            ("person/vladimir-putin", "RUS", None),
        ),
        # ...or without a date, the holder the article names...
        (
            "Tổng thống Vladimir Putin đến Bắc Kinh hôm qua. Người đứng đầu nhà nước Nga nói với các phóng viên: "
            "“Chúng tôi sẵn sàng đối thoại với các bên”.",
            None,
            ("person/vladimir-putin", "RUS", None),
        ),
        # ...else the description itself, with its country
        (
            "Người đứng đầu nhà nước Nga nói với các phóng viên: “Chúng tôi sẵn sàng đối thoại với các bên”.",
            None,
            ("Người đứng đầu nhà nước Nga", "RUS", None),
        ),
        # an institution inside the description comes first
        (
            "Người phát ngôn của Bộ Ngoại giao Mỹ đã xác nhận cuộc điện đàm, đồng thời cho biết thêm: "
            "“Ngoại trưởng yêu cầu trả tự do ngay lập tức cho công dân Mỹ”.",
            "2020-10-24",
            ("institution/USA/bộ-ngoại-giao", "USA", None),
        ),
        # a pronoun: the person the previous sentence is about, not the last one it names
        (
            "Hôm 6/1, ông Blinken điện đàm với Bộ trưởng Ngoại giao Kazakhstan Mukhtar Tileuberdi. "
            "Ông cho biết thêm: “Chính phủ Kazakhstan có đủ năng lực để giải quyết tình hình”.",
            None,
            ("person/antony-blinken", "USA", None),
        ),
        # a bare title: the holder the article is about
        (
            "Ngoại trưởng Nga Sergei Lavrov họp báo tại Moskva. Ngoại trưởng đánh giá bản dự thảo là "
            "“bằng chứng Kiev không muốn hòa bình thực sự”.",
            None,
            ("person/sergei-lavrov", "RUS", None),
        ),
        # "cơ quan này": the last organisation named
        (
            "Bộ Ngoại giao Anh đã triệu tập đại sứ Iran. Cơ quan này tuyên bố: “Hành động đó là không thể chấp nhận”.",
            None,
            ("institution/GBR/bộ-ngoại-giao", "GBR", None),
        ),
    ],
)
def test_roles_and_pronouns(text, published, speaker) -> None:
    (quote,) = quotes(text, published)
    assert who(quote) == speaker


# ------------------------------------------------------------------------------------------ several quotes


def test_a_quote_after_an_attributed_one_continues_it() -> None:
    text = "“Đây là một bước đi đúng hướng”, ông Putin nói. “Chúng tôi hoan nghênh quyết định này”, ông nói tiếp."
    first, second = quotes(text)
    assert who(first) == who(second) == ("person/vladimir-putin", "RUS", None)
    assert (first.speaker_text, second.speaker_text) == ("ông Putin", "ông")


def test_a_quote_without_a_frame_goes_on_with_the_last_speaker() -> None:
    text = (
        "“Tôi đã theo dõi cuộc gặp của các ngài. Thật vui khi thấy hai bên gặp nhau.” ông Lukashenko nói với "
        "ông Putin. “Tôi tin rằng chúng ta có thể xem xét hợp tác ba bên.”"
    )
    first, second = quotes(text)
    assert who(second) == who(first) == ("person/alexander-lukashenko", "BLR", None)
    assert second.speaker_text == "ông Lukashenko"


def test_a_quote_before_an_attributed_one_shares_its_speaker() -> None:
    first, second = quotes("“Tôi sẽ không từ chức.” “Tôi được nhân dân bầu ra một cách hợp pháp”, ông Lukashenko nói.")
    assert who(first) == who(second) == ("person/alexander-lukashenko", "BLR", None)


def test_a_quote_inside_a_sentence_goes_to_its_subject_rather_than_to_the_last_speaker() -> None:
    text = (
        "“Chúng tôi sẵn sàng đàm phán ngay lập tức”, Tổng thống Ilham Aliyev nói. "
        "Thủ tướng Armenia Nikol Pashinyan coi đây là “một bước đi nguy hiểm của Baku”."
    )
    first, second = quotes(text)
    assert who(first) == ("person/ilham-aliyev", "AZE", None)
    assert who(second) == ("person/nikol-pashinyan", "ARM", None)
    assert second.speaker_text == "Thủ tướng Armenia Nikol Pashinyan"


def test_a_quote_standing_alone_after_a_speech_verb_has_that_speaker() -> None:
    text = (
        "Bộ Ngoại giao Anh nói rằng hầu hết du khách đến Pháp không gặp phiền toái gì. "
        '"Bạn nên nhớ rằng trong tình hình hiện tại thì sự nhiễu loạn có thể xảy ra bất kỳ nơi đâu".'
    )
    (quote,) = quotes(text)
    assert who(quote) == ("institution/GBR/bộ-ngoại-giao", "GBR", None)


def test_a_quote_continues_into_the_next_paragraph() -> None:
    text = (
        "Ông Lavrov nói: “Chúng tôi đã nghe rất nhiều lời hứa từ phía phương Tây.\n"
        "“Nhưng chưa một lời hứa nào được thực hiện cả”.\n"
        "Ông Lavrov đến Ankara hôm qua."
    )
    (quote,) = quotes(text)
    assert quote.text == (
        "Chúng tôi đã nghe rất nhiều lời hứa từ phía phương Tây.\n“Nhưng chưa một lời hứa nào được thực hiện cả"
    )
    assert who(quote) == ("person/sergei-lavrov", "RUS", None)


def test_a_quote_left_open_after_a_colon_ends_with_its_paragraph() -> None:
    text = "Ông Lavrov nói: “Chúng tôi đã nghe rất nhiều lời hứa từ phía phương Tây.\nĐoàn Nga rời Ankara."
    (quote,) = quotes(text)
    assert quote.text == "Chúng tôi đã nghe rất nhiều lời hứa từ phía phương Tây."


# ------------------------------------------------------------------------------------------ marks and words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the four-word rule, in words as written
        ("Nga bác bỏ cái gọi là “cách mạng màu” tại Belarus.", []),
        ("Ông Putin nói lính đánh thuê chịu “tổn thất đáng kể” trong cuộc phản công.", ["tổn thất đáng kể"]),
        ("Ông Blinken bày tỏ “quan ngại” về tình hình.", []),
        # every kind of mark
        (
            "Ông Lavrov nói: «Chúng tôi không muốn chiến tranh với ai cả».",
            ["Chúng tôi không muốn chiến tranh với ai cả"],
        ),
        ("Ông Zelensky nói: 'Ukraine sẽ không bao giờ đầu hàng'.", ["Ukraine sẽ không bao giờ đầu hàng"]),
        ("Ông Zelensky nói: ‘Ukraine sẽ không bao giờ đầu hàng’.", ["Ukraine sẽ không bao giờ đầu hàng"]),
        (
            'Ông nói thêm rằng họ còn muốn gửi "các đơn vị quân đội chính quy tới Ukraine”.',
            ["các đơn vị quân đội chính quy tới Ukraine"],
        ),
        # a quote inside a quote belongs to it
        (
            "Ông Lavrov nói: “Chúng tôi đã nghe họ nói ‘không bao giờ đàm phán’ quá nhiều lần”.",
            ["Chúng tôi đã nghe họ nói ‘không bao giờ đàm phán’ quá nhiều lần"],
        ),
        (
            'Ông Lavrov nói: “Chúng tôi đã nghe họ nói "không bao giờ đàm phán với Moskva" quá nhiều lần”.',
            ['Chúng tôi đã nghe họ nói "không bao giờ đàm phán với Moskva" quá nhiều lần'],
        ),
        # apostrophes are not marks
        ("Nhà khảo cổ học Francesco d'Errico cho biết công cụ bằng xương rất phổ biến.", []),
        # names and titles in quotes are not speech
        ("Ban Chỉ đạo đề án “Phát huy vai trò của lực lượng Quân đội nhân dân” đã họp.", []),
        ("Cuốn sách mang tên “Đường tới Hồi giáo thiêng liêng” ra đời năm 1992.", []),
        # spaces inside the marks are not part of the quote
        ("Ông Putin nói: “ Chúng tôi sẽ không lùi bước ”.", ["Chúng tôi sẽ không lùi bước"]),
        ("Không có trích dẫn nào ở đây.", []),
        ("", []),
    ],
)
def test_quote_spans(text, expected) -> None:
    assert [q.text for q in quotes(text)] == expected


def test_quotes_without_a_speaker_keep_none() -> None:
    (quote,) = quotes("Tin thế giới: Tình hình biên giới ‘căng như dây đàn’, các bên kêu gọi kiềm chế.")
    assert quote.speaker is None and quote.speaker_text is None


def test_the_cue_table_holds_the_frames_of_the_brief() -> None:
    cues = speech_cues()
    verbs = (
        "nói|cho biết|cho hay|tuyên bố|khẳng định|nhấn mạnh|thông báo|nêu rõ|bày tỏ|nói thêm|nói tiếp|cảnh báo|"
        "phát biểu|viết|chia sẻ|tiết lộ|giải thích|lưu ý|kêu gọi|trả lời"
    )
    for verb in verbs.split("|"):
        assert cues.speech_kinds[verb] == "verb"
    assert cues.speech_kinds["theo"] == "source"
    assert cues.word_kinds["quan chức này"] == ("pronoun", "PER")
    assert cues.speech_kinds["bài viết"] == "not_verb"


# ------------------------------------------------------------------------------------------ cue patterns

_CUE_WORDS = ["nói", "nói thêm", "cho", "cho biết", "cho biết thêm", "biết", "theo", "Theo", "ông", "bà", "a b"]


@settings(max_examples=300, deadline=None)
@given(
    cues=st.lists(st.sampled_from(_CUE_WORDS), min_size=1, max_size=8),
    words=st.lists(st.sampled_from(_CUE_WORDS + ["x", "NÓI", "Cho  biết", ",", "\n", "thêm"]), max_size=12),
)
def test_cue_patterns_find_what_a_longest_first_list_finds(cues, words) -> None:
    # The cues are compiled as a trie; it must match exactly as the plain alternation, longest cue first, does.
    plain = "|".join(re.escape(cue).replace(r"\ ", r"\s+") for cue in sorted(set(cues), key=len, reverse=True))
    expected = re.compile(rf"(?<!\w)(?:{plain})(?!\w)", re.IGNORECASE)
    text = " ".join(words)
    spans = [m.span() for m in _alternation([c.casefold() for c in cues]).finditer(text)]
    assert spans == [m.span() for m in expected.finditer(text)]
