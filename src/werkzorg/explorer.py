"""The static household explorer: a grid precomputed by the household model, and its chart.

The page ``book/verkennen/verkenner.md`` calls :func:`static_explorer_html` at build time. It
embeds a Vega-Lite spec (built with Altair, in the book's plot style), the controls and the
read-outs. The grid (every combination of the controls, evaluated by
:func:`werkzorg.household.evaluate`) is written by the Sphinx extension after the build as a
separate, cacheable script ``_static/verkenner-data.js`` (:func:`write_grid_file`), so the page
itself stays small.

``_static/verkenner.js`` looks up the row for the chosen controls and writes the numbers. It
computes one rule itself: the huurtoeslag, because the rent is a free number. It uses the
same parameters (shipped in the grid file) and the same formula as
:func:`werkzorg.household.huurtoeslag`; ``tests/test_verkenner_js.py`` checks that both agree on
thousands of generated cases. Huurtoeslag counts as income for nothing else, so adding it to the
precomputed total is exact. Controls can be preset from the URL, e.g.
``verkenner.html?huishouden=paar&uren1=40&uren2=16&opvang=2&huur=650`` (query or ``#`` hash).

Assumptions of the explorer (shown on the page): one wage level for both adults; childcare
hours per day (10 for dagopvang, 4 for BSO); price per hour = the maximum hourly rate + 0,50;
the household claims bijstand when its income stays below the norm; childcare follows the
hours (:func:`childcare_days_for`) unless the reader picks a number of days.
"""

from __future__ import annotations

import html
import itertools
import json
import time
from pathlib import Path
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from werkzorg import household as hh
from werkzorg import plots
from werkzorg.params import STATUS_LABELS_NL, load_params

#: The controls and their values, in grid order. Keys are also the URL parameter names.
DIMENSIONS: dict[str, list[Any]] = {
    "huishouden": ["paar", "alleen"],
    "jaar": [2025, 2026],
    "kinderen": ["0", "1", "2", "2s", "3"],
    "loon": ["min", "20", "30"],
    "opvang": [0, 1, 2, 3, 4, 5],  # the control also offers "uren": days follow the hours
    "uren1": list(range(0, 41, 4)),
    "uren2": list(range(0, 41, 4)),
}

#: Defaults: a couple, two young children, he 40 and she 8 hours; childcare follows the hours.
DEFAULTS: dict[str, Any] = {"huishouden": "paar", "jaar": 2025, "kinderen": "2", "loon": "20",
                            "opvang": "uren", "uren1": 40, "uren2": 8, "as": 2}
#: Value of the childcare control meaning "days follow the hours" (see :func:`childcare_days_for`).
OPVANG_AUTO = "uren"
#: Name of the grid script in _static (written after the build).
GRID_FILE = "verkenner-data.js"

#: Dutch labels of the options (shown in the controls).
LABELS: dict[str, dict[Any, str]] = {
    "huishouden": {"paar": "Stel", "alleen": "Alleenstaande ouder"},
    "jaar": {2025: "2025", 2026: "2026"},
    "kinderen": {"0": "geen kinderen", "1": "1 kind (1 jaar, dagopvang)", "2": "2 kinderen (1 en 3 jaar, dagopvang)",
                 "2s": "2 kinderen (3 jaar dagopvang, 7 jaar bso)", "3": "3 kinderen (4, 7 en 10 jaar, bso)"},
    "loon": {"min": "minimumloon", "20": "20 euro bruto per uur", "30": "30 euro bruto per uur"},
}

#: The children behind each "kinderen" option.
CHILDREN: dict[str, list[dict[str, Any]]] = {
    "0": [],
    "1": [{"age": 1, "care": "dagopvang"}],
    "2": [{"age": 1, "care": "dagopvang"}, {"age": 3, "care": "dagopvang"}],
    "2s": [{"age": 3, "care": "dagopvang"}, {"age": 7, "care": "bso"}],
    "3": [{"age": 4, "care": "bso"}, {"age": 7, "care": "bso"}, {"age": 10, "care": "bso"}],
}

#: Other spellings accepted in URLs (e.g. from the trainers' case cards).
ALIASES: dict[str, dict[str, str]] = {
    "huishouden": {"alleenstaand": "alleen", "alleenstaande": "alleen", "stel": "paar"},
    "loon": {"laag": "min", "minimumloon": "min", "midden": "20", "hoog": "30"},
    "opvang": {"auto": "uren", "volgt": "uren"},
}


