"""Reading downloaded text: UTF-8 with or without BOM, ``;``/``,``-separated CSV with line numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .tidy import CBSDataError


def decode(path: str | Path, raw: bytes, fallback: str | None = None) -> str:
    """Decode a download: UTF-8 with or without BOM; anything else is an error naming the line.

    ``fallback`` (``"cp1252"``) is for the StatLine website's older downloads, which were written
    in Windows-1252 (``©`` in the footer is byte 0xa9).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CBSDataError(path, 1, "bestand is UTF-16; sla het op als UTF-8 (CSV UTF-8)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if fallback:
            return decode(path, raw.decode(fallback).encode("utf-8"))
        line = raw[: exc.start].count(b"\n") + 1
        raise CBSDataError(path, line, f"tekens die geen UTF-8 zijn (byte 0x{raw[exc.start]:02x}); "
                                       "waarschijnlijk Latin-1/Windows-1252: sla het bestand op als UTF-8") from None
    if "\ufeff" in text:
        line = text[: text.index("\ufeff")].count("\n") + 1
        raise CBSDataError(path, line, "byte-order mark (BOM) midden in het bestand; zijn twee bestanden aan elkaar geplakt?")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise CBSDataError(path, line, "nul-tekens in het bestand; geen tekstbestand?")
    return text


def csv_rows(path: str | Path, text: str, delimiter: str = ";") -> list[tuple[int, list[str]]]:
    """Rows with the physical line number where each starts (quoted newlines allowed)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True)
    out = []
    line = 1
    try:
        for row in reader:
            out.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise CBSDataError(path, reader.line_num or line, f"CSV kan niet gelezen worden ({exc}); afgebroken bestand?") from None
    return out


def read_text(path: str | Path) -> str:
    path = Path(path)
    return decode(path, path.read_bytes())
