"""The one description of the household explorer's controls: values, Dutch labels, URL aliases,
presets and help text (:data:`CONTROLS`), and how a link or form value becomes a control value.

Everything that shows or names a control reads it from here: the page's form
(:func:`werkzorg.explorer.page.controls_html`), the page's glue (``_static/verkenner.js``, which
gets :data:`CONTROLS` as JSON in ``_static/verkenner-data.js``), the ipywidgets explorer
(:mod:`werkzorg.explorer.widgets`) and the book's ``{verkenner}`` role, with which a chapter or an
exercise names a control or an option (:func:`mention`): a name that is not here fails the build.

This module is light on purpose (no numpy, pandas or Altair): the Sphinx role imports it on every
build, also a warm one.
"""

from __future__ import annotations

import math
from typing import Any

from werkzorg.data.params import available_years

#: Value of the childcare control meaning "days follow the hours" (see :func:`childcare_days_for`).
OPVANG_AUTO = "uren"

#: Most children the page offers (the model takes werkzorg.model.household.MAX_CHILDREN; page.py checks
#: that this is not more).
PAGE_CHILDREN = 4
#: Ages a child can have on the page.
CHILD_AGES = list(range(0, 18))

#: Ages of the children when the reader (or a link) only gives their number.
DEFAULT_AGES = {0: [], 1: [1], 2: [1, 3], 3: [4, 7, 10], 4: [1, 4, 7, 10]}

def _opt(value: Any, label: str) -> list:
    return [value, label]


