"""The static household explorer: a grid precomputed by the household model, and its chart.

The page ``book/verkennen/verkenner.md`` calls :func:`static_explorer_html` at build time. It
embeds

- the grid: every combination of the explorer's controls, evaluated by
  :func:`werkzorg.household.evaluate` (one model, in Python);
- a Vega-Lite spec (built with Altair, in the book's plot style) whose parameters are set by
  the controls;
- the controls themselves and the read-outs.

``_static/verkenner.js`` is only glue: it turns the compact grid into records, looks up the row
for the chosen controls, writes the numbers, and sets the chart's parameters. Nothing is computed
in JavaScript. Controls can be preset from the URL, e.g.
``verkenner.html?huishouden=paar&uren1=40&uren2=16&opvang=2`` (query or ``#`` hash).

Assumptions of the explorer (shown on the page): one wage level for both adults; childcare
hours per day (10 for dagopvang, 4 for BSO); price per hour = the maximum hourly rate + 0,50.
"""

from __future__ import annotations

import html
import itertools
import json
import time
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
    "opvang": [0, 1, 2, 3, 4, 5],
    "uren1": list(range(0, 41, 4)),
    "uren2": list(range(0, 41, 4)),
}

#: Defaults: a couple, two young children two days in daycare, he 40 and she 8 hours.
DEFAULTS: dict[str, Any] = {"huishouden": "paar", "jaar": 2025, "kinderen": "2", "loon": "20",
                            "opvang": 2, "uren1": 40, "uren2": 8, "as": 2}

#: Dutch labels of the options (shown in the controls).
LABELS: dict[str, dict[Any, str]] = {
    "huishouden": {"paar": "Stel", "alleen": "Alleenstaand (ouder), vanuit de bijstand"},
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
}


def normalise(settings: dict[str, Any]) -> dict[str, Any]:
    """Controls that do not apply are fixed (the glue JS applies the same two rules):
    a single adult has no second adult's hours, and without children there is no childcare."""
    s = dict(settings)
    if s.get("huishouden") == "alleen":
        s["uren2"], s["as"] = 0, 1
    if s.get("kinderen") == "0":
        s["opvang"] = 0
    return s
#: Childcare hours per day of care, per type (explorer assumption).
HOURS_PER_DAY = {"dagopvang": 10, "bso": 4, "gastouder": 10}
#: Price above the maximum hourly rate that the explorer assumes (euro per hour).
PRICE_ABOVE_MAX = 0.50

#: Output columns shipped to the page (monthly euros, rounded) and their short keys.
MONEY_FIELDS = {"d": "disposable_year", "n1": "net1", "n2": "net2", "g1": "gross1", "g2": "gross2",
                "kot": "kot", "kc": "childcare_cost", "kgb": "kgb", "zt": "zorgtoeslag", "bb": "bijstand",
                "lc": "lost_credits", "ik": "iack"}
#: Fields shipped to the page besides the keys.
PAYLOAD_FIELDS = ["d", "n1", "n2", "kot", "kc", "kgb", "zt", "bb", "lc", "f", "ax"]
#: Bits of the flags field.
FLAG_BITS = {"ez1": 1, "ez2": 2, "fo1": 4, "fo2": 8}


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
        "year": years, "couple": couple, "bijstand": ~couple,
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


def inputs_for(huishouden: str, jaar: int, kinderen: str, loon: str, opvang: int, uren1: float, uren2: float = 0) -> dict:
    """The model input row for one setting of the explorer's controls."""
    keys = pd.DataFrame([{"huishouden": huishouden, "jaar": jaar, "kinderen": kinderen, "loon": loon,
                          "opvang": opvang, "uren1": uren1, "uren2": uren2 if huishouden == "paar" else 0}])
    return inputs_for_keys(keys).iloc[0].to_dict()


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
    out = hh.evaluate(inputs_for_keys(keys))
    grid = keys.copy()
    for short in MONEY_FIELDS:
        grid[short] = np.round(_monthly(out, short)).astype(int)
    flags = np.zeros(len(out), int)
    for name, bit in FLAG_BITS.items():
        flags |= np.where(out[name], bit, 0)
    grid["f"] = flags
    grid["ax"] = out["approx"].astype(int)
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
        "dimensions": DIMENSIONS, "defaults": DEFAULTS,
        "labels": {k: {str(a): b for a, b in v.items()} for k, v in LABELS.items()},
        "aliases": ALIASES,
        "thresholds": {},
        "approx_bits": hh.APPROX_BITS, "flag_bits": FLAG_BITS,
        "approximations": {},
        "wages": {},
    }
    for year in DIMENSIONS["jaar"]:
        ez, fo = hh.independence_thresholds(load_params(year))
        meta["thresholds"][str(year)] = {"ez": round(ez / 12), "fo": round(fo / 12)}
        meta["approximations"][str(year)] = _param_marks(year)
        meta["wages"][str(year)] = {lvl: wage_for(lvl, year) for lvl in DIMENSIONS["loon"]}
    return {"columns": columns, "meta": meta}


