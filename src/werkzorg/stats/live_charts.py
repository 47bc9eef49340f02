"""Live charts for the statistics pages: Vega-Lite (through Altair), computed at build time.

Every chart on a statistics page is a :class:`LiveChart`: the rows it can draw (from the
snapshots in ``data/cbs``, through :mod:`werkzorg.stats.figures`), a Vega-Lite spec whose params are
bound to HTML controls (group, period, definition), a data table with the same rows (for
screen readers and print), source links (StatLine table, the claim's entry on the claims
page) and, where the book cites a figure, the cited and the current value side by side.

The charts need no kernel and no network: each spec is compiled to Vega at build time, the page
names the vendored Vega runtime (``vendor/vega-view.js``; ``werkzorg.sphinxext.roles_and_pages`` writes its address
where a page holds a ``werkzorg-live`` figure), ``_static/laden.js`` loads it when a reader nears a
chart, and a small inline runner draws each chart as it comes near, following the theme's dark mode.

Every row has the same columns (:data:`COLUMNS`), so the CSV download of a page
(:func:`page_csv`) is one tidy table.

Usage in a notebook::

    from werkzorg.stats import live_charts as charts
    charts.show("arbeidsparticipatie-reeks")
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import altair as alt
import pandas as pd

from .. import format_nl
from ..data import cbs, series
from . import figures as cijfers
from . import plot_style as plots

#: The columns of every chart's rows, and of the CSV download.
COLUMNS = ["grafiek", "tabel", "periode", "jaar", "groep", "kenmerk", "waarde", "eenheid", "status", "opgehaald"]

#: Value of a select control that shows every group.
ALL = "alle"

#: Status shown when the snapshot does not record whether a figure is provisional.
STATUS_UNKNOWN = "niet vermeld"
STATUS_NL = {"voorlopig": "voorlopig", "nader voorlopig": "nader voorlopig", "definitief": "definitief",
             "revised": "herzien", "herzien": "herzien"}

#: From a notebook page (``notebooks/x.html``) to the site root.
ROOT_FROM_NOTEBOOKS = "../"
#: Folder in the built site that holds the CSV downloads.
DOWNLOAD_DIR = "cijfers-data"

FONT = 13


@dataclass
class Control:
    """A Vega-Lite param bound to an HTML control that filters the rows."""

    name: str
    label: str
    field: str
    options: list
    labels: list[str]
    value: object
    kind: str = "select"  # select, radio or range ("vanaf": rows with field >= value)

    def param(self):
        if self.kind == "range":
            bind = alt.binding_range(min=min(self.options), max=max(self.options), step=1, name=self.label + " ")
        elif self.kind == "radio":
            bind = alt.binding_radio(options=self.options, labels=self.labels, name=self.label + " ")
        else:
            bind = alt.binding_select(options=self.options, labels=self.labels, name=self.label + " ")
        return alt.param(name=self.name, value=self.value, bind=bind)

    def expr(self) -> str:
        if self.kind == "range":
            return f"datum.{self.field} >= {self.name}"
        if ALL in self.options:
            return f"({self.name} == '{ALL}' || datum.{self.field} == {self.name})"
        return f"datum.{self.field} == {self.name}"


@dataclass
class LiveChart:
    key: str
    page: str
    title: str
    description: str
    rows: pd.DataFrame
    spec: dict
    controls: list[Control]
    kenmerk_label: str = "Kenmerk"
    groep_label: str = "Groep"
    claims: list[str] = field(default_factory=list)
    note: str = ""


# --------------------------------------------------------------------------- rows

def _status(value: object) -> str:
    text = str(value or "").strip().lower()
    if not text or text == "nan":
        return STATUS_UNKNOWN
    return STATUS_NL.get(text, text)


def value_text(value: float, unit: str) -> str:
    if unit == "%":
        return plots.percent_nl(value, 1)
    if unit == "aantal":
        return plots.number_nl(value, 0)
    if unit == "x 1 000":
        return plots.number_nl(value, 0) + " duizend"
    return plots.number_nl(value, 1)


def _rows(chart: str, table: str, df: pd.DataFrame, groep: str, kenmerk, unit: str, value: str = "value",
          status_from: pd.Series | None = None) -> pd.DataFrame:
    """Normalise snapshot rows to :data:`COLUMNS`. ``kenmerk`` is a column name or a fixed text."""
    out = pd.DataFrame({
        "grafiek": chart,
        "tabel": table,
        "periode": df["period_label"].astype(str).values,
        "jaar": df["year"].astype(int).values,
        "groep": df[groep].astype(str).values,
        "kenmerk": (df[kenmerk].astype(str).values if kenmerk in df.columns else kenmerk),
        "waarde": df[value].astype(float).round(2).values,
        "eenheid": unit,
        "status": [_status(s) for s in (status_from if status_from is not None else df.get("status", pd.Series([""] * len(df))))],
        "opgehaald": cijfers.retrieved(table),
    })
    return out


def _snapshot(table: str) -> pd.DataFrame:
    return cbs.load_snapshot(table)


# --------------------------------------------------------------------------- spec

def _base_config() -> dict:
    return {
        "font": "system-ui, -apple-system, 'Segoe UI', sans-serif",
        "background": None,
        # Vega's own screen-reader texts for axes and legends are English ("X-axis titled …"):
        # they are hidden; the chart's Dutch label (the description), the marks' labels (field:
        # value) and the table beside the chart carry the content. (A global "aria": false would
        # leave the mark groups as unlabelled graphics, which axe reports.)
        "axis": {"labelFontSize": FONT, "titleFontSize": FONT, "labelLimit": 220, "titleFontWeight": "normal",
                 "aria": False},
        "legend": {"labelFontSize": FONT, "titleFontSize": FONT, "orient": "bottom", "direction": "vertical",
                   "labelLimit": 0, "symbolStrokeWidth": 3, "aria": False},
        "title": {"fontSize": FONT + 2, "anchor": "start"},
        "view": {"stroke": None},
        "range": {"category": plots.PALETTE},
        "locale": {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]}},
    }


def _tooltip(kenmerk_label: str, groep_label: str) -> list:
    return [alt.Tooltip("periode:N", title="Periode"), alt.Tooltip("groep:N", title=groep_label),
            alt.Tooltip("kenmerk:N", title=kenmerk_label), alt.Tooltip("waarde_tekst:N", title="Waarde"),
            alt.Tooltip("status:N", title="Status"), alt.Tooltip("tabel:N", title="Bron")]


def _colour(groups: list[str]):
    return alt.Color("groep:N", title=None, scale=plots.altair_colour_scale(groups), sort=groups)


def _finish(chart: alt.Chart, controls: list[Control], description: str) -> dict:
    for c in controls:
        chart = chart.add_params(c.param())
    for c in controls:
        chart = chart.transform_filter(c.expr())
    spec = chart.properties(width="container", description=description).to_dict()
    spec["config"] = _base_config()
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def _with_text(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.copy()
    rows["waarde_tekst"] = [value_text(v, u) for v, u in zip(rows["waarde"], rows["eenheid"])]
    return rows


def line_spec(rows: pd.DataFrame, controls: list[Control], y_title: str, groups: list[str], kenmerk_label: str,
              groep_label: str, description: str, y_domain: list[float] | None = None) -> dict:
    data = _with_text(rows)
    y = alt.Y("waarde:Q", title=y_title, scale=alt.Scale(domain=y_domain, zero=False) if y_domain else alt.Scale(zero=True))
    chart = alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=70, filled=True), strokeWidth=2.5).encode(
        x=alt.X("jaar:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, tickCount=6, labelOverlap=True, labelSeparation=8)),
        y=y,
        color=_colour(groups),
        detail="kenmerk:N",
        tooltip=_tooltip(kenmerk_label, groep_label),
    ).properties(height=280)
    return _finish(chart, controls, description)


def bar_spec(rows: pd.DataFrame, controls: list[Control], x_title: str, groups: list[str], categories: list[str],
             kenmerk_label: str, groep_label: str, description: str) -> dict:
    data = _with_text(rows)
    chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y("kenmerk:N", title=None, sort=categories, axis=alt.Axis(labelLimit=160)),
        yOffset=alt.YOffset("groep:N", sort=groups),
        x=alt.X("waarde:Q", title=x_title, axis=alt.Axis(tickCount=5, labelOverlap=True)),
        color=_colour(groups),
        tooltip=_tooltip(kenmerk_label, groep_label),
    ).properties(height={"step": 14})
    return _finish(chart, controls, description)


_years_nl = format_nl.years


def periods_text(rows: pd.DataFrame, names: dict[str, str]) -> str:
    """Which years each line of a chart covers, computed from its rows (never typed): ``Jaren in de
    grafiek: CBS-lijn 2013 tot en met 2017; Emancipatiemonitor 2017 en 2021.``"""
    parts = [f"{name} {_years_nl(rows.loc[rows['kenmerk'] == kenmerk, 'jaar'])}"
             for kenmerk, name in names.items() if (rows["kenmerk"] == kenmerk).any()]
    return ("Jaren in de grafiek: " + "; ".join(parts) + ".") if parts else ""


def _group_control(groups: list[str], both_label: str = "Vrouwen en mannen", label: str = "Groep") -> Control:
    return Control("groep", label, "groep", [ALL] + groups, [both_label] + groups, ALL)


def _from_year(rows: pd.DataFrame) -> Control:
    years = sorted(set(int(y) for y in rows["jaar"]))
    return Control("vanaf", "Vanaf jaar", "jaar", [years[0], years[-1] - 1], [], years[0], kind="range")


# --------------------------------------------------------------------------- builders per page

SEX_GROUPS = ["Vrouwen", "Mannen"]


def participation_series() -> LiveChart:
    key = "arbeidsparticipatie-reeks"
    d = cijfers.participation_by_definition()
    parts = [_rows(key, table, d[d["definitie"] == k], "Geslacht_label", label, "%")
             for k, (label, table, _, _) in cijfers.PARTICIPATION_DEFINITIONS.items()]
    rows = pd.concat(parts, ignore_index=True).sort_values(["kenmerk", "groep", "jaar"], ignore_index=True)
    defs = [DEF_CBS, DEF_EM, DEF_EUROSTAT]
    controls = [Control("definitie", "Definitie", "kenmerk", defs, ["CBS (15–75 jaar)", "Emancipatiemonitor (15–65)", "Eurostat (20–65)"],
                        DEF_CBS, kind="radio"),
                _group_control(SEX_GROUPS), _from_year(rows)]
    desc = ("Lijndiagram: aandeel vrouwen en mannen met betaald werk per jaar, volgens de gekozen definitie. "
            "Mannen liggen in elk jaar hoger dan vrouwen.")
    spec = line_spec(rows, controls, "% met betaald werk", SEX_GROUPS, "Definitie", "Groep", desc, [40, 100])
    return LiveChart(key, "arbeidsparticipatie", "Betaald werk per jaar, drie definities", desc, rows, spec, controls,
                     kenmerk_label="Definitie", claims=["arbeidsparticipatie-2025", "arbeidsparticipatie-2021"],
                     note="CBS-lijn: eerste kwartaal van elk jaar. In 2021 is de Enquête beroepsbevolking vernieuwd; "
                          "de cijfers vanaf 2003 zijn herzien.")


DEF_CBS, DEF_EM, DEF_EUROSTAT = (v[0] for v in cijfers.PARTICIPATION_DEFINITIONS.values())


def participation_definitions() -> LiveChart:
    key = "arbeidsparticipatie-definities"
    series = participation_series().rows
    years_per_def = series.groupby("jaar")["kenmerk"].nunique()
    years = sorted(int(y) for y, n in years_per_def.items() if n >= 2)
    rows = series[series["jaar"].isin(years)].copy()
    rows["grafiek"] = key
    defs = [DEF_CBS, DEF_EM, DEF_EUROSTAT]
    controls = [Control("jaar", "Jaar", "jaar", years, [str(y) for y in years], years[-1]),
                _group_control(SEX_GROUPS)]
    desc = ("Staafdiagram: aandeel vrouwen en mannen met betaald werk in het gekozen jaar, volgens elke definitie "
            "waarvoor dat jaar gegevens zijn. Bij elke definitie liggen de mannen hoger dan de vrouwen.")
    spec = bar_spec(rows.reset_index(drop=True), controls, "% met betaald werk", SEX_GROUPS, defs, "Definitie", "Groep", desc)
    return LiveChart(key, "arbeidsparticipatie", "Eén jaar, drie definities van betaald werk", desc,
                     rows.reset_index(drop=True), spec, controls, kenmerk_label="Definitie",
                     claims=["arbeidsparticipatie-2021"],
                     note="CBS: eerste kwartaal van het jaar. Emancipatiemonitor en Eurostat: jaarcijfer.")


AGE_ORDER = ["15 tot 25 jaar", "25 tot 45 jaar", "45 tot 75 jaar", "15 tot 75 jaar"]
ALL_SEXES = ["Vrouwen", "Mannen", "Totaal mannen en vrouwen"]


def participation_by_age() -> LiveChart:
    key = "arbeidsparticipatie-leeftijd"
    df = series.select("nettoarbeidsparticipatie", Leeftijd=AGE_ORDER)
    df = df[(df["freq"] == "jaar") & df["value"].notna()]
    rows = _rows(key, "80590NED", df, "Geslacht_label", "Leeftijd_label", "%")
    ages = [a for a in AGE_ORDER if a in set(rows["kenmerk"])]
    groups = [g for g in ALL_SEXES if g in set(rows["groep"])]
    groups += [g for g in dict.fromkeys(rows["groep"]) if g not in groups]
    if rows.empty:
        raise LookupError("geen jaarcijfers van de nettoarbeidsparticipatie (80590NED) in de gegevens")
    year = int(rows["jaar"].max())
    controls = [Control("groep", "Groep", "groep", [ALL] + groups, ["Iedereen apart"] + groups, ALL),
                Control("leeftijd", "Leeftijd", "kenmerk", [ALL] + ages, ["Alle leeftijden"] + ages, ALL)]
    desc = (f"Staafdiagram: aandeel met betaald werk in {year} per leeftijdsgroep, voor vrouwen, mannen en iedereen. "
            "Van 25 tot 45 jaar werken de meeste mensen.")
    spec = bar_spec(rows, controls, "% met betaald werk", groups, ages, "Leeftijd", "Groep", desc)
    return LiveChart(key, "arbeidsparticipatie", f"Betaald werk naar leeftijd ({year})", desc, rows, spec, controls,
                     kenmerk_label="Leeftijd")


HOURS_LABELS = {"Deeltijd: minder dan 20 uur per week": "minder dan 20 uur",
                "Deeltijd: 20 tot 28 uur per week": "20 tot 28 uur",
                "Deeltijd: 28 tot 35 uur per week": "28 tot 35 uur",
                "Voltijd": "35 uur of meer"}


#: The hours classes of 82647NED (series names, :mod:`werkzorg.data.series`), in the order of HOURS_LABELS.
HOURS_SERIES = cijfers.HOURS_SERIES


def _hours_class(df: pd.DataFrame) -> pd.Series:
    """Each row's hours class as the book names it (the CBS title of its series), whatever the table calls it."""
    out = pd.Series("", index=df.index, dtype=object)
    for name, label in zip(HOURS_SERIES, HOURS_LABELS):
        out[series.rows(df, name)] = label
    return out