def normalise(settings: dict[str, Any]) -> dict[str, Any]:
    """Controls that do not apply are fixed (the glue JS applies the same rules):
    a single adult has no second adult's hours, without children there is no childcare, and
    childcare "uren" becomes the days that follow the hours (:func:`childcare_days_for`)."""
    s = dict(settings)
    if s.get("huishouden") == "alleen":
        s["uren2"], s["as"] = 0, 1
    if s.get("kinderen") == "0":
        s["opvang"] = 0
    if s.get("opvang") == OPVANG_AUTO:
        least = s.get("uren1", 0) if s.get("huishouden") == "alleen" else min(s.get("uren1", 0), s.get("uren2", 0))
        s["opvang"] = int(childcare_days_for(np.array([least]))[0])
    return s
#: Childcare hours per day of care, per type (explorer assumption).
HOURS_PER_DAY = {"dagopvang": 10, "bso": 4, "gastouder": 10}
#: Price above the maximum hourly rate that the explorer assumes (euro per hour).
PRICE_ABOVE_MAX = 0.50

#: Output columns shipped to the page (monthly euros, rounded) and their short keys.
#: ``d`` is the disposable income without huurtoeslag (the page adds it for the chosen rent).
MONEY_FIELDS = {"d": "disposable_year", "n1": "net1", "n2": "net2", "g1": "gross1", "g2": "gross2",
                "kot": "kot", "kc": "childcare_cost", "kgb": "kgb", "zt": "zorgtoeslag", "bb": "bijstand",
                "lc": "lost_credits", "ik": "iack"}
#: Fields shipped to the page besides the keys: the money fields, flags, approximation bits,
#: rules bits, the yearly toetsingsinkomen ``ti`` (for the huurtoeslag), and per phase of the
#: earnings disregard (1 = first months, 2 = single parent) the change in yearly bijstand
#: (``b1``, ``b2``) and in monthly disposable income without huurtoeslag (``e1``, ``e2``).
#: ``d`` travels as ``dr``, its difference from the sum of its rounded parts (a few euros at most),
#: which compresses far better; the page adds the parts back.
PAYLOAD_FIELDS = ["dr", "n1", "n2", "kot", "kc", "kgb", "zt", "bb", "lc", "f", "ax", "r", "ti", "b1", "e1", "b2", "e2"]
#: The parts of ``d`` (sign +1 or -1), as the page adds them up.
D_PARTS = {"n1": 1, "n2": 1, "bb": 1, "kgb": 1, "zt": 1, "kot": 1, "kc": -1}
#: Bits of the flags field.
FLAG_BITS = {"ez1": 1, "ez2": 2, "fo1": 4, "fo2": 8}
#: Approximation bits on the page: the model's (household.APPROX_BITS) plus the rent the page proposes.
APPROX_BITS = {**hh.APPROX_BITS, "rent_default": 1 << 12}
#: Which approximation bits put a "≈" next to which amount on the page (row keys of the table;
#: ``status`` = the independence status). The page reads this map; nothing else decides it.
APPROX_ROWS = {
    "kot": ["kot"], "kgb": ["kgb", "kgb_12_15", "kgb_16_17"],
    "bb": ["bijstand_single", "bijstand_couple", "vrijlating_n", "vrijlating_r"],
    "zt": ["zorgtoeslag"], "ht": ["huurtoeslag", "rent_default"], "status": ["thresholds"],
}


def approx_params(year: int) -> dict[str, list[str]]:
    """Per page approximation bit, this year's parameters marked "approximation" (shipped to the page)."""
    p = load_params(year)
    table = hh.approx_params(p)
    if "rent_default" in p.approximations():
        table["rent_default"] = ["rent_default"]
    return table


def page_approx_bits(outputs: Any, year: int, huur_given: bool) -> int:
    """The approximation bits of what the page shows for one state (the model's, plus huurtoeslag
    and the proposed rent, which the page adds); the page computes the same in approxBits()."""
    ax = int(outputs["approx"])
    table = approx_params(year)
    if outputs["huurtoeslag"] > 0:
        if "huurtoeslag" in table:
            ax |= APPROX_BITS["huurtoeslag"]
        if not huur_given and "rent_default" in table:
            ax |= APPROX_BITS["rent_default"]
    return ax


def wage_for(level: str, year: int) -> float:
    """Hourly wage for a wage level: the minimum wage of the year (January) or a fixed amount."""
    if level == "min":
        return float(load_params(year)["wml_hourly_jan"])
    return float(level)


def _check_keys(keys: pd.DataFrame) -> None:
    # Hours may lie between grid points (the notebook uses steps of 1 hour); the model checks their range.
    for key in ("huishouden", "jaar", "kinderen", "loon", "opvang"):
        bad = ~keys[key].isin(DIMENSIONS[key])
        if bad.any():
            raise ValueError(f"{key}: must be one of {', '.join(map(str, DIMENSIONS[key]))} "
                             f"(got {keys[key][bad].iloc[0]!r})")