SERIES = {
    "d": "Besteedbaar inkomen huishouden",
    "n1": "Netto uit werk ouder 1",
    "n2": "Netto uit werk ouder 2",
}


def chart_spec() -> dict[str, Any]:
    """Vega-Lite spec of the marginal picture, driven by parameters the controls set.

    X: hours of the adult chosen with ``as`` (1 or 2); lines: household disposable income and
    each adult's net income from work per month; dashed rules: the thresholds for economic
    independence (70%) and financial independence (100% of the net minimum wage).
    """
    theme = plots.altair_theme()["config"]
    palette = [plots.OKABE_ITO["zwart"], plots.OKABE_ITO["blauw"], plots.OKABE_ITO["vermiljoen"]]
    params = [alt.param(name=f"p_{k}", value=v) for k, v in DEFAULTS.items()]
    base = alt.Chart(alt.NamedData(name="grid")).transform_filter(
        "datum.huishouden == p_huishouden && datum.jaar == p_jaar && datum.kinderen == p_kinderen"
        " && datum.loon == p_loon && datum.opvang == p_opvang"
        " && (p_huishouden == 'alleen' || (p_as == 1 ? datum.uren2 == p_uren2 : datum.uren1 == p_uren1))"
    ).transform_calculate(
        x="(p_as == 1 || p_huishouden == 'alleen') ? datum.uren1 : datum.uren2",
        xnow="(p_as == 1 || p_huishouden == 'alleen') ? p_uren1 : p_uren2",
    )
    folded = base.transform_fold(list(SERIES), as_=["serie", "euro"]).transform_filter(
        "p_huishouden == 'paar' || datum.serie != 'n2'"
    ).transform_calculate(
        reeks=" : ".join(f"datum.serie == '{k}' ? '{v}'" for k, v in SERIES.items()) + " : ''"
    )
    legend = alt.Legend(orient="bottom", direction="vertical", title=None, symbolType="stroke", symbolStrokeWidth=2.5)
    colour = alt.Color("reeks:N", title=None, sort=list(SERIES.values()),
                       scale=alt.Scale(domain=list(SERIES.values()), range=palette), legend=legend)
    x = alt.X("x:Q", title="Betaalde uren per week van de gekozen ouder", scale=alt.Scale(domain=[0, 40]),
              axis=alt.Axis(values=DIMENSIONS["uren1"]))
    y = alt.Y("euro:Q", title="Euro per maand", axis=alt.Axis(format=",.0f"))
    lines = folded.mark_line(strokeWidth=2.5).encode(
        x=x, y=y, color=colour,
        strokeDash=alt.StrokeDash("reeks:N", title=None, legend=legend, sort=list(SERIES.values()),
                                  scale=alt.Scale(domain=list(SERIES.values()), range=[[1, 0], [6, 3], [2, 2]])),
    )
    tooltip = [alt.Tooltip("reeks:N", title="Wat"), alt.Tooltip("x:Q", title="Uren per week"),
               alt.Tooltip("euro:Q", title="Euro per maand", format=",.0f")]
    points = folded.transform_filter("datum.x == datum.xnow").mark_point(size=110, filled=True, opacity=1).encode(
        x=x, y=y, color=colour,
        tooltip=tooltip,
        description=alt.Description("desc:N"),
    ).transform_calculate(desc="datum.reeks + ' bij ' + datum.x + ' uur: ' + round(datum.euro) + ' euro per maand'")
    thresholds = base.transform_filter("datum.x == 0").transform_calculate(
        ez="p_jaar == 2025 ? %d : %d" % tuple(round(hh.independence_thresholds(load_params(y))[0] / 12) for y in DIMENSIONS["jaar"]),
        fo="p_jaar == 2025 ? %d : %d" % tuple(round(hh.independence_thresholds(load_params(y))[1] / 12) for y in DIMENSIONS["jaar"]),
    ).transform_fold(["ez", "fo"], as_=["grens", "euro"]).transform_calculate(
        label="datum.grens == 'ez' ? 'economisch zelfstandig (70%)' : 'financieel onafhankelijk (100%)'"
    )
    rules = thresholds.mark_rule(strokeDash=[4, 4], color="#555555").encode(y="euro:Q")
    rule_text = thresholds.mark_text(align="right", dx=0, dy=-6, x="width", fontSize=11, color="#333333").encode(
        y="euro:Q", text="label:N")
    chart = alt.layer(rules, rule_text, lines, points).add_params(*params).properties(
        width="container", height=320,
        title=alt.Title("Inkomen per maand bij meer of minder uren werk",
                        subtitle="Bron: Werk & Zorg huishoudmodel, parameters in data/params (met bronnen)"),
    )
    spec = chart.to_dict()
    spec.pop("datasets", None)
    spec.pop("$schema", None)  # a URL in the page; vega-embed defaults to Vega-Lite without it
    if theme:
        spec["config"] = {**theme, **spec.get("config", {})}
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec["usermeta"] = {"embedOptions": {"renderer": "svg", "actions": False}}
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
    parts = [
        _select("huishouden", "Huishouden", list(LABELS["huishouden"].items())),
        _select("kinderen", "Kinderen", list(LABELS["kinderen"].items())),
        _range("uren1", "Betaald werk ouder 1", DIMENSIONS["uren1"], "uur per week"),
        _range("uren2", "Betaald werk ouder 2", DIMENSIONS["uren2"], "uur per week"),
        _range("opvang", "Kinderopvang", DIMENSIONS["opvang"], "dagen per week"),
        _select("loon", "Loon per uur (beide ouders)", list(LABELS["loon"].items())),
        _select("jaar", "Jaar", list(LABELS["jaar"].items())),
        _select("as", "Lijn in de grafiek langs de uren van", [(1, "ouder 1"), (2, "ouder 2")]),
    ]
    return '<form class="wz-controls" onsubmit="return false">' + "".join(parts) + "</form>"


