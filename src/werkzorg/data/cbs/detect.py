"""Which reader a file or folder needs, decided by its form (not by its name alone)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pandas as pd

from .dataset_csv import read_statline_csv
from .entity_csv import is_entity_folder, read_entity_csv_folder
from .flat_csv import looks_like_flat_csv, read_flat_csv
from .odata_v3 import DirectorySource, read_odata_v3, read_v3_dataset_json
from .odata_v4 import read_odata_v4
from .tidy import CBSDataError, normalise_table_id
from .website_csv import looks_like_website_csv, read_website_csv

FORMATS = {
    "dataset-csv": "ruwe dataset-CSV van StatLine (<ID>_TypedDataSet_….csv, met of zonder <ID>_metadata.csv)",
    "website-csv": "CSV van de StatLine-website (titelregel, kopblok, voetregel 'Bron: CBS')",
    "flat-csv": "CSV van de StatLine-website met één kopregel (\"CSV met/zonder statistische symbolen\": "
                "Perioden;Regio's;groep/onderwerp (eenheid))",
    "entity-csv": "map met CSV's per entiteit (cbsodataR: data.csv + DataProperties.csv; of TypedDataSet.csv)",
    "odata-v3": "map met OData v3-antwoorden (DataProperties.json, TypedDataSet.json, …)",
    "odata-v3-json": "één OData v3-antwoord TypedDataSet.json (of een map met dat antwoord en zijn volgende "
                     "pagina's, TypedDataSet_skip<N>.json)",
    "odata-v4": "map met OData v4-antwoorden (Observations.json, MeasureCodes.json, …)",
}


def _dataset_json_in(folder: Path) -> Path | None:
    """The first page of a saved data set answer in a folder without DataProperties.json."""
    for name in ("TypedDataSet.json", "UntypedDataSet.json"):
        if (folder / name).is_file():
            return folder / name
    return None


_DECLARED = re.compile(r'"(?:odata\.metadata|@odata\.context)"\s*:\s*"[^"]*\$metadata(?:#(?:Cbs\.OData\.WebAPI\.)?([A-Za-z0-9_]+))?')
_ENTITY_FILES = ("Observations.json", "DataProperties.json", "TypedDataSet.json", "UntypedDataSet.json")


def _declared_entity(path: Path) -> str | None:
    """The entity set a saved OData answer names in ``odata.metadata`` (v3) or ``@odata.context`` (v4):
    ``…/$metadata#Cbs.OData.WebAPI.DataProperties`` → ``DataProperties``; the service document → ``index``."""
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    m = _DECLARED.search(text)
    if not m:
        return None
    return m.group(1) or "index"


def entity_named_folder(folder: Path, workdir: Path) -> Path | None:
    """Saved answers named otherwise (``meta_1.json`` … as test suites and scripts keep them): a copy
    of the folder in ``workdir`` with every answer under the name of the entity set it declares,
    or None when the folder needs no renaming. Two answers for one entity set are refused (a later
    page must be named ``<entity>_skip<N>.json``)."""
    if any((folder / n).is_file() for n in _ENTITY_FILES):
        return None
    seen: dict[str, Path] = {}
    for p in sorted(folder.glob("*.json")):
        entity = _declared_entity(p)
        if entity is None:
            continue
        if entity in seen:
            raise CBSDataError(folder, None, f"{seen[entity].name} en {p.name} zijn allebei een antwoord voor "
                                             f"{entity}; is een ervan een volgende pagina? Bewaar die dan als "
                                             f"{entity}_skip<N>.json (N = de $skip uit odata.nextLink)")
        seen[entity] = p
    if not any(e + ".json" in _ENTITY_FILES for e in seen):
        return None
    import shutil

    target = workdir / folder.name
    target.mkdir(parents=True)
    for entity, p in seen.items():
        shutil.copyfile(p, target / f"{entity}.json")
    return target


def detect_format(path: str | Path) -> str:
    path = Path(path)
    if path.is_dir():
        if (path / "Observations.json").exists():
            return "odata-v4"
        if (path / "DataProperties.json").exists():
            return "odata-v3"
        if is_entity_folder(path):
            return "entity-csv"
        if _dataset_json_in(path) is not None:
            return "odata-v3-json"
        raise CBSDataError(path, None, "map zonder herkenbare CBS-bestanden; verwacht een van: "
                                       + "; ".join(FORMATS.values()))
    if path.suffix.lower() == ".json":
        return "odata-v3-json"
    raw = path.read_bytes()[:65536]
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    if text and looks_like_website_csv(text):
        return "website-csv"
    if text and looks_like_flat_csv(text):
        return "flat-csv"
    return "dataset-csv"


def _table_id_of_folder(path: Path) -> str:
    """The table id of a folder of saved answers: from its name (``v3_80590NED``, ``84410NED``) or
    else from the ``Identifier`` in TableInfos.json (v3) or Properties.json (v4)."""
    for part in reversed(path.name.split("_")):
        try:
            return normalise_table_id(part, path)
        except CBSDataError:
            continue
    src = DirectorySource(path)
    for entity in ("TableInfos", "Properties"):
        if src.path_for(entity).is_file():
            doc = src(entity)
            if isinstance(doc, dict) and isinstance(doc.get("value"), list):
                doc = doc["value"][0] if doc["value"] else {}
            elif isinstance(doc, list):
                doc = doc[0] if doc else {}
            ident = str(doc.get("Identifier") or "") if isinstance(doc, dict) else ""
            if ident:
                return normalise_table_id(ident, src.path_for(entity))
    raise CBSDataError(path, None, "tabelnummer onbekend: noem de map <iets>_<tabelnummer> "
                                   "(zoals v3_80590NED) of geef --table")


def read_file(path: str | Path, table_id: str | None = None, metadata: str | Path | None = None,
              **kwargs) -> pd.DataFrame:
    """Read any supported download by its form into the tidy shape.

    ``df.attrs`` tells what the import could not keep: ``notes`` (Dutch sentences, e.g. what is
    lost without metadata), ``selection`` (the file is a filtered part of the table) and
    ``title`` (the CBS title, when the file gives it).
    """
    path = Path(path)
    if path.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            renamed = entity_named_folder(path, Path(tmp))
            if renamed is not None:
                df = read_file(renamed, table_id=table_id, metadata=metadata, **kwargs)
                df.attrs.setdefault("notes", []).append(
                    f"{path.name}: de antwoorden zijn gelezen naar de entiteit die elk bestand noemt "
                    "(odata.metadata / @odata.context), niet naar de bestandsnaam.")
                return df
    fmt = detect_format(path)
    if fmt in ("odata-v3", "odata-v4") and not table_id:
        table_id = _table_id_of_folder(path)
    if fmt == "odata-v4":
        return read_odata_v4(table_id, DirectorySource(path), base="{entity}")
    if fmt == "odata-v3":
        tid = table_id
        typed = not (path / "UntypedDataSet.json").exists()
        return read_odata_v3(tid, DirectorySource(path), typed=typed, base="{entity}")
    if fmt == "entity-csv":
        return read_entity_csv_folder(path, table_id=table_id)
    if fmt == "odata-v3-json":
        return read_v3_dataset_json(_dataset_json_in(path) if path.is_dir() else path, table_id=table_id)
    if fmt == "website-csv":
        return read_website_csv(path, table_id=table_id)
    if fmt == "flat-csv":
        return read_flat_csv(path, table_id=table_id)
    return read_statline_csv(path, metadata=metadata, table_id=table_id, **kwargs)
