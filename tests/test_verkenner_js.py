"""The explorer page computes with a JavaScript port of the household model
(src/werkzorg/explorer/static/huishouden.js). These tests run that file in Node on thousands of generated
households and check every output the page uses against werkzorg.model.household.evaluate, and the
page's own state -> model input mapping (the page glue, _static/verkenner.js) against
werkzorg.explorer.page.inputs_for_state. Node ships with the Debian chromium test setup; the tests fail
(not skip) without it, because the page would otherwise be unchecked.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd

from werkzorg.data.params import load_params
from werkzorg.explorer import page as explorer
from werkzorg.model import household as hh

ROOT = Path(__file__).resolve().parents[1]
MODEL_JS = ROOT / "src" / "werkzorg" / "explorer" / "static" / "huishouden.js"
GLUE_JS = ROOT / "_static" / "verkenner.js"

#: Outputs the page shows or uses, compared to the euro cent.
MONEY = ["gross1", "gross2", "net1", "net2", "ahk1", "ahk2", "ak1", "ak2", "iack1", "iack2", "lost_credits1",
         "lost_credits2", "bijstand", "vrijlating1", "vrijlating2", "bijstand_norm", "toetsingsinkomen", "kot",
         "childcare_cost", "kgb", "zorgtoeslag", "huurtoeslag", "disposable_year", "ez_threshold", "fo_threshold"]
FLAGS = ["ez1", "ez2", "fo1", "fo2", "approx", "rules"]


def _node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node is needed to check the explorer's model against the Python model"
    return node


def _params_json() -> dict:
    return {str(y): {k: load_params(y)[k] for k in load_params(y)} for y in (2025, 2026)}


def generated_households(n: int, seed: int) -> pd.DataFrame:
    """Random households: single parents and couples, on and off bijstand, every child age 0-17
    with childcare following age (or gastouder), hours 0-40, wages per partner, own prices,
    housemates and adults under 27, rents around the huurtoeslag limits."""
    rng = np.random.default_rng(seed)
    couple = rng.random(n) < 0.6
    df = pd.DataFrame({
        "year": rng.choice([2025, 2026], n), "couple": couple, "bijstand": rng.random(n) < 0.6,
        "rent": rng.choice([0.0, 450.0, 610.0, 700.0, 900.0, 950.0], n) + np.round(rng.uniform(0, 30, n), 2),
        "vrijlating": rng.integers(0, 3, n), "kostendelers": np.where(rng.random(n) < 0.2, rng.integers(1, 4, n), 0),
        "under27": rng.random(n) < 0.2,
        "wage1": np.round(rng.uniform(12, 45, n), 2), "hours1": rng.integers(0, 41, n).astype(float),
        "wage2": np.where(couple, np.round(rng.uniform(12, 45, n), 2), 0.0),
        "hours2": np.where(couple, rng.integers(0, 41, n), 0).astype(float),
    })
    n_children = rng.integers(0, hh.MAX_CHILDREN + 1, n)
    for i in range(1, hh.MAX_CHILDREN + 1):
        has = n_children >= i
        age = rng.integers(0, 18, n).astype(float)
        gast = rng.random(n) < 0.2
        care = np.where(age <= 3, "dagopvang", np.where(age <= 12, "bso", ""))
        care = np.where(gast & (age <= 12), "gastouder", care)
        care = np.where(has & (rng.random(n) < 0.85), care, "")
        df[f"child{i}_age"] = np.where(has, age, np.nan)
        df[f"child{i}_care"] = care
        df[f"child{i}_care_hours"] = np.where(care != "", rng.integers(0, 51, n), 0).astype(float)
        df[f"child{i}_price"] = np.where(care != "", np.round(rng.uniform(6, 14, n), 2), 0.0)
    return df


def _run_model_js(rows: list[dict]) -> list[dict]:
    script = f"""
const m = require({json.dumps(str(MODEL_JS))});
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = input.rows.map(x => m.evaluate(x, input.params[String(x.year)], input.approx[String(x.year)], input.bits));
process.stdout.write(JSON.stringify(out));
"""
    payload = {"rows": rows, "params": _params_json(),
               "approx": {str(y): hh.approx_params(load_params(y)) for y in (2025, 2026)},
               "bits": {"approx": hh.APPROX_BITS, "rules": hh.RULE_BITS, "when": hh.APPROX_WHEN}}
    done = subprocess.run([_node(), "-e", script], input=json.dumps(payload), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _rows_for_js(df: pd.DataFrame) -> list[dict]:
    rows = []
    for r in df.to_dict("records"):
        r = {k: (None if isinstance(v, float) and math.isnan(v) else v.item() if hasattr(v, "item") else v)
             for k, v in r.items()}
        rows.append(r)
    return rows


def test_page_model_equals_the_python_model_on_generated_households():
    df = generated_households(4000, seed=21)
    expected = hh.evaluate(df)
    got = _run_model_js(_rows_for_js(df))
    for i, (row, js) in enumerate(zip(expected.to_dict("records"), got)):
        for k in MONEY:
            assert abs(js[k] - row[k]) < 0.005, (i, k, js[k], row[k], df.iloc[i].to_dict())
        for k in FLAGS:
            assert int(js[k]) == int(row[k]), (i, k, js[k], row[k], df.iloc[i].to_dict())


def test_page_huurtoeslag_equals_the_model_on_many_cases():
    rng = np.random.default_rng(14)
    n = 3000
    cases = {"year": rng.choice([2025, 2026], n).tolist(), "rent": np.round(rng.uniform(0, 1400, n), 2).tolist(),
             "income": np.round(rng.uniform(0, 80000, n)).tolist(), "persons": rng.integers(1, 7, n).tolist(),
             "young": (rng.random(n) < 0.1).tolist()}
    for year in (2025, 2026):  # edges where rounding and the limits bite
        p = load_params(year)
        for rent in (p["ht_kkg"], p["ht_aft_small"], p["ht_aft_large"], p["ht_max_rent"], p["ht_max_rent"] + 0.01):
            for income in (0.0, p["ht_ijkpunt_single"], p["ht_ijkpunt_multi"], 30000.0):
                for persons in (1, 2, 3):
                    for k, v in (("year", year), ("rent", rent), ("income", income), ("persons", persons), ("young", False)):
                        cases[k].append(v)
    script = f"""
