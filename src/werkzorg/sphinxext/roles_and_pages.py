"""Sphinx extension: the ``{claim}`` role, the ``claims-overview`` directive and offline fixes.

- ``{claim}`id` `` or ``{claim}`id:group` `` writes a claim's value with its period and links
  it to its entry on the overview page. An unknown id or group fails the build with the
  file and line.
- ``{claims-overview}`` renders every claim of ``data/claims.yaml`` with its source.
- Duplicate inline scripts (sphinx-thebe's ``THEBE_JS_URL``) are dropped from each page,
  because the browser refuses the second ``const`` declaration.
"""

from __future__ import annotations

import hashlib
import html
import os
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..data.claims import Claim, ClaimsError, load_claims, resolve

logger = logging.getLogger(__name__)

from ..data.claims import CLAIM_ANCHOR as ANCHOR_PREFIX  # noqa: E402  (one anchor for every link)


class claim_reference(nodes.inline):
    """A rendered claim value; turned into a link to the overview page after resolving."""


def _claims_path(app: Sphinx) -> Path:
    return Path(app.confdir) / app.config.werkzorg_claims_file


def claims_for(app: Sphinx) -> dict[str, Claim]:
    """The book's claims for this build (``werkzorg_claims_file``), loaded once per run, with the
    guides' place lists the build loaded. Every Sphinx piece that needs a claim asks here."""
    # Loaded once per build run (not pickled with the environment), so an edit to
    # claims.yaml is always seen; _outdated_by_claims re-reads the pages that use it.
    cached = getattr(app, "werkzorg_claims", None)
    if cached is None:
        try:
            # The guides' place lists as the build loaded them (werkzorg.sphinxext.guide_locations).
            places = {k: g.locaties for k, g in getattr(app, "werkzorg_gidsen", {}).items()}
            cached = load_claims(_claims_path(app), places=places)
        except (ClaimsError, OSError) as exc:
            raise ExtensionError(f"werkzorg: cannot load claims: {exc}") from exc
        app.werkzorg_claims = cached
    return cached


