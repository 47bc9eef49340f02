"""From the book to its sources: every notebook page offers its .ipynb and .md, the claims page the
data behind the audit, and a repository link appears only when a repository is configured."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin

import jupytext
import nbformat
import pytest

from werkzorg.sphinxext import sources

ROOT = Path(__file__).resolve().parents[1]


def _links(html: str) -> list[str]:
    return re.findall(r'<a class="werkzorg-download[^"]*" href="([^"]+)"', html)


def _resolve(page: Path, href: str, site: Path) -> Path:
    rel = urljoin(page.relative_to(site).as_posix(), href)
    return site / rel


@pytest.mark.build
def test_every_notebook_page_offers_its_ipynb_and_md(built_site):
    pages = sorted((built_site / "notebooks").glob("*.html"))
    sources_md = sorted((ROOT / "notebooks").glob("*.md"))
    assert [p.stem for p in pages] == [p.stem for p in sources_md]
    for page, md in zip(pages, sources_md):
        html = page.read_text(encoding="utf-8")
        assert "Zelf narekenen" in html, page.name
        links = _links(html)
        ipynb = [h for h in links if h.endswith(".ipynb")]
        mds = [h for h in links if h.endswith(".md")]
        assert len(ipynb) == 1 and len(mds) == 1, (page.name, links)
        got_md = _resolve(page, mds[0], built_site)
        assert got_md.read_bytes() == md.read_bytes()
        nb = nbformat.read(_resolve(page, ipynb[0], built_site), as_version=4)
        nbformat.validate(nb)
        want = [c.source for c in jupytext.read(md).cells if c.cell_type == "code"]
        assert [c.source for c in nb.cells if c.cell_type == "code"] == want
        # the placeholder repository in _config.yml is not a repository: no link to it
        assert "example.org" not in html


@pytest.mark.build
def test_claims_page_offers_the_data_behind_the_audit(built_site):
    page = built_site / "book" / "cijfers" / "claims.html"
    html = page.read_text(encoding="utf-8")
    links = {Path(h).name: _resolve(page, h, built_site) for h in _links(html)}
    assert set(links) == {"data-cbs.zip", "claims.yaml", "audit.yaml"}
    for name in ("claims.yaml", "audit.yaml"):
        assert links[name].read_bytes() == (ROOT / "data" / name).read_bytes()
    with zipfile.ZipFile(links["data-cbs.zip"]) as zf:
        names = set(zf.namelist())
        want = {f"data/cbs/{p.name}" for p in (ROOT / "data" / "cbs").iterdir() if p.is_file()}
        assert names == want
        assert zf.read("data/cbs/manifest.yaml") == (ROOT / "data" / "cbs" / "manifest.yaml").read_bytes()
        for p in (ROOT / "data" / "cbs").iterdir():
            if p.is_file():
                assert zf.read(f"data/cbs/{p.name}") == p.read_bytes()


@pytest.mark.build
def test_no_ipynb_is_committed():
    assert not list((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("url, expected", [
    ("", ""),
    ("https://example.org/werkzorg", ""),
    ("https://www.example.com/x", ""),
    ("https://git.gemeente.invalid/werkzorg", ""),
    ("https://github.com/werkzorg/kennisbank/", "https://github.com/werkzorg/kennisbank"),
])
def test_repository_link_only_when_configured(url, expected):
    app = SimpleNamespace(config=SimpleNamespace(html_theme_options={"repository_url": url}, werkzorg_repository_url=""))
    assert sources.repository_url(app) == expected