const m = require({json.dumps(str(MODEL_JS))});
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const c = input.cases;
const out = c.year.map((y, i) => m.huurtoeslag(c.rent[i], c.income[i], c.persons[i], input.params[String(y)], c.young[i]));
process.stdout.write(JSON.stringify(out));
"""
    done = subprocess.run([_node(), "-e", script], input=json.dumps({"cases": cases, "params": _params_json()}),
                          capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    for i, year in enumerate(cases["year"]):
        want = float(hh.huurtoeslag(cases["rent"][i], cases["income"][i], cases["persons"][i], load_params(year),
                                    cases["young"][i]))
        assert got[i] == want, {k: v[i] for k, v in cases.items()}


def generated_states(n: int, seed: int) -> list[dict]:
    """Random states of the explorer's controls (every control, every value it offers)."""
    rng = np.random.default_rng(seed)
    states = []
    for _ in range(n):
        s = {}
        for name, c in explorer.CONTROLS.items():
            if c["kind"] == "select":
                s[name] = c["options"][rng.integers(len(c["options"]))][0]
            elif c["kind"] == "range":
                s[name] = int(rng.integers(c["min"], c["max"] + 1))
        s["loon1"] = "min" if rng.random() < 0.3 else round(float(rng.uniform(12, 45)), 2)
        s["loon2"] = "min" if rng.random() < 0.3 else round(float(rng.uniform(12, 45)), 2)
        s["prijs"] = None if rng.random() < 0.6 else round(float(rng.uniform(5, 14)), 2)
        s["huur"] = None if rng.random() < 0.4 else float(rng.choice([0, 450, 610, 800, 950]))
        if s["ouderleeftijd"] == 18:
            s["ouderleeftijd"] = 27
        states.append(s)
    return states


