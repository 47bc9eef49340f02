"""CBS data layer: read the real CBS formats into one tidy shape, validate, keep snapshots.

Formats (see ``data/cbs/README.md`` for details and sources):

- OData v3 (``opendata.cbs.nl/ODataFeed``): ``TypedDataSet`` or ``UntypedDataSet`` rows (one
  column per topic), ``DataProperties`` (which column is a dimension, the time dimension or
  a topic) and one entity set per dimension (``Key``/``Title``, periods with ``Status``).
  Pages are linked by ``odata.nextLink``.
- OData v4 (``datasets.cbs.nl/odata/v1``): ``Observations`` (one cell per row: ``Measure``,
  ``Value``, ``ValueAttribute``, dimension codes), ``MeasureCodes``, ``Dimensions`` and
  ``<Dim>Codes``. Pages are linked by ``@odata.nextLink``.
- StatLine CSV download: ``<ID>_TypedDataSet_<date>_<time>.csv`` (``;``-separated, every
  field quoted, codes with trailing spaces, empty field = missing) with its companion
  ``<ID>_metadata.csv`` (sections ``TableInfos``, ``DataProperties``, one per dimension).

The tidy shape (:data:`TIDY_COLUMNS` plus two columns per dimension, ``<Dim>`` for the code
and ``<Dim>_label`` for its title) has one row per observed cell. Every problem is raised as
:class:`CBSDataError` naming the file, the line (or record) and what is wrong.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .paths import data_dir

#: Columns every tidy table has, in this order; dimension columns come after ``table_id``.
TIDY_COLUMNS = [
    "table_id", "measure", "measure_label", "unit",
    "period", "period_label", "year", "quarter", "month", "freq", "status",
    "value", "symbol",
]
#: Optional provenance columns of a snapshot row.
PROVENANCE_COLUMNS = ["source_url", "evidence"]

V3_FEED = "https://opendata.cbs.nl/ODataFeed/odata/{table}/{entity}?$format=json"
V4_BASE = "https://datasets.cbs.nl/odata/v1/CBS/{table}/{entity}"

#: CBS "verklaring van tekens": symbol → meaning. ``value`` becomes NaN, except nihil (0).
SYMBOLS = {
    ".": "gegevens ontbreken",
    "x": "geheim",
    "-": "nihil",
    "\u2013": "nihil",
    "?": "onbetrouwbaar",
    "": "leeg",
}

#: Period types in CBS codes ``YYYY`` + type + 2 digits, with the frequency they mean.
PERIOD_TYPES = {
    "JJ": "jaar", "KW": "kwartaal", "MM": "maand", "W1": "week", "X0": "weekdeel",
    "TM": "meerjarig", "SJ": "schooljaar", "HJ": "halfjaar",
}
_PERIOD_RE = re.compile(r"^(\d{4})([A-Z][A-Z0-9])(\d{2})$")
_DAY_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_QUARTER_NAMES = {1: "1e kwartaal", 2: "2e kwartaal", 3: "3e kwartaal", 4: "4e kwartaal"}
_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]

PERIOD_STATUS = {"definitief": "definitief", "voorlopig": "voorlopig", "nadervoorlopig": "nader voorlopig"}


class CBSDataError(ValueError):
    """A problem in a CBS file: the message names the file, the line (or record) and the problem."""

    def __init__(self, source: str | Path, line: int | str | None, problem: str):
        self.source = str(source)
        self.line = line
        self.problem = problem
        where = self.source if line is None else f"{self.source}, {_where(line)}"
        super().__init__(f"{where}: {problem}")


def _where(line: int | str) -> str:
    return f"regel {line}" if isinstance(line, int) else str(line)


class NetworkUnavailable(RuntimeError):
    """CBS could not be reached; nothing was changed."""


# --------------------------------------------------------------------------- periods

@dataclass(frozen=True)
class Period:
    code: str
    year: int
    quarter: int | None
    month: int | None
    freq: str
    label: str


def parse_period(code: str) -> Period:
    """Parse a CBS period code (``2023JJ00``, ``2023KW01``, ``2023MM12``, ``20230115``, …).

    Raises ``ValueError`` with a Dutch explanation for a code it does not know.
    """
    raw = code
    code = str(code).strip()
    m = _PERIOD_RE.match(code)
    if m:
        year, kind, idx = int(m.group(1)), m.group(2), int(m.group(3))
        if kind not in PERIOD_TYPES:
            raise ValueError(f"onbekende periodecode {raw!r} (soort {kind!r}; bekend: {', '.join(PERIOD_TYPES)})")
        if kind == "JJ":
            if idx != 0:
                raise ValueError(f"onbekende periodecode {raw!r}: een jaar eindigt op JJ00")
            return Period(code, year, None, None, "jaar", str(year))
        if kind == "KW":
            if not 1 <= idx <= 4:
                raise ValueError(f"onbekende periodecode {raw!r}: kwartaal moet 01 t/m 04 zijn")
            return Period(code, year, idx, None, "kwartaal", f"{year} {_QUARTER_NAMES[idx]}")
        if kind == "MM":
            if not 1 <= idx <= 12:
                raise ValueError(f"onbekende periodecode {raw!r}: maand moet 01 t/m 12 zijn")
            return Period(code, year, (idx - 1) // 3 + 1, idx, "maand", f"{year} {_MONTHS[idx - 1]}")
        if kind == "W1" and not 1 <= idx <= 53:
            raise ValueError(f"onbekende periodecode {raw!r}: week moet 01 t/m 53 zijn")
        return Period(code, year, None, None, PERIOD_TYPES[kind], code)
    m = _DAY_RE.match(code)
    if m:
        try:
            day = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError(f"onbekende periodecode {raw!r}: geen bestaande datum") from None
        return Period(code, day.year, (day.month - 1) // 3 + 1, day.month, "dag", day.isoformat())
    raise ValueError(f"onbekende periodecode {raw!r} (verwacht bijvoorbeeld 2023JJ00, 2023KW01 of 2023MM12)")


def parse_value(text: Any, decimal: str = ".") -> tuple[float, str]:
    """Parse one cell: a number, ``None``/empty (missing) or a CBS symbol.

    Returns ``(value, symbol)``; ``symbol`` is ``""`` for an ordinary number, ``"*"`` or ``"**"``
    for a provisional number, else the CBS symbol. Raises ``ValueError`` for anything else.
    """
    if text is None:
        return math.nan, ""
    if isinstance(text, bool):
        raise ValueError(f"geen getal: {text!r}")
    if isinstance(text, (int, float)):
        return float(text), ""
    s = str(text).strip()
    # Fast path for the common case, a plain number with a decimal point ("nan", "inf" and
    # "1_000" do not end in a digit or contain "_", so float() cannot accept them here).
    if decimal == "." and s and s[-1].isdigit() and s[0] in "+-.0123456789" and "_" not in s and s.isascii():
        try:
            return float(s), ""
        except ValueError:
            pass
    symbol = ""
    if s.endswith("**"):
        s, symbol = s[:-2].strip(), "**"
    elif s.endswith("*"):
        s, symbol = s[:-1].strip(), "*"
    if s in SYMBOLS:
        if symbol and s == "":
            raise ValueError(f"geen getal: {text!r}")
        return (0.0 if SYMBOLS[s] == "nihil" else math.nan), (s if s else "")
    candidate = s.replace(decimal, ".") if decimal != "." else s
    if decimal == "," and "." in s.replace(".", "", 0) and "," in s:
        candidate = s.replace(".", "").replace(",", ".")
    if not _NUMBER_RE.match(candidate):
        hint = " (decimaalkomma? CBS-downloads gebruiken een punt)" if decimal == "." and re.match(r"^-?\d+,\d+$", s) else ""
        raise ValueError(f"geen getal en geen CBS-teken: {text!r}{hint}")
    return float(candidate), symbol


# --------------------------------------------------------------------------- tidy builder

@dataclass
class Dimension:
    key: str
    title: str
    is_time: bool
    codes: dict[str, dict]  # stripped code -> {"Title":..., "Status":...}


@dataclass
class Topic:
    key: str
    title: str
    unit: str



def _status_from_symbol(status: str, symbol: str) -> tuple[str, str]:
    """CBS marks provisional figures with * and ** in the cell; those become the row's status."""
    if symbol == "*":
        return "voorlopig", ""
    if symbol == "**":
        return "nader voorlopig", ""
    return status, symbol