def _outdated_by_claims(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Re-read every page that uses claims when claims.yaml changed since the last build."""
    digest = hashlib.sha256(_claims_path(app).read_bytes()).hexdigest()
    previous = getattr(env, "werkzorg_claims_digest", None)
    env.werkzorg_claims_digest = digest
    if previous is None or previous == digest:
        return []
    users = getattr(env, "werkzorg_claim_docs", set())
    return sorted(d for d in users if d in env.found_docs)


def _period_note(claim: Claim) -> str:
    """The claim's period; for a figure the guide cites without a year, says whose year it is."""
    if claim.guide_year:
        return claim.period
    return f"{claim.period}, het jaar van de bron; de gids zelf noemt geen jaar"


class ClaimRole(SphinxRole):
    """``{claim}`id[:group]` ``: the claim's value and period, linked to its source."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        claims = claims_for(self.env.app)
        try:
            claim, key = resolve(claims, self.text)
        except ClaimsError as exc:
            self.env.app.werkzorg_unknown_claims.append(f"{self.get_location()}: {exc}")
            logger.error("werkzorg: %s", exc, location=self.get_location(), type="werkzorg", subtype="claim")
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        node = claim_reference(
            classes=["werkzorg-claim"],
            claim_id=claim.id,
            title=f"{claim.statement} ({_period_note(claim)}). Bron: {claim.authority}",
        )
        node += nodes.Text(claim.render(key))
        self.env.werkzorg_claim_docs = getattr(self.env, "werkzorg_claim_docs", set()) | {self.env.docname}
        return [node], []


def param_text(value: Any, unit: str) -> str:
    """A model parameter as a reader reads it: 0.125 (fractie) -> "12,5%", 6 maanden, € 273 per maand."""
    from ..format_nl import euro, number

    if unit == "fractie":
        return f"{number(value * 100, 1).removesuffix(',0')}%"
    if "euro" in unit:
        per = " per maand" if "maand" in unit else (" per uur" if "uur" in unit else "")
        return euro(value, 0 if float(value).is_integer() else 2) + per
    return f"{number(value, 0 if float(value).is_integer() else 1)} {unit}"


class ParamRole(SphinxRole):
    """``{param}`year:name` ``: a household-model parameter from data/params, never typed into prose.

    The value carries its label and sources as a tooltip; the table of all parameters with their
    sources is on the model page. An unknown year or name fails the build, naming page and line.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        from ..data.params import load_params

        try:
            year, name = self.text.split(":", 1)
            params = load_params(int(year))
            entry = params.entry(name.strip())
        except (ValueError, KeyError, OSError) as exc:
            msg = f"unknown parameter {self.text!r} (write year:name, e.g. 2025:vl_n_rate): {exc}"
            self.env.app.werkzorg_unknown_claims.append(f"{self.get_location()}: {msg}")
            logger.error("werkzorg: %s", msg, location=self.get_location(), type="werkzorg", subtype="param")
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        sources = "; ".join(src["title"] for src in params.source_refs(name.strip()))
        text = param_text(entry["value"], entry.get("unit", ""))
        # <abbr title=…>: the tooltip names the parameter and its source, in Sphinx's own HTML.
        node = nodes.abbreviation(text, text, explanation=f"{entry['label']} ({year}). Bron: {sources}",
                                  classes=["werkzorg-param"])
        return [node], []


class VerkennerRole(SphinxRole):
    """``{verkenner}`name=value` ``: an option of the household explorer as the page labels it
    (``{verkenner}`name` `` gives the control's label). The text comes from the explorer's one
    control description (:mod:`werkzorg.explorer.controls`), so prose never names an option the
    page lacks: an unknown control or option fails the build, naming the file and line, the name,
    and the names that exist."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        from ..explorer.controls import UnknownControl, mention

        try:
            text = mention(self.text)
        except UnknownControl as exc:
            msg = f"{{verkenner}}`{self.text}`: {exc}"
            self.env.app.werkzorg_unknown_claims.append(f"{self.get_location()}: {msg}")
            logger.error("werkzorg: %s", msg, location=self.get_location(), type="werkzorg", subtype="verkenner")
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        return [nodes.emphasis(text, text, classes=["werkzorg-keuze"])], []


class ClaimsOverview(SphinxDirective):
    """Render every claim as a titled entry with its definition and source.

    When ``data/audit.yaml`` exists next to the claims file, the page becomes an audit:
    a table (claim, what the guide says, what the data say for the same definition and
    period, the latest value, status) followed by one entry per claim (the ``claim-<id>``
    anchor the role links to) with definition, audit explanation and source links.
    """

    has_content = False
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        claims = claims_for(self.env.app)
        self.env.werkzorg_claim_docs = getattr(self.env, "werkzorg_claim_docs", set()) | {self.env.docname}
        results, manifest = self._audit(claims)
        out: list[nodes.Node] = []
        if results is not None:
            from ..data.audit import headline_text

            out.append(nodes.paragraph(text=headline_text(results, manifest), classes=["werkzorg-audit-headline"]))
            out.append(self._summary(results))
            out.append(self._table(claims, results))
        for claim in claims.values():
            out.append(self._entry(claim, None if results is None else results.get(claim.id), manifest))
        return out

    # ---------------------------------------------------------------- audit data

    def _audit(self, claims: dict[str, Claim]):
        data = _claims_path(self.env.app).parent
        spec_path = data / "audit.yaml"
        if not spec_path.exists():
            return None, {}
        from ..data import audit, cbs

        self.env.note_dependency(str(spec_path))
        manifest_path = data / "cbs" / "manifest.yaml"
        if manifest_path.exists():
            self.env.note_dependency(str(manifest_path))
        try:
            man = cbs.Manifest.load(data / "cbs")
            results = audit.run_audit(claims, audit.load_audit_spec(spec_path), cbs.load_all(data / "cbs"))
        except (audit.AuditError, cbs.CBSDataError, OSError, KeyError) as exc:
            raise ExtensionError(f"werkzorg: claims audit failed: {exc}") from exc
        return results, man.tables

    @staticmethod
    def _values_text(claim: Claim, result, latest: bool = False) -> str:
        from ..data.audit import values_text

        return values_text(claim, result, latest)

    @staticmethod
    def _status_node(status: str) -> nodes.inline:
        slug = status.replace(" ", "-")
        return nodes.inline(text=status, classes=["werkzorg-status", f"werkzorg-status-{slug}"])

    def _summary(self, results) -> nodes.Node:
        from collections import Counter

        from ..data.audit import STATUSES

        counts = Counter(r.status for r in results.values())
        para = nodes.paragraph(classes=["werkzorg-audit-summary"])
        para += nodes.Text(f"Beoordeling van alle {len(results)} cijfers: ")
        first = True
        for st in STATUSES:
            if not counts.get(st):
                continue
            if not first:
                para += nodes.Text(", ")
            para += self._status_node(st)
            para += nodes.Text(f" {counts[st]}")
            first = False
        para += nodes.Text(".")
        return para

    def _table(self, claims: dict[str, Claim], results) -> nodes.Node:
        headers = ["Cijfer", "Wat de gids zegt", "Wat de data zeggen (zelfde definitie en periode)", "Laatste waarde", "Status"]
        table = nodes.table(classes=["werkzorg-audit-table"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in (28, 18, 22, 18, 14):
            group += nodes.colspec(colwidth=width)
        thead = nodes.thead()
        row = nodes.row()
        for h in headers:
            e = nodes.entry()
            e += nodes.paragraph(text=h)
            row += e
        thead += row
        group += thead
        body = nodes.tbody()
        from ..data.audit import comparison

        for cid, claim in claims.items():
            c = comparison(claim, results[cid])
            row = nodes.row()
            # 1: statement, linked to the entry below
            e = nodes.entry()
            para = nodes.paragraph()
            ref = nodes.reference("", "", internal=True, refid=c.anchor)
            ref += nodes.Text(c.statement)
            para += ref
            e += para
            row += e
            # 2: what the guide says; 3: the data for the same definition and period; 4: latest value
            for text, notes in ((c.guide, ()), (c.data, c.notes), (c.latest, ())):
                e = nodes.entry()
                e += nodes.paragraph(text=text)
                for note in notes:
                    e += nodes.paragraph(text=note, classes=["werkzorg-audit-note"])
                row += e
            # 5: status
            e = nodes.entry()
            para = nodes.paragraph()
            para += self._status_node(c.status)
            e += para
            row += e
            body += row
        group += body
        return table

    # ---------------------------------------------------------------- entries

    def _entry(self, claim: Claim, result=None, manifest: dict | None = None) -> nodes.Node:
        from ..data.audit import METHOD_NL
        from ..data.cbs import statline_url

        box = nodes.container(classes=["werkzorg-claim-entry"], ids=[ANCHOR_PREFIX + claim.id])
        title = nodes.paragraph(classes=["werkzorg-claim-title"])
        title += nodes.strong(text=claim.statement)
        title += nodes.Text(": " + claim.render())
        if result is not None:
            title += nodes.Text(" ")
            title += self._status_node(result.status)
        box += title
        fields = nodes.field_list()
        rows = [
            ("Periode", _period_note(claim)),
            ("Populatie en definitie", claim.population),
            ("Bron van het cijfer", claim.authority),
        ]
        if claim.note:
            rows.append(("Toelichting", claim.note))
        if result is not None:
            how = METHOD_NL[result.method]
            if result.method != "cited only":
                tables = ", ".join(result.tables)
                rows.append(("Controle", f"{how} uit {tables}: {self._values_text(claim, result)}"))
                rows.append(("Laatste waarde", self._values_text(claim, result, latest=True) or "\u2013"))
            else:
                rows.append(("Controle", how))
            if result.status_by_hand:
                rows.append(("Status", f"{result.status}: met de hand vastgesteld bij het maken van dit boek, niet "
                                       "berekend uit de gegevens. De uitleg zegt waarom."))
            if result.explanation:
                rows.append(("Uitleg", result.explanation))
            if getattr(result, "decided_by", ""):
                rows.append(("Wat het zou beslissen", result.decided_by))
        for name, value in rows:
            f = nodes.field()
            f += nodes.field_name(text=name)
            body = nodes.field_body()
            para = nodes.paragraph()
            para += nodes.Text(value)
            body += para
            f += body
            fields += f
        # Citations go through sphinxcontrib-bibtex, parsed as MyST so {cite} works: the guide
        # with the place(s) where it cites the figure, as a chapter cites it ("(Movisie, 2021,
        # p. 15; p. 31)"), linked to the Bronnen list; the build checks each place like any other.
        f = nodes.field()
        f += nodes.field_name(text="Geciteerd in")
        body = nodes.field_body()
        body += self.parse_text_to_nodes(claim_guides_cite(claim))
        f += body
        fields += f
        if claim.cite not in claim.guides:
            f = nodes.field()
            f += nodes.field_name(text="Oorspronkelijke bron")
            body = nodes.field_body()
            body += self.parse_text_to_nodes(f"{{cite:p}}`{claim.cite}`")
            f += body
            fields += f
        if result is not None and result.tables:
            f = nodes.field()
            f += nodes.field_name(text="Gegevens")
            body = nodes.field_body()
            para = nodes.paragraph()
            for i, tid in enumerate(result.tables):
                entry = (manifest or {}).get(tid, {})
                if i:
                    para += nodes.Text("; ")
                if entry.get("kind") == "statline":
                    link = nodes.reference("", f"CBS StatLine {tid}",
                                           refuri=statline_url(tid))
                    para += link
                else:
                    para += nodes.Text(entry.get("title", tid))
                extract = " (uittreksel)" if entry.get("extract") else ""
                from ..format_nl import date as date_nl

                got = entry.get("retrieved")
                para += nodes.Text(f"{extract}, opgehaald {date_nl(str(got)) if got else 'onbekend'}")
            body += para
            f += body
            fields += f
        box += fields
        return box


def claim_guides_cite(claim: Claim) -> str:
    """The MyST citation of the guides that cite *claim*, each with its places as post-text.

    ``{cite:p}`movisie2021toolbox{p. 15; p. 31}``` for a figure the toolbox prints on two pages.
    """
    targets = [f"{g}{{{'; '.join(claim.places_in(g))}}}" for g in claim.guides]
    return f"{{cite:p}}`{','.join(targets)}`"


def _link_claims(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    target_doc = app.config.werkzorg_claims_overview
    for node in list(doctree.findall(claim_reference)):
        try:
            uri = app.builder.get_relative_uri(fromdocname, target_doc)
        except Exception:  # non-HTML builders: keep the plain value
            uri = ""
        text = node.astext()
        if uri or fromdocname == target_doc:
            ref = nodes.reference(
                "", text, refuri=f"{uri}#{ANCHOR_PREFIX}{node['claim_id']}",
                classes=node["classes"], reftitle=node.get("title", ""),
            )
            node.replace_self(ref)
        else:
            node.replace_self(nodes.inline(text, text, classes=node["classes"]))


def _check_claims_overview(app: Sphinx, env: Any) -> None:
    if app.config.werkzorg_claims_overview not in env.found_docs:
        logger.warning(
            "werkzorg: the claims overview page '%s' is not in the book; claim links would break",
            app.config.werkzorg_claims_overview, type="werkzorg", subtype="claim",
        )


def _fail_on_unknown_claims(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.werkzorg_unknown_claims:
        raise ExtensionError("unknown claims, parameters or explorer options:\n  " + "\n  ".join(app.werkzorg_unknown_claims))


def _dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Drop script entries registered twice (same file or same inline body, same attributes)."""
    seen, kept = set(), []
    for js in context.get("script_files", []):
        attrs = getattr(js, "attributes", {}) or {}
        key = (str(getattr(js, "filename", "") or ""), tuple(sorted((k, str(v)) for k, v in attrs.items())))
        if key not in seen:
            seen.add(key)
            kept.append(js)
    context["script_files"] = kept


def _add_vega_where_needed(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The vendored Vega bundle (~0.9 MB), on demand, only on pages that draw Vega charts.

    A page needs it when its body calls ``vegaEmbed`` or holds one of the configured markers
    (e.g. the household explorer's root element).
    """
    body = context.get("body", "")
    if not any(marker in body for marker in app.config.werkzorg_vega_markers):
        return
    _script_on_demand(context, "vega-bundle", app.config.werkzorg_vega_js)


def _script_on_demand(context: dict, key: str, filename: str) -> None:
    """Name a script that the page loads only when a reader gets near its chart (_static/laden.js).

    Vega is a long parse on a phone; loaded with the page it held the first interaction up by
    half a second. The page carries the script's address, relative to the page, so it also
    loads when a trainer opens the HTML file from disk (a classic script, not a module).
    """
    src = html.escape(context["pathto"](filename, 1), quote=True)
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="werkzorg-script" data-key="{key}" content="{src}">'


def _write_explorer_grid(app: Sphinx, exc: Exception | None) -> None:
    """After an HTML build with the explorer page, write its grid as _static/verkenner-data.js."""
    if exc is not None or getattr(app.builder, "format", "") != "html":
        return
    if not any(d.endswith("verkennen/verkenner") for d in app.env.found_docs):
        return
    from .light_pages import run_if_inputs_changed

    def write() -> list[Path]:
        from werkzorg.explorer import page as explorer  # pandas and altair: only when the grid is written

        grid = Path(app.outdir) / "_static" / explorer.GRID_FILE
        explorer.write_grid_file(grid)
        return [grid]

    run_if_inputs_changed(app.outdir, "explorer-grid", write)


def _add_explorer_data(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The explorer page loads its grid (_static/verkenner-data.js) as a deferred, cacheable script."""
    if 'id="wz-verkenner"' not in context.get("body", ""):
        return
    from sphinx.builders.html._assets import _JavaScript as JavaScript

    from werkzorg.explorer import page as explorer

    context.setdefault("script_files", []).append(JavaScript(f"_static/{explorer.GRID_FILE}", defer="defer"))


WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"


def _drop_idle_widget_manager(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Load the ipywidgets manager (~3.5 MB) only where the page shows a widget.

    MyST-NB adds the manager and the saved widget state to every page whose notebook created
    widgets, even when the cells that show them are removed from the website (they stay for
    readers who run the notebook in Jupyter). Without a widget view in the body nothing would
    be drawn, so the scripts go.
    """
    if WIDGET_VIEW_MIME in context.get("body", ""):
        return
    import posixpath

    # Sphinx stores a page's own script as "_static/<path>"; compare normalised paths.
    manager = set()
    for key in getattr(app.config, "nb_ipywidgets_js", None) or {}:
        manager |= {posixpath.normpath(str(key)), posixpath.normpath(posixpath.join("_static", str(key)))}
    kept = []
    for js in context.get("script_files", []):
        attrs = getattr(js, "attributes", {}) or {}
        name = str(getattr(js, "filename", "") or "")
        if (name and posixpath.normpath(name) in manager) or attrs.get("type") == WIDGET_STATE_MIME:
            continue
        kept.append(js)
    context["script_files"] = kept


def _write_chart_downloads(app: Sphinx, exception: Exception | None) -> None:
    """Write the CSV of every statistics page's charts into the built site (werkzorg.stats.live_charts)."""
    if exception is not None or app.builder.format != "html":
        return
    from .light_pages import run_if_inputs_changed

    def write() -> list[Path]:
        from ..stats import live_charts as charts  # pandas and altair: only when the downloads are written

        charts.write_downloads(app.outdir)
        return [Path(app.outdir) / charts.DOWNLOAD_DIR / f"{page}.csv" for page in charts.PAGES]

    run_if_inputs_changed(app.outdir, "chart-downloads", write)


def _add_vega_view_where_needed(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The Vega runtime alone (~170 KB gzip), on demand, on pages with live statistics charts (werkzorg.stats.live_charts).

    Those charts are compiled to Vega at build time, so they need neither Vega-Lite nor vega-embed.
    """
    if app.config.werkzorg_vega_view_marker not in context.get("body", ""):
        return
    _script_on_demand(context, "vega-view", app.config.werkzorg_vega_view_js)


def _merge_env(app: Sphinx, env: Any, docnames: Any, other: Any) -> None:
    env.werkzorg_claim_docs = getattr(env, "werkzorg_claim_docs", set()) | getattr(other, "werkzorg_claim_docs", set())


def _visit_claim_html(self: Any, node: claim_reference) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="werkzorg-claim"))


def _depart_claim_html(self: Any, node: claim_reference) -> None:
    self.body.append("</span>")


EDITION_ENV = "WERKZORG_EDITION"


def _apply_edition(app: Sphinx, config: Any) -> None:
    """``WERKZORG_EDITION=studenten`` builds the students' edition: exercises without answers.

    The trainers' edition (default) shows each worked answer after its exercise. The answers are
    read in both editions and taken out of the students' pages as they are written
    (:func:`_drop_answers`), so the edition changes only what is written: a students' build that
    starts from a trainers' build's environment writes the pages again and reads nothing.
    """
    edition = os.environ.get(EDITION_ENV, "trainers").strip().lower()
    if edition not in {"trainers", "studenten"}:
        raise ExtensionError(f"{EDITION_ENV} must be 'trainers' or 'studenten', got '{edition}'")
    config.werkzorg_edition = edition


def _drop_answers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """In the students' edition, remove every worked answer (sphinx-exercise's solution) from
    the page before it is written and indexed for search."""
    if app.config.werkzorg_edition != "studenten":
        return
    from sphinx_exercise.nodes import solution_node

    for answer in list(doctree.findall(solution_node)):
        answer.parent.remove(answer)


def _edition_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    context["werkzorg_edition"] = app.config.werkzorg_edition


class _ExecTableForReaders(SphinxPostTransform):
    """MyST-NB's execution table (``nb-exec-table``) names each notebook by its docname, a path
    in the repository, under English headers. Readers get the page title and Dutch headers.
    Runs after MyST-NB builds the table (priority 8) and before references resolve (10)."""

    default_priority = 9
    _HEADERS = {"Document": "Pagina", "Modified": "Laatst gewijzigd", "Method": "Manier",
                "Run Time (s)": "Rekentijd (s)", "Status": "Gelukt"}

    def run(self, **kwargs: Any) -> None:
        import posixpath

        from sphinx import addnodes

        for table in list(self.document.findall(nodes.table)):
            head = [e.astext() for e in table.findall(nodes.entry)][:5]
            if head != list(self._HEADERS):
                continue
            for thead in table.findall(nodes.thead):
                for para in list(thead.findall(nodes.paragraph)):
                    para.replace_self(nodes.paragraph(text=self._HEADERS[para.astext()]))
            base = posixpath.dirname(self.env.docname)
            for ref in list(table.findall(addnodes.pending_xref)):
                docname = posixpath.normpath(posixpath.join(base, ref["reftarget"]))
                title = self.env.titles.get(docname)
                if title is not None:
                    ref.children = [nodes.inline(text=title.astext())]


def setup(app: Sphinx) -> dict[str, Any]:
    """Set up by :mod:`werkzorg.sphinxext`, after the pieces this page work relies on."""
    app.add_config_value("werkzorg_edition", "trainers", "html")
    app.connect("config-inited", _apply_edition)
    app.connect("doctree-resolved", _drop_answers)
    app.connect("html-page-context", _edition_context)
    app.add_config_value("werkzorg_claims_file", "data/claims.yaml", "env")
    # The claims page: set in _config.yml only (the live charts read it there too, werkzorg.data.audit.claims_page).
    app.add_config_value("werkzorg_claims_overview", "", "env")
    app.werkzorg_unknown_claims = []
    app.add_node(claim_reference, html=(_visit_claim_html, _depart_claim_html))
    app.add_role("claim", ClaimRole())
    app.add_role("param", ParamRole())
    app.add_role("verkenner", VerkennerRole())
    app.add_post_transform(_ExecTableForReaders)
    app.add_directive("claims-overview", ClaimsOverview)
    app.connect("doctree-resolved", _link_claims)
    app.connect("env-updated", _check_claims_overview)
    app.connect("env-merge-info", _merge_env)
    app.connect("env-get-outdated", _outdated_by_claims)
    app.connect("build-finished", _fail_on_unknown_claims)
    app.connect("build-finished", _write_explorer_grid)
    app.add_config_value("werkzorg_vega_js", "vendor/vega-bundle.js", "html")
    app.add_config_value("werkzorg_vega_markers", ["vegaEmbed", "wz-verkenner", "werkzorg-vega"], "html")
    app.connect("html-page-context", _add_vega_where_needed, priority=900)
    app.connect("html-page-context", _add_explorer_data, priority=901)
    app.connect("html-page-context", _drop_idle_widget_manager, priority=950)
    app.add_config_value("werkzorg_vega_view_js", "vendor/vega-view.js", "html")
    app.add_config_value("werkzorg_vega_view_marker", 'class="werkzorg-live"', "html")
    app.connect("html-page-context", _add_vega_view_where_needed, priority=900)
    app.connect("build-finished", _write_chart_downloads)
    app.connect("html-page-context", _dedupe_scripts, priority=999)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