def inputs_for_keys(keys: pd.DataFrame) -> pd.DataFrame:
    """Model input rows for settings of the explorer's controls (vectorised)."""
    keys = keys.reset_index(drop=True)
    _check_keys(keys)
    couple = (keys["huishouden"] == "paar").to_numpy()
    years = keys["jaar"].to_numpy(dtype=int)
    wage_table = {(lvl, y): wage_for(lvl, y) for lvl in DIMENSIONS["loon"] for y in DIMENSIONS["jaar"]}
    wage = np.array([wage_table[k] for k in zip(keys["loon"], years.tolist())])
    inp: dict[str, Any] = {
        "year": years, "couple": couple, "bijstand": True, "rent": 0.0,
        "wage1": wage, "hours1": keys["uren1"].to_numpy(dtype=float), "care1": 0.0,
        "wage2": np.where(couple, wage, 0.0), "hours2": np.where(couple, keys["uren2"].to_numpy(dtype=float), 0.0), "care2": 0.0,
    }
    days = keys["opvang"].to_numpy(dtype=float)
    kids = keys["kinderen"].to_numpy()
    max_rate = {y: load_params(y)["kot_max_rate"] for y in DIMENSIONS["jaar"]}
    for i in range(hh.MAX_CHILDREN):
        age = np.full(len(keys), np.nan)
        care = np.full(len(keys), "", dtype=object)
        hours = np.zeros(len(keys))
        price = np.zeros(len(keys))
        for option, children in CHILDREN.items():
            if i >= len(children):
                continue
            m = kids == option
            kind = children[i]["care"]
            age[m] = children[i]["age"]
            care[m] = kind
            hours[m] = HOURS_PER_DAY[kind] * days[m]
            for y in DIMENSIONS["jaar"]:
                price[m & (years == y)] = round(max_rate[y][kind] + PRICE_ABOVE_MAX, 2)
        n = i + 1
        inp[f"child{n}_age"], inp[f"child{n}_care"] = age, care
        inp[f"child{n}_care_hours"], inp[f"child{n}_price"] = hours, price
    return pd.DataFrame(inp)


def inputs_for(huishouden: str, jaar: int, kinderen: str, loon: str, opvang: Any, uren1: float, uren2: float = 0,
               huur: float = 0.0, vrijlating: int = 0) -> dict:
    """The model input row for one setting of the explorer's controls (plus rent and disregard phase)."""
    s = normalise({"huishouden": huishouden, "jaar": jaar, "kinderen": kinderen, "loon": loon,
                   "opvang": opvang, "uren1": uren1, "uren2": uren2 if huishouden == "paar" else 0})
    s.pop("as", None)
    row = inputs_for_keys(pd.DataFrame([s])).iloc[0].to_dict()
    row.update(rent=float(huur), vrijlating=int(vrijlating))
    return row


def outputs_for(settings: dict[str, Any], huur: float, vrijlating: int = 0) -> pd.Series:
    """The model's outputs for one explorer setting (used by the tests to check the page)."""
    keys = {k: settings[k] for k in ("huishouden", "jaar", "kinderen", "loon", "opvang", "uren1")}
    return hh.evaluate(pd.DataFrame([inputs_for(**keys, uren2=settings.get("uren2", 0), huur=huur,
                                                vrijlating=vrijlating)])).iloc[0]


def _monthly(outputs: Any, key: str) -> Any:
    col = MONEY_FIELDS[key]
    if col in ("lost_credits", "iack"):
        return (outputs[col + "1"] + outputs[col + "2"]) / 12.0
    return outputs[col] / 12.0


def expected_month(outputs: pd.Series | dict, key: str) -> int:
    """An output of the model as the explorer shows it: euros per month, rounded."""
    return int(np.round(_monthly(outputs, key)))


def grid_keys() -> pd.DataFrame:
    """Every combination of the controls (for a single parent only uren2 = 0)."""
    names = list(DIMENSIONS)
    keys = pd.DataFrame(list(itertools.product(*DIMENSIONS.values())), columns=names)
    keep = ((keys["huishouden"] == "paar") | (keys["uren2"] == 0)) & ((keys["kinderen"] != "0") | (keys["opvang"] == 0))
    return keys[keep].reset_index(drop=True)


