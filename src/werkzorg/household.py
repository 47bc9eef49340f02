"""A transparent household model: income, tax credits, benefits, childcare and independence.

For a single parent or a couple with children, the model computes per adult and for the
household what a given split of paid work and care means in money and in time. It is a
model for learning and conversation, built from the parameters in ``data/params/<year>.yaml``
(every value with its source and status); it does not replace the official calculators.

Each rule is a small function with its legal source in the docstring. All rules work on
numpy arrays, so :func:`evaluate` computes many scenarios at once (the static explorer
precomputes a grid with it).

Simplifications (also explained to readers in ``book/verkennen/model.md``):

- Everyone is an employee between 21 and the AOW age, born after 1962, with only wage income
  (box 1); no pension premium, deductions, box 2/3, or self-employment.
- Annual gross wage = hourly wage × hours per week × 52,2 × 1,08 (holiday pay).
- The toetsingsinkomen for the toeslagen is the household's gross wage (plus the bijstand
  top-up for a single parent, see :func:`bijstand_topup`).
- Not included: kinderbijslag (does not depend on income or hours), huurtoeslag, rent or mortgage,
  the health insurance premium, municipal schemes, the temporary bijstand earnings disregard.

Inputs (one row per scenario; see :data:`INPUT_FIELDS`):
``year``, ``couple``, ``bijstand``, per adult ``wage1``/``hours1``/``care1`` and
``wage2``/``hours2``/``care2``, and per child ``child{i}_age``, ``child{i}_care``
(``""``/``dagopvang``/``bso``/``gastouder``), ``child{i}_care_hours`` (per week, averaged over the
year) and ``child{i}_price`` (euro per hour) for i = 1..:data:`MAX_CHILDREN`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from werkzorg.params import CARE_TYPES, Params, available_years, load_params

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
}

#: Bits of the ``approx`` output: which results rest on a parameter marked "approximation".
APPROX_BITS = {
    "kot": 1,        # kinderopvangtoeslag percentage from an interpolated row
    "kgb": 2,        # kindgebonden budget amount with an approximated parameter
    "bijstand": 4,   # bijstand norm approximated (top-up or independence thresholds)
    "zorgtoeslag": 8,  # near the income limit, where the (approximated) minimum payout decides
}


def _child_fields() -> list[str]:
    out = []
    for i in range(1, MAX_CHILDREN + 1):
        out += [f"child{i}_age", f"child{i}_care", f"child{i}_care_hours", f"child{i}_price"]
    return out


#: All input columns with their defaults.
INPUT_FIELDS: dict[str, Any] = {
    "year": 2025, "couple": True, "bijstand": False,
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


def bijstand_norm_year(couple, p: Params):
    """Net bijstandsnorm per year incl. holiday pay: 6 × January norm + 6 × July norm.

    Single parents get the norm of a single person (since 2015); the costs of children are
    covered by the kindgebonden budget with the alleenstaande-ouderkop.
    Source: Participatiewet, art. 21.
    """
    single = 6 * p["bijstand_single_jan"] + 6 * p["bijstand_single_jul"]
    both = 6 * p["bijstand_couple_jan"] + 6 * p["bijstand_couple_jul"]
    return np.where(np.asarray(couple, bool), both, single)


def bijstand_topup(net_work_income, on_bijstand, couple, p: Params):
    """Bijstand on top of earnings for a single parent who starts from bijstand.

    Net earnings are deducted in full from the norm; the top-up never goes below zero.
    Not modelled: the temporary earnings disregard (25% of earnings for at most 6 months, and
    12,5% for single parents for at most 30 months), because its 2025/2026 amounts were not found,
    and municipal extras. Kindgebonden budget and toeslagen are not counted as income.
    Source: Participatiewet, art. 31 and 32 (middelen), art. 31 lid 2 onder n en r (vrijlating).
    """
    norm = bijstand_norm_year(couple, p)
    return np.where(np.asarray(on_bijstand, bool), np.maximum(norm - np.asarray(net_work_income, float), 0.0), 0.0)


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
    for flag in ("couple", "bijstand"):
        vals = df[flag].to_numpy()
        ok = np.ones(len(vals), bool) if vals.dtype == bool else np.isin(vals, [0, 1, True, False]) & pd.notna(vals)
        if not ok.all():
            raise ValueError(f"{flag}: must be True or False (got {vals[~ok][0]!r} in {_bad_rows(~ok)})")
        out[flag] = vals.astype(bool)
    if (out["bijstand"] & out["couple"]).any():
        raise ValueError(f"bijstand: only for a single parent (couple=False) ({_bad_rows(out['bijstand'] & out['couple'])})")
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
        ages.append(age); codes.append(code); hours.append(h); prices.append(pr)
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
    "net": "Netto inkomen uit werk volwassene {a} (per jaar)",
    "ez": "Volwassene {a} economisch zelfstandig",
    "fo": "Volwassene {a} financieel onafhankelijk",
}
_HOUSEHOLD_LABELS = {
    "toetsingsinkomen": "Toetsingsinkomen toeslagen", "bijstand": "Bijstand (aanvulling, per jaar)",
    "kgb": "Kindgebonden budget (per jaar)", "zorgtoeslag": "Zorgtoeslag (per jaar)",
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
        out["gross" + a], out["tax" + a] = g_self, tax
        out["ahk" + a], out["ak" + a], out["iack" + a], out["lost_credits" + a] = ahk_u, ak_u, iack_u, lost
        out["net" + a] = g_self - (tax - ahk_u - ak_u - iack_u)
    out["bijstand"] = bijstand_topup(out["net1"], x["bijstand"], couple, p)
    ti = g1 + g2 + out["bijstand"]
    out["toetsingsinkomen"] = ti
    entitled = (x["hours1"] > 0) & (~couple | (x["hours2"] > 0))
    kot, cost, kot_approx = kinderopvangtoeslag(x["codes"], x["care_hours"], x["prices"], ti, entitled, p)
    out["childcare_cost"], out["kot"], out["childcare_net"] = cost, kot, cost - kot
    out["kgb"] = kindgebonden_budget(x["ages"], couple, ti, p)
    out["zorgtoeslag"] = zorgtoeslag(ti, couple, p)
    out["disposable_year"] = out["net1"] + out["net2"] + out["bijstand"] + out["kgb"] + out["zorgtoeslag"] + kot - cost
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
    # Which results rest on an approximated parameter (shown to readers)
    approx = np.where(kot_approx, APPROX_BITS["kot"], 0)
    kgb_params = ["kgb_per_child", "kgb_alo_kop", "kgb_threshold_single", "kgb_threshold_partner", "kgb_phaseout_rate"]
    if any(p.status(k) == "approximation" for k in kgb_params):
        approx |= np.where(out["kgb"] > 0, APPROX_BITS["kgb"], 0)
    a = np.nan_to_num(x["ages"], nan=-1)
    if p.status("kgb_supplement_12_15") == "approximation":
        approx |= np.where((out["kgb"] > 0) & ((a >= 12) & (a <= 15)).any(axis=1), APPROX_BITS["kgb"], 0)
    if p.status("kgb_supplement_16_17") == "approximation":
        approx |= np.where((out["kgb"] > 0) & (a >= 16).any(axis=1), APPROX_BITS["kgb"], 0)
    if p.status("bijstand_single_jan") == "approximation" or p.status("bijstand_single_jul") == "approximation":
        approx |= APPROX_BITS["bijstand"]  # the independence thresholds use the norm
    if p.status("zt_min_payout") == "approximation":
        premie = p["zt_standaardpremie"] * np.where(couple, 2, 1)
        norm = np.where(couple, p["zt_norm_partner"], p["zt_norm_single"]) * p["zt_drempel"]
        raw = premie - norm - p["zt_afbouw"] * np.maximum(ti - p["zt_drempel"], 0.0)
        approx |= np.where((raw > 0) & (raw <= 2 * p["zt_min_payout"]), APPROX_BITS["zorgtoeslag"], 0)
    out["approx"] = approx.astype(int)
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
             children: Sequence[Mapping[str, Any]] = (), bijstand: bool = False) -> dict[str, Any]:
    """Build one input row from readable arguments.

    ``household``: ``"paar"`` or ``"alleenstaand"`` (single parent). ``adults``: dicts with
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
    row: dict[str, Any] = dict(INPUT_FIELDS, year=year, couple=couple, bijstand=bijstand)
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
