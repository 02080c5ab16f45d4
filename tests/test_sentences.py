"""Sentence splitting: real paragraphs of the samples, one table row per rule, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sukien.models import Sentence
from sukien.sentences import _abbreviations, _parse_abbreviations, split_sentences


def texts(paragraph: str) -> list[str]:
    """The sentence texts of `paragraph`, after checking each one's offsets."""
    sentences = split_sentences(paragraph)
    for sentence in sentences:
        assert paragraph[sentence.start : sentence.end] == sentence.text
    return [sentence.text for sentence in sentences]


def line_starting(text: str, head: str) -> str:
    """The one line of `text` that starts with `head`."""
    (line,) = {line for line in text.split("\n") if line.startswith(head)}
    return line


# --- real paragraphs of the bundled samples ---------------------------------------------------

SAMPLE_CASES = [
    (  # a quote of two sentences, closed after the last one's period
        "000",
        "Người phát ngôn của Bộ Ngoại giao Mỹ",
        [
            "Người phát ngôn của Bộ Ngoại giao Mỹ đã xác nhận cuộc điện đàm nêu trên, đồng thời cho biết "
            "thêm: “Ngoại trưởng Pompeo yêu cầu Belarus trả tự do ngay lập tức cho công dân Mỹ Vitali "
            "Shkliarov bị bắt giữ sai trái.",
            "Ngoại trưởng Pompeo còn tái khẳng định sự ủng hộ của Mỹ đối với khát vọng dân chủ của người dân Belarus”.",
        ],
    ),
    (  # decimal commas: 80,1% and 10,12%
        "000",
        "Tình hình Belarus bất ổn",
        [
            "Tình hình Belarus bất ổn kể từ sau cuộc bầu cử tổng thống ngày 9/8.",
            "Theo kết quả chính thức do Ủy ban Bầu cử trung ương Belarus công bố, Tổng thống Alexander "
            "Lukashenko tái đắc cử với 80,1% số phiếu ủng hộ, trong khi ứng cử viên đối lập Svetlana "
            "Tikhanovkskaya chỉ được 10,12%.",
            "Nữ chính khách này đã không công nhận kết quả bầu cử.",
            "Sau đó, nhiều cuộc biểu tình phản đối chính phủ diễn ra tại nhiều thành phố đã biến thành "
            "xô xát với cảnh sát.",
            "Ngày 31/8, Tổng thống Lukashenko đã thảo luận kế hoạch tổ chức một cuộc trưng cầu ý dân về "
            "sửa đổi hiến pháp, tập trung vào việc cải cách hệ thống tòa án và bác bỏ những lời kêu gọi "
            "của phe đối lập quay trở lại hiến pháp năm 1994.",
        ],
    ),
    (  # thousands separator: 5.000
        "000",
        "Trước đó, vào ngày 23-10",
        [
            "Trước đó, vào ngày 23-10, Ngoại trưởng Pompeo đã gặp riêng bộ trưởng ngoại giao của "
            "Azerbaijan và Armenia trong nỗ lực mới nhất nhằm chấm dứt xung đột, sau khi 2 lệnh ngừng bắn "
            "do Moscow xúc tiến sụp đổ.",
            "Theo Tổng thống Nga Vladimir Putin, kể từ khi nổ ra vào ngày 27-9, đợt đụng độ mới nhất đã "
            "khiến 5.000 người thiệt mạng.",
        ],
    ),
    (  # a caption and its credit
        "000",
        "Tổng thống Belarus Alexander Lukashenko. Ảnh: Reuters",
        ["Tổng thống Belarus Alexander Lukashenko.", "Ảnh: Reuters"],
    ),
    (  # day.month date: 14.10
        "003",
        "Người phát ngôn Tổng thống Nga, ông Dmitry Peskov",
        [
            "Người phát ngôn Tổng thống Nga, ông Dmitry Peskov hôm 14.10 cho biết Điện Kremlin “cảm thấy "
            "tiếc” khi lời đề nghị đàm phán giải quyết vấn đề Syria của quan chức cấp cao Nga không được "
            "Washington đáp lại, hãng thông tấn Itar TASS cho hay.",
        ],
    ),
    (  # a full date: 13.10.2015
        "003",
        "Người dân Syria cầm ảnh",
        [
            "Người dân Syria cầm ảnh Tổng thống Syria và Tổng thống Nga gần Đại sứ quán Nga ở thủ đô "
            "Damascus (Syria), trước khi hai quả rocket bắn vào nơi này ngày 13.10.2015 nhưng không có "
            "thương vong - Ảnh: AFP",
        ],
    ),
    (  # month.year and a number: 3.2011, 240.000
        "003",
        "Cuộc nội chiến Syria",
        [
            "Cuộc nội chiến Syria kéo dài từ tháng 3.2011 đến nay, làm thiệt mạng hơn 240.000 người.",
            "Những đợt giao tranh leo thang trong những tuần gần đây khi lực lượng chính quyền Assad tăng "
            "cường tấn công phe nổi dậy, trong khi Nga liên tục tiến hành không kích hỗ trợ.",
        ],
    ),
    (  # a date closes the sentence: "từ ngày 30.9. Trong"
        "003",
        "Bộ Quốc phòng Nga ngày 14.10",
        [
            "Bộ Quốc phòng Nga ngày 14.10 tuyên bố những cuộc không kích của nước này đã tiêu diệt 86 mục "
            "tiêu khủng bố ở Syria trong vòng 24 giờ qua, đây là con số cao nhất trong vòng một ngày kể từ "
            "khi Moscow bắt đầu chiến dịch ném bom ở Syria từ ngày 30.9.",
            "Trong những mục tiêu khủng bố có một vài mục tiêu IS.",
        ],
    ),
    (  # straight quotes; the last sentence of the quote continues after `",`
        "003",
        '"Nếu quân đội Nga giết chết',
        [
            '"Nếu quân đội Nga giết chết người dân Syria, thì hãy giết chết người dân của họ.',
            "Và nếu họ giết những chiến binh của chúng ta, thì hãy giết lính của họ.",
            'Ăn miếng trả miếng", Jolani tuyên bố.',
        ],
    ),
    (  # curly quotes followed by a comma and the speaker
        "003",
        "“Giờ đây chúng tôi",
        [
            "“Giờ đây chúng tôi chỉ có thể thể hiện sự tiếc nuối”, ông Peskov nói các nhà báo ở Nga.",
            "“Mọi sự từ chối đối thoại trong một tình huống nhạy cảm như Syria đều không tạo điều kiện để "
            "cứu quốc gia này cũng như toàn bộ khu vực đang bị tổ chức Nhà nước Hồi giáo (IS) chiếm "
            "đóng”, ông nói tiếp.",
        ],
    ),
    (  # the period before a closing quote stays inside: `sân bay vũ trụ Vostochny.` ... `Belarus.”`
        "001",
        "Tuyên bố thắt chặt quan hệ",
        [
            "Tuyên bố thắt chặt quan hệ với Nga, trong cuộc gặp Tổng thống Nga Putin ngày 15/9, ông "
            "Lukashenco nói: “Tôi đã theo dõi ngày làm việc mới đây của các ngài.",
            "Thật vui khi thấy ngài và ông Kim gặp nhau tại sân bay vũ trụ Vostochny.",
            "Bởi vì chính tôi cũng từng đến đó.",
            "Ngài và tôi đã từng thăm sân bay vũ trụ này trước đây”, ông Lukashenko nói với ông Putin.",
            "“Tôi tin rằng chúng ta có thể xem xét hợp tác ba bên: Triều Tiên, Nga, Belarus.",
            "Tôi biết Triều Tiên rất quan tâm đến Nga.",
            "Và tôi nghĩ sẽ cũng sẽ có một số việc để làm cho Belarus.”",
        ],
    ),
    (  # an opening bracket starts the next sentence
        "002",
        "| Tổ chức Hợp tác Thượng Hải (SCO)",
        [
            "| Tổ chức Hợp tác Thượng Hải (SCO) tuyên bố sẵn sàng can thiệp vào Kazakhstan “nếu được yêu cầu”.",
            "(Ảnh: Reutes) |",
        ],
    ),
    (  # "?" before a capital ends; "... ..." before a non-letter does not
        "004",
        "| Điểm tin thế giới sáng 14/9",
        [
            "| Điểm tin thế giới sáng 14/9: Nhật Bản 'siêng' tập trận; Indonesia sớm trình làng vaccine "
            "nội; New Zealand từ bỏ chế độ quân chủ?",
            "Nhật Bản tập trận với Ấn Độ và Mỹ, Tổng thống Nga điện đàm với Thủ tướng Armenia, phát ngôn "
            "của Thủ tướng New Zealand... ... |",
        ],
    ),
]


