"""Bytes to text: the encodings a page may come in, and whether its bytes are text at all.

Text is only decoded here, plus NFC for Windows-1258, whose tone marks are separate combining characters;
`normalize.clean_text` runs later. Bytes that give no text raise `BadBytes` with a reason from `errors.REASONS`.

    BOM           UTF-8, UTF-16 or UTF-32 as the mark says
    NUL bytes     UTF-16 without a mark when its NULs fall in place, else binary
    no BOM        UTF-8; else Windows-1258 when it reads as Vietnamese; else charset_normalizer's guess
    HTML          the charset its <meta> declares when that fits, else as above
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters no text page has, whitespace controls (\t \n \v \f \r) excepted.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)

# Every Vietnamese letter outside ASCII, in NFC: the test that Windows-1258 decoding made sense.
_VIETNAMESE = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for vowel in "aăâeêioôơuưy"
    for base in (vowel, vowel.upper())
    for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
) | frozenset("đĐ")
_LATIN_FAMILY = ("cp125", "latin", "iso8859", "mac_")
_BINARY = "looks like a binary file: it {}; give text, HTML or JSON Lines pages"
_UNDECODABLE = "is in no text encoding sukien can read: it {}; save it as UTF-8"


class BadBytes(Exception):
    """Bytes that give no text; args are the reason (from errors.REASONS) and what was wrong."""


def sniff_kind(head: bytes) -> str:
    """The kind of a page from its first bytes: "html", "jsonl" or "text"."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            start = head.decode(codec, errors="ignore").lstrip()
            break
    else:
        codec = _utf16_codec(head[: len(head) // 2 * 2])
        start = head.decode(codec or "latin-1", errors="ignore").lstrip()
    if start.startswith("<"):
        return "html"
    return "jsonl" if start.startswith("{") else "text"


def decode_text(data: bytes) -> str:
    """Text from bytes in any common encoding: BOM, UTF-8, UTF-16, Windows-1258, then a guess."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _sensible(data.decode(codec))
            except UnicodeDecodeError:
                raise BadBytes(
                    "undecodable",
                    _UNDECODABLE.format(f"has a byte-order mark but is not {codec.removesuffix('-sig')}"),
                ) from None
    if b"\x00" in data:
        codec = _utf16_codec(data)
        if codec is None:
            raise BadBytes("binary", _BINARY.format("has NUL bytes"))
        try:
            return _sensible(data.decode(codec))
        except UnicodeDecodeError:
            raise BadBytes("binary", _BINARY.format("has NUL bytes that are not UTF-16")) from None
    if (len(data) - len(data.translate(None, _CONTROL_BYTES))) * 100 > len(data):
        raise BadBytes("binary", _BINARY.format("is full of control characters"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _sensible(_decode_legacy(data))


def _utf16_codec(data: bytes) -> str | None:
    """The UTF-16 codec whose byte order puts the NULs of ASCII-rich UTF-16 text in place, or None."""
    if len(data) % 2:
        return None
    sample = data[:16384]
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd * 5 > pairs and even * 20 < odd:
        return "utf-16-le"
    if even * 5 > pairs and odd * 20 < even:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes) -> str:
    """Text from non-UTF-8 bytes: Windows-1258 when it reads as Vietnamese, else a charset guess."""
    try:
        vietnamese = unicodedata.normalize("NFC", data.decode("cp1258"))  # tone marks composed
    except UnicodeDecodeError:
        vietnamese = ""  # bytes cp1258 leaves undefined
    letters, foreign = _letters(vietnamese)
    # A charset guess goes wrong on short Vietnamese text (it has offered cp1006 and UTF-16 for
    # "Hà Nội"), so text that reads as nothing but Vietnamese under cp1258 is taken at once.
    if letters and foreign * 50 <= letters:
        return vietnamese
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BadBytes("undecodable", _UNDECODABLE.format("is not UTF-8 and no other encoding fits"))
    guess = str(best)
    if best.encoding == "cp1258":
        return unicodedata.normalize("NFC", guess)
    # A Latin-family guess for a Vietnamese legacy page shows as "Ð", "õ", "ý" where cp1258 has Đ, ơ, ư.
    if best.encoding.startswith(_LATIN_FAMILY) and foreign * 10 <= letters and letters > _letters(guess)[0]:
        return vietnamese
    return guess


def _letters(text: str) -> tuple[int, int]:
    """(Vietnamese letters outside ASCII, other non-ASCII letters and loose combining marks) in `text`."""
    vietnamese = foreign = 0
    for char in text:
        if char in _VIETNAMESE:
            vietnamese += 1
        elif char > "\x7f" and (char.isalpha() or unicodedata.combining(char)):
            foreign += 1
    return vietnamese, foreign


def _sensible(text: str) -> str:
    """`text`, unless control characters show it was binary or decoded with the wrong codec."""
    if len(_CONTROLS.findall(text)) * 100 > len(text):
        raise BadBytes("binary", _BINARY.format("is full of control characters"))
    return text


def decode_html(data: bytes) -> str:
    """HTML text in the charset its <meta> declares when that fits, else as any text file."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back on detection
        else:
            return _sensible(unicodedata.normalize("NFC", text) if codec == "cp1258" else text)
    return decode_text(data)
