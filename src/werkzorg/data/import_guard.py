"""Imports that cannot wreck the book: checks before a table the book uses is replaced, and the
previous state kept so that one command (``werkzorg data herstel``) undoes an import.

A table the book uses is one a series of :mod:`werkzorg.data.series` reads (charts, figures and the
audit all select through those series). Replacing it is refused, with a Dutch message naming what
differs, when the new data

- lack a dimension the current snapshot has (the manifest's ``dimensions``),
- lack a topic a series of the book needs (by CBS identity: key without number, title in group),
- carry another title than the manifest records (normalised: case and spaces).

``--vervang-tabel`` replaces it anyway (a deliberate replacement).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import yaml

from ..paths import data_dir
from .cbs.store import Manifest, cbs_dir
from .cbs.tidy import dimension_columns
from .yamlfile import load_yaml


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()


def book_tables() -> set[str]:
    from . import series

    return set(series.tables())


def differences(df: pd.DataFrame, tid: str, entry: dict, title: str | None) -> list[str]:
    """What differs between new data for ``tid`` and what the book expects of it (Dutch, one item each)."""
    from . import series

    out = []
    want_dims = list(entry.get("dimensions") or [])
    have = dimension_columns(df)
    missing = [d for d in want_dims if d not in have]
    if missing:
        out.append(f"dimensies: het boek verwacht {', '.join(want_dims)}; de nieuwe gegevens hebben "
                   f"{', '.join(have) or 'geen'} (ontbreekt: {', '.join(missing)})")
    lost = []
    for s in series.SERIES.values():
        if s.table != tid:
            continue
        try:
            found = series.rows(df, s.name).any()
        except LookupError:
            found = False
        if not found:
            t = s.topic
            lost.append(f"'{t['title']}'" + (f" in de groep '{t['group']}'" if t.get("group") else "")
                        + f" (sleutel {t['key']})")
    if lost:
        out.append("onderwerpen die het boek gebruikt ontbreken: " + "; ".join(lost))
    old_title = entry.get("title")
    if title and old_title and _norm(title) != _norm(old_title):
        out.append(f"titel: het boek verwacht '{old_title}', de nieuwe gegevens heten '{title}'")
    return out


# --------------------------------------------------------------------------- undo

def backup_dir() -> Path:
    return data_dir() / ".herstel"


def keep_previous(tids: str | list[str], folder: Path | None = None) -> Path:
    """Copy the manifest and the current snapshots of ``tids`` (where they exist) to ``data/.herstel/``
    before an import or refresh replaces them. Only the last import is kept."""
    folder = folder or cbs_dir()
    tids = [tids] if isinstance(tids, str) else list(tids)
    man = Manifest.load(folder)
    target = backup_dir()
    tmp = target.with_name(".herstel-nieuw")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    (tmp / ".gitignore").write_text("*\n", encoding="utf-8")
    shutil.copy2(man.path, tmp / "manifest.yaml")
    tables = []
    for tid in tids:
        entry = man.tables.get(tid)
        item = {"table": tid, "file": None, "new_file": (entry or {}).get("file") or f"{tid}.csv"}
        if entry and (folder / entry["file"]).exists():
            shutil.copy2(folder / entry["file"], tmp / entry["file"])
            item["file"] = entry["file"]
        tables.append(item)
    info = {"when": _dt.datetime.now().isoformat(timespec="seconds"), "tables": tables}
    (tmp / "herstel.yaml").write_text(yaml.safe_dump(info, allow_unicode=True), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)
    return target


def _copy_atomic(src: Path, dst: Path) -> None:
    """Byte-for-byte copy through a temporary file and an atomic rename."""
    tmp = dst.with_name("." + dst.name + ".herstel")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def restore(folder: Path | None = None) -> dict:
    """Put back the state before the last import; returns what was restored. Raises FileNotFoundError
    when there is nothing to restore."""
    folder = folder or cbs_dir()
    src = backup_dir()
    info_path = src / "herstel.yaml"
    if not info_path.exists():
        raise FileNotFoundError(str(src))
    info = load_yaml(info_path.read_text(encoding="utf-8"))
    for item in info["tables"]:
        if item.get("file"):
            _copy_atomic(src / item["file"], folder / item["file"])
        else:
            new = folder / item["new_file"]
            if new.exists():
                new.unlink()
    _copy_atomic(src / "manifest.yaml", folder / "manifest.yaml")
    shutil.rmtree(src)
    return info
