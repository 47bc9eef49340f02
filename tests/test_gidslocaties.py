"""Traceable citations: every citation of a guide names a place in it that the guide's list knows.

Checked three ways: the location lists themselves (data/gidsen/), every citation written in the
book's sources and data, and a small real Sphinx build in which a citation without a location,
or with an unknown one, fails the strict build while a good one shows the place to the reader.
"""

from __future__ import annotations

import io
import re
import textwrap
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.errors import SphinxWarning
from sphinx.util.docutils import docutils_namespace

from werkzorg.sphinxext.guide_locations import (
    CITE_ROLE,
    GidsLocatieFout,
    load_gidsen,
    parse_targets,
    problems,
)

ROOT = Path(__file__).resolve().parent.parent
GUIDES = {"movisie2021toolbox", "verweyjonker2025klaar", "nvr2021regiobijeenkomsten",
          "samensterkmetwerk2025", "verweyjonker2024inspiratiegids"}


@pytest.fixture(scope="module")
def gidsen():
    return load_gidsen(ROOT / "data" / "gidsen")


def test_each_of_the_five_guides_has_a_location_list(gidsen):
    assert set(gidsen) == GUIDES


def test_location_lists_hold_titles_not_the_guides_text(gidsen):
    # ids and titles only: a title is a heading, not a passage
    for g in gidsen.values():
        for lid, titel in g.locaties.items():
            for heading in titel.split(" · "):  # a page lists the headings that start on it
                assert len(heading.split()) <= 20, f"{g.key}: {lid}: title is {len(heading.split())} words long"


def _sources():
    for pattern in ("book/**/*.md", "book/_templates/*.j2", "data/*.yaml"):
        yield from sorted(ROOT.glob(pattern))


def _citations():
    for path in _sources():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for m in CITE_ROLE.finditer(line):
                for key, post in parse_targets(m.group(1)):
                    yield path.relative_to(ROOT), n, key, post


def test_every_citation_of_a_guide_in_the_book_names_a_known_place(gidsen):
    bad = [f"{path}:{n}: {msg}" for path, n, key, post in _citations() for msg in problems(key, post, gidsen)]
    assert not bad, "\n".join(bad)


def test_rendered_data_cite_a_known_place(gidsen):
    import yaml

    bel = yaml.safe_load((ROOT / "data" / "belemmeringen.yaml").read_text(encoding="utf-8"))
    places = [(k, s["plek"]) for k, s in bel["sources"].items()]
    for b in bel["barriers"] + bel["opportunities"]:
        places.append((b["source"]["key"], b["source"]["plek"]))
        for i in b.get("interventions", []):
            if i["origin"].get("key"):
                places.append((i["origin"]["key"], i["origin"]["plek"]))
    cas = yaml.safe_load((ROOT / "data" / "casussen.yaml").read_text(encoding="utf-8"))
    places += [(c["bron"], c["bron_plek"]) for c in cas["casussen"]]
    wv = yaml.safe_load((ROOT / "data" / "werkvormen.yaml").read_text(encoding="utf-8"))
    places += [(wv["bron"], w["plek"]) for w in wv["werkvormen"]]
    bad = [f"{k}: {p}: {msg}" for k, p in places for msg in problems(k, p, gidsen)]
    assert not bad, "\n".join(bad)


def test_a_broken_location_list_is_refused_with_the_file_named(tmp_path):
    (tmp_path / "gids.yaml").write_text("key: gids\nlocaties:\n  - {id: a, titel: A}\n  - {id: a, titel: B}\n")
    with pytest.raises(GidsLocatieFout, match="gids.yaml: locatie 'a' staat er twee keer in"):
        load_gidsen(tmp_path)


# --- a small real Sphinx build ---------------------------------------------------------------

BIB = ("@misc{gids, author = {{Een Organisatie}}, title = {Een gids}, year = {2025}}\n"
       "@misc{ander, author = {{Andere Bron}}, title = {Iets anders}, year = {2020}}\n")


def _build(tmp_path: Path, page: str) -> tuple[Path, str]:
    src = tmp_path / "src"
    (src / "data" / "gidsen").mkdir(parents=True)
    (src / "data" / "gidsen" / "gids.yaml").write_text(
        "key: gids\nlocaties:\n  - {id: thema 5, titel: Kinderopvang}\n  - {id: inleiding, titel: Inleiding}\n",
        encoding="utf-8")
    (src / "data" / "claims.yaml").write_text("claims: []\n", encoding="utf-8")
    (src / "refs.bib").write_text(BIB, encoding="utf-8")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinxcontrib.bibtex', 'werkzorg.sphinxext']\n"
        "bibtex_bibfiles = ['refs.bib']\nbibtex_reference_style = 'author_year_nl'\n"
        "werkzorg_claims_overview = 'claims'\nexclude_patterns = ['data']\n", encoding="utf-8")
    (src / "claims.md").write_text("# Cijfers\n\n```{claims-overview}\n```\n", encoding="utf-8")
    (src / "index.md").write_text(textwrap.dedent(page) + "\n```{toctree}\nclaims\n```\n\n```{bibliography}\n```\n",
                                  encoding="utf-8")
    out = tmp_path / "out"
    warnings = io.StringIO()
    with docutils_namespace():
        app = Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html",
                     status=io.StringIO(), warning=warnings, warningiserror=True, freshenv=True)
        app.build()
    return out, warnings.getvalue()


def test_a_located_citation_shows_the_place_to_the_reader(tmp_path):
    out, _ = _build(tmp_path, "# Pagina\n\nOpvang telt {cite:p}`gids{thema 5}`. Zie {cite:p}`gids{thema 5},ander`.\n")
    html = (out / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "(Een Organisatie, 2025, thema 5)" in text
    # several works are separated by a semicolon, so the place is not read as another work
    assert "(Andere Bron, 2020; Een Organisatie, 2025, thema 5)" in text


@pytest.mark.parametrize("cite, expected", [
    ("{cite:p}`gids`", "zonder plaats in de gids"),
    ("{cite:p}`gids{thema 9}`", "noemt plaats 'thema 9'"),
    ("{cite:t}`gids{inleiding; hoofdstuk 3}`", "noemt plaats 'hoofdstuk 3'"),
])
def test_a_citation_without_a_known_place_fails_the_strict_build(tmp_path, cite, expected):
    with pytest.raises(SphinxWarning, match=expected):
        _build(tmp_path, f"# Pagina\n\nTekst {cite}.\n")
