"""Series and figures for the statistics notebooks ("Werk en zorg in cijfers").

Every function reads the snapshots through :mod:`werkzorg.data.cbs`, computes shares from counts
where the snapshot holds counts, and draws in the book's one style (:mod:`werkzorg.stats.plot_style`)
with a source line under the chart. Notebooks only call these functions.

Definitions are kept apart on purpose: a series never mixes tables, vintages or
classifications (15–75 headline vs Emancipatiemonitor vs Eurostat; old vs new origin
classification; old vs current definition of economic independence).

Series are selected the way the live charts and the audit select them, through
:mod:`werkzorg.data.series` (CBS topic key without its number, title within its group, dimension
labels), so the same function works on the shipped extract and on a full table refreshed from
CBS (``.venv/bin/python -m werkzorg data import``/``make data``).
"""

from __future__ import annotations

import pandas as pd

from ..data import cbs, series
from . import plot_style as plots

SEXES = ["Vrouwen", "Mannen"]
REVISION_YEAR = 2021
REVISION_LABEL = "EBB vernieuwd (2021);\neerdere jaren herzien"


def topic_rows(df: pd.DataFrame, *names: str, **where) -> pd.Series:
    """Rows of a snapshot that belong to the series ``names`` (:mod:`werkzorg.data.series`): selected by
    what CBS publishes (topic key without its number, title within its group, dimension labels),
    so the same call works on the shipped extract and on a full table imported from CBS."""
    return series.rows(df, *names, **where)


def _manifest() -> dict:
    return cbs.Manifest.load().tables


def retrieved(table_id: str) -> str:
    return str(_manifest()[table_id].get("retrieved", ""))


def source(table_id: str | list[str], period: str, publisher: str = "CBS") -> str:
    ids = [table_id] if isinstance(table_id, str) else table_id
    statline = [t for t in ids if _manifest()[t].get("kind") == "statline"]
    if statline:
        return plots.source_line(statline, period, retrieved(statline[0]), publisher)
    titles = "; ".join(_manifest()[t]["title"] for t in ids)
    return plots.source_line("", period, retrieved(ids[0]), publisher=titles)


def _span(years) -> str:
    years = sorted({int(y) for y in years})
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


# --------------------------------------------------------------------------- arbeidsparticipatie

def participation_headline() -> pd.DataFrame:
    """Netto arbeidsparticipatie 15–75 (80590NED, not seasonally adjusted), 1st quarter of each year, by sex."""
    df = cbs.load_snapshot("80590NED")
    sel = df[topic_rows(df, "nettoarbeidsparticipatie", Leeftijd="15 tot 75 jaar", Geslacht=SEXES)
             & (df["quarter"] == 1) & (df["freq"] == "kwartaal")]
    return sel[["year", "period", "Geslacht_label", "value"]].rename(columns={"Geslacht_label": "groep"}).sort_values(["groep", "year"])


#: The three definitions of paid work the book sets side by side: key -> (label, table, series,
#: label in the matplotlib bar chart). One list for the notebook figures and the live charts.
PARTICIPATION_DEFINITIONS: dict[str, tuple[str, str, str, str]] = {
    "cbs": ("CBS: 15 tot 75 jaar", "80590NED", "nettoarbeidsparticipatie", "CBS, 15 tot 75 jaar\n(1e kwartaal)"),
    "em": ("Emancipatiemonitor: 15 tot 65 jaar, zonder wie onderwijs volgt", "emancipatiemonitor",
           "em-nettoarbeidsparticipatie", "Emancipatiemonitor, 15 tot 65 jaar\nzonder wie onderwijs volgt"),
    "eurostat": ("Eurostat: 20 tot 65 jaar", "emancipatiemonitor", "em-arbeidsdeelname-eurostat",
                 "Eurostat, 20 tot 65 jaar"),
}


