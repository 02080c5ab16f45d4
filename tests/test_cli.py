"""The `sukien` command: output shape, bad inputs that never stop a batch, exit codes, the eval gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sukien.cli import main

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
ARTICLE_FIELDS = {
    "id",
    "input",
    "title",
    "text",
    "captions",
    "outlet",
    "authors",
    "sources",
    "published",
    "published_basis",
    "language",
    "entities",
    "quotes",
    "events",
}


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_samples_prints_every_article_in_the_output_shape() -> None:
    result = run("extract", "--samples")
    assert result.exit_code == 0, result.output
    articles = records(result.stdout)
    assert len(articles) == 7  # five pages, two of which bundle a second story
    for article in articles:
        assert set(article) == ARTICLE_FIELDS
        assert article["language"] == "vi"
        assert article["entities"] and all(
            e["text"] == article["text"][e["start"] : e["end"]] for e in article["entities"]
        )
        for record in article["quotes"]:
            assert record["text"] == article["text"][record["start"] : record["end"]]
        for event in article["events"]:
            assert event["type"] in PLOVER_TYPES and event["source"]
            assert article["text"][event["evidence"]["start"] : event["evidence"]["end"]]
    assert sum(len(a["quotes"]) for a in articles) >= 10 and sum(len(a["events"]) for a in articles) >= 30
    assert [a["input"]["index"] for a in articles[:2]] == [0, 1]


def _good_page(folder: Path) -> Path:
    page = folder / "good.txt"
    page.write_text(
        "Nga và Ukraine nối lại đàm phán\n\nNgoại trưởng Nga Sergei Lavrov cho biết hai bên sẽ gặp "
        "nhau tại Istanbul vào tuần tới.\n",
        encoding="utf-8",
    )
    return page


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary"),
        ("big.txt", b"Nga. " * 50_000, "too_large"),
    ],
)
def test_bad_input_is_reported_and_the_batch_goes_on(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    _good_page(tmp_path)
    result = run("extract", str(tmp_path), "--setting", "max_input_bytes=100000")
    assert result.exit_code == 1
    (error,) = records(result.stderr)
    assert error["error"]["reason"] == reason
    assert error["error"]["path"] == str(tmp_path / name)
    assert error["error"]["message"]
    (article,) = records(result.stdout)
    assert article["title"] == "Nga và Ukraine nối lại đàm phán"


def test_bad_jsonl_record_is_reported_and_the_other_records_go_on(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    good = {
        "id": "a1",
        "title": "EU cấm vận Uzbekistan",
        "date": "2005-10-04",
        "text": "Liên minh châu Âu sẽ áp đặt lệnh cấm vận vũ khí đối với Uzbekistan.",
    }
    feed.write_text("{not json\n" + json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run("extract", str(feed))
    assert result.exit_code == 1
    (error,) = records(result.stderr)
    assert error["error"]["reason"] == "bad_record"
    (article,) = records(result.stdout)
    assert article["input"] == {"path": str(feed), "record": "a1", "index": 0}
    assert (article["published"], article["published_basis"]) == ("2005-10-04", "metadata")


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == 1
    assert records(result.stderr)[0]["error"]["reason"] == "not_found"


def test_standard_input_is_read(sample_text) -> None:
    result = run("extract", "-", stdin=sample_text("002").encode("utf-16"))
    assert result.exit_code == 0, result.output
    (article,) = records(result.stdout)
    assert article["title"] == "Tổ chức do Trung Quốc hậu thuẫn tuyên bố sẵn sàng hỗ trợ Kazakhstan"
    assert article["input"]["path"] is None


def test_unknown_setting_is_a_usage_error() -> None:
    result = run("extract", "--samples", "--setting", "speed=11")
    assert result.exit_code == 2
    assert "unknown setting" in result.output


def test_eval_scores_and_enforces_minimums(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "doc": "good.txt",
                "articles": [
                    {
                        "title": "Nga và Ukraine nối lại đàm phán",
                        "published": None,
                        "entities": [],
                        "quotes": [],
                        "events": [],
                        "body": [
                            "Ngoại trưởng Nga Sergei Lavrov cho biết hai bên sẽ gặp nhau tại Istanbul vào tuần tới.",
                            "Đây là một dòng mà bản trích xuất không có.",
                        ],
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(run("extract", str(_good_page(tmp_path))).stdout, encoding="utf-8")
    table = run("eval", str(gold), str(predictions))
    assert table.exit_code == 0 and "cleaning.recall" in table.stdout
    scores = json.loads(run("eval", str(gold), str(predictions), "--json").stdout)["scores"]
    assert scores["cleaning.precision"] == 1.0 and scores["cleaning.recall"] == 0.5
    gate = run("eval", str(gold), str(predictions), "--min", "cleaning.recall=0.9")
    assert gate.exit_code == 1
    assert "cleaning.recall" in gate.stderr
