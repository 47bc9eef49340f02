"""OData v3 (``opendata.cbs.nl/ODataFeed``): one row per dimension combination, one column per topic.

``DataProperties`` says which column is a dimension, the time dimension, a topic or a topic
group (``ParentID`` links a topic to its group); one entity set per dimension holds its codes
(``Key``/``Title``, periods with ``Status``). Pages are linked by ``odata.nextLink``.
:func:`tidy_from_v3` is shared with the readers of the same entity sets saved as CSV
(:mod:`.entity_csv`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .textio import decode
from .tidy import (
    TEXT_DATATYPES,
    CBSDataError,
    Dimension,
    NetworkUnavailable,
    TidyBuilder,
    Topic,
    is_number_or_symbol,
    normalise_table_id,
    topic_groups,
)

V3_FEED = "https://opendata.cbs.nl/ODataFeed/odata/{table}/{entity}?$format=json"
DIMENSION_TYPES = ("Dimension", "TimeDimension", "GeoDimension", "GeoDetail")

JsonGetter = Callable[[str], Any]


def pages(get_json: JsonGetter, url: str, next_key: str) -> Iterable[tuple[str, int, dict]]:
    """Yield ``(page_url, index_in_page, record)`` over all pages, following the next link."""
    seen = set()
    while url:
        if url in seen:
            raise CBSDataError(url, None, "de volgende-paginalink verwijst terug (lus)")
        seen.add(url)
        doc = get_json(url)
        if isinstance(doc, list):
            # The cache of the Python package cbsodata (get_data(..., dir=...)): the records of
            # each entity set as a bare JSON list, all pages already joined.
            doc = {"value": doc}
        if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
            raise CBSDataError(url, None, "geen OData-antwoord: het veld 'value' (een lijst) ontbreekt")
        for i, rec in enumerate(doc["value"]):
            yield url, i, rec
        url = doc.get(next_key) or ""


class DirectorySource:
    """OData responses saved as files: ``<entity>.json`` and, for later pages, ``<entity>_skip<N>.json``.

    The next link's ``$skip`` (or ``skip``) parameter picks the file of the next page; this is how
    a paged response is kept on disk.
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    @staticmethod
    def name_for(url: str) -> str:
        """The file name a response is kept under: ``<entity>.json`` or ``<entity>_skip<N>.json``."""
        entity = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        m = re.search(r"[$]?skip=(\d+)", url)
        return f"{entity}_skip{m.group(1)}.json" if m else f"{entity}.json"

    def path_for(self, url: str) -> Path:
        return self.folder / self.name_for(url)

    def __call__(self, url: str) -> Any:
        path = self.path_for(url)
        if not path.is_file():
            raise CBSDataError(path, None, "bestand ontbreekt")
        return load_json(path)


def load_json(path: Path) -> Any:
    text = decode(path, path.read_bytes())
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


class RecordRef:
    """Where a JSON record is ("record 3 van TypedDataSet"); formatted only when an error needs it."""

    __slots__ = ("url", "index")

    def __init__(self, url: str, index: int):
        self.url, self.index = url, index

    def __str__(self) -> str:
        name = str(self.url).split("?", 1)[0].rsplit("/", 1)[-1]
        return f"record {self.index + 1} van {name}"


def structure_from_properties(props: list[dict], codes_for: Callable[[str], dict[str, dict]],
                              source: str) -> tuple[list[Dimension], list[Topic]]:
    """Dimensions (with their code lists) and topics (with groups, units, text or number) from DataProperties."""
    groups = topic_groups(props)
    dims: list[Dimension] = []
    topics: list[Topic] = []
    for p in props:
        kind = str(p.get("Type", ""))
        key = str(p.get("Key", "") or "").strip()
        if kind in DIMENSION_TYPES:
            dims.append(Dimension(key, str(p.get("Title", key)), kind == "TimeDimension", codes_for(key)))
        elif kind == "Topic":
            unit = p.get("Unit")
            unit = "" if unit is None or (isinstance(unit, float) and unit != unit) else str(unit).strip()
            dtype = str(p.get("Datatype") or "").strip().lower()
            topics.append(Topic(key, str(p.get("Title", key)).strip(), unit, groups.get(key, ""),
                                "text" if dtype in TEXT_DATATYPES else "number"))
    if not topics:
        raise CBSDataError(source, None, "geen onderwerpen (Topic) in DataProperties")
    return dims, topics


