"""The one tidy shape every reader produces, with the CBS conventions it rests on.

One row per observed cell: ``table_id``, two columns per plain dimension (``<Dim>`` code and
``<Dim>_label``), the topic (``measure`` key, ``measure_label`` title, ``measure_group`` — the
topic groups above it joined by `` | `` — and ``unit``), the period (code, label, year,
quarter, month, frequency; all empty for a table without a time dimension), ``status``,
``value``, ``symbol`` and ``text`` (the value of a text topic, such as a place name).

Every problem is raised as :class:`CBSDataError` naming the file, the line (or record) and
what is wrong.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

#: Columns every tidy table has, in this order; dimension columns come after ``table_id``.
TIDY_COLUMNS = [
    "table_id", "measure", "measure_label", "unit",
    "period", "period_label", "year", "quarter", "month", "freq", "status",
    "value", "symbol",
]
#: Columns a reader adds when it knows them; a snapshot stores them only when one is filled.
#: ``measure_group`` makes a topic title unambiguous ("Werknemers" under two groups);
#: ``text`` holds the value of a text topic (place names, codes) where ``value`` is empty.
EXTRA_COLUMNS = ["measure_group", "text"]
#: Optional provenance columns of a snapshot row.
PROVENANCE_COLUMNS = ["source_url", "evidence"]
#: How topic groups are joined in ``measure_group`` (the StatLine website joins them the same way).
GROUP_SEP = " | "

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
_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]

PERIOD_STATUS = {"definitief": "definitief", "voorlopig": "voorlopig", "nadervoorlopig": "nader voorlopig",
                 "final": "definitief", "provisional": "voorlopig", "revisedprovisional": "nader voorlopig"}

#: A StatLine table id: digits and letters (``80590NED``, ``84917ENG``, ``37789ksz``) or the
#: older ``7052_95``; this project's own extracts use short lower-case names (``normen``).
_TABLE_ID_RE = re.compile(r"^[0-9]{4,5}[A-Za-z0-9]{0,5}(_[0-9A-Za-z]+)?$")


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


def statline_url(table_id: str) -> str:
    """The table's page on the StatLine website, where a reader can see and download it."""
    return f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table_id}/table"


def normalise_table_id(raw: str, source: str | Path = "tabelnummer") -> str:
    """A StatLine table id in one spelling: stripped and upper case (``80590ned`` → ``80590NED``).

    CBS treats ids case-insensitively; the snapshots and ``audit.yaml`` use upper case.
    """
    tid = str(raw or "").strip()
    if not _TABLE_ID_RE.match(tid):
        raise CBSDataError(source, None, f"{raw!r} is geen StatLine-tabelnummer (zoals 80590NED of 84917ENG)")
    return tid.upper()


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


_LABEL_YEAR = re.compile(r"^(\d{4})$")
_LABEL_QUARTER = re.compile(r"^(\d{4})\s+(\d)(?:e|ste|de|st|nd|rd|th)?\s+(?:kwartaal|quarter)$", re.IGNORECASE)
_LABEL_QUARTER2 = re.compile(r"^(\d{4})\s+(?:kwartaal|quarter|Q)\s*(\d)$", re.IGNORECASE)
_LABEL_MONTH = re.compile(r"^(\d{4})\s+([A-Za-z]+)$")


def period_from_label(label: str) -> tuple[str, str]:
    """A period code and status from a StatLine website label (``2019 januari*`` → ``2019MM01``, voorlopig).

    Website downloads show labels, not codes: ``2019``, ``2019 1e kwartaal``, ``2019 januari``,
    in English ``2019 1st quarter``, ``2019 January``; ``*`` marks a provisional and ``**`` a
    revised provisional figure. Raises ``ValueError`` for a label it cannot map.
    """
    s = str(label).strip()
    status = ""
    if s.endswith("**"):
        s, status = s[:-2].strip(), "nader voorlopig"
    elif s.endswith("*"):
        s, status = s[:-1].strip(), "voorlopig"
    if _LABEL_YEAR.match(s):
        return f"{s}JJ00", status
    m = _LABEL_QUARTER.match(s) or _LABEL_QUARTER2.match(s)
    if m and 1 <= int(m.group(2)) <= 4:
        return f"{m.group(1)}KW{int(m.group(2)):02d}", status
    m = _LABEL_MONTH.match(s)
    if m:
        name = m.group(2).lower()
        for months in (_MONTHS, _MONTHS_EN):
            if name in months:
                return f"{m.group(1)}MM{months.index(name) + 1:02d}", status
    if _PERIOD_RE.match(s) or _DAY_RE.match(s):
        parse_period(s)
        return s, status
    raise ValueError(f"periode {label!r} niet herkend (verwacht bijvoorbeeld 2019, 2019 1e kwartaal of 2019 januari)")


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


def is_number_or_symbol(text: Any, decimal: str = ".") -> bool:
    try:
        parse_value(text, decimal)
        return True
    except ValueError:
        return False


# --------------------------------------------------------------------------- tidy builder

