"""OData v4 (``datasets.cbs.nl/odata/v1``): one observation per row.

``Observations`` rows hold ``Measure``, ``Value``, ``ValueAttribute`` and the dimension codes;
``MeasureCodes`` names the topics (with ``Unit`` and, in larger tables, a ``MeasureGroupId``
into ``MeasureGroups``), ``Dimensions`` and ``<Dim>Codes`` the dimensions. Pages are linked by
``@odata.nextLink``.
"""

from __future__ import annotations

import pandas as pd

from .odata_v3 import JsonGetter, RecordRef, pages, table_title
from .tidy import GROUP_SEP, CBSDataError, Dimension, TidyBuilder, Topic, normalise_table_id

V4_BASE = "https://datasets.cbs.nl/odata/v1/CBS/{table}/{entity}"


def _group_paths(get_json: JsonGetter, url: str) -> dict[str, str]:
    try:
        groups = {str(g.get("Id")): g for _, _, g in pages(get_json, url, "@odata.nextLink")}
    except CBSDataError:
        return {}
    out = {}
    for gid, g in groups.items():
        chain, cur, seen = [], g, set()
        while cur is not None and str(cur.get("Id")) not in seen:
            seen.add(str(cur.get("Id")))
            chain.append(str(cur.get("Title", "")).strip())
            parent = cur.get("ParentId")
            cur = groups.get(str(parent)) if parent is not None else None
        out[gid] = GROUP_SEP.join(reversed([c for c in chain if c]))
    return out


def read_odata_v4(table_id: str, get_json: JsonGetter, base: str = V4_BASE) -> pd.DataFrame:
    """Read a table from the OData v4 API (or a :class:`DirectorySource`) into the tidy shape.

    Absent observations are missing cells; ``ValueAttribute`` other than ``None`` becomes the symbol.
    """
    table_id = normalise_table_id(table_id)

    def url(entity: str) -> str:
        return base.format(table=table_id, entity=entity)

    mcodes = list(pages(get_json, url("MeasureCodes"), "@odata.nextLink"))
    groups = _group_paths(get_json, url("MeasureGroups")) if any(r.get("MeasureGroupId") for _, _, r in mcodes) else {}
    measures = {}
    for _, _, rec in mcodes:
        ident = str(rec.get("Identifier", "")).strip()
        kind = "text" if str(rec.get("DataType", "")).lower() in ("string", "text") else "number"
        measures[ident] = Topic(ident, str(rec.get("Title", ident)).strip(), str(rec.get("Unit") or "").strip(),
                                groups.get(str(rec.get("MeasureGroupId")), ""), kind)
    dims: list[Dimension] = []
    for _, _, rec in pages(get_json, url("Dimensions"), "@odata.nextLink"):
        ident = str(rec.get("Identifier", "")).strip()
        codes = {}
        for _, _, c in pages(get_json, url(f"{ident}Codes"), "@odata.nextLink"):
            codes[str(c.get("Identifier", "")).strip()] = {"Title": c.get("Title", ""), "Status": c.get("Status", "")}
        dims.append(Dimension(ident, str(rec.get("Title", ident)), str(rec.get("Kind", "")) == "TimeDimension", codes))
    builder = TidyBuilder(table_id, url("Observations"), dims)
    page = None
    for u, i, rec in pages(get_json, url("Observations"), "@odata.nextLink"):
        where = RecordRef(u, i)
        if u is not page:
            page, builder.source = u, u.split("?", 1)[0]
        dv = builder.dim_values(rec, where)
        m = rec.get("Measure")
        topic = measures.get(m) or measures.get(str(m).strip())
        if topic is None:
            raise CBSDataError(builder.source, where, f"onbekende Measure {m!r} (niet in MeasureCodes)")
        builder.key_check((topic.key, *dv.values()), where)
        attr = rec.get("ValueAttribute")
        value = rec.get("StringValue") if topic.kind == "text" else rec.get("Value")
        builder.add(dv, topic, value, where, value_attribute="" if attr in (None, "None") else str(attr))
    df = builder.frame()
    df.attrs["selection"] = False
    df.attrs["title"] = table_title(get_json, url("Properties"))
    return df