def test_page_shows_the_models_numbers_for_generated_states():
    """Per state: the page's inputFor + model give, for every row of the table (euros per month,
    rounded) and both phases of the disregard, what werkzorg.explorer.page.outputs_for gives."""
    states = generated_states(400, seed=7)
    payload = explorer.grid_payload()
    script = f"""
const model = require({json.dumps(str(MODEL_JS))});
const glue = require({json.dumps(str(GLUE_JS))});
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const meta = input.data.meta, params = input.data.params;
const out = input.states.map(s => [0, 1, 2].map(ph => {{
  const x = glue.inputFor(s, meta, params, ph), y = String(x.year);
  return model.evaluate(x, params[y], meta.model_approx[y], {{approx: meta.approx_bits, rules: meta.rule_bits, when: meta.approx_when}});
}}));
process.stdout.write(JSON.stringify(out));
"""
    done = subprocess.run([_node(), "-e", script], input=json.dumps({"states": states, "data": payload}),
                          capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    for s, phases in zip(states, got):
        for ph, js in enumerate(phases):
            want = explorer.outputs_for(s, vrijlating=ph)
            for key in explorer.ROWS:
                assert explorer.expected_month(js, key) == explorer.expected_month(want, key), (s, ph, key)
            assert int(js["approx"]) == int(want["approx"]) and int(js["rules"]) == int(want["rules"]), (s, ph)


def test_page_reads_link_values_as_the_control_description_says():
    cases = [("uren1", "18"), ("uren1", "17.5"), ("uren1", "41"), ("uren2", "0"), ("loon1", "min"), ("loon1", "laag"),
             ("loon1", "21,50"), ("loon1", ""), ("loon2", "hoog"), ("loon1", "abc"), ("huur", ""), ("huur", "650"),
             ("huur", "-5"), ("prijs", "9,95"), ("prijs", ""), ("huishouden", "alleenstaand"), ("huishouden", "drie"),
             ("kinderen", "3"), ("kinderen", "9"), ("leeftijd2", "12"), ("leeftijd1", "18"), ("opvang", "volgt"),
             ("opvang", "3"), ("opvangsoort", "gastouder"), ("kostendelers", "2"), ("ouderleeftijd", "21"), ("jaar", "2026"),
             ("jaar", "2024"), ("as", "1")]
    script = f"""
const glue = require({json.dumps(str(GLUE_JS))});
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = input.cases.map(c => {{ const v = glue.coerce(c[0], c[1], input.meta); return v === undefined ? "UNDEF" : v; }});
process.stdout.write(JSON.stringify(out));
"""
    done = subprocess.run([_node(), "-e", script], input=json.dumps({"cases": cases, "meta": explorer.grid_payload()["meta"]}),
                          capture_output=True, text=True, check=True)
    for (name, text), js in zip(cases, json.loads(done.stdout)):
        py = explorer.coerce(name, text)
        if js == "UNDEF":
            assert py is None and not (explorer.CONTROLS[name]["kind"] == "number" and text == ""), (name, text)
        else:
            assert js == py, (name, text, js, py)
    assert explorer.coerce("uren1", "18") == 18  # a link with 18 hours keeps 18 hours


#: Values per input field of the model for the approximation check: the household types (single,
#: couple; on and off bijstand; each disregard phase; housemates; adults under 27) crossed with
#: incomes around the bijstand norm and children whose age decides the kgb supplements.
INPUT_SPACE = {
    "year": None,  # every year with parameters
    "couple": [False, True], "bijstand": [False, True], "vrijlating": [0, 1, 2], "kostendelers": [0, 1],
    "under27": [False, True], "rent": [0.0, 640.0],
    ("wage1", "hours1", "wage2", "hours2"): [(14.0, 0.0, 14.0, 0.0), (14.0, 12.0, 14.0, 0.0), (14.0, 20.0, 14.0, 8.0),
                                              (16.0, 32.0, 14.0, 16.0), (25.0, 40.0, 25.0, 40.0),
                                              # toetsingsinkomen near the end of zorgtoeslag (single; couple)
                                              (20.05, 36.0, 14.0, 0.0), (25.15, 36.0, 14.0, 0.0)],
    "children": [[], [(1, "dagopvang", 30.0)], [(8, "bso", 12.0), (13, "", 0.0)], [(3, "gastouder", 20.0), (16, "", 0.0)]],
}


def _household_types() -> pd.DataFrame:
    import itertools

    from werkzorg.data.params import available_years

    space = dict(INPUT_SPACE, year=available_years())
    covered = {f for key in space for f in (key if isinstance(key, tuple) else (key,))} | {"care1", "care2"}
    child_fields = {f for f in hh.INPUT_FIELDS if f.startswith("child")}
    assert set(hh.INPUT_FIELDS) - child_fields - covered == set(), "give the new input field values here"
    rows = []
    for combo in itertools.product(*space.values()):
        row = dict(hh.INPUT_FIELDS)
        for key, value in zip(space, combo):
            if key == "children":
                for i, (age, care, hours) in enumerate(value, start=1):
                    row.update({f"child{i}_age": float(age), f"child{i}_care": care, f"child{i}_care_hours": hours,
                                f"child{i}_price": 11.0 if care else 0.0})
            elif isinstance(key, tuple):
                row.update(zip(key, value))
            else:
                row[key] = value
        if not row["couple"]:
            row["wage2"], row["hours2"] = 0.0, 0.0
        rows.append(row)
    return pd.DataFrame(rows)


def test_approximation_marks_agree_for_every_household_type():
    """The "≈" bits of the page's model and the Python model, for every household type the model
    takes (couples on bijstand too), both reading data/params/approximations.yaml."""
    df = _household_types()
    expected = hh.evaluate(df)
    got = _run_model_js(_rows_for_js(df))
    bad = [(i, int(js["approx"]), int(py)) for i, (js, py) in enumerate(zip(got, expected["approx"])) if int(js["approx"]) != int(py)]
    assert not bad, [(df.iloc[i][["year", "couple", "bijstand", "vrijlating", "kostendelers"]].to_dict(), js, py)
                     for i, js, py in bad[:5]]
    # the cases reach every bit some year marks, and couples on bijstand carry their own norm's bit
    years_marked = set().union(*(hh.approx_params(load_params(int(y))) for y in df["year"].unique()))
    seen = {bit for bit, value in hh.APPROX_BITS.items() if (expected["approx"] & value).any()}
    assert years_marked <= seen, years_marked - seen
    couples_on_bb = expected[df["couple"].to_numpy() & (expected["bijstand"] > 0).to_numpy()]
    assert len(couples_on_bb) > 100 and (couples_on_bb["approx"] & hh.APPROX_BITS["bijstand_couple"]).any()


def test_the_approximation_map_names_parameters_and_conditions_that_exist():
    from werkzorg.data.params import available_years

    known = set().union(*(set(load_params(y)) for y in available_years()))
    for name, entry in hh.APPROX_MAP.items():
        assert set(entry["params"]) <= known, (name, set(entry["params"]) - known)
        assert set(entry["when"]) <= set(hh.APPROX_CONDITIONS), name
    assert explorer.grid_payload()["meta"]["approx_when"] == hh.APPROX_WHEN  # the page gets the same map
