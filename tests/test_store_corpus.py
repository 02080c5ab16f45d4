"""A small news corpus written for the store tests (no test here): one story in three outlets, two others.

The texts are made up for these tests, in the register of Vietnamese world news; no real article is
copied. `write_corpus` lays them out as inputs of each kind `sukien ingest` reads.
"""

from __future__ import annotations

import json
from pathlib import Path

TALKS = (
    "Ngoại trưởng Nga Sergey Lavrov hôm 12/3 điện đàm với Ngoại trưởng Mỹ Antony Blinken về tình hình Syria, "
    "theo thông cáo của Bộ Ngoại giao Nga.\n"
    "Hai bên nhất trí nối lại đàm phán về việc đưa hàng viện trợ nhân đạo vào miền bắc Syria, nơi hàng trăm "
    "nghìn người dân đang thiếu lương thực và thuốc men sau nhiều tháng giao tranh.\n"
    "Ông Lavrov cho biết Moskva sẵn sàng hợp tác với Washington nếu phía Mỹ tôn trọng chủ quyền của Syria và "
    "không can thiệp vào công việc nội bộ của nước này.\n"
    "“Chúng tôi muốn tìm một giải pháp chính trị lâu dài cho người dân Syria”, ông Lavrov nói với các phóng viên "
    "tại Moskva sau cuộc điện đàm kéo dài gần một giờ.\n"
    "Phía Mỹ chưa bình luận về thông tin này. Trước đó, Washington nhiều lần cáo buộc Nga hậu thuẫn chính quyền "
    "Tổng thống Bashar al-Assad trong cuộc xung đột kéo dài hơn mười năm.\n"
    "Các nhà quan sát cho rằng cuộc điện đàm là tín hiệu hiếm hoi cho thấy hai cường quốc vẫn duy trì kênh đối "
    "thoại về Trung Đông dù quan hệ song phương đang ở mức thấp nhất trong nhiều năm."
)
TALKS_TITLE = "Nga và Mỹ nhất trí nối lại đàm phán về viện trợ cho Syria"

# The same story re-posted by two other outlets, lightly edited.
TALKS_REPOST = TALKS.replace("hôm 12/3", "ngày 12/3").replace(
    "Phía Mỹ chưa bình luận về thông tin này.", "Bộ Ngoại giao Mỹ chưa đưa ra bình luận về thông tin này."
)
TALKS_REPOST_2 = TALKS.replace("gần một giờ", "khoảng một giờ") + (
    "\nCuộc điện đàm diễn ra trong bối cảnh Liên hợp quốc kêu gọi các bên mở thêm cửa khẩu cho hàng cứu trợ."
)

MISSILE_TITLE = "Triều Tiên phóng tên lửa đạn đạo ra biển Nhật Bản"
MISSILE = (
    "Triều Tiên sáng 20/3 phóng một tên lửa đạn đạo tầm ngắn ra vùng biển phía đông bán đảo Triều Tiên, "
    "Bộ Tham mưu Liên quân Hàn Quốc cho biết.\n"
    "Tên lửa bay khoảng 600 km trước khi rơi xuống vùng biển ngoài vùng đặc quyền kinh tế của Nhật Bản. "
    "Chính phủ Nhật Bản đã gửi công hàm phản đối tới Bình Nhưỡng qua kênh ngoại giao ở Bắc Kinh.\n"
    "Hàn Quốc và Mỹ lên án vụ phóng, gọi đây là hành động vi phạm các nghị quyết của Hội đồng Bảo an Liên hợp "
    "quốc và đe dọa hòa bình trong khu vực.\n"
    "Giới phân tích nhận định Bình Nhưỡng muốn gây sức ép trước cuộc tập trận chung dự kiến diễn ra vào tháng tới."
)

STRIKE_TITLE = "Israel không kích Dải Gaza sau loạt rocket"
STRIKE = (
    "Quân đội Israel ngày 5/4 không kích nhiều mục tiêu của Hamas ở Dải Gaza, vài giờ sau khi các tay súng bắn "
    "loạt rocket vào miền nam Israel.\n"
    "Bộ Y tế Gaza cho biết ít nhất 7 người thiệt mạng và 20 người bị thương trong các cuộc không kích.\n"
    "Ai Cập và Qatar kêu gọi hai bên kiềm chế, đồng thời đề nghị làm trung gian cho một thỏa thuận ngừng bắn mới."
)


def records() -> list[dict]:
    """The corpus as JSON Lines records (the shape of `world_news.jsonl`)."""
    return [
        {"id": "talks-a", "title": TALKS_TITLE, "text": TALKS, "date": "2023-03-12", "source": "Báo Thời Sự",
         "url": "https://thoisu.example/nga-my-dam-phan"},
        {"id": "talks-b", "title": TALKS_TITLE, "text": TALKS_REPOST, "date": "2023-03-12", "source": "Tin Quốc Tế",
         "url": "https://quocte.example/nga-my"},
        {"id": "missile", "title": MISSILE_TITLE, "text": MISSILE, "date": "2023-03-20", "source": "Báo Thời Sự",
         "url": "https://thoisu.example/trieu-tien"},
        {"id": "strike", "title": STRIKE_TITLE, "text": STRIKE, "date": "2023-04-05", "source": "Tin Quốc Tế",
         "url": "https://quocte.example/gaza"},
    ]  # fmt: skip


def write_corpus(folder: Path, *, with_bad: bool = False) -> list[Path]:
    """The corpus as inputs: a JSON Lines feed, a .txt page (the third outlet's re-post), and bad inputs if asked."""
    folder.mkdir(parents=True, exist_ok=True)
    feed = folder / "feed.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records()]
    if with_bad:
        lines.insert(2, '{"id": "broken", "text": ')  # a JSON Lines record cut short
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = folder / "repost.txt"
    page.write_text(TALKS_TITLE + "\n" + TALKS_REPOST_2 + "\n", encoding="utf-8")
    paths = [feed, page]
    if with_bad:
        empty = folder / "empty.txt"
        empty.write_bytes(b"")
        paths.append(empty)
    return paths
