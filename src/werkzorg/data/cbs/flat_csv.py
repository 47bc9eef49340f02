"""The flat CSV of the StatLine website: opendata.cbs.nl → Downloaden → "CSV met statistische
symbolen" or "CSV zonder statistische symbolen".

Unlike the table-layout download (:mod:`.website_csv`) it has no title line, no header block and
no footer. Its one header row names the dimensions by their title (``Perioden``, ``Regio's``,
``Wijken en buurten``) and then holds one column per topic, written as the path of topic groups
and the topic's title with its unit in brackets: ``Bevolking/Bevolkingssamenstelling op 1
januari/Totale bevolking (aantal)``. The rows hold labels, not codes. Two styles have been seen:
until about 2023 every field is quoted and numbers are padded with spaces, with a decimal point
and ``.`` for a missing figure; by 2025 only labels are quoted and numbers are written with a
decimal comma. A period label ending in ``*`` marks a provisional figure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .textio import csv_rows, decode
from .tidy import (
    GROUP_SEP,
    CBSDataError,
    Dimension,
    TidyBuilder,
    Topic,
    is_number_or_symbol,
    period_from_label,
)
from .website_csv import table_id_of_download

#: A topic header ends with its unit in brackets: ``Totale bevolking (aantal)``.
_UNIT = re.compile(r"^(?P<path>.*?\S)\s*\((?P<unit>[^()]*)\)\s*$")
_PERIOD_NAME = re.compile(r"^(perioden|periods?)$", re.IGNORECASE)
_COMMA_NUMBER = re.compile(r"^\s*-?\d+,\d+\s*$")


def _is_topic_header(name: str) -> bool:
    return bool(_UNIT.match(name))


def looks_like_flat_csv(text: str) -> bool:
    """One header row that starts with dimension titles and goes on with ``title (unit)`` columns."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:2]
    if len(lines) < 2:
        return False
    try:
        rows = [r for _, r in csv_rows("?", "\n".join(lines) + "\n")]
    except CBSDataError:
        return False
    if len(rows) < 2:
        return False
    head = [c.strip() for c in rows[0]]
    if len(head) < 2 or len(rows[1]) != len(head) or head[0].upper() == "ID" or _is_topic_header(head[0]):
        return False
    return any(_is_topic_header(c) for c in head[1:])


def _split_path(text: str) -> list[str]:
    """``a/b/c`` into its parts.

    The website joins the levels with ``/``, but a name may hold a ``/`` itself: inside brackets
    (``goed/zeer goed``) or before a word in lower case (``Leerlingen/studenten``, ``Wo
    master/doctoraal``); CBS starts the name of a level with a capital or a digit, so neither
    splits.
    """
    raw, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "/" and depth == 0:
            raw.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    raw.append("".join(cur))
    parts: list[str] = []
    for piece in raw:
        if parts and piece[:1].islower():
            parts[-1] = f"{parts[-1]}/{piece}"
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


def topic_from_header(name: str) -> Topic:
    m = _UNIT.match(name)
    if not m:
        raise ValueError(f"geen onderwerp met eenheid: {name!r}")
    parts = _split_path(m.group("path"))
    title, groups = parts[-1], parts[:-1]
    # The key is the header without its unit, as written: it stays unique whatever the split.
    return Topic(m.group("path").strip(), title, m.group("unit").strip(), GROUP_SEP.join(groups))


def read_flat_csv(path: str | Path, table_id: str | None = None) -> pd.DataFrame:
    """Read a flat StatLine website CSV into the tidy shape (labels as codes, periods mapped to codes)."""
    path = Path(path)
    text = decode(path, path.read_bytes())
    rows = [(ln, r) for ln, r in csv_rows(path, text) if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise CBSDataError(path, 1, "te weinig regels: een kopregel en minstens één gegevensregel verwacht")
    head_line, head = rows[0][0], [c.strip() for c in rows[0][1]]
    n_dims = next((k for k, c in enumerate(head) if _is_topic_header(c)), len(head))
    if n_dims == 0 or n_dims == len(head):
        raise CBSDataError(path, head_line, "kopregel zonder dimensies of zonder onderwerpen (verwacht bijvoorbeeld "
                                            "\"Perioden\";\"Regio's\";\"Totale bevolking (aantal)\")")
    names = head[:n_dims]
    later_dim = next((c for c in head[n_dims:] if not _is_topic_header(c)), None)
    if later_dim is not None:
        raise CBSDataError(path, head_line, f"kolom {later_dim!r} staat tussen de onderwerpen maar heeft geen eenheid "
                                            "tussen haakjes")
    if len(set(head)) != len(head):
        twice = next(c for c in head if head.count(c) > 1)
        raise CBSDataError(path, head_line, f"kolom {twice!r} staat twee keer in de kopregel")

    tid = table_id_of_download(path, table_id)

    data = rows[1:]
    for ln, r in data:
        if len(r) != len(head):
            raise CBSDataError(path, ln, f"{len(r)} velden, verwacht {len(head)} (zoals in de kopregel)")
    cells = [[c.strip() for c in r[n_dims:]] for _, r in data]
    decimal = "," if any(_COMMA_NUMBER.match(c) for r in cells for c in r if "," in c) else "."

    topics = []
    for j, name in enumerate(head[n_dims:]):
        t = topic_from_header(name)
        filled = [r[j] for r in cells if r[j]]
        if filled and not any(is_number_or_symbol(c, decimal) for c in filled):
            t.kind = "text"
        topics.append(t)

    period_codes: dict[str, dict] = {}
    dims = []
    for n in names:
        is_time = bool(_PERIOD_NAME.match(n))
        dims.append(Dimension("Perioden" if is_time else n, n, is_time, period_codes if is_time else {}))
    builder = TidyBuilder(tid, str(path), dims)
    first_line: dict[tuple, int] = {}
    for (ln, r), row_cells in zip(data, cells):
        record = {}
        for d, label in zip(dims, r[:n_dims]):
            label = label.strip()
            if not label:
                raise CBSDataError(path, ln, f"geen label voor {d.title!r}")
            if d.is_time:
                try:
                    code, status = period_from_label(label)
                except ValueError as exc:
                    raise CBSDataError(path, ln, str(exc)) from None
                period_codes.setdefault(code, {"Title": label.rstrip("*").strip(), "Status": status})
                label = code
            record[d.key] = label
        dv = builder.dim_values(record, ln)
        key = tuple(dv[d.key] for d in dims)
        if key in first_line:
            shown = "; ".join(r[:n_dims])
            raise CBSDataError(path, ln, f"dezelfde labels ({shown}) staan ook op regel {first_line[key]}. De website "
                                         "schrijft namen, geen codes, en hier hebben twee rijen dezelfde naam (zoals een "
                                         "wijk en een buurt). Download de tabel als ruwe dataset (TypedDataSet-CSV, met "
                                         "codes) of kies rijen met verschillende namen.")
        first_line[key] = ln
        builder.key_check(key, ln)
        builder.add_record(dv, list(zip(topics, row_cells)), ln, decimal)
    df = builder.frame()
    df.attrs["selection"] = True
    df.attrs["labelled"] = True
    df.attrs["title"] = ""
    df.attrs["notes"] = [f"{path.name}: een download van de StatLine-website bevat alleen de cellen van de getoonde "
                         "tabel en geen CBS-codes; het boek bewaart haar als selectie met labels als codes."]
    return df
