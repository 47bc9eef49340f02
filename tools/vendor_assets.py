"""Fetch the third-party JavaScript the static site needs into extra/vendor (not committed).

- vega + vega-lite + vega-embed, as one bundle from vl-convert-python (already a pinned
  Python dependency), for the charts and the household explorer;
- @jupyter-widgets/html-manager and require.js from the npm registry, so that widget
  state embedded in notebook pages renders without a CDN.

Runs once; `make vendor` calls it when a file is missing. Versions are pinned here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HTML_MANAGER = "@jupyter-widgets/html-manager@1.0.14"
#: Vega alone (charts compiled to Vega at build time) plus its tooltip handler, for the statistics pages.
VEGA_VIEW = ("vega@5.30.0", "vega-tooltip@0.34.0")
REQUIREJS = "requirejs@2.3.7"

VEGA_WRAPPER_START = '/* vega, vega-lite, vega-embed from vl-convert-python */\n(function () {"use strict";\n'

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "extra" / "vendor"


def vendor_vega() -> None:
    import vl_convert

    out = VENDOR / "vega-bundle.js"
    out.parent.mkdir(parents=True, exist_ok=True)
    # The bundle only sets window.vegaEmbed/vega/vegaLite, but its top-level declarations
    # (e.g. `_`) collide with Sphinx's globals in a classic script. Wrapped in a function it
    # runs as a classic script, which also works from file:// (module scripts do not).
    out.write_text(VEGA_WRAPPER_START + vl_convert.javascript_bundle() + "\n})();\n", encoding="utf-8")
    print(f"vendored {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KiB)")


def _npm_pack(spec: str, workdir: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to fetch the widget manager (Debian: apt-get install npm)")
    name = subprocess.run(
        [npm, "pack", spec, "--silent"], cwd=workdir, check=True, capture_output=True, text=True
    ).stdout.strip().splitlines()[-1]
    target = workdir / spec.split("@")[-2].strip("/").replace("/", "_")
    with tarfile.open(workdir / name) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def vendor_vega_view() -> None:
    """vega + vega-tooltip from npm, one classic script (``window.vega``, ``window.vegaTooltip``)."""
    out = VENDOR / "vega-view.js"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        parts = [f"/* {', '.join(VEGA_VIEW)} from the npm registry (werkzorg.charts) */"]
        for spec in VEGA_VIEW:
            pkg = _npm_pack(spec, Path(tmp))
            name = spec.rsplit("@", 1)[0]
            parts.append((pkg / "build" / f"{name}.min.js").read_text(encoding="utf-8"))
        out.write_text("\n".join(parts) + "\n", encoding="utf-8")
    print(f"vendored {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KiB)")


#: Folders (relative to the site root) that hold notebook pages with widgets.
WIDGET_PAGE_FOLDERS = ("", "notebooks")


def copy_widget_fonts(fonts: list[Path]) -> None:
    """Put the widget icon fonts where the html-manager looks for them.

    Its webpack publicPath resolves against the *page*, so a page in ``notebooks/`` asks for
    ``notebooks/@jupyter-widgets/html-manager/dist/<font>`` (and, for some fonts,
    ``notebooks/@jupyter-widgets/<font>``). Without these copies each such page logs 404s.
    """
    for folder in WIDGET_PAGE_FOLDERS:
        base = ROOT / "extra" / folder / "@jupyter-widgets"
        for target in (base, base / "html-manager" / "dist"):
            target.mkdir(parents=True, exist_ok=True)
            for f in fonts:
                shutil.copy(f, target / f.name)


def vendor_widgets() -> None:
    widgets = VENDOR / "widgets"
    widgets.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        hm = _npm_pack(HTML_MANAGER, tmpdir)
        rq = _npm_pack(REQUIREJS, tmpdir)
        shutil.copy(rq / "require.js", widgets / "require.js")
        dist = hm / "dist"
        shutil.copy(dist / "embed-amd.js", widgets / "embed-amd.js")
        fonts = [f for f in dist.iterdir() if f.suffix in {".woff", ".woff2", ".ttf", ".eot", ".svg"}]
        for f in fonts:
            shutil.copy(f, widgets / f.name)
        copy_widget_fonts(fonts)
    print(f"vendored widget manager into {widgets.relative_to(ROOT)}")


def main() -> None:
    vega = VENDOR / "vega-bundle.js"
    if not vega.is_file() or not vega.read_text(encoding="utf-8").startswith(VEGA_WRAPPER_START):
        vendor_vega()
    if not (VENDOR / "vega-view.js").is_file():
        vendor_vega_view()
    if not (VENDOR / "widgets" / "embed-amd.js").is_file():
        vendor_widgets()
    elif not all((ROOT / "extra" / d / "@jupyter-widgets").is_dir() for d in WIDGET_PAGE_FOLDERS):
        copy_widget_fonts([f for f in (VENDOR / "widgets").iterdir() if f.suffix != ".js"])


if __name__ == "__main__":
    main()