def participation_by_definition() -> pd.DataFrame:
    """Every year of the three definitions of paid work (:data:`PARTICIPATION_DEFINITIONS`), by sex:
    the snapshot rows (``period_label``, ``year``, ``Geslacht_label``, ``value``, ...) plus
    ``definitie`` (the key), ``definitie_label`` and ``table``. The CBS series is its first quarter
    of each year (15–75, not seasonally adjusted); the other two are annual figures. Both the
    notebook's bar chart and the live charts are built from this one frame."""
    parts = []
    for key, (label, table, name, _) in PARTICIPATION_DEFINITIONS.items():
        if key == "cbs":
            df = cbs.load_snapshot(table)
            df = df[topic_rows(df, name, Leeftijd="15 tot 75 jaar", Geslacht=SEXES)
                    & (df["quarter"] == 1) & (df["freq"] == "kwartaal")]
        else:
            df = series.select(name, Geslacht=SEXES)
        parts.append(df.assign(definitie=key, definitie_label=label, table=table))
    return pd.concat(parts, ignore_index=True)


def participation_definitions(year: int = 2021) -> pd.DataFrame:
    """One year, three definitions side by side: rows (definition, groep, value, table), the
    definition as the bar chart labels it."""
    d = participation_by_definition()
    d = d[(d["year"] == year) & d["value"].notna()]
    chart_label = {k: v[3] for k, v in PARTICIPATION_DEFINITIONS.items()}
    out = pd.DataFrame({"definitie": d["definitie"].map(chart_label), "groep": d["Geslacht_label"],
                        "value": d["value"].astype(float), "table": d["table"]})
    order = {label: i for i, label in enumerate(chart_label.values())}
    return out.sort_values(["definitie", "groep"], key=lambda s: s.map(order) if s.name == "definitie"
                           else s.map({g: i for i, g in enumerate(SEXES)})).reset_index(drop=True)


def fig_participation(groups: list[str] | None = None):
    """Line chart 2005–2024 (15–75), with the 2021 survey revision marked and the other definitions as points."""
    d = participation_headline()
    groups = groups or SEXES
    d = d[d["groep"].isin(groups)]
    fig, ax = plots.figure("Betaald werk naar geslacht, 15 tot 75 jaar", ylabel="% van de bevolking met betaald werk")
    plots.lines(ax, d, x="year", y="value", group="groep", order=groups)
    em = cbs.load_snapshot("emancipatiemonitor")
    em = em[topic_rows(em, "em-nettoarbeidsparticipatie", Geslacht=groups)]
    for i, sex in enumerate(groups):
        e = em[em["Geslacht_label"] == sex].sort_values("year")
        ax.scatter(e["year"].astype(int), e["value"], marker="D", s=28, color=plots.colour_for(sex, i),
                   label=f"{sex}, Emancipatiemonitor (15–65)", zorder=3, edgecolor="white")
    ax.legend(loc="upper left", ncol=2, fontsize=plots.FONT_SIZE - 3)
    plots.percent_axis(ax, lower=50, upper=100)
    plots.year_axis(ax)
    plots.mark_break(ax, REVISION_YEAR, REVISION_LABEL)
    return plots.finish(fig, [source("80590NED", f"1e kwartaal {_span(d['year'])}"),
                              source("emancipatiemonitor", _span(em["year"]), publisher="CBS en SCP")],
                        note="Lijnen: alle mensen van 15 tot 75 jaar. Ruitjes: Emancipatiemonitor (15 tot 65 jaar, zonder wie onderwijs volgt).")


def fig_participation_definitions(year: int = 2021):
    d = participation_definitions(year)
    cats = list(dict.fromkeys(d["definitie"]))
    series = {sex: [float(d[(d["definitie"] == c) & (d["groep"] == sex)]["value"].iloc[0]) if not d[(d["definitie"] == c) & (d["groep"] == sex)].empty else float("nan") for c in cats]
              for sex in SEXES}
    fig, ax = plots.figure(f"Eén jaar ({year}), drie definities van betaald werk", ylabel="% met betaald werk",
                           figsize=(7.5, 4.2))
    plots.bars(ax, cats, series, decimals=1, value_format=lambda v: plots.percent_nl(v, 1))
    plots.percent_axis(ax, lower=0, upper=100)
    ax.tick_params(axis="x", labelsize=plots.FONT_SIZE - 2)
    return plots.finish(fig, [source("80590NED", f"1e kwartaal {year}"),
                              source("emancipatiemonitor", str(year), publisher="CBS en SCP; Eurostat")])