def parttime_series() -> LiveChart:
    key = "deeltijd-reeks"
    # The share from the counts, computed once (werkzorg.stats.figures) for the figure and this chart.
    wide = cijfers.parttime_share("jaar").assign(status="")
    parts = [_rows(key, "82647NED", wide, "groep", DEF_CBS + ", berekend uit de aantallen", "%")]
    em = series.select("em-aandeel-deeltijd")
    parts.append(_rows(key, "emancipatiemonitor", em, "Geslacht_label", DEF_EM, "%"))
    # Years for which the Emancipatiemonitor gives counts but no share: the share from the counts
    # (part-time workers / working population), as the audit computes deeltijd-2021.
    counts = series.select("em-deeltijd", "em-werkzame-beroepsbevolking")
    counts = counts.assign(kind=series.rows(counts, "em-deeltijd").map({True: "deel", False: "alle"}))
    w = counts.pivot_table(index=["year", "period_label", "Geslacht_label"], columns="kind", values="value").reset_index()
    if {"deel", "alle"} <= set(w.columns):
        w = w.dropna(subset=["deel", "alle"])
        w = w[~w["year"].isin(set(em["year"]))]
        w["value"], w["status"] = 100 * w["deel"] / w["alle"], ""
        parts.append(_rows(key, "emancipatiemonitor", w, "Geslacht_label", DEF_EM, "%"))
    rows = pd.concat(parts, ignore_index=True).sort_values(["kenmerk", "groep", "jaar"], ignore_index=True)
    groups = [g for g in ALL_SEXES if g in set(rows["groep"])]
    defs = list(dict.fromkeys(rows["kenmerk"]))
    controls = [Control("definitie", "Definitie", "kenmerk", defs, ["CBS (15–75 jaar)", "Emancipatiemonitor (15–65)"][: len(defs)],
                        defs[0], kind="radio"),
                Control("groep", "Groep", "groep", [ALL] + groups, ["Iedereen apart"] + groups, ALL)]
    desc = ("Lijndiagram: aandeel werkenden in deeltijd (minder dan 35 uur per week) per jaar. "
            "Vrouwen werken veel vaker in deeltijd dan mannen.")
    spec = line_spec(rows, controls, "% van de werkenden in deeltijd", groups, "Definitie", "Groep", desc, [0, 100])
    return LiveChart(key, "deeltijd", "Deeltijd per jaar", desc, rows, spec, controls, kenmerk_label="Definitie",
                     claims=["deeltijd-2020", "deeltijd-2021"],
                     note="CBS-lijn: deeltijders gedeeld door alle werkenden, uitgerekend uit de aantallen per urenklasse. "
                          + periods_text(rows, {defs[0]: "CBS-lijn", DEF_EM: "Emancipatiemonitor"}))