@pytest.mark.parametrize(("sample", "head", "expected"), SAMPLE_CASES)
def test_sample_paragraphs_split_into_their_sentences(sample_text, sample, head, expected):
    assert texts(line_starting(sample_text(sample), head)) == expected


# --- one row per rule, in the samples' style --------------------------------------------------

RULE_CASES = [
    # abbreviations (data/abbreviations.txt)
    (
        "Ông đến TP. Hồ Chí Minh hôm 24-10. Sau đó ông về Hà Nội.",
        ["Ông đến TP. Hồ Chí Minh hôm 24-10.", "Sau đó ông về Hà Nội."],
    ),
    (
        "PGS. TS. Nguyễn Văn A, Viện trưởng, cho biết. Ông nói thêm về kế hoạch.",
        ["PGS. TS. Nguyễn Văn A, Viện trưởng, cho biết.", "Ông nói thêm về kế hoạch."],
    ),
    ("PGS.TS. Trần Văn Bình phát biểu tại hội thảo.", ["PGS.TS. Trần Văn Bình phát biểu tại hội thảo."]),
    (
        "ThS. Lê Thị Hoa và BS. Trần Văn Nam có mặt tại Tp. Đà Nẵng.",
        ["ThS. Lê Thị Hoa và BS. Trần Văn Nam có mặt tại Tp. Đà Nẵng."],
    ),
    ("Mr. Smith gặp Dr. Fauci tại St. Petersburg.", ["Mr. Smith gặp Dr. Fauci tại St. Petersburg."]),
    ("Trụ sở ở Q. 1, P. Bến Nghé, xem tr. 15.", ["Trụ sở ở Q. 1, P. Bến Nghé, xem tr. 15."]),
    (
        "Nga lo ngại khủng bố, ly khai v.v. Tuy nhiên, Moscow vẫn giữ quan hệ.",
        ["Nga lo ngại khủng bố, ly khai v.v. Tuy nhiên, Moscow vẫn giữ quan hệ."],
    ),
    (
        "Chi nhánh Apple Inc. Việt Nam ký hợp đồng với Samsung Co. Ltd. Hàn Quốc và U.S. Army.",
        ["Chi nhánh Apple Inc. Việt Nam ký hợp đồng với Samsung Co. Ltd. Hàn Quốc và U.S. Army."],
    ),
    (  # case-sensitive: "Co." is a company, "CO." is carbon monoxide ending a sentence
        "Nhà máy thải ra khí CO. Theo các chuyên gia, mức này nguy hiểm.",
        ["Nhà máy thải ra khí CO.", "Theo các chuyên gia, mức này nguy hiểm."],
    ),
    # initials
    ("Tổng thống Ukraine V. Zelensky đã lên tiếng.", ["Tổng thống Ukraine V. Zelensky đã lên tiếng."]),
    (
        "Cựu Tổng thống George W. Bush đến thăm. Ông gặp nhà báo M.C. Lau.",
        ["Cựu Tổng thống George W. Bush đến thăm.", "Ông gặp nhà báo M.C. Lau."],
    ),
    (  # accented capitals are words, not initials
        "Căng thẳng gia tăng tại Nam Á. Thủ tướng Ấn Độ kêu gọi kiềm chế ở nước Ý. Bộ trưởng đồng ý.",
        [
            "Căng thẳng gia tăng tại Nam Á.",
            "Thủ tướng Ấn Độ kêu gọi kiềm chế ở nước Ý.",
            "Bộ trưởng đồng ý.",
        ],
    ),
    (  # a temperature unit after "độ" ends the sentence
        "Nhiệt độ xuống -20 độ C. Tại Mông Cổ, tuyết rơi dày.",
        ["Nhiệt độ xuống -20 độ C.", "Tại Mông Cổ, tuyết rơi dày."],
    ),
    ("C. Rajaj Mohan đo nhiệt độ.", ["C. Rajaj Mohan đo nhiệt độ."]),  # "độ" far from the initial
    # numbers, dates and list numbers
    (
        "Giá vàng tăng 700.000 đồng/lượng. Người dân đổ xô đi mua.",
        ["Giá vàng tăng 700.000 đồng/lượng.", "Người dân đổ xô đi mua."],
    ),
    (
        "Xung đột nổ ra năm 2020. 50 quân nhân đã thiệt mạng.",
        ["Xung đột nổ ra năm 2020.", "50 quân nhân đã thiệt mạng."],
    ),
    ("Tỷ lệ lạm phát 1.026 điểm, tăng 3,5%.", ["Tỷ lệ lạm phát 1.026 điểm, tăng 3,5%."]),
    ("1. Bối cảnh cuộc xung đột", ["1. Bối cảnh cuộc xung đột"]),
    ("II. Diễn biến mới nhất tại Nagorno-Karabakh", ["II. Diễn biến mới nhất tại Nagorno-Karabakh"]),
    # URLs, e-mails, domains
    ("Theo VOV.VN, hội nghị diễn ra hôm 13/9.", ["Theo VOV.VN, hội nghị diễn ra hôm 13/9."]),
    (
        "Bài viết đăng trên vnexpress.net. Độc giả gửi thư tới toasoan@vnexpress.net để góp ý.",
        ["Bài viết đăng trên vnexpress.net.", "Độc giả gửi thư tới toasoan@vnexpress.net để góp ý."],
    ),
    (
        "Xem tại https://baoquocte.vn/the-gioi?page=2. Tin được cập nhật liên tục.",
        ["Xem tại https://baoquocte.vn/the-gioi?page=2.", "Tin được cập nhật liên tục."],
    ),
    # quotation marks
    ("“Tôi đồng ý.” Sau đó ông rời đi.", ["“Tôi đồng ý.”", "Sau đó ông rời đi."]),
    ("“Nga sẽ bị đánh bại.”, ông nói.", ["“Nga sẽ bị đánh bại.”, ông nói."]),
    ("“Nga sẽ bị đánh bại.” ông nói thêm.", ["“Nga sẽ bị đánh bại.” ông nói thêm."]),
    (
        "Ông hỏi: “Tại sao?” Không ai trả lời.",
        ["Ông hỏi: “Tại sao?”", "Không ai trả lời."],
    ),
    ("“Chúng tôi sẽ chiến đấu!”, ông tuyên bố.", ["“Chúng tôi sẽ chiến đấu!”, ông tuyên bố."]),
    ('"Nga sẽ bị đánh bại." Adnani nói vậy.', ['"Nga sẽ bị đánh bại."', "Adnani nói vậy."]),
    ('Ông nói. "Tôi không đồng ý."', ["Ông nói.", '"Tôi không đồng ý."']),
    ("«Hòa bình là ưu tiên.» Bà nói tiếp.", ["«Hòa bình là ưu tiên.»", "Bà nói tiếp."]),
    ("‘Căng như dây đàn.’ Tình hình xấu đi.", ["‘Căng như dây đàn.’", "Tình hình xấu đi."]),
    ("'Kỷ nguyên vàng.' Ông Trump nói vậy.", ["'Kỷ nguyên vàng.'", "Ông Trump nói vậy."]),
    ('Đây là tự do ư? ".', ['Đây là tự do ư? ".']),  # a spaced straight quote still closes
    # ellipsis
    (
        "Chúng tôi đang nỗ lực hết mình... Nhiệm vụ trước mắt là cứu người.",
        ["Chúng tôi đang nỗ lực hết mình...", "Nhiệm vụ trước mắt là cứu người."],
    ),
    (
        "Người dân cần được sơ tán… Tôi đã hiến tặng huyết tương.",
        ["Người dân cần được sơ tán…", "Tôi đã hiến tặng huyết tương."],
    ),
    (
        "Phương Tây có sẵn sàng... biến lời nói thành hành động không?",
        ["Phương Tây có sẵn sàng... biến lời nói thành hành động không?"],
    ),
    (
        "Các nhu yếu phẩm như gạo, muối, ôxy…, đều khan hiếm.",
        ["Các nhu yếu phẩm như gạo, muối, ôxy…, đều khan hiếm."],
    ),
    # the Vietnamese end mark
    (
        "Kinh tế tăng trưởng 7,2%./. Đỗ Tuấn Anh/VOV",
        ["Kinh tế tăng trưởng 7,2%./.", "Đỗ Tuấn Anh/VOV"],
    ),
    ("Hai bên đã ký thỏa thuận./. (TTXVN)", ["Hai bên đã ký thỏa thuận./.", "(TTXVN)"]),
    ("Cuộc họp kết thúc./. theo TTXVN", ["Cuộc họp kết thúc./.", "theo TTXVN"]),
    # brackets
    (
        "Vụ việc xảy ra ngày 13/9 (giờ địa phương.) Sau đó, hai bên ngừng bắn.",
        ["Vụ việc xảy ra ngày 13/9 (giờ địa phương.)", "Sau đó, hai bên ngừng bắn."],
    ),
    (
        "Các vùng lãnh thổ (Crimea, Donbass...) giữ nguyên hiện trạng.",
        ["Các vùng lãnh thổ (Crimea, Donbass...) giữ nguyên hiện trạng."],
    ),
    (
        "Ông ta lẩn trốn ở Moscow (?) Hoặc Belgrade.",
        ["Ông ta lẩn trốn ở Moscow (?) Hoặc Belgrade."],
    ),
    ("Đụng độ tiếp diễn. (Ảnh: AP)", ["Đụng độ tiếp diễn.", "(Ảnh: AP)"]),
    # "!" and "?"
    ("Vì sao? Vì Mỹ từ chối đàm phán.", ["Vì sao?", "Vì Mỹ từ chối đàm phán."]),
    ("Hãy dừng lại!! Ông hét lên.", ["Hãy dừng lại!!", "Ông hét lên."]),
    ("Ông nói vậy ư? không ai tin.", ["Ông nói vậy ư? không ai tin."]),
    # lines and whitespace
    ("Dòng một\nDòng hai", ["Dòng một", "Dòng hai"]),
    ("Ông đến TP.\nHồ Chí Minh sau đó.", ["Ông đến TP.", "Hồ Chí Minh sau đó."]),
    ("  Câu một.   Câu hai.  \n\n\t Câu ba \r\n", ["Câu một.", "Câu hai.", "Câu ba"]),
    ("Câu một.\u2028Câu hai.", ["Câu một.", "Câu hai."]),
    ("", []),
    (" \n\t\n ", []),
]