#: The one description of the explorer's controls, in page order. Per control: ``kind``
#: (select, range, number), ``label`` (``label_single`` for a single parent when it differs),
#: ``options`` (value, Dutch label) or ``min``/``max``/``step``, ``default``, ``aliases`` (other
#: spellings accepted in URLs, e.g. from the trainers' case cards) and ``help`` (shown under it).
CONTROLS: dict[str, dict[str, Any]] = {
    "huishouden": {"kind": "select", "label": "Huishouden", "default": "paar",
                   "options": [_opt("paar", "Stel (twee ouders)"), _opt("alleen", "Alleenstaande ouder")],
                   "aliases": {"alleenstaand": "alleen", "alleenstaande": "alleen", "stel": "paar"}},
    "kinderen": {"kind": "select", "label": "Aantal kinderen", "default": 2,
                 "options": [_opt(0, "geen kinderen"), _opt(1, "1 kind"), _opt(2, "2 kinderen"),
                             _opt(3, "3 kinderen"), _opt(4, "4 kinderen")],
                 "aliases": {"2s": 2},
                 "presets": {"2s": {"kinderen": 2, "leeftijd1": 3, "leeftijd2": 7}}},
    **{f"leeftijd{i}": {"kind": "select", "label": f"Leeftijd kind {i}", "label_one": "Leeftijd van het kind",
                        "default": [1, 3, 7, 10][i - 1],
                        "options": [_opt(a, "jonger dan 1 jaar" if a == 0 else f"{a} jaar") for a in CHILD_AGES],
                        "child": i}
       for i in range(1, PAGE_CHILDREN + 1)},
    "uren1": {"kind": "range", "label": "Betaald werk ouder 1", "label_single": "Betaald werk",
              "min": 0, "max": 40, "step": 1, "default": 40, "unit": "uur per week"},
    "uren2": {"kind": "range", "label": "Betaald werk ouder 2", "min": 0, "max": 40, "step": 1, "default": 8,
              "unit": "uur per week", "couple_only": True},
    "loon1": {"kind": "number", "label": "Bruto loon per uur ouder 1", "label_single": "Bruto loon per uur",
              "min": 0, "max": 200, "step": 0.01, "default": 20.0, "unit": "euro",
              "aliases": {"min": "min", "minimumloon": "min", "laag": "min", "midden": 20.0, "hoog": 30.0},
              "help": "Leeg of ‘min’: het minimumloon van 1 januari van het gekozen jaar."},
    "loon2": {"kind": "number", "label": "Bruto loon per uur ouder 2", "min": 0, "max": 200, "step": 0.01,
              "default": 20.0, "unit": "euro", "couple_only": True,
              "aliases": {"min": "min", "minimumloon": "min", "laag": "min", "midden": 20.0, "hoog": 30.0},
              "help": "Leeg of ‘min’: het minimumloon."},
    "opvang": {"kind": "select", "label": "Kinderopvang", "default": OPVANG_AUTO,
               "options": [_opt(OPVANG_AUTO, "volgt de uren (1 dag per 8 uur werk)"), _opt(0, "geen"),
                           _opt(1, "1 dag per week"), _opt(2, "2 dagen per week"), _opt(3, "3 dagen per week"),
                           _opt(4, "4 dagen per week"), _opt(5, "5 dagen per week")],
               "aliases": {"auto": OPVANG_AUTO, "volgt": OPVANG_AUTO},
               "help": "Tot 4 jaar telt een dag als 10 uur (kinderdagverblijf), daarna als 4 uur (bso). "
                       "Vanaf 13 jaar is er geen opvang."},
    "opvangsoort": {"kind": "select", "label": "Soort opvang", "default": "centrum",
                    "options": [_opt("centrum", "kinderdagverblijf of bso (volgt de leeftijd)"),
                                _opt("gastouder", "gastouder")]},
    "prijs": {"kind": "number", "label": "Prijs van de opvang per uur", "min": 0, "max": 50, "step": 0.01,
              "default": None, "unit": "euro",
              "help": "Leeg: 50 cent boven de maximale uurprijs van de toeslag voor die soort opvang."},
    "huur": {"kind": "number", "label": "Kale huur per maand", "min": 0, "max": 5000, "step": 10, "default": None,
             "unit": "euro", "help": "Vul 0 in bij een koopwoning."},
    "kostendelers": {"kind": "select", "label": "Andere volwassenen in huis (27 jaar of ouder)", "default": 0,
                     "options": [_opt(0, "niemand"), _opt(1, "1 persoon"), _opt(2, "2 personen"), _opt(3, "3 personen")],
                     "help": "Bijvoorbeeld een volwassen kind of een ouder. Niet de partner en geen kinderen onder de 27."},
    "ouderleeftijd": {"kind": "select", "label": "Leeftijd van de ouder(s)", "default": 27,
                      "options": [_opt(27, "27 jaar of ouder"), _opt(21, "21 tot 27 jaar"), _opt(18, "jonger dan 21 jaar")]},
    "jaar": {"kind": "select", "label": "Jaar", "default": 2025,
             "options": [_opt(y, str(y)) for y in available_years()]},
    "as": {"kind": "select", "label": "Lijn in de grafiek langs de uren van", "default": 2,
           "options": [_opt(1, "ouder 1"), _opt(2, "ouder 2")], "couple_only": True},
}

#: Old URL parameters that set other controls (links and case cards made before a wage per partner).
LEGACY = {"loon": ["loon1", "loon2"]}

#: Values an enumerable control (and a legacy parameter) accepts in a link, as text.
DIMENSIONS: dict[str, list[Any]] = {
    **{k: [o[0] for o in c["options"]] + list(c.get("presets", {})) for k, c in CONTROLS.items() if c["kind"] == "select"},
    **{k: list(range(c["min"], c["max"] + 1, c["step"])) for k, c in CONTROLS.items() if c["kind"] == "range"},
    "loon": ["min", "15", "20", "25", "30", "40"],
}

#: Defaults of every control.
DEFAULTS: dict[str, Any] = {k: c["default"] for k, c in CONTROLS.items()}

