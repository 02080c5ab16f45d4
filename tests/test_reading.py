"""Reading inputs: every encoding, folders, standard input, HTML, JSON Lines, and every rejection."""

from __future__ import annotations

import codecs
import io
import json
import string
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sukien import reading
from sukien.errors import InputRejected
from sukien.models import Page
from sukien.reading import read_inputs
from sukien.settings import Settings

TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
VIETNAMESE_LETTERS = "".join(
    sorted(
        {
            unicodedata.normalize("NFC", base + tone)
            for vowel in "aăâeêioôơuưy"
            for base in (vowel, vowel.upper())
            for tone in ("", *TONES)
        }
        | set("đĐ")
    )
)

# Lines written in the style of the samples: headline, quote, dateline, figures, old-style tones.
WRITTEN = [
    "Thủ tướng Nhật Bản tới Hà Nội, mở đầu chuyến thăm chính thức Việt Nam",
    "Ông Đặng Quốc Khánh nói: “Chúng tôi sẵn sàng hợp tác với các đối tác quốc tế”.",
    "MOSKVA – Điện Kremlin ngày 12-3 cho biết Nga “lấy làm tiếc” về quyết định của Washington.",
    "Quỹ Tiền tệ Quốc tế (IMF) dự báo kinh tế khu vực tăng 6,5% trong năm 2024; thuỷ điện, hoà bình.",
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI – Ỷ lại, ỉu xìu, nghĩ ngợi, giữ gìn, ngữ điệu, kỹ thuật.",
]
# (sample, first words of one of its lines)
SAMPLE_LINES = [
    ("000", "Tổng thống Belarus Alexander Lukashenko khẳng định"),
    ("001", "(GLO)-Tổng thống Belarus"),
    ("002", "10/01/2022 01:11Tổ chức do Trung Quốc"),
    ("003", "Nga “lấy làm tiếc”"),
    ("004", "Ngày 13/9, Bộ Quốc phòng Azerbaijan"),
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1258"]


def cp1258(text: str) -> bytes:
    """`text` as a legacy Windows-1258 file has it: precomposed where cp1258 can, else base + tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
            out += (base + "".join(c for c in decomposed if c in TONES)).encode("cp1258")
    return bytes(out)


def encode(text: str, encoding: str) -> bytes:
    """`text` in `encoding`; "utf-16" and "utf-32" carry a BOM, "utf-16-le" and "utf-16-be" do not."""
    return cp1258(text) if encoding == "cp1258" else text.encode(encoding)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    """Write `content` to `path` (text in `encoding`) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else encode(content, encoding))
    return path


def read(*paths: Path | str, **kwargs) -> list[Page | InputRejected]:
    """Everything `read_inputs` yields for `paths`."""
    return list(read_inputs([str(path) for path in paths], **kwargs))


def outcome(item: Page | InputRejected) -> str:
    """The word for one result: page for a Page, else the rejection's reason."""
    return "page" if isinstance(item, Page) else item.reason


def line_starting(text: str, head: str) -> str:
    """The one line of `text` that starts with `head`."""
    (line,) = {line for line in text.split("\n") if line.startswith(head)}
    return line


# --- every encoding reads back equal ----------------------------------------------------------


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_whole_sample_reads_back_in_every_encoding(tmp_path, sample_text, prefix, encoding):
    text = sample_text(prefix)
    (page,) = read(write(tmp_path / "page.txt", text, encoding))
    assert page == Page(text=text, path=str(tmp_path / "page.txt"), kind="text")


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(("prefix", "head"), SAMPLE_LINES)
def test_sample_line_reads_back_in_every_encoding(tmp_path, sample_text, prefix, head, encoding):
    line = line_starting(sample_text(prefix), head)
    (page,) = read(write(tmp_path / "line.txt", line, encoding))
    assert page.text == line


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("line", WRITTEN, ids=[f"written{i}" for i in range(len(WRITTEN))])
def test_written_line_reads_back_in_every_encoding(tmp_path, line, encoding):
    (page,) = read(write(tmp_path / "line.txt", line, encoding))
    assert page.text == line