def build_grid() -> pd.DataFrame:
    """Evaluate the model on every combination of the controls; monthly euros, rounded."""
    keys = grid_keys()
    inputs = inputs_for_keys(keys)
    out = hh.evaluate(inputs)
    grid = keys.copy()
    for short in MONEY_FIELDS:
        grid[short] = np.round(_monthly(out, short)).astype(int)
    flags = np.zeros(len(out), int)
    for name, bit in FLAG_BITS.items():
        flags |= np.where(out[name], bit, 0)
    grid["f"] = flags
    grid["ti"] = np.round(out["toetsingsinkomen"]).astype(int)
    grid["b1"], grid["e1"], grid["b2"], grid["e2"] = 0, 0, 0, 0
    rules, approx = out["rules"].to_numpy().copy(), out["approx"].to_numpy().copy()
    # Phases of the earnings disregard: only rows with earnings can differ (also a row just above the
    # norm, which the disregard can bring back under it).
    affected = ((out["net1"] + out["net2"]) > 0).to_numpy()
    for phase in (1, 2):
        idx = np.flatnonzero(affected & ((keys["huishouden"] == "alleen").to_numpy() | (phase == 1)))
        if not len(idx):
            continue
        alt_out = hh.evaluate(inputs.iloc[idx].assign(vrijlating=phase))
        grid.loc[idx, f"b{phase}"] = np.round(alt_out["bijstand"].to_numpy() - out["bijstand"].to_numpy()[idx]).astype(int)
        grid.loc[idx, f"e{phase}"] = (np.round(alt_out["disposable_year"].to_numpy() / 12)
                                      - np.round(out["disposable_year"].to_numpy()[idx] / 12)).astype(int)
        rules[idx] |= alt_out["rules"].to_numpy() & (hh.RULE_BITS["vrijlating_n"] | hh.RULE_BITS["vrijlating_r"])
        approx[idx] |= alt_out["approx"].to_numpy()
    grid["r"] = rules.astype(int)
    grid["ax"] = approx.astype(int)
    grid["dr"] = grid["d"] - sum(sign * grid[k] for k, sign in D_PARTS.items())
    return grid


def _param_marks(year: int) -> list[dict[str, str]]:
    p = load_params(year)
    return [{"name": k, "label": p.entry(k)["label"], "note": p.entry(k).get("note", "")} for k in p.approximations()]


def grid_payload(grid: pd.DataFrame | None = None) -> dict[str, Any]:
    """The compact JSON the page embeds: column arrays plus the metadata the glue JS needs."""
    grid = build_grid() if grid is None else grid
    # Keys as positions in DIMENSIONS (small integers); the glue JS maps them back.
    columns = {k: grid[k].map({v: i for i, v in enumerate(vals)}).astype(int).tolist() for k, vals in DIMENSIONS.items()}
    columns.update({c: grid[c].astype(int).tolist() for c in PAYLOAD_FIELDS})
    meta = {
        "dimensions": DIMENSIONS, "defaults": DEFAULTS, "opvang_auto": OPVANG_AUTO,
        "rule_bits": hh.RULE_BITS, "rule_text": hh.RULE_TEXT_NL, "d_parts": D_PARTS,
        "huurtoeslag": {}, "rent_default": {},
        "labels": {k: {str(a): b for a, b in v.items()} for k, v in LABELS.items()},
        "aliases": ALIASES,
        "thresholds": {},
        "approx_bits": APPROX_BITS, "flag_bits": FLAG_BITS, "approx_rows": APPROX_ROWS, "approx_params": {},
        "approximations": {},
        "wages": {},
    }
    for year in DIMENSIONS["jaar"]:
        ez, fo = hh.independence_thresholds(load_params(year))
        meta["thresholds"][str(year)] = {"ez": round(ez / 12), "fo": round(fo / 12)}
        meta["approximations"][str(year)] = _param_marks(year)
        meta["approx_params"][str(year)] = approx_params(year)
        meta["wages"][str(year)] = {lvl: wage_for(lvl, year) for lvl in DIMENSIONS["loon"]}
        meta["huurtoeslag"][str(year)] = huurtoeslag_params(year)
        meta["rent_default"][str(year)] = float(load_params(year)["rent_default"])
    return {"columns": columns, "meta": meta}


def huurtoeslag_params(year: int) -> dict[str, float]:
    """The huurtoeslag parameters of a year, as the page's huurtoeslag function reads them."""
    p = load_params(year)
    return {k: float(p[k]) for k in p if k.startswith("ht_")}


def grid_script(grid: pd.DataFrame | None = None) -> str:
    """The grid file's text: one assignment, so it also loads from file:// (no fetch)."""
    payload = json.dumps(grid_payload(grid), separators=(",", ":"), ensure_ascii=False)
    return "window.wzVerkennerData=" + payload + ";\n"


