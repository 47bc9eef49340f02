"""A transparent household model: income, tax credits, benefits, childcare and independence.

For a single parent or a couple with children, the model computes per adult and for the
household what a given split of paid work and care means in money and in time. It is a
model for learning and conversation, built from the parameters in ``data/params/<year>.yaml``
(every value with its source and status); it does not replace the official calculators.

Each rule is a small function with its legal source in the docstring. All rules work on
numpy arrays, so :func:`evaluate` computes many scenarios at once (the static explorer
precomputes a grid with it).

Simplifications (also explained to readers in ``book/verkennen/model-huishouden.md``):

- Everyone is an employee between 21 and the AOW age, born after 1962, with only wage income
  (box 1); no pension premium, deductions, box 2/3, or self-employment.
- Annual gross wage = hourly wage × hours per week × 52,2 × 1,08 (holiday pay).
- The toetsingsinkomen for the toeslagen is the household's gross wage (plus the bijstand
  top-up, see :func:`bijstand_topup`).
- Bijstand (``bijstand=True``) means: the household claims bijstand whenever its counted income
  stays below the norm (single or couple norm), with no assets above the limit. The adults are 27
  or older, so the earnings disregard (``vrijlating``) can apply, unless ``under27`` says they are
  21 to 26 (same norms, no disregard). Younger adults (jongerennorm) are not modelled.
  ``kostendelers``: other adults of 27 or older in the home (kostendelersnorm).
- Huurtoeslag uses the rent (``rent``, kale huur per month; 0 = no rented home) and the
  toetsingsinkomen; assets are assumed below the limit. With other adults in the home
  (``kostendelers`` > 0) their income would count; it is not an input, so no huurtoeslag is computed.
- Not included: kinderbijslag (does not depend on income or hours), rent or mortgage as a cost,
  the health insurance premium, municipal schemes (bijzondere bijstand, kwijtschelding).

Inputs (one row per scenario; see :data:`INPUT_FIELDS`):
``year``, ``couple``, ``bijstand``, ``rent``, ``vrijlating`` (see :data:`VRIJLATING_PHASES`), ``kostendelers``,
``under27``, per adult ``wage1``/``hours1``/``care1`` and
``wage2``/``hours2``/``care2``, and per child ``child{i}_age``, ``child{i}_care``
(``""``/``dagopvang``/``bso``/``gastouder``), ``child{i}_care_hours`` (per week, averaged over the
year) and ``child{i}_price`` (euro per hour) for i = 1..:data:`MAX_CHILDREN`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from werkzorg.data.params import CARE_TYPES, Params, available_years, load_params, params_dir

from ..data.yamlfile import load_yaml

#: Most children per household the model takes (columns child1_* .. child4_*).
MAX_CHILDREN = 4
#: Hours in a week: paid hours plus care hours of one adult may not exceed this.
HOURS_PER_WEEK = 168
#: Childcare codes used inside the arrays; 0 = no childcare.
CARE_CODES = {"": 0, "geen": 0, "dagopvang": 1, "bso": 2, "gastouder": 3}
#: Age ranges (inclusive) for which each childcare type exists.
CARE_AGE_RANGE = {"dagopvang": (0, 3), "bso": (4, 12), "gastouder": (0, 12)}
#: Weeks per year over which childcare hours per week are counted (contract over the year).
CARE_WEEKS = 52

#: Allowed range per numeric input: (minimum, maximum, Dutch unit for messages).
RANGES: dict[str, tuple[float, float, str]] = {
    "wage": (0.0, 500.0, "euro per uur"),
    "hours": (0.0, float(HOURS_PER_WEEK), "uur per week"),
    "care": (0.0, float(HOURS_PER_WEEK), "uur per week"),
    "child_age": (0.0, 17.0, "jaar"),
    "child_care_hours": (0.0, 80.0, "uur per week"),
    "child_price": (0.0, 50.0, "euro per uur"),
    "rent": (0.0, 5000.0, "euro per maand"),
    "kostendelers": (0.0, 5.0, "volwassenen"),
}

#: Phases of the bijstand earnings disregard (input ``vrijlating``), with Dutch labels.
VRIJLATING_PHASES = {
    0: "na afloop van de vrijlating",
    1: "in de eerste maanden (vrijlating 25%, hoogstens 6 maanden)",
    2: "daarna, alleenstaande ouder met kind onder 12 (vrijlating 12,5%, hoogstens 30 maanden)",
}

#: Bits of the ``rules`` output: which rules shaped this scenario (explained by :func:`rules_applied`).
RULE_BITS = {
    "bijstand": 1,          # the household gets bijstand on top of its income
    "bijstand_couple": 2,   # couple norm; both partners have the duty to look for work
    "vrijlating_n": 4,      # general earnings disregard (25%) lowered the deduction
    "vrijlating_r": 8,      # single-parent disregard (12,5%)
    "kot_not_entitled": 16,  # childcare costs but no toeslag: a parent does not work
    "ht_excluded": 32,      # 2025: rent above the maximum rent, no huurtoeslag at all
    "ht_capped": 64,        # 2026: rent above the maximum rent; the part above it earns nothing
    "credits_lost": 128,    # tax credits larger than the tax they can lower
    "vrijlating_none": 256,  # on bijstand with earnings, but the disregard has ended
    "kostendelers": 512,    # on bijstand with other adults (27+) in the home: kostendelersnorm
    "ht_housemates": 1024,  # other adults in the home: their income counts, so no huurtoeslag computed
    "vrijlating_young": 2048,  # on bijstand with earnings, adults under 27: no disregard
}

#: Plain Dutch sentence per rule bit (shown next to the results).
RULE_TEXT_NL = {
    "bijstand": "Het inkomen blijft onder de bijstandsnorm, dus de gemeente vult aan tot die norm.",
    "bijstand_couple": ("Dit stel krijgt samen de bijstandsnorm voor gehuwden. Het netto loon van allebei "
                        "gaat eraf, en allebei moeten ze werk zoeken en aannemen (arbeidsplicht). "
                        "De bijstand telt niet mee voor economische zelfstandigheid: die hangt af van "
                        "wat ieder zelf verdient."),
    "vrijlating_n": ("Vrijlating: een kwart van het netto loon gaat niet van de bijstand af (met een maximum "
                     "per maand, hoogstens 6 maanden)."),
    "vrijlating_r": ("Vrijlating voor een alleenstaande ouder met een kind onder 12: 12,5% van het netto loon "
                     "gaat niet van de bijstand af (met een maximum, hoogstens 30 maanden na de eerste 6)."),
    "vrijlating_none": "Na afloop van de vrijlating gaat elke verdiende euro netto weer helemaal van de bijstand af.",
    "kot_not_entitled": ("Geen kinderopvangtoeslag: die krijg je alleen als alle ouders in het huishouden werken "
                         "(of een traject naar werk volgen). De opvang kost dan het hele bedrag."),
    "ht_excluded": "Geen huurtoeslag: in 2025 ligt de huur boven de maximale huurgrens.",
    "ht_capped": "Over het deel van de huur boven de maximale huurgrens krijg je geen huurtoeslag (regel sinds 2026).",
    "credits_lost": ("Een deel van de heffingskortingen valt weg: ze zijn groter dan de belasting die deze "
                     "persoon betaalt, en de Belastingdienst betaalt het verschil niet uit."),
    "kostendelers": ("Er woont nog iemand van 27 jaar of ouder in huis. Dan geldt de kostendelersnorm: de "
                     "bijstandsnorm is lager, omdat je de woonkosten kunt delen."),
    "ht_housemates": ("Huurtoeslag is niet berekend: het inkomen van de andere volwassene in huis telt mee, en dat "
                      "kent de verkenner niet. Doe daarvoor de proefberekening van Dienst Toeslagen."),
    "vrijlating_young": ("Onder de 27 jaar is er geen vrijlating: elke verdiende euro netto gaat van de bijstand af."),
}

def _load_approximation_map() -> dict[str, dict[str, Any]]:
    """``data/params/approximations.yaml``, checked: every condition is one the model computes
    (:data:`APPROX_CONDITIONS`) and the bits are distinct powers of two."""
    path = params_dir() / "approximations.yaml"
    doc = load_yaml(path.read_text(encoding="utf-8"))
    results, known = doc["results"], set(doc["conditions"])
    if known != set(APPROX_CONDITIONS):
        raise ValueError(f"{path}: conditions {sorted(known ^ set(APPROX_CONDITIONS))} are described there "
                         "but not computed by the model, or the other way round")
    bits = [r["bit"] for r in results.values()]
    for name, r in results.items():
        unknown = [c for c in r["when"] if c not in known]
        if unknown:
            raise ValueError(f"{path}: result {name!r} uses unknown conditions {unknown}; known: {sorted(known)}")
    if len(set(bits)) != len(bits) or any(b <= 0 or b & (b - 1) for b in bits):
        raise ValueError(f"{path}: every result needs its own power of two as bit, got {bits}")
    return results


#: Conditions a result of the approximation map can depend on (computed per household in
#: :func:`_evaluate_year`, and in the same way by the explorer page's model).
APPROX_CONDITIONS = ("always", "kot_row_approximated", "kgb_paid", "child_12_15", "child_16_17", "on_bijstand",
                     "single", "couple", "zorgtoeslag_near_minimum_payout", "disregard_used", "disregard_general",
                     "disregard_single_parent", "huurtoeslag_paid")
#: The approximation map (``data/params/approximations.yaml``): per result, its bit in the
#: ``approx`` output, the conditions under which a household uses it, and its parameters.
APPROX_MAP: dict[str, dict[str, Any]] = _load_approximation_map()
#: Bits of the ``approx`` output: which results rest on a parameter marked "approximation".
APPROX_BITS: dict[str, int] = {name: r["bit"] for name, r in APPROX_MAP.items()}
#: When a household uses each result (all conditions must hold).
APPROX_WHEN: dict[str, list[str]] = {name: list(r["when"]) for name, r in APPROX_MAP.items()}
#: The parameters behind each approximation bit. A bit is set for a scenario when the result
#: it names is used (its conditions hold) AND one of these parameters has status "approximation"
#: in that year. This one map decides the "≈" marks everywhere: the model, the explorer page (which
#: gets it as data, see :func:`approx_params` and :data:`APPROX_WHEN`) and the notebook.
APPROX_PARAMS: dict[str, list[str]] = {name: list(r["params"]) for name, r in APPROX_MAP.items()}


def approx_params(p: Params) -> dict[str, list[str]]:
    """Per approximation bit, the parameters of this year that are approximations (empty lists dropped).

    ``kot_table`` counts when any of its rows is an approximation (the bit itself is only set when
    the row used is one)."""
    marked = set(p.approximations())
    out = {}
    for bit, names in APPROX_PARAMS.items():
        hit = [k for k in names if k in p and (k in marked or (k == "kot_table" and any(
            r[3] == "approximation" for r in p["kot_table"])))]
        if hit:
            out[bit] = hit
    return out


def approximated(approx_bits: int, p: Params) -> list[str]:
    """Names of the parameters that the results with these approximation bits rest on."""
    table = approx_params(p)
    names: list[str] = []
    for bit, value in APPROX_BITS.items():
        if approx_bits & value:
            names += [k for k in table.get(bit, []) if k not in names]
    return names


def _child_fields() -> list[str]:
    out = []
    for i in range(1, MAX_CHILDREN + 1):
        out += [f"child{i}_age", f"child{i}_care", f"child{i}_care_hours", f"child{i}_price"]
    return out


#: All input columns with their defaults.
INPUT_FIELDS: dict[str, Any] = {
    "year": 2025, "couple": True, "bijstand": False, "rent": 0.0, "vrijlating": 0,
    "kostendelers": 0, "under27": False,
    "wage1": 0.0, "hours1": 0.0, "care1": 0.0,
    "wage2": 0.0, "hours2": 0.0, "care2": 0.0,
    **{f: (np.nan if f.endswith("_age") else "" if f.endswith("_care") else 0.0) for f in _child_fields()},
}


# ---------------------------------------------------------------------------------------------
# Rules. Each takes numpy arrays (or scalars) and the year's Params.
# ---------------------------------------------------------------------------------------------

def gross_wage(wage, hours, p: Params):
    """Annual gross wage including holiday pay: wage × hours × weeks × (1 + vakantiebijslag).

    Source: Wet minimumloon en minimumvakantiebijslag, art. 15 (vakantiebijslag 8%);
    52,2 weeks (261 working days) is a model convention (``weeks_per_year``).
    """
    return np.asarray(wage, float) * np.asarray(hours, float) * p["weeks_per_year"] * (1 + p["vakantiebijslag_rate"])


def box1_tax(income, p: Params):
    """Income tax plus premiums volksverzekeringen in box 1, below the AOW age (three brackets).

    Source: Wet inkomstenbelasting 2001, art. 2.10 (tarief box 1) and Wet financiering sociale
    verzekeringen (premies in the first bracket); values in ``box1_brackets``.
    """
    income = np.maximum(np.asarray(income, float), 0.0)
    tax = np.zeros_like(income)
    lower = 0.0
    for row in p["box1_brackets"]:
        upper = np.inf if row["upto"] is None else float(row["upto"])
        tax += np.clip(income - lower, 0.0, upper - lower) * row["rate"]
        lower = upper
    return tax


def algemene_heffingskorting(income, p: Params):
    """Algemene heffingskorting: the maximum, reduced above the phase-out start, 0 from ``ahk_zero_from``.

    Source: Wet inkomstenbelasting 2001, art. 8.10 (since 2025 the phase-out uses the
    verzamelinkomen; here that equals the wage).
    """
    income = np.asarray(income, float)
    ahk = p["ahk_max"] - p["ahk_phaseout_rate"] * np.maximum(income - p["ahk_phaseout_start"], 0.0)
    ahk = np.where(income >= p["ahk_zero_from"], 0.0, ahk)
    return np.clip(ahk, 0.0, p["ahk_max"])


def arbeidskorting(arbeidsinkomen, p: Params):
    """Arbeidskorting by the segments of ``ak_table`` (base + rate × (income − segment start)).

    Source: Wet inkomstenbelasting 2001, art. 8.11.
    """
    ai = np.maximum(np.asarray(arbeidsinkomen, float), 0.0)
    table = p["ak_table"]
    starts = np.array([r["from"] for r in table], float)
    idx = np.searchsorted(starts, ai, side="right") - 1
    base = np.array([r["base"] for r in table], float)[idx]
    rate = np.array([r["rate"] for r in table], float)[idx]
    return np.maximum(base + rate * (ai - starts[idx]), 0.0)


def iack_eligible(ai_self, ai_partner, couple, youngest_age, first_adult, p: Params):
    """Whether an adult may claim the inkomensafhankelijke combinatiekorting (before the income test).

    The youngest child must be younger than ``iack_child_age_below`` (12) and the adult must be a
    single parent or earn less arbeidsinkomen than the partner. When both earn the same, the law
    gives it to the older partner; the model treats adult 1 as the older one.

    Source: Wet inkomstenbelasting 2001, art. 8.14a; Belastingdienst, voorwaarden IACK.
    """
    ai_self = np.asarray(ai_self, float)
    ai_partner = np.asarray(ai_partner, float)
    couple = np.asarray(couple, bool)
    young = np.nan_to_num(np.asarray(youngest_age, float), nan=np.inf) < p["iack_child_age_below"]
    lower = (ai_self < ai_partner) | ((ai_self == ai_partner) & np.asarray(first_adult, bool))
    return young & (~couple | lower)


def iack(arbeidsinkomen, eligible, p: Params):
    """IACK = min(maximum, rate × (arbeidsinkomen − threshold)) for an eligible adult above the threshold.

    Source: Wet inkomstenbelasting 2001, art. 8.14a.
    """
    ai = np.asarray(arbeidsinkomen, float)
    amount = np.clip(p["iack_rate"] * (ai - p["iack_threshold"]), 0.0, p["iack_max"])
    return np.where(np.asarray(eligible, bool) & (ai > p["iack_threshold"]), amount, 0.0)


def cap_credits(tax, ahk, ak, iack_amount):
    """Credits can only lower one's own tax and premiums to zero; what does not fit is lost.

    The credits are used in the order AHK, arbeidskorting, IACK. The payout of credits to a
    non-earning or low-earning partner has ended (arbeidskorting and IACK from 2023; AHK for
    partners born after 1962), so the model pays nothing out.

    Source: Wet inkomstenbelasting 2001, art. 8.1 and 8.9 (uitbetaling, afgebouwd tot 2023);
    Belastingdienst, arbeidskorting.
    Returns (ahk_used, ak_used, iack_used, lost).
    """
    room = np.maximum(np.asarray(tax, float), 0.0)
    used = []
    for credit in (ahk, ak, iack_amount):
        take = np.minimum(np.asarray(credit, float), room)
        used.append(take)
        room = room - take
    lost = np.asarray(ahk, float) + np.asarray(ak, float) + np.asarray(iack_amount, float) - sum(used)
    return used[0], used[1], used[2], lost


def kot_percentages(toetsingsinkomen, p: Params):
    """Share of the (capped) price reimbursed, for the first child and for each next child.

    Returns (first, next, approximate) where ``approximate`` is True when the row of the table
    is an approximation (see ``kot_table`` in data/params).

    Source: Wet kinderopvang, art. 1.7; Besluit kinderopvangtoeslag, bijlage I (tables for the
    first child and for next children).
    """
    rows = p["kot_table"]
    starts = np.array([r[0] for r in rows], float)
    idx = np.searchsorted(starts, np.maximum(np.asarray(toetsingsinkomen, float), 0.0), side="right") - 1
    first = np.array([r[1] for r in rows])[idx]
    nxt = np.array([r[2] for r in rows])[idx]
    approx = np.array([r[3] == "approximation" for r in rows])[idx]
    return first, nxt, approx


def kinderopvangtoeslag(care_codes, hours_week, prices, toetsingsinkomen, entitled, p: Params):
    """Kinderopvangtoeslag per year for all children, and the full childcare cost.

    Per child and month: min(hours, 230) × min(price, maximum hourly rate for the type) × percentage.
    The child with the most childcare hours is the "first child"; every other child gets the
    (higher) next-child percentage. Parents pay the rest, including all of the price above the
    maximum rate. Since 2023 the hours are no longer limited by the hours the parents work, but
    every parent in the household must work (``entitled``).

    Source: Wet kinderopvang, art. 1.5-1.7; Besluit kinderopvangtoeslag, art. 6 and bijlage I;
    maximum hourly rates in ``kot_max_rate``.
    ``care_codes``, ``hours_week``, ``prices`` have shape (n, children).
    Returns (toeslag, cost, percentage_is_approximate).
    """
    codes = np.asarray(care_codes, int)
    hours_month = np.asarray(hours_week, float) * CARE_WEEKS / 12.0
    prices = np.asarray(prices, float)
    max_rate = np.array([0.0] + [p["kot_max_rate"][t] for t in CARE_TYPES])[codes]
    in_care = (codes > 0) & (hours_month > 0)
    cost = 12.0 * np.where(in_care, hours_month * prices, 0.0).sum(axis=1)
    first_pct, next_pct, approx = kot_percentages(toetsingsinkomen, p)
    # the first child: most childcare hours (ties: the first listed)
    ranked = np.where(in_care, hours_month, -1.0)
    first_idx = np.argmax(ranked, axis=1)
    is_first = np.zeros_like(in_care)
    is_first[np.arange(len(codes)), first_idx] = True
    pct = np.where(is_first, first_pct[:, None], next_pct[:, None])
    per_child = np.minimum(hours_month, p["kot_max_hours_month"]) * np.minimum(prices, max_rate) * pct
    toeslag = 12.0 * np.where(in_care, per_child, 0.0).sum(axis=1)
    toeslag = np.where(np.asarray(entitled, bool), toeslag, 0.0)
    return toeslag, cost, approx & (toeslag > 0)


def kindgebonden_budget(ages, couple, toetsingsinkomen, p: Params):
    """Kindgebonden budget per year: amount per child plus age supplements plus (single parent)
    the alleenstaande-ouderkop, reduced by the phase-out rate above the income threshold.

    Source: Wet op het kindgebonden budget, art. 2 (amounts, alleenstaande-ouderkop, afbouw).
    ``ages`` has shape (n, children) with NaN for no child.
    """
    ages = np.asarray(ages, float)
    has = ~np.isnan(ages)
    n = has.sum(axis=1)
    a = np.nan_to_num(ages, nan=-1.0)
    supp = (((a >= 12) & (a <= 15)) * p["kgb_supplement_12_15"] + ((a >= 16) & (a <= 17)) * p["kgb_supplement_16_17"]).sum(axis=1)
    couple = np.asarray(couple, bool)
    maximum = n * p["kgb_per_child"] + supp + np.where(~couple & (n > 0), p["kgb_alo_kop"], 0.0)
    threshold = np.where(couple, p["kgb_threshold_partner"], p["kgb_threshold_single"])
    amount = maximum - p["kgb_phaseout_rate"] * np.maximum(np.asarray(toetsingsinkomen, float) - threshold, 0.0)
    return np.where(n > 0, np.maximum(amount, 0.0), 0.0)


def zorgtoeslag(toetsingsinkomen, couple, p: Params):
    """Zorgtoeslag per year, paid as whole euros per month.

    standaardpremie (twice with a partner) − normpercentage × drempelinkomen − afbouw ×
    (toetsingsinkomen − drempelinkomen); nothing below the minimum payout.

    Source: Wet op de zorgtoeslag, art. 2; parameters ``zt_*``.
    """
    couple = np.asarray(couple, bool)
    ti = np.asarray(toetsingsinkomen, float)
    premie = p["zt_standaardpremie"] * np.where(couple, 2, 1)
    norm = np.where(couple, p["zt_norm_partner"], p["zt_norm_single"]) * p["zt_drempel"]
    year = premie - norm - p["zt_afbouw"] * np.maximum(ti - p["zt_drempel"], 0.0)
    year = np.where(year < p["zt_min_payout"], 0.0, year)
    return np.floor(year / 12.0) * 12.0


def bijstand_norm_year(couple, p: Params, others=0):
    """Net bijstandsnorm per year incl. holiday pay: 6 × January norm + 6 × July norm.

    Single parents get the norm of a single person (since 2015); the costs of children are
    covered by the kindgebonden budget with the alleenstaande-ouderkop. With ``others`` other
    adults of 27 or older in the home (not the partner, not the children) the kostendelersnorm
    applies: each adult on bijstand gets (``kd_base`` + A × ``kd_per_person``) / A × the norm for
    gehuwden, A = all adults who count (the applicant and partner included). With A = 1 this is the
    single norm (70%), and a couple with A = 2 gets the norm for gehuwden (2 × 50%).
    Source: Participatiewet, art. 21 (normen) and art. 22a (kostendelersnorm).
    """
    couple = np.asarray(couple, bool)
    others = np.asarray(others, float)
    single = 6 * p["bijstand_single_jan"] + 6 * p["bijstand_single_jul"]
    both = 6 * p["bijstand_couple_jan"] + 6 * p["bijstand_couple_jul"]
    own = np.where(couple, 2.0, 1.0)
    a = own + others
    shared = own * (p["kd_base"] + a * p["kd_per_person"]) / a * both
    return np.where(others > 0, shared, np.where(couple, both, single))


def vrijlating_month(net_month, phase, single_parent, youngest_age, p: Params, half: str = "jan", age=27):
    """Earnings disregard (inkomstenvrijlating) in one month for one adult on bijstand, by phase.

    Phase 1 (art. 31 lid 2 onder n): 25% of net earnings, at most ``vl_n_max_<half>`` a month,
    for at most 6 months. Phase 2 (onder r): a single parent with full care of a child under 12
    keeps 12,5%, at most ``vl_r_max_<half>``, for at most 30 consecutive months after phase 1.
    Phase 0: the disregard has ended. Neither applies under age 27 (art. 31 lid 5). The maxima
    change on 1 January and 1 July (``half`` = ``"jan"`` or ``"jul"``).

    Source: Participatiewet, art. 31 lid 2 onder n en r, lid 5; art. 38 lid 4 (indexation).
    """
    monthly = np.maximum(np.asarray(net_month, float), 0.0)
    phase = np.asarray(phase, int)
    n = np.minimum(p["vl_n_rate"] * monthly, p[f"vl_n_max_{half}"])
    young = np.nan_to_num(np.asarray(youngest_age, float), nan=np.inf) < 12
    r = np.where(np.asarray(single_parent, bool) & young, np.minimum(p["vl_r_rate"] * monthly, p[f"vl_r_max_{half}"]), 0.0)
    amount = np.where(phase == 1, n, np.where(phase == 2, r, 0.0))
    return np.where(np.asarray(age, float) >= p["vl_min_age"], amount, 0.0)


def vrijlating(net_work_income, phase, single_parent, youngest_age, p: Params, age=27):
    """Earnings disregard per year: six months at the January maximum, six at the July maximum
    (see :func:`vrijlating_month`); none under ``vl_min_age`` (``age``)."""
    month = np.asarray(net_work_income, float) / 12.0
    return 6.0 * (vrijlating_month(month, phase, single_parent, youngest_age, p, "jan", age)
                  + vrijlating_month(month, phase, single_parent, youngest_age, p, "jul", age))


def bijstand_topup(net_work_income, on_bijstand, couple, p: Params, disregarded=0.0, others=0):
    """Bijstand on top of earnings for a household that claims it (single parent or couple).

    The norm is the single norm or, for a couple, the norm for gehuwden. The net earnings of
    both partners are deducted in full, except the part that the earnings disregard leaves
    (``disregarded``, both partners together); the top-up never goes below zero. Both partners of
    a couple on bijstand have the duty to look for and accept work (art. 9). Kindgebonden budget
    and toeslagen are not counted as income; municipal extras are not modelled.

    Source: Participatiewet, art. 9, 11, 21 (normen), 31 and 32 (middelen), art. 31 lid 2 onder n en r.
    """
    norm = bijstand_norm_year(couple, p, others)
    counted = np.asarray(net_work_income, float) - np.asarray(disregarded, float)
    return np.where(np.asarray(on_bijstand, bool), np.maximum(norm - counted, 0.0), 0.0)


def huurtoeslag(rent, rekeninkomen, persons, p: Params, all_young=False):
    """Huurtoeslag per year (paid as whole euros per month) for a rent (kale huur per month).

    rekenhuur − basishuur is paid in full up to the kwaliteitskortingsgrens, for 65% up to the
    aftoppingsgrens (1-2 or 3+ persons) and for 40% above it (since 2025 for every household).
    2025 (``ht_rule`` 2025): the basishuur rises with income (normhuur = a·Y² + b·Y above the
    ijkpunt, rounded up to cents, minus the verlaging) and a rent above the maximum rent gives no
    huurtoeslag at all. 2026: a fixed basishuur, the amount falls by a percentage of the income
    above the ijkpunt, and only the rent up to the maximum rent counts. Eenpersoons = one person
    in the home; everyone else is meerpersoons. Assets below the limit; rent 0 = no rented home.
    ``all_young``: everyone in the home is under 23 (2025) or 21 (2026), without children; then the
    lower maximum rent applies. The household model's adults are older, so it never sets this.

    Source: Wet op de huurtoeslag art. 5, 13, 17-21 (2025 and 2026 texts); Besluit op de
    huurtoeslag art. 7; Wet verlaging eigen bijdrage huurtoeslag art. 1.
    """
    rent = np.asarray(rent, float)
    y = np.maximum(np.asarray(rekeninkomen, float), 0.0)
    persons = np.asarray(persons, int)
    multi = persons >= 2
    aft = np.where(persons >= 3, p["ht_aft_large"], p["ht_aft_small"])
    kkg = p["ht_kkg"]
    max_rent = np.where(np.asarray(all_young, bool), p["ht_max_rent_young"], p["ht_max_rent"])
    ijk = np.where(multi, p["ht_ijkpunt_multi"], p["ht_ijkpunt_single"])
    if p["ht_rule"] == 2025:
        a = np.where(multi, p["ht_factor_a_multi"], p["ht_factor_a_single"])
        b = np.where(multi, p["ht_factor_b_multi"], p["ht_factor_b_single"])
        lowest = np.where(multi, p["ht_min_normhuur_multi"], p["ht_min_normhuur_single"])
        norm = np.where(y <= ijk, lowest, np.ceil(np.round((a * y * y + b * y) * 100.0, 6)) / 100.0)
        basis = norm - p["ht_verlaging"]
        reken = rent
        reduction = 0.0
    else:
        basis = np.where(multi, p["ht_basishuur_multi"], p["ht_basishuur_single"])
        reken = np.minimum(rent, max_rent)
        reduction = np.maximum(y - ijk, 0.0) * np.where(multi, p["ht_afbouw_multi"], p["ht_afbouw_single"]) / 12.0
    part_a = np.maximum(np.minimum(reken, kkg) - basis, 0.0)
    part_b = p["ht_rate_b"] * np.maximum(np.minimum(reken, aft) - np.maximum(basis, kkg), 0.0)
    part_c = p["ht_rate_c"] * np.maximum(reken - np.maximum(basis, aft), 0.0)
    month = np.floor(np.maximum(part_a + part_b + part_c - reduction, 0.0) + 1e-9)
    excluded = (rent > max_rent) & bool(p["ht_max_rent_excludes"])
    return 12.0 * np.where(excluded | (rent <= 0), 0.0, month)


def independence_thresholds(p: Params):
    """Net income from work per year needed to be economically independent (70% of the net
    minimum wage) and financially independent (100%).

    CBS: 70% of the net minimum wage equals the bijstand level of a single person. CBS does not
    publish the euro amount, so the model uses the yearly bijstandsnorm of a single person for
    70% and that amount ÷ 0,70 for 100%.
    Source: CBS, begrippen economisch zelfstandig / financieel onafhankelijk.
    """
    ez = float(bijstand_norm_year(False, p))
    return ez, ez / p["ez_share"] * p["fo_share"]


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------

def _as_frame(inputs: pd.DataFrame | Mapping[str, Any]) -> pd.DataFrame:
    if isinstance(inputs, pd.DataFrame):
        df = inputs.copy()
    elif isinstance(inputs, Mapping):
        vals = dict(inputs)
        n = max((len(v) for v in vals.values() if isinstance(v, (Sequence, np.ndarray, pd.Series)) and not isinstance(v, str)), default=1)
        df = pd.DataFrame({k: (v if isinstance(v, (Sequence, np.ndarray, pd.Series)) and not isinstance(v, str) else [v] * n)
                           for k, v in vals.items()})
    else:
        raise TypeError(f"inputs: expected a DataFrame or a mapping of columns, got {type(inputs).__name__}")
    unknown = sorted(set(df.columns) - set(INPUT_FIELDS))
    if unknown:
        raise ValueError(f"{unknown[0]}: unknown input field; known fields: {', '.join(INPUT_FIELDS)}")
    for k, default in INPUT_FIELDS.items():
        if k not in df.columns:
            df[k] = default
    return df.reset_index(drop=True)


def _bad_rows(mask: np.ndarray) -> str:
    rows = np.flatnonzero(mask)
    more = f" and {len(rows) - 3} more" if len(rows) > 3 else ""
    return "row " + ", ".join(map(str, rows[:3])) + more


def _numeric(df: pd.DataFrame, field: str) -> np.ndarray:
    try:
        return df[field].to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{field}: must be a number") from None


def _check_range(values: np.ndarray, field: str, kind: str, allow_nan: bool = False) -> None:
    lo, hi, unit = RANGES[kind]
    nan = np.isnan(values)
    bad = (~nan & ((values < lo) | (values > hi))) | (nan & (not allow_nan))
    if bad.any():
        got = values[bad][0]
        raise ValueError(f"{field}: must be between {lo:g} and {hi:g} {unit} (got {got:g} in {_bad_rows(bad)})")


def _care_codes(column: pd.Series, field: str) -> np.ndarray:
    """Childcare types as codes (see CARE_CODES); accepts the names or the integer codes."""
    raw = column.to_numpy()
    if raw.dtype.kind in "iu":
        bad = (raw < 0) | (raw > max(CARE_CODES.values()))
        if bad.any():
            raise ValueError(f"{field}: code must be 0-3 (got {raw[bad][0]} in {_bad_rows(bad)})")
        return raw.astype(int)
    inv, uniq = pd.factorize(pd.Series(raw), use_na_sentinel=True)
    lookup = np.array([CARE_CODES.get(str(u).strip().lower(), -1) for u in uniq] + [0], int)
    code = lookup[inv]  # the sentinel -1 (missing) picks the appended 0
    bad = code < 0
    if bad.any():
        raise ValueError(f"{field}: must be one of dagopvang, bso, gastouder or empty "
                         f"(got {raw[bad][0]!r} in {_bad_rows(bad)})")
    return code


def validate(inputs: pd.DataFrame | Mapping[str, Any]) -> dict[str, np.ndarray]:
    """Check the inputs and return them as arrays; raise ValueError naming the field and range."""
    df = _as_frame(inputs)
    out: dict[str, np.ndarray] = {}
    years = _numeric(df, "year")
    allowed = available_years()
    bad = ~np.isin(years, allowed)
    if bad.any():
        raise ValueError(f"year: must be one of {', '.join(map(str, allowed))} (got {years[bad][0]:g} in {_bad_rows(bad)})")
    out["year"] = years.astype(int)
    for flag in ("couple", "bijstand", "under27"):
        vals = df[flag].to_numpy()
        ok = np.ones(len(vals), bool) if vals.dtype == bool else np.isin(vals, [0, 1, True, False]) & pd.notna(vals)
        if not ok.all():
            raise ValueError(f"{flag}: must be True or False (got {vals[~ok][0]!r} in {_bad_rows(~ok)})")
        out[flag] = vals.astype(bool)
    out["rent"] = _numeric(df, "rent")
    _check_range(out["rent"], "rent", "rent")
    out["kostendelers"] = _numeric(df, "kostendelers")
    _check_range(out["kostendelers"], "kostendelers", "kostendelers")
    bad = out["kostendelers"] != np.round(out["kostendelers"])
    if bad.any():
        raise ValueError(f"kostendelers: must be a whole number of adults (got {out['kostendelers'][bad][0]:g} in {_bad_rows(bad)})")
    phase = _numeric(df, "vrijlating")
    bad = ~np.isin(phase, list(VRIJLATING_PHASES))
    if bad.any():
        raise ValueError(f"vrijlating: must be one of {', '.join(map(str, VRIJLATING_PHASES))} "
                         f"(0 = ended, 1 = first months, 2 = single parent) (got {phase[bad][0]:g} in {_bad_rows(bad)})")
    out["vrijlating"] = phase.astype(int)
    for a in ("1", "2"):
        for kind in ("wage", "hours", "care"):
            out[kind + a] = _numeric(df, kind + a)
            _check_range(out[kind + a], kind + a, kind)
        week = out["hours" + a] + out["care" + a]
        bad = week > HOURS_PER_WEEK
        if bad.any():
            raise ValueError(f"hours{a} + care{a}: paid and care hours together must be at most {HOURS_PER_WEEK} per week "
                             f"(got {week[bad][0]:g} in {_bad_rows(bad)})")
    single = ~out["couple"]
    for f in ("wage2", "hours2", "care2"):
        bad = single & (out[f] != 0)
        if bad.any():
            raise ValueError(f"{f}: must be 0 for a single parent (couple=False) ({_bad_rows(bad)})")
    ages, codes, hours, prices = [], [], [], []
    for i in range(1, MAX_CHILDREN + 1):
        age = _numeric(df, f"child{i}_age")
        _check_range(age, f"child{i}_age", "child_age", allow_nan=True)
        code = _care_codes(df[f"child{i}_care"], f"child{i}_care")
        h = _numeric(df, f"child{i}_care_hours")
        _check_range(h, f"child{i}_care_hours", "child_care_hours")
        pr = _numeric(df, f"child{i}_price")
        _check_range(pr, f"child{i}_price", "child_price")
        bad = (code > 0) & np.isnan(age)
        if bad.any():
            raise ValueError(f"child{i}_care: childcare given for a child without an age ({_bad_rows(bad)})")
        for t, (lo, hi) in CARE_AGE_RANGE.items():
            bad = (code == CARE_CODES[t]) & ((age < lo) | (age > hi))
            if bad.any():
                raise ValueError(f"child{i}_age: {t} is for children aged {lo} to {hi} (got {age[bad][0]:g} in {_bad_rows(bad)})")
        bad = (code == 0) & (h > 0)
        if bad.any():
            raise ValueError(f"child{i}_care_hours: hours given without a childcare type in child{i}_care ({_bad_rows(bad)})")
        ages.append(age)
        codes.append(code)
        hours.append(h)
        prices.append(pr)
    out["ages"] = np.column_stack(ages)
    out["codes"] = np.column_stack(codes)
    out["care_hours"] = np.column_stack(hours)
    out["prices"] = np.column_stack(prices)
    return out


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------

#: Per-adult output columns (suffix 1 and 2), with a Dutch label template.
_PER_ADULT_LABELS = {
    "gross": "Bruto inkomen volwassene {a} (per jaar)",
    "tax": "Belasting en premies voor kortingen, volwassene {a}",
    "ahk": "Algemene heffingskorting, volwassene {a}",
    "ak": "Arbeidskorting, volwassene {a}",
    "iack": "Inkomensafhankelijke combinatiekorting, volwassene {a}",
    "lost_credits": "Kortingen die niet passen in de belasting, volwassene {a}",
    "vrijlating": "Vrijgelaten deel van het loon in de bijstand (per jaar), volwassene {a}",
    "net": "Netto inkomen uit werk volwassene {a} (per jaar)",
    "ez": "Volwassene {a} economisch zelfstandig",
    "fo": "Volwassene {a} financieel onafhankelijk",
}
_HOUSEHOLD_LABELS = {
    "toetsingsinkomen": "Toetsingsinkomen toeslagen", "bijstand": "Bijstand (aanvulling, per jaar)",
    "kgb": "Kindgebonden budget (per jaar)", "zorgtoeslag": "Zorgtoeslag (per jaar)",
    "bijstand_norm": "Bijstandsnorm van dit huishouden (per jaar)",
    "huurtoeslag": "Huurtoeslag (per jaar)", "rent": "Kale huur per maand",
    "childcare_cost": "Kosten kinderopvang (per jaar)", "kot": "Kinderopvangtoeslag (per jaar)",
    "childcare_net": "Eigen kosten kinderopvang (per jaar)",
    "disposable_year": "Besteedbaar inkomen per jaar", "disposable_month": "Besteedbaar inkomen per maand",
}
_PER_ADULT_HOURS = {
    "paid_hours": "Betaalde uren per week, volwassene {a}",
    "care_hours": "Zorguren per week, volwassene {a}",
    "paid_share": "Aandeel betaald werk, volwassene {a}",
    "care_share": "Aandeel zorg, volwassene {a}",
}


def _per_adult(templates: dict[str, str]) -> dict[str, str]:
    return {f"{key}{a}": label.format(a=a) for key, label in templates.items() for a in (1, 2)}


#: Output columns, in order, with a Dutch label (used by the explorer and the docs).
OUTPUT_LABELS = {
    **_per_adult(_PER_ADULT_LABELS),
    **_HOUSEHOLD_LABELS,
    **_per_adult(_PER_ADULT_HOURS),
    "ez_threshold": "Grens economisch zelfstandig (netto per jaar)",
    "fo_threshold": "Grens financieel onafhankelijk (netto per jaar)",
    "approx": "Rust op een benadering (bits, zie APPROX_BITS)",
    "rules": "Regels die meespelen (bits, zie RULE_BITS en rules_applied)",
}


def _share(a, b):
    total = a + b
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, a / np.where(total > 0, total, 1.0), np.nan)


def _evaluate_year(x: dict[str, np.ndarray], p: Params) -> dict[str, np.ndarray]:
    couple, n = x["couple"], len(x["couple"])
    g1 = gross_wage(x["wage1"], x["hours1"], p)
    g2 = np.where(couple, gross_wage(x["wage2"], x["hours2"], p), 0.0)
    youngest = np.nanmin(np.where(np.isnan(x["ages"]), np.inf, x["ages"]), axis=1)
    youngest = np.where(np.isinf(youngest), np.nan, youngest)
    out: dict[str, np.ndarray] = {}
    for a, g_self, g_other, first in (("1", g1, g2, True), ("2", g2, g1, False)):
        tax = box1_tax(g_self, p)
        el = iack_eligible(g_self, g_other, couple, youngest, first, p) & (couple | first)
        ahk_u, ak_u, iack_u, lost = cap_credits(tax, algemene_heffingskorting(g_self, p),
                                                arbeidskorting(g_self, p), iack(g_self, el, p))
        if a == "2":  # a single parent has no second adult, and so no credits of one
            ahk_u, ak_u, iack_u, lost = (np.where(couple, v, 0.0) for v in (ahk_u, ak_u, iack_u, lost))
        out["gross" + a], out["tax" + a] = g_self, tax
        out["ahk" + a], out["ak" + a], out["iack" + a], out["lost_credits" + a] = ahk_u, ak_u, iack_u, lost
        out["net" + a] = g_self - (tax - ahk_u - ak_u - iack_u)
    n_children = (~np.isnan(x["ages"])).sum(axis=1)
    single_parent = ~couple & (n_children > 0)
    age = np.where(x["under27"], p["vl_min_age"] - 1, p["vl_min_age"])
    v1 = vrijlating(out["net1"], x["vrijlating"], single_parent, youngest, p, age)
    v2 = np.where(couple, vrijlating(out["net2"], np.where(x["vrijlating"] == 2, 0, x["vrijlating"]), False, youngest, p, age), 0.0)
    net_both = out["net1"] + out["net2"]
    others = x["kostendelers"]
    out["bijstand"] = bijstand_topup(net_both, x["bijstand"], couple, p, v1 + v2, others)
    on_bb = out["bijstand"] > 0
    # On bijstand no credit is lost: the municipality pays the bijstand gross and applies the
    # heffingskortingen to it (loonheffing on the uitkering), so the household gets the net norm.
    # Source: Participatiewet, art. 21 (netto normen); Wet op de loonbelasting 1964, art. 22
    # (heffingskortingen in de loonheffing, also on a benefit).
    for a in ("1", "2"):
        out["lost_credits" + a] = np.where(on_bb, 0.0, out["lost_credits" + a])
    out["vrijlating1"] = np.where(on_bb, np.minimum(v1, out["bijstand"]), 0.0)
    out["vrijlating2"] = np.where(on_bb, np.minimum(v2, np.maximum(out["bijstand"] - out["vrijlating1"], 0.0)), 0.0)
    out["bijstand_norm"] = np.where(x["bijstand"], bijstand_norm_year(couple, p, others), 0.0)
    ti = g1 + g2 + out["bijstand"]
    out["toetsingsinkomen"] = ti
    entitled = (x["hours1"] > 0) & (~couple | (x["hours2"] > 0))
    kot, cost, kot_approx = kinderopvangtoeslag(x["codes"], x["care_hours"], x["prices"], ti, entitled, p)
    out["childcare_cost"], out["kot"], out["childcare_net"] = cost, kot, cost - kot
    out["kgb"] = kindgebonden_budget(x["ages"], couple, ti, p)
    out["zorgtoeslag"] = zorgtoeslag(ti, couple, p)
    persons = np.where(couple, 2, 1) + n_children
    out["rent"] = x["rent"]
    # Other adults in the home: their income counts for the huurtoeslag and is not an input.
    out["huurtoeslag"] = np.where(others > 0, 0.0, huurtoeslag(x["rent"], ti, persons, p))
    out["disposable_year"] = (net_both + out["bijstand"] + out["kgb"] + out["zorgtoeslag"] + kot - cost
                              + out["huurtoeslag"])
    out["disposable_month"] = out["disposable_year"] / 12.0
    ez_t, fo_t = independence_thresholds(p)
    out["ez_threshold"], out["fo_threshold"] = np.full(n, ez_t), np.full(n, fo_t)
    for a in ("1", "2"):
        present = couple if a == "2" else np.ones(n, bool)
        out["ez" + a] = present & (out["net" + a] >= ez_t)
        out["fo" + a] = present & (out["net" + a] >= fo_t)
        out["paid_hours" + a] = np.where(present, x["hours" + a], 0.0)
        out["care_hours" + a] = np.where(present, x["care" + a], 0.0)
    out["paid_share1"] = _share(out["paid_hours1"], out["paid_hours2"])
    out["paid_share2"] = np.where(couple, 1 - out["paid_share1"], np.nan)
    out["care_share1"] = _share(out["care_hours1"], out["care_hours2"])
    out["care_share2"] = np.where(couple, 1 - out["care_share1"], np.nan)
    # Which results rest on an approximated parameter (shown to readers); see APPROX_PARAMS.
    marked = approx_params(p)
    a = np.nan_to_num(x["ages"], nan=-1)
    used_v1 = (out["vrijlating1"] + out["vrijlating2"]) > 0
    premie = p["zt_standaardpremie"] * np.where(couple, 2, 1)
    zt_norm = np.where(couple, p["zt_norm_partner"], p["zt_norm_single"]) * p["zt_drempel"]
    zt_raw = premie - zt_norm - p["zt_afbouw"] * np.maximum(ti - p["zt_drempel"], 0.0)
    conditions = {
        "always": np.ones(n, bool),
        "kot_row_approximated": kot_approx,
        "kgb_paid": out["kgb"] > 0,
        "child_12_15": ((a >= 12) & (a <= 15)).any(axis=1),
        "child_16_17": (a >= 16).any(axis=1),
        "on_bijstand": on_bb,
        "single": ~couple,
        "couple": couple,
        "zorgtoeslag_near_minimum_payout": (zt_raw > 0) & (zt_raw <= 2 * p["zt_min_payout"]),
        "disregard_used": used_v1,
        "disregard_general": x["vrijlating"] == 1,
        "disregard_single_parent": x["vrijlating"] == 2,
        "huurtoeslag_paid": out["huurtoeslag"] > 0,
    }
    used = {bit: np.logical_and.reduce([conditions[c] for c in when]) for bit, when in APPROX_WHEN.items()}
    approx = np.zeros(n, int)
    for bit, mask in used.items():
        if bit in marked:
            approx |= np.where(mask, APPROX_BITS[bit], 0)
    out["approx"] = approx.astype(int)
    rules = np.zeros(n, int)
    rules |= np.where(on_bb, RULE_BITS["bijstand"], 0)
    rules |= np.where(on_bb & couple, RULE_BITS["bijstand_couple"], 0)
    rules |= np.where(on_bb & (net_both > 0) & (x["vrijlating"] == 1), RULE_BITS["vrijlating_n"], 0)
    rules |= np.where(on_bb & (out["vrijlating1"] > 0) & (x["vrijlating"] == 2), RULE_BITS["vrijlating_r"], 0)
    rules |= np.where(on_bb & (net_both > 0) & ((x["vrijlating"] == 0) | ((x["vrijlating"] == 2) & (out["vrijlating1"] == 0))),
                      RULE_BITS["vrijlating_none"], 0)
    rules |= np.where((cost > 0) & ~entitled, RULE_BITS["kot_not_entitled"], 0)
    above = x["rent"] > p["ht_max_rent"]
    rules |= np.where(above & bool(p["ht_max_rent_excludes"]), RULE_BITS["ht_excluded"], 0)
    rules |= np.where(above & (not p["ht_max_rent_excludes"]) & (out["huurtoeslag"] > 0), RULE_BITS["ht_capped"], 0)
    rules |= np.where((out["lost_credits1"] + out["lost_credits2"]) > 0.5, RULE_BITS["credits_lost"], 0)
    rules |= np.where(on_bb & (others > 0), RULE_BITS["kostendelers"], 0)
    rules |= np.where((others > 0) & (x["rent"] > 0), RULE_BITS["ht_housemates"], 0)
    rules |= np.where(on_bb & (net_both > 0) & x["under27"] & (x["vrijlating"] > 0), RULE_BITS["vrijlating_young"], 0)
    out["rules"] = rules
    return out


def evaluate(inputs: pd.DataFrame | Mapping[str, Any]) -> pd.DataFrame:
    """Evaluate many scenarios at once; return one row of outputs per input row.

    ``inputs`` is a DataFrame or a mapping of columns (scalars are broadcast). Missing columns
    take the defaults in :data:`INPUT_FIELDS`. Raises ValueError naming the field and the
    allowed range for invalid input. Money is in euro per year unless the name says month.
    """
    x = validate(inputs)
    n = len(x["year"])
    result: dict[str, np.ndarray] = {}
    years = np.unique(x["year"])
    if len(years) == 1:
        result = _evaluate_year(x, load_params(int(years[0])))
    else:
        order = np.argsort(x["year"], kind="stable")
        bounds = np.searchsorted(x["year"][order], years)
        for year, start, stop in zip(years, bounds, list(bounds[1:]) + [n]):
            idx = order[start:stop]
            part = _evaluate_year({k: v[idx] for k, v in x.items()}, load_params(int(year)))
            for k, v in part.items():
                if k not in result:
                    result[k] = np.empty(n, dtype=v.dtype)
                result[k][idx] = v
    return pd.DataFrame({k: result[k] for k in OUTPUT_LABELS})


def scenario(year: int = 2025, household: str = "paar", adults: Sequence[Mapping[str, float]] = (),
             children: Sequence[Mapping[str, Any]] = (), bijstand: bool = False, rent: float = 0.0,
             vrijlating: int = 0) -> dict[str, Any]:
    """Build one input row from readable arguments.

    ``household``: ``"paar"`` or ``"alleenstaand"`` (single parent). ``bijstand``: the household
    claims bijstand when its income is below the norm; ``vrijlating``: phase of the earnings
    disregard (:data:`VRIJLATING_PHASES`); ``rent``: kale huur per month. ``adults``: dicts with
    ``wage``, ``hours``, ``care``. ``children``: dicts with ``age`` and optionally ``care``
    (type), ``hours`` (childcare hours per week) and ``price`` (euro per hour).
    """
    if household not in ("paar", "alleenstaand"):
        raise ValueError(f"household: must be 'paar' or 'alleenstaand' (got {household!r})")
    couple = household == "paar"
    if len(adults) > (2 if couple else 1):
        raise ValueError(f"adults: at most {2 if couple else 1} for household {household!r} (got {len(adults)})")
    if len(children) > MAX_CHILDREN:
        raise ValueError(f"children: at most {MAX_CHILDREN} children (got {len(children)})")
    row: dict[str, Any] = dict(INPUT_FIELDS, year=year, couple=couple, bijstand=bijstand, rent=rent, vrijlating=vrijlating)
    for i, ad in enumerate(adults, start=1):
        unknown = set(ad) - {"wage", "hours", "care"}
        if unknown:
            raise ValueError(f"adults[{i - 1}]: unknown key {sorted(unknown)[0]!r}; use wage, hours, care")
        row[f"wage{i}"], row[f"hours{i}"], row[f"care{i}"] = ad.get("wage", 0.0), ad.get("hours", 0.0), ad.get("care", 0.0)
    for i, ch in enumerate(children, start=1):
        unknown = set(ch) - {"age", "care", "hours", "price"}
        if unknown:
            raise ValueError(f"children[{i - 1}]: unknown key {sorted(unknown)[0]!r}; use age, care, hours, price")
        row[f"child{i}_age"] = ch.get("age", np.nan)
        row[f"child{i}_care"] = ch.get("care", "")
        row[f"child{i}_care_hours"] = ch.get("hours", 0.0)
        row[f"child{i}_price"] = ch.get("price", 0.0)
    return row


def evaluate_one(**kwargs: Any) -> pd.Series:
    """Evaluate one scenario given as :func:`scenario` arguments; return its outputs."""
    return evaluate(pd.DataFrame([scenario(**kwargs)])).iloc[0]


def rules_applied(outputs: Mapping[str, Any]) -> list[str]:
    """Plain Dutch sentences for the rules that shaped one scenario (from the ``rules`` output)."""
    bits = int(outputs["rules"])
    return [RULE_TEXT_NL[name] for name, bit in RULE_BITS.items() if bits & bit]
