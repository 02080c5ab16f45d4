"""Reading inputs: files, folders and standard input, as `Page`s or `InputRejected` records.

Each input is read on its own: one that cannot be read yields an `InputRejected` (never raised)
with a reason from `errors.REASONS`, and the batch goes on. Bytes become text in `decoding`;
`normalize.clean_text` runs later.

    .txt         decoded from any common encoding (BOM, UTF-8, UTF-16, Windows-1258, charset guess)
    .html .htm   main text and metadata by trafilatura
    .jsonl       streamed, one record a line; the size limit applies to each record
    other        sniffed: HTML if it starts with "<", JSON Lines if it starts with "{", else text
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .decoding import BadBytes, decode_html, decode_text, sniff_kind
from .errors import InputRejected
from .models import Page
from .settings import Settings

# Suffixes taken from folders; a file named explicitly with another suffix is sniffed.
_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_SNIFF_BYTES = 64 * 1024

_AUTHOR_SPLIT = re.compile(r"[;,]")
_RECORD_FIELDS = {"title": "title", "published": "date", "url": "url", "outlet": "source"}  # Page: record


def read_inputs(
    paths: Iterable[str], *, settings: Settings | None = None, stdin: BinaryIO | None = None
) -> Iterator[Page | InputRejected]:
    """Yield, in order, a Page per page found in `paths` or an InputRejected per input that cannot be read."""
    settings = settings or Settings()
    if isinstance(paths, (str, os.PathLike)):  # one path, not an iterable of one-letter paths
        paths = [paths]
    for raw in paths:
        path = os.fspath(raw)
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
        elif os.path.isdir(path):
            yield from _read_folder(path, settings)
        else:
            yield from _read_file(path, settings)


# --- where the bytes come from ----------------------------------------------------------------


def _read_folder(folder: str, settings: Settings) -> Iterator[Page | InputRejected]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield _unreadable(folder, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        # Symlinked folders are not followed, so a link loop cannot make the walk endless.
        if entry.is_dir(follow_symlinks=False):
            yield from _read_folder(entry.path, settings)
        elif os.path.splitext(entry.name)[1].lower() in _KINDS:
            yield from _read_file(entry.path, settings)


def _read_file(path: str, settings: Settings) -> Iterator[Page | InputRejected]:
    limit = settings.max_input_bytes
    kind = _KINDS.get(os.path.splitext(path)[1].lower())
    try:
        size = os.stat(path).st_size
        if kind not in (None, "jsonl") and size > limit:
            yield _too_large(path, limit, size)  # decided from the size alone: the file is never read
            return
        with open(path, "rb") as file:
            if kind is None:
                kind = sniff_kind(file.read(_SNIFF_BYTES))
                file.seek(0)
            if kind == "jsonl":
                yield from _read_jsonl(file, path, settings)
                return
            if size > limit:
                yield _too_large(path, limit, size)
                return
            data = file.read(limit + 1)
    except (FileNotFoundError, NotADirectoryError):
        yield InputRejected(path, "not_found", f"{_name(path)} does not exist; check the path")
        return
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    if len(data) > limit:  # the file grew after stat
        yield _too_large(path, limit, len(data))
        return
    yield _page(data, path, kind)


def _read_stdin(stream: BinaryIO, settings: Settings) -> Iterator[Page | InputRejected]:
    limit = settings.max_input_bytes
    try:
        head = stream.read(_SNIFF_BYTES)
        kind = sniff_kind(head)
        if kind == "jsonl":
            # Standard input cannot seek back, so the sniffed head is put in front of the rest.
            yield from _read_jsonl(io.BufferedReader(_Prefixed(head, stream)), None, settings)
            return
        data = head + stream.read(max(0, limit + 1 - len(head)))
    except OSError as exc:
        yield _unreadable(None, exc)
        return
    yield _too_large(None, limit) if len(data) > limit else _page(data, None, kind)


class _Prefixed(io.RawIOBase):
    """A stream that gives `head` back before the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        """It can be read."""
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        """Fill `buffer` from the head first, then from the stream."""
        data = self._head[: len(buffer)]
        self._head = self._head[len(data) :]
        if not data:
            data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


# --- one page from its bytes ------------------------------------------------------------------


def _page(data: bytes, path: str | None, kind: str) -> Page | InputRejected:
    """A Page from the whole bytes of one text or HTML input, or why there is none."""
    if not data.strip():
        detail = "(0 bytes)" if not data else "(only whitespace)"
        return InputRejected(path, "empty", f"{_name(path)} is empty {detail}; give it the page's text")
    try:
        text = decode_html(data) if kind == "html" else decode_text(data)
    except BadBytes as bad:
        reason, detail = bad.args
        return InputRejected(path, reason, f"{_name(path)} {detail}")
    if not text.strip():
        return InputRejected(path, "empty", f"{_name(path)} is empty (only whitespace); give it the page's text")
    if kind == "html":
        return _html_page(text, path)
    return Page(text=text, path=path, kind="text")


