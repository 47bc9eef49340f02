"""One way to select a CBS series, for every chart, figure, notebook and audit entry.

A series is named here once, by what CBS publishes: the table, the topic (its ``Key`` —
compared without the running number CBS changes between editions —, its ``Title`` and the
``Title`` of the topic group above it) and, where the series is one slice of the table, the
labels of its dimensions. :func:`rows` and :func:`select` find those cells in whatever
``data/cbs`` holds: the shipped extract or a full table imported from CBS
(``.venv/bin/python -m werkzorg data import``), which carry the same identity.

Nothing here names an extract's own invention: where the project has CBS's metadata of the
table (``tests/fixtures/cbs/real``), key, title and group are copied from its DataProperties
(``from_metadata=True``); where it has not, they are the key and title published on the pages
the extract was read from, and a full table that names the topic differently is refused by the
import (``werkzorg.data.import_guard``) rather than silently losing the series.

The audit names a series with ``series: <name>`` (data/audit.md); charts and figures call
:func:`select`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import cbs


@dataclass(frozen=True)
class Series:
    name: str
    table: str
    topic: dict
    where: dict = field(default_factory=dict)
    #: True when key, title and group were copied from the table's real DataProperties.
    from_metadata: bool = False

    def topic_spec(self) -> dict:
        return dict(self.topic)


def _s(name, table, key, title, group=None, where=None, from_metadata=False) -> Series:
    topic = {"key": key, "title": title}
    if group is not None:
        topic["group"] = group
    return Series(name, table, topic, dict(where or {}), from_metadata)


_ALL = [
    # 80590NED: DataProperties of the real cbsodataR download (tests/fixtures/cbs/real/80590ned_cbsodataR),
    # lines 37-41: topic group "Netto arbeidsparticipatie", topics NietSeizoengecorrigeerd_13 / Seizoengecorrigeerd_14.
    _s("nettoarbeidsparticipatie", "80590NED", "NietSeizoengecorrigeerd_13", "Niet-seizoengecorrigeerd",
       "Netto arbeidsparticipatie", from_metadata=True),
    _s("nettoarbeidsparticipatie-seizoengecorrigeerd", "80590NED", "Seizoengecorrigeerd_14", "Seizoengecorrigeerd",
       "Netto arbeidsparticipatie", from_metadata=True),
    # 85264NED: real metadata (tests/fixtures/cbs/real/85264NED_metadata.csv, line 244), no topic group.
    _s("nettoarbeidsparticipatie-kerncijfers", "85264NED", "NettoArbeidsparticipatie_24", "Netto arbeidsparticipatie",
       "", from_metadata=True),
    # 82647NED: hours classes (x 1 000), titles as StatLine shows them.
    _s("deeltijd-minder-dan-20-uur", "82647NED", "DeeltijdMinderDan20UurPerWeek", "Deeltijd: minder dan 20 uur per week"),
    _s("deeltijd-20-tot-28-uur", "82647NED", "Deeltijd20Tot28UurPerWeek", "Deeltijd: 20 tot 28 uur per week"),
    _s("deeltijd-28-tot-35-uur", "82647NED", "Deeltijd28Tot35UurPerWeek", "Deeltijd: 28 tot 35 uur per week"),
    _s("voltijd", "82647NED", "Voltijd", "Voltijd"),
    # 84070NED: published shares and counts.
    _s("aandeel-boven-inkomensgrens", "84070NED", "AandeelBovenInkomensgrens", "Aandeel personen boven de inkomensgrens"),
    _s("personen-excl-scholieren-en-studenten", "84070NED", "PersonenExclScholierenEnStudenten",
       "Personen excl. scholieren en studenten"),
    # 82809NED, 82016NED.
    _s("werkloosheid-migratieachtergrond", "82809NED", "Werkloosheidspercentage", "Werkloosheidspercentage"),
    _s("bijstand-tot-aow", "82016NED", "BijstandTotAOW", "Personen met bijstand tot de AOW-leeftijd"),
    # Publications that are no StatLine table (kind: extern in the manifest): titles as published.
    _s("em-nettoarbeidsparticipatie", "emancipatiemonitor", "NettoArbeidsparticipatie", "Netto arbeidsparticipatie"),
    _s("em-arbeidsdeelname-eurostat", "emancipatiemonitor", "ArbeidsdeelnameEurostat", "Arbeidsdeelname (Eurostat)"),
    _s("em-aandeel-deeltijd", "emancipatiemonitor", "AandeelDeeltijd", "Aandeel deeltijd"),
    _s("em-deeltijd", "emancipatiemonitor", "Deeltijd", "Deeltijd"),
    _s("em-werkzame-beroepsbevolking", "emancipatiemonitor", "WerkzameBeroepsbevolking", "Werkzame beroepsbevolking"),
    _s("werkloosheid-herkomst", "herkomst2022", "Werkloosheidspercentage", "Werkloosheidspercentage"),
    _s("ez-oude-definitie", "ez-oud", "EconomischZelfstandigOudeDefinitie", "Economisch zelfstandig, oude definitie"),
    _s("drempel-economische-zelfstandigheid", "normen", "DrempelEZ", "Drempel economische zelfstandigheid (CBS)"),
    _s("drempel-financiele-onafhankelijkheid", "normen", "DrempelFO", "Drempel financiële onafhankelijkheid (CBS)"),
    _s("bijstandsnorm-netto-excl-vakantietoeslag", "normen", "BijstandsnormNettoExclVakantietoeslag",
       "Bijstandsnorm netto excl. vakantietoeslag"),
]

#: Every series by name.
SERIES: dict[str, Series] = {s.name: s for s in _ALL}


def get(name: str) -> Series:
    if name not in SERIES:
        raise KeyError(f"onbekende reeks {name!r}; bekend: {', '.join(SERIES)}")
    return SERIES[name]


def tables() -> list[str]:
    """The tables any series reads (the tables the book uses)."""
    return list(dict.fromkeys(s.table for s in _ALL))


def _label_mask(df: pd.DataFrame, dim: str, wanted) -> pd.Series:
    """Rows whose dimension ``dim`` has one of the labels (or codes) in ``wanted``; case-insensitive.

    ``Totaal`` also matches CBS's longer total labels (``Totaal mannen en vrouwen``): editions of a
    table differ in how they spell the total, never in what it is.
    """
    if dim not in df.columns:
        raise LookupError(f"dimensie {dim!r} staat niet in tabel {df['table_id'].iloc[0] if len(df) else '?'}")
    values = [wanted] if isinstance(wanted, str) else list(wanted)
    labels = df[dim + "_label"].astype(str).str.strip().str.lower()
    codes = df[dim].astype(str).str.strip().str.lower()
    mask = pd.Series(False, index=df.index)
    for v in values:
        v = str(v).strip().lower()
        mask |= (labels == v) | (codes == v)
        if v in ("totaal", "total"):
            mask |= labels.str.startswith(v)
    return mask


def rows(df: pd.DataFrame, *names: str, **where) -> pd.Series:
    """Boolean mask of the cells of ``df`` that belong to any of the series ``names``, narrowed by
    dimension labels (``Geslacht=["Vrouwen", "Mannen"]``)."""
    mask = pd.Series(False, index=df.index)
    for name in names:
        s = get(name)
        m = cbs.topic_mask(df, s.topic_spec())
        for dim, label in s.where.items():
            m &= _label_mask(df, dim, label)
        mask |= m
    for dim, label in where.items():
        mask &= _label_mask(df, dim, label)
    return mask


def select(*names: str, df: pd.DataFrame | None = None, **where) -> pd.DataFrame:
    """The cells of the series ``names`` (all in one table) from ``data/cbs`` (or ``df``)."""
    tabs = {get(n).table for n in names}
    if len(tabs) != 1:
        raise ValueError(f"reeksen uit meer dan één tabel: {sorted(tabs)}")
    df = cbs.load_snapshot(tabs.pop()) if df is None else df
    return df[rows(df, *names, **where)]


def resolve_spec(spec: dict) -> dict:
    """An audit value spec with ``series: name`` (or a share part with ``series: [names]``) expanded
    to the table, topic(s) and dimension labels the evaluator reads."""
    if not isinstance(spec, dict):
        return spec
    out = dict(spec)
    if "of" in out:
        out["of"] = resolve_spec(out["of"])
    for part in ("numerator", "denominator"):
        if part in out and "series" in out[part]:
            names = out[part]["series"]
            names = [names] if isinstance(names, str) else list(names)
            ss = [get(n) for n in names]
            p = dict(out[part])
            p.pop("series")
            p["topics"] = [s.topic_spec() for s in ss]
            p["measures"] = [s.topic["title"] for s in ss]
            out.setdefault("table", ss[0].table)
            out[part] = p
    if "series" in out and isinstance(out["series"], str):
        s = get(out.pop("series"))
        out.setdefault("table", s.table)
        out["topic"] = s.topic_spec()
        out["where"] = {**s.where, **(out.get("where") or {})}
    return out
