"""The CSV that the StatLine *website* gives (Downloaden → CSV): a table as it is shown.

A title line, sometimes an empty line, a header block and a footer (``Bron: CBS`` or
``© Statistics Netherlands …``). The header block has one row per column dimension: its left
cells are empty except the last, which names the dimension (``Geslacht``, ``Perioden``), and
the cells to its right are that dimension's labels. The last header row names the row
dimensions in its left cells (``Onderwerp``, or ``Subjects_1``/``Subjects_2`` for topics with
topic groups). When topics run down the rows, the last left column holds each topic's unit;
when they run across, a row of units follows the header. Topic groups may also be joined into
one label with ``|``. The website writes labels, not codes: periods such as ``2019 januari`` are
mapped back to codes (``2019MM01``), ``*``/``**`` mark provisional figures, and Dutch downloads
use a decimal comma.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .textio import csv_rows, decode
from .tidy import (
    GROUP_SEP,
    CBSDataError,
    Dimension,
    TidyBuilder,
    is_number_or_symbol,
    normalise_table_id,
    parse_period,
    parse_value,
    period_from_label,
)

_TOPIC_NAME = re.compile(r"^(onderwerp|onderwerpen|subjects?|topics?)(_\d+)?$", re.IGNORECASE)
_PERIOD_NAME = re.compile(r"^(perioden|periods?)$", re.IGNORECASE)
_FOOTER = re.compile(r"^\s*(bron|source|©|\(c\)|centraal bureau|statistics netherlands)", re.IGNORECASE)
# Delimited, so the download's date and time (``_11122025_133649``) are not read as ``2025_13``.
_ID_IN_NAME = re.compile(r"(?<![0-9a-z])(\d{5}(?:NED|ENG)|\d{4}[a-z]{2,3}|\d{4}_\d{2})(?![0-9a-z])", re.IGNORECASE)


def _single(row: list[str]) -> bool:
    return bool(row) and row[0].strip() != "" and all(c.strip() == "" for c in row[1:])


def looks_like_website_csv(text: str) -> bool:
    """A title line (one field) followed by a ``;``-separated table, or a footer such as ``Bron: CBS``."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        return False
    first = lines[0].strip()
    if first.startswith('"ID";') or first.startswith("ID;"):
        return False
    try:
        rows = csv_rows("?", "\n".join(lines[:3]) + "\n")
    except CBSDataError:
        return False
    if len(rows) < 2:
        return False
    return _single(rows[0][1]) and len(rows[1][1]) > 1 or bool(_FOOTER.match(lines[-1].strip('"')))


_FIELD = r'(?:"(?:[^"]|"")*"|(?:[^;"\r\n][^;\r\n]*)?)'
#: A line the ``csv`` module reads without complaint: quoted fields close before a separator.
_CSV_LINE = re.compile(rf"{_FIELD}(?:;{_FIELD})*\r?")
_strip = np.frompyfunc(str.strip, 1, 1)


def _grid(path: Path, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Every record as stripped cells padded to one width, with the line it starts on.

    pandas' C reader does the splitting when every record is one well-formed line. Otherwise (a
    quoted newline, a quote that does not close a field) the standard ``csv`` module reads the
    text, which knows each record's line and names the line of a broken quote.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    frame = None
    if lines and all(_CSV_LINE.fullmatch(ln) for ln in lines):
        width = max(ln.count(";") for ln in lines) + 1
        try:
            frame = pd.read_csv(io.StringIO(text), sep=";", quotechar='"', header=None, names=range(width),
                                dtype=object, na_filter=False, skip_blank_lines=False, engine="c")
        except (pd.errors.ParserError, pd.errors.EmptyDataError):
            frame = None
    if frame is not None and len(frame) == len(lines):
        return _strip(frame.to_numpy(dtype=object)), np.arange(1, len(lines) + 1)
    rows = csv_rows(path, text)
    width = max((len(r) for _, r in rows), default=1)
    grid = np.array([[c.strip() for c in r] + [""] * (width - len(r)) for _, r in rows], dtype=object)
    return grid.reshape(len(rows), width), np.array([ln for ln, _ in rows], dtype=int)