def state_from_query(query: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """A state from URL parameters, as the page reads a link: aliases and presets applied, the
    legacy ``loon`` setting both wages, children's ages from :data:`DEFAULT_AGES` when a link gives
    only their number. Returns (state, ignored parameters as ``name=value``)."""
    state, ignored = dict(DEFAULTS), []
    ages_given = any(k.startswith("leeftijd") for k in query)
    for name, value in query.items():
        targets = LEGACY.get(name, [name])
        preset = CONTROLS.get(name, {}).get("presets", {}).get(str(value).strip().lower())
        if preset:
            state.update(preset)
            ages_given = True
            continue
        v = coerce(targets[0], value)
        if v is None and not (CONTROLS.get(targets[0], {}).get("kind") == "number" and str(value).strip() == ""):
            ignored.append(f"{name}={value}")
            continue
        for t in targets:
            state[t] = v
        if name == "kinderen" and not ages_given:
            for i, age in enumerate(DEFAULT_AGES[int(v)], start=1):
                state[f"leeftijd{i}"] = age
    return normalise(state), ignored


def option_label(name: str, value: Any) -> str:
    """The Dutch label of one option of a control (KeyError for an unknown control or option)."""
    for v, label in CONTROLS[name]["options"]:
        if str(v) == str(value):
            return label
    raise KeyError(f"{name}={value}")


def coerce(name: str, text: Any) -> Any:
    """A URL or form value as the control's value, or None when the control does not accept it.
    The glue JS does the same in ``coerce`` (tested to agree)."""
    c = CONTROLS.get(name)
    if c is None:
        return None
    t = str(text).strip().lower()
    t = {str(k).lower(): v for k, v in c.get("aliases", {}).items()}.get(t, t)
    if c["kind"] == "select":
        for v, _ in c["options"]:
            if str(v).lower() == str(t).lower():
                return v
        return None
    if c["kind"] == "number" and t in ("", None) and c["default"] is None:
        return None
    if t in ("min", "") and name.startswith("loon"):
        return "min"
    try:
        num = float(str(t).replace(",", "."))
    except ValueError:
        return None
    if not math.isfinite(num) or num < c["min"] or num > c["max"]:
        return None
    if c["kind"] == "range":
        return int(round(num)) if abs(num - round(num)) < 1e-9 else None
    return round(num, 2)


def normalise(state: dict[str, Any]) -> dict[str, Any]:
    """Controls that do not apply are fixed (the glue JS applies the same rules): a single adult
    has no second adult's hours or wage and the line follows adult 1; without children there is
    no childcare."""
    s = dict(DEFAULTS, **state)
    if s["huishouden"] == "alleen":
        s["uren2"], s["as"] = 0, 1
    if int(s["kinderen"]) == 0:
        s["opvang"] = 0
    return s


class UnknownControl(KeyError):
    """A name or option that the explorer does not have; the message lists what it does have."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


def control_label(name: str, single: bool = False) -> str:
    """A control's Dutch label (``single``: as a single parent sees it, where that differs)."""
    c = CONTROLS[name]
    return c.get("label_single", c["label"]) if single else c["label"]


def mention(ref: str) -> str:
    """The Dutch text for a reference to the explorer as chapters and exercises write it:
    ``name`` gives the control's label, ``name=value`` the label of one of its options (a value or
    one of the control's aliases, e.g. ``huishouden=alleenstaand``).

    Raises :class:`UnknownControl` naming what is missing and what exists.

    >>> mention("huishouden=alleen")
    'Alleenstaande ouder'
    >>> mention("opvang")
    'Kinderopvang'
    """
    name, sep, value = (part.strip() for part in ref.partition("="))
    if name not in CONTROLS:
        raise UnknownControl(f"the explorer has no control {name!r}; its controls are: {', '.join(CONTROLS)}")
    if not sep:
        return CONTROLS[name]["label"]
    c = CONTROLS[name]
    if "options" not in c:
        raise UnknownControl(f"the explorer's control {name!r} is a {c['kind']} field without options; "
                             f"write {{verkenner}}`{name}` for its label")
    chosen = coerce(name, value)
    if chosen is None or value == "":
        values = ", ".join(str(v) for v, _ in c["options"])
        raise UnknownControl(f"the explorer's control {name!r} has no option {value!r}; its options are: {values}")
    return option_label(name, chosen)