def write_grid_file(path: Path, grid: pd.DataFrame | None = None) -> Path:
    """Write the grid script (called by the Sphinx extension after an HTML build)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(grid_script(grid), encoding="utf-8")
    return path


SERIES = {
    "d": "Besteedbaar inkomen huishouden",
    "dv": "Besteedbaar in de eerste maanden (vrijlating)",
    "n1": "Netto uit werk ouder 1",
    "n2": "Netto uit werk ouder 2",
}
#: Line styles per series: (Okabe-Ito colour name for light, for dark, dash pattern).
SERIES_STYLE = {"d": ("zwart", "wit", [1, 0]), "dv": ("oranje", "oranje", [1, 3]),
                "n1": ("blauw", "hemelsblauw", [6, 3]), "n2": ("vermiljoen", "vermiljoen", [2, 2])}
#: Font sizes (px) of the chart text per view; the glue JS picks one and re-draws.
CHART_FONTS = {"phone": 13, "screen": 14, "beamer": 24}
#: Colours of the chart's text and axes per theme.
CHART_THEMES = {"light": {"text": "#222222", "grid": "#dddddd", "rule": "#555555", "wit": "#111111"},
                "dark": {"text": "#e8e8e8", "grid": "#444444", "rule": "#bbbbbb", "wit": "#f2f2f2"}}


def _colour(name: str, theme: str) -> str:
    if name == "wit":
        return CHART_THEMES[theme]["wit"]
    return plots.OKABE_ITO.get(name, "#000000")


def series_colours(theme: str) -> list[str]:
    """The line colours in SERIES order for a theme ("light" or "dark")."""
    return [_colour(SERIES_STYLE[k][0 if theme == "light" else 1], theme) for k in SERIES]


def chart_spec() -> dict[str, Any]:
    """Vega-Lite spec of the marginal picture. The glue JS fills the dataset ``line``
    (one point per hour value and series, for the chosen controls and rent) and sets the
    thresholds ``p_ez``/``p_fo`` and the current hours ``p_x``.

    X: hours of the adult chosen with ``as``; lines: household disposable income (after and, on
    bijstand, during the earnings disregard) and each adult's net income from work per month;
    dashed rules: economic independence (70%) and financial independence (100%).
    """
    theme = plots.altair_theme()["config"]
    params = [alt.param(name="p_ez", value=0), alt.param(name="p_fo", value=0), alt.param(name="p_x", value=0),
              alt.param(name="p_series", value=[SERIES[k] for k in ("d", "n1", "n2")])]
    line = alt.Chart(alt.NamedData(name="line")).transform_calculate(
        reeks=" : ".join(f"datum.serie == '{k}' ? '{v}'" for k, v in SERIES.items()) + " : ''"
    )
    legend = alt.Legend(orient="bottom", direction="vertical", title=None, symbolType="stroke", symbolStrokeWidth=2.5,
                        labelLimit=0, values=alt.ExprRef("p_series"))
    colour = alt.Color("reeks:N", title=None, sort=list(SERIES.values()),
                       scale=alt.Scale(domain=list(SERIES.values()), range=series_colours("light")), legend=legend)
    x = alt.X("x:Q", title="Betaalde uren per week van de gekozen ouder", scale=alt.Scale(domain=[0, 40]),
              axis=alt.Axis(values=DIMENSIONS["uren1"]))
    y = alt.Y("euro:Q", title="Euro per maand", axis=alt.Axis(format=",.0f"))
    lines = line.mark_line(strokeWidth=2.5).encode(
        x=x, y=y, color=colour,
        strokeDash=alt.StrokeDash("reeks:N", title=None, legend=legend, sort=list(SERIES.values()),
                                  scale=alt.Scale(domain=list(SERIES.values()), range=[v[2] for v in SERIES_STYLE.values()])),
    )
    tooltip = [alt.Tooltip("reeks:N", title="Wat"), alt.Tooltip("x:Q", title="Uren per week"),
               alt.Tooltip("euro:Q", title="Euro per maand", format=",.0f")]
    points = line.transform_filter("datum.x == p_x").mark_point(size=110, filled=True, opacity=1).encode(
        x=x, y=y, color=colour, tooltip=tooltip, description=alt.Description("desc:N"),
    ).transform_calculate(desc="datum.reeks + ' bij ' + datum.x + ' uur: ' + round(datum.euro) + ' euro per maand'")
    thresholds = line.transform_filter("datum.x == 0 && datum.serie == 'd'").transform_calculate(
        ez="p_ez", fo="p_fo",
    ).transform_fold(["ez", "fo"], as_=["grens", "euro"]).transform_calculate(
        label="datum.grens == 'ez' ? 'economisch zelfstandig (70%)' : 'financieel onafhankelijk (100%)'"
    )
    rules = thresholds.mark_rule(strokeDash=[4, 4], color=CHART_THEMES["light"]["rule"]).encode(y="euro:Q")
    rule_text = thresholds.mark_text(align="right", dx=0, dy=-6, x="width", color=CHART_THEMES["light"]["text"]).encode(
        y="euro:Q", text="label:N")
    chart = alt.layer(rules, rule_text, lines, points).add_params(*params).properties(
        width="container", height=320,
        title=alt.Title("Inkomen per maand bij meer of minder uren werk"),
    )
    spec = chart.to_dict()
    spec.pop("datasets", None)
    spec.pop("$schema", None)  # a URL in the page; vega-embed defaults to Vega-Lite without it
    if theme:
        spec["config"] = {**theme, **spec.get("config", {})}
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec["usermeta"] = {"embedOptions": {"renderer": "svg", "actions": False},
                        "fonts": CHART_FONTS, "themes": CHART_THEMES,
                        "colours": {"light": series_colours("light"), "dark": series_colours("dark")}}
    return spec


def _select(name: str, label: str, options: list[tuple[Any, str]], hint: str = "") -> str:
    opts = "".join(f'<option value="{html.escape(str(v))}">{html.escape(t)}</option>' for v, t in options)
    hint_html = f'<span class="wz-hint">{html.escape(hint)}</span>' if hint else ""
    return (f'<label class="wz-control" for="wz-{name}"><span>{html.escape(label)}</span>'
            f'<select id="wz-{name}" data-param="{name}">{opts}</select>{hint_html}</label>')


def _range(name: str, label: str, values: list[int], unit: str) -> str:
    return (f'<label class="wz-control" for="wz-{name}"><span>{html.escape(label)}: '
            f'<output id="wz-{name}-value" for="wz-{name}"></output> {html.escape(unit)}</span>'
            f'<input type="range" id="wz-{name}" data-param="{name}" min="{values[0]}" max="{values[-1]}" '
            f'step="{values[1] - values[0]}"></label>')


def controls_html() -> str:
    """The controls (plain HTML form elements, labelled in Dutch)."""
    opvang = [(OPVANG_AUTO, "volgt de uren (1 dag per 8 uur werk)")] + [
        (d, "geen" if d == 0 else f"{d} {'dag' if d == 1 else 'dagen'} per week") for d in DIMENSIONS["opvang"]]
    rent = ('<label class="wz-control" for="wz-huur"><span>Kale huur per maand (euro)</span>'
            '<input type="number" id="wz-huur" data-param="huur" min="0" max="5000" step="10" inputmode="numeric">'
            '<span class="wz-hint" id="wz-huur-hint"></span></label>')
    parts = [
        _select("huishouden", "Huishouden", list(LABELS["huishouden"].items())),
        _select("kinderen", "Kinderen", list(LABELS["kinderen"].items())),
        _range("uren1", "Betaald werk ouder 1", DIMENSIONS["uren1"], "uur per week"),
        _range("uren2", "Betaald werk ouder 2", DIMENSIONS["uren2"], "uur per week"),
        _select("opvang", "Kinderopvang", opvang),
        _select("loon", "Loon per uur (beide ouders)", list(LABELS["loon"].items())),
        rent,
        _select("jaar", "Jaar", list(LABELS["jaar"].items())),
        _select("as", "Lijn in de grafiek langs de uren van", [(1, "ouder 1"), (2, "ouder 2")]),
    ]
    return '<form class="wz-controls" onsubmit="return false">' + "".join(parts) + "</form>"


#: What the model leaves out, in plain words (shown next to the results).
LEFT_OUT = [
    "Kinderbijslag: die hangt niet af van inkomen of uren, dus verandert niet.",
    "Regelingen van de gemeente, zoals bijzondere bijstand, kwijtschelding of een minimapas. "
    "Die stoppen vaak als je meer gaat verdienen.",
    "De zorgpremie, reiskosten en andere kosten van werk.",
    "Vermogen: het model gaat uit van spaargeld onder de grenzen.",
    "Zelfstandigen, pensioenpremie en aftrekposten.",
    "De vaste kosten zelf: de huur is alleen nodig voor de huurtoeslag en is niet afgetrokken.",
]


def readouts_html() -> str:
    """The results, for readers: the total first, then each part, then what falls away.

    The glue JS fills them from the grid row of the chosen controls. With "vergelijken" on, a
    pinned setting ("nu") is shown next to the current one ("gewenst").
    """
    def row(key: str, label: str, cls: str = "") -> str:
        return (f'<tr class="{cls}" data-row="{key}"><th scope="row">{html.escape(label)}</th>'
                f'<td class="wz-cmp"><output data-now="{key}"></output></td>'
                f'<td><output data-out="{key}"></output></td>'
                f'<td class="wz-cmp"><output data-diff="{key}"></output></td></tr>')
    total = (
        '<div class="wz-total-box">'
        '<p class="wz-total-label">Besteedbaar inkomen van het huishouden, per maand</p>'
        '<p class="wz-total"><output data-out="dt"></output></p>'
        '<p class="wz-cmp wz-total-cmp">Dat is de gewenste situatie. Nu: <output data-now="dt"></output>; '
        'verschil: <output data-diff="dt"></output> per maand.</p>'
        '<p class="wz-phase" data-out="phase" hidden></p>'
        '</div>'
    )
    table = (
        '<table class="wz-readout"><caption>Waar het uit bestaat (per maand, in euro)</caption>'
        '<thead class="wz-cmp"><tr><th></th><th scope="col">Nu</th><th scope="col">Gewenst</th>'
        '<th scope="col">Verschil</th></tr></thead><tbody>'
        + row("n1", "Netto loon ouder 1")
        + row("n2", "Netto loon ouder 2", "wz-couple-only")
        + row("bb", "Bijstand (aanvulling tot de norm)")
        + row("kgb", "Kindgebonden budget")
        + row("zt", "Zorgtoeslag")
        + row("ht", "Huurtoeslag")
        + row("kot", "Kinderopvang\u00adtoeslag")
        + row("kc", "Kosten kinderopvang")
        + row("dt", "Besteedbaar inkomen", "wz-total-row")
        + "</tbody></table>"
    )
    lost = '<p class="wz-lost" data-out="lost" hidden></p>'
    notes = ('<div class="wz-notes" aria-live="polite"><p class="wz-warn" data-out="warn" hidden></p>'
             '<ul class="wz-rules" data-out="rules"></ul></div>')
    status = (
        '<div class="wz-status" aria-live="polite">'
        '<h3 class="wz-side-title">Eigen inkomen</h3>'
        '<p class="wz-cmp" data-out="pinned"></p>'
        '<p><strong>Ouder 1:</strong> <span data-out="status1"></span>'
        '<span class="wz-cmp"> (nu: <span data-now="status1"></span>)</span></p>'
        '<p class="wz-couple-only"><strong>Ouder 2:</strong> <span data-out="status2"></span>'
        '<span class="wz-cmp"> (nu: <span data-now="status2"></span>)</span></p>'
        '<p class="wz-hint" data-out="thresholds"></p>'
        '</div>'
    )
    left = ('<aside class="wz-left-out" aria-labelledby="wz-left-out-title">'
            '<h3 class="wz-side-title" id="wz-left-out-title">Wat zit er niet in?</h3><ul>'
            + "".join(f"<li>{html.escape(t)}</li>" for t in LEFT_OUT) + "</ul></aside>")
    main = '<div class="wz-main">' + total + table + lost + notes + '</div>'
    side = '<div class="wz-side">' + status + left + '</div>'
    return '<div class="wz-results">' + main + side + "</div>"


def static_explorer_html(grid: pd.DataFrame | None = None) -> str:
    """The explorer page's HTML fragment. The grid comes from ``_static/verkenner-data.js``, written
    after the build by :func:`write_grid_file` and added to the page's scripts by the Sphinx
    extension; ``grid`` is ignored and kept for callers."""
    spec = json.dumps(chart_spec(), separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    return (
        '<div id="wz-verkenner" class="wz-verkenner">'
        + controls_html()
        + '<p class="wz-link">Link naar deze keuze: <a id="wz-permalink" href="#">deze pagina met jouw instellingen</a>'
        + ' <button type="button" id="wz-pin" class="wz-button" aria-pressed="false">Vergelijk: zet deze keuze vast als ‘nu’</button>'
        + ' <button type="button" id="wz-beamer" class="wz-button" aria-pressed="false">Beamerweergave</button></p>'
        + '<div class="wz-chart" id="wz-chart" role="img" aria-label="Grafiek: inkomen per maand bij meer of minder uren werk"></div>'
        + '<p class="wz-source">Bron: Werk &amp; Zorg huishoudmodel, met de bedragen en bronnen uit data/params.</p>'
        + readouts_html()
        + '<div class="wz-approx" id="wz-approx" hidden></div>'
        + '<noscript><p>Deze verkenner heeft JavaScript nodig.</p></noscript>'
        + f'<script type="application/json" id="wz-verkenner-spec">{spec}</script>'
        + "</div>"
    )


def grid_build_seconds(repeat: int = 3) -> float:
    """Median wall time to build the grid (for the benchmark)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        build_grid()
        times.append(time.perf_counter() - t)
    return float(np.median(times))