# --------------------------------------------------------------------------- deeltijd

PARTTIME_CLASSES = ["Deeltijd: minder dan 20 uur per week", "Deeltijd: 20 tot 28 uur per week",
                    "Deeltijd: 28 tot 35 uur per week"]
FULLTIME = "Voltijd"
#: The same classes as series (:mod:`werkzorg.data.series`), in the order of PARTTIME_CLASSES + [FULLTIME].
HOURS_SERIES = ["deeltijd-minder-dan-20-uur", "deeltijd-20-tot-28-uur", "deeltijd-28-tot-35-uur", "voltijd"]


def parttime_counts(freq: str = "jaar") -> pd.DataFrame:
    """Working population by hours class (×1000), by sex (82647NED), wide: one column per class."""
    df = cbs.load_snapshot("82647NED")
    df = df[topic_rows(df, *HOURS_SERIES) & (df["freq"] == freq)].copy()
    df["klasse"] = ""
    for name, label in zip(HOURS_SERIES, PARTTIME_CLASSES + [FULLTIME]):
        df.loc[topic_rows(df, name), "klasse"] = label
    wide = df.pivot_table(index=["period", "period_label", "year", "Geslacht_label"], columns="klasse", values="value").reset_index()
    return wide.rename(columns={"Geslacht_label": "groep"})


def parttime_share(freq: str = "jaar") -> pd.DataFrame:
    """Share working part-time (< 35 hours), computed from the counts: part-time / (part-time + full-time)."""
    w = parttime_counts(freq)
    part = w[PARTTIME_CLASSES].sum(axis=1)
    w["value"] = 100 * part / (part + w[FULLTIME])
    return w[["period", "period_label", "year", "groep", "value"]].sort_values(["groep", "year"])


def fig_parttime(groups: list[str] | None = None):
    groups = groups or SEXES
    d = parttime_share()
    d = d[d["groep"].isin(groups)]
    fig, ax = plots.figure("Deeltijd (minder dan 35 uur per week), 15 tot 75 jaar", ylabel="% van de werkenden")
    plots.lines(ax, d, x="year", y="value", group="groep", order=groups)
    plots.percent_axis(ax, lower=0, upper=100)
    plots.year_axis(ax)
    return plots.finish(fig, source("82647NED", _span(d["year"])),
                        note="Aandeel berekend uit de aantallen werkenden per urenklasse.")


def fig_hours_classes(year: int = 2017):
    w = parttime_counts()
    w = w[w["year"] == year].set_index("groep")
    cats = [c.replace("Deeltijd: ", "").replace(" per week", "") for c in PARTTIME_CLASSES] + ["35 uur of meer"]
    fig, ax = plots.figure(f"Werkenden naar uren per week ({year})", ylabel="% van de werkenden", figsize=(7, 3.8))
    series = {}
    for sex in SEXES:
        row = w.loc[sex, PARTTIME_CLASSES + [FULLTIME]]
        series[sex] = list(100 * row / row.sum())
    plots.bars(ax, cats, series, value_format=lambda v: plots.percent_nl(v, 0))
    plots.percent_axis(ax, lower=0)
    return plots.finish(fig, source("82647NED", str(year)), note="Percentages berekend uit de aantallen (x 1 000).")


# --------------------------------------------------------------------------- economische zelfstandigheid

def independence() -> pd.DataFrame:
    df = cbs.load_snapshot("84070NED")
    df = df[topic_rows(df, "aandeel-boven-inkomensgrens")]
    return df[["year", "Geslacht_label", "Inkomensgrens_label", "value"]].rename(
        columns={"Geslacht_label": "groep", "Inkomensgrens_label": "maat"}).sort_values(["maat", "groep", "year"])


def independence_from_counts() -> pd.DataFrame:
    """Shares computed from the counts where the snapshot has them (persons above the threshold / all persons)."""
    df = cbs.load_snapshot("84070NED")
    df = df[topic_rows(df, "personen-excl-scholieren-en-studenten")]
    w = df.pivot_table(index=["year", "Geslacht_label"], columns="Inkomensgrens_label", values="value").reset_index()
    out = []
    for col in [c for c in w.columns if c not in ("year", "Geslacht_label", "Totaal")]:
        out.append(pd.DataFrame({"year": w["year"], "groep": w["Geslacht_label"], "maat": col,
                                 "value": 100 * w[col] / w["Totaal"]}))
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=["year", "groep", "maat", "value"])