def test_cp1258_tone_marks_come_back_composed(tmp_path):
    raw = cp1258(WRITTEN[4])
    assert "\u0309".encode("cp1258") in raw  # the file holds separate tone marks ...
    (page,) = read(write(tmp_path / "old.txt", raw))
    assert unicodedata.is_normalized("NFC", page.text)  # ... the page does not
    assert page.text == WRITTEN[4]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (  # Vietnamese in cp1258 with many German letters that Vietnamese does not use
            "Thủ tướng Đức và Bộ trưởng Ngoại giao gặp các nhà lãnh đạo ở Düsseldorf, Köln, München "
            "và Nürnberg; ông Müller, bà Schröder và ông Jürgen Gößling cũng có mặt.",
            "cp1258",
        ),
        (
            "Le président français a déclaré mercredi que la coopération économique avec l'Allemagne "
            "était « essentielle » pour l'Europe. Les négociations reprendront à Bruxelles la semaine "
            "prochaine, où les ministres étudieront également la réforme.",
            "cp1252",
        ),
        (
            "Президент России Владимир Путин заявил в среду, что переговоры с Украиной продолжатся на "
            "следующей неделе в Стамбуле. Министр иностранных дел подтвердил эту информацию.",
            "cp1251",
        ),
    ],
    ids=["cp1258-with-german-names", "cp1252-french", "cp1251-russian"],
)
def test_other_legacy_encodings_are_guessed(tmp_path, text, encoding):
    (page,) = read(write(tmp_path / "legacy.txt", encode(text, encoding)))
    assert page.text == text


PROPERTY_ALPHABET = VIETNAMESE_LETTERS + string.ascii_letters + string.digits + " \n.,;:!?-()/%\"'"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=PROPERTY_ALPHABET, min_size=1, max_size=300).filter(lambda text: text.strip()))
def test_any_vietnamese_text_reads_back_in_any_encoding(text):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1258"):
            try:
                raw = encode(text, encoding)
            except UnicodeEncodeError:
                continue  # only cp1258 could refuse a character
            paths.append(write(Path(folder) / f"{encoding}.txt", raw))
        results = read(*paths)
    assert [outcome(item) for item in results] == ["page"] * len(paths)
    assert [unicodedata.normalize("NFC", page.text) for page in results] == [text] * len(paths)