class _TidyBuilder:
    """Collects tidy rows, checking dimensions, periods and duplicate keys as it goes."""

    def __init__(self, table_id: str, source: str, dims: list[Dimension]):
        self.table_id = table_id
        self.source = source
        self.dims = dims
        self.time = [d for d in dims if d.is_time]
        if len(self.time) != 1:
            raise CBSDataError(source, None, "geen tijddimensie (Perioden) gevonden" if not self.time
                               else "meer dan één tijddimensie")
        self.plain = [d for d in dims if not d.is_time]
        self.rows: list[tuple] = []
        self.seen: dict[tuple, Any] = {}
        self._periods: dict[str, Period] = {}
        self._pinfo: dict[str, tuple] = {}
        self._dcache: dict[tuple, tuple] = {}

    def period(self, code: str, where: Any) -> Period:
        p = self._periods.get(code)
        if p is None:
            try:
                p = parse_period(code)
            except ValueError as exc:
                raise CBSDataError(self.source, where, f"kolom {self.time[0].key}: {exc}") from None
            self._periods[code] = p
        return p

    def key_check(self, key: tuple, where: Any) -> None:
        if key in self.seen:
            shown = ", ".join(str(k) for k in key)
            raise CBSDataError(self.source, where,
                               f"dubbele sleutel ({shown}): dezelfde cel staat ook op {_where(self.seen[key])}")
        self.seen[key] = where

    def dim_values(self, record: dict, where: Any) -> dict[str, str]:
        out = {}
        for d in self.dims:
            if d.key not in record:
                raise CBSDataError(self.source, where, f"dimensie {d.key!r} ontbreekt")
            raw = record[d.key]
            code = "" if raw is None else str(raw).strip()
            if not code:
                raise CBSDataError(self.source, where, f"dimensie {d.key!r} is leeg")
            if d.codes and code not in d.codes and not d.is_time:
                raise CBSDataError(self.source, where,
                                   f"code {raw!r} staat niet in de codelijst van dimensie {d.key!r}")
            out[d.key] = code
        return out

    def _period_info(self, code: str, where: Any) -> tuple:
        info = self._pinfo.get(code)
        if info is None:
            p = self.period(code, where)
            meta = self.time[0].codes.get(p.code, {})
            raw_status = str(meta.get("Status", "") or "")
            status = PERIOD_STATUS.get(raw_status.replace(" ", "").lower(), raw_status.lower())
            label = str(meta.get("Title") or p.label).rstrip("*").strip()
            info = (p.code, label, p.year, p.quarter, p.month, p.freq, status)
            self._pinfo[code] = info
        return info

    def _dim_part(self, dimvals: dict[str, str]) -> tuple:
        key = tuple(dimvals[d.key] for d in self.plain)
        part = self._dcache.get(key)
        if part is None:
            part = []
            for d, code in zip(self.plain, key):
                part += [code, str(d.codes.get(code, {}).get("Title", code)).strip()]
            part = tuple(part)
            self._dcache[key] = part
        return part

    def add_record(self, dimvals: dict[str, str], cells: list[tuple[Topic, Any]], where: Any,
                   decimal: str = ".") -> None:
        """Add all topic cells of one record (period and dimension labels resolved once)."""
        pinfo = self._period_info(dimvals[self.time[0].key], where)
        head = (self.table_id, *self._dim_part(dimvals))
        ptail = pinfo[:6]
        status0 = pinfo[6]
        append = self.rows.append
        for topic, cell in cells:
            value, symbol = self._cell(cell, topic, where, decimal)
            status, symbol = _status_from_symbol(status0, symbol)
            append((*head, topic.key, topic.title, topic.unit, *ptail, status, value, symbol))

    def _cell(self, cell: Any, topic: Topic, where: Any, decimal: str) -> tuple[float, str]:
        """A cell as (value, CBS symbol); an unreadable cell names its file, place and column."""
        if cell is None:
            return math.nan, ""
        if type(cell) in (int, float):
            return float(cell), ""
        try:
            return parse_value(cell, decimal)
        except ValueError as exc:
            raise CBSDataError(self.source, where, f"kolom {topic.key}: {exc}") from None

    def add(self, dimvals: dict[str, str], topic: Topic, cell: Any, where: Any, decimal: str = ".",
            value_attribute: str = "") -> None:
        pinfo = self._period_info(dimvals[self.time[0].key], where)
        value, symbol = self._cell(cell, topic, where, decimal)
        if value_attribute and value_attribute != "None" and not symbol:
            symbol = value_attribute
        status, symbol = _status_from_symbol(pinfo[6], symbol)
        self.rows.append((self.table_id, *self._dim_part(dimvals), topic.key, topic.title, topic.unit,
                          *pinfo[:6], status, value, symbol))

    def frame(self) -> pd.DataFrame:
        dim_cols = []
        for d in self.plain:
            dim_cols += [d.key, d.key + "_label"]
        cols = ["table_id", *dim_cols, *TIDY_COLUMNS[1:]]
        df = pd.DataFrame.from_records(self.rows, columns=cols)
        for c in ("year", "quarter", "month"):
            df[c] = df[c].astype("Int64")
        df["value"] = df["value"].astype(float)
        return df


