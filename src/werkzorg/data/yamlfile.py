"""Reading the project's YAML files.

PyYAML's own parser is pure Python; with libyaml (which PyYAML's wheels carry) the same safe
loading is some ten times faster. The book build reads the data files hundreds of times (every
page that renders a data table, every handout and course pack), which took seconds of every build.
The safe loader's rules are the same either way: only plain data, no Python objects.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

#: libyaml's safe loader where PyYAML was built with it, else PyYAML's own.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str | bytes | IO) -> Any:
    """``yaml.safe_load``, with libyaml's parser when available."""
    return yaml.load(source, Loader=SafeLoader)  # noqa: S506  (a safe loader)
