"""The ipywidgets explorer: two scenarios of one household side by side ("nu" and "gewenst").

For readers who run the notebook in Jupyter. Every number comes from
:func:`werkzorg.household.evaluate`; this module only builds the controls and the table.
On the static site the widgets show their first state only (no kernel); the static explorer
(``book/verkennen/verkenner``) is the interactive version there.

Usage in a notebook::

    from werkzorg.widgets import explorer_widget
    explorer_widget()
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from werkzorg import household as hh
from werkzorg.params import available_years

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
    sign = ("+ " if value > 0.5 else "− " if value < -0.5 else "") if signed else ("− " if value < -0.5 else "")
    return sign + "€ " + f"{abs(value):,.0f}".replace(",", ".")


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


def _adult_controls(w, prefix: str, hours: float, wage: float, care: float):
    return {
        "wage": w.BoundedFloatText(value=wage, min=0, max=500, step=0.5, description=f"Loon {prefix} (€/uur)"),
        "hours": w.IntSlider(value=hours, min=0, max=60, step=1, description=f"Werk {prefix}"),
        "care": w.IntSlider(value=care, min=0, max=80, step=1, description=f"Zorg {prefix}"),
    }


def explorer_widget(year: int = 2025):
    """An ipywidgets explorer: household settings, then 'nu' and 'gewenst' side by side, and the comparison."""
    import ipywidgets as w

    style = {"description_width": "initial"}
    household = w.ToggleButtons(options=[("Stel", "paar"), ("Alleenstaande ouder", "alleenstaand")],
                                value="paar", description="Huishouden", style=style)
    years = w.Dropdown(options=available_years(), value=year, description="Jaar", style=style)
    bijstand = w.Checkbox(value=False, description="Bijstand als het inkomen onder de norm blijft")
    rent = w.BoundedFloatText(value=float(hh.load_params(year)["rent_default"]), min=0, max=5000, step=10,
                              description="Kale huur (€/maand, 0 = koopwoning)", style=style)
    phase = w.Dropdown(options=[(label, code) for code, label in hh.VRIJLATING_PHASES.items()], value=0,
                       description="Vrijlating bijstand", style=style)
    children = w.Dropdown(
        options=[("Eén kind van 1", [1]), ("Twee kinderen van 1 en 3", [1, 3]),
                 ("Twee kinderen van 3 en 7", [3, 7]), ("Drie kinderen van 4, 7 en 10", [4, 7, 10]), ("Geen kinderen", [])],
        value=[1, 3], description="Kinderen", style=style)
    price = w.BoundedFloatText(value=11.5, min=0, max=50, step=0.1, description="Prijs opvang (€/uur)", style=style)

    def column(title: str, h1: int, h2: int, days: int):
        a1 = _adult_controls(w, "ouder 1", h1, 20.0, 8)
        a2 = _adult_controls(w, "ouder 2", h2, 18.0, 20)
        opvang = w.IntSlider(value=days, min=0, max=5, description="Dagen opvang", style=style)
        for c in list(a1.values()) + list(a2.values()):
            c.style = style
        box = w.VBox([w.HTML(f"<h4>{html.escape(title)}</h4>"), *a1.values(), *a2.values(), opvang])
        return box, a1, a2, opvang

    now_box, n1, n2, n_opv = column("Nu", 40, 8, 1)
    wish_box, g1, g2, g_opv = column("Gewenst", 36, 16, 2)
    result = w.HTML()

    def inputs(a1, a2, opvang) -> dict[str, Any]:
        couple = household.value == "paar"
        kids = []
        for age in children.value:
            kind = "dagopvang" if age <= 3 else "bso"
            kids.append({"age": age, "care": kind, "hours": (10 if kind == "dagopvang" else 4) * opvang.value,
                         "price": price.value})
        adults = [{k: c.value for k, c in a1.items()}]
        if couple:
            adults.append({k: c.value for k, c in a2.items()})
        return hh.scenario(year=years.value, household=household.value, adults=adults, children=kids,
                           bijstand=bijstand.value, rent=rent.value, vrijlating=phase.value)

    def update(*_):
        couple = household.value == "paar"
        for a in (n2, g2):
            for c in a.values():
                c.disabled = not couple
        try:
            result.value = comparison_html(comparison(inputs(n1, n2, n_opv), inputs(g1, g2, g_opv)))
        except ValueError as exc:  # e.g. more than 168 hours in a week: say which field
            result.value = f"<p><strong>Controleer de invoer:</strong> {html.escape(str(exc))}</p>"

    controls = [household, years, bijstand, rent, phase, children, price, *n1.values(), *n2.values(), n_opv,
                *g1.values(), *g2.values(), g_opv]
    for c in controls:
        c.observe(update, names="value")
    update()
    return w.VBox([w.HBox([household, years]), w.HBox([bijstand, phase]), w.HBox([children, price, rent]),
                   w.HBox([now_box, wish_box]), result])
