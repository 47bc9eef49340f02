"""Every page writes a number, an amount and a date the same Dutch way (werkzorg.format_nl).

The explorer page writes its euros in the browser (``_static/verkenner.js``); its lines are run
here in Node on the same values as the Python writer, so a reader sees "€ 1.235" (with a space
that never breaks) in the explorer, on the claims page and in a notebook alike.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from werkzorg import format_nl
from werkzorg.data.claims import format_number
from werkzorg.stats import plot_style

ROOT = Path(__file__).resolve().parents[1]
NBSP = "\u00a0"

# Amounts where writers part ways: halves (rounding), values that round to zero, thousands,
# negatives, and a value stored just below a half (2.675 is 2.67499… as a float).
AMOUNTS = [0, 0.4, 0.5, -0.4, -0.5, 1, 2.5, 3.5, -2.5, 12.49, 99.5, 999.5, 1000, 1234.5, 1463.95,
           -350, -1463.95, 24999.5, 1_000_000, 2.675, 273.0, -0.6]


def test_numbers_are_written_with_a_decimal_comma_and_a_dot_between_thousands():
    assert format_nl.number(1463.95, 2) == "1.463,95"
    assert format_nl.number(68.9) == "68,9"
    assert format_nl.number(1_000_000, 0) == "1.000.000"
    assert format_nl.percent(68.9) == "69%"
    assert format_nl.percent(68.25, 1) == "68,3%"  # a half rounds up, as people round


def test_euros_keep_the_sign_and_the_amount_together():
    assert format_nl.euro(1024.77, 2) == f"€{NBSP}1.024,77"
    assert format_nl.euro(-350) == f"−{NBSP}€{NBSP}350"
    assert format_nl.euro(350, signed=True) == f"+{NBSP}€{NBSP}350"
    assert format_nl.euro(-0.4, signed=True) == f"€{NBSP}0"  # no "− € 0"
    assert " " not in format_nl.euro(-1234.5, signed=True)  # no plain space where a line could break


def test_dates_and_years():
    assert format_nl.date("2021-07-01") == "1 juli 2021"
    assert format_nl.years([2005, 2006, 2007]) == "2005 tot en met 2007"
    assert format_nl.years([2019, 2021, 2023]) == "2019, 2021 en 2023"
    assert format_nl.years([2024]) == "2024"


def test_recorded_figures_keep_their_decimals():
    assert format_nl.as_recorded(69) == "69"
    assert format_nl.as_recorded(68.95) == "68,95"
    assert format_nl.as_recorded(1463.95) == "1.463,95"
    with pytest.raises(TypeError):
        format_nl.as_recorded(True)


def test_the_older_names_write_the_same():
    # Figures, notebooks and the claims registry still call them by their old names.
    for v in AMOUNTS:
        assert plot_style.number_nl(v, 1) == format_nl.number(v, 1)
        assert plot_style.percent_nl(v) == format_nl.percent(v)
        assert format_number(v) == format_nl.as_recorded(v)


def _explorer_euro_lines() -> str:
    text = (ROOT / "_static" / "verkenner.js").read_text(encoding="utf-8")
    lines = [re.search(rf"^\s*{pat}.*$", text, re.M) for pat in (r"var EURO = ", r"function euro\(v\)", r"function signed\(v\)")]
    assert all(lines), "verkenner.js no longer defines EURO, euro() and signed() on one line each"
    return "\n".join(m.group(0) for m in lines)


def test_the_explorer_page_writes_euros_as_python_does():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (Debian's nodejs comes with the browser test setup: make browser-deps)")
    script = _explorer_euro_lines() + f"\nvar xs = {json.dumps(AMOUNTS)};\n" + \
        "console.log(JSON.stringify(xs.map(function (x) { return [euro(x), signed(x)]; })));\n"
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout
    got = json.loads(out)
    want = [[format_nl.euro(v, 0), format_nl.euro(v, 0, signed=True)] for v in AMOUNTS]
    assert got == want
