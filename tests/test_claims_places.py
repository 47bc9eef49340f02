"""Every statistic says where in its guide the guide cites it (``guide_places`` in data/claims.yaml).

Three checks: the shipped registry read as plain YAML (not through the loader under test) against
the guides' place lists; with the guides' text at hand, each place really holds the figure; and a
broken place in a copy of the registry gives a Dutch error naming the claim and the place.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from guides import SKIP_REASON, guides_dir

from werkzorg.data.claims import ClaimsError, load_claims

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "data" / "claims.yaml"


def _raw_claims() -> list[dict]:
    return yaml.safe_load(CLAIMS.read_text(encoding="utf-8"))["claims"]


def _place_ids() -> dict[str, set[str]]:
    out = {}
    for path in sorted((ROOT / "data" / "gidsen").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[raw["key"]] = {str(item["id"]) for item in raw["locaties"]}
    return out


def test_every_claim_names_a_known_place_in_each_guide_that_cites_it():
    ids = _place_ids()
    problems = []
    for c in _raw_claims():
        places = c.get("guide_places") or []
        for g in c["guides"]:
            if not any(p.get("guide") == g for p in places):
                problems.append(f"{c['id']}: no place in {g}")
        for p in places:
            if p.get("guide") not in c["guides"]:
                problems.append(f"{c['id']}: place in {p.get('guide')}, which is not in its guides")
            elif p.get("place") not in ids.get(p["guide"], set()):
                problems.append(f"{c['id']}: {p['guide']} has no place {p.get('place')!r}")
            elif p["place"] == "hele gids":
                problems.append(f"{c['id']}: 'hele gids' says nothing about where the figure stands")
    assert not problems, "\n".join(problems)


# How each guide prints the figure, copied by hand from the guides' text while reading them (a
# few words each, enough to recognise the spot). Not derived from claims.yaml: the values there
# are numbers ("vier op de tien" is 40), these are the guide's own characters.
PRINTED = {
    "arbeidsparticipatie-2025": "69% van de vrouwen",
    "financiele-onafhankelijkheid-2023": "59% van de vrouwen",
    "financiele-onafhankelijkheid-praktisch-opgeleid": "een derde van deze",
    "praktisch-opgeleide-vrouwen-aantal": "1,3 miljoen vrouwen",
    "deelname-amsterdam-bijeenkomsten": "165 mannen en 40 vrouwen",
    "arbeidsparticipatie-2021": "77,1%",
    "deeltijd-2021": "bijna 7 op de 10",
    "loonverschil-emancipatiemonitor": "16% minder",
    "economische-zelfstandigheid-2021": "81 procent",
    "uitstroom-bijstand-werk-mannen-vrouwen": "1,6 keer zo vaak",
    "re-integratievoorzieningen-mannen-vrouwen": "39% van de mannen",
    "werkloosheid-herkomst-2021": "8,5% werkloos",
    "bijstand-herkomst": "51% een niet-westerse",
    "statushouders-werk-2014": "11% een baan",
    "statushouders-bijstand-2014": "42% van de statushouders",
    "moeders-minder-werken-na-kind": "(36%)",
    "deeltijd-2020": "vrouwen (73%)",
    "meer-uren-willen-werkende-vrouwen": "een op de tien werkende vrouwen",
    "meer-uren-onder-voorwaarden": "wil 70%",
    "vaders-meer-tijd-kinderen": "60% aan meer tijd",
    "echtscheiding-huwelijken": "vier op de tien huwelijken",
    "eenoudergezin-kind-bij-moeder": "(89% van de kinderen",
    "cruciale-beroepen-vrouwen": "twee derde van de 'cruciale beroepen'",
    "cruciale-beroepen-ouders-meer-werken": "ruim twee keer zo groot",
    "onbetaalde-zorg-tijd": "anderhalf keer meer tijd",
    "drempel-economische-zelfstandigheid-2021": "1025 euro",
    "drempel-financiele-onafhankelijkheid-2021": "1464 euro",
    "economische-zelfstandigheid-2019": "in 2019 64%",
    "financiele-onafhankelijkheid-2019": "in 2019 op 53%",
    "gelijke-zorgverdeling-wens-en-praktijk": "slechts 17%",
    "mantelzorgers-aantal": "5 miljoen mensen",
    "werkende-mantelzorgers": "31% van de werkende vrouwen",
    "mantelzorgers-zwaar-belast": "(460.000 mensen)",
    "mantelzorgers-weg-naar-ondersteuning": "30% van de mantelzorgers",
    "uitval-studerende-moeders-mbo": "50% van de studerende moeders",
    "studievertraging-studerende-ouders": "ruim 50% van de studerende ouders",
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def sections():
    folder = guides_dir()
    if folder is None:
        pytest.skip(SKIP_REASON)
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from naast_elkaar import guide_sections
    finally:
        sys.path.remove(str(ROOT / "tools"))
    from werkzorg.data.guides import load_gidsen

    gidsen = load_gidsen(ROOT / "data" / "gidsen")
    return {key: {lid: _norm(text) for lid, text in guide_sections(g, folder).items()} for key, g in gidsen.items()}


def test_the_list_of_printed_figures_covers_every_claim():
    assert {c["id"] for c in _raw_claims()} == set(PRINTED), "add how the guide prints a new figure to PRINTED"


@pytest.mark.parametrize("cid", sorted(PRINTED))
def test_each_place_holds_the_figure_in_the_guide(sections, cid):
    claim = next(c for c in _raw_claims() if c["id"] == cid)
    for p in claim["guide_places"]:
        text = sections[p["guide"]].get(p["place"])
        assert text is not None, f"{cid}: the heading of {p['place']!r} is not found in the text of {p['guide']}"
        assert _norm(PRINTED[cid]) in text, f"{cid}: {p['guide']} {p['place']!r} does not print {PRINTED[cid]!r}"


@pytest.mark.parametrize("cid", sorted(PRINTED))
def test_every_place_that_prints_the_figure_is_listed(sections, cid):
    # The toolbox prints its mantelzorg figures twice (for people, p. 15; for organisations,
    # p. 31): both are listed. A page that merely holds a listed named part (p. 6 is the
    # Inleiding) is the same passage, recognised by the same words around the figure.
    claim = next(c for c in _raw_claims() if c["id"] == cid)
    listed = [sections[p["guide"]][p["place"]] for p in claim["guide_places"]]
    needle = _norm(PRINTED[cid])
    for guide in claim["guides"]:
        for lid, text in sections[guide].items():
            at = text.find(needle)
            if at < 0 or lid in claim_places(claim, guide) or lid in ("literatuur", "bronnen"):
                continue
            around = text[max(0, at - 60): at + len(needle) + 60]
            assert any(around in t for t in listed), f"{cid}: {guide} also prints the figure at {lid!r}; list it"


def claim_places(claim: dict, guide: str) -> list[str]:
    return [p["place"] for p in claim["guide_places"] if p["guide"] == guide]


# --- a broken place in a copy of the registry ------------------------------------------------

#: (what to change in the copy, the claim it hits, the place or guide the message must name,
#: a Dutch phrase the message must hold)
BROKEN = [
    ('- {guide: verweyjonker2024inspiratiegids, place: "§ gender en cultuur"}\n    authority: CBS, werkloosheid',
     "werkloosheid-herkomst-2021", "§ gender en kultuur", "staat niet in de plaatsenlijst"),
    ('- {guide: movisie2021toolbox, place: "p. 18"}', "gelijke-zorgverdeling-wens-en-praktijk", "p. 81",
     "staat niet in de plaatsenlijst"),
    ('- {guide: movisie2021toolbox, place: "definities"}\n    authority: CBS\n    cite: cbs_begrip_economische_zelfstandigheid\n    note: >-\n      Dit is de netto bijstandsnorm voor een',
     "drempel-economische-zelfstandigheid-2021", "hele gids", "een cijfer staat altijd ergens"),
]


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "claims.yaml"
    shutil.copyfile(CLAIMS, path)
    return path


@pytest.mark.parametrize("anchor, cid, bad, phrase", BROKEN)
def test_a_wrong_place_is_refused_in_dutch_naming_claim_and_place(tmp_path, anchor, cid, bad, phrase):
    path = _copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.count(anchor) == 1, f"the test's anchor is no longer unique in claims.yaml: {anchor!r}"
    good = re.search(r'place: "([^"]+)"', anchor).group(1)
    path.write_text(text.replace(anchor, anchor.replace(f'place: "{good}"', f'place: "{bad}"', 1)), encoding="utf-8")
    with pytest.raises(ClaimsError) as exc:
        load_claims(path)
    message = str(exc.value)
    assert cid in message and f"'{bad}'" in message and phrase in message, message
    assert str(path) in message


def test_an_unknown_guide_is_refused_naming_claim_and_guide(tmp_path):
    path = _copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    anchor = '- {guide: movisie2021toolbox, place: "p. 18"}'
    path.write_text(text.replace(anchor, '- {guide: movisie2012toolbox, place: "p. 18"}'), encoding="utf-8")
    with pytest.raises(ClaimsError) as exc:
        load_claims(path)
    message = str(exc.value)
    assert "gelijke-zorgverdeling-wens-en-praktijk" in message and "onbekende gids 'movisie2012toolbox'" in message
    assert "'p. 18'" in message, message


def test_a_guide_sourced_claim_without_a_place_is_refused(tmp_path):
    path = _copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    block = '    guide_places:\n      - {guide: verweyjonker2024inspiratiegids, place: "§ gender en cultuur"}\n    authority: Kennisplatform'
    assert text.count(block) == 1
    path.write_text(text.replace(block, "    authority: Kennisplatform"), encoding="utf-8")
    with pytest.raises(ClaimsError) as exc:
        load_claims(path)
    message = str(exc.value)
    assert "bijstand-herkomst" in message and "zegt niet waar" in message and "verweyjonker2024inspiratiegids" in message


def test_the_side_by_side_tool_lists_every_claim_place():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from naast_elkaar import citations
    finally:
        sys.path.remove(str(ROOT / "tools"))
    found = {(key, lid, re.search(r"- id: (\S+)", passage).group(1))
             for _, _, key, lid, passage in citations([CLAIMS])}
    expected = {(p["guide"], p["place"], c["id"]) for c in _raw_claims() for p in c["guide_places"]}
    assert found == expected


# --- the claims page as a reader sees it ------------------------------------------------------


@pytest.mark.build
def test_the_claims_page_shows_where_each_guide_cites_each_figure(built_site):
    from bs4 import BeautifulSoup
    from pybtex.database import parse_file

    bib = parse_file(str(ROOT / "references.bib")).entries
    page = built_site / "book" / "cijfers" / "claims.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    targets: dict[str, BeautifulSoup] = {}

    def entry_text(href: str) -> str:
        # the bibliography entry a citation link points to, as a reader lands on it
        name, _, anchor = href.partition("#")
        target = (page.parent / name).resolve()
        if target not in targets:
            targets[target] = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        el = targets[target].find(id=anchor)
        assert el is not None, f"{href}: no such entry"
        return _norm(el.get_text(" "))

    def field(card, name: str):
        dt = next((d for d in card.find_all("dt") if d.get_text("").strip().rstrip(":") == name), None)
        return None if dt is None else dt.find_next_sibling("dd")

    for c in _raw_claims():
        card = soup.find(id=f"claim-{c['id']}")
        assert card is not None, f"no card for {c['id']}"
        dd = field(card, "Geciteerd in")
        assert dd is not None, f"{c['id']}: no 'Geciteerd in' line"
        text = re.sub(r"\s+", " ", dd.get_text("")).strip()
        for guide in c["guides"]:
            places = "; ".join(p["place"] for p in c["guide_places"] if p["guide"] == guide)
            year = bib[guide].fields["year"]
            assert re.search(rf"\(.+, {year}, {re.escape(places)}\)$", text), f"{c['id']}: {text!r}, expected {places!r}"
            links = [a for a in dd.find_all("a") if a.get_text(strip=True)]
            assert any(_norm(str(bib[guide].fields["title"]).strip("{}"))[:40] in entry_text(a["href"]) for a in links), (
                f"{c['id']}: the citation does not link to the entry of {guide}")
        assert not any(k in text for k in (*c["guides"], c["cite"], "{", "}")), f"{c['id']}: a code on the card: {text!r}"
        # what a maintainer looks a claim up by is not for the reader
        assert c["id"] not in card.get_text(" "), f"{c['id']}: the claim's id is shown on its card"
        if c["cite"] not in c["guides"]:
            src = field(card, "Oorspronkelijke bron")
            assert src is not None, f"{c['id']}: the original source is not on the card"
            a = src.find("a")
            title = _norm(re.sub(r"[{}]", "", str(bib[c["cite"]].fields["title"])))
            assert title[:40] in entry_text(a["href"]), f"{c['id']}: the source link does not reach {c['cite']}"
