"""The live charts draw exactly the snapshot's figures (recomputed here with the csv module) and the audit's."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import pytest

from werkzorg.data import audit
from werkzorg.data.claims import load_claims
from werkzorg.stats import live_charts as charts

CBS = Path(__file__).resolve().parent.parent / "data" / "cbs"


def _csv(table: str) -> list[dict]:
    with open(CBS / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _drawn(key: str) -> set[tuple]:
    rows = charts.chart(key).rows
    return {(r.tabel, int(r.jaar), r.groep, r.kenmerk, round(float(r.waarde), 2)) for r in rows.itertuples()}


def _row(r: dict, kenmerk: str, value: float | None = None) -> tuple:
    return (r["table_id"], int(r["year"]), r.get("Geslacht_label") or r.get("Herkomst_label") or r.get("Migratieachtergrond_label"),
            kenmerk, round(float(r["value"]) if value is None else value, 2))


def test_participation_series_is_the_first_quarter_of_80590NED_and_the_emancipatiemonitor_series():
    expected = {_row(r, charts.DEF_CBS) for r in _csv("80590NED")
                if r["measure"] == "NietSeizoengecorrigeerd_13" and r["freq"] == "kwartaal" and r["quarter"] == "1"
                and r["Leeftijd_label"] == "15 tot 75 jaar" and r["Geslacht_label"] in ("Vrouwen", "Mannen")}
    for r in _csv("emancipatiemonitor"):
        if r["measure"] == "NettoArbeidsparticipatie":
            expected.add(_row(r, charts.DEF_EM))
        elif r["measure"] == "ArbeidsdeelnameEurostat":
            expected.add(_row(r, charts.DEF_EUROSTAT))
    assert _drawn("arbeidsparticipatie-reeks") == expected
    # the 2024 first quarter, the book's latest CBS figure, is in the chart
    assert ("80590NED", 2024, "Vrouwen", charts.DEF_CBS, 68.9) in expected


def test_definitions_chart_shows_only_years_with_two_or_more_definitions():
    drawn = _drawn("arbeidsparticipatie-definities")
    per_year = defaultdict(set)
    for _t, y, _g, k, _v in _drawn("arbeidsparticipatie-reeks"):
        per_year[y].add(k)
    expected = {row for row in _drawn("arbeidsparticipatie-reeks") if len(per_year[row[1]]) >= 2}
    assert drawn == expected
    assert {y for _, y, *_ in drawn} == {2017, 2019, 2021}


def test_age_chart_is_the_yearly_80590NED_rows():
    expected = {(r["table_id"], int(r["year"]), r["Geslacht_label"], r["Leeftijd_label"], round(float(r["value"]), 2))
                for r in _csv("80590NED") if r["freq"] == "jaar"}
    assert _drawn("arbeidsparticipatie-leeftijd") == expected


def test_parttime_share_is_part_time_counts_over_all_workers():
    counts = defaultdict(dict)
    for r in _csv("82647NED"):
        if r["freq"] == "jaar" and r["unit"] == "x 1 000":
            counts[(int(r["year"]), r["Geslacht_label"])][r["measure"]] = float(r["value"])
    expected = set()
    for (year, sex), c in counts.items():
        part = c["DeeltijdMinderDan20UurPerWeek"] + c["Deeltijd20Tot28UurPerWeek"] + c["Deeltijd28Tot35UurPerWeek"]
        expected.add(("82647NED", year, sex, round(100 * part / (part + c["Voltijd"]), 2)))
    for r in _csv("emancipatiemonitor"):
        if r["measure"] == "AandeelDeeltijd":
            expected.add(("emancipatiemonitor", int(r["year"]), r["Geslacht_label"], round(float(r["value"]), 2)))
    # 2021 has counts, no published share: Emancipatiemonitor 2022, 2265 of 3376 thousand working women and
    # 706 of 3882 thousand men work part-time (the figures the audit uses for deeltijd-2021)
    expected |= {("emancipatiemonitor", 2021, "Vrouwen", round(100 * 2265 / 3376, 2)),
                 ("emancipatiemonitor", 2021, "Mannen", round(100 * 706 / 3882, 2))}
    drawn = {(t, y, g, v) for t, y, g, k, v in _drawn("deeltijd-reeks")}
    assert drawn == expected
    # sanity: women work part-time far more often than men in every year
    for year in {y for _, y, _, _ in expected}:
        women = [v for t, y, g, v in expected if y == year and g == "Vrouwen"]
        men = [v for t, y, g, v in expected if y == year and g == "Mannen"]
        assert women and men and min(women) > max(men) + 30


def test_hours_classes_show_counts_and_shares_that_add_up_to_100():
    rows = charts.chart("deeltijd-urenklassen").rows
    counts = {(int(r["year"]), r["Geslacht_label"], charts.HOURS_LABELS[r["measure_label"]]): float(r["value"])
              for r in _csv("82647NED") if r["freq"] == "jaar" and r["measure_label"] in charts.HOURS_LABELS}
    got_counts = {(int(r.jaar), r.groep, r.kenmerk): r.waarde for r in rows.itertuples() if r.eenheid == "x 1 000"}
    assert got_counts == counts
    shares = rows[rows["eenheid"] == "%"].groupby(["jaar", "groep"])["waarde"].sum()
    assert ((shares - 100).abs() < 0.05).all()


def test_independence_series_is_84070NED():
    expected = {(r["table_id"], int(r["year"]), r["Geslacht_label"], r["Inkomensgrens_label"], round(float(r["value"]), 2))
                for r in _csv("84070NED") if r["measure"] == "AandeelBovenInkomensgrens"}
    assert _drawn("zelfstandigheid-reeks") == expected


@pytest.mark.parametrize("key, table, label, where", [
    ("werkloosheid-herkomst", "herkomst2022", "Herkomst_label", {}),
    ("werkloosheid-oude-indeling", "82809NED", "Migratieachtergrond_label", {"freq": "jaar"}),
    ("zelfstandigheid-oud", "ez-oud", "Geslacht_label", {}),
])
def test_other_series_are_their_snapshot(key, table, label, where):
    expected = {(int(r["year"]), r[label], round(float(r["value"]), 2)) for r in _csv(table)
                if all(r[k] == v for k, v in where.items())}
    assert {(y, g, v) for t, y, g, k, v in _drawn(key)} == expected


def test_audit_chart_counts_every_claim_once_by_method_and_status():
    results = audit.run_audit()
    rows = charts.chart("controle-status").rows
    assert rows["waarde"].sum() == len(load_claims()) == len(results)
    for r in rows.itertuples():
        n = sum(1 for x in results.values() if audit.METHOD_NL[x.method] == r.kenmerk and x.status == r.groep)
        assert n == r.waarde


def test_cited_figures_on_a_chart_match_the_audit_values():
    """Where a chart names a claim, the audit's value for that claim's period is a point of the chart."""
    results = audit.run_audit()
    matched = 0
    for key in charts.all_keys():
        c = charts.chart(key)
        for cid in c.claims:
            for group, v in results[cid].values.items():
                if v.data is None or v.period is None:
                    continue
                year = int(v.period[:4])
                hits = c.rows[(c.rows["tabel"] == v.table) & (c.rows["jaar"] == year)
                              & (c.rows["groep"].str.lower() == group)]
                if v.table == "80590NED":
                    hits = hits[hits["periode"].str.contains("1e kwartaal") == v.period.endswith("KW01")]
                if hits.empty:
                    continue
                assert any(abs(h - v.data) < 0.05 for h in hits["waarde"]), (key, cid, group, v.data, list(hits["waarde"]))
                matched += 1
    assert matched >= 8


def test_every_row_has_a_status_and_a_retrieval_date_from_the_manifest():
    import yaml

    man = yaml.safe_load((CBS / "manifest.yaml").read_text(encoding="utf-8"))["tables"]
    for key in charts.all_keys():
        rows = charts.chart(key).rows
        assert list(rows.columns[: len(charts.COLUMNS)]) == charts.COLUMNS
        for r in rows.itertuples():
            assert r.status
            if r.tabel in man:
                assert r.opgehaald == str(man[r.tabel]["retrieved"])


def test_spec_controls_filter_the_rows_and_every_param_is_bound():
    for key in charts.all_keys():
        c = charts.chart(key)
        spec = c.spec
        params = {p["name"]: p for p in spec.get("params", [])}
        assert set(params) == {ctl.name for ctl in c.controls}, key
        assert all("bind" in p for p in params.values())
        text = json.dumps(spec)
        for ctl in c.controls:
            assert ctl.expr() in text, (key, ctl.name)
        assert spec["width"] == "container"


def test_page_csv_has_a_header_naming_tables_periods_and_dates_and_all_rows():
    for page, keys in charts.PAGES.items():
        text = charts.page_csv(page)
        header = [line for line in text.splitlines() if line.startswith("#")]
        body = list(csv.DictReader(io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#")))))
        n = sum(len(charts.chart(k).rows) for k in keys)
        assert len(body) == n
        for k in keys:
            for table in set(charts.chart(k).rows["tabel"]):
                assert any(f"tabel {table}" in h and "periode" in h and "opgehaald" in h for h in header), (page, table)


def test_chart_html_links_statline_and_the_claims_page_and_holds_a_table_row_per_data_row():
    c = charts.chart("arbeidsparticipatie-reeks")
    page = charts.chart_html(c)
    assert "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/80590NED/table" in page
    assert "../book/cijfers/claims.html#claim-arbeidsparticipatie-2025" in page
    assert page.count("<tr>") >= len(c.rows)


@pytest.mark.build
def test_a_charts_comparison_reads_as_the_claims_page_does(built_site):
    """Guide vs data vs latest is one model (werkzorg.data.audit.comparison): for every claim a
    statistics page compares, its row under the chart says what the claims page's table says."""
    from bs4 import BeautifulSoup

    def cells(row):
        return [" ".join(c.get_text(" ", strip=True).split()) for c in row.find_all(["th", "td"])]

    claims_page = BeautifulSoup((built_site / "book" / "cijfers" / "claims.html").read_text(encoding="utf-8"), "html.parser")
    on_claims_page = {}
    for row in claims_page.select("table.werkzorg-audit-table tbody tr"):
        link = row.find("a", href=True)
        on_claims_page[link["href"].split("#claim-")[-1]] = cells(row)
    compared = 0
    for page in sorted((built_site / "notebooks").glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for row in soup.select("table.werkzorg-live-compare tbody tr"):
            cid = row.find("a", href=True)["href"].split("#claim-")[-1]
            assert cid in on_claims_page, (page.name, cid)
            # statement, guide, data (with its notes), latest, status: the same words on both pages
            assert cells(row) == on_claims_page[cid], (page.name, cid)
            compared += 1
    assert compared >= 3, "the statistics pages compare fewer claims than they did"