def status_label(status: str) -> str:
    """Dutch label of a parameter status."""
    return STATUS_LABELS_NL.get(status, status)


# ---------------------------------------------------------------------------------------------
# The marginal picture (notebook chapter): income and independence against one adult's hours
# ---------------------------------------------------------------------------------------------

#: Typical households for the marginal picture: (title, settings, adult whose hours vary).
TYPICAL_HOUSEHOLDS: list[tuple[str, dict[str, Any], int]] = [
    ("Stel, twee jonge kinderen, 20 euro per uur; ouder 1 werkt 40 uur",
     {"huishouden": "paar", "kinderen": "2", "loon": "20", "uren1": 40}, 2),
    ("Stel, twee jonge kinderen, minimumloon; ouder 1 werkt 40 uur",
     {"huishouden": "paar", "kinderen": "2", "loon": "min", "uren1": 40}, 2),
    ("Alleenstaande ouder vanuit de bijstand, één kind, minimumloon",
     {"huishouden": "alleen", "kinderen": "1", "loon": "min"}, 1),
]


def childcare_days_for(hours: np.ndarray) -> np.ndarray:
    """Notebook assumption: one day of childcare per started 8 hours of work, at most 5 days."""
    return np.minimum(5, np.ceil(np.asarray(hours, float) / 8.0)).astype(int)