def thresholds() -> pd.DataFrame:
    """CBS's yearly thresholds and the net bijstand norms, with 70% and 100% of the net minimum wage computed."""
    n = cbs.load_snapshot("normen")
    cbs_t = n[topic_rows(n, "drempel-economische-zelfstandigheid", "drempel-financiele-onafhankelijkheid")][["year", "measure_label", "value"]]
    norm = n[topic_rows(n, "bijstandsnorm-netto-excl-vakantietoeslag", Huishouden="Gehuwden")]
    norm = norm[["period", "period_label", "value"]].rename(columns={"value": "netto_minimumloon"}).sort_values("period")
    norm["period_label"] = [plots.date_nl(f"{c[:4]}-{c[4:6]}-{c[6:]}") for c in norm["period"]]
    norm["grens_70"] = (0.7 * norm["netto_minimumloon"]).round(2)
    norm["grens_100"] = norm["netto_minimumloon"].round(2)
    return cbs_t.sort_values(["measure_label", "year"]), norm


def fig_independence(measure: str = "Economisch zelfstandig", groups: list[str] | None = None):
    groups = groups or SEXES
    d = independence()
    d = d[(d["maat"] == measure) & d["groep"].isin(groups)]
    fig, ax = plots.figure(f"{measure}, 15 jaar tot AOW-leeftijd", ylabel="% van de groep")
    plots.lines(ax, d, x="year", y="value", group="groep", order=groups)
    plots.percent_axis(ax, lower=0, upper=100)
    plots.year_axis(ax)
    grens = "70%" if measure.startswith("Economisch") else "100%"
    return plots.finish(fig, source("84070NED", _span(d["year"])),
                        note=f"Grens: netto inkomen uit werk minstens {grens} van het netto minimumloon. Zonder scholieren en studenten.")


def fig_independence_old():
    d = series.select("ez-oude-definitie")
    d = d.rename(columns={"Geslacht_label": "groep"})
    fig, ax = plots.figure("Economisch zelfstandig, oude definitie (20 tot 65 jaar)", ylabel="% van de groep")
    plots.lines(ax, d, x="year", y="value", group="groep", order=SEXES)
    plots.percent_axis(ax, lower=0, upper=100)
    plots.year_axis(ax)
    return plots.finish(fig, source("ez-oud", _span(d["year"]), publisher="Atria, factsheet op basis van CBS"),
                        note="Oude reeks, niet te vergelijken met de huidige (andere leeftijd en inkomensstatistiek).")


# --------------------------------------------------------------------------- migratieachtergrond

def unemployment_old_rows() -> pd.DataFrame:
    """Unemployment by migration background, the old classification (82809NED, stopped in 2022):
    the snapshot rows as they are. The notebook figure and the live chart both start here."""
    return series.select("werkloosheid-migratieachtergrond")


def unemployment_old() -> pd.DataFrame:
    df = unemployment_old_rows()
    return df[["period", "period_label", "year", "freq", "Migratieachtergrond_label", "value"]].rename(
        columns={"Migratieachtergrond_label": "groep"})


def unemployment_new() -> pd.DataFrame:
    df = cbs.load_snapshot("herkomst2022")
    df = df[topic_rows(df, "werkloosheid-herkomst")]
    return df[["year", "Herkomst_label", "value"]].rename(columns={"Herkomst_label": "groep"})


NEW_ORDER = ["Totaal", "Geboren in Nederland, ouders ook", "Geboren in Nederland, 1 of 2 ouders in het buitenland",
             "Geboren in het buitenland"]