def readouts_html() -> str:
    """The number read-outs; the glue JS fills them from the grid row of the chosen controls.

    With "vergelijken" on, a pinned setting ("nu") is shown next to the current one ("gewenst").
    """
    def row(key: str, label: str, cls: str = "") -> str:
        return (f'<tr class="{cls}" data-row="{key}"><th scope="row">{html.escape(label)}</th>'
                f'<td class="wz-cmp"><output data-now="{key}"></output></td>'
                f'<td><output data-out="{key}"></output></td>'
                f'<td class="wz-cmp"><output data-diff="{key}"></output></td></tr>')
    table = (
        '<table class="wz-readout"><caption>Per maand, in euro</caption>'
        '<thead class="wz-cmp"><tr><th></th><th scope="col">Nu</th><th scope="col">Gewenst</th>'
        '<th scope="col">Verschil</th></tr></thead><tbody>'
        + row("n1", "Netto inkomen uit werk, ouder 1")
        + row("n2", "Netto inkomen uit werk, ouder 2", "wz-couple-only")
        + row("bb", "Bijstand (aanvulling tot de norm)", "wz-single-only")
        + row("kgb", "Kindgebonden budget")
        + row("zt", "Zorgtoeslag")
        + row("kc", "Kosten kinderopvang")
        + row("kot", "Kinderopvangtoeslag")
        + row("lc", "Heffingskortingen die niet passen (vervallen)")
        + row("d", "Besteedbaar inkomen", "wz-total")
        + "</tbody></table>"
    )
    status = (
        '<div class="wz-status" aria-live="polite">'
        '<p class="wz-cmp" data-out="pinned"></p>'
        '<p><strong>Ouder 1:</strong> <span data-out="status1"></span>'
        '<span class="wz-cmp"> (nu: <span data-now="status1"></span>)</span></p>'
        '<p class="wz-couple-only"><strong>Ouder 2:</strong> <span data-out="status2"></span>'
        '<span class="wz-cmp"> (nu: <span data-now="status2"></span>)</span></p>'
        '<p class="wz-hint" data-out="thresholds"></p>'
        '</div>'
    )
    return '<div class="wz-results">' + table + status + "</div>"


def static_explorer_html(grid: pd.DataFrame | None = None) -> str:
    """Everything the static explorer page needs, as one HTML fragment (no external resources)."""
    payload = json.dumps(grid_payload(grid), separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    spec = json.dumps(chart_spec(), separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    return (
        '<div id="wz-verkenner" class="wz-verkenner">'
        + controls_html()
        + '<p class="wz-link">Link naar deze keuze: <a id="wz-permalink" href="#">deze pagina met jouw instellingen</a>'
        + ' <button type="button" id="wz-pin" class="wz-button" aria-pressed="false">Vergelijk: zet deze keuze vast als ‘nu’</button>'
        + ' <button type="button" id="wz-beamer" class="wz-button" aria-pressed="false">Beamerweergave</button></p>'
        + '<div class="wz-chart" id="wz-chart" role="img" aria-label="Grafiek: inkomen per maand bij meer of minder uren werk"></div>'
        + readouts_html()
        + '<div class="wz-approx" id="wz-approx" hidden></div>'
        + '<noscript><p>Deze verkenner heeft JavaScript nodig.</p></noscript>'
        + f'<script type="application/json" id="wz-verkenner-data">{payload}</script>'
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

    Childcare days follow the hours of the varying adult (:func:`childcare_days_for`).
    Returns the model's outputs plus ``x`` (hours) and monthly columns ``d_month``, ``n1_month``,
    ``n2_month``, ``ez_month``, ``fo_month``.
    """
    h = np.asarray(list(hours), float)
    keys = pd.DataFrame({
        "huishouden": settings["huishouden"], "jaar": jaar, "kinderen": settings["kinderen"], "loon": settings["loon"],
        "uren1": h if vary == 1 else settings.get("uren1", 0), "uren2": h if vary == 2 else settings.get("uren2", 0),
        "opvang": childcare_days_for(h) if settings["kinderen"] != "0" else 0,
    })
    if settings["huishouden"] == "alleen":
        keys["uren2"] = 0
    out = hh.evaluate(inputs_for_keys(keys))
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
                        note="Een dag kinderopvang per 8 uur werk; opvang 50 cent per uur boven de maximale uurprijs.")