@pytest.mark.parametrize(("paragraph", "expected"), RULE_CASES)
def test_rule_cases_split_as_written(paragraph, expected):
    assert texts(paragraph) == expected


def test_offsets_point_into_the_text():
    text = "  Ông đến TP. Hồ Chí Minh.\n“Tôi đồng ý.” Sau đó ông đi."
    assert split_sentences(text) == [
        Sentence("Ông đến TP. Hồ Chí Minh.", 2, 26),
        Sentence("“Tôi đồng ý.”", 27, 40),
        Sentence("Sau đó ông đi.", 41, 55),
    ]


# --- the abbreviation list --------------------------------------------------------------------


def test_abbreviation_file_holds_the_required_entries():
    required = ["TP.", "Tp.", "ThS.", "PGS.", "GS.", "TS.", "BS.", "KS.", "Mr.", "Mrs.", "Ms.", "Dr.", "St."]
    required += ["Th.", "Q.", "P.", "v.v.", "tr.", "TT.", "No.", "Jr.", "Sr.", "Inc.", "Co.", "Ltd.", "Corp."]
    required += ["U.S."]
    assert set(required) <= _abbreviations()
    assert _abbreviations() is _abbreviations()  # read once


@pytest.mark.parametrize("abbreviation", sorted(_abbreviations()))
def test_no_listed_abbreviation_ends_a_sentence(abbreviation):
    paragraph = f"Ông gặp {abbreviation} Nguyễn Văn An hôm 24-10."
    assert texts(paragraph) == [paragraph]