def parttime_classes() -> LiveChart:
    key = "deeltijd-urenklassen"
    df = series.select(*HOURS_SERIES)
    df = df[df["freq"] == "jaar"].copy()
    total = df.groupby(["year", "Geslacht_label"])["value"].transform("sum")
    df["share"] = 100 * df["value"] / total
    df["klasse"] = _hours_class(df).map(HOURS_LABELS)
    rows = pd.concat([_rows(key, "82647NED", df, "Geslacht_label", "klasse", "%", value="share"),
                      _rows(key, "82647NED", df, "Geslacht_label", "klasse", "x 1 000")], ignore_index=True)
    groups = [g for g in ALL_SEXES if g in set(rows["groep"])]
    years = sorted(set(int(y) for y in rows["jaar"]))
    controls = [Control("jaar", "Jaar", "jaar", years, [str(y) for y in years], years[-1]),
                Control("groep", "Groep", "groep", [ALL] + groups, ["Iedereen apart"] + groups, ALL),
                Control("eenheid", "Toon", "eenheid", ["%", "x 1 000"], ["procenten", "aantallen (x 1 000)"], "%", kind="radio")]
    desc = ("Staafdiagram: werkenden naar uren per week, in procenten of aantallen, per groep. De meeste mannen werken 35 uur of "
            "meer; vrouwen zijn over alle urenklassen verdeeld.")
    spec = bar_spec(rows, controls, "% of aantal (x 1 000)", groups, list(HOURS_LABELS.values()), "Uren per week", "Groep", desc)
    return LiveChart(key, "deeltijd", "Werkenden naar uren per week", desc, rows, spec, controls,
                     kenmerk_label="Uren per week", note="Aantallen werkenden in duizenden; de percentages rekent dit boek daaruit uit.")


