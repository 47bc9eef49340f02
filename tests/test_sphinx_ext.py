"""The claims role and overview in a small real Sphinx project (MyST pages, HTML builder)."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace

CLAIMS = textwrap.dedent(
    """\
    claims:
      - id: deelname-test
        statement: Aantal deelnemers aan de bijeenkomsten
        values: {mannen: 165, vrouwen: 40}
        unit: personen
        period: "2024"
        population: Deelnemers in Amsterdam
        guides: [gids]
        guide_places:
          - {guide: gids, place: "thema 5"}
        authority: De gids zelf
        cite: gids
      - id: drempel-test
        statement: Drempel voor economische zelfstandigheid
        values: {bedrag: 1024.77}
        unit: euro per maand
        period: 1 juli 2021
        population: Netto, per persoon
        guides: [gids]
        guide_places:
          - {guide: gids, place: "thema 5"}
          - {guide: gids, place: "bijlage"}
        authority: Rijksoverheid
        cite: gids
    """
)
GIDS = "key: gids\nlocaties:\n  - {id: thema 5, titel: Kinderopvang}\n  - {id: bijlage, titel: Bijlage}\n"
BIB = "@misc{gids, author = {{Een Organisatie}}, title = {Een gids}, year = {2025}}\n"


def _project(tmp_path: Path, page: str) -> Path:
    src = tmp_path / "src"
    (src / "data" / "gidsen").mkdir(parents=True)
    (src / "data" / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    (src / "data" / "gidsen" / "gids.yaml").write_text(GIDS, encoding="utf-8")
    (src / "refs.bib").write_text(BIB, encoding="utf-8")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinxcontrib.bibtex', 'werkzorg.sphinxext']\n"
        "bibtex_bibfiles = ['refs.bib']\n"
        "werkzorg_claims_overview = 'claims'\n"
        "exclude_patterns = ['data']\n",
        encoding="utf-8",
    )
    (src / "index.md").write_text(
        "# Start\n\n```{toctree}\nclaims\npage\n```\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8"
    )
    (src / "claims.md").write_text("# Cijfers\n\n```{claims-overview}\n```\n", encoding="utf-8")
    (src / "page.md").write_text(page, encoding="utf-8")
    return src


def _build(src: Path, warningiserror: bool = True) -> tuple[Path, str]:
    out = src.parent / "out"
    warnings = io.StringIO()
    # docutils_namespace: each Sphinx app registers its nodes afresh, as in sphinx.testing.
    with docutils_namespace():
        app = Sphinx(
            str(src), str(src), str(out), str(out / ".doctrees"), "html",
            status=io.StringIO(), warning=warnings, warningiserror=warningiserror, freshenv=True,
        )
        app.build()
    return out, warnings.getvalue()


def test_a_claim_renders_its_value_and_period_as_a_link_to_the_overview(tmp_path):
    src = _project(tmp_path, "# Pagina\n\nEr kwamen {claim}`deelname-test:mannen` mannen.\n")
    out, _ = _build(src)
    html = (out / "page.html").read_text(encoding="utf-8")
    assert 'href="claims.html#claim-deelname-test"' in html
    assert ">165 (2024)</a>" in html


def test_euro_amounts_are_written_the_dutch_way(tmp_path):
    src = _project(tmp_path, "# Pagina\n\nDe drempel is {claim}`drempel-test`.\n")
    out, _ = _build(src)
    html = (out / "page.html").read_text(encoding="utf-8")
    assert "€\u00a01.024,77 per maand (1 juli 2021)" in html


def test_a_claim_without_group_shows_all_groups(tmp_path):
    src = _project(tmp_path, "# Pagina\n\n{claim}`deelname-test`\n")
    out, _ = _build(src)
    html = (out / "page.html").read_text(encoding="utf-8")
    assert "mannen 165, vrouwen 40 (2024)" in html


@pytest.mark.parametrize("ref", ["bestaat-niet", "deelname-test:kinderen"])
def test_an_unknown_claim_or_group_fails_the_build_naming_page_and_id(tmp_path, ref):
    src = _project(tmp_path, f"# Pagina\n\nTekst {{claim}}`{ref}`.\n")
    with pytest.raises(SphinxError) as exc:
        _build(src, warningiserror=False)  # fails even without -W
    message = str(exc.value)
    assert "page.md" in message
    assert ref.split(":")[-1] in message


def test_the_overview_lists_every_claim_with_its_source(tmp_path):
    src = _project(tmp_path, "# Pagina\n\nNiets.\n")
    out, _ = _build(src)
    html = (out / "claims.html").read_text(encoding="utf-8")
    for cid in ("deelname-test", "drempel-test"):
        assert f'id="claim-{cid}"' in html
    assert "Rijksoverheid" in html and "Een Organisatie" in html


def _cited_in(html: str, cid: str) -> str:
    """The text of the "Geciteerd in" line on claim *cid*'s card, tags removed."""
    card = html[html.index(f'id="claim-{cid}"'):]
    line = card[card.index("Geciteerd in"):]
    line = line[line.index("<dd"):line.index("</dd>")]
    return line.strip()


