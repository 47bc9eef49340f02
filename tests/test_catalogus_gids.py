"""Catalogue entries say what the Movisie toolbox says about them.

The expected facts were read from the toolbox (guide 000) by hand: Single SuperMom Werkt
is for mothers of 18 and over with Dutch at A2 level; We∞Match works with the Steunpunten
Vluchtelingen; the Toolbox Verandering van Binnenuit also covers LHBTI acceptance.
"""

from __future__ import annotations

import csv

import pytest

from werkzorg.data.toolbox import ToolsError, load_tools
from werkzorg.paths import data_dir

with (data_dir() / "tools.csv").open(encoding="utf-8", newline="") as _fh:
    ROWS = {r["id"]: r for r in csv.DictReader(_fh)}


@pytest.mark.parametrize("tool_id, must_say", [
    ("single-supermom-werkt", ["18 jaar", "A2"]),
    ("we-match", ["Steunpunten Vluchtelingen"]),
    ("toolbox-verandering-van-binnenuit", ["LHBTI"]),
])
def test_card_text_keeps_what_the_toolbox_says(tool_id, must_say):
    text = ROWS[tool_id]["description"]
    for phrase in must_say:
        assert phrase in text, f"{tool_id}: '{phrase}' missing from the description"


def test_no_card_names_an_organisation_the_toolbox_does_not():
    assert "vluchtelingenwerk" not in ROWS["we-match"]["description"].lower()


def test_every_address_says_where_it_comes_from():
    for tool in load_tools():
        if tool.url:
            assert tool.url_text and tool.url_source, tool.id


def test_an_address_without_a_source_is_refused(tmp_path):
    src = (data_dir() / "tools.csv").read_text(encoding="utf-8").splitlines()
    header = src[0].split(",")
    rows = list(csv.DictReader(src))
    row = next(r for r in rows if not r["url"])
    row["url"] = "https://voorbeeld.invalid/"
    row["url_text"] = "Website"
    path = tmp_path / "tools.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(ToolsError, match="url_source"):
        load_tools(path)