def marginal_frame(settings: dict[str, Any], vary: int, jaar: int = 2025, hours: Any = range(0, 41)) -> pd.DataFrame:
    """Model outputs when adult ``vary`` (1 or 2) works 0..40 hours, the rest fixed.

    Childcare days follow the hours of the adult who works least (:func:`childcare_days_for`); the rent is
    ``settings["huur"]`` or the explorer's proposal (``rent_default``), as on the page.
    Returns the model's outputs plus ``x`` (hours) and monthly columns ``d_month``, ``n1_month``,
    ``n2_month``, ``ez_month``, ``fo_month``.
    """
    h = np.asarray(list(hours), float)
    keys = pd.DataFrame({
        "huishouden": settings["huishouden"], "jaar": jaar, "kinderen": settings["kinderen"], "loon": settings["loon"],
        "uren1": h if vary == 1 else settings.get("uren1", 0), "uren2": h if vary == 2 else settings.get("uren2", 0),
        "opvang": childcare_days_for(h if settings["huishouden"] == "alleen" else
                                     np.minimum(h, settings.get("uren1" if vary == 2 else "uren2", 0)))
        if settings["kinderen"] != "0" else 0,
    })
    if settings["huishouden"] == "alleen":
        keys["uren2"] = 0
    rent = settings.get("huur", float(load_params(jaar)["rent_default"]))
    out = hh.evaluate(inputs_for_keys(keys).assign(rent=rent))
    out["x"] = h
    for short, col in (("d", "disposable_year"), ("n1", "net1"), ("n2", "net2"),
                       ("ez", "ez_threshold"), ("fo", "fo_threshold")):
        out[f"{short}_month"] = out[col] / 12.0
    return out


