"""Sphinx extension: lighter pages (issue 11).

- No Font Awesome script. pydata-sphinx-theme loads ``fontawesome.js`` (1.45 MB) on every page,
  although its own stylesheet already draws every ``<i class="fa-...">`` icon with the Font
  Awesome web font. The theme's ``static/webpack-macros.html`` is copied at start-up without that
  one ``<script>`` line into a generated template folder that comes first on ``templates_path``.
- The Font Awesome fonts are cut down, after the build, to the icons the site uses: every
  ``fa-<name>`` class found in the built HTML and JavaScript, plus every icon the stylesheets
  draw themselves (admonition titles and the like). ``fa-solid-900.woff2`` goes from 156 kB
  to a few kB. A new icon in a page or template is picked up by the next build.
- Scripts are deferred (they run in the same order, after the page is parsed), so they no
  longer block the first paint. ``documentation_options.js`` stays synchronous: an inline
  script in every page writes to it at once. The search page is left as the theme makes it.
- Unused parts go: thebe (live code, switched off in ``_config.yml``) and, through
  a patched copy of the theme's layout, Sphinx's search scripts and search index on every page
  but the search page (the theme loads them everywhere for "search as you type", which is off).
- The book's own stylesheets (werkzorg.css, belemmeringen.css, ...) go to the browser as one
  file, ``_static/werkzorg-bundel.css``, in the same order.
- Images are loaded lazily, except the first of a page (it may be above the fold).
- The theme's stylesheets are cut, after the build, to the selectors the site can use
  (:mod:`werkzorg.postbuild.csspurge`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

FONTAWESOME_LINE = re.compile(r"^.*<script[^>]*scripts/fontawesome\.js[^>]*></script>\s*$\n?", re.M)
SEARCH_IF = "{% if pagename == 'search' %}"
SEARCH_IF_PATCHED = "{% if pagename == 'search' or not (theme_search_as_you_type | tobool) %}"
#: Scripts that must run as soon as the parser meets them (an inline script uses them at once).
KEEP_SYNC = ("documentation_options.js",)
#: Assets of sphinx-thebe (loaded by Jupyter Book even with thebe off).
THEBE_FILES = ("sphinx-thebe.js", "sphinx-thebe.css")
THEBE_INLINE = ("THEBE_JS_URL", "kernelName = ")
BUNDLE = "werkzorg-bundel.css"
PYDATA_THEMES = {"sphinx_book_theme", "pydata_sphinx_theme"}
FA_FONTS = ("fa-solid-900", "fa-regular-400", "fa-brands-400")


def _theme_dir() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"


def _generated_templates(app: Sphinx) -> Path:
    return Path(app.doctreedir).parent / "werkzorg-templates"


def _patch(text: str, pattern: re.Pattern[str] | str, repl: str, what: str) -> str:
    patched, count = (pattern.subn(repl, text) if isinstance(pattern, re.Pattern)
                      else (text.replace(pattern, repl), text.count(pattern)))
    if count != 1:
        raise ExtensionError(
            f"werkzorg.sphinxext.light_pages: pydata-sphinx-theme's {what} changed ({count} matches where 1 was expected); "
            "update src/werkzorg/sphinxext/light_pages.py for this theme version"
        )
    return patched


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def _install_templates(app: Sphinx, config: Any) -> None:
    """Patched copies of two theme templates, first on the template path.

    - ``static/webpack-macros.html`` without the fontawesome.js line;
    - ``pydata_sphinx_theme/layout.html`` (the name sphinx-book-theme's layout extends) loading
      Sphinx's search scripts only when "search as you type" is on.
    Both are generated from the installed theme, so the rest of each template follows the
    theme, and a project ``layout.html`` override (``{% extends "!layout.html" %}``) still works.
    """
    if config.html_theme not in PYDATA_THEMES:
        return
    theme = _theme_dir()
    out = _generated_templates(app)
    macros = (theme / "static" / "webpack-macros.html").read_text(encoding="utf-8")
    _write(out / "static" / "webpack-macros.html", _patch(macros, FONTAWESOME_LINE, "", "webpack-macros.html"))
    layout = (theme / "layout.html").read_text(encoding="utf-8")
    _write(out / "pydata_sphinx_theme" / "layout.html",
           _patch(layout, SEARCH_IF, SEARCH_IF_PATCHED, "layout.html search scripts"))
    paths = [str(out)]
    config.templates_path = paths + [p for p in config.templates_path if p not in paths]


def _filename(asset: Any) -> str:
    return str(getattr(asset, "filename", "") or "")


def _lighter_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Drop thebe; defer every script file but documentation_options.js (not on the search page)."""
    from sphinx.builders.html._assets import _JavaScript

    scripts = []
    for js in context.get("script_files", []):
        name = _filename(js)
        attrs = dict(getattr(js, "attributes", {}) or {})
        if name.endswith(THEBE_FILES) or (not name and any(m in attrs.get("body", "") for m in THEBE_INLINE)):
            continue
        if (pagename != "search" and name and not name.endswith(KEEP_SYNC) and "://" not in name
                and not {"async", "defer"} & set(attrs) and attrs.get("type") != "module"):
            attrs["defer"] = "defer"
            priority = attrs.pop("priority", getattr(js, "priority", 500))
            js = _JavaScript(name, priority=priority, **attrs)
        scripts.append(js)
    context["script_files"] = scripts
    css = [c for c in context.get("css_files", []) if not _filename(c).endswith(THEBE_FILES)]
    context["css_files"] = _bundle_own_css(app, css)


def _bundle_own_css(app: Sphinx, css: list) -> list:
    """One stylesheet instead of the book's own many small ones (each a request that blocks
    the first paint). Only the run of the book's own files at the end of the list is joined,
    in the same order, so the cascade is unchanged."""
    from sphinx.builders.html._assets import _CascadingStyleSheet

    source = Path(app.confdir) / "_static"
    css = sorted(css, key=lambda c: getattr(c, "priority", 500))  # the order Sphinx renders them in
    tail: list = []
    for c in reversed(css):
        name = _filename(c)
        attrs = set(getattr(c, "attributes", {}) or {}) - {"rel", "type", "priority"}
        if not name.startswith("_static/") or "/" in name[8:] or attrs or not (source / name[8:]).is_file():
            break
        tail.insert(0, c)
    if len(tail) < 2:
        return css
    parts = [(source / _filename(c)[8:]) for c in tail]
    text = "".join(f"/* ---- {p.name} ---- */\n{p.read_text(encoding='utf-8')}\n" for p in parts)
    # One fixed name, rewritten whenever its parts changed (also at the end of a build that
    # wrote no page), so pages from an earlier incremental build never point at stale CSS.
    target = Path(app.outdir) / "_static" / BUNDLE
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return css[: len(css) - len(tail)] + [_CascadingStyleSheet(f"_static/{BUNDLE}", priority=800)]


def _lazy_images(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for i, image in enumerate(doctree.findall(nodes.image)):
        if i and "loading" not in image:
            image["loading"] = "lazy"


# ---------------------------------------------------------------------------- font subset

_FA_CLASS_RULE = re.compile(r'((?:\.fa-[\w-]+:before,?)+)\{content:"(\\[0-9a-fA-F]{1,6})"\}')
_ESCAPE = re.compile(r'"\\([0-9a-fA-F]{4,6})"')
_PUA = re.compile("[\ue000-\uf8ff]")  # icons written as the character itself
_FA_TOKEN = re.compile(r"\bfa-[a-z0-9-]+")


def used_icon_codepoints(outdir: Path) -> set[int]:
    """Codepoints of every Font Awesome icon the built site can show."""
    styles = sorted((outdir / "_static").rglob("*.css"))
    name_to_cp: dict[str, int] = {}
    css_icons: set[int] = set()
    for css in styles:
        text = css.read_text(encoding="utf-8", errors="replace")
        for selectors, escape in _FA_CLASS_RULE.findall(text):
            cp = int(escape[1:], 16)
            for sel in selectors.split(","):
                if sel:
                    name_to_cp[sel[1:-len(":before")]] = cp
        # Icons a stylesheet draws itself (e.g. --pst-icon-admonition-note), not via a class.
        rest = _FA_CLASS_RULE.sub("", text)
        found = [int(e, 16) for e in _ESCAPE.findall(rest)] + [ord(c) for c in _PUA.findall(rest)]
        css_icons.update(cp for cp in found if 0xE000 <= cp <= 0xF8FF)
    tokens: set[str] = set()
    # Pages and the site's own scripts. Not fontawesome.js (no longer loaded; it names every
    # icon there is) nor vendor/ (the widget manager brings its own icon font).
    candidates = [*outdir.rglob("*.html"), *(outdir / "_static").rglob("*.js")]
    for path in candidates:
        if path.name == "fontawesome.js" or not path.is_file() or path.relative_to(outdir).parts[0] in {"vendor", "@jupyter-widgets"}:
            continue
        if "fa-" in (text := path.read_text(encoding="utf-8", errors="replace")):
            tokens.update(_FA_TOKEN.findall(text))
    return css_icons | {name_to_cp[t] for t in tokens if t in name_to_cp}


def subset_fonts(outdir: Path, codepoints: set[int]) -> dict[str, tuple[int, int]]:
    """Cut the Font Awesome fonts in the built site down to ``codepoints``; return sizes."""
    from fontTools import subset

    sizes = {}
    folder = outdir / "_static" / "vendor" / "fontawesome" / "webfonts"
    for font_file in sorted(folder.glob("fa-*")):
        if font_file.suffix not in {".woff2", ".ttf"} or font_file.stem not in FA_FONTS:
            continue
        before = font_file.stat().st_size
        # A warm rebuild reuses the cut font when the original font and the icon set are unchanged.
        cache = outdir.parent / "werkzorg-font-cache"
        cached, stamp = cache / font_file.name, cache / (font_file.name + ".key")
        data = font_file.read_bytes()
        if cached.is_file() and cached.read_bytes() == data:
            sizes[font_file.name] = (before, before)  # already the cut font (Sphinx did not copy it again)
            continue
        key = hashlib.sha256(data + repr(sorted(codepoints)).encode()).hexdigest()
        if stamp.is_file() and cached.is_file() and stamp.read_text(encoding="utf-8") == key:
            shutil.copyfile(cached, font_file)
            sizes[font_file.name] = (before, font_file.stat().st_size)
            continue
        options = subset.Options()
        options.flavor = "woff2" if font_file.suffix == ".woff2" else None
        options.layout_features = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(font_file), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(codepoints))
        subsetter.subset(font)
        subset.save_font(font, str(font_file), options)
        cache.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(font_file, cached)
        stamp.write_text(key, encoding="utf-8")
        sizes[font_file.name] = (before, font_file.stat().st_size)
    return sizes


def inputs_key(*folders: Path) -> str:
    """A key that changes when any file below ``folders`` changes (path, size, modification time)."""
    h = hashlib.sha256()
    for folder in folders:
        for f in sorted(folder.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                st = f.stat()
                h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def run_if_inputs_changed(outdir: str | Path, name: str, step: Any) -> bool:
    """Run ``step()`` unless its inputs (data/ and the werkzorg package) are as last time and the
    files it wrote then are all still there.

    For post-build steps whose result depends only on those inputs (the explorer grid, the chart
    downloads): a warm rebuild after a page edit skips them. ``step`` returns the paths it wrote;
    the stamp keeps them, so the check imports nothing of the step (its modules load pandas and
    altair, seconds of a warm rebuild). Returns whether the step ran.
    """
    import json

    from werkzorg.paths import data_dir

    stamp = Path(outdir).parent / ".werkzorg-stamps" / f"{name}.json"
    key = inputs_key(data_dir(), Path(__file__).resolve().parents[1])  # the whole werkzorg package
    try:
        last = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = {}
    if last.get("key") == key and last.get("outputs") and all(Path(p).is_file() for p in last["outputs"]):
        return False
    outputs = [str(p) for p in step()]
    if not outputs:
        raise ExtensionError(f"werkzorg: the post-build step {name!r} wrote no file")
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"key": key, "outputs": outputs}), encoding="utf-8")
    return True