def test_abbreviation_list_allows_comments_and_blank_lines():
    content = "# header\n\nTP.   # thành phố\n  v.v.\n"
    assert _parse_abbreviations(content, "test.txt") == frozenset({"TP.", "v.v."})


@pytest.mark.parametrize("entry", ["TP", "Ph. D."])
def test_abbreviation_list_rejects_an_entry_that_could_never_match(entry):
    with pytest.raises(ValueError, match=r"test\.txt, line 2: .* is not one abbreviation ending in '\.'"):
        _parse_abbreviations(f"# header\n{entry}\n", "test.txt")


# --- properties -------------------------------------------------------------------------------

# Characters that exercise every rule, so that random text hits the interesting cases often.
_ALPHABET = "aAbBđĐtTÁÝôVWSCP .!?…/,;:\"'“”‘’«»()[]05\n\r\t\u2028\xa0"
_WORDS = ["Ông", "nói", "Nga", "Mỹ", "TP.", "PGS.", "V.", "M.C.", "độ", "C.", "1.", "II.", "VOV.VN"]
_NUMBERS = ["5.000", "14.10", "13.10.2015", "80,1%"]
_MARKS = ["./.", "...", "…", "“", "”", '"', "'", "«", "»", "(", ")", "(?)", ".", "!", "?"]
_TOKENS = _WORDS + _NUMBERS + _MARKS
_SEPARATORS = [" ", "", "  ", "\n", " \n ", "\t", "\xa0"]