def independence_series() -> LiveChart:
    key = "zelfstandigheid-reeks"
    df = series.select("aandeel-boven-inkomensgrens")
    rows = _rows(key, "84070NED", df, "Geslacht_label", "Inkomensgrens_label", "%").sort_values(
        ["kenmerk", "groep", "jaar"], ignore_index=True)
    maten = ["Economisch zelfstandig", "Financieel onafhankelijk"]
    controls = [Control("maat", "Maat", "kenmerk", maten, ["Economisch zelfstandig (70%)", "Financieel onafhankelijk (100%)"],
                        maten[0], kind="radio"),
                _group_control(SEX_GROUPS), _from_year(rows)]
    desc = ("Lijndiagram: aandeel vrouwen en mannen boven de gekozen inkomensgrens, per jaar. De lijn van de "
            "mannen ligt hoger; het verschil is groter bij financiële onafhankelijkheid.")
    spec = line_spec(rows, controls, "% van de groep", SEX_GROUPS, "Maat", "Groep", desc, [30, 100])
    return LiveChart(key, "economische-zelfstandigheid", "Economisch zelfstandig en financieel onafhankelijk", desc, rows,
                     spec, controls, kenmerk_label="Maat",
                     claims=["economische-zelfstandigheid-2019", "financiele-onafhankelijkheid-2019",
                             "economische-zelfstandigheid-2021", "financiele-onafhankelijkheid-2023"],
                     note="15 jaar tot de AOW-leeftijd, zonder scholieren en studenten. Grens: netto inkomen uit werk "
                          "minstens 70% (zelfstandig) of 100% (onafhankelijk) van het netto minimumloon.")


