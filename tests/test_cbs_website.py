"""StatLine website CSV: what an analyst sees after importing a download, and how problems are named.

The small files below are written by hand in the website's layout; every expected number is read off
the file itself.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from werkzorg.data import cbs

# Periods across the columns, sexes in a header row, topics with their unit down the rows; Dutch
# decimal comma, CBS symbols and a provisional mark on one cell.
DUTCH = [
    '"Werkloosheid; geslacht"',                                                        # line 1
    '"";"";"Geslacht";"Mannen";"Mannen";"Vrouwen";"Vrouwen"',                          # line 2
    '"Onderwerp_1";"Onderwerp_2";"Perioden";"2024 januari";"2024 februari*";"2024 januari";"2024 februari*"',
    '"Werkloosheid";"Totaal";"%";"3,5";"3,6";"3,9";"4,0"',                             # line 4
    '"Werkloosheid";"Jongeren";"%";"8,1";"8,3";".";"9,0*"',                            # line 5
    '"Beroepsbevolking";"Beroepsbevolking";"x 1 000";"5012";"x";"4601";"-"',         # line 6
    '"Bron: CBS"',
]


def write(tmp_path: Path, lines: list[str], name: str = "download.csv") -> Path:
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
    return path


def one(df, **kw):
    sel = df
    for k, v in kw.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, kw
    return sel.iloc[0]


def test_dutch_download_numbers_symbols_and_provisional_figures(tmp_path):
    df = cbs.read_file(write(tmp_path, DUTCH), table_id="80590NED")
    assert len(df) == 3 * 4                      # three topic rows x four columns
    c = one(df, measure_label="Jongeren", Geslacht="Mannen", period="2024MM02")
    assert c["value"] == 8.3 and c["unit"] == "%" and c["measure_group"] == "Werkloosheid"
    assert c["status"] == "voorlopig"            # "2024 februari*" in the header
    assert one(df, measure_label="Totaal", Geslacht="Vrouwen", period="2024MM01")["value"] == 3.9
    missing = one(df, measure_label="Jongeren", Geslacht="Vrouwen", period="2024MM01")
    assert math.isnan(missing["value"]) and missing["symbol"] == "."
    marked = one(df, measure_label="Jongeren", Geslacht="Vrouwen", period="2024MM02")
    assert marked["value"] == 9.0 and marked["symbol"] == "" and marked["status"] == "voorlopig"
    # A topic without sub-topics repeats its label: one title, no group.
    bb = one(df, measure_label="Beroepsbevolking", Geslacht="Mannen", period="2024MM01")
    assert bb["value"] == 5012 and bb["measure_group"] == "" and bb["unit"] == "x 1 000"
    assert one(df, measure_label="Beroepsbevolking", Geslacht="Vrouwen", period="2024MM02")["value"] == 0  # "-" nihil
    secret = one(df, measure_label="Beroepsbevolking", Geslacht="Mannen", period="2024MM02")
    assert math.isnan(secret["value"]) and secret["symbol"] == "x"
    assert one(df, measure_label="Totaal", Geslacht="Mannen", period="2024MM01")["status"] == ""


def test_periods_down_the_rows_and_topics_across_with_a_units_row(tmp_path):
    lines = ['"Arbeidsdeelname"', '', '"Onderwerp";"Netto arbeidsparticipatie";"Werkzame beroepsbevolking"',
             '"Perioden";"%";"x 1 000"', '"2022";"70,0";"9100"', '"2023 1e kwartaal";"70,5";"."', '"Bron: CBS"']
    df = cbs.read_file(write(tmp_path, lines), table_id="85264NED")
    assert len(df) == 4
    c = one(df, measure_label="Werkzame beroepsbevolking", period="2022JJ00")
    assert c["value"] == 9100 and c["unit"] == "x 1 000" and c["year"] == 2022
    q = one(df, measure_label="Netto arbeidsparticipatie", period="2023KW01")
    assert q["value"] == 70.5 and q["quarter"] == 1 and q["freq"] == "kwartaal"


@pytest.mark.parametrize("line, new, problem", [
    (5, '"Werkloosheid";"Jongeren";"%";"8,1";"n.v.t.";".";"9,0*"', "kolom Werkloosheid | Jongeren: geen getal en geen CBS-teken: 'n.v.t.'"),
    (6, '"Werkloosheid";"Totaal";"%";"1";"2";"3";"4"', "dubbele rij: dezelfde labels staan ook op regel 4"),
    (3, DUTCH[2].replace("2024 januari", "2024 foo", 1), "periode '2024 foo' niet herkend"),
    (4, '"Werkloosheid";"Totaal";"%";"3,5"x;"3,6";"3,9";"4,0"', "CSV kan niet gelezen worden"),
])
def test_a_malformed_download_names_file_line_and_problem(tmp_path, line, new, problem):
    lines = list(DUTCH)
    lines[line - 1] = new
    path = write(tmp_path, lines)
    with pytest.raises(cbs.CBSDataError) as err:
        cbs.read_file(path, table_id="80590NED")
    assert str(path) in str(err.value)
    assert f"regel {line}:" in str(err.value)
    assert problem in str(err.value)


def test_the_first_problem_in_the_file_is_the_one_reported(tmp_path):
    lines = list(DUTCH)
    lines[5] = '"Beroepsbevolking";"Beroepsbevolking";"x 1 000";"veel";"x";"4601";"-"'   # line 6: bad cell
    lines[4] = '"Werkloosheid";"Totaal";"%";"3,5";"3,6";"3,9";"4,0"'                       # line 5: repeats line 4
    with pytest.raises(cbs.CBSDataError, match="regel 5: dubbele rij"):
        cbs.read_file(write(tmp_path, lines), table_id="80590NED")


def test_a_title_over_two_lines_keeps_the_line_numbers_right(tmp_path):
    lines = list(DUTCH)
    lines[0] = '"Werkloosheid;\ngeslacht"'          # the title now takes lines 1 and 2
    lines[4] = lines[4].replace('"8,3"', '"acht"')  # file line 6
    with pytest.raises(cbs.CBSDataError, match="regel 6: kolom Werkloosheid | Jongeren: geen getal"):
        cbs.read_file(write(tmp_path, lines), table_id="80590NED")