def _subset_after_build(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    if app.builder.format == "html":
        _bundle_own_css(app, list(getattr(app.builder, "_css_files", [])))
    if app.config.html_theme not in PYDATA_THEMES or not (outdir / "_static" / "vendor" / "fontawesome").is_dir():
        return
    codepoints = used_icon_codepoints(outdir)
    if not codepoints:
        raise ExtensionError("werkzorg.sphinxext.light_pages: found no Font Awesome icons in the built site; the theme changed?")
    sizes = subset_fonts(outdir, codepoints)
    logger.info("werkzorg.sphinxext.light_pages: Font Awesome cut to %d icons: %s", len(codepoints),
                ", ".join(f"{n} {a // 1024}->{b // 1024} KiB" for n, (a, b) in sizes.items()))
    # After the font subset, which reads the icon rules of the full stylesheets.
    from werkzorg.postbuild import csspurge

    cut = csspurge.purge_site(outdir)
    logger.info("werkzorg.sphinxext.light_pages: stylesheets cut to the selectors the site uses: %s",
                ", ".join(f"{Path(n).name} {a // 1024}->{b // 1024} KiB" for n, (a, b) in cut.items()))


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _install_templates)
    app.connect("html-page-context", _lighter_page, priority=950)
    app.connect("doctree-resolved", _lazy_images)
    app.connect("build-finished", _subset_after_build)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