def dimension_columns(df: pd.DataFrame) -> list[str]:
    """Code columns of the dimensions of a tidy frame (the ones with a ``_label`` partner)."""
    return [c for c in df.columns if c + "_label" in df.columns and c not in ("measure", "period")]


# --------------------------------------------------------------------------- OData sources

JsonGetter = Callable[[str], Any]


def _pages(get_json: JsonGetter, url: str, next_key: str) -> Iterable[tuple[str, int, dict]]:
    """Yield ``(page_url, index_in_page, record)`` over all pages, following the next link."""
    seen = set()
    while url:
        if url in seen:
            raise CBSDataError(url, None, "de volgende-paginalink verwijst terug (lus)")
        seen.add(url)
        doc = get_json(url)
        if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
            raise CBSDataError(url, None, "geen OData-antwoord: het veld 'value' (een lijst) ontbreekt")
        for i, rec in enumerate(doc["value"]):
            yield url, i, rec
        url = doc.get(next_key) or ""


class DirectorySource:
    """OData responses saved as files: ``<entity>.json`` and, for later pages, ``<entity>_skip<N>.json``.

    The next link's ``$skip`` (or ``skip``) parameter picks the file of the next page; this is how
    the test fixtures hold a paged response.
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def __call__(self, url: str) -> Any:
        entity = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        m = re.search(r"[$]?skip=(\d+)", url)
        name = f"{entity}_skip{m.group(1)}.json" if m else f"{entity}.json"
        path = self.folder / name
        if not path.is_file():
            raise CBSDataError(path, None, "bestand ontbreekt")
        text = _decode(path, path.read_bytes())
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CBSDataError(path, exc.lineno, f"geen geldige JSON ({exc.msg}); afgebroken bestand?") from None


def http_json(url: str, timeout: float = 30.0) -> Any:
    """Fetch JSON over HTTPS; raise :class:`NetworkUnavailable` when CBS cannot be reached."""
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "werkzorg-data"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (fixed https hosts)
            body = resp.read()
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        raise NetworkUnavailable(f"{url}: {exc}") from exc
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CBSDataError(url, None, f"antwoord is geen geldige JSON: {exc}") from None


class _RecordRef:
    """Where a JSON record is ("record 3 van TypedDataSet"); formatted only when an error needs it."""

    __slots__ = ("url", "index")

    def __init__(self, url: str, index: int):
        self.url, self.index = url, index

    def __str__(self) -> str:
        name = self.url.split("?", 1)[0].rsplit("/", 1)[-1]
        return f"record {self.index + 1} van {name}"


def _record_where(url: str, index: int) -> _RecordRef:
    return _RecordRef(url, index)


def read_odata_v3(table_id: str, get_json: JsonGetter, typed: bool = True, base: str = V3_FEED) -> pd.DataFrame:
    """Read a table from the OData v3 feed (or a :class:`DirectorySource`) into the tidy shape."""
    def url(entity: str) -> str:
        return base.format(table=table_id, entity=entity)

    props = [rec for _, _, rec in _pages(get_json, url("DataProperties"), "odata.nextLink")]
    dims: list[Dimension] = []
    topics: list[Topic] = []
    for p in props:
        kind = str(p.get("Type", ""))
        key = str(p.get("Key", "")).strip()
        if kind in ("Dimension", "TimeDimension", "GeoDimension", "GeoDetail"):
            codes = {}
            for u, i, rec in _pages(get_json, url(key), "odata.nextLink"):
                code = str(rec.get("Key", "")).strip()
                if not code:
                    raise CBSDataError(u, _record_where(u, i), f"code zonder Key in dimensie {key!r}")
                codes[code] = rec
            dims.append(Dimension(key, str(p.get("Title", key)), kind == "TimeDimension", codes))
        elif kind == "Topic":
            topics.append(Topic(key, str(p.get("Title", key)).strip(), str(p.get("Unit") or "").strip()))
    if not topics:
        raise CBSDataError(url("DataProperties"), None, "geen onderwerpen (Topic) in DataProperties")
    builder = _TidyBuilder(table_id, url("TypedDataSet" if typed else "UntypedDataSet"), dims)
    data_url = url("TypedDataSet" if typed else "UntypedDataSet")
    for u, i, rec in _pages(get_json, data_url, "odata.nextLink"):
        where = _record_where(u, i)
        builder.source = u.split("?", 1)[0]
        dv = builder.dim_values(rec, where)
        builder.key_check(tuple(dv[d.key] for d in dims), where)
        try:
            cells = [(t, rec[t.key]) for t in topics]
        except KeyError as exc:
            raise CBSDataError(builder.source, where, f"onderwerp {exc.args[0]!r} ontbreekt in het record") from None
        builder.add_record(dv, cells, where)
    return builder.frame()


def read_odata_v4(table_id: str, get_json: JsonGetter, base: str = V4_BASE) -> pd.DataFrame:
    """Read a table from the OData v4 API (or a :class:`DirectorySource`) into the tidy shape.

    Absent observations are missing cells; ``ValueAttribute`` other than ``None`` becomes the symbol.
    """
    def url(entity: str) -> str:
        return base.format(table=table_id, entity=entity)

    measures = {}
    for _, _, rec in _pages(get_json, url("MeasureCodes"), "@odata.nextLink"):
        ident = str(rec.get("Identifier", "")).strip()
        measures[ident] = Topic(ident, str(rec.get("Title", ident)).strip(), str(rec.get("Unit") or "").strip())
    dims: list[Dimension] = []
    for _, _, rec in _pages(get_json, url("Dimensions"), "@odata.nextLink"):
        ident = str(rec.get("Identifier", "")).strip()
        codes = {}
        for _, _, c in _pages(get_json, url(f"{ident}Codes"), "@odata.nextLink"):
            codes[str(c.get("Identifier", "")).strip()] = {"Title": c.get("Title", ""), "Status": c.get("Status", "")}
        dims.append(Dimension(ident, str(rec.get("Title", ident)), str(rec.get("Kind", "")) == "TimeDimension", codes))
    builder = _TidyBuilder(table_id, url("Observations"), dims)
    page = None
    for u, i, rec in _pages(get_json, url("Observations"), "@odata.nextLink"):
        where = _RecordRef(u, i)
        if u is not page:
            page, builder.source = u, u.split("?", 1)[0]
        dv = builder.dim_values(rec, where)
        m = rec.get("Measure")
        topic = measures.get(m) or measures.get(str(m).strip())
        if topic is None:
            raise CBSDataError(builder.source, where, f"onbekende Measure {m!r} (niet in MeasureCodes)")
        builder.key_check((topic.key, *dv.values()), where)
        attr = rec.get("ValueAttribute")
        builder.add(dv, topic, rec.get("Value"), where, value_attribute="" if attr in (None, "None") else str(attr))
    return builder.frame()


# --------------------------------------------------------------------------- StatLine CSV

def _decode(path: str | Path, raw: bytes) -> str:
    """Decode a download: UTF-8 with or without BOM; anything else is an error naming the line."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CBSDataError(path, 1, "bestand is UTF-16; sla het op als UTF-8 (CSV UTF-8)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
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


