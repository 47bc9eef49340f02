"""Sphinx extension: from the book to its sources.

- Each notebook page (``notebooks/*.md``) gets a line "Zelf narekenen" with its notebook as
  ``.ipynb`` (converted with jupytext at build time, without outputs; never committed) and its
  MyST source ``.md``, plus a link to the file in the repository when one is configured.
- The claims page gets the data behind the audit: ``data/cbs/`` (as a zip),
  ``claims.yaml`` and ``audit.yaml``, copied into the built site at build time.

The repository is the ``repository: url`` of ``_config.yml`` (``html_theme_options
["repository_url"]``); an empty value or an ``example.org``/``example.com`` placeholder counts as
not configured, and then no repository link is written.
"""

from __future__ import annotations

import posixpath
import shutil
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from docutils import nodes
from sphinx.application import Sphinx

DOWNLOADS = "_downloads/bronnen"
NOTEBOOK_PREFIX = "notebooks/"
PLACEHOLDER_HOSTS = {"example.org", "example.com", "example.net", "www.example.org", "www.example.com"}


def repository_url(app: Sphinx) -> str:
    opts = getattr(app.config, "html_theme_options", {}) or {}
    url = str(opts.get("repository_url") or app.config.werkzorg_repository_url or "").strip().rstrip("/")
    if not url:
        return ""
    host = urlparse(url).hostname or ""
    return "" if host in PLACEHOLDER_HOSTS or host.endswith(".invalid") else url


def repository_branch(app: Sphinx) -> str:
    opts = getattr(app.config, "html_theme_options", {}) or {}
    return str(opts.get("repository_branch") or "main")


def _is_notebook(docname: str) -> bool:
    return docname.startswith(NOTEBOOK_PREFIX)


def _rel(app: Sphinx, docname: str, target: str) -> str:
    page = app.builder.get_target_uri(docname)
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def _link(text: str, uri: str, download: bool = True) -> nodes.reference:
    ref = nodes.reference("", text, refuri=uri, internal=False)
    if download:
        ref["classes"].append("werkzorg-download")
    return ref


def _add_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    repo = repository_url(app)
    if _is_notebook(docname):
        stem = docname[len(NOTEBOOK_PREFIX):]
        para = nodes.paragraph()
        para += nodes.strong(text="Zelf narekenen: ")
        para += nodes.Text("download dit hoofdstuk als notebook (")
        para += _link(f"{stem}.ipynb", _rel(app, docname, f"{DOWNLOADS}/notebooks/{stem}.ipynb"))
        para += nodes.Text(") of als MyST-bron (")
        para += _link(f"{stem}.md", _rel(app, docname, f"{DOWNLOADS}/notebooks/{stem}.md"))
        para += nodes.Text("). Open het in JupyterLab met ")
        para += nodes.literal(text="make lab")
        para += nodes.Text("; zie ")
        para += _link("Nieuwe cijfers inlezen", _rel(app, docname, app.builder.get_target_uri("book/cijfers/analist")),
                      download=False)
        para += nodes.Text(".")
        if repo:
            para += nodes.Text(" ")
            para += _link("Bekijk de bron in de repository",
                          f"{repo}/blob/{repository_branch(app)}/notebooks/{stem}.md", download=False)
            para += nodes.Text(".")
        box = nodes.container(classes=["werkzorg-bronnen"])
        box += para
        doctree += box
    elif docname == app.config.werkzorg_claims_overview:
        para = nodes.paragraph()
        para += nodes.strong(text="Gegevens downloaden: ")
        para += nodes.Text("de CBS-snapshots waarmee deze pagina rekent (")
        para += _link("data-cbs.zip", _rel(app, docname, f"{DOWNLOADS}/data-cbs.zip"))
        para += nodes.Text(": alle meegeleverde CBS-gegevens met een overzicht en uitleg), de lijst met cijfers uit de gidsen (")
        para += _link("claims.yaml", _rel(app, docname, f"{DOWNLOADS}/data/claims.yaml"))
        para += nodes.Text(") en hoe elk cijfer gecontroleerd wordt (")
        para += _link("audit.yaml", _rel(app, docname, f"{DOWNLOADS}/data/audit.yaml"))
        para += nodes.Text(").")
        if repo:
            para += nodes.Text(" ")
            para += _link("De gegevens in de repository", f"{repo}/tree/{repository_branch(app)}/data", download=False)
            para += nodes.Text(".")
        box = nodes.container(classes=["werkzorg-bronnen"])
        box += para
        doctree += box


def _write_files(app: Sphinx, exc: Exception | None) -> None:
    if exc is not None or app.builder.format != "html":
        return
    import jupytext
    import nbformat

    out = Path(app.outdir) / DOWNLOADS
    srcdir = Path(app.srcdir)
    nbdir = out / "notebooks"
    nbdir.mkdir(parents=True, exist_ok=True)
    for docname in sorted(app.env.found_docs):
        if not _is_notebook(docname):
            continue
        src = Path(app.env.doc2path(docname))
        stem = docname[len(NOTEBOOK_PREFIX):]
        shutil.copyfile(src, nbdir / f"{stem}.md")
        nb = jupytext.read(src)
        nbformat.write(nb, nbdir / f"{stem}.ipynb")
    data = srcdir / "data"
    ddir = out / "data"
    ddir.mkdir(parents=True, exist_ok=True)
    for name in ("claims.yaml", "audit.yaml"):
        if (data / name).is_file():
            shutil.copyfile(data / name, ddir / name)
    if not (data / "cbs").is_dir():  # a book without CBS snapshots has nothing to zip
        return
    files = sorted(p for p in (data / "cbs").iterdir() if p.is_file())
    with zipfile.ZipFile(out / "data-cbs.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for p in files:
            zf.write(p, f"data/cbs/{p.name}")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("werkzorg_repository_url", "", "html")
    app.connect("doctree-resolved", _add_links)
    app.connect("build-finished", _write_files)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
