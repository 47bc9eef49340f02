"""The raw dataset CSV that StatLine's open-data pages offer: ``<ID>_TypedDataSet_<date>_<time>.csv``
(or ``UntypedDataSet``) with its companion ``<ID>_metadata.csv``.

``;``-separated; older downloads quote every field, the 2025 style does not; codes may carry
trailing spaces; an empty field is a missing value; Untyped files pad numbers with spaces and
write CBS symbols (``.``) in the cell. The header starts with ``ID``, then the dimensions (codes)
and the topics (``<Name>_<n>``). The metadata file has sections (``TableInfos``,
``DataProperties``, one per dimension), each a name line followed by a header and rows. English
tables name the time dimension ``Periods``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from .odata_v3 import DIMENSION_TYPES, is_selection, metadata_missing_note, structure_from_properties
from .textio import csv_rows, decode
from .tidy import CBSDataError, Dimension, TidyBuilder, Topic, is_number_or_symbol, normalise_table_id


def read_statline_metadata(path: str | Path) -> dict[str, Any]:
    """Read ``<ID>_metadata.csv``: returns ``{"table": {...}, "properties": [...], "dimensions": {key: {code: row}}}``."""
    path = Path(path)
    text = decode(path, path.read_bytes())
    rows = csv_rows(path, text)
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
        if p.get("Type") in DIMENSION_TYPES:
            key = p["Key"]
            if key not in sections:
                raise CBSDataError(path, None, f"sectie voor dimensie {key!r} ontbreekt in de metadata")
            dims[key] = {r["Key"].strip(): r for _, r in sections[key]}
    return {"table": table, "properties": props, "dimensions": dims}


_TABLE_FROM_NAME = re.compile(r"^([0-9A-Za-z_]+?)_(?:Typed|Untyped)DataSet", re.IGNORECASE)


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


_COMMA_NUMBER = re.compile(r"^\s*-?\d{1,3}(\.\d{3})*,\d+\s*$|^\s*-?\d+,\d+\s*$")


def _text_topics(rows: list[tuple[int, list[str]]], topic_idx: list[tuple[Topic, int]], decimal: str,
                 path: Path | None = None) -> None:
    """Without metadata: a topic whose every cell is text (place names, codes) is a text topic.

    A topic whose cells are numbers written with a decimal comma (a file saved again by Excel) is
    not text: it is refused with the fix, so it is never stored as text.
    """
    if len(rows) < 2:
        return
    first = rows[1][1]
    for t, i in topic_idx:
        if i >= len(first) or is_number_or_symbol(first[i], decimal):
            continue
        if decimal == "." and _COMMA_NUMBER.match(first[i]):
            raise CBSDataError(path or "bestand", rows[1][0],
                               f"kolom {t.key}: {first[i].strip()!r} is een getal met een decimaalkomma. CBS-downloads "
                               "gebruiken een punt; het bestand is waarschijnlijk opnieuw opgeslagen in Excel. Download "
                               "het opnieuw bij StatLine en importeer het zonder het eerst te openen, of zet het "
                               "metadatabestand ernaast")
        if not any(i < len(r) and r[i].strip() and is_number_or_symbol(r[i], decimal) for _, r in rows[1:]):
            t.kind = "text"


def read_statline_csv(path: str | Path, metadata: str | Path | None = None, table_id: str | None = None,
                      decimal: str = ".") -> pd.DataFrame:
    """Read a StatLine ``TypedDataSet``/``UntypedDataSet`` CSV download into the tidy shape.

    With the metadata file (found next to the data file when not given), dimensions get their
    titles, topics their units and groups, and periods their status; without it the header
    decides (``ID`` first, topics are the columns named ``<Name>_<n>``, the time dimension is
    ``Perioden``/``Periods``, the rest are dimensions) and ``df.attrs["notes"]`` says what is lost.
    A download of the StatLine *website* (title line first) goes to :func:`.website_csv.read_website_csv`.
    """
    path = Path(path)
    raw = path.read_bytes()
    if not raw.strip(b" \t\r\n\xef\xbb\xbf"):
        raise CBSDataError(path, 1, "leeg bestand")
    text = decode(path, raw)
    from .website_csv import looks_like_website_csv, read_website_csv

    if looks_like_website_csv(text):
        return read_website_csv(path, table_id=table_id)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if ";" not in first:
        for sep in (",", "\t", "|"):
            if sep in first:
                line = text.splitlines().index(first) + 1
                raise CBSDataError(path, line, f"verkeerd scheidingsteken {sep!r}: StatLine-CSV gebruikt ';'")
    rows = csv_rows(path, text)
    rows = [(ln, r) for ln, r in rows if r and any(c.strip() for c in r)]
    if not rows:
        raise CBSDataError(path, 1, "leeg bestand")
    hline, header = rows[0]
    if len(header) == 1:
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
    tid = normalise_table_id(tid, path)

    notes: list[str] = []
    if meta:
        dims, topics = structure_from_properties(meta["properties"], lambda k: meta["dimensions"].get(k, {}), str(meta_path))
        for d in dims:
            if d.key not in header:
                raise CBSDataError(path, hline, f"kolom voor dimensie {d.key!r} ontbreekt (staat wel in de metadata)")
        for t in topics:
            if t.key not in header:
                raise CBSDataError(path, hline, f"kolom voor onderwerp {t.key!r} ontbreekt (staat wel in de metadata)")
        known = {d.key for d in dims} | {t.key for t in topics} | {"ID"}
        extra = [h for h in header if h not in known]
        if extra:
            raise CBSDataError(path, hline, f"kolom(men) niet in de metadata: {', '.join(extra)}")
    else:
        dims, topics = [], []
        for h in header[1:]:
            if h in ("Perioden", "Periods"):
                dims.append(Dimension(h, h, True, {}))
            elif re.search(r"_\d+$", h):
                topics.append(Topic(h, h, ""))
            else:
                dims.append(Dimension(h, h, False, {}))
        if not topics:
            raise CBSDataError(path, hline, "geen onderwerpkolommen (namen als Onderwerp_1) in de kopregel")
        notes.append(metadata_missing_note(path.name, f"{tid}_metadata.csv"))
    builder = TidyBuilder(tid, str(path), dims)
    index = {h: i for i, h in enumerate(header)}
    dim_idx = [(d, index[d.key]) for d in dims]
    topic_idx = [(t, index[t.key]) for t in topics]
    if not meta:
        _text_topics(rows, topic_idx, decimal, path)
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
    df = builder.frame()
    try:
        int_ids = [int(k) for k in ids]
        df.attrs["selection"] = is_selection(int_ids)
    except ValueError:
        int_ids, df.attrs["selection"] = [], False
    if meta and int_ids and not df.attrs["selection"]:
        # Numbered 0, 1, 2, … like a whole table: then it must have as many rows as the metadata
        # describe (every combination of the dimensions' codes). Fewer means the file was cut off.
        expected = 1
        for d in dims:
            expected *= max(1, len(d.codes))
        if all(d.codes for d in dims) and len(int_ids) < expected:
            raise CBSDataError(path, rows[-1][0], f"het bestand stopt na {len(int_ids)} rijen, maar volgens de metadata "
                                                  f"heeft de tabel er {expected} (rijen genummerd 0 tot {expected - 1}); "
                                                  "afgebroken download? Download het bestand opnieuw")
    df.attrs["notes"] = notes
    df.attrs["labelled"] = bool(meta)
    df.attrs["title"] = ((meta or {}).get("table", {}).get("Title") or "").strip()
    return df
