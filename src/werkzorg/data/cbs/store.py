"""The snapshot store: ``data/cbs/`` with ``manifest.yaml`` and one tidy CSV per table.

Validation, atomic replacement (nothing changes on any failure), the diff against the previous
version, and :func:`lookup` of one cell by what CBS publishes.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ...paths import data_dir
from ..yamlfile import load_yaml
from .tidy import EXTRA_COLUMNS, PROVENANCE_COLUMNS, TIDY_COLUMNS, CBSDataError, dimension_columns


@dataclass
class Manifest:
    path: Path
    tables: dict[str, dict]

    @classmethod
    def load(cls, folder: Path | None = None) -> Manifest:
        folder = folder or cbs_dir()
        path = folder / "manifest.yaml"
        raw = load_yaml(path.read_text(encoding="utf-8")) or {}
        return cls(path, raw.get("tables") or {})

    def dump(self) -> str:
        head = ("# CBS snapshots: one entry per table in data/cbs/. Written by `.venv/bin/python -m werkzorg data ...`;\n"
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
    # Topic groups and text values only when a reader filled them (older snapshots stay as they were).
    cols += [c for c in EXTRA_COLUMNS if c in df.columns and (df[c].fillna("").astype(str) != "").any()]
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


def _has_groups(df: pd.DataFrame) -> bool:
    return "measure_group" in df.columns and (df["measure_group"].fillna("").astype(str) != "").any()


def _cell_identity(df: pd.DataFrame, with_group: bool = False) -> pd.Series:
    """Each cell as CBS identifies it, whatever file it came from: topic (key without its running
    number, and its group where the table has groups), every dimension by label (a total by the word
    ``totaal``: editions spell it differently) and the period code."""
    topic = df["measure"].astype(str).map(_base_key)
    if with_group:
        topic = topic + "\x1e" + df["measure_group"].fillna("").astype(str).str.split(" | ", regex=False).str[-1].str.strip().str.lower()
    parts = [topic]
    for d in dimension_columns(df):
        lab = df[d + "_label"].astype(str).str.strip().str.lower()
        parts.append(lab.where(~lab.str.startswith(("totaal", "total")), "totaal"))
    parts.append(df["period"].fillna("").astype(str))
    out = parts[0]
    for p in parts[1:]:
        out = out + "\x1f" + p
    return out


def _cell_text(row: pd.Series, dims: list[str]) -> str:
    """``2024 1e kwartaal, Vrouwen, 15 tot 75 jaar, Netto arbeidsparticipatie: Niet-seizoengecorrigeerd``."""
    topic = str(row.get("measure_label") or row.get("measure"))
    group = str(row.get("measure_group") or "") if "measure_group" in row.index else ""
    if group and group != "nan":
        topic = f"{group.split(' | ')[-1]}: {topic}"
    bits = [str(row.get("period_label") or row.get("period") or "")] + [str(row[d + "_label"]) for d in dims]
    return ", ".join(b for b in bits + [topic] if b and b != "nan")


def _num(v: float) -> str:
    if v != v:
        return "leeg"
    return (repr(float(v)).removesuffix(".0")).replace(".", ",")


def diff_tables(old: pd.DataFrame | None, new: pd.DataFrame, limit: int = 5) -> dict[str, Any]:
    """What changed between two versions of a snapshot, cell by cell as CBS identifies a cell (topic key
    without its number, dimension labels, period), so an extract and the full table it came from line
    up: cells added, removed, values changed, each with readable examples and counts per topic."""
    if old is None or old.empty:
        return {"added": len(new), "removed": 0, "changed": 0, "examples": [], "added_examples": [],
                "removed_examples": [], "per_topic": {}}
    note = ""
    if sorted(dimension_columns(old)) != sorted(dimension_columns(new)):
        note = "andere dimensies dan de vorige versie"
    groups = _has_groups(old) and _has_groups(new)
    o = old.assign(_id=_cell_identity(old, groups)).drop_duplicates("_id").set_index("_id")
    n = new.assign(_id=_cell_identity(new, groups)).drop_duplicates("_id").set_index("_id")
    both = o.index.intersection(n.index)
    ov, nv = o.loc[both, "value"], n.loc[both, "value"]
    changed_ids = both[~((ov == nv) | (ov.isna() & nv.isna()))]
    added_ids, removed_ids = n.index.difference(o.index), o.index.difference(n.index)
    ndims, odims = dimension_columns(new), dimension_columns(old)
    examples = [f"{_cell_text(n.loc[i], ndims)}: {_num(o.loc[i, 'value'])} → {_num(n.loc[i, 'value'])}"
                for i in list(changed_ids)[:limit]]
    per_topic: dict[str, dict[str, int]] = {}
    for kind, ids, frame in (("nieuw", added_ids, n), ("weg", removed_ids, o), ("gewijzigd", changed_ids, n)):
        for i in ids:
            r = frame.loc[i]
            t = str(r.get("measure_label") or r["measure"])
            g = str(r.get("measure_group") or "") if "measure_group" in frame.columns else ""
            t = f"{g.split(' | ')[-1]}: {t}" if g and g != "nan" else t
            per_topic.setdefault(t, {"nieuw": 0, "weg": 0, "gewijzigd": 0})[kind] += 1
    out = {"added": int(len(added_ids)), "removed": int(len(removed_ids)), "changed": int(len(changed_ids)),
           "examples": examples,
           "added_examples": [f"{_cell_text(n.loc[i], ndims)}: {_num(n.loc[i, 'value'])}" for i in list(added_ids)[:limit]],
           "removed_examples": [f"{_cell_text(o.loc[i], odims)}: {_num(o.loc[i, 'value'])}"
                                for i in list(removed_ids)[:limit]],
           "per_topic": per_topic}
    if note:
        out["note"] = note
    return out


def is_labelled(df: pd.DataFrame) -> bool:
    """Whether a table carries CBS titles: some dimension label differs from its code, or a topic title
    from its key. A raw download read without its metadata file has codes only."""
    if (df["measure_label"].astype(str) != df["measure"].astype(str)).any():
        return True
    return any((df[d + "_label"].astype(str) != df[d].astype(str)).any() for d in dimension_columns(df))


def install_table(df: pd.DataFrame, source: str, folder: Path | None = None, title: str | None = None,
                  retrieved: str | None = None, origin: str = "", allow_unlabelled: bool = False,
                  dry_run: bool = False, before_write=None) -> dict[str, Any]:
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
    if old is not None and not allow_unlabelled and is_labelled(old) and not is_labelled(df):
        raise CBSDataError(source, None, f"de nieuwe gegevens voor {tid} hebben alleen codes, geen labels (metadata "
                                         "ontbreekt), terwijl de huidige snapshot labels heeft; de cijfercontrole zoekt "
                                         "op labels. Zet het metadatabestand ernaast, of vervang bewust met "
                                         "--zonder-labels")
    selection = bool(df.attrs.get("selection"))
    if "source_url" not in df.columns:
        df = df.assign(source_url=origin or source,
                       evidence="selectie uit een CBS-tabel" if selection else "volledige tabel van CBS")
    text = to_csv_text(df)
    change = diff_tables(old, df)
    change["table_id"] = tid
    change["file"] = str(target)
    if dry_run:
        return change
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
        "selection": selection,
        "labelled": is_labelled(df),
    })
    notes = list(df.attrs.get("notes") or [])
    if notes:
        entry["notes"] = notes
    else:
        entry.pop("notes", None)
    man.tables[tid] = entry
    if before_write is not None:
        before_write(tid)
    # Both files are complete before either is replaced; the snapshot first, then the manifest.
    atomic_write(target, text)
    atomic_write(man.path, man.dump())
    change["table_id"] = tid
    change["file"] = str(target)
    return change


_SUFFIX = re.compile(r"_\d+$")


def _base_key(key: str) -> str:
    """A CBS topic key without its running number (``NettoArbeidsparticipatie_24`` → ``nettoarbeidsparticipatie``):
    the number changes between editions of a table, the name does not."""
    return _SUFFIX.sub("", str(key).strip()).lower()


def topic_mask(df: pd.DataFrame, topic: str | dict) -> pd.Series:
    """Rows whose topic is ``topic``.

    ``topic`` is either a string (a key — compared without its ``_<n>`` number — or the start of
    a title, case-insensitive) or a mapping with any of ``key``, ``title`` and ``group``, as CBS
    publishes them: the row matches the key, or the title (exactly) within the group. A group is
    checked only where the table knows groups (an extract without ``measure_group`` matches on
    title alone), so one audit entry finds its cell in the extract and in the full table.
    """
    keys = df["measure"].astype(str)
    labels = df["measure_label"].astype(str).str.strip().str.lower()
    if isinstance(topic, dict):
        key = str(topic.get("key") or "").strip()
        if key:
            exact = keys.str.lower() == key.lower()
            if exact.any():
                return exact
        by_title = None
        if topic.get("title"):
            by_title = labels == str(topic["title"]).strip().lower()
            group = topic.get("group")
            if group is not None and "measure_group" in df.columns:
                groups = df["measure_group"].fillna("").astype(str).str.strip().str.lower()
                want = str(group).strip().lower()
                # The spec may name the whole group path or only the innermost group.
                by_title &= (groups == "") | (groups == want) | (groups.str.endswith(" | " + want) if want else False)
        by_key = keys.map(_base_key) == _base_key(key) if key else None
        if by_title is not None and by_key is not None:
            both = by_title & by_key
            return both if both.any() else by_title
        if by_title is not None:
            return by_title
        return by_key if by_key is not None else pd.Series(False, index=df.index)
    m = str(topic).strip().lower()
    exact = keys.str.lower() == m
    if exact.any():
        return exact
    return (keys.map(_base_key) == _base_key(m)) | labels.str.startswith(m)


def lookup(df: pd.DataFrame, measure: str | dict, period: str | None, where: dict[str, str] | None = None) -> pd.Series:
    """Find one cell by topic (see :func:`topic_mask`), period code (empty for a table without
    time dimension) and dimensions by label or code (``{"Geslacht": "Vrouwen"}``).

    Dimensions not named are taken at their total ("Totaal…") when the table has several values.
    Raises ``LookupError`` when no single cell matches.
    """
    where = where or {}
    sel = df[topic_mask(df, measure)]
    sel = sel[sel["period"].fillna("").astype(str) == ("" if period is None else str(period))]
    for dim, label in where.items():
        if dim not in sel.columns:
            raise LookupError(f"dimension '{dim}' not in table {df['table_id'].iloc[0] if len(df) else '?'}")
        lab = str(label).strip().lower()
        sel = sel[(sel[dim + "_label"].str.lower() == lab) | (sel[dim].str.strip().str.lower() == lab)]
    for dim in dimension_columns(df):
        if dim in where or sel[dim].nunique() <= 1:
            continue
        total = sel[sel[dim + "_label"].str.lower().str.startswith(("totaal", "total"))]
        if not total.empty:
            sel = total
    if len(sel) != 1:
        raise LookupError(f"{len(sel)} cells match measure={measure!r} period={period!r} where={where}")
    return sel.iloc[0]