# --- every rejection, with the rest of the batch going on --------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def zip_bytes() -> bytes:
    """A small ZIP archive holding one text page."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("tin.txt", WRITTEN[0])
    return buffer.getvalue()


# A photo page: pictures and a script, no text (trafilatura keeps even a lone menu as "text").
PHOTO_HTML = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Ảnh: Lễ duyệt binh</title></head>'
    '<body><figure><img src="/anh/1.jpg"></figure><script>var anh = 1;</script></body></html>'
)

BAD_FILES = [
    ("empty.txt", b"", "empty", "0 bytes"),
    ("blank.txt", b"  \n\t\r\n ", "empty", "only whitespace"),
    ("blank16.txt", " \n \n".encode("utf-16"), "empty", "only whitespace"),
    ("bom-only.txt", codecs.BOM_UTF8, "empty", "only whitespace"),
    ("image.png", PNG, "binary", "NUL bytes"),
    ("archive.zip", zip_bytes(), "binary", "NUL bytes"),
    ("controls.txt", b"\x01\x02\x03\x04\x05abc\n" * 40, "binary", "control characters"),
    ("noise.txt", bytes(range(0x80, 0x100)) * 4, "undecodable", "save it as UTF-8"),
    ("bad-bom.txt", codecs.BOM_UTF8 + b"Vi\xe1\xbb\x87t \xff\xfe", "undecodable", "save it as UTF-8"),
    ("photo.html", PHOTO_HTML.encode(), "empty", "no article text was found in the HTML"),
]


@pytest.mark.parametrize(("name", "content", "reason", "words"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_bad_file_is_rejected_and_batch_goes_on(tmp_path, name, content, reason, words):
    first = write(tmp_path / "first.txt", WRITTEN[0])
    bad = write(tmp_path / name, content)
    last = write(tmp_path / "last.txt", WRITTEN[1])
    results = read(first, bad, last)
    assert [outcome(item) for item in results] == ["page", reason, "page"]
    error = results[1]
    assert (error.path, error.record) == (str(bad), None)
    assert name in error.message and words in error.message
    assert [results[0].text, results[2].text] == WRITTEN[:2]
    assert error.to_dict() == {"error": {"path": str(bad), "reason": reason, "message": error.message}}


def test_missing_path_is_not_found(tmp_path):
    good = write(tmp_path / "good.txt", WRITTEN[0])
    missing = tmp_path / "gone.txt"
    results = read(missing, good, tmp_path / "no-folder" / "x.txt")
    assert [outcome(item) for item in results] == ["not_found", "page", "not_found"]
    assert results[0].path == str(missing)
    assert "gone.txt does not exist" in results[0].message and "check the path" in results[0].message


def test_too_large_file_is_rejected_by_its_size_without_reading_it(tmp_path, monkeypatch):
    opened: list[str] = []

    def spy(path, *args, **kwargs):
        opened.append(str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(reading, "open", spy, raising=False)
    big = write(tmp_path / "big.txt", "Hà Nội. " * 40)  # 440 bytes in UTF-8
    small = write(tmp_path / "small.txt", WRITTEN[0])
    results = read(big, small, settings=Settings(max_input_bytes=200))
    assert [outcome(item) for item in results] == ["too_large", "page"]
    error = results[0]
    assert (error.path, error.record) == (str(big), None)
    assert error.message == (
        "big.txt is 440 bytes, over the 200 bytes limit; raise it with --setting max_input_bytes=440"
    )
    assert opened == [str(small)]


def test_too_large_uses_megabytes(tmp_path):
    big = write(tmp_path / "big.html", b"<p>" + b"x" * (3 * 1024 * 1024) + b"</p>")
    (error,) = read(big, settings=Settings(max_input_bytes=2 * 1024 * 1024))
    assert "3.0 MB, over the 2.0 MB limit" in error.message


def test_unreadable_file_is_rejected(tmp_path, monkeypatch):
    locked = write(tmp_path / "locked.txt", WRITTEN[0])
    good = write(tmp_path / "good.txt", WRITTEN[1])

    def guarded(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(reading, "open", guarded, raising=False)
    results = read(locked, good)
    assert [outcome(item) for item in results] == ["unreadable", "page"]
    assert results[0].path == str(locked)
    assert "locked.txt cannot be read (Permission denied)" in results[0].message


# --- JSON Lines -------------------------------------------------------------------------------

GOOD_RECORD = {"id": "tin-1", "text": WRITTEN[2]}
LAST_RECORD = {"text": WRITTEN[3]}


@pytest.mark.parametrize(
    ("line", "record", "words"),
    [
        ("this is not json", "line 2", "line 2 is not valid JSON (Expecting value)"),
        ('{"id": "x7", "text": "Hà Nội"', "line 2", "line 2 is not valid JSON"),
        ('["Hà Nội", "Huế"]', "line 2", "line 2 is a JSON list, not an object"),
        ('"Hà Nội"', "line 2", "line 2 is a JSON str, not an object"),
        ('{"id": "x7", "title": "Tin nhanh"}', "x7", 'record x7 (line 2) has no string "text"'),
        ('{"id": 42, "text": 5}', "42", 'record 42 (line 2) has no string "text"'),
        ('{"text": null}', "line 2", 'record line 2 (line 2) has no string "text"'),
    ],
    ids=["not-json", "cut-short", "array", "string", "no-text", "number-text", "null-text"],
)
def test_bad_record_is_rejected_and_file_goes_on(tmp_path, line, record, words):
    lines = [json.dumps(GOOD_RECORD, ensure_ascii=False), line, json.dumps(LAST_RECORD, ensure_ascii=False)]
    path = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    after = write(tmp_path / "after.txt", WRITTEN[0])
    results = read(path, after)
    assert [outcome(item) for item in results] == ["page", "bad_record", "page", "page"]
    error = results[1]
    assert (error.path, error.record) == (str(path), record)
    assert words in error.message and 'one JSON object with a string "text"' in error.message
    assert [results[0].record, results[2].record] == ["tin-1", "line 3"]


def test_jsonl_fields_map_onto_the_page(tmp_path):
    records = [
        {
            "id": "unc-1",
            "source": "UNC/dantri.com.vn",
            "url": "https://dantri.com.vn/the-gioi/tin-1.htm",
            "date": "2020-10-01",
            "title": "Đại sứ thông tin về cuộc đụng độ",
            "text": "Chiều 1/10, Đại sứ đã trao đổi với báo chí.\nXung đột nổ ra ngày 27/9.",
        },
        {"text": WRITTEN[0]},
        {"id": "", "title": "", "date": None, "url": None, "source": "", "text": WRITTEN[1]},
        {"id": 7, "title": 12, "text": WRITTEN[2]},
    ]
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    content = codecs.BOM_UTF8 + "\n\n".join(lines).encode() + b"\r\n\n   \n"
    path = write(tmp_path / "records.jsonl", content)
    first, second, third, fourth = read(path)
    assert first == Page(
        text=records[0]["text"],
        path=str(path),
        record="unc-1",
        kind="record",
        title="Đại sứ thông tin về cuộc đụng độ",
        published="2020-10-01",
        url="https://dantri.com.vn/the-gioi/tin-1.htm",
        outlet="UNC/dantri.com.vn",
    )
    assert second == Page(text=WRITTEN[0], path=str(path), record="line 3", kind="record")
    assert third == Page(text=WRITTEN[1], path=str(path), record="line 5", kind="record")
    assert (fourth.record, fourth.title) == ("7", None)


def test_jsonl_record_over_the_limit_is_rejected_but_not_the_file(tmp_path):
    small = [json.dumps({"id": f"r{i}", "text": WRITTEN[i]}, ensure_ascii=False) for i in range(3)]
    huge = json.dumps({"id": "huge", "text": "Hà Nội " * 200}, ensure_ascii=False)
    path = write(tmp_path / "news.jsonl", "\n".join([small[0], huge, small[1], small[2]]))
    limit = max(len(line.encode()) for line in small)
    assert path.stat().st_size > limit  # the file is over the limit, each small record is not
    results = read(path, settings=Settings(max_input_bytes=limit))
    assert [outcome(item) for item in results] == ["page", "too_large", "page", "page"]
    error = results[1]
    assert (error.path, error.record) == (str(path), "line 2")
    assert f"over the {limit} bytes limit" in error.message and "max_input_bytes" in error.message
    assert [item.record for item in results if isinstance(item, Page)] == ["r0", "r1", "r2"]


@pytest.mark.parametrize(
    ("content", "reason", "words"),
    [
        (b"", "empty", "has no records"),
        (b"\n  \n\n", "empty", "has no records"),
        ('{"text": "Hà Nội"}\n'.encode("utf-16"), "undecodable", "is not UTF-8; save it as UTF-8"),
        (b'{"id": "a", "text": " \\n "}\n', "empty", 'has an empty "text"'),
    ],
    ids=["no-bytes", "blank-lines", "utf-16", "blank-text"],
)
def test_jsonl_without_records(tmp_path, content, reason, words):
    path = write(tmp_path / "news.jsonl", content)
    results = read(path, write(tmp_path / "next.txt", WRITTEN[0]))
    assert [outcome(item) for item in results] == [reason, "page"]
    assert results[0].path == str(path) and words in results[0].message


# --- folders, sniffing, standard input --------------------------------------------------------

ARTICLE_HTML = """<!doctype html>
<html lang="vi"><head><meta charset="{charset}">
<title>Ngoại trưởng Mỹ thăm Hà Nội</title>
<meta property="og:site_name" content="Báo Thế Giới">
<meta property="article:published_time" content="2020-10-30T08:15:00+07:00">
<meta name="author" content="Minh Anh; Thu Hà, Quốc Khánh">
<link rel="canonical" href="https://baothegioi.vn/the-gioi/ngoai-truong-my-tham-ha-noi.html">
</head><body>
<nav><a href="/">Trang chủ</a> <a href="/the-gioi">Thế giới</a></nav>
<article>
<h1>Ngoại trưởng Mỹ thăm Hà Nội</h1>
<p>Ngoại trưởng Mỹ đã đến Hà Nội chiều 29-10, bắt đầu chuyến thăm chính thức Việt Nam kéo dài hai ngày.</p>
<p>Trong cuộc hội đàm với Bộ trưởng Ngoại giao, hai bên đã trao đổi về quan hệ song phương và khu vực.</p>
<p>Ông khẳng định Mỹ coi trọng quan hệ Đối tác toàn diện và ủng hộ một Việt Nam mạnh mẽ, độc lập.</p>
</article>
<footer>Bản quyền thuộc về tòa soạn.</footer>
</body></html>
"""
HTML_PARAGRAPHS = [
    "Ngoại trưởng Mỹ đã đến Hà Nội chiều 29-10, bắt đầu chuyến thăm chính thức Việt Nam kéo dài hai ngày.",
    "Trong cuộc hội đàm với Bộ trưởng Ngoại giao, hai bên đã trao đổi về quan hệ song phương và khu vực.",
    "Ông khẳng định Mỹ coi trọng quan hệ Đối tác toàn diện và ủng hộ một Việt Nam mạnh mẽ, độc lập.",
]


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("windows-1258", "cp1258")])
def test_html_text_and_metadata(tmp_path, charset, encoding):
    path = write(tmp_path / "tin.html", ARTICLE_HTML.format(charset=charset), encoding)
    (page,) = read(path)
    assert (page.kind, page.path, page.record) == ("html", str(path), None)
    assert page.title == "Ngoại trưởng Mỹ thăm Hà Nội"
    assert page.published == "2020-10-30"
    assert page.outlet == "Báo Thế Giới"
    assert page.url == "https://baothegioi.vn/the-gioi/ngoai-truong-my-tham-ha-noi.html"
    assert page.authors == ("Minh Anh", "Thu Hà", "Quốc Khánh")
    lines = page.text.split("\n")
    assert all(paragraph in lines for paragraph in HTML_PARAGRAPHS)  # one paragraph a line
    assert "Trang chủ" not in page.text and "Bản quyền" not in page.text


def test_bundled_samples_folder_reads_as_its_pages(samples_dir):
    results = read(samples_dir)
    files = sorted(samples_dir.glob("*.txt"))
    assert [(page.path, page.text, page.kind) for page in results] == [
        (str(path), path.read_text(encoding="utf-8"), "text") for path in files
    ]


def test_folders_are_walked_recursively_in_sorted_order(tmp_path):
    html = ARTICLE_HTML.format(charset="utf-8")
    records = "\n".join(json.dumps({"id": f"r{i}", "text": WRITTEN[i]}, ensure_ascii=False) for i in (3, 4))
    files = {
        "b.txt": WRITTEN[1],
        "a.txt": WRITTEN[0],
        "a/c.TXT": WRITTEN[2],
        "a/d/e.txt": WRITTEN[3],
        "a/page.HTM": html,
        "a/.hidden.txt": "ẩn",
        ".git/HEAD.txt": "ẩn",
        "notes.md": "không đọc",
        "image.png": PNG,
        "data.jsonl": records,
    }
    for name, content in files.items():
        write(tmp_path / name, content)
    results = read(tmp_path)
    assert [(Path(item.path).relative_to(tmp_path).as_posix(), item.record) for item in results] == [
        ("a/c.TXT", None),
        ("a/d/e.txt", None),
        ("a/page.HTM", None),
        ("a.txt", None),
        ("b.txt", None),
        ("data.jsonl", "r3"),
        ("data.jsonl", "r4"),
    ]
    assert [item.kind for item in results] == ["text", "text", "html", "text", "text", "record", "record"]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("page.dat", "  \n" + ARTICLE_HTML.format(charset="utf-8"), "html"),
        ("page", codecs.BOM_UTF8 + b"<html><body><p>" + WRITTEN[0].encode() + b"</p></body></html>", "html"),
        ("records.data", '\n\n{"id": "s1", "text": "Hà Nội ngày 1-1."}\n', "record"),
        ("notes.md", WRITTEN[0] + "\n" + WRITTEN[1], "text"),
        ("notes16", (WRITTEN[0] + "\n").encode("utf-16"), "text"),
    ],
    ids=["html-after-blanks", "html-after-bom", "jsonl", "text", "utf-16-text"],
)
def test_file_named_with_another_suffix_is_sniffed(tmp_path, name, content, kind):
    (page,) = read(write(tmp_path / name, content))
    assert (page.kind, page.path) == (kind, str(tmp_path / name))


def test_stdin_text_between_files(tmp_path):
    first = write(tmp_path / "first.txt", WRITTEN[0])
    stdin = io.BytesIO(encode(WRITTEN[1], "cp1258"))
    results = read(first, "-", first, stdin=stdin)
    assert [(item.path, item.text) for item in results] == [
        (str(first), WRITTEN[0]),
        (None, WRITTEN[1]),
        (str(first), WRITTEN[0]),
    ]


def test_stdin_html(monkeypatch):
    html = ARTICLE_HTML.format(charset="utf-8").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))  # the default source
    (page,) = read("-")
    assert (page.kind, page.path, page.outlet) == ("html", None, "Báo Thế Giới")


def test_stdin_jsonl_longer_than_the_sniffed_head():
    records = [{"id": f"r{i}", "text": WRITTEN[i % 5] + f" ({i})"} for i in range(2000)]
    content = "\n".join(json.dumps(record, ensure_ascii=False) for record in records).encode()
    assert len(content) > 3 * 64 * 1024
    results = read("-", stdin=io.BytesIO(content))
    assert [(page.record, page.text, page.path) for page in results] == [
        (record["id"], record["text"], None) for record in records
    ]


@pytest.mark.parametrize(
    ("content", "reason", "words"),
    [
        (b"", "empty", "standard input is empty (0 bytes)"),
        (b"x" * 300, "too_large", "standard input is over the 200 bytes limit"),
        (PNG, "binary", "standard input looks like a binary file"),
    ],
    ids=["empty", "too-large", "binary"],
)
def test_stdin_rejections(tmp_path, content, reason, words):
    after = write(tmp_path / "after.txt", WRITTEN[0])
    results = read("-", after, stdin=io.BytesIO(content), settings=Settings(max_input_bytes=200))
    assert [outcome(item) for item in results] == [reason, "page"]
    assert results[0].path is None and results[0].record is None
    assert words in results[0].message