def infer_structure(columns: list[str], records: list[dict]) -> tuple[list[Dimension], list[Topic]]:
    """Without DataProperties: ``ID`` is the row number, ``<Name>_<n>`` are topics, ``Perioden``/``Periods``
    is the time dimension, the rest are dimensions. A topic whose cells are all text is a text topic."""
    dims, topics = [], []
    for c in columns:
        if c == "ID":
            continue
        if c in ("Perioden", "Periods"):
            dims.append(Dimension(c, c, True, {}))
        elif re.search(r"_\d+$", c):
            cells = [r.get(c) for r in records if r.get(c) not in (None, "")]
            text = bool(cells) and not any(isinstance(v, (int, float)) or is_number_or_symbol(v) for v in cells)
            topics.append(Topic(c, c, "", "", "text" if text else "number"))
        else:
            dims.append(Dimension(c, c, False, {}))
    return dims, topics


def tidy_from_records(table_id: str, source: str, dims: list[Dimension], topics: list[Topic],
                      records: Iterable[tuple[str, Any, dict]]) -> pd.DataFrame:
    """Build the tidy frame from v3-style records ``(source, where, record)``."""
    builder = TidyBuilder(table_id, source, dims)
    ids: list[int] = []
    for src, where, rec in records:
        builder.source = src
        dv = builder.dim_values(rec, where)
        builder.key_check(tuple(dv[d.key] for d in dims), where)
        try:
            cells = [(t, rec[t.key]) for t in topics]
        except KeyError as exc:
            raise CBSDataError(builder.source, where, f"onderwerp {exc.args[0]!r} ontbreekt in het record") from None
        builder.add_record(dv, cells, where)
        rid = rec.get("ID")
        if isinstance(rid, (int, float)) or (isinstance(rid, str) and rid.strip().isdigit()):
            ids.append(int(float(rid)))
    df = builder.frame()
    df.attrs["selection"] = is_selection(ids)
    return df


def is_selection(ids: list[int]) -> bool:
    """A full CBS table numbers its rows 0, 1, 2, …; gaps or a later start mean a filtered selection."""
    if not ids:
        return False
    return sorted(ids) != list(range(len(ids)))


def read_odata_v3(table_id: str, get_json: JsonGetter, typed: bool = True, base: str = V3_FEED) -> pd.DataFrame:
    """Read a table from the OData v3 feed (or a :class:`DirectorySource`) into the tidy shape."""
    table_id = normalise_table_id(table_id)

    def url(entity: str) -> str:
        return base.format(table=table_id, entity=entity)

    props = [rec for _, _, rec in pages(get_json, url("DataProperties"), "odata.nextLink")]

    def codes_for(key: str) -> dict[str, dict]:
        codes = {}
        for u, i, rec in pages(get_json, url(key), "odata.nextLink"):
            code = str(rec.get("Key", "")).strip()
            if not code:
                raise CBSDataError(u, RecordRef(u, i), f"code zonder Key in dimensie {key!r}")
            codes[code] = rec
        return codes

    dims, topics = structure_from_properties(props, codes_for, url("DataProperties"))
    data_url = url("TypedDataSet" if typed else "UntypedDataSet")
    records = ((u.split("?", 1)[0], RecordRef(u, i), rec) for u, i, rec in pages(get_json, data_url, "odata.nextLink"))
    df = tidy_from_records(table_id, data_url, dims, topics, records)
    df.attrs["title"] = table_title(get_json, url("TableInfos"))
    return df


def table_title(get_json: JsonGetter, url: str) -> str:
    """The table's title from ``TableInfos`` (v3) or ``Properties`` (v4); empty when that answer is absent."""
    try:
        doc = get_json(url)
    except CBSDataError:
        return ""
    if isinstance(doc, dict) and isinstance(doc.get("value"), list):
        doc = doc["value"]
    if isinstance(doc, list):
        doc = doc[0] if doc else {}
    title = doc.get("Title") if isinstance(doc, dict) else None
    return str(title).strip() if title else ""