def _html_page(html: str, path: str | None) -> Page | InputRejected:
    """A Page of the main text (one paragraph a line) and metadata trafilatura finds in `html`."""
    import trafilatura  # imported here: it takes a while and most runs read text or JSON Lines

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception:  # a third-party parser on arbitrary markup must not stop the batch
        doc = None
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        found = f"no article text was found in the HTML of {_name(path)}"
        return InputRejected(path, "empty", f"{found}; give the article page itself, or its text as .txt")
    authors = tuple(a.strip() for a in _AUTHOR_SPLIT.split(doc.author or "") if a.strip())
    return Page(
        text=text,
        path=path,
        kind="html",
        title=doc.title or None,
        published=doc.date or None,
        url=doc.url or None,
        outlet=doc.sitename or None,
        authors=authors,
    )


# --- JSON Lines -------------------------------------------------------------------------------


def _read_jsonl(file: BinaryIO, path: str | None, settings: Settings) -> Iterator[Page | InputRejected]:
    """A Page per record of a JSON Lines stream, read one line at a time."""
    limit = settings.max_input_bytes
    found = False
    for number, line in _lines(file, limit):
        if line is None:
            found = True
            yield _too_large(path, limit, record=f"line {number}")
            continue
        if number == 1:
            if line.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in line:
                yield InputRejected(path, "undecodable", f"{_name(path)} is not UTF-8; save it as UTF-8")
                return
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            found = True
            yield _record(line, number, path)
    if not found:
        yield InputRejected(path, "empty", f"{_name(path)} has no records; give one JSON object a line")


def _lines(file: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line without its end) for each line; None for a line over `limit` bytes."""
    number = 0
    while line := file.readline(limit + 2):  # room for `limit` bytes and "\r\n"
        number += 1
        if len(line) == limit + 2 and not line.endswith(b"\n"):
            # Skip the rest of a line too long to keep, without holding it in memory.
            while (rest := file.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        line = line.rstrip(b"\r\n")
        yield number, line if len(line) <= limit else None


def _record(line: bytes, number: int, path: str | None) -> Page | InputRejected:
    """A Page from one JSON Lines record, or a bad_record rejection naming the line or id."""
    where = f"line {number}"
    try:
        obj = json.loads(line)
    except UnicodeDecodeError:
        return _bad_record(path, where, f"{where} is not UTF-8")
    except ValueError as exc:
        return _bad_record(path, where, f"{where} is not valid JSON ({getattr(exc, 'msg', exc)})")
    if not isinstance(obj, dict):
        return _bad_record(path, where, f"{where} is a JSON {type(obj).__name__}, not an object")
    ident = obj.get("id")
    usable = isinstance(ident, (str, int)) and not isinstance(ident, bool) and ident != ""
    record = str(ident) if usable else where
    text = obj.get("text")
    if not isinstance(text, str):
        return _bad_record(path, record, f'record {record} ({where}) has no string "text"')
    if not text.strip():
        message = f'record {record} ({where}) has an empty "text"; give it the article'
        return InputRejected(path, "empty", message, record=record)
    # Optional fields that are missing, null, empty or not strings all read as None.
    fields = {name: obj.get(key) for name, key in _RECORD_FIELDS.items()}
    fields = {name: value if isinstance(value, str) and value else None for name, value in fields.items()}
    return Page(text=text, path=path, record=record, kind="record", **fields)


def _bad_record(path: str | None, record: str, problem: str) -> InputRejected:
    message = f'{problem}; each line must be one JSON object with a string "text"'
    return InputRejected(path, "bad_record", message, record=record)


# --- messages ---------------------------------------------------------------------------------


def _name(path: str | None) -> str:
    """How a message names an input: the file's name, or standard input."""
    return "standard input" if path is None else os.path.basename(path.rstrip(os.sep)) or path


def _size(count: int) -> str:
    """A byte count as people read it: "812 bytes", "4.0 KB", "12.0 MB"."""
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


def _too_large(path: str | None, limit: int, size: int = 0, record: str | None = None) -> InputRejected:
    """The rejection of an input or record over `limit` bytes; `size` when it is known."""
    what = f"record {record}" if record else _name(path)
    over = f"is {_size(size)}, over" if size else "is over"
    message = f"{what} {over} the {_size(limit)} limit; raise it with --setting max_input_bytes={size or 'N'}"
    return InputRejected(path, "too_large", message, record=record)


def _unreadable(path: str | None, exc: OSError) -> InputRejected:
    message = f"{_name(path)} cannot be read ({exc.strerror or exc}); check its permissions"
    return InputRejected(path, "unreadable", message)