def independence_old() -> LiveChart:
    key = "zelfstandigheid-oud"
    df = series.select("ez-oude-definitie")
    rows = _rows(key, "ez-oud", df, "Geslacht_label", "Leeftijd_label", "%")
    controls = [_group_control(SEX_GROUPS), _from_year(rows)]
    desc = "Lijndiagram van de oude reeks economische zelfstandigheid, voor vrouwen en mannen van 20 tot 65 jaar."
    spec = line_spec(rows, controls, "% van de groep", SEX_GROUPS, "Leeftijd", "Groep", desc, [0, 100])
    return LiveChart(key, "economische-zelfstandigheid", "Oude reeks: economisch zelfstandig (20 tot 65 jaar)", desc, rows,
                     spec, controls, kenmerk_label="Leeftijd",
                     note="Oude definitie en oudere inkomensstatistiek: niet te vergelijken met de reeks hierboven.")


NEW_ORDER = cijfers.NEW_ORDER


def unemployment_origin() -> LiveChart:
    key = "werkloosheid-herkomst"
    df = series.select("werkloosheid-herkomst")
    rows = _rows(key, "herkomst2022", df, "Herkomst_label", "Werkloosheid, 15 tot 75 jaar", "%")
    controls = [Control("groep", "Herkomst", "groep", [ALL] + NEW_ORDER, ["Alle groepen"] + NEW_ORDER, ALL), _from_year(rows)]
    desc = ("Lijndiagram: werkloosheid per jaar naar herkomst. Wie in het buitenland is geboren of een ouder "
            "heeft die daar is geboren, is vaker werkloos.")
    spec = line_spec(rows, controls, "% van de beroepsbevolking", NEW_ORDER, "Kenmerk", "Herkomst", desc)
    return LiveChart(key, "migratieachtergrond", "Werkloosheid naar herkomst (nieuwe indeling)", desc, rows, spec, controls,
                     kenmerk_label="Kenmerk", groep_label="Herkomst")


