"""The claims page's headline and its sentences about the data are computed from the data.

Counts are checked against data/audit.yaml and the manifest read here with plain YAML (not through
the audit code): how many claims are compared with data, how many only cited, and which tables are
extracts typed from public pages rather than CBS downloads. After a real import the page changes.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import yaml
from cli_helpers import run_cli
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace
from test_loop import ADDED_2025KW01, _download_80590  # noqa: F401  (the same real download)

from werkzorg.data import audit, cbs

ROOT = Path(__file__).resolve().parents[1]


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_headline_counts_come_from_the_audit_entries_and_the_manifest():
    spec = _yaml(ROOT / "data" / "audit.yaml")["audit"]
    manifest = _yaml(ROOT / "data" / "cbs" / "manifest.yaml")["tables"]
    cited = [c for c, e in spec.items() if e["method"] == "cited only"]
    compared = [c for c in spec if c not in cited]
    text = audit.headline_text(audit.run_audit(), cbs.Manifest.load().tables)
    assert text.startswith(f"{len(spec)} cijfers uit de gidsen. {len(compared)} daarvan zijn vergeleken met gegevens, "
                           f"{len(cited)} zijn alleen geciteerd")
    hand = [c for c in compared if "status" in spec[c]]          # a status typed in audit.yaml
    assert f"bij {len(hand)} is de status met de hand vastgesteld" in text
    # every shipped table is an extract (manifest: extract: true), so none is a CBS download yet
    assert all(manifest[t]["extract"] for t in manifest)
    assert "uittreksel dat met de hand is overgenomen van openbare pagina's" in text and "gedownload bij CBS" not in text


def _site(tmp_path: Path, data: Path) -> Path:
    src = tmp_path / "site"
    src.mkdir(parents=True)
    shutil.copytree(data, src / "data")
    shutil.copy(ROOT / "references.bib", src / "refs.bib")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinxcontrib.bibtex', 'werkzorg.sphinxext']\n"
        "bibtex_bibfiles = ['refs.bib']\nbibtex_default_style = 'werkzorg'\nbibtex_reference_style = 'author_year_nl'\n"
        "werkzorg_claims_overview = 'claims'\nexclude_patterns = ['data']\n",
        encoding="utf-8")
    (src / "index.md").write_text("# Start\n\n```{toctree}\nclaims\n```\n\n```{bibliography}\n:all:\n```\n",
                                  encoding="utf-8")
    (src / "claims.md").write_text("# Cijfers\n\n```{claims-overview}\n```\n", encoding="utf-8")
    out = tmp_path / "out"
    with docutils_namespace():
        Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html", status=io.StringIO(),
               warning=io.StringIO(), freshenv=True).build()
    return out / "claims.html"


def test_the_claims_page_follows_the_data_after_a_real_import(data_repo, tmp_path):
    root = data_repo
    before = _site(tmp_path / "a", root / "data").read_text(encoding="utf-8")
    assert "Het cijfer voor 2025 1e kwartaal zit nog niet in de meegeleverde gegevens" in before
    assert "met de hand vastgesteld" in before
    assert "gedownload bij CBS" not in before

    rc, out, err = run_cli("data", "import", str(_download_80590(tmp_path)))
    assert rc == 0, err
    after = _site(tmp_path / "b", root / "data").read_text(encoding="utf-8")
    assert "Het cijfer voor 2025 1e kwartaal zit nog niet" not in after
    assert "Het cijfer voor 2025 1e kwartaal staat in de gegevens: vrouwen 69,3 en mannen 77,2" in after
    assert "1 tabel is gedownload bij CBS (80590NED)" in after
