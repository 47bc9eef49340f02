"""The static household explorer: its controls, the model it runs in the page, and its chart.

The page ``book/verkennen/verkenner.md`` calls :func:`static_explorer_html` at build time. It
embeds a Vega-Lite spec (built with Altair, in the book's plot style), the controls and the
read-outs. After the build the Sphinx extension writes ``_static/verkenner-data.js``
(:func:`write_grid_file`): the household model for one scenario in JavaScript
(``src/werkzorg/explorer/static/huishouden.js``, a port of :mod:`werkzorg.model.household` checked against it
on thousands of generated households by ``tests/test_verkenner_js.py``), the parameters of every
year, and the control description :data:`CONTROLS`. So the page computes every amount for the
exact state the reader chose (any whole hour, a wage per partner, each child's age), with one
model call per state; the chart's points are model calls for the same state with other hours.

:data:`CONTROLS` (from :mod:`werkzorg.explorer.controls`, the one description of the controls:
values, Dutch labels, URL aliases and help text) is read by the page's form (:func:`controls_html`),
its glue (``_static/verkenner.js``), the ipywidgets explorer, the book's ``{verkenner}`` role and
the tests. A state (a dict of control values, also the URL parameters) becomes a model input row by
:func:`inputs_for_state`; the glue does the same in ``inputFor`` (tested to agree).

Controls can be preset from the URL, e.g.
``verkenner.html?huishouden=paar&uren1=40&uren2=18&opvang=2&huur=650`` (query or ``#`` hash).

Assumptions of the explorer (shown on the page): childcare hours per day (10 for a child up to 3,
4 for a school child); price per hour = the maximum hourly rate + 0,50 unless the reader gives a
price; the household claims bijstand when its income stays below the norm; childcare follows the
hours (:func:`childcare_days_for`) unless the reader picks a number of days.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from werkzorg.data.params import STATUS_LABELS_NL, available_years, load_params
from werkzorg.explorer.controls import (  # noqa: F401  (the page's names, read by the glue's tests)
    CHILD_AGES,
    CONTROLS,
    DEFAULT_AGES,
    DEFAULTS,
    DIMENSIONS,
    LEGACY,
    OPVANG_AUTO,
    PAGE_CHILDREN,
    coerce,
    normalise,
    option_label,
    state_from_query,
)
from werkzorg.model import household as hh
from werkzorg.stats import plot_style as plots

#: Name of the data script in _static (written after the build).
GRID_FILE = "verkenner-data.js"
#: The JavaScript port of the household model (shipped inside the data script).
MODEL_JS = Path(__file__).resolve().parent / "static" / "huishouden.js"
#: Hours per day of childcare by the child's age: a day at a kinderdagverblijf or gastouder for a
#: child up to 3, an afternoon of buitenschoolse opvang (or gastouder) for a school child.
HOURS_PER_DAY = {"jong": 10, "school": 4}
#: Price above the maximum hourly rate that the explorer assumes (euro per hour) without an own price.
PRICE_ABOVE_MAX = 0.50
if PAGE_CHILDREN > hh.MAX_CHILDREN:
    raise ImportError(f"the explorer offers {PAGE_CHILDREN} children, the model takes {hh.MAX_CHILDREN}")

#: Reasons the page gives instead of numbers for a state it cannot compute.
REFUSALS = {
    "jong": ("Voor ouders jonger dan 21 rekent de verkenner niet. Voor hen gelden een lagere bijstandsnorm "
             "(de jongerennorm, die afhangt van de ouders en van de woonsituatie) en een lager minimumloon, "
             "en die zitten niet in het model. Vraag de gemeente om een berekening."),
}


def childcare_days_for(hours: np.ndarray) -> np.ndarray:
    """One day of childcare per started 8 hours of work, at most 5 days."""
    return np.minimum(5, np.ceil(np.asarray(hours, float) / 8.0)).astype(int)


def days_for(state: dict[str, Any]) -> int:
    """Childcare days of a state: the chosen number, or (``uren``) one per started 8 hours of the
    parent who works least."""
    s = normalise(state)
    if int(s["kinderen"]) == 0:
        return 0
    if s["opvang"] != OPVANG_AUTO:
        return int(s["opvang"])
    least = s["uren1"] if s["huishouden"] == "alleen" else min(s["uren1"], s["uren2"])
    return int(childcare_days_for(np.array([least]))[0])


def wage_of(state: dict[str, Any], adult: int) -> float:
    """Hourly wage of an adult: the number given, or the minimum wage of January of the year."""
    w = state.get(f"loon{adult}")
    if w is None or w == "min":
        return float(load_params(int(state["jaar"]))["wml_hourly_jan"])
    return float(w)


def care_type(age: int, kind: str) -> str:
    """Childcare type following age: kinderdagverblijf up to 3, bso 4-12 (or gastouder 0-12), none from 13."""
    if age > 12:
        return ""
    if kind == "gastouder":
        return "gastouder"
    return "dagopvang" if age <= 3 else "bso"


def inputs_for_state(state: dict[str, Any], vrijlating: int = 0) -> dict[str, Any]:
    """The model input row for one state of the explorer (the page's ``inputFor`` does the same)."""
    s = normalise(state)
    year = int(s["jaar"])
    p = load_params(year)
    couple = s["huishouden"] == "paar"
    days = days_for(s)
    rent = float(p["rent_default"]) if s["huur"] is None else float(s["huur"])
    row: dict[str, Any] = dict(hh.INPUT_FIELDS, year=year, couple=couple, bijstand=True, rent=rent,
                               vrijlating=int(vrijlating), kostendelers=int(s["kostendelers"]),
                               under27=int(s["ouderleeftijd"]) < 27,
                               wage1=wage_of(s, 1), hours1=float(s["uren1"]),
                               wage2=wage_of(s, 2) if couple else 0.0, hours2=float(s["uren2"]) if couple else 0.0)
    for i in range(1, int(s["kinderen"]) + 1):
        age = int(s[f"leeftijd{i}"])
        kind = care_type(age, s["opvangsoort"])
        hours = (HOURS_PER_DAY["jong"] if age <= 3 else HOURS_PER_DAY["school"]) * days if kind else 0.0
        price = (round(p["kot_max_rate"][kind] + PRICE_ABOVE_MAX, 2) if s["prijs"] is None else float(s["prijs"])) if kind else 0.0
        row.update({f"child{i}_age": float(age), f"child{i}_care": kind if hours > 0 else "",
                    f"child{i}_care_hours": float(hours) if hours > 0 else 0.0,
                    f"child{i}_price": price if hours > 0 else 0.0})
    return row


def refusal(state: dict[str, Any]) -> str | None:
    """The reason the page shows no numbers for a state, or None."""
    return REFUSALS["jong"] if int(normalise(state)["ouderleeftijd"]) < 21 else None


def outputs_for(state: dict[str, Any], vrijlating: int = 0) -> pd.Series:
    """The model's outputs for one explorer state (used by the tests to check the page)."""
    return hh.evaluate(pd.DataFrame([inputs_for_state(state, vrijlating)])).iloc[0]


#: Amounts the page shows per row (monthly euros, rounded) and the model column behind each.
ROWS = {"n1": "net1", "n2": "net2", "bb": "bijstand", "kgb": "kgb", "zt": "zorgtoeslag", "ht": "huurtoeslag",
        "kot": "kot", "kc": "childcare_cost", "dt": "disposable_year", "lc": "lost_credits"}


def expected_month(outputs: pd.Series | dict, key: str) -> int:
    """An output of the model as the explorer shows it: euros per month, rounded (costs negative)."""
    col = ROWS[key]
    value = (outputs[col + "1"] + outputs[col + "2"]) if col == "lost_credits" else outputs[col]
    return int(np.round((-value if key == "kc" else value) / 12.0))


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
    """The approximation bits of what the page shows for one state: the model's, plus the proposed
    rent when the page proposed it and huurtoeslag depends on it (the page's ``approxBits``)."""
    ax = int(outputs["approx"])
    if outputs["huurtoeslag"] > 0 and not huur_given and "rent_default" in approx_params(year):
        ax |= APPROX_BITS["rent_default"]
    return ax


def approx_rows_marked(outputs: Any, year: int, huur_given: bool) -> set[str]:
    """Rows of the page that carry a "≈" for these outputs (the page reads APPROX_ROWS the same way)."""
    ax = page_approx_bits(outputs, year, huur_given)
    return {row for row, bits in APPROX_ROWS.items() if any(ax & APPROX_BITS[b] for b in bits)}


def marked_rows(state: dict[str, Any]) -> set[str]:
    """Rows (and ``status``) that the page marks with "≈" for a state: the approximation bits of the
    outputs after the disregard and in its phases, plus the proposed rent (the page's approxBits)."""
    s = normalise(state)
    outs = [outputs_for(s, ph) for ph in (0, 1, 2)]
    ax = int(outs[0]["approx"]) | int(outs[1]["approx"])
    if abs(outs[2]["disposable_year"] - outs[0]["disposable_year"]) >= 0.5:
        ax |= int(outs[2]["approx"])
    if outs[0]["huurtoeslag"] > 0 and s["huur"] is None and "rent_default" in approx_params(int(s["jaar"])):
        ax |= APPROX_BITS["rent_default"]
    return {row for row, bits in APPROX_ROWS.items() if any(ax & APPROX_BITS[b] for b in bits)}


def _param_marks(year: int) -> list[dict[str, str]]:
    p = load_params(year)
    return [{"name": k, "label": p.entry(k)["label"], "note": p.entry(k).get("note", "")} for k in p.approximations()]


def _params_json(year: int) -> dict[str, Any]:
    p = load_params(year)
    return {k: p[k] for k in p}


def grid_payload() -> dict[str, Any]:
    """The data the page needs: the control description, the parameters of every year and the
    metadata of the glue (rule texts, approximation map, thresholds)."""
    meta: dict[str, Any] = {
        "controls": CONTROLS, "legacy": LEGACY, "defaults": DEFAULTS, "opvang_auto": OPVANG_AUTO,
        "hours_per_day": HOURS_PER_DAY, "price_above_max": PRICE_ABOVE_MAX, "default_ages": DEFAULT_AGES,
        "rule_bits": hh.RULE_BITS, "rule_text": hh.RULE_TEXT_NL, "refusals": REFUSALS,
        "approx_bits": APPROX_BITS, "approx_when": hh.APPROX_WHEN, "approx_rows": APPROX_ROWS, "approx_params": {}, "model_approx": {},
        "approximations": {}, "thresholds": {}, "rent_default": {}, "wml": {}, "max_rate": {},
        "series_single": [SERIES["n1"], SERIES_SINGLE_N1],
    }
    params = {}
    for year in available_years():
        p = load_params(year)
        params[str(year)] = _params_json(year)
        ez, fo = hh.independence_thresholds(p)
        meta["thresholds"][str(year)] = {"ez": round(ez / 12), "fo": round(fo / 12)}
        meta["approximations"][str(year)] = _param_marks(year)
        meta["approx_params"][str(year)] = approx_params(year)
        meta["model_approx"][str(year)] = hh.approx_params(p)
        meta["rent_default"][str(year)] = float(p["rent_default"])
        meta["wml"][str(year)] = float(p["wml_hourly_jan"])
        meta["max_rate"][str(year)] = dict(p["kot_max_rate"])
    return {"meta": meta, "params": params}


def grid_script() -> str:
    """The data script: the model port, then one assignment, so it also loads from file:// (no fetch)."""
    payload = json.dumps(grid_payload(), separators=(",", ":"), ensure_ascii=False)
    return MODEL_JS.read_text(encoding="utf-8") + "\nwindow.wzVerkennerData=" + payload + ";\n"


def write_grid_file(path: Path, grid: Any = None) -> Path:
    """Write the data script (called by the Sphinx extension after an HTML build)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(grid_script(), encoding="utf-8")
    return path


SERIES = {
    "d": "Besteedbaar inkomen huishouden",
    "dv": "Besteedbaar in de eerste maanden (vrijlating)",
    "n1": "Netto uit werk ouder 1",
    "n2": "Netto uit werk ouder 2",
}
#: The line of a single parent's own net income (the page renames "ouder 1" for one parent).
SERIES_SINGLE_N1 = "Netto uit eigen werk"
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
              axis=alt.Axis(values=list(range(0, 41, 4))))
    y = alt.Y("euro:Q", title="Euro per maand", axis=alt.Axis(format=",.0f"))
    lines = line.mark_line(strokeWidth=2.5, aria=False).encode(
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
    rules = thresholds.mark_rule(strokeDash=[4, 4], color=CHART_THEMES["light"]["rule"], aria=False).encode(y="euro:Q")
    rule_text = thresholds.mark_text(align="right", dx=0, dy=-6, x="width", color=CHART_THEMES["light"]["text"],
                                     aria=False).encode(
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
    # Screen readers: Dutch labels only. The dots carry a Dutch description each; axes, legend and
    # lines would get English labels from Vega, so they are left out of the accessibility tree.
    spec["description"] = "Grafiek: besteedbaar inkomen en netto inkomen uit werk per maand bij 0 tot 40 uur betaald werk"
    spec.setdefault("config", {})
    spec["config"]["axis"] = {**spec["config"].get("axis", {}), "aria": False}
    spec["config"]["legend"] = {**spec["config"].get("legend", {}), "aria": False}
    spec["config"]["title"] = {**spec["config"].get("title", {}), "aria": False}
    spec["usermeta"] = {"embedOptions": {"renderer": "svg", "actions": False},
                        "fonts": CHART_FONTS, "themes": CHART_THEMES,
                        "colours": {"light": series_colours("light"), "dark": series_colours("dark")}}
    return spec


def _control_label(name: str) -> str:
    c = CONTROLS[name]
    single = c.get("label_single")
    text = html.escape(c["label"])
    if single:
        return (f'<span class="wz-label-couple">{text}</span>'
                f'<span class="wz-label-single">{html.escape(single)}</span>')
    return text


def _control(name: str) -> str:
    """One form element from the control description."""
    c = CONTROLS[name]
    cls = "wz-control" + (" wz-couple-only" if c.get("couple_only") else "") + (
        " wz-child-only" if c.get("child") else "")
    data = f' data-child="{c["child"]}"' if c.get("child") else ""
    hint = f'<span class="wz-hint" id="wz-{name}-hint">{html.escape(c["help"])}</span>' if c.get("help") else ""
    described = f' aria-describedby="wz-{name}-hint"' if c.get("help") else ""
    if c["kind"] == "select":
        opts = "".join(f'<option value="{html.escape(str(v))}">{html.escape(t)}</option>' for v, t in c["options"])
        return (f'<label class="{cls}"{data} for="wz-{name}"><span>{_control_label(name)}</span>'
                f'<select id="wz-{name}" data-param="{name}"{described}>{opts}</select>{hint}</label>')
    if c["kind"] == "range":
        # A label may hold only the control it names: the label names the slider, the output
        # (its value) and the step buttons sit next to it in the same block.
        return (f'<div class="{cls}"><span><label for="wz-{name}">{_control_label(name)}</label>: '
                f'<output id="wz-{name}-value" for="wz-{name}"></output> {html.escape(c["unit"])}</span>'
                f'<span class="wz-range"><button type="button" class="wz-step" data-step="-1" data-for="{name}" '
                f'aria-label="een uur minder">−</button>'
                f'<input type="range" id="wz-{name}" data-param="{name}" min="{c["min"]}" max="{c["max"]}" '
                f'step="{c["step"]}" aria-describedby="wz-{name}-value">'
                f'<button type="button" class="wz-step" data-step="1" data-for="{name}" aria-label="een uur meer">+</button>'
                f'</span></div>')
    return (f'<label class="{cls}" for="wz-{name}"><span>{_control_label(name)} ({html.escape(c["unit"])})</span>'
            f'<input type="text" id="wz-{name}" data-param="{name}" inputmode="decimal" autocomplete="off"{described}>'
            f'{hint}</label>')


#: Groups of controls on the page, in order: (Dutch heading, control names).
CONTROL_GROUPS = [
    ("Huishouden", ["huishouden", "ouderleeftijd", "kostendelers", "huur", "jaar"]),
    ("Werk en loon", ["uren1", "loon1", "uren2", "loon2"]),
    ("Kinderen en opvang", ["kinderen", *[f"leeftijd{i}" for i in range(1, PAGE_CHILDREN + 1)],
                            "opvang", "opvangsoort", "prijs"]),
    ("Grafiek", ["as"]),
]


def controls_html() -> str:
    """The controls (plain HTML form elements, labelled in Dutch), built from :data:`CONTROLS`."""
    groups = []
    for title, names in CONTROL_GROUPS:
        cls = "wz-group wz-couple-only" if all(CONTROLS[n].get("couple_only") for n in names) else "wz-group"
        groups.append(f'<fieldset class="{cls}"><legend>{html.escape(title)}</legend>'
                      + "".join(_control(n) for n in names) + "</fieldset>")
    # A <div>, not a <form>: every control updates the result at once and nothing is sent (a form
    # without a submit button misleads keyboard users; WCAG 3.2.2, H32).
    return '<div class="wz-controls">' + "".join(groups) + "</div>"


#: What the model leaves out, in plain words (shown next to the results).
LEFT_OUT = [
    "Kinderbijslag: die hangt niet af van inkomen of uren, dus verandert niet.",
    "Regelingen van de gemeente, zoals bijzondere bijstand, kwijtschelding, een individuele inkomenstoeslag "
    "of een minimapas. Die stoppen vaak als je meer gaat verdienen.",
    "De bijdrage van de gemeente aan de kinderopvang voor doelgroepouders, zoals een ouder in de bijstand "
    "die een traject naar werk volgt. Die kan de eigen bijdrage voor de opvang (bijna) helemaal betalen.",
    "De zorgpremie, reiskosten en andere kosten van werk.",
    "Vermogen: het model gaat uit van spaargeld onder de grenzen.",
    "Zelfstandigen, pensioenpremie en aftrekposten.",
    "De vaste kosten zelf: de huur is alleen nodig voor de huurtoeslag en is niet afgetrokken.",
]

#: Sentence shown where the page draws the poverty trap (bijstand with childcare costs).
DOELGROEP_NL = ("Volgt de ouder een traject naar werk, een opleiding of inburgering? Dan is ze doelgroepouder: ze "
                "kan kinderopvangtoeslag krijgen, ook zonder werk, en de gemeente betaalt vaak (een deel van) de "
                "eigen bijdrage. Dat zit niet in deze berekening; vraag het de gemeente.")


def readouts_html() -> str:
    """The results, for readers: the total first, then each part, then what falls away.

    The glue JS fills them from the grid row of the chosen controls. With "vergelijken" on, a
    pinned setting ("nu") is shown next to the current one ("gewenst").
    """
    def row(key: str, label: str, cls: str = "", single: str = "") -> str:
        text = html.escape(label) if not single else (
            f'<span class="wz-label-couple">{html.escape(label)}</span><span class="wz-label-single">{html.escape(single)}</span>')
        return (f'<tr class="{cls}" data-row="{key}"><th scope="row">{text}</th>'
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
        '<thead class="wz-cmp"><tr><td></td><th scope="col">Nu</th><th scope="col">Gewenst</th>'
        '<th scope="col">Verschil</th></tr></thead><tbody>'
        + row("n1", "Netto loon ouder 1", single="Netto loon")
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
             '<ul class="wz-rules" data-out="rules"></ul>'
             f'<p class="wz-doelgroep" data-out="doelgroep" hidden>{html.escape(DOELGROEP_NL)}</p></div>')
    status = (
        '<div class="wz-status" aria-live="polite">'
        '<h3 class="wz-side-title">Eigen inkomen</h3>'
        '<p class="wz-cmp" data-out="pinned"></p>'
        '<p><strong><span class="wz-label-couple">Ouder 1:</span><span class="wz-label-single">De ouder:</span></strong> <span data-out="status1"></span>'
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


def static_explorer_html(grid: Any = None) -> str:
    """The explorer page's HTML fragment. The model, its parameters and the control description
    come from ``_static/verkenner-data.js``, written after the build by :func:`write_grid_file` and
    added to the page's scripts by the Sphinx extension; ``grid`` is ignored and kept for callers."""
    spec = json.dumps(chart_spec(), separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    summary = ('<div class="wz-summary" aria-hidden="true"><span class="wz-summary-label">Besteedbaar per maand</span> '
               '<strong data-out="summary"></strong> <span class="wz-summary-diff" data-out="summary-diff"></span></div>')
    return (
        '<div id="wz-verkenner" class="wz-verkenner">'
        + summary
        + controls_html()
        + '<p class="wz-link">Link naar deze keuze: <a id="wz-permalink" href="#">deze pagina met jouw instellingen</a>'
        + ' <button type="button" id="wz-pin" class="wz-button" aria-pressed="false">Vergelijk: zet deze keuze vast als ‘nu’</button>'
        + ' <button type="button" id="wz-beamer" class="wz-button" aria-pressed="false">Beamerweergave</button>'
        + ' <button type="button" id="wz-print" class="wz-button">Afdrukken voor het gesprek</button></p>'
        + '<p class="wz-refusal" data-out="refusal" role="alert" hidden></p>'
        + '<div class="wz-chart" id="wz-chart" role="img" aria-label="Grafiek: inkomen per maand bij meer of minder uren werk"></div>'
        + '<p class="wz-source">Bron: het huishoudmodel van dit boek, met de bedragen en regels van het gekozen jaar. '
        + 'Welke dat zijn en waar ze vandaan komen, staat bij ‘Wat zit erachter?’ hieronder.</p>'
        + readouts_html()
        + '<div class="wz-approx" id="wz-approx" hidden></div>'
        + '<section class="wz-print-sheet" data-out="print" aria-hidden="true"></section>'
        + '<noscript><p>Deze verkenner heeft JavaScript nodig.</p></noscript>'
        + f'<script type="application/json" id="wz-verkenner-spec">{spec}</script>'
        + "</div>"
    )


def status_label(status: str) -> str:
    """Dutch label of a parameter status."""
    return STATUS_LABELS_NL.get(status, status)


# ---------------------------------------------------------------------------------------------
# The marginal picture (notebook chapter): income and independence against one adult's hours
# ---------------------------------------------------------------------------------------------

#: Typical households for the marginal picture: (title, state, adult whose hours vary).
TYPICAL_HOUSEHOLDS: list[tuple[str, dict[str, Any], int]] = [
    ("Stel, twee jonge kinderen, 20 euro per uur; ouder 1 werkt 40 uur",
     {"huishouden": "paar", "kinderen": 2, "loon1": 20.0, "loon2": 20.0, "uren1": 40}, 2),
    ("Stel, twee jonge kinderen, minimumloon; ouder 1 werkt 40 uur",
     {"huishouden": "paar", "kinderen": 2, "loon1": "min", "loon2": "min", "uren1": 40}, 2),
    ("Alleenstaande ouder in de bijstand, één kind, minimumloon",
     {"huishouden": "alleen", "kinderen": 1, "leeftijd1": 1, "loon1": "min"}, 1),
]


def marginal_frame(settings: dict[str, Any], vary: int, jaar: int = 2025, hours: Any = range(0, 41)) -> pd.DataFrame:
    """Model outputs when adult ``vary`` (1 or 2) works 0..40 hours, the rest of the state fixed.

    Childcare follows the hours (``opvang`` = ``uren``) unless the state says otherwise; the rent is
    ``settings["huur"]`` or the explorer's proposal (``rent_default``), as on the page.
    Returns the model's outputs plus ``x`` (hours) and monthly columns ``d_month``, ``n1_month``,
    ``n2_month``, ``ez_month``, ``fo_month``.
    """
    h = [int(x) for x in hours]
    base = dict(settings, jaar=jaar)
    rows = [inputs_for_state(dict(base, **{f"uren{vary}": x})) for x in h]
    out = hh.evaluate(pd.DataFrame(rows))
    out["x"] = np.asarray(h, float)
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
    return plots.finish(fig, f"Bron: Werk & Zorg huishoudmodel, met de bedragen en regels van {jaar} (zie het hoofdstuk over het model)",
                        note=("Een dag kinderopvang per 8 uur werk; opvang 50 cent per uur boven de maximale uurprijs; "
                              f"kale huur € {load_params(jaar)['rent_default']:.0f} per maand; bijstand als het inkomen "
                              "onder de norm blijft (na afloop van de vrijlating)."))