OLD_ORDER = ["Totaal", "Met migratieachtergrond", "Nederlandse achtergrond", "Westerse migratieachtergrond",
             "Niet-westerse migratieachtergrond"]


def unemployment_old() -> LiveChart:
    key = "werkloosheid-oude-indeling"
    df = cijfers.unemployment_old_rows()
    df = df[df["freq"] == "jaar"]
    rows = _rows(key, "82809NED", df, "Migratieachtergrond_label", "Leeftijd_label", "%")
    groups = [g for g in OLD_ORDER if g in set(rows["groep"])]
    controls = [Control("groep", "Achtergrond", "groep", [ALL] + groups, ["Alle groepen"] + groups, ALL), _from_year(rows)]
    desc = ("Lijndiagram: werkloosheid per jaar naar migratieachtergrond (oude indeling), met losse punten voor "
            "groepen waarvan maar een paar jaren in de gegevens staan.")
    spec = line_spec(rows, controls, "% van de beroepsbevolking", groups, "Leeftijd", "Achtergrond", desc)
    return LiveChart(key, "migratieachtergrond", "Werkloosheid naar migratieachtergrond (oude indeling)", desc, rows, spec,
                     controls, kenmerk_label="Leeftijd", groep_label="Achtergrond", claims=["werkloosheid-herkomst-2021"],
                     note="Tabel stopgezet in 2022. Niet mengen met de nieuwe indeling.")


def audit_overview() -> LiveChart:
    """How the guides' figures were checked: number of claims per method and status (from the audit)."""
    from ..data import audit

    key = "controle-status"
    results = audit.run_audit()
    rows = pd.DataFrame([{"methode": audit.METHOD_NL[r.method], "status": r.status} for r in results.values()])
    counts = rows.groupby(["methode", "status"]).size().reset_index(name="aantal")
    out = pd.DataFrame({
        "grafiek": key, "tabel": "Controle van de cijfers uit de gidsen", "periode": "", "jaar": 0, "groep": counts["status"],
        "kenmerk": counts["methode"], "waarde": counts["aantal"].astype(float), "eenheid": "aantal",
        "status": counts["status"], "opgehaald": "",
    })
    statuses = [s for s in audit.STATUSES if s in set(out["groep"])]
    methods = [audit.METHOD_NL[m] for m in audit.METHODS if audit.METHOD_NL[m] in set(out["kenmerk"])]
    data = _with_text(out)
    controls = [Control("controle", "Controle", "kenmerk", [ALL] + methods, ["Alle manieren"] + methods, ALL),
                Control("status", "Status", "groep", [ALL] + statuses, ["Alle statussen"] + statuses, ALL)]
    desc = "Gestapeld staafdiagram: aantal cijfers uit de gidsen per manier van controleren, verdeeld naar status."
    from .figures import STATUS_COLOURS

    chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y("kenmerk:N", title=None, sort=methods),
        x=alt.X("sum(waarde):Q", title="aantal cijfers", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("groep:N", title=None, sort=statuses,
                        scale=alt.Scale(domain=statuses, range=[STATUS_COLOURS[s] for s in statuses])),
        order=alt.Order("groep:N"),
        tooltip=[alt.Tooltip("kenmerk:N", title="Controle"), alt.Tooltip("waarde_tekst:N", title="Aantal cijfers"),
                 alt.Tooltip("status:N", title="Status")],
    ).properties(height={"step": 40})
    spec = _finish(chart, controls, desc)
    return LiveChart(key, "zorg-in-cijfers", "Hoe de cijfers uit de gidsen gecontroleerd zijn", desc, out, spec, controls,
                     kenmerk_label="Controle", groep_label="Status")


#: Every live chart by key.
BUILDERS: dict[str, Callable[[], LiveChart]] = {
    "arbeidsparticipatie-reeks": participation_series,
    "arbeidsparticipatie-definities": participation_definitions,
    "arbeidsparticipatie-leeftijd": participation_by_age,
    "deeltijd-reeks": parttime_series,
    "deeltijd-urenklassen": parttime_classes,
    "zelfstandigheid-reeks": independence_series,
    "zelfstandigheid-oud": independence_old,
    "werkloosheid-herkomst": unemployment_origin,
    "werkloosheid-oude-indeling": unemployment_old,
    "controle-status": audit_overview,
}