def _csv_rows(path: str | Path, text: str) -> list[tuple[int, list[str]]]:
    """Rows with the physical line number where each starts (quoted newlines allowed)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"', strict=True)
    out = []
    line = 1
    try:
        for row in reader:
            out.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise CBSDataError(path, reader.line_num or line, f"CSV kan niet gelezen worden ({exc}); afgebroken bestand?") from None
    return out


def read_statline_metadata(path: str | Path) -> dict[str, Any]:
    """Read ``<ID>_metadata.csv``: returns ``{"table": {...}, "properties": [...], "dimensions": {key: {code: row}}}``."""
    path = Path(path)
    text = _decode(path, path.read_bytes())
    rows = _csv_rows(path, text)
    sections: dict[str, list[tuple[int, dict]]] = {}
    name, header = None, None
    for line, row in rows:
        if not row or all(c == "" for c in row):
            continue
        if row[0] and all(c == "" for c in row[1:]):
            name, header = row[0], None
            sections[name] = []
            continue
        if name is None:
            raise CBSDataError(path, line, "metadata begint niet met een sectienaam (zoals \"TableInfos\")")
        if header is None:
            header = row
            continue
        if len(row) != len(header):
            raise CBSDataError(path, line, f"{len(row)} velden, verwacht {len(header)} in sectie {name!r}")
        sections[name].append((line, dict(zip(header, row))))
    if "DataProperties" not in sections:
        raise CBSDataError(path, None, "sectie DataProperties ontbreekt in de metadata")
    table = sections.get("TableInfos", [(0, {})])[0][1] if sections.get("TableInfos") else {}
    props = [r for _, r in sections["DataProperties"]]
    dims = {}
    for p in props:
        if p.get("Type") in ("Dimension", "TimeDimension", "GeoDimension", "GeoDetail"):
            key = p["Key"]
            if key not in sections:
                raise CBSDataError(path, None, f"sectie voor dimensie {key!r} ontbreekt in de metadata")
            dims[key] = {r["Key"].strip(): r for _, r in sections[key]}
    return {"table": table, "properties": props, "dimensions": dims}


_TABLE_FROM_NAME = re.compile(r"^([0-9A-Za-z]+?)_(?:Typed|Untyped)DataSet", re.IGNORECASE)


def table_id_from_filename(path: str | Path) -> str | None:
    m = _TABLE_FROM_NAME.match(Path(path).name)
    return m.group(1).upper() if m else None


def find_metadata(path: str | Path) -> Path | None:
    """The companion ``<ID>_metadata.csv`` (or ``<ID>_metadata (n).csv``) next to a data file."""
    path = Path(path)
    tid = table_id_from_filename(path)
    if not tid:
        return None
    for cand in sorted(path.parent.glob("*_metadata*.csv")):
        if cand.name.upper().startswith(tid.upper() + "_METADATA"):
            return cand
    return None


def read_statline_csv(path: str | Path, metadata: str | Path | None = None, table_id: str | None = None,
                      decimal: str = ".") -> pd.DataFrame:
    """Read a StatLine ``TypedDataSet``/``UntypedDataSet`` CSV download into the tidy shape.

    With the metadata file (found next to the data file when not given), dimensions get their
    titles and periods their status; without it the header decides: ``ID`` first, topics are the
    columns named ``<Name>_<n>``, the time dimension is ``Perioden``/``Periods``, the rest are
    dimensions (codes then serve as labels).
    """
    path = Path(path)
    raw = path.read_bytes()
    if not raw.strip(b" \t\r\n\xef\xbb\xbf"):
        raise CBSDataError(path, 1, "leeg bestand")
    text = _decode(path, raw)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if ";" not in first:
        for sep in (",", "\t", "|"):
            if sep in first:
                line = text.splitlines().index(first) + 1
                raise CBSDataError(path, line, f"verkeerd scheidingsteken {sep!r}: StatLine-CSV gebruikt ';'")
    rows = _csv_rows(path, text)
    rows = [(ln, r) for ln, r in rows if r and any(c.strip() for c in r)]
    if not rows:
        raise CBSDataError(path, 1, "leeg bestand")
    hline, header = rows[0]
    if len(header) == 1:
        for sep in (",", "\t", "|"):
            if sep in header[0]:
                raise CBSDataError(path, hline, f"verkeerd scheidingsteken {sep!r}: StatLine-CSV gebruikt ';'")
        raise CBSDataError(path, hline, "de kopregel heeft maar één kolom; verwacht ';'-gescheiden kolommen")
    header = [h.strip() for h in header]
    if header[0] != "ID":
        raise CBSDataError(path, hline, f"eerste kolom heet {header[0]!r}, verwacht \"ID\" (is dit een TypedDataSet-download?)")
    dupes = {h for h in header if header.count(h) > 1}
    if dupes:
        raise CBSDataError(path, hline, f"kolomnaam dubbel in de kopregel: {', '.join(sorted(dupes))}")
    if len(rows) == 1:
        raise CBSDataError(path, hline + 1, "alleen een kopregel, geen gegevens (afgebroken of lege download?)")

    meta_path = Path(metadata) if metadata else find_metadata(path)
    meta = read_statline_metadata(meta_path) if meta_path else None
    tid = table_id or table_id_from_filename(path) or (meta or {}).get("table", {}).get("Identifier")
    if not tid:
        raise CBSDataError(path, None, "tabelnummer onbekend: noem het bestand <ID>_TypedDataSet_….csv of geef --table")
    tid = tid.strip().upper()

    dims: list[Dimension] = []
    topics: list[Topic] = []
    if meta:
        for p in meta["properties"]:
            key = p.get("Key", "").strip()
            kind = p.get("Type", "")
            if kind in ("Dimension", "TimeDimension", "GeoDimension", "GeoDetail"):
                if key not in header:
                    raise CBSDataError(path, hline, f"kolom voor dimensie {key!r} ontbreekt (staat wel in de metadata)")
                dims.append(Dimension(key, p.get("Title", key), kind == "TimeDimension", meta["dimensions"].get(key, {})))
            elif kind == "Topic":
                if key not in header:
                    raise CBSDataError(path, hline, f"kolom voor onderwerp {key!r} ontbreekt (staat wel in de metadata)")
                topics.append(Topic(key, p.get("Title", key).strip(), (p.get("Unit") or "").strip()))
        known = {d.key for d in dims} | {t.key for t in topics} | {"ID"}
        extra = [h for h in header if h not in known]
        if extra:
            raise CBSDataError(path, hline, f"kolom(men) niet in de metadata: {', '.join(extra)}")
    else:
        for h in header[1:]:
            if h in ("Perioden", "Periods"):
                dims.append(Dimension(h, h, True, {}))
            elif re.search(r"_\d+$", h):
                topics.append(Topic(h, h, ""))
            else:
                dims.append(Dimension(h, h, False, {}))
        if not any(d.is_time for d in dims):
            raise CBSDataError(path, hline, "kolom Perioden ontbreekt in de kopregel")
        if not topics:
            raise CBSDataError(path, hline, "geen onderwerpkolommen (namen als Onderwerp_1) in de kopregel")
    builder = _TidyBuilder(tid, str(path), dims)
    index = {h: i for i, h in enumerate(header)}
    dim_idx = [(d, index[d.key]) for d in dims]
    topic_idx = [(t, index[t.key]) for t in topics]
    ncols = len(header)
    ids: dict[str, int] = {}
    for line, row in rows[1:]:
        if len(row) != ncols:
            what = "te weinig" if len(row) < ncols else "te veel"
            raise CBSDataError(path, line, f"{len(row)} velden, verwacht {ncols} ({what}; afgebroken regel of verkeerd scheidingsteken?)")
        rid = row[0].strip()
        if rid in ids:
            raise CBSDataError(path, line, f"ID {rid!r} komt dubbel voor (ook op regel {ids[rid]})")
        ids[rid] = line
        dv = {}
        for d, i in dim_idx:
            code = row[i].strip()
            if not code:
                raise CBSDataError(path, line, f"dimensie {d.key!r} is leeg")
            if d.codes and not d.is_time and code not in d.codes:
                raise CBSDataError(path, line, f"code {row[i]!r} staat niet in de codelijst van dimensie {d.key!r}")
            dv[d.key] = code
        builder.key_check(tuple(dv.values()), line)
        builder.add_record(dv, [(t, row[i] if row[i] != "" else None) for t, i in topic_idx], line, decimal)
    if not text.endswith(("\n", "\r")):
        last_line, last = rows[-1]
        # A complete download ends with a newline; a cut-off last record usually does not.
        if any(c == "" for c in last[1:]) or len(last) != len(header):
            raise CBSDataError(path, last_line, "laatste regel is onvolledig (afgebroken download?)")
    return builder.frame()


def read_file(path: str | Path, **kwargs) -> pd.DataFrame:
    """Read any supported file by its form: a StatLine CSV, a snapshot CSV, or a folder of OData JSON."""
    path = Path(path)
    if path.is_dir():
        version = "v4" if (path / "Observations.json").exists() else "v3"
        tid = kwargs.get("table_id") or path.name.split("_")[-1].upper()
        src = DirectorySource(path)
        if version == "v4":
            return read_odata_v4(tid, src, base="{entity}")
        typed = not (path / "UntypedDataSet.json").exists()
        return read_odata_v3(tid, src, typed=typed, base="{entity}")
    return read_statline_csv(path, **kwargs)


# --------------------------------------------------------------------------- snapshots

@dataclass
class Manifest:
    path: Path
    tables: dict[str, dict]

    @classmethod
    def load(cls, folder: Path | None = None) -> Manifest:
        folder = folder or cbs_dir()
        path = folder / "manifest.yaml"
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(path, raw.get("tables") or {})

    def dump(self) -> str:
        head = ("# CBS snapshots: one entry per table in data/cbs/. Written by `python -m werkzorg data ...`;\n"
                "# see data/cbs/README.md for the fields. rows and sha256 are checked by the tests.\n")
        return head + yaml.safe_dump({"tables": self.tables}, sort_keys=False, allow_unicode=True, width=110)


def cbs_dir() -> Path:
    return data_dir() / "cbs"


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_SNAPSHOT_CACHE: dict[tuple[str, float], pd.DataFrame] = {}


def load_snapshot(table_id: str, folder: Path | None = None) -> pd.DataFrame:
    """Load one snapshot from ``data/cbs/`` as a tidy frame (cached per file modification time)."""
    folder = folder or cbs_dir()
    man = Manifest.load(folder)
    if table_id not in man.tables:
        raise KeyError(f"no snapshot '{table_id}' in {man.path}; known: {', '.join(man.tables)}")
    path = folder / man.tables[table_id]["file"]
    key = (str(path), path.stat().st_mtime)
    if key not in _SNAPSHOT_CACHE:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        df["value"] = pd.to_numeric(df["value"].replace("", None), errors="raise").astype(float)
        for c in ("year", "quarter", "month"):
            df[c] = pd.to_numeric(df[c].replace("", None)).astype("Int64")
        _SNAPSHOT_CACHE[key] = df
    return _SNAPSHOT_CACHE[key].copy()


def load_all(folder: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every snapshot in the manifest, by table id."""
    folder = folder or cbs_dir()
    return {tid: load_snapshot(tid, folder) for tid in Manifest.load(folder).tables}


