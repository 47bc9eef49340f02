"""Series behind the statistics notebooks: definitions kept apart, shares computed from counts."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from cbs_helpers import read_full_80590

from werkzorg.data import cbs
from werkzorg.stats import figures as cijfers


def test_headline_participation_is_first_quarter_15_to_75_only():
    d = cijfers.participation_headline()
    assert set(d["groep"]) == {"Vrouwen", "Mannen"}
    assert d["period"].str.endswith("KW01").all()
    # CBS news 2024/21: first quarter 2024, 68,9% women and 77,1% men
    v = d[d["year"] == 2024].set_index("groep")["value"]
    assert v["Vrouwen"] == 68.9 and v["Mannen"] == 77.1


def test_three_definitions_for_one_year_are_not_mixed():
    d = cijfers.participation_definitions(2021)
    assert d["definitie"].nunique() == 3
    em = d[d["definitie"].str.startswith("Emancipatiemonitor")].set_index("groep")["value"]
    assert em["Vrouwen"] == 77.1 and em["Mannen"] == 86.8
    assert d.groupby("definitie").size().eq(2).all()


def test_parttime_share_is_computed_from_hours_classes():
    d = cijfers.parttime_share().set_index(["year", "groep"])["value"]
    # 82647NED 2013 women: (1102 + 977 + 806) / (1102 + 977 + 806 + 938)
    assert d[(2013, "Vrouwen")] == pytest.approx(100 * 2885 / 3823)


def test_thresholds_are_70_and_100_percent_of_the_net_minimum_wage():
    _, norms = cijfers.thresholds()
    row = norms[norms["period"] == "20210701"].iloc[0]
    assert row["grens_100"] == pytest.approx(1463.95)
    assert row["grens_70"] == pytest.approx(1024.77, abs=0.01)


def test_bijstand_share_from_counts():
    d = cijfers.bijstand_shares().set_index("period")["aandeel_niet_westers"]
    assert d["2017MM06"] == pytest.approx(100 * 239000 / 472000)


def test_old_and_new_origin_classifications_live_in_different_tables():
    old = set(cijfers.unemployment_old()["groep"])
    new = set(cijfers.unemployment_new()["groep"])
    assert not ({g for g in old if g != "Totaal"} & new)


@pytest.mark.parametrize("make", [cijfers.fig_participation, cijfers.fig_participation_definitions, cijfers.fig_parttime,
                                  cijfers.fig_hours_classes, cijfers.fig_independence, cijfers.fig_independence_old,
                                  cijfers.fig_unemployment_old, cijfers.fig_unemployment_new])
def test_every_figure_has_a_source_line_with_retrieval_date(make):
    fig = make()
    text = "\n".join(t.get_text() for t in fig.texts)
    assert text.startswith("Bron: ")
    assert "opgehaald" in text and "periode" in text
    plt.close(fig)


def test_participation_figure_marks_the_2021_revision():
    fig = cijfers.fig_participation()
    ax = fig.axes[0]
    assert any("2021" in t.get_text() for t in ax.texts)
    plt.close(fig)


def test_published_independence_shares_agree_with_the_counts():
    # 84070NED 2017: published shares (ocwincijfers) and the counts (x 1 000) must tell the same story
    counts = cijfers.independence_from_counts().set_index(["year", "groep", "maat"])["value"]
    published = cijfers.independence().set_index(["year", "groep", "maat"])["value"]
    for sex in ("Vrouwen", "Mannen"):
        key = (2017, sex, "Economisch zelfstandig")
        assert counts[key] == pytest.approx(published[key], abs=0.05)


def test_headline_participation_survives_a_refresh_from_the_full_cbs_table(repo):
    # Before: the shipped extract.
    before = cijfers.participation_headline().set_index(["period", "groep"])["value"]
    # What `python -m werkzorg data import` does with a full download of 80590NED: the topics now
    # carry CBS's keys (NietSeizoengecorrigeerd_13, under the group "Netto arbeidsparticipatie").
    full = read_full_80590()
    cbs.install_table(full, "80590NED (volledige tabel)")
    after = cijfers.participation_headline().set_index(["period", "groep"])["value"]
    # The fixture's rows by sex are those of 2024KW01 (tests/fixtures/cbs/fulltable/README.md); the
    # extract has that quarter too, so that is where the two must agree.
    both = before.index.intersection(after.index)
    assert list(after.index) == [("2024KW01", "Mannen"), ("2024KW01", "Vrouwen")]
    assert set(both) == set(after.index)
    assert (after.loc[both] == before.loc[both]).all(), (before.loc[both], after.loc[both])
    # CBS news 2024/21, read again from the refreshed table: 68,9% women and 77,1% men.
    assert after[("2024KW01", "Vrouwen")] == 68.9 and after[("2024KW01", "Mannen")] == 77.1


def test_topic_rows_pick_the_cbs_topic_in_its_group_in_the_full_table():
    full = read_full_80590()
    rows = full[cijfers.topic_rows(full, "nettoarbeidsparticipatie")]
    # DataProperties of 80590NED: "Niet-seizoengecorrigeerd" occurs under seven groups; the net
    # participation one has the key NietSeizoengecorrigeerd_13.
    assert set(rows["measure"]) == {"NietSeizoengecorrigeerd_13"}
    assert set(rows["measure_group"]) == {"Netto arbeidsparticipatie"} and set(rows["unit"]) == {"%"}
    # In the shipped extract the same call finds the same CBS topic (the extract carries CBS's identity).
    extract = cbs.load_snapshot("80590NED")
    sel = extract[cijfers.topic_rows(extract, "nettoarbeidsparticipatie")]
    import csv

    from werkzorg.paths import data_dir

    lines = [r for r in csv.DictReader((data_dir() / "cbs" / "80590NED.csv").open(encoding="utf-8"))
             if r["measure_label"] == "Niet-seizoengecorrigeerd" and r["measure_group"] == "Netto arbeidsparticipatie"]
    assert set(sel["measure"]) == {"NietSeizoengecorrigeerd_13"} and len(sel) == len(lines) > 0


def test_the_notebook_figures_and_the_live_charts_draw_the_same_values():
    """The bar chart of three definitions and the old unemployment series: the notebook's figure and
    the site's live chart show the same value for each year, definition and group."""
    from werkzorg.stats import live_charts

    live = live_charts.participation_definitions().rows
    assert len(live) >= 6
    labels = {v[0]: v[3] for v in cijfers.PARTICIPATION_DEFINITIONS.values()}  # live label -> figure label
    for year in sorted(set(live["jaar"])):
        nb = {(r.definitie, r.groep): r.value for r in cijfers.participation_definitions(int(year)).itertuples()}
        site = {(labels[r.kenmerk], r.groep): r.waarde for r in live[live["jaar"] == year].itertuples()}
        assert nb == pytest.approx(site), year
    old = cijfers.unemployment_old()
    old = old[old["freq"] == "jaar"]
    site = live_charts.unemployment_old().rows
    assert sorted(zip(old["year"], old["groep"], old["value"].round(2))) == sorted(zip(site["jaar"], site["groep"], site["waarde"]))