#: Statistics page (notebook name) → the keys of its live charts, in page order.
PAGES: dict[str, list[str]] = {
    "arbeidsparticipatie": ["arbeidsparticipatie-definities", "arbeidsparticipatie-reeks", "arbeidsparticipatie-leeftijd"],
    "deeltijd": ["deeltijd-reeks", "deeltijd-urenklassen"],
    "economische-zelfstandigheid": ["zelfstandigheid-reeks", "zelfstandigheid-oud"],
    "migratieachtergrond": ["werkloosheid-herkomst", "werkloosheid-oude-indeling"],
    "zorg-in-cijfers": ["controle-status"],
}


@cache
def chart(key: str) -> LiveChart:
    """Build one live chart by key (cached per process)."""
    if key not in BUILDERS:
        raise KeyError(f"onbekende grafiek '{key}'; bekend: {', '.join(BUILDERS)}")
    c = BUILDERS[key]()
    assert c.key == key, (c.key, key)
    return c


def all_keys() -> list[str]:
    return list(BUILDERS)


def page_charts(page: str) -> list[LiveChart]:
    return [chart(k) for k in PAGES[page]]


# --------------------------------------------------------------------------- sources, claims

def _sources(c: LiveChart) -> list[dict]:
    man = cbs.Manifest.load().tables
    out = []
    for table in dict.fromkeys(c.rows["tabel"]):
        sub = c.rows[c.rows["tabel"] == table]
        years = sorted(set(int(y) for y in sub["jaar"] if y))
        period = (f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])) if years else ""
        entry = man.get(table, {})
        if entry.get("kind") == "statline":
            url, name = cbs.statline_url(table), f"CBS StatLine, tabel {table}"
        else:
            urls = []
            if table in man:
                urls = [u for u in dict.fromkeys(_snapshot(table)["source_url"].dropna().astype(str)) if u.startswith("http")]
            url, name = (urls[0] if urls else ""), entry.get("title", table)
        out.append({"table": table, "name": name, "url": url, "period": period,
                    "retrieved": str(entry.get("retrieved", "")), "extract": bool(entry.get("extract"))})
    return out


def _comparisons(c: LiveChart) -> list:
    """Guide vs data vs latest for the chart's claims: the claims page's model (werkzorg.data.audit)."""
    if not c.claims:
        return []
    from ..data import audit
    from ..data.claims import load_claims

    claims = load_claims()
    results = audit.run_audit(claims)
    return [audit.comparison(claims[cid], results[cid]) for cid in c.claims]


def _claims_page() -> str:
    from ..data import audit

    return audit.claims_page() + ".html"


# --------------------------------------------------------------------------- HTML

_RUNNER = (Path(__file__).parent / "static" / "charts.js").read_text(encoding="utf-8")


