"""Parsers of datelines, bylines, source lines and outlet markers."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sukien.cues import load_cues
from sukien.fields import (
    cited_agencies,
    outlet_from_line,
    outlet_from_metadata,
    parse_byline,
    parse_dateline,
    parse_source_line,
)

CUES = load_cues()


@pytest.mark.parametrize(
    ("line", "iso", "rest"),
    [
        (
            "10/01/2022 01:11Tổ chức do Trung Quốc hậu thuẫn",
            "2022-01-10T01:11",
            "Tổ chức do Trung Quốc hậu thuẫn",
        ),
        ("22:26:44 18/11/2024", "2024-11-18T22:26:44", ""),
        ("Thứ Hai, 10/01/2022 - 01:11 (GMT+7)", "2022-01-10T01:11", ""),
        ("Chủ nhật, 6/3/2022, 08:05 (GMT+7)", "2022-03-06T08:05", ""),
        ("13-10-2015", "2015-10-13", ""),
    ],
)
def test_dateline_is_read(line: str, iso: str, rest: str) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None
    assert (dateline.iso, dateline.rest) == (iso, rest)


@pytest.mark.parametrize("line", ["31/02/2022 01:11", "10/13/2022", "25:61 10/01/2022", "Ngày 13/9, Bộ Quốc phòng"])
def test_impossible_or_absent_dates_give_no_dateline(line: str) -> None:
    assert parse_dateline(line) is None


FORMATS = [
    "{d}/{m}/{y} {H}:{M:02d}",
    "{d:02d}/{m:02d}/{y} {H:02d}:{M:02d}",
    "{H:02d}:{M:02d} {d}/{m}/{y}",
    "Thứ Năm, {d}/{m}/{y} - {H}:{M:02d} (GMT+7)",
    "{d}-{m}-{y} {H}h{M:02d}",
]


@given(
    moment=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2099, 12, 31)),
    template=st.sampled_from(FORMATS),
    rest=st.sampled_from(["", "Tổ chức do Trung Quốc hậu thuẫn", "Nga và Mỹ"]),
)
def test_any_valid_dateline_parses_back(moment: datetime, template: str, rest: str) -> None:
    text = template.format(d=moment.day, m=moment.month, y=moment.year, H=moment.hour, M=moment.minute) + rest
    dateline = parse_dateline(text)
    assert dateline is not None
    assert dateline.iso == moment.strftime("%Y-%m-%dT%H:%M")
    assert dateline.rest == rest


@pytest.mark.parametrize(
    ("line", "authors", "sources"),
    [
        ("Minh Quang", ("Minh Quang",), ()),
        ("Phúc Duy", ("Phúc Duy",), ()),
        ("NGUYỆT PHƯƠNG", ("NGUYỆT PHƯƠNG",), ()),
        ("Huyền Lê (Theo RT, Politico)", ("Huyền Lê",), ("RT", "Politico")),
        ("Minh PhươngTheo Guardian", ("Minh Phương",), ("Guardian",)),
        ("Ngọc Sơn (theo AFP)", ("Ngọc Sơn",), ("AFP",)),
        ("Văn Linh (tổng hợp)", ("Văn Linh",), ()),
    ],
)
def test_byline_is_read(line: str, authors: tuple[str, ...], sources: tuple[str, ...]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.sources) == (authors, sources)


@pytest.mark.parametrize("line", ["Vạ miệng", "Mỹ đang trải qua làn sóng Covid-19 thứ 3", "Nga tấn công Ukraine."])
def test_headlines_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "sources"),
    [
        ("Theo Thanhnien", ["Thanhnien"]),
        ("(Theo RT, AFP)", ["RT", "AFP"]),
        ("Nguồn: Reuters", ["Reuters"]),
        ("Theo News.com.au, AFP", ["News.com.au", "AFP"]),
        ("Theo người phát ngôn Bộ Ngoại giao Nga, các nước không thể cất giữ mìn.", None),
    ],
)
def test_source_line_is_read(line: str, sources: list[str] | None) -> None:
    assert parse_source_line(line) == sources


def test_agencies_cited_in_the_story_are_found_and_venues_are_not() -> None:
    text = (
        "Người phát ngôn Tổng thống Nga cho biết, hãng thông tấn Itar TASS cho hay. Theo AFP, IS đe dọa Nga. "
        "Tổng thống Ilham Aliyev khẳng định với báo Le Figaro rằng Azerbaijan sẵn sàng đàm phán."
    )
    assert cited_agencies(text, CUES) == ["Itar TASS", "AFP"]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Theo dõi VGT trên", "Việt Giải Trí"),
        ("Theo dõi Báo Gia Lai trên Google News", "Báo Gia Lai"),
        ("(GLO)-Tổng thống Belarus Alexander Lukashenko khi gặp nhà lãnh đạo Nga", "Báo Gia Lai"),
        ("Tổng thống Belarus Alexander Lukashenko", None),
    ],
)
def test_outlet_markers(line: str, outlet: str | None) -> None:
    assert outlet_from_line(line, CUES) == outlet


@pytest.mark.parametrize(
    ("source", "url", "outlet"),
    [
        ("VNTC/vnexpress.net", None, "VnExpress"),
        ("VietnameseMDS/baomoi.com(vov.vn)", None, "VOV"),
        (None, "https://dantri.com.vn/the-gioi/abc.htm", "Dân Trí"),
        ("Blog/unknown.example", None, None),
    ],
)
def test_outlet_from_record_metadata(source: str | None, url: str | None, outlet: str | None) -> None:
    assert outlet_from_metadata(source, url, CUES) == outlet
