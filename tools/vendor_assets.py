"""Fetch the third-party JavaScript the static site needs into extra/vendor (not committed).

- vega + vega-lite + vega-embed, as one bundle from vl-convert-python (already a pinned
  Python dependency), for the household explorer;
- vega + vega-tooltip from the npm registry, one classic script, for the statistics pages;
- @jupyter-widgets/html-manager and require.js from the npm registry, so that widget
  state embedded in notebook pages renders without a CDN.

What each file holds (package, version, minimum, sha256) is recorded in tools/vendored.toml, the
one place to change a version. A file is (re)written when it is missing or its checksum differs
from the record; a freshly written file whose checksum differs stops the run with both sums.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "extra" / "vendor"
RECORD = ROOT / "tools" / "vendored.toml"
#: The bundle only sets window.vegaEmbed/vega/vegaLite; wrapped in a function (see vendor_vega).
VEGA_WRAPPER_START = '(function () {"use strict";\n'


def record() -> dict[str, dict]:
    """tools/vendored.toml as {path: entry}."""
    return {f["path"]: f for f in tomllib.loads(RECORD.read_text(encoding="utf-8"))["file"]}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def header(path: str) -> str:
    """The first line of a written file: what it holds, from the record."""
    pkgs = record()[path]["packages"]
    sources = sorted({p["source"] for p in pkgs})
    origin = "the npm registry" if sources == ["npm"] else ", ".join(sources)
    return "/* " + ", ".join(f"{p['name']}@{p['version']}" for p in pkgs) + f" from {origin} */"


def npm_spec(path: str, name: str) -> str:
    pkg = next(p for p in record()[path]["packages"] if p["name"] == name)
    return f"{name}@{pkg['version']}"


def up_to_date(path: str) -> bool:
    f = VENDOR / path
    return f.is_file() and sha256(f) == record()[path]["sha256"]


def check_written(path: str) -> None:
    got, want = sha256(VENDOR / path), record()[path]["sha256"]
    if got != want:
        sys.exit(f"{VENDOR / path}: sha256 {got}, tools/vendored.toml records {want}. If you changed a version "
                 "there on purpose, record this checksum; otherwise the download is not the recorded file.")


def vendor_vega() -> None:
    import vl_convert

    pkgs = {p["name"]: p["version"] for p in record()["vega-bundle.js"]["packages"]}
    have = {"vega": vl_convert.get_vega_version(), "vega-embed": vl_convert.get_vega_embed_version()}
    for name, version in have.items():
        if pkgs[name] != version:
            sys.exit(f"vl-convert-python bundles {name} {version}; tools/vendored.toml records {pkgs[name]}")
    out = VENDOR / "vega-bundle.js"
    out.parent.mkdir(parents=True, exist_ok=True)
    # The bundle only sets window.vegaEmbed/vega/vegaLite, but its top-level declarations
    # (e.g. `_`) collide with Sphinx's globals in a classic script. Wrapped in a function it
    # runs as a classic script, which also works from file:// (module scripts do not).
    out.write_text(header("vega-bundle.js") + "\n" + VEGA_WRAPPER_START + vl_convert.javascript_bundle() + "\n})();\n",
                   encoding="utf-8")
    print(f"vendored {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KiB)")


NPM_REGISTRY = "https://registry.npmjs.org/"


def _npm_pack(spec: str, workdir: Path) -> Path:
    """Download ``name@version`` from the npm registry, check its published sha512, unpack it.

    Plain HTTPS from Python (no npm needed): the registry's version document names the tarball
    and its integrity hash, which the download must match.
    """
    import base64
    import hashlib
    import json
    import urllib.parse
    import urllib.request

    name, version = spec.rsplit("@", 1)
    meta_url = NPM_REGISTRY + urllib.parse.quote(name, safe="@") + "/" + version
    with urllib.request.urlopen(meta_url, timeout=60) as resp:  # noqa: S310 (the npm registry)
        dist = json.load(resp)["dist"]
    with urllib.request.urlopen(dist["tarball"], timeout=120) as resp:  # noqa: S310
        data = resp.read()
    algo, _, expected = dist["integrity"].partition("-")
    if base64.b64encode(hashlib.new(algo, data).digest()).decode() != expected:
        sys.exit(f"{spec}: the download does not match the registry's {algo} integrity hash")
    archive = workdir / (name.replace("/", "_").lstrip("@") + ".tgz")
    archive.write_bytes(data)
    target = workdir / name.strip("@").replace("/", "_")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def vendor_vega_view() -> None:
    """vega + vega-tooltip from npm, one classic script (``window.vega``, ``window.vegaTooltip``)."""
    out = VENDOR / "vega-view.js"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        parts = [header("vega-view.js")]
        for p in record()["vega-view.js"]["packages"]:
            pkg = _npm_pack(f"{p['name']}@{p['version']}", Path(tmp))
            name = p["name"]
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
        hm = _npm_pack(npm_spec("widgets/embed-amd.js", "@jupyter-widgets/html-manager"), tmpdir)
        rq = _npm_pack(npm_spec("widgets/require.js", "requirejs"), tmpdir)
        shutil.copy(rq / "require.js", widgets / "require.js")
        dist = hm / "dist"
        shutil.copy(dist / "embed-amd.js", widgets / "embed-amd.js")
        fonts = [f for f in dist.iterdir() if f.suffix in {".woff", ".woff2", ".ttf", ".eot", ".svg"}]
        for f in fonts:
            shutil.copy(f, widgets / f.name)
        copy_widget_fonts(fonts)
    print(f"vendored widget manager into {widgets.relative_to(ROOT)}")


def main() -> None:
    if not up_to_date("vega-bundle.js"):
        vendor_vega()
        check_written("vega-bundle.js")
    if not up_to_date("vega-view.js"):
        vendor_vega_view()
        check_written("vega-view.js")
    if not (up_to_date("widgets/embed-amd.js") and up_to_date("widgets/require.js")):
        vendor_widgets()
        check_written("widgets/embed-amd.js")
        check_written("widgets/require.js")
    elif not all((ROOT / "extra" / d / "@jupyter-widgets").is_dir() for d in WIDGET_PAGE_FOLDERS):
        copy_widget_fonts([f for f in (VENDOR / "widgets").iterdir() if f.suffix != ".js"])


if __name__ == "__main__":
    main()
