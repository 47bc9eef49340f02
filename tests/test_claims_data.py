"""The shipped claims registry (data/claims.yaml) and bibliography (references.bib) fit together.

A reader who clicks a number in a chapter must land on a claim that names the guide
citing it and an original source that exists in the Bronnen list; every statistic the
content map lists must be in the registry.
"""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_file

from werkzorg.data.claims import UNITS, load_claims
from werkzorg.paths import data_dir, repo_root

GUIDE_KEYS = {
    "movisie2021toolbox",  # 000
    "verweyjonker2025klaar",  # 001
    "nvr2021regiobijeenkomsten",  # 002
    "samensterkmetwerk2025",  # 003
    "verweyjonker2024inspiratiegids",  # 004
}

# One id per statistic in the "Part: Cijfers" table of CONTENT-MAP.md, written by hand
# from that table (row by row), not generated from the registry.
CONTENT_MAP_CLAIMS = {
    # 003: 69% vs 77% paid work (2025)
    "arbeidsparticipatie-2025": {"vrouwen": 69, "mannen": 77},
    # 003: 59% vs 78% financially independent (2023); practically educated: a third of 1.3 million
    "financiele-onafhankelijkheid-2023": {"vrouwen": 59, "mannen": 78},
    "financiele-onafhankelijkheid-praktisch-opgeleid": None,
    "praktisch-opgeleide-vrouwen-aantal": {"vrouwen": 1.3},
    # 004: 77.1% vs 86.8% paid job (Emancipatiemonitor 2022)
    "arbeidsparticipatie-2021": {"vrouwen": 77.1, "mannen": 86.8},
    # 004: almost 7 in 10 vs almost 2 in 10 part-time; 16% less pay; two thirds vs 81% econ. independent
    "deeltijd-2021": None,
    "loonverschil-emancipatiemonitor": {"verschil": 16},
    "economische-zelfstandigheid-2021": None,
    # 004: men leave bijstand for work 1.6 times as often; re-integration provisions 39% vs 33%
    "uitstroom-bijstand-werk-mannen-vrouwen": {"mannen": 1.6},
    "re-integratievoorzieningen-mannen-vrouwen": {"mannen": 39, "vrouwen": 33},
    # 004: unemployment 2021 8.5 / 5.5 / 3.3; bijstand 51% non-western, 39% Dutch background
    "werkloosheid-herkomst-2021": {"niet-westers": 8.5, "westers": 5.5, "nederlands": 3.3},
    "bijstand-herkomst": {"niet-westers": 51, "nederlands": 39},
    # 004: statushouders permit 2014: 11% employed after 2.5 years; 42% bijstand after 5.5 years
    "statushouders-werk-2014": {"statushouders": 11},
    "statushouders-bijstand-2014": {"statushouders": 42},
    # 000: after a child 36% work less, 6% stop; part-time 73% vs 23%; 1 in 10 want more hours,
    # 70% under conditions; 60% of working fathers want more time with children
    "moeders-minder-werken-na-kind": {"minder-of-gestopt": 36, "gestopt": 6},
    "deeltijd-2020": {"vrouwen": 73, "mannen": 23},
    "meer-uren-willen-werkende-vrouwen": {"vrouwen": 10},
    "meer-uren-onder-voorwaarden": {"vrouwen": 70},
    "vaders-meer-tijd-kinderen": {"vaders": 60},
    # 000: thresholds per 1 July 2021: 1025 and 1464 euro per month
    "drempel-economische-zelfstandigheid-2021": {"grens": 1025},
    "drempel-financiele-onafhankelijkheid-2021": {"grens": 1464},
    # 000: 2019: econ. independent 64% vs 81%; financially independent 53% vs 76%
    "economische-zelfstandigheid-2019": {"vrouwen": 64, "mannen": 81},
    "financiele-onafhankelijkheid-2019": {"vrouwen": 53, "mannen": 76},
    # 000: 89% of one-parent children with the mother; almost 4 in 10 marriages end in divorce;
    # two thirds of crucial occupations held by women; 1.5x more unpaid care
    "eenoudergezin-kind-bij-moeder": {"moeder": 89},
    "echtscheiding-huwelijken": None,
    "cruciale-beroepen-vrouwen": None,
    "onbetaalde-zorg-tijd": {"vrouwen": 1.5},
    # 000: 60% of heterosexual couples with a child <= 18 want an equal split, 17% have one
    "gelijke-zorgverdeling-wens-en-praktijk": {"willen": 60, "doen": 17},
    # 000: ~5 million mantelzorgers; 31% / 22% of working women / men; 460,000 heavily burdened;
    # 30% without support do not know where to find it
    "mantelzorgers-aantal": {"mantelzorgers": 5},
    "werkende-mantelzorgers": {"vrouwen": 31, "mannen": 22},
    "mantelzorgers-zwaar-belast": {"mantelzorgers": 460000},
    "mantelzorgers-weg-naar-ondersteuning": {"mantelzorgers": 30},
    # 000: 50% of studying mothers leave mbo; over 50% of studying parents in HE delayed
    "uitval-studerende-moeders-mbo": {"studenten": 50},
    "studievertraging-studerende-ouders": None,
    # 003: 165 men and 40 women took part in the Amsterdam meetings
    "deelname-amsterdam-bijeenkomsten": {"mannen": 165, "vrouwen": 40},
}