def fig_unemployment_new(groups: list[str] | None = None):
    d = unemployment_new()
    groups = groups or NEW_ORDER
    d = d[d["groep"].isin(groups)]
    fig, ax = plots.figure("Werkloosheid naar herkomst (nieuwe indeling)", ylabel="% van de beroepsbevolking")
    plots.lines(ax, d, x="year", y="value", group="groep", order=[g for g in NEW_ORDER if g in groups])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=plots.FONT_SIZE - 2)
    plots.percent_axis(ax, lower=0)
    plots.year_axis(ax)
    return plots.finish(fig, source("herkomst2022", _span(d["year"]), publisher="CBS, Integratie en samenleven 2022"),
                        note="15 tot 75 jaar. Indeling naar geboorteland van de persoon en de ouders.")


def fig_unemployment_old():
    d = unemployment_old()
    d = d[d["freq"] == "jaar"]
    fig, ax = plots.figure("Werkloosheid naar migratieachtergrond (oude indeling)", ylabel="% van de beroepsbevolking")
    order = [g for g in ["Totaal", "Met migratieachtergrond", "Nederlandse achtergrond", "Niet-westerse migratieachtergrond"]
             if g in set(d["groep"])]
    multi = d.groupby("groep")["year"].transform("count") > 5  # sparse groups: points, no lines across gaps
    plots.lines(ax, d[multi], x="year", y="value", group="groep", order=[g for g in order if g in set(d[multi]["groep"])])
    single = d[~multi]
    for i, (g, e) in enumerate(single.groupby("groep")):
        ax.scatter(e["year"].astype(int), e["value"], marker="s", s=30, color=plots.PALETTE[(i + 3) % 8], label=g, zorder=3)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=plots.FONT_SIZE - 2)
    plots.percent_axis(ax, lower=0)
    plots.year_axis(ax)
    return plots.finish(fig, source("82809NED", _span(d["year"])),
                        note="15 tot 75 jaar. Tabel stopgezet in 2022; niet mengen met de nieuwe indeling.")


def bijstand_shares() -> pd.DataFrame:
    """Share of bijstand recipients (below AOW age) with a non-western background, computed from counts (82016NED)."""
    df = cbs.load_snapshot("82016NED")
    df = df[topic_rows(df, "bijstand-tot-aow")]
    w = df.pivot_table(index=["period", "period_label"], columns="Migratieachtergrond_label", values="value").reset_index()
    w = w.dropna(subset=["Niet-westerse migratieachtergrond", "Totaal"])
    w["aandeel_niet_westers"] = 100 * w["Niet-westerse migratieachtergrond"] / w["Totaal"]
    return w


# --------------------------------------------------------------------------- audit overview (zorg)

def audit_table(ids: list[str] | None = None) -> pd.DataFrame:
    """Claims with their audit status, for a table in a notebook (Dutch column names)."""
    from ..data import audit
    from ..data.claims import load_claims

    claims = load_claims()
    results = audit.run_audit(claims)
    rows = []
    for cid, r in results.items():
        if ids is not None and cid not in ids:
            continue
        c = claims[cid]
        rows.append({"cijfer": c.statement, "gids": c.render(), "controle": audit.METHOD_NL[r.method], "status": r.status,
                     "wat het zou beslissen": r.decided_by or "\u2013"})
    return pd.DataFrame(rows)


#: The same colours as the status labels on the claims page (_static/cijfers.css).
STATUS_COLOURS = {"klopt": plots.OKABE_ITO["blauwgroen"], "afgerond": plots.OKABE_ITO["blauw"],
                  "andere definitie": plots.OKABE_ITO["oranje"], "niet te controleren": "#999999",
                  "wijkt af": plots.OKABE_ITO["vermiljoen"]}


def fig_audit_status():
    from ..data import audit

    t = audit_table()
    counts = t.groupby(["controle", "status"]).size().unstack(fill_value=0)
    fig, ax = plots.figure("Hoe de cijfers uit de gidsen gecontroleerd zijn", ylabel="aantal cijfers", figsize=(7, 3.8))
    bottom = None
    for st in [s for s in audit.STATUSES if s in counts.columns]:
        vals = counts[st]
        ax.bar(counts.index, vals, bottom=bottom, label=st, color=STATUS_COLOURS[st])
        bottom = vals if bottom is None else bottom + vals
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=plots.FONT_SIZE - 2)
    return plots.finish(fig, plots.source_line("", "", None, publisher="Werk & Zorg, controle van de cijfers uit de gidsen"))