def to_csv_text(df: pd.DataFrame) -> str:
    """The snapshot CSV text for a tidy frame (stable column order, ``.`` decimals, UTF-8)."""
    dims = dimension_columns(df)
    cols = ["table_id"]
    for d in dims:
        cols += [d, d + "_label"]
    cols += TIDY_COLUMNS[1:]
    cols += [c for c in PROVENANCE_COLUMNS if c in df.columns]
    out = df[cols].copy()
    out["value"] = [("" if (v != v) else repr(float(v)).removesuffix(".0") if float(v).is_integer() else repr(float(v)))
                    for v in out["value"]]
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def atomic_write(path: Path, text: str) -> None:
    """Write text to ``path`` via a temporary file and an atomic rename (never a half-written file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _key_columns(df: pd.DataFrame) -> list[str]:
    """Columns that identify a cell besides measure and period: dimension codes and labels
    (extracts built from published figures may lack a code, never a label)."""
    out = []
    for d in dimension_columns(df):
        out += [d, d + "_label"]
    return out


def validate_tidy(df: pd.DataFrame, source: str) -> None:
    """Checks every table must pass before it replaces a snapshot."""
    if df.empty:
        raise CBSDataError(source, None, "de tabel heeft geen cellen")
    missing = [c for c in TIDY_COLUMNS if c not in df.columns]
    if missing:
        raise CBSDataError(source, None, f"kolommen ontbreken: {', '.join(missing)}")
    keys = ["measure", *_key_columns(df), "period"]
    dup = df.duplicated(subset=keys, keep=False)
    if dup.any():
        first = df[dup].iloc[0]
        raise CBSDataError(source, None, "dubbele sleutel: " + ", ".join(str(first[k]) for k in keys))


def diff_tables(old: pd.DataFrame | None, new: pd.DataFrame) -> dict[str, Any]:
    """What changed between two versions of a snapshot: rows added, removed, values changed."""
    keys = ["measure", *_key_columns(new), "period"]
    if old is None or old.empty:
        return {"added": len(new), "removed": 0, "changed": 0, "examples": []}
    okeys = [k for k in keys if k in old.columns]
    if okeys != keys:
        return {"added": len(new), "removed": len(old), "changed": 0, "examples": [],
                "note": "andere dimensies dan de vorige versie (uittreksel vervangen door de volledige tabel)"}
    o = old.set_index(keys)["value"]
    n = new.set_index(keys)["value"]
    both = o.index.intersection(n.index)
    ov, nv = o.loc[both], n.loc[both]
    changed = ~((ov == nv) | (ov.isna() & nv.isna()))
    examples = [f"{' / '.join(map(str, k))}: {ov[k]} → {nv[k]}" for k in list(ov[changed].index)[:5]]
    return {"added": int(len(n.index.difference(o.index))), "removed": int(len(o.index.difference(n.index))),
            "changed": int(changed.sum()), "examples": examples}


def install_table(df: pd.DataFrame, source: str, folder: Path | None = None, title: str | None = None,
                  retrieved: str | None = None, origin: str = "") -> dict[str, Any]:
    """Validate a tidy table and make it the snapshot for its table id (atomic), updating the manifest.

    Returns the diff against the previous snapshot. Nothing is written when validation fails.
    """
    folder = folder or cbs_dir()
    validate_tidy(df, source)
    tids = sorted(set(df["table_id"]))
    if len(tids) != 1:
        raise CBSDataError(source, None, f"meer dan één tabelnummer in de gegevens: {', '.join(tids)}")
    tid = tids[0]
    man = Manifest.load(folder)
    entry = dict(man.tables.get(tid) or {})
    file = entry.get("file") or f"{tid}.csv"
    target = folder / file
    old = load_snapshot(tid, folder) if tid in man.tables and target.exists() else None
    if "source_url" not in df.columns:
        df = df.assign(source_url=origin or source, evidence="volledige tabel van CBS")
    text = to_csv_text(df)
    change = diff_tables(old, df)
    entry.update({
        "file": file,
        "title": title or entry.get("title") or tid,
        "kind": entry.get("kind", "statline"),
        "extract": False,
        "source": origin or source,
        "retrieved": retrieved or _dt.date.today().isoformat(),
        "rows": len(df),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "dimensions": dimension_columns(df),
    })
    man.tables[tid] = entry
    # Both files are complete before either is replaced; the snapshot first, then the manifest.
    atomic_write(target, text)
    atomic_write(man.path, man.dump())
    change["table_id"] = tid
    change["file"] = str(target)
    return change


def lookup(df: pd.DataFrame, measure: str, period: str, where: dict[str, str] | None = None) -> pd.Series:
    """Find one cell by measure (label or key, case-insensitive; a label may be a prefix),
    period code, and dimension labels (``{"Geslacht": "Vrouwen"}``).

    Dimensions not named are taken at their total ("Totaal…") when the table has several values.
    Raises ``LookupError`` when no single cell matches.
    """
    where = where or {}
    m = measure.strip().lower()
    sel = df[(df["measure"].str.lower() == m) | (df["measure_label"].str.lower().str.startswith(m))]
    sel = sel[sel["period"] == period]
    for dim, label in where.items():
        if dim not in sel.columns:
            raise LookupError(f"dimension '{dim}' not in table {df['table_id'].iloc[0] if len(df) else '?'}")
        lab = str(label).strip().lower()
        sel = sel[(sel[dim + "_label"].str.lower() == lab) | (sel[dim].str.lower() == lab)]
    for dim in dimension_columns(df):
        if dim in where or sel[dim].nunique() <= 1:
            continue
        total = sel[sel[dim + "_label"].str.lower().str.startswith("totaal")]
        if not total.empty:
            sel = total
    if len(sel) != 1:
        raise LookupError(f"{len(sel)} cells match measure={measure!r} period={period!r} where={where}")
    return sel.iloc[0]
