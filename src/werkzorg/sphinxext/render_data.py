"""Render structured data (YAML/CSV in ``data/``) into a page through a Jinja template.

The ``render-data`` directive keeps structure as data and prose as prose: the same
YAML (barriers per level, dialogue methods, tools, lesson plans) feeds a chapter table,
a printable card page and the tests. Usage in MyST::

    ```{render-data} book/_templates/levels.md.j2
    :data: data/belemmeringen.yaml
    ```

The template receives ``data`` (the parsed file; for CSV a list of row dicts),
``claims`` (the claims registry) and ``options`` (extra directive options as given by
``:arg:`` lines, e.g. ``:arg: part=cards``). Its output is parsed as MyST markdown, so
roles such as ``{term}``, ``{cite}`` and ``{claim}`` work inside it. The page is rebuilt
when the data file or the template changes.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import jinja2
import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from ..data.yamlfile import load_yaml


def load_data_file(path: Path) -> Any:
    """Load a YAML or CSV data file; CSV gives a list of dicts (all values as strings)."""
    if path.suffix in {".yaml", ".yml"}:
        return load_yaml(path.read_text(encoding="utf-8"))
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    raise ValueError(f"{path}: unsupported data file type (use .yaml, .yml or .csv)")


def _parse_args(values: list[str]) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, val = item.partition("=")
        if not sep:
            raise ValueError(f"render-data: ':arg:' needs key=value, got '{item}'")
        out[key.strip()] = val.strip()
    return out


class RenderData(SphinxDirective):
    """``{render-data} TEMPLATE`` with ``:data: FILE`` and optional ``:arg: key=value`` lines."""

    required_arguments = 1
    option_spec = {"data": directives.unchanged_required, "arg": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        root = Path(self.env.app.confdir)
        template_path = root / self.arguments[0]
        data_path = root / self.options["data"]
        for p in (template_path, data_path):
            if not p.is_file():
                raise self.error(f"render-data: file not found: {p.relative_to(root)}")
            self.env.note_dependency(str(p))
        try:
            data = load_data_file(data_path)
            args = _parse_args([a for a in (self.options.get("arg") or "").split(";") if a.strip()])
        except (ValueError, yaml.YAMLError, csv.Error) as exc:
            raise self.error(f"render-data: {exc}") from exc
        from .roles_and_pages import claims_for

        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_path.parent)),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        try:
            text = env.get_template(template_path.name).render(
                data=data, claims=claims_for(self.env.app), options=args
            )
        except jinja2.TemplateError as exc:
            raise ExtensionError(f"render-data: {template_path.name} with {data_path.name}: {exc}") from exc
        container = nodes.container(classes=["werkzorg-rendered"])
        self.state.nested_parse(StringList(text.splitlines(), source=str(data_path)), self.content_offset, container)
        return container.children


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("render-data", RenderData)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
