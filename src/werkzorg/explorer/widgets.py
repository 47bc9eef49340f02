"""The ipywidgets explorer: two scenarios of one household side by side ("nu" and "gewenst").

For readers who run the notebook in Jupyter. Every number comes from
:func:`werkzorg.model.household.evaluate`; this module only builds the controls and the table.
On the static site the widgets show their first state only (no kernel); the static explorer
(``book/verkennen/verkenner``) is the interactive version there.

Usage in a notebook::

    from werkzorg.explorer.widgets import explorer_widget
    explorer_widget()
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from werkzorg import format_nl
from werkzorg.explorer import controls
from werkzorg.explorer import page as explorer
from werkzorg.model import household as hh

#: Rows of the comparison table: (output column, Dutch label, kind).
COMPARISON_ROWS: list[tuple[str, str, str]] = [
    ("gross1", "Bruto inkomen ouder 1", "month"),
    ("gross2", "Bruto inkomen ouder 2", "month"),
    ("net1", "Netto inkomen uit werk ouder 1", "month"),
    ("net2", "Netto inkomen uit werk ouder 2", "month"),
    ("iack_total", "Combinatiekorting (IACK)", "month"),
    ("bijstand", "Bijstand", "month"),
    ("huurtoeslag", "Huurtoeslag", "month"),
    ("kgb", "Kindgebonden budget", "month"),
    ("zorgtoeslag", "Zorgtoeslag", "month"),
    ("childcare_cost", "Kosten kinderopvang", "month"),
    ("kot", "Kinderopvangtoeslag", "month"),
    ("disposable_year", "Besteedbaar inkomen", "month"),
    ("lost_total", "Niet meegeteld: heffingskortingen die wegvallen", "month"),
    ("ez1", "Ouder 1 economisch zelfstandig", "flag"),
    ("ez2", "Ouder 2 economisch zelfstandig", "flag"),
    ("fo1", "Ouder 1 financieel onafhankelijk", "flag"),
    ("fo2", "Ouder 2 financieel onafhankelijk", "flag"),
    ("paid_hours1", "Betaalde uren ouder 1 (per week)", "hours"),
    ("paid_hours2", "Betaalde uren ouder 2 (per week)", "hours"),
    ("care_hours1", "Zorguren ouder 1 (per week)", "hours"),
    ("care_hours2", "Zorguren ouder 2 (per week)", "hours"),
    ("care_share1", "Aandeel zorg ouder 1", "share"),
    ("care_share2", "Aandeel zorg ouder 2", "share"),
]


def comparison(now: dict[str, Any], wished: dict[str, Any]) -> pd.DataFrame:
    """Evaluate two input rows and return a table (Dutch labels) with now, wished and the difference.

    Money per month in euros; flags as ja/nee; shares as fractions.
    """
    out = hh.evaluate(pd.DataFrame([now, wished]))
    out["iack_total"] = out["iack1"] + out["iack2"]
    out["lost_total"] = out["lost_credits1"] + out["lost_credits2"]
    rows = []
    couple = bool(now.get("couple", True))
    for col, label, kind in COMPARISON_ROWS:
        if not couple and col.endswith("2"):
            continue
        if not couple:  # one adult: no "ouder 1"
            label = label.replace(" ouder 1", "")
            if label.startswith("Ouder 1 "):
                label = label[len("Ouder 1 "):].capitalize()
        a, b = out[col].iloc[0], out[col].iloc[1]
        if kind == "month":
            a, b = a / 12.0, b / 12.0
            rows.append({"wat": label, "nu": a, "gewenst": b, "verschil": b - a, "soort": kind})
        elif kind == "flag":
            rows.append({"wat": label, "nu": bool(a), "gewenst": bool(b), "verschil": None, "soort": kind})
        else:
            diff = (b - a) if pd.notna(a) and pd.notna(b) else None
            rows.append({"wat": label, "nu": a, "gewenst": b, "verschil": diff, "soort": kind})
    return pd.DataFrame(rows)


def _fmt(value: Any, kind: str, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if kind == "flag":
        return "ja" if value else "nee"
    if kind == "share":
        return f"{value * 100:+.0f}%".replace("+", "+" if signed else "") if signed else f"{value * 100:.0f}%"
    if kind == "hours":
        return f"{value:+.0f}" if signed else f"{value:.0f}"
    return format_nl.euro(value, 0, signed=signed)


def comparison_html(table: pd.DataFrame) -> str:
    """The comparison as an HTML table (Dutch number format)."""
    body = "".join(
        f"<tr><th scope='row'>{html.escape(r.wat)}</th><td>{_fmt(r.nu, r.soort)}</td>"
        f"<td>{_fmt(r.gewenst, r.soort)}</td><td>{_fmt(r.verschil, r.soort, signed=True)}</td></tr>"
        for r in table.itertuples()
    )
    return ("<table class='wz-vergelijk'><thead><tr><th></th><th>Nu</th><th>Gewenst</th><th>Verschil</th></tr></thead>"
            f"<tbody>{body}</tbody></table><p><small>Bedragen per maand. Berekend met het huishoudmodel van dit boek; "
            "geen advies. Gebruik voor een beslissing een officiële rekenhulp.</small></p>")


def _label(name: str, single: bool = False) -> str:
    """A control's Dutch label from the explorer's control description (one source for both explorers)."""
    return controls.control_label(name, single)


def _help(name: str) -> str | None:
    """A control's help text from the description (the widget's tooltip), or None. Only for controls
    whose help holds in the widget too (the wage and price fields here cannot be left empty)."""
    return controls.CONTROLS[name].get("help")


def _options(name: str) -> list[tuple[str, Any]]:
    return [(label, value) for value, label in controls.CONTROLS[name]["options"]]


def explorer_widget(year: int = 2025):
    """An ipywidgets explorer: household settings, then 'nu' and 'gewenst' side by side, and the comparison.

    The controls carry the labels and options of the page's explorer (:data:`werkzorg.explorer.controls.CONTROLS`),
    and a state becomes a model row the same way (:func:`werkzorg.explorer.page.inputs_for_state`). The widget
    adds care hours per adult, a bijstand switch and the phase of the earnings disregard.
    """
    import ipywidgets as w

    style = {"description_width": "initial"}
    wide = w.Layout(width="auto")
    household = w.ToggleButtons(options=_options("huishouden"), value="paar", description=_label("huishouden"), style=style)
    years = w.Dropdown(options=_options("jaar"), value=year, description=_label("jaar"), style=style)
    bijstand = w.Checkbox(value=True, indent=False, layout=wide,
                          description="Bijstand aanvragen als het inkomen onder de norm blijft")
    rent = w.BoundedFloatText(value=float(hh.load_params(year)["rent_default"]), min=0, max=5000, step=10,
                              description=f"{_label('huur')} (€, 0 = koopwoning)", tooltip=_help("huur"), style=style,
                              layout=wide)
    phase = w.Dropdown(options=[(label, code) for code, label in hh.VRIJLATING_PHASES.items()], value=0,
                       description="Vrijlating in de bijstand", style=style, layout=wide)
    n_children = w.Dropdown(options=_options("kinderen"), value=2, description=_label("kinderen"), style=style)
    ages = [w.Dropdown(options=_options(f"leeftijd{i}"), value=explorer.DEFAULT_AGES[4][i - 1] if i > 2 else [1, 3][i - 1],
                       description=_label(f"leeftijd{i}"), style=style) for i in range(1, explorer.PAGE_CHILDREN + 1)]
    kind = w.Dropdown(options=_options("opvangsoort"), value="centrum", description=_label("opvangsoort"), style=style, layout=wide)
    price = w.BoundedFloatText(value=11.5, min=0, max=50, step=0.1, description=f"{_label('prijs')} (€)", style=style, layout=wide)
    housemates = w.Dropdown(options=_options("kostendelers"), value=0, description=_label("kostendelers"), tooltip=_help("kostendelers"), style=style, layout=wide)
    age_adults = w.Dropdown(options=[o for o in _options("ouderleeftijd") if o[1] >= 21], value=27,
                            description=_label("ouderleeftijd"), style=style)

    def adult(n: int, hours: int, wage: float, care: int) -> dict[str, Any]:
        return {
            "wage": w.BoundedFloatText(value=wage, min=0, max=200, step=0.5, description=f"{_label(f'loon{n}')} (€)", style=style),
            "hours": w.IntSlider(value=hours, min=0, max=40, step=1, description=_label(f"uren{n}"), style=style),
            "care": w.IntSlider(value=care, min=0, max=80, step=1, description=f"Zorg ouder {n} (uur per week)", style=style),
        }

    def column(title: str, h1: int, h2: int, days: Any):
        a1, a2 = adult(1, h1, 20.0, 8), adult(2, h2, 18.0, 20)
        opvang = w.Dropdown(options=_options("opvang"), value=days, description=_label("opvang"), tooltip=_help("opvang"), style=style, layout=wide)
        box = w.VBox([w.HTML(f"<h4>{html.escape(title)}</h4>"), *a1.values(), *a2.values(), opvang])
        return box, a1, a2, opvang

    now_box, n1, n2, n_opv = column("Nu", 40, 8, explorer.OPVANG_AUTO)
    wish_box, g1, g2, g_opv = column("Gewenst", 36, 16, explorer.OPVANG_AUTO)
    result = w.HTML()

    def inputs(a1, a2, opvang) -> dict[str, Any]:
        state = {"huishouden": household.value, "jaar": years.value, "kinderen": n_children.value,
                 **{f"leeftijd{i}": d.value for i, d in enumerate(ages, start=1)},
                 "opvang": opvang.value, "opvangsoort": kind.value, "prijs": price.value, "huur": rent.value,
                 "kostendelers": housemates.value, "ouderleeftijd": age_adults.value,
                 "uren1": a1["hours"].value, "loon1": a1["wage"].value, "uren2": a2["hours"].value, "loon2": a2["wage"].value}
        row = explorer.inputs_for_state(state, vrijlating=phase.value)
        couple = household.value == "paar"
        row.update(bijstand=bijstand.value, care1=float(a1["care"].value), care2=float(a2["care"].value) if couple else 0.0)
        return row

    def update(*_):
        couple = household.value == "paar"
        for a in (n2, g2):
            for c in a.values():
                c.layout.display = None if couple else "none"
        for a in (n1, g1):  # a single parent is not "ouder 1"
            a["hours"].description = _label("uren1", single=not couple)
            a["wage"].description = f"{_label('loon1', single=not couple)} (€)"
            a["care"].description = "Zorg (uur per week)" if not couple else "Zorg ouder 1 (uur per week)"
        for i, d in enumerate(ages, start=1):
            d.layout.display = None if i <= n_children.value else "none"
        try:
            result.value = comparison_html(comparison(inputs(n1, n2, n_opv), inputs(g1, g2, g_opv)))
        except ValueError as exc:  # e.g. more than 168 hours in a week: say which field
            result.value = f"<p><strong>Controleer de invoer:</strong> {html.escape(str(exc))}</p>"

    controls = [household, years, bijstand, rent, phase, n_children, *ages, kind, price, housemates, age_adults,
                *n1.values(), *n2.values(), n_opv, *g1.values(), *g2.values(), g_opv]
    for c in controls:
        c.observe(update, names="value")
    update()
    return w.VBox([w.HBox([household, years]), w.HBox([bijstand, phase]), w.HBox([n_children, *ages]),
                   w.HBox([kind, price]), w.HBox([rent, housemates, age_adults]), w.HBox([now_box, wish_box]), result])
