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

import re
from pathlib import Path
from typing import Any

import pandas as pd

from .textio import csv_rows, decode
from .tidy import (GROUP_SEP, CBSDataError, Dimension, Topic, TidyBuilder, is_number_or_symbol, normalise_table_id,
                   period_from_label)

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


def _split_topic(levels: list[str]) -> tuple[str, str]:
    parts: list[str] = []
    for lv in levels:
        for p in lv.split("|"):
            p = p.strip()
            # Old downloads repeat a topic's label at the next level when it has no sub-topics.
            if p and (not parts or parts[-1] != p):
                parts.append(p)
    if not parts:
        return "", ""
    title, groups = parts[-1], parts[:-1]
    return GROUP_SEP.join(groups), title


def read_website_csv(path: str | Path, table_id: str | None = None) -> pd.DataFrame:
    """Read a StatLine website CSV into the tidy shape (labels as codes, periods mapped to codes)."""
    path = Path(path)
    raw = path.read_bytes()
    text = decode(path, raw, fallback="cp1252")
    notes = []
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        notes.append(f"{path.name}: geen UTF-8; gelezen als Windows-1252, de tekenset van oudere StatLine-downloads.")
    rows = [(ln, s) for ln, s in ((ln, [c.strip() for c in r]) for ln, r in csv_rows(path, text)) if any(s)]
    if len(rows) < 2:
        raise CBSDataError(path, 1, "te weinig regels voor een StatLine-download (titel, kop en gegevens)")
    title = rows[0][1][0] if _single(rows[0][1]) else ""
    body = rows[1:] if title else rows
    # Below the title the website names each dimension that has one value in the selection
    # ("Persoonskenmerken: Totaal"); such a line is a fixed dimension, not a header row.
    fixed: list[tuple[str, str]] = []
    while title and len(body) > 1 and _single(body[0][1]) and re.match(r"^[^:;]+:\s*\S", body[0][1][0]):
        name, _, label = body[0][1][0].partition(":")
        fixed.append((name.strip(), label.strip()))
        body = body[1:]
    footer_at = len(body)
    while footer_at > 0 and _single(body[footer_at - 1][1]) and (
            _FOOTER.match(body[footer_at - 1][1][0]) or footer_at == len(body)):
        footer_at -= 1
    body = body[:footer_at]
    if not body:
        raise CBSDataError(path, rows[-1][0], "geen tabel tussen de titel en de voetregel")
    width = max(len(r) for _, r in body)
    body = [(ln, r + [""] * (width - len(r))) for ln, r in body]

    # Header rows have an empty first cell; the names row is the first with a filled first cell.
    head = []
    i = 0
    while i < len(body) and body[i][1][0] == "":
        head.append(body[i])
        i += 1
    if i >= len(body):
        raise CBSDataError(path, body[-1][0], "geen regel met de namen van de dimensies gevonden (kopblok zonder einde)")
    names_line, names = body[i]
    i += 1
    filled = [k for k, c in enumerate(head[0][1]) if c] if head else []
    preset_units = None
    if len(filled) == 1 and filled[0] >= 1 and (len(head) > 1 or names[filled[0]] != ""):
        # opendata.cbs.nl (2019 on): a column dimension is named on a line of its own, above its
        # first label; its labels follow on the next line. Then either a line with the row
        # dimensions and the units ("Perioden";"2015 = 100";…), or the last label line itself
        # starts with the row dimensions and an empty cell above a column of units.
        n_left = filled[0]
        lines = [r for _, r in head] + [names]
        numbers = [ln for ln, _ in head] + [names_line]
        col_dims, k = [], 0
        while k + 1 < len(lines) and [c for c in lines[k] if c] == [lines[k][n_left]]:
            col_dims.append((lines[k][n_left], lines[k + 1][n_left:], numbers[k + 1]))
            k += 2
        if k < len(lines):
            row_names, preset_units = lines[k][:n_left], lines[k][n_left:]
        else:
            row_names = lines[k - 1][: n_left - 1]
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
        ln, r = body[i]
        cells = [c for c in r[n_left:] if c]
        if cells and not any(is_number_or_symbol(c, ",") for c in cells) and not unit_col:
            units_row = r[n_left:]
            if r[0] and not row_names:
                row_names = [r[0]]
            i += 1
    if preset_units is not None:
        units_row = preset_units
    data = body[i:]
    if not data:
        raise CBSDataError(path, names_line + 1, "geen gegevensregels onder de kop")
    if head and unit_col:
        left_dims = row_names
    else:
        left_dims = row_names or [""]
        if left_dims == [""]:
            sample = data[0][1][0]
            try:
                period_from_label(sample)
                left_dims = ["Perioden"]
            except ValueError:
                left_dims = ["Rij"]
    n_row_dims = len(left_dims)
    n_data_start = n_left if (head or unit_col) else 1
    if head and not unit_col:
        n_row_dims = n_left - 1 if n_left > 1 else 1

    tid = table_id
    if not tid:
        m = _ID_IN_NAME.search(path.name)
        if not m:
            raise CBSDataError(path, None, "tabelnummer onbekend: een download van de StatLine-website noemt het "
                                           "tabelnummer niet; geef het op (--table, bijvoorbeeld --table 80590NED)")
        tid = m.group(1)
    tid = normalise_table_id(tid, path)

    comma_number = re.compile(r"^-?\d+,\d+\*{0,2}$")
    decimal = "," if any(comma_number.match(c) for _, r in data for c in r[n_data_start:] if "," in c) else "."
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
    builder = TidyBuilder(tid, str(path), dims)
    topics: dict[tuple[str, str, str], Topic] = {}
    period_cache: dict[str, tuple[str, str]] = {}

    topic_cache: dict[tuple, Topic] = {}

    def topic_for(levels: list[str], unit: str) -> Topic:
        ck = (*levels, unit)
        t = topic_cache.get(ck)
        if t is not None:
            return t
        group, ttl = _split_topic(levels)
        key = (group, ttl, unit)
        t = topics.get(key)
        if t is None:
            t = Topic(f"{group}{GROUP_SEP}{ttl}" if group else ttl, ttl, unit, group)
            topics[key] = t
        topic_cache[ck] = t
        return t

    def period(label: str, where: int) -> tuple[str, str]:
        hit = period_cache.get(label)
        if hit is None:
            try:
                hit = period_from_label(label)
            except ValueError as exc:
                raise CBSDataError(path, where, str(exc)) from None
            period_cache[label] = hit
        return hit

    ncols = width - n_data_start
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
    col_period = {}
    if period_dim:
        for j, (dv, _, _) in enumerate(columns):
            if period_dim in dv:
                col_period[j] = period(dv[period_dim], col_dims[-1][2])
    period_rows: dict[str, tuple] = {}

    def pinfo(label_code: tuple[str, str]) -> tuple:
        code, status = label_code
        hit = period_rows.get(code)
        if hit is None:
            from .tidy import parse_period
            p = parse_period(code)
            hit = period_rows[code] = (p.code, p.label, p.year, p.quarter, p.month, p.freq)
        return (*hit, status)

    no_period = ("", "", None, None, None, "", "")
    seen_rows: dict[tuple, int] = {}
    comma = decimal == ","
    nan = float("nan")
    row_keys = [k for k in plain_keys if any(dim_key(n) == k for i, n in row_specs if i not in topic_in_rows)]
    col_keys = [k for k in plain_keys if k not in row_keys]
    col_pi = [pinfo(col_period[j]) if j in col_period else None for j in range(ncols)]
    topics_per_column = any(levels for _, levels, _ in columns) or any(u for _, _, u in columns)
    # The table is a grid: what a row gives is repeated across its columns, what a column gives is
    # tiled down the rows; only the cells themselves are read one by one.
    row_vals: list[list[str]] = []
    row_pis: list[tuple | None] = []
    row_topics: list[Topic | None] = []
    cell_topics: list[Topic] = []
    values: list[float] = []
    symbols: list[str] = []
    statuses: list[str] = []
    for ln, r in data:
        left = r[:n_row_dims]
        unit_here = r[n_left - 1] if unit_col else ""
        row_dv: dict[str, str] = {}
        row_levels: list[str] = []
        for k, n in row_specs:
            if k in topic_in_rows:
                row_levels.append(left[k])
            else:
                if not left[k]:
                    raise CBSDataError(path, ln, f"geen label voor {n or 'Rij'!r} in kolom {k + 1}")
                row_dv[dim_key(n)] = left[k]
        rkey = (tuple(row_levels), tuple(row_dv.items()), unit_here)
        if rkey in seen_rows:
            raise CBSDataError(path, ln, f"dubbele rij: dezelfde labels staan ook op regel {seen_rows[rkey]}")
        seen_rows[rkey] = ln
        row_vals.append([row_dv[k] for k in row_keys])
        row_pi = pinfo(period(row_dv[period_dim], ln)) if period_dim and period_dim in row_dv else None
        row_pis.append(row_pi)
        row_topic = None if topics_per_column else topic_for(row_levels or [title or "waarde"], unit_here)
        row_topics.append(row_topic)
        if topics_per_column:
            for j in range(ncols):
                cell_topics.append(topic_for((row_levels + columns[j][1]) or [title or "waarde"],
                                             unit_here or columns[j][2]))
        for j, cell in enumerate(r[n_data_start:n_data_start + ncols]):
            if cell == "":
                value, symbol = nan, ""
            else:
                try:
                    value, symbol = float(cell.replace(",", ".") if comma else cell), ""
                except ValueError:
                    topic = row_topic or cell_topics[-ncols + j]
                    value, symbol = builder._cell(cell, topic, ln, decimal)
            pi = row_pi or col_pi[j] or no_period
            status = pi[6]
            if symbol == "*":
                status, symbol = "voorlopig", ""
            elif symbol == "**":
                status, symbol = "nader voorlopig", ""
            values.append(value)
            symbols.append(symbol)
            statuses.append(status)
    import numpy as np

    n_rows = len(data)
    cols_out: dict[str, Any] = {"table_id": np.full(n_rows * ncols, tid, dtype=object)}
    for i, k in enumerate(row_keys):
        v = np.repeat(np.array([rv[i] for rv in row_vals], dtype=object), ncols)
        cols_out[k], cols_out[k + "_label"] = v, v
    for k in col_keys:
        v = np.tile(np.array([dv[k] for dv, _, _ in columns], dtype=object), n_rows)
        cols_out[k], cols_out[k + "_label"] = v, v
    if topics_per_column:
        tlist = cell_topics
    else:
        tlist = [t for t in row_topics for _ in range(ncols)]
    cols_out["measure"] = [t.key for t in tlist]
    cols_out["measure_label"] = [t.title for t in tlist]
    cols_out["measure_group"] = [t.group for t in tlist]
    cols_out["unit"] = [t.unit for t in tlist]
    if period_dim and row_pis and row_pis[0] is not None:
        pis = [p for p in row_pis for _ in range(ncols)]
    elif period_dim:
        pis = col_pi * n_rows
    else:
        pis = [no_period] * (n_rows * ncols)
    for i, name in enumerate(("period", "period_label", "year", "quarter", "month", "freq")):
        cols_out[name] = [p[i] for p in pis]
    cols_out["status"] = statuses
    cols_out["value"] = np.array(values, dtype=float)
    cols_out["symbol"] = symbols
    cols_out["text"] = np.full(n_rows * ncols, "", dtype=object)
    df = pd.DataFrame(cols_out)
    for k, (name, label) in enumerate(fixed):
        df.insert(1 + 2 * k, name, label)
        df.insert(2 + 2 * k, name + "_label", label)
    for c in ("year", "quarter", "month"):
        df[c] = pd.array(df[c].tolist(), dtype="Int64")
    df.attrs["selection"] = True
    df.attrs["labelled"] = True
    df.attrs["title"] = title
    df.attrs["notes"] = notes + [f"{path.name}: een download van de StatLine-website bevat alleen de cellen van de "
                         "getoonde tabel en geen CBS-codes; het boek bewaart haar als selectie met labels als codes."]
    return df