_token_text = st.lists(st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_SEPARATORS)), max_size=40).map(
    lambda pairs: "".join(token + separator for token, separator in pairs)
)
_texts = st.one_of(st.text(), st.text(alphabet=_ALPHABET), _token_text)


@settings(max_examples=400)
@given(_texts)
def test_splitting_never_loses_or_reorders_a_character(text):
    position = 0
    for sentence in split_sentences(text):
        assert position <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert text[position : sentence.start].strip() == ""  # only whitespace between sentences
        assert sentence.text == sentence.text.strip()
        position = sentence.end
    assert text[position:].strip() == ""
    assert ("".join(text.split()) == "") == (split_sentences(text) == [])


@settings(max_examples=400)
@given(_texts)
def test_sentences_never_cross_a_line_break(text):
    for sentence in split_sentences(text):
        assert sentence.text.splitlines() == [sentence.text]


@settings(max_examples=200)
@given(_texts)
def test_each_line_splits_on_its_own(text):
    joined = []
    offset = 0
    for line in text.splitlines(keepends=True):
        joined += [Sentence(s.text, s.start + offset, s.end + offset) for s in split_sentences(line)]
        offset += len(line)
    assert split_sentences(text) == joined


@given(_texts)
def test_splitting_is_deterministic(text):
    assert split_sentences(text) == split_sentences(text)


@pytest.mark.parametrize("sample", ["000", "001", "002", "003", "004"])
def test_samples_split_without_orphan_closing_marks(sample_text, sample):
    text = sample_text(sample)
    sentences = split_sentences(text)
    assert sentences
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert not [s.text for s in sentences if s.text[0] in "”’»)"]
