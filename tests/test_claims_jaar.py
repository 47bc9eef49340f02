"""A figure the guide cites without a year is shown without one.

The year set below was written by hand from reading the five guides (which figures the
guide itself dates); it is not derived from data/claims.yaml.
"""

from __future__ import annotations

import textwrap

import pytest

from werkzorg.data.claims import ClaimsError, load_claims

# The guide itself gives the year (or date, or cohort) of these figures.
GUIDE_GIVES_YEAR = {
    "arbeidsparticipatie-2025",  # 003: "In 2025 had 69% …"
    "financiele-onafhankelijkheid-2023",  # 003: "in 2023 was slechts 59% …"
    "werkloosheid-herkomst-2021",  # 004: "in 2021 was van de beroepsbevolking …"
    "statushouders-werk-2014",  # 004: cohort 2014, after 2.5 years
    "statushouders-bijstand-2014",  # 004: cohort 2014, after 5.5 years
    "drempel-economische-zelfstandigheid-2021",  # 000: "Per 1 juli 2021 …"
    "drempel-financiele-onafhankelijkheid-2021",
    "economische-zelfstandigheid-2019",  # 000: "in 2019 64% …"
    "financiele-onafhankelijkheid-2019",  # 000: "lag in 2019 op 53% …"
}
# The guide cites these without a year (the year in claims.yaml is the source's).
GUIDE_GIVES_NO_YEAR = {
    "financiele-onafhankelijkheid-praktisch-opgeleid", "praktisch-opgeleide-vrouwen-aantal",
    "deelname-amsterdam-bijeenkomsten", "arbeidsparticipatie-2021", "deeltijd-2021",
    "loonverschil-emancipatiemonitor", "economische-zelfstandigheid-2021",
    "uitstroom-bijstand-werk-mannen-vrouwen", "re-integratievoorzieningen-mannen-vrouwen",
    "bijstand-herkomst", "moeders-minder-werken-na-kind", "deeltijd-2020",
    "meer-uren-willen-werkende-vrouwen", "meer-uren-onder-voorwaarden", "vaders-meer-tijd-kinderen",
    "echtscheiding-huwelijken", "eenoudergezin-kind-bij-moeder", "cruciale-beroepen-vrouwen",
    "cruciale-beroepen-ouders-meer-werken", "onbetaalde-zorg-tijd",
    "gelijke-zorgverdeling-wens-en-praktijk", "mantelzorgers-aantal", "werkende-mantelzorgers",
    "mantelzorgers-zwaar-belast", "mantelzorgers-weg-naar-ondersteuning",
    "uitval-studerende-moeders-mbo", "studievertraging-studerende-ouders",
}


@pytest.fixture(scope="module")
def claims():
    return load_claims()


@pytest.mark.parametrize("cid", sorted(GUIDE_GIVES_YEAR | GUIDE_GIVES_NO_YEAR))
def test_year_shown_only_where_the_guide_gives_it(claims, cid):
    claim = claims[cid]
    shown = claim.render(next(iter(claim.values)))
    if cid in GUIDE_GIVES_YEAR:
        assert f"({claim.period})" in shown, f"{cid}: the guide gives the year; show it"
    else:
        assert "(" not in shown and claim.period not in shown, (
            f"{cid}: the guide gives no year, but the text would show '{shown}'")


def test_a_note_that_says_no_year_goes_with_guide_year_false(claims):
    for c in claims.values():
        if "noemt geen peiljaar" in c.note or "noemt geen jaar" in c.note:
            assert not c.guide_year, f"{c.id}: note says the guide gives no year, but guide_year is true"


def _write(tmp_path, extra: str):
    p = tmp_path / "claims.yaml"
    p.write_text(textwrap.dedent(f"""\
        claims:
          - id: proef
            statement: Proef
            values: {{vrouwen: 10, mannen: 20}}
            unit: "%"
            period: "2020"
            population: Iedereen.
            guides: [movisie2021toolbox]
            guide_places:
              - {{guide: movisie2021toolbox, place: "inleiding"}}
            authority: CBS
            cite: x
        {extra}"""), encoding="utf-8")
    return p


def test_guide_year_false_drops_the_year_everywhere_in_prose(tmp_path):
    c = load_claims(_write(tmp_path, "    guide_year: false\n"))["proef"]
    assert c.render("vrouwen") == "10%"
    assert c.render() == "vrouwen 10%, mannen 20%"
    assert c.render("vrouwen", with_period=True) == "10% (2020)"


def test_default_keeps_the_year(tmp_path):
    c = load_claims(_write(tmp_path, ""))["proef"]
    assert c.render("mannen") == "20% (2020)"


def test_guide_year_must_be_true_or_false(tmp_path):
    with pytest.raises(ClaimsError, match="guide_year"):
        load_claims(_write(tmp_path, "    guide_year: nee\n"))