def marginal_figure(title: str, settings: dict[str, Any], vary: int, jaar: int = 2025):
    """Matplotlib figure in the book's style: disposable income and each adult's net income from work
    against the hours of one adult, with the independence thresholds."""
    frame = marginal_frame(settings, vary, jaar)
    fig, ax = plots.figure(title, ylabel="Euro per maand", xlabel=f"Betaalde uren per week van ouder {vary}")
    series = [("d_month", "Besteedbaar inkomen huishouden", plots.OKABE_ITO["zwart"], "-"),
              ("n1_month", "Netto uit werk ouder 1", plots.OKABE_ITO["blauw"], "--")]
    if settings["huishouden"] == "paar":
        series.append(("n2_month", "Netto uit werk ouder 2", plots.OKABE_ITO["vermiljoen"], ":"))
    for col, label, colour, dash in series:
        ax.plot(frame["x"], frame[col], label=label, color=colour, linestyle=dash, linewidth=2)
    for col, label in (("ez_month", "economisch zelfstandig"), ("fo_month", "financieel onafhankelijk")):
        y = float(frame[col].iloc[0])
        ax.axhline(y, color="#777777", linewidth=1, linestyle=(0, (4, 4)))
        ax.annotate(label, (frame["x"].max(), y), xytext=(0, 3), textcoords="offset points",
                    ha="right", va="bottom", fontsize=9, color="#444444")
    plots.euro_axis(ax)
    ax.set_xlim(0, float(frame["x"].max()))
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper left", fontsize=9)
    return plots.finish(fig, f"Bron: Werk & Zorg huishoudmodel, parameters {jaar} in data/params (met bronnen)",
                        note=("Een dag kinderopvang per 8 uur werk; opvang 50 cent per uur boven de maximale uurprijs; "
                              f"kale huur € {load_params(jaar)['rent_default']:.0f} per maand; bijstand als het inkomen "
                              "onder de norm blijft (na afloop van de vrijlating)."))
