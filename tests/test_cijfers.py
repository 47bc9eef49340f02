"""Series behind the statistics notebooks: definitions kept apart, shares computed from counts."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from werkzorg import cijfers


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
