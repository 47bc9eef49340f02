"""The data files read with libyaml's safe loader (werkzorg.data.yamlfile) give the same data as
PyYAML's own safe loader, and the loader still refuses anything but plain data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from werkzorg.data.yamlfile import SafeLoader, load_yaml

ROOT = Path(__file__).resolve().parents[1]
YAML_FILES = sorted([*(p for folder in ("data", "book") for p in (ROOT / folder).rglob("*.y*ml")),
                     ROOT / "_config.yml", ROOT / "_toc.yml"])


def test_every_data_file_is_covered():
    assert len(YAML_FILES) >= 10
    assert yaml.__with_libyaml__, "PyYAML without libyaml: reading the data files is ten times slower"
    assert SafeLoader is yaml.CSafeLoader


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_data_file_reads_the_same_as_with_pyyaml_itself(path: Path):
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.safe_load(text)


def test_python_objects_are_refused():
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['echo unsafe']")


def test_a_broken_file_says_where():
    with pytest.raises(yaml.YAMLError) as err:
        load_yaml("claims:\n  - id: a\n   bad: indent\n")
    assert "line 3" in str(err.value)
