"""OData v3 entity sets saved as comma-separated CSV, one file per entity set.

This is what R's ``cbsodataR::cbs_download_table()`` writes (``data.csv`` plus
``DataProperties.csv``, ``TableInfos.csv``, ``CategoryGroups.csv`` and one ``<Dim>.csv`` per
dimension), and what Python scripts built on ``cbsodata`` write when they save each entity set
with pandas (``TypedDataSet.csv``/``UntypedDataSet.csv``; the DataProperties then carry an
``odata.type`` column and pandas' float spelling of ``Position``/``ParentID``, such as ``5.0``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .odata_v3 import infer_structure, metadata_missing_note, structure_from_properties, tidy_from_records
from .textio import csv_rows, decode
from .tidy import CBSDataError, normalise_table_id

DATA_FILES = ("data.csv", "TypedDataSet.csv", "UntypedDataSet.csv")


def _records(path: Path, notes: list[str] | None = None) -> list[tuple[int, dict]]:
    raw = path.read_bytes()
    if notes is not None:
        # Metadata written by cbsodataR on Windows is Latin-1/Windows-1252: read it as such and say so.
        try:
            text = decode(path, raw)
        except CBSDataError as exc:
            if "UTF-8" not in exc.problem:
                raise
            text = decode(path, raw, fallback="cp1252")
            notes.append(f"{path.name} is als Windows-1252 (Latin-1) gelezen: het was niet in UTF-8 opgeslagen.")
    else:
        text = decode(path, raw)
    rows = csv_rows(path, text, delimiter=",")
    rows = [(ln, r) for ln, r in rows if r and any(c.strip() for c in r)]
    if not rows:
        raise CBSDataError(path, 1, "leeg bestand")
    hline, header = rows[0]
    header = [h.strip() for h in header]
    out = []
    for ln, r in rows[1:]:
        if len(r) != len(header):
            raise CBSDataError(path, ln, f"{len(r)} velden, verwacht {len(header)} (afgebroken regel?)")
        out.append((ln, {h: (v if v != "" else None) for h, v in zip(header, r)}))
    return out


def is_entity_folder(folder: Path) -> bool:
    return folder.is_dir() and any((folder / n).is_file() for n in DATA_FILES)


def read_entity_csv_folder(folder: str | Path, table_id: str | None = None, typed: bool | None = None) -> pd.DataFrame:
    """Read a folder of entity-set CSVs into the tidy shape."""
    folder = Path(folder)
    names = [n for n in DATA_FILES if (folder / n).is_file()]
    if typed is False and (folder / "UntypedDataSet.csv").is_file():
        names = ["UntypedDataSet.csv"]
    if not names:
        raise CBSDataError(folder, None, f"geen gegevensbestand ({' of '.join(DATA_FILES)}) in de map")
    data_path = folder / names[0]
    info = folder / "TableInfos.csv"
    title = ""
    notes: list[str] = []
    if info.is_file():
        recs = _records(info, notes)
        if recs:
            table_id = table_id or recs[0][1].get("Identifier")
            title = (recs[0][1].get("Title") or "").strip()
    if not table_id:
        raise CBSDataError(folder, None, "tabelnummer onbekend: geen TableInfos.csv in de map; geef --table")
    tid = normalise_table_id(table_id, folder)
    records = _records(data_path)
    props_path = folder / "DataProperties.csv"
    if props_path.is_file():
        props = [r for _, r in _records(props_path, notes)]

        def codes_for(key: str) -> dict[str, dict]:
            p = folder / f"{key}.csv"
            if not p.is_file():
                notes.append(f"{folder.name}: {key}.csv ontbreekt; de codes van {key} blijven zonder labels.")
                return {}
            return {str(r.get("Key") or "").strip(): r for _, r in _records(p, notes)}

        dims, topics = structure_from_properties(props, codes_for, str(props_path))
    else:
        dims, topics = infer_structure(list(records[0][1]) if records else [], [r for _, r in records])
        notes.append(metadata_missing_note(folder.name, "DataProperties.csv"))
    df = tidy_from_records(tid, str(data_path), dims, topics,
                           ((str(data_path), ln, rec) for ln, rec in records))
    df.attrs["notes"] = notes + df.attrs.get("notes", [])
    df.attrs["labelled"] = props_path.is_file()
    df.attrs["title"] = title
    return df