def test_each_card_says_where_in_the_guide_the_figure_is_cited(tmp_path):
    import re

    src = _project(tmp_path, "# Pagina\n\nNiets.\n")
    (src / "conf.py").write_text((src / "conf.py").read_text() + "bibtex_reference_style = 'author_year_nl'\n"
                                 "import werkzorg.sphinxext.bibstyle\n", encoding="utf-8")
    out, _ = _build(src)
    html = (out / "claims.html").read_text(encoding="utf-8")
    two = _cited_in(html, "drempel-test")
    assert re.sub(r"<[^>]+>", "", two).strip() == "(Een Organisatie, 2025, thema 5; bijlage)"
    # the guide links to its entry in the bibliography, as a chapter's citation does
    link = re.search(r'<a [^>]*href="index.html#([^"]+)"[^>]*>Een Organisatie, 2025</a>', two)
    assert link, two
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'id="{link.group(1)}"' in index
    one = re.sub(r"<[^>]+>", "", _cited_in(html, "deelname-test")).strip()
    assert one == "(Een Organisatie, 2025, thema 5)"
    assert "gids{" not in html and "guide_places" not in html


@pytest.mark.parametrize("old, new, named", [
    ('place: "bijlage"', 'place: "hoofdstuk 3"', "'hoofdstuk 3'"),
    # drempel-test loses its places, while its guide still cites it
    ('    guide_places:\n      - {guide: gids, place: "thema 5"}\n      - {guide: gids, place: "bijlage"}\n', "",
     "zegt niet waar"),
])
def test_a_claim_with_a_wrong_place_stops_the_build_naming_claim_and_place(tmp_path, old, new, named):
    src = _project(tmp_path, "# Pagina\n\nNiets.\n")
    claims = src / "data" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    assert text.count(old) == 1
    claims.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(SphinxError) as exc:
        _build(src, warningiserror=False)  # stops even without -W
    message = str(exc.value)
    assert "drempel-test" in message and named in message, message


def test_editing_claims_yaml_updates_pages_on_an_incremental_build(tmp_path):
    src = _project(tmp_path, "# Pagina\n\n{claim}`deelname-test:vrouwen`\n")
    out = src.parent / "out"
    for _ in range(2):
        with docutils_namespace():
            app = Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html",
                         status=io.StringIO(), warning=io.StringIO())
            app.build()
        claims = src / "data" / "claims.yaml"
        claims.write_text(claims.read_text().replace("vrouwen: 40", "vrouwen: 41"), encoding="utf-8")
    assert ">41 (2024)</a>" in (out / "page.html").read_text(encoding="utf-8")


def test_a_model_parameter_renders_from_data_params_with_its_source(tmp_path):
    from werkzorg.data.params import load_params

    p = load_params(2025)
    out, _ = _build(_project(tmp_path, "# P\n\nJe houdt {param}`2025:vl_r_rate` en hooguit {param}`2025:vl_n_months`.\n"))
    html = (out / "page.html").read_text(encoding="utf-8")
    share = f"{p['vl_r_rate'] * 100:.1f}".replace(".", ",").removesuffix(",0") + "%"  # 0.125 -> 12,5%
    assert f">{share}</abbr>" in html and f">{p['vl_n_months']} maanden</abbr>" in html, html
    assert p.source_refs("vl_r_rate")[0]["title"].split(",")[0] in html  # the source shows as the tooltip


@pytest.mark.parametrize("ref", ["2025:bestaat_niet", "1999:vl_r_rate", "vl_r_rate"])
def test_an_unknown_parameter_fails_the_build_naming_the_page(tmp_path, ref):
    with pytest.raises(Exception, match="page"):
        _build(_project(tmp_path, f"# P\n\n{{param}}`{ref}`\n"), warningiserror=False)


def test_the_explorer_role_renders_the_label_the_explorer_page_shows(tmp_path):
    from werkzorg.explorer.controls import CONTROLS, option_label

    page = "# P\n\nKies bij {verkenner}`huishouden` voor {verkenner}`huishouden=alleenstaand`.\n"
    out, _ = _build(_project(tmp_path, page))
    html = (out / "page.html").read_text(encoding="utf-8")
    assert f">{CONTROLS['huishouden']['label']}</em> voor" in html
    assert f">{option_label('huishouden', 'alleen')}</em>." in html  # an alias names the same option


@pytest.mark.parametrize(("ref", "named", "existing"), [
    ("huishoudens", "'huishoudens'", "huishouden, kinderen"),
    ("opvang=6", "'6'", "uren, 0, 1, 2, 3, 4, 5"),
    ("huur=650", "'huur'", "without options"),
])
def test_an_unknown_explorer_option_fails_the_build_naming_file_name_and_what_exists(tmp_path, ref, named, existing):
    with pytest.raises(SphinxError) as exc:
        _build(_project(tmp_path, f"# P\n\nKies {{verkenner}}`{ref}`.\n"), warningiserror=False)  # fails even without -W
    message = str(exc.value)
    assert "page.md" in message and named in message and existing in message, message


def test_pybtex_lookups_are_kept_and_runtime_plugins_still_win():
    """The build keeps pybtex's entry-point scans (werkzorg.sphinxext.bibstyle); a plugin registered
    at run time, as the book's Dutch styles are, is still the one found."""
    import pybtex.plugin

    from werkzorg.sphinxext import bibstyle

    before = pybtex.plugin.find_plugin("pybtex.backends", "plaintext")
    bibstyle.remember_plugin_lookups()
    bibstyle.remember_plugin_lookups()  # idempotent: one layer of remembering
    assert pybtex.plugin.entry_points.werkzorg_remembered
    assert pybtex.plugin.find_plugin("pybtex.backends", "plaintext") is before
    bibstyle.register()
    assert pybtex.plugin.find_plugin("pybtex.style.formatting", "werkzorg") is bibstyle.Style