def _whole_numbers(col: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """An ``Int64`` column from integers and ``None`` (converted once per distinct value)."""
    codes, uniq = pd.factorize(col)
    return pd.array(uniq.tolist(), dtype="Int64").take(codes, allow_fill=True)


def _topic_parts(levels: list[np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Topic group and title for each row, from its topic levels (columns of labels).

    A level may join several labels with ``|``; empty labels are skipped, and a label that repeats
    the one before it (old downloads do so for a topic without sub-topics) counts once. The last
    label is the title, the ones before it the group.
    """
    parts = []
    for lv in levels:
        if any("|" in s for s in pd.unique(lv)):
            split = pd.DataFrame(pd.Series(lv, dtype=object).str.split("|").tolist()).fillna("")
            parts += [split[c].str.strip().to_numpy(dtype=object) for c in split.columns]
        else:
            parts.append(lv)
    group = np.full(n, "", dtype=object)
    last = np.full(n, "", dtype=object)
    for p in parts:
        new = (p != "") & (p != last)
        push = new & (last != "")
        group = np.where(push, np.where(group == "", last, group + GROUP_SEP + last), group)
        last = np.where(new, p, last)
    return group, last

def table_id_of_download(path: Path, table_id: str | None) -> str:
    """The table id given, or else the one in the file name: a website download does not name it."""
    tid = table_id
    if not tid:
        m = _ID_IN_NAME.search(path.name)
        if not m:
            raise CBSDataError(path, None, "tabelnummer onbekend: een download van de StatLine-website noemt het "
                                           "tabelnummer niet; geef het op (--table, bijvoorbeeld --table 80590NED)")
        tid = m.group(1)
    return normalise_table_id(tid, path)


def read_website_csv(path: str | Path, table_id: str | None = None) -> pd.DataFrame:
    """Read a StatLine website CSV into the tidy shape (labels as codes, periods mapped to codes).

    The header block is read row by row; the data rows are handled as whole columns (a table of
    100,000 rows has a million cells). A problem is reported at the first line that has one.
    """
    path = Path(path)
    raw = path.read_bytes()
    text = decode(path, raw, fallback="cp1252")
    notes = []
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        notes.append(f"{path.name}: geen UTF-8; gelezen als Windows-1252, de tekenset van oudere StatLine-downloads.")
    grid, lines = _grid(path, text)
    filled = (grid != "").any(axis=1)
    grid, lines = grid[filled], lines[filled]
    if len(grid) < 2:
        raise CBSDataError(path, 1, "te weinig regels voor een StatLine-download (titel, kop en gegevens)")
    title = grid[0, 0] if _single(grid[0].tolist()) else ""
    start = 1 if title else 0
    # Below the title the website names each dimension that has one value in the selection
    # ("Persoonskenmerken: Totaal"); such a line is a fixed dimension, not a header row.
    fixed: list[tuple[str, str]] = []
    while title and len(grid) - start > 1 and _single(grid[start].tolist()) and re.match(r"^[^:;]+:\s*\S", grid[start, 0]):
        name, _, label = grid[start, 0].partition(":")
        fixed.append((name.strip(), label.strip()))
        start += 1
    footer_at = len(grid)
    while footer_at > start and _single(grid[footer_at - 1].tolist()) and (
            _FOOTER.match(grid[footer_at - 1, 0]) or footer_at == len(grid)):
        footer_at -= 1
    if footer_at == start:
        raise CBSDataError(path, int(lines[-1]), "geen tabel tussen de titel en de voetregel")
    body, body_lines = grid[start:footer_at], lines[start:footer_at]
    # Columns to the right that are empty in every row (trailing separators) are not part of the table.
    width = int(np.flatnonzero((body != "").any(axis=0))[-1]) + 1
    body = body[:, :width]

    # Header rows have an empty first cell; the names row is the first with a filled first cell.
    named = np.flatnonzero(body[:, 0] != "")
    if not len(named):
        raise CBSDataError(path, int(body_lines[-1]), "geen regel met de namen van de dimensies gevonden (kopblok zonder einde)")
    i = int(named[0])
    head = [(int(body_lines[k]), body[k].tolist()) for k in range(i)]
    names_line, names = int(body_lines[i]), body[i].tolist()
    i += 1
    filled = [k for k, c in enumerate(head[0][1]) if c] if head else []
    preset_units = None
    if len(filled) == 1 and filled[0] >= 1 and (len(head) > 1 or names[filled[0]] != ""):
        # opendata.cbs.nl (2019 on): a column dimension is named on a line of its own, above its
        # first label; its labels follow on the next line. Then either a line with the row
        # dimensions and the units ("Perioden";"2015 = 100";…), or the last label line itself
        # starts with the row dimensions and an empty cell above a column of units.
        n_left = filled[0]
        head_rows = [r for _, r in head] + [names]
        numbers = [ln for ln, _ in head] + [names_line]
        col_dims, k = [], 0
        while k + 1 < len(head_rows) and [c for c in head_rows[k] if c] == [head_rows[k][n_left]]:
            col_dims.append((head_rows[k][n_left], head_rows[k + 1][n_left:], numbers[k + 1]))
            k += 2
        if k < len(head_rows):
            row_names, preset_units = head_rows[k][:n_left], head_rows[k][n_left:]
        else:
            row_names = head_rows[k - 1][: n_left - 1]
        unit_col = any(_TOPIC_NAME.match(n) for n in row_names)
    elif head:
        first = head[0][1]
        n_left = next(k for k, c in enumerate(first) if c != "") + 1
        col_dims = [(h[1][n_left - 1], h[1][n_left:], h[0]) for h in head]
        row_names = names[: n_left - 1]
        col_dims.append((names[n_left - 1], names[n_left:], names_line))
        unit_col = any(_TOPIC_NAME.match(n) for n in row_names)
    else:
        n_left = 1
        col_dims = []
        row_names = []
        col_dims.append((names[0], names[1:], names_line))
        unit_col = False
    # A row of units may follow when topics run across the columns.
    units_row = None
    if i < len(body):
        r = body[i].tolist()
        cells = [c for c in r[n_left:] if c]
        if cells and not any(is_number_or_symbol(c, ",") for c in cells) and not unit_col:
            units_row = r[n_left:]
            if r[0] and not row_names:
                row_names = [r[0]]
            i += 1
    if preset_units is not None:
        units_row = preset_units
    data, data_lines = body[i:], body_lines[i:]
    if not len(data):
        raise CBSDataError(path, names_line + 1, "geen gegevensregels onder de kop")
    if head and unit_col:
        left_dims = row_names
    else:
        left_dims = row_names or [""]
        if left_dims == [""]:
            try:
                period_from_label(data[0, 0])
                left_dims = ["Perioden"]
            except ValueError:
                left_dims = ["Rij"]
    n_row_dims = len(left_dims)
    n_data_start = n_left if (head or unit_col) else 1
    if head and not unit_col:
        n_row_dims = n_left - 1 if n_left > 1 else 1

    tid = table_id_of_download(path, table_id)

    ncols = width - n_data_start
    n_rows = len(data)
    cells = pd.Series(data[:, n_data_start:n_data_start + ncols].ravel(), dtype=object)  # row by row
    comma_number = re.compile(r"^-?\d+,\d+\*{0,2}$")
    decimal = "," if any(comma_number.match(c) for c in cells.to_numpy() if "," in c) else "."
    topic_in_rows = [k for k, n in enumerate(left_dims[:n_row_dims]) if _TOPIC_NAME.match(n)]
    topic_in_cols = [k for k, (n, _, _) in enumerate(col_dims) if _TOPIC_NAME.match(n)]

    dims: list[Dimension] = []
    period_dim = None
    for n in [n for k, n in enumerate(left_dims[:n_row_dims]) if k not in topic_in_rows] + \
             [n for k, (n, _, _) in enumerate(col_dims) if k not in topic_in_cols]:
        is_time = bool(_PERIOD_NAME.match(n))
        key = "Perioden" if is_time else (n or "Rij")
        dims.append(Dimension(key, n, is_time, {}))
        if is_time:
            period_dim = key
    TidyBuilder(tid, str(path), dims)  # checks the dimensions (one time dimension at most)
    period_cache: dict[str, tuple[str, str] | ValueError] = {}

    def period_or_error(label: str) -> tuple[str, str] | ValueError:
        if label not in period_cache:
            try:
                period_cache[label] = period_from_label(label)
            except ValueError as exc:
                period_cache[label] = exc
        return period_cache[label]

    def period(label: str, where: int) -> tuple[str, str]:
        hit = period_or_error(label)
        if isinstance(hit, ValueError):
            raise CBSDataError(path, where, str(hit))
        return hit

    def pinfo(label_code: tuple[str, str]) -> tuple:
        code, status = label_code
        p = parse_period(code)
        return (p.code, p.label, p.year, p.quarter, p.month, p.freq, status)

    plain_keys = [d.key for d in dims if not d.is_time]
    row_specs = [(k, n) for k, n in enumerate(left_dims[:n_row_dims])]

    def dim_key(n: str) -> str:
        return "Perioden" if _PERIOD_NAME.match(n) else (n or "Rij")

    # Everything a column contributes (dimension labels, topic levels, period, unit) is worked out
    # once per column; a row then only adds its own labels. Duplicates are checked per row and per
    # column: a cell can only repeat when a whole row or a whole column does.
    columns = []
    seen_cols: dict[tuple, int] = {}
    for j in range(ncols):
        dv: dict[str, str] = {}
        levels: list[str] = []
        for k, (n, labels, hline) in enumerate(col_dims):
            lab = labels[j] if j < len(labels) else ""
            if k in topic_in_cols:
                levels.append(lab)
            else:
                if not lab:
                    raise CBSDataError(path, hline, f"kolom {n_data_start + j + 1}: geen label voor {n or 'Rij'!r} in de kop")
                dv[dim_key(n)] = lab
        key = (tuple(levels), tuple(dv.items()))
        if key in seen_cols:
            raise CBSDataError(path, names_line, f"kolom {n_data_start + j + 1} heeft dezelfde kop als kolom {seen_cols[key]}")
        seen_cols[key] = n_data_start + j + 1
        unit = units_row[j] if units_row and j < len(units_row) else ""
        columns.append((dv, levels, unit))
    col_pi = [pinfo(period(dv[period_dim], col_dims[-1][2])) if period_dim in dv else None for dv, _, _ in columns]

    # The first problem in the file is reported: (data row, place in the row, message).
    problems: list[tuple[int, int, str]] = []
    row_col: dict[str, int] = {}  # a row dimension's key -> the column holding its labels
    for k, n in row_specs:
        if k in topic_in_rows:
            continue
        empty = np.flatnonzero(data[:, k] == "")
        if len(empty):
            problems.append((int(empty[0]), k, f"geen label voor {n or 'Rij'!r} in kolom {k + 1}"))
        row_col[dim_key(n)] = k
    key_cols = list(range(n_row_dims)) + ([n_left - 1] if unit_col else [])
    repeated = pd.DataFrame(data[:, key_cols]).duplicated(keep="first").to_numpy()
    if repeated.any():
        r = int(np.flatnonzero(repeated)[0])
        same = next(q for q in range(r) if (data[q, key_cols] == data[r, key_cols]).all())
        problems.append((r, 100, f"dubbele rij: dezelfde labels staan ook op regel {int(data_lines[same])}"))

    # Row and column facts: arrays per row (repeated across the columns) or per column (tiled down the rows).
    def per_row(values) -> np.ndarray:
        return np.repeat(np.asarray(values, dtype=object), ncols)

    def per_col(values) -> np.ndarray:
        return np.tile(np.asarray(values, dtype=object), n_rows)

    row_keys = [k for k in plain_keys if k in row_col and k != period_dim]
    col_keys = [k for k in plain_keys if k not in row_keys]
    no_period = ("", "", None, None, None, "", "")
    if period_dim in row_col:
        labels = data[:, row_col[period_dim]]
        codes, uniq = pd.factorize(labels)  # distinct labels in the order they first occur
        infos = []
        for u, label in enumerate(uniq):
            hit = period_or_error(label)
            if isinstance(hit, ValueError):
                problems.append((int(np.argmax(codes == u)), 101, str(hit)))
                break
            infos.append(pinfo(hit))
        infos += [no_period] * (len(uniq) - len(infos))  # after a problem, which is reported below
        period_cols = [per_row(np.array([inf[c] for inf in infos], dtype=object)[codes]) for c in range(7)]
    elif period_dim:
        period_cols = [per_col([pi[c] for pi in col_pi]) for c in range(7)]
    else:
        period_cols = [np.full(n_rows * ncols, v, dtype=object) for v in no_period]

    row_levels = [data[:, k] for k in topic_in_rows]
    unit_here = data[:, n_left - 1] if unit_col else np.full(n_rows, "", dtype=object)
    topics_per_column = any(levels for _, levels, _ in columns) or any(u for _, _, u in columns)
    if topics_per_column:
        levels = [per_row(lv) for lv in row_levels] + [per_col([c[1][k] for c in columns])
                                                       for k in range(len(topic_in_cols))]
        unit = np.where(per_row(unit_here) != "", per_row(unit_here), per_col([u for _, _, u in columns]))
        n_topics = n_rows * ncols
    else:
        levels, unit, n_topics = row_levels, unit_here, n_rows
    if not levels:
        levels = [np.full(n_topics, title or "waarde", dtype=object)]
    group, topic_title = _topic_parts(levels, n_topics)
    measure = np.where(group != "", group + GROUP_SEP + topic_title, topic_title)
    if not topics_per_column:
        group, topic_title, measure, unit = per_row(group), per_row(topic_title), per_row(measure), per_row(unit)

    # Cells: plain numbers in one go; the rest (CBS symbols, provisional marks, thousands
    # separators) once per distinct text.
    empty = (cells == "").to_numpy()
    as_number = cells.str.replace(",", ".", regex=False) if decimal == "," else cells
    try:
        values = np.where(empty, "nan", as_number.to_numpy(dtype=object)).astype(float)
        other = np.zeros(len(cells), dtype=bool)
    except ValueError:
        other = np.isnan(pd.to_numeric(as_number, errors="coerce").to_numpy(dtype=float)) & ~empty
        values = np.where(empty | other, "nan", as_number.to_numpy(dtype=object)).astype(float)
    where_other = np.flatnonzero(other)
    codes, uniq = pd.factorize(cells.to_numpy()[where_other])  # distinct texts in the order they first occur
    parsed = []
    for u, cell in enumerate(uniq):
        try:
            parsed.append((float(cell.replace(",", ".") if decimal == "," else cell), ""))
        except ValueError:
            try:
                parsed.append(parse_value(cell, decimal))
            except ValueError as exc:
                at = int(where_other[np.argmax(codes == u)])
                problems.append((at // ncols, 200 + at % ncols, f"kolom {measure[at]}: {exc}"))
                break
    if problems:
        r, _, problem = min(problems)
        raise CBSDataError(path, int(data_lines[r]), problem)
    symbols = np.full(len(cells), "", dtype=object)
    status = period_cols[6].copy()
    if parsed:
        values[where_other] = np.array([v for v, _ in parsed], dtype=float)[codes]
        marks = np.array([s for _, s in parsed], dtype=object)[codes]
        symbols[where_other] = marks
        for mark, meaning in (("*", "voorlopig"), ("**", "nader voorlopig")):
            at = where_other[marks == mark]
            status[at], symbols[at] = meaning, ""

    cols_out: dict[str, Any] = {"table_id": np.full(n_rows * ncols, tid, dtype=object)}
    for k in row_keys:
        cols_out[k] = cols_out[k + "_label"] = per_row(data[:, row_col[k]])
    for k in col_keys:
        cols_out[k] = cols_out[k + "_label"] = per_col([dv[k] for dv, _, _ in columns])
    cols_out.update({"measure": measure, "measure_label": topic_title, "measure_group": group, "unit": unit})
    for name, col in zip(("period", "period_label", "year", "quarter", "month", "freq"), period_cols):
        cols_out[name] = _whole_numbers(col) if name in ("year", "quarter", "month") else col
    cols_out.update({"status": status, "value": values, "symbol": symbols,
                     "text": np.full(n_rows * ncols, "", dtype=object)})
    df = pd.DataFrame(cols_out)
    for k, (name, label) in enumerate(fixed):
        df.insert(1 + 2 * k, name, label)
        df.insert(2 + 2 * k, name + "_label", label)
    df.attrs["selection"] = True
    df.attrs["labelled"] = True
    df.attrs["title"] = title
    df.attrs["notes"] = notes + [f"{path.name}: een download van de StatLine-website bevat alleen de cellen van de "
                         "getoonde tabel en geen CBS-codes; het boek bewaart haar als selectie met labels als codes."]
    return df
