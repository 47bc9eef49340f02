"""The explorer page computes one rule itself: huurtoeslag (the rent is a free number there).

This test runs the page's function (_static/verkenner.js) in Node with the parameters the page
gets (explorer.huurtoeslag_params) on thousands of generated cases and checks that every amount
equals werkzorg.household.huurtoeslag. Node ships with the Debian chromium test setup; the test
fails (not skips) without it, because the page would otherwise be unchecked.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np

from werkzorg import explorer
from werkzorg import household as hh
from werkzorg.params import load_params

JS = Path(__file__).resolve().parents[1] / "_static" / "verkenner.js"


def test_page_huurtoeslag_equals_the_model_on_many_cases(tmp_path):
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node is needed to check the explorer's huurtoeslag against the model"
    rng = np.random.default_rng(14)
    n = 4000
    cases = {
        "year": rng.choice([2025, 2026], n).tolist(),
        "rent": np.round(rng.uniform(0, 1400, n), 2).tolist(),
        "income": np.round(rng.uniform(0, 80000, n)).tolist(),
        "persons": rng.integers(1, 7, n).tolist(),
        "young": (rng.random(n) < 0.1).tolist(),
    }
    # edges where rounding and the limits bite
    for year in (2025, 2026):
        p = load_params(year)
        for rent in (p["ht_kkg"], p["ht_aft_small"], p["ht_aft_large"], p["ht_max_rent"], p["ht_max_rent"] + 0.01):
            for income in (0, p["ht_ijkpunt_single"], p["ht_ijkpunt_multi"], 40000):
                for persons in (1, 2, 3):
                    for key, val in zip(cases, (year, rent, income, persons, False)):
                        cases[key].append(val)
    params = {str(y): explorer.huurtoeslag_params(y) for y in (2025, 2026)}
    (tmp_path / "in.json").write_text(json.dumps({"cases": cases, "params": params}))
    script = (f"const m = require({json.dumps(str(JS))});\n"
              f"const d = JSON.parse(require('fs').readFileSync({json.dumps(str(tmp_path / 'in.json'))}));\n"
              "const c = d.cases; const out = c.year.map((y, i) => m.huurtoeslag(c.rent[i], c.income[i], c.persons[i], d.params[String(y)], c.young[i]));\n"
              "process.stdout.write(JSON.stringify(out));\n")
    (tmp_path / "run.js").write_text(script)
    got = np.array(json.loads(subprocess.run([node, str(tmp_path / "run.js")], check=True, capture_output=True, text=True).stdout))
    years = np.array(cases["year"])
    want = np.empty(len(got))
    for y in (2025, 2026):
        m = years == y
        want[m] = hh.huurtoeslag(np.array(cases["rent"])[m], np.array(cases["income"])[m],
                                 np.array(cases["persons"])[m], load_params(y), np.array(cases["young"])[m])
    bad = np.flatnonzero(got != want)
    assert len(bad) == 0, [(cases["year"][i], cases["rent"][i], cases["income"][i], cases["persons"][i], got[i], want[i]) for i in bad[:5]]
    assert (want > 0).sum() > 1000 and (want == 0).sum() > 100  # both paid and zero amounts are exercised