_TABLE_IN_META = re.compile(r"/odata/([0-9A-Za-z_]+)/", re.IGNORECASE)


def read_v3_dataset_json(path: str | Path, table_id: str | None = None) -> pd.DataFrame:
    """One saved ``TypedDataSet``/``UntypedDataSet`` JSON answer, with ``DataProperties.json`` (and
    the dimension files) beside it when they are there; without them the columns decide (see
    :func:`infer_structure`) and a note says what is lost."""
    path = Path(path)
    doc = load_json(path)
    if isinstance(doc, list):          # the cache of the Python package cbsodata: the records only
        doc = {"value": doc}
    if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
        raise CBSDataError(path, None, "geen OData-antwoord: het veld 'value' (een lijst) ontbreekt")
    if not table_id:
        m = _TABLE_IN_META.search(str(doc.get("odata.metadata", "")))
        infos = path.parent / "TableInfos.json"
        if m:
            table_id = m.group(1)
        elif infos.is_file():
            table_id = next((str(r.get("Identifier") or "") for _, _, r in pages(DirectorySource(path.parent),
                                                                                 "TableInfos", "odata.nextLink")), "")
        if not table_id:
            raise CBSDataError(path, None, "tabelnummer onbekend: het staat niet in odata.metadata; geef --table")
    tid = normalise_table_id(table_id, path)
    page_docs = _saved_pages(path, doc)
    records = [rec for _, page in page_docs for rec in page["value"]]
    props_file = path.parent / "DataProperties.json"
    notes = []
    if props_file.is_file():
        src = DirectorySource(path.parent)
        props = [r for _, _, r in pages(src, "DataProperties", "odata.nextLink")]
        dims, topics = structure_from_properties(
            props, lambda k: {str(r.get("Key", "")).strip(): r for _, _, r in pages(src, k, "odata.nextLink")},
            str(props_file))
    else:
        columns = list(records[0].keys()) if records else []
        dims, topics = infer_structure(columns, records)
        notes.append(metadata_missing_note(path.name, "DataProperties.json"))
    df = tidy_from_records(tid, str(path), dims, topics,
                           ((str(p), RecordRef(str(p), i), rec) for p, page in page_docs
                            for i, rec in enumerate(page["value"])))
    df.attrs["notes"] = notes + df.attrs.get("notes", [])
    df.attrs["title"] = table_title(DirectorySource(path.parent), "TableInfos")
    return df


def _saved_pages(path: Path, doc: dict) -> list[tuple[Path, dict]]:
    """The first page and, when it has an ``odata.nextLink``, the later pages saved beside it.

    A later page is kept as ``<entity>_skip<N>.json`` (the name :class:`DirectorySource` reads);
    a missing page is an error that names the file, so a table is never imported half.
    """
    out = [(path, doc)]
    source = DirectorySource(path.parent)
    seen = {str(path.resolve())}
    url = doc.get("odata.nextLink")
    while url:
        nxt = source.path_for(str(url))
        if str(nxt.resolve()) in seen:
            raise CBSDataError(nxt, None, "de volgende-paginalink verwijst terug (lus)")
        seen.add(str(nxt.resolve()))
        if not nxt.is_file():
            raise CBSDataError(out[-1][0], None, f"dit is één pagina van een groter antwoord (odata.nextLink "
                                                 f"{url}); de volgende pagina ontbreekt: bewaar haar als "
                                                 f"{nxt.name} in dezelfde map")
        page = load_json(nxt)
        if not isinstance(page, dict) or not isinstance(page.get("value"), list):
            raise CBSDataError(nxt, None, "geen OData-antwoord: het veld 'value' (een lijst) ontbreekt")
        out.append((nxt, page))
        url = page.get("odata.nextLink")
    return out


def metadata_missing_note(name: str, wanted: str) -> str:
    return (f"{name}: geen {wanted} gevonden. Zonder metadata blijven codes codes (geen labels), "
            "ontbreken eenheden, onderwerpgroepen en de status van perioden (voorlopig/definitief), "
            "en heten onderwerpen naar hun kolomnaam.")