# Values the guides write in words, and the words a reader must see instead of a number.
WORDED = {
    ("deeltijd-2021", "vrouwen"): "bijna 7 op de 10",
    ("deeltijd-2021", "mannen"): "bijna 2 op de 10",
    ("economische-zelfstandigheid-2021", "vrouwen"): "twee derde",
    ("meer-uren-willen-werkende-vrouwen", "vrouwen"): "1 op de 10",
    ("echtscheiding-huwelijken", "huwelijken"): "bijna 4 op de 10",
    ("financiele-onafhankelijkheid-praktisch-opgeleid", "vrouwen"): "een derde",
}


@pytest.fixture(scope="module")
def claims():
    return load_claims()


@pytest.fixture(scope="module")
def bib_keys():
    bib = repo_root() / "references.bib"
    keys = set(parse_file(str(bib)).entries.keys())
    # pybtex lower-cases nothing, but a regex over the raw text must agree with it,
    # so that a key pybtex silently drops (e.g. after a brace error) is noticed.
    raw = set(re.findall(r"^@\w+\{([^,\s]+),", bib.read_text(encoding="utf-8"), flags=re.M))
    assert raw == keys, f"entries pybtex did not read: {sorted(raw - keys)}"
    return keys


def test_shipped_registry_loads(claims):
    assert len(claims) >= len(CONTENT_MAP_CLAIMS)


def test_ids_are_unique_in_the_file():
    # load_claims refuses duplicates too; this checks the raw file so the message lists them all.
    text = (data_dir() / "claims.yaml").read_text(encoding="utf-8")
    ids = re.findall(r"^\s*-\s*id:\s*(\S+)", text, flags=re.M)
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate claim ids: {dupes}"


def test_the_five_guides_are_in_the_bibliography(bib_keys):
    assert GUIDE_KEYS <= bib_keys, f"missing guide entries: {sorted(GUIDE_KEYS - bib_keys)}"


def test_every_claim_names_a_guide_that_exists(claims):
    bad = {c.id: c.guides for c in claims.values() if not set(c.guides) <= GUIDE_KEYS}
    assert not bad, f"claims whose guides are not one of the five guide keys: {bad}"


def test_every_cite_key_is_in_the_bibliography(claims, bib_keys):
    bad = {c.id: c.cite for c in claims.values() if c.cite not in bib_keys}
    assert not bad, f"claims citing keys missing from references.bib: {bad}"


@pytest.mark.parametrize("cid", sorted(CONTENT_MAP_CLAIMS))
def test_content_map_statistic_is_registered_with_cited_values(claims, cid):
    assert cid in claims, f"content-map statistic '{cid}' has no claim"
    expected = CONTENT_MAP_CLAIMS[cid]
    if expected is not None:
        got = {k: claims[cid].values.get(k) for k in expected}
        assert got == expected


@pytest.mark.parametrize("cid, key", sorted(WORDED))
def test_worded_values_render_as_the_guide_words_them(claims, cid, key):
    assert claims[cid].render(key, with_period=False) == WORDED[(cid, key)]


def test_amsterdam_meetings_render_as_people_not_percentages(claims):
    c = claims["deelname-amsterdam-bijeenkomsten"]
    assert c.render("vrouwen", with_period=False) == "40"
    assert "%" not in c.render()


def test_every_claim_has_a_known_unit_and_a_dutch_population(claims):
    for c in claims.values():
        assert c.unit in UNITS
        assert len(c.population) > 10, f"{c.id}: population too short to define anything"
