"""The analyst's loop on real CBS files: import a book table as CBS publishes it, then every live
chart, every statistics notebook and the audit must work on it and show the new period.

80590NED: the real cbsodataR download (tests/fixtures/cbs/real/80590ned_cbsodataR: metadata and
data rows as CBS published them) with the composed data file of tests/fixtures/cbs/fulltable
(the real rows plus two rows for 2024KW01, see its README), plus one quarter that THIS TEST ADDS
(:data:`ADDED_2025KW01`): CBS had not published 2025 when the download was made, so its values are
made up here, chosen by hand so that they round to the guide's 69% and 77%.

85264NED: its real metadata file with the composed data file (tests/fixtures/cbs/fulltable/README.md).

Notebooks are run in-process, cell by cell, as jupytext reads them (no kernel, no Sphinx): the
same code the book executes, fast enough for every run of the tests.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import matplotlib
import pytest
from cbs_helpers import FULL, REAL
from cli_helpers import run_cli

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").glob("*.md") if p.name != "verkenner-notebook.md")

#: Added by this test (not CBS): 2025KW01, 15 tot 75 jaar, netto arbeidsparticipatie niet-seizoengecorrigeerd.
ADDED_2025KW01 = {"Vrouwen": ("4000   ", 69.3), "Mannen": ("3000   ", 77.2)}


@pytest.fixture
def loop_repo(data_repo):
    """The data_repo copy, with the live charts' cache cleared before and after."""
    root = data_repo
    from werkzorg.stats import live_charts as charts

    charts.chart.cache_clear()
    yield root
    charts.chart.cache_clear()


def _download_80590(tmp_path: Path) -> Path:
    folder = tmp_path / "download" / "80590ned"
    shutil.copytree(REAL / "80590ned_cbsodataR", folder)
    shutil.copy(FULL / "80590NED_data_composed.csv", folder / "data.csv")
    with (folder / "data.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with (folder / "data.csv").open("a", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
        for i, (code, value) in enumerate(ADDED_2025KW01.values()):
            row = {h: "" for h in header}
            row.update({"ID": 90001 + i, "Geslacht": code, "Leeftijd": "52052   ", "Perioden": "2025KW01",
                        "NietSeizoengecorrigeerd_13": value})
            w.writerow([row[h] for h in header])
    return folder


def _run_notebook(path: Path) -> dict:
    """Execute a notebook's code cells in order in one namespace (what the kernel does)."""
    import jupytext
    import matplotlib.pyplot as plt

    nb = jupytext.read(path)
    ns: dict = {"__name__": "__main__"}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        try:
            exec(compile(cell.source, f"{path.name}[{i}]", "exec"), ns)
        except Exception as exc:  # name the notebook and cell, as make notebooks does
            raise AssertionError(f"{path.name}, cel {i}: {type(exc).__name__}: {exc}") from exc
        finally:
            plt.close("all")
    return ns


def _build_everything():
    from werkzorg.data import audit
    from werkzorg.stats import live_charts as charts

    built = {}
    for key in charts.all_keys():
        c = charts.chart(key)
        html = charts.chart_html(c)          # compiles the spec to Vega, as the page does
        assert c.key in html and len(c.rows), key
        built[key] = c
    for page in charts.PAGES:
        assert charts.page_csv(page).count("\n") > 3
    for nb in NOTEBOOKS:
        _run_notebook(nb)
    return built, audit.run_audit()


def test_the_loop_on_the_real_80590ned_with_a_new_quarter(loop_repo, tmp_path):
    rc, out, err = run_cli("data", "import", str(_download_80590(tmp_path)))
    assert rc == 0, err
    built, results = _build_everything()

    # The live chart the reader sees holds the new quarter, with the values added above.
    rows = built["arbeidsparticipatie-reeks"].rows
    new = rows[(rows["tabel"] == "80590NED") & (rows["periode"] == "2025 1e kwartaal")].set_index("groep")["waarde"]
    assert dict(new) == {sex: v for sex, (_, v) in ADDED_2025KW01.items()}
    # The table the chart comes with, and the CSV download, say so too.
    assert "2025 1e kwartaal" in built["arbeidsparticipatie-reeks"].rows["periode"].tolist()
    from werkzorg.stats import live_charts as charts

    assert "2025 1e kwartaal" in charts.page_csv("arbeidsparticipatie")
    # The age chart is drawn from the full table's year figures (2022 is its last year).
    assert "2022" in built["arbeidsparticipatie-leeftijd"].title

    # The guide's "2025" is now decided from 2025KW01: 69,3 and 77,2 round to the guide's 69 and 77.
    r = results["arbeidsparticipatie-2025"]
    assert {k: (v.period, v.data) for k, v in r.values.items()} == {
        "vrouwen": ("2025KW01", 69.3), "mannen": ("2025KW01", 77.2)}
    assert r.status == "klopt"


def test_the_loop_on_the_real_85264ned(loop_repo, tmp_path):
    folder = tmp_path / "download"
    folder.mkdir()
    shutil.copy(REAL / "85264NED_metadata.csv", folder)
    data = folder / "85264NED_TypedDataSet_composed.csv"
    shutil.copy(FULL / data.name, data)
    rc, out, err = run_cli("data", "import", str(data))
    assert rc == 0, err
    built, results = _build_everything()
    from werkzorg.data import series

    sel = series.select("nettoarbeidsparticipatie-kerncijfers", Geslacht="Mannen", Leeftijd="15 tot 25 jaar")
    # research series, 2021KW04: 71,7 (tests/test_cbs_audit_fulltable.py)
    assert sel.set_index("period").loc["2021KW04", "value"] == 71.7


def test_charts_figures_notebooks_and_audit_select_through_the_series_only():
    """No chart, figure, notebook or audit entry picks cells by a measure name of its own: every
    selection goes through werkzorg.data.series (CBS topic key, title in group, dimension labels)."""
    import re

    import yaml

    sources = [ROOT / "src" / "werkzorg" / "stats" / "live_charts.py", ROOT / "src" / "werkzorg" / "stats" / "figures.py", *NOTEBOOKS]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""\[["']measure["']\]\s*(==|\.isin)""", text), path.name
        assert not re.search(r"""\[["']measure_label["']\]\s*(==|\.isin)""", text), path.name
    spec = yaml.safe_load((ROOT / "data" / "audit.yaml").read_text(encoding="utf-8"))["audit"]

    def walk(node, where):
        if isinstance(node, dict):
            assert "measure" not in node and "measures" not in node and "topic" not in node, where
            for k, v in node.items():
                walk(v, f"{where}.{k}")

    for cid, entry in spec.items():
        walk(entry.get("values") or {}, cid)
