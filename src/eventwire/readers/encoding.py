"""Bytes -> text: UTF-8 first, then what the bytes themselves say, or a one-line reason.

News pages saved by hand or by old crawlers are often Windows-1252 ("café",
curly quotes) or a mix: a UTF-8 page with a cp1252 footer pasted in.  The order:

1. UTF-8 (a UTF-8 byte-order mark is dropped);
2. a UTF-16/32 byte-order mark: that encoding, or refused when the rest does not decode;
3. a charset the page or the HTTP header declares (HTML, WARC), when it decodes;
4. UTF-8 with stray bytes: the valid UTF-8 kept, each stray byte read as cp1252 (mixed);
5. cp1252, when it decodes and reads as text (charset_normalizer's mess ratio);
6. charset_normalizer's best guess (cp1251, ...), when it reads as text;
7. otherwise refused: "not UTF-8 and no other encoding fits (invalid UTF-8 at byte N)".

Steps 3-6 come with a note (a warning line) saying which encoding was used.
"""
from __future__ import annotations

import codecs
import re

# Above this mess ratio (charset_normalizer.md.mess_ratio) a decoding is not text.
MAX_MESS = 0.2

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

# Labels that browsers (WHATWG Encoding) read as windows-1252.
_CP1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}


class DecodeError(ValueError):
    """The bytes are not text in any encoding that fits; the message is the one-line reason."""


_stray = [0]  # bytes the last mixed decoding read as cp1252


def _cp1252_fallback(err: UnicodeDecodeError):
    bad = err.object[err.start:err.end]
    _stray[0] += len(bad)
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("eventwire-cp1252", _cp1252_fallback)


def _reads_as_text(text: str) -> bool:
    from charset_normalizer.md import mess_ratio

    sample = text[:20000]
    # Controls other than whitespace are never text.
    ctrl = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    if ctrl > len(sample) * 0.01:
        return False
    return mess_ratio(sample, MAX_MESS) < MAX_MESS


def _valid_multibyte_utf8(data: bytes) -> int:
    """How many well-formed multi-byte UTF-8 sequences the bytes hold."""
    return len(re.findall(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data))


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset=...>``)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else None


def decode(data: bytes, declared: str | None = None, final: bool = True) -> tuple[str, str | None]:
    """(text, note) where note says which non-UTF-8 encoding was used, or None for UTF-8.

    ``final=False``: the bytes may end inside a character (a file read only in part);
    an incomplete sequence at the end is dropped.
    """
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        if final:
            return body.decode("utf-8"), None
        return codecs.getincrementaldecoder("utf-8")().decode(body, final=False), None
    except UnicodeDecodeError as e:
        first_bad = e.start + (len(data) - len(body))
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                text = None
            if text is not None and _reads_as_text(text):
                return text, None
            raise DecodeError(f"starts with a {enc.upper()} byte-order mark but is not {enc.upper()} text "
                              f"(nor UTF-8: invalid byte at {first_bad})")
    if declared:
        enc = "cp1252" if declared.lower() in _CP1252_LABELS else declared
        try:
            text = data.decode(enc)
            if _reads_as_text(text):
                return text, f"not UTF-8; read as {enc}, the declared charset"
        except (LookupError, UnicodeDecodeError):
            pass
    n_good = _valid_multibyte_utf8(data)
    if n_good:
        _stray[0] = 0
        text = body.decode("utf-8", errors="eventwire-cp1252")
        n_bad = _stray[0]
        if _reads_as_text(text):
            return text, (
                f"mixed encodings: {n_bad} bytes that are not UTF-8 read as cp1252 ({n_good} UTF-8 characters kept)")
    try:
        text = data.decode("cp1252")
        if _reads_as_text(text):
            return text, "not UTF-8; read as cp1252 (Windows Western)"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        try:
            text = data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is not None and _reads_as_text(text):
            return text, f"not UTF-8; read as {best.encoding} (detected)"
    raise DecodeError(f"not UTF-8 and no other text encoding fits (invalid UTF-8 at byte {first_bad})")