@dataclass
class Dimension:
    key: str
    title: str
    is_time: bool
    codes: dict[str, dict] = field(default_factory=dict)  # stripped code -> {"Title":..., "Status":...}


@dataclass
class Topic:
    key: str
    title: str
    unit: str
    group: str = ""          # topic groups above this topic, joined by GROUP_SEP
    kind: str = "number"     # "number" or "text"


#: CBS DataProperties datatypes that hold text, not numbers.
TEXT_DATATYPES = {"string", "char", "text"}


def _status_from_symbol(status: str, symbol: str) -> tuple[str, str]:
    """CBS marks provisional figures with * and ** in the cell; those become the row's status."""
    if symbol == "*":
        return "voorlopig", ""
    if symbol == "**":
        return "nader voorlopig", ""
    return status, symbol


_NO_PERIOD = ("", "", None, None, None, "", "")


class TidyBuilder:
    """Collects tidy rows, checking dimensions, periods and duplicate keys as it goes.

    A table may have no time dimension (single-year tables, Woonplaatsen): its rows then have
    an empty period.
    """

    def __init__(self, table_id: str, source: str, dims: list[Dimension]):
        self.table_id = table_id
        self.source = source
        self.dims = dims
        self.time = [d for d in dims if d.is_time]
        if len(self.time) > 1:
            raise CBSDataError(source, None, "meer dan één tijddimensie")
        self.plain = [d for d in dims if not d.is_time]
        self.rows: list[tuple] = []
        self.seen: dict[tuple, Any] = {}
        self.notes: list[str] = []
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

    def _period_info(self, dimvals: dict[str, str], where: Any) -> tuple:
        if not self.time:
            return _NO_PERIOD
        code = dimvals[self.time[0].key]
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
        pinfo = self._period_info(dimvals, where)
        head = (self.table_id, *self._dim_part(dimvals))
        ptail = pinfo[:6]
        status0 = pinfo[6]
        append = self.rows.append
        for topic, cell in cells:
            if topic.kind == "text":
                append((*head, topic.key, topic.title, topic.group, topic.unit, *ptail, status0, math.nan, "",
                        "" if cell is None else str(cell).strip()))
                continue
            value, symbol = self._cell(cell, topic, where, decimal)
            status, symbol = _status_from_symbol(status0, symbol)
            append((*head, topic.key, topic.title, topic.group, topic.unit, *ptail, status, value, symbol, ""))

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
            value_attribute: str = "", period_status: str = "") -> None:
        pinfo = self._period_info(dimvals, where)
        if topic.kind == "text":
            self.rows.append((self.table_id, *self._dim_part(dimvals), topic.key, topic.title, topic.group,
                              topic.unit, *pinfo[:6], pinfo[6], math.nan, "", "" if cell is None else str(cell).strip()))
            return
        value, symbol = self._cell(cell, topic, where, decimal)
        if value_attribute and value_attribute != "None" and not symbol:
            symbol = value_attribute
        status, symbol = _status_from_symbol(period_status or pinfo[6], symbol)
        self.rows.append((self.table_id, *self._dim_part(dimvals), topic.key, topic.title, topic.group, topic.unit,
                          *pinfo[:6], status, value, symbol, ""))

    def frame(self) -> pd.DataFrame:
        dim_cols = []
        for d in self.plain:
            dim_cols += [d.key, d.key + "_label"]
        cols = ["table_id", *dim_cols, "measure", "measure_label", "measure_group", *TIDY_COLUMNS[3:], "text"]
        df = pd.DataFrame.from_records(self.rows, columns=cols)
        for c in ("year", "quarter", "month"):
            df[c] = df[c].astype("Int64")
        df["value"] = df["value"].astype(float)
        df.attrs["notes"] = list(self.notes)
        return df


# Kept for code that imported the private name.
_TidyBuilder = TidyBuilder


def dimension_columns(df: pd.DataFrame) -> list[str]:
    """Code columns of the dimensions of a tidy frame (the ones with a ``_label`` partner)."""
    return [c for c in df.columns if c + "_label" in df.columns and c not in ("measure", "period")]


def topic_groups(props: list[dict]) -> dict[str, str]:
    """Topic key → its groups joined by :data:`GROUP_SEP`, from DataProperties ``ID``/``ParentID``."""
    by_id = {}
    for p in props:
        pid = str(p.get("ID", "")).strip()
        if pid.endswith(".0"):
            pid = pid[:-2]
        by_id[pid] = p
    out = {}
    for p in props:
        if str(p.get("Type", "")) != "Topic":
            continue
        chain = []
        parent = p.get("ParentID")
        seen = set()
        while parent not in (None, "") and not (isinstance(parent, float) and math.isnan(parent)):
            pid = str(parent).strip()
            if pid.endswith(".0"):
                pid = pid[:-2]
            if pid in seen or pid not in by_id:
                break
            seen.add(pid)
            group = by_id[pid]
            chain.append(str(group.get("Title", "")).strip())
            parent = group.get("ParentID")
        out[str(p.get("Key", "")).strip()] = GROUP_SEP.join(reversed([c for c in chain if c]))
    return out