def _table_html(c: LiveChart) -> str:
    heads = ["Periode", c.groep_label, c.kenmerk_label, "Waarde", "Status", "Bron"]
    body = []
    for r in c.rows.itertuples(index=False):
        cells = [r.periode, r.groep, r.kenmerk, value_text(r.waarde, r.eenheid), r.status, r.tabel]
        body.append("<tr>" + "".join(f"<td>{html.escape(str(x))}</td>" for x in cells) + "</tr>")
    return (f'<table class="werkzorg-live-data"><caption>Tabel bij de grafiek: {html.escape(c.title)}</caption>'
            "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in heads) + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


def _source_html(c: LiveChart, root: str) -> str:
    parts = []
    for s in _sources(c):
        name = html.escape(s["name"])
        link = f'<a href="{html.escape(s["url"])}">{name}</a>' if s["url"] else name
        bits = [link + (" (uittreksel)" if s["extract"] else "")]
        if s["period"]:
            bits.append(f"periode {s['period']}")
        if s["retrieved"]:
            bits.append(f"opgehaald {plots.date_nl(s['retrieved'])}")
        parts.append(", ".join(bits))
    if c.key == "controle-status":
        parts = [f'<a href="{root}{_claims_page()}">controle van de cijfers uit de gidsen</a>']
    text = "Bron: " + "; ".join(parts) + "."
    if c.claims:
        from ..data.audit import CLAIM_ANCHOR

        links = ", ".join(f'<a href="{root}{_claims_page()}#{CLAIM_ANCHOR}{cid}">{html.escape(cid)}</a>' for cid in c.claims)
        text += f" Cijfers uit de gidsen: {links}."
    return f'<p class="werkzorg-live-source">{text}</p>'


def _compare_html(c: LiveChart, root: str) -> str:
    rows = _comparisons(c)
    if not rows:
        return ""
    page = _claims_page()
    body = "".join(
        f'<tr><th scope="row"><a href="{root}{page}#{r.anchor}">{html.escape(r.statement)}</a></th>'
        f'<td>{html.escape(r.guide)}</td><td>{html.escape(r.data)}'
        + "".join(f'<br><small class="werkzorg-audit-note">{html.escape(n)}</small>' for n in r.notes)
        + f'</td><td>{html.escape(r.latest)}</td>'
        f'<td><span class="werkzorg-status werkzorg-status-{r.status.replace(" ", "-")}">{html.escape(r.status)}</span></td></tr>'
        for r in rows)
    return ('<table class="werkzorg-live-compare"><caption>Cijfer uit de gids naast de gegevens</caption><thead><tr>'
            '<th scope="col">Cijfer</th><th scope="col">De gids</th><th scope="col">De gegevens (zelfde definitie en periode)</th>'
            '<th scope="col">Nu</th><th scope="col">Status</th></tr></thead><tbody>' + body + "</tbody></table>")


def vega_spec(c: LiveChart) -> dict:
    """The chart compiled to Vega at build time, so the page needs Vega only (no Vega-Lite compiler)."""
    import vl_convert

    return vl_convert.vegalite_to_vega(c.spec)


def chart_html(c: LiveChart, root: str = ROOT_FROM_NOTEBOOKS) -> str:
    spec = json.dumps(vega_spec(c), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    note = f'<p class="werkzorg-live-note">{html.escape(c.note)}</p>' if c.note else ""
    controls = json.dumps([{"name": k.name, "field": k.field, "kind": k.kind, "all": ALL in k.options} for k in c.controls])
    return (
        f'<figure class="werkzorg-live" id="grafiek-{c.key}" data-chart="{c.key}" '
        f'data-controls="{html.escape(controls)}">'
        f'<figcaption class="werkzorg-live-title">{html.escape(c.title)}</figcaption>'
        '<div class="werkzorg-live-body">'
        f'<div class="werkzorg-live-chart" role="img" aria-label="{html.escape(c.description)}"></div>'
        f'<div class="werkzorg-live-table" tabindex="0" role="region" aria-label="Tabel: {html.escape(c.title)}">'
        f"{_table_html(c)}</div></div>"
        f"{note}{_source_html(c, root)}{_compare_html(c, root)}"
        f'<script type="application/json" class="werkzorg-live-spec">{spec}</script>'
        f"</figure><script>{_RUNNER}</script>"
    )


class _Display:
    """Notebook output: the live chart for the website, the Vega-Lite spec for Jupyter."""

    def __init__(self, c: LiveChart, root: str):
        self.c, self.root = c, root

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": chart_html(self.c, self.root)}


def show(key: str, root: str = ROOT_FROM_NOTEBOOKS) -> _Display:
    """Display one live chart in a notebook (by key, see :func:`all_keys`)."""
    return _Display(chart(key), root)


# --------------------------------------------------------------------------- CSV downloads

def page_csv(page: str) -> str:
    """The CSV of every figure a statistics page draws, with a header naming tables, periods and retrieval dates."""
    charts = page_charts(page)
    buf = io.StringIO()
    buf.write(f"# Werk & Zorg: cijfers bij de pagina '{page}'\n")
    for c in charts:
        for s in _sources(c):
            buf.write(f"# grafiek {c.key}: tabel {s['table']} ({s['name']}), periode {s['period'] or '-'}, "
                      f"opgehaald {s['retrieved'] or '-'}\n")
    buf.write("# status: voorlopig/definitief zoals de bron het vermeldt; 'niet vermeld' als het uittreksel het niet noemt\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for c in charts:
        for r in c.rows[COLUMNS].itertuples(index=False):
            w.writerow(["" if (isinstance(x, float) and x != x) else x for x in r])
    return buf.getvalue()


def download_name(page: str) -> str:
    return f"{DOWNLOAD_DIR}/{page}.csv"


def download_link(page: str, root: str = ROOT_FROM_NOTEBOOKS):
    """A notebook output: the link to this page's CSV (written by :func:`write_downloads` at build time)."""
    from IPython.display import HTML

    return HTML(f'<p class="werkzorg-live-download"><a href="{root}{download_name(page)}" download>'
                f"Download de cijfers van deze pagina (CSV)</a>: per grafiek de tabel, de periode, de waarde, "
                "de status en de datum waarop de gegevens zijn opgehaald.</p>")


def write_downloads(outdir: str | Path) -> list[Path]:
    """Write one CSV per statistics page into the built site (called by the Sphinx extension)."""
    folder = Path(outdir) / DOWNLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for page in PAGES:
        path = folder / f"{page}.csv"
        path.write_text(page_csv(page), encoding="utf-8")
        written.append(path)
    return written
