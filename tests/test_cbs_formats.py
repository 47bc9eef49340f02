"""Readers tried on real CBS downloads that people committed to public repositories.

Every file under tests/fixtures/cbs/real/ is kept byte for byte; its origin is in that folder's
README. The expected values below were read by eye from the source files (line numbers given),
not produced by the code under test.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
import yaml
from cbs_helpers import cell
from cli_helpers import run_cli

from werkzorg.data import cbs

REAL = Path(__file__).parent / "fixtures" / "cbs" / "real"
FIX = Path(__file__).parent / "fixtures" / "cbs"
REPO = Path(__file__).resolve().parents[1]


def snapshot_bytes(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "data" / "cbs").iterdir())}




def test_every_real_fixture_is_listed_with_its_origin():
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    files = [p for p in REAL.rglob("*") if p.is_file() and p.name != "README.md"]
    assert len(files) == 61   # the rows of the README add up to this
    for p in files:
        rel = p.relative_to(REAL).as_posix()
        assert f"`{rel}`" in readme or f"`{p.parent.name}/`" in readme, rel
    for word in ("repository", "commit", "licen"):
        assert word in readme.lower()


# --------------------------------------------------------------------------- raw dataset CSV, English, with metadata

def test_english_typed_dataset_with_metadata_84917ENG():
    df = cbs.read_file(REAL / "84917ENG_TypedDataSet_15012025_115740.csv")
    assert set(df["table_id"]) == {"84917ENG"}
    assert "Periods" not in df.columns  # the time dimension became the period columns
    # line 715: "713";"E006588 ";"E007022 ";"2023JJ00";"96674";"5.42"
    c = cell(df, EnergySourcesAndTechniques="E006588", EnergyApplication="E007022", period="2023JJ00",
             measure="FinalConsumption_1")
    assert c["value"] == 96674 and c["unit"] == "TJ" and c["measure_label"] == "Final consumption"
    assert c["EnergySourcesAndTechniques_label"] == "Wind energy, total"          # metadata line 168
    assert c["EnergyApplication_label"] == "Total energy applications"            # metadata line 247
    assert c["status"] == "nader voorlopig"                                       # metadata line 287
    r = cell(df, EnergySourcesAndTechniques="E006588", EnergyApplication="E007022", period="2022JJ00",
             measure="FinalConsumptionRelative_2")
    assert r["value"] == 4.16 and r["unit"] == "% total energy cons."             # line 714
    assert not df.attrs["notes"] and df.attrs["selection"] is False
    assert df.attrs["title"].startswith("Renewable energy; consumption")
    cbs.validate_tidy(df, "84917ENG")


def test_filtered_download_without_metadata_is_a_selection_and_says_what_is_lost():
    df = cbs.read_file(REAL / "83435NED_TypedDataSet_06112023_144215.csv")
    assert df.attrs["selection"] is True          # IDs start at 21 (line 2) and skip
    assert any("83435NED_metadata.csv" in n and "labels" in n and "eenheden" in n for n in df.attrs["notes"])
    # line 2: "21";"T001354";"2019JJ00";"71680013";"35726627";"35953386"
    c = cell(df, LuchthavensHerkomstBestemming="T001354", period="2019JJ00", measure="TotaalAantalPassagiers_1")
    assert c["value"] == 71680013
    assert c["LuchthavensHerkomstBestemming_label"] == "T001354" and c["unit"] == ""
    assert not cbs.is_labelled(df)


def test_untyped_padded_cells_and_symbols_37789ksz():
    df = cbs.read_file(REAL / "37789ksz_social_security.csv", table_id="37789ksz")
    assert set(df["table_id"]) == {"37789KSZ"}    # table id normalised
    # line 14: "12";"1998JJ00";"   892.5";…;"   305.6";"       .";"";"       .";"   415.7";…
    assert cell(df, period="1998JJ00", measure="BijstandsuitkeringenTotDeAOWLeeftijd_12")["value"] == 415.7
    dot = cell(df, period="1998JJ00", measure="TotaalBijstandsuitkeringen_11")
    assert math.isnan(dot["value"]) and dot["symbol"] == "."
    empty = cell(df, period="1998JJ00", measure="IOWUitkeringen_10")
    assert math.isnan(empty["value"]) and empty["symbol"] == ""
    assert cell(df, period="1998MM01", measure="WAOUitkeringen_2")["value"] == 714.0   # line 2
    assert cell(df, period="1998MM01", measure="WAOUitkeringen_2")["freq"] == "maand"


# --------------------------------------------------------------------------- StatLine website CSV

def test_website_csv_old_statweb_english_with_topic_levels_and_provisional_period():
    df = cbs.read_file(REAL / "death_cause_nl.csv", table_id="7052eng")
    assert set(df["table_id"]) == {"7052ENG"}
    assert df.attrs["title"] == "Deaths; underlying cause of death (shortlist), sex, age"
    # line 7: "2 Neoplasms";"Total neoplasms";"number";"15311";…;"46934"
    c = cell(df, measure_label="Total neoplasms", period="1950JJ00")
    assert c["value"] == 15311 and c["unit"] == "number" and c["measure_group"] == "2 Neoplasms"
    assert c["Sex_label"] == "Total males and females" and c["Age_label"] == "Total of all ages"
    p = cell(df, measure_label="Total neoplasms", period="2016JJ00")
    assert p["value"] == 46934 and p["status"] == "voorlopig"        # header "2016*"
    assert cell(df, measure_label="Average population", period="2016JJ00")["value"] == 17031403  # line 23
    # 19 topic rows × 9 periods, the footer (line 24, Windows-1252 ©) is not data
    assert len(df) == 19 * 9
    assert df.attrs["selection"] is True
    assert any("Windows-1252" in n for n in df.attrs["notes"])


def test_website_csv_without_table_id_names_the_problem():
    with pytest.raises(cbs.CBSDataError, match="death_cause_nl.csv: tabelnummer onbekend.*--table"):
        cbs.read_file(REAL / "death_cause_nl.csv")


def test_website_csv_no_longer_gets_a_wrong_diagnosis(repo):
    rc, out, err = run_cli("data", "import", str(REAL / "death_cause_nl.csv"))
    assert rc == 1 and "kopregel heeft maar één kolom" not in err and "tabelnummer onbekend" in err


# --------------------------------------------------------------------------- entity CSVs (cbsodata(R) style)

def test_entity_csvs_with_topic_groups_83781ENG():
    df = cbs.read_file(REAL / "83781ENG_entities")
    assert set(df["table_id"]) == {"83781ENG"}                   # from TableInfos.csv
    # TypedDataSet.csv line 12: 10,T009002,2022JJ00,-1.2,55.0,45.0,-8.2,-3.0,1.4,8.9
    c = cell(df, HouseholdCharacteristics="T009002", period="2022JJ00", measure="k_20thPercentile_4")
    assert c["value"] == -8.2 and c["unit"] == "%"
    assert c["measure_label"] == "20th percentile"
    assert c["measure_group"] == "Purchasing power development(percentile)"   # DataProperties ParentID 5.0
    assert c["status"] == "voorlopig"                                          # Periods.csv line 12
    assert c["HouseholdCharacteristics_label"] == "Total persons"
    top = cell(df, HouseholdCharacteristics="T009002", period="2022JJ00", measure="MedianDevelopmentPurchasingPower_1")
    assert top["measure_group"] == "" and top["value"] == -1.2
    # the same cell looked up by what CBS publishes: title within its group
    hit = cbs.lookup(df, {"title": "20th percentile", "group": "Purchasing power development(percentile)"},
                     "2022JJ00", {"HouseholdCharacteristics": "Total persons"})
    assert hit["value"] == -8.2


def test_entity_csvs_untyped_give_the_same_numbers(tmp_path):
    folder = tmp_path / "u"
    shutil.copytree(REAL / "83781ENG_entities", folder)
    (folder / "TypedDataSet.csv").unlink()
    typed = cbs.read_file(REAL / "83781ENG_entities")
    untyped = cbs.read_file(folder)
    key = ["HouseholdCharacteristics", "measure", "period"]
    a = typed.set_index(key)["value"].sort_index()
    b = untyped.set_index(key)["value"].sort_index()
    assert len(a) == len(b) == 3696
    assert ((a == b) | (a.isna() & b.isna())).all()


# --------------------------------------------------------------------------- OData v3 JSON, no time dimension, text topics

def test_v3_answer_without_time_dimension_keeps_place_names_as_text(repo):
    path = REAL / "84489NED_v3" / "TypedDataSet.json"
    df = cbs.read_file(path)
    assert set(df["table_id"]) == {"84489NED"}                   # from odata.metadata
    assert (df["period"] == "").all()
    veere = cell(df, Woonplaatsen="WP2774", measure="Naam_2")     # record "ID":1
    assert veere["text"] == "Veere" and math.isnan(veere["value"])
    assert cell(df, Woonplaatsen="WP2774", measure="Code_3")["text"] == "GM0717"
    assert len(df) == 2500 * 7
    assert any("DataProperties.json" in n for n in df.attrs["notes"])
    cbs.validate_tidy(df, str(path))
    rc, out, err = run_cli("data", "import", str(path))
    assert rc == 0, err
    assert "Let op:" in out and "DataProperties.json" in out
    back = cbs.load_snapshot("84489NED", repo / "data" / "cbs")
    assert cell(back, Woonplaatsen="WP2774", measure="Naam_2")["text"] == "Veere"
    assert cbs.lookup(back, "Naam_2", "", {"Woonplaatsen": "WP2774"})["text"] == "Veere"


# --------------------------------------------------------------------------- honest imports

def test_import_of_a_selection_warns_and_the_manifest_records_it(repo):
    rc, out, err = run_cli("data", "import", str(REAL / "83435NED_TypedDataSet_06112023_144215.csv"))
    assert rc == 0, err
    assert "83435NED_metadata.csv" in out and "selectie" in out
    entry = yaml.safe_load((repo / "data" / "cbs" / "manifest.yaml").read_text())["tables"]["83435NED"]
    assert entry["selection"] is True and entry["labelled"] is False
    assert any("labels" in n for n in entry["notes"])
    snap = (repo / "data" / "cbs" / "83435NED.csv").read_text()
    assert "selectie uit een CBS-tabel" in snap


def test_unlabelled_data_does_not_silently_replace_a_labelled_table(repo, tmp_path):
    # the hand-made 85264NED download, without its metadata file next to it
    folder = tmp_path / "dl"
    folder.mkdir()
    data = folder / "85264NED_TypedDataSet_23112026_101500.csv"
    shutil.copy(FIX / data.name, data)
    before = snapshot_bytes(repo)
    rc, out, err = run_cli("data", "import", str(data))
    assert rc == 1 and "passen niet bij de tabel die het boek gebruikt" in err and snapshot_bytes(repo) == before
    rc, out, err = run_cli("data", "import", str(data), "--vervang-tabel")
    assert rc == 1 and "alleen codes, geen labels" in err and "--zonder-labels" in err and str(data) in err
    assert "Er is niets veranderd" in err and snapshot_bytes(repo) == before
    # codes only, and two of the table's three dimensions: both replacements must be asked for
    rc, out, err = run_cli("data", "import", str(data), "--zonder-labels", "--vervang-tabel")
    assert rc == 0, err
    assert "85264NED: bijgewerkt" in out


@pytest.mark.parametrize("given, expected", [("80590ned", "80590NED"), (" 84917eng ", "84917ENG"),
                                             ("37789ksz", "37789KSZ"), ("7052_95", "7052_95")])
def test_table_ids_are_normalised(given, expected):
    assert cbs.normalise_table_id(given) == expected


@pytest.mark.parametrize("bad", ["", "NED", "80590NED; rm", "../80590NED"])
def test_bad_table_ids_are_refused(bad):
    with pytest.raises(cbs.CBSDataError, match="geen StatLine-tabelnummer"):
        cbs.normalise_table_id(bad)


def test_import_with_lower_case_table_option(repo):
    rc, out, err = run_cli("data", "import", str(REAL / "death_cause_nl.csv"), "--table", "7052eng")
    assert rc == 0, err
    assert "7052ENG" in yaml.safe_load((repo / "data" / "cbs" / "manifest.yaml").read_text())["tables"]


def test_cbsodataR_output_dutch_with_geo_dimension_and_half_years_83262NED():
    df = cbs.read_file(REAL / "83262NED_cbsodataR")
    assert set(df["table_id"]) == {"83262NED"}
    assert df.attrs["title"].startswith("Wmo-cli\u00ebnten")
    # data.csv line 5: 3,"T001038","T009002","T001024","NL01  ","2016HJ01",965695,57
    c = cell(df, Geslacht="T001038", KenmerkenVanPersonen="T009002", TypeMaatwerkarrangement="T001024",
             RegioS="NL01", period="2016HJ01", measure="WmoClienten_1")
    assert c["value"] == 965695 and c["unit"] == "aantal" and c["freq"] == "halfjaar"
    assert c["RegioS_label"] == "Nederland" and c["Geslacht_label"] == "Totaal mannen en vrouwen"
    assert cell(df, Geslacht="T001038", KenmerkenVanPersonen="T009002", TypeMaatwerkarrangement="T001024",
                RegioS="NL01", period="2016HJ01", measure="WmoClientenPer1000Inwoners_2")["value"] == 57
    empty = cell(df, Geslacht="T001038", KenmerkenVanPersonen="T009002", TypeMaatwerkarrangement="T001024",
                 RegioS="NL01", period="2015HJ01", measure="WmoClienten_1")   # line 2: empty cells
    assert math.isnan(empty["value"])


def test_cbsodataR_output_of_80590ned_keeps_topic_groups_apart():
    df = cbs.read_file(REAL / "80590ned_cbsodataR")
    assert set(df["table_id"]) == {"80590NED"}
    # data.csv line 2: 275,"T001038","52052   ","2019KW01",9480,9493,9030,9069,450,424,4.7,4.5,3496,3482,73.1,73.2,69.6,69.9
    row = df[(df["period"] == "2019KW01") & (df["measure_label"] == "Niet-seizoengecorrigeerd")]
    by_group = dict(zip(row["measure_group"], row["value"]))
    assert by_group == {"Beroepsbevolking": 9480, "Werkzame beroepsbevolking": 9030, "Werkloze beroepsbevolking": 450,
                        "Werkloosheidspercentage": 4.7, "Niet-beroepsbevolking": 3496,
                        "Bruto arbeidsparticipatie": 73.1, "Netto arbeidsparticipatie": 69.6}
    assert cell(df, period="2019KW01", measure="NietSeizoengecorrigeerd_13")["unit"] == "%"
    assert cell(df, period="2019KW01", measure="NietSeizoengecorrigeerd_13")["Leeftijd_label"] == "15 tot 75 jaar"
    assert df.attrs["selection"] is True   # IDs start at 275


# --------------------------------------------------------------------------- raw dataset CSV, unquoted 2025 style

def test_unquoted_2025_dataset_without_time_dimension_50140NED():
    path = REAL / "50140NED_TypedDataSet_22092025_192544.csv"
    assert cbs.detect_format(path) == "dataset-csv"
    df = cbs.read_file(path)
    assert set(df["table_id"]) == {"50140NED"}
    # line 2: 0;T009002;MW00000;NL01  ;28.3;22.5;10.6;…   (no quotes, BOM before "ID", CRLF)
    c = cell(df, Persoonskenmerken="T009002", Marges="MW00000", RegioS="NL01", measure="MoeiteMetRondkomen_1")
    assert c["value"] == 28.3 and c["period"] == "" and c["freq"] == ""     # the table has no Perioden
    assert cell(df, RegioS="NL01", measure="HeeftSchulden_3")["value"] == 10.6
    # line 3: 1;T009002;MW00000;CG01  ;24;14.7;…;24.5;;8.6;;30;…  (fields 22 and 24 empty)
    assert cell(df, RegioS="CG01", measure="MoeiteMetRondkomen_1")["value"] == 24
    empty = cell(df, RegioS="CG01", measure="SuicidegedachtenHeelVaak_18")            # header field 22
    assert math.isnan(empty["value"]) and empty["symbol"] == ""
    assert cell(df, RegioS="CG01", measure="GepraatOverSuicidegedachten_19")["value"] == 8.6
    # last line (366): 364;T009002;MW00000;GG7306;…
    assert "GG7306" in set(df["RegioS"])
    assert len(df) == 365 * 148            # 365 data lines, 148 topic columns after ID and 3 dimensions
    assert any("50140NED_metadata.csv" in n for n in df.attrs["notes"])
    cbs.validate_tidy(df, "50140NED")


def test_unquoted_2025_dataset_imports_through_the_command_line(repo):
    rc, out, err = run_cli("data", "import", str(REAL / "50140NED_TypedDataSet_22092025_192544.csv"))
    assert rc == 0, err
    back = cbs.load_snapshot("50140NED", repo / "data" / "cbs")
    assert cbs.lookup(back, "MoeiteMetRondkomen_1", "", {"RegioS": "NL01"})["value"] == 28.3


# --------------------------------------------------------------------------- StatLine website CSV, flat layout

KERNCIJFERS_2025 = REAL / "Regionale_kerncijfers_Nederland_11122025_133649.csv"


def test_flat_website_csv_2025_decimal_comma_and_topic_paths():
    assert cbs.detect_format(KERNCIJFERS_2025) == "flat-csv"
    df = cbs.read_file(KERNCIJFERS_2025, table_id="70072ned")
    assert set(df["table_id"]) == {"70072NED"}
    # line 1, columns 1–3: "Perioden";"Regio's";"Bevolking/Bevolkingssamenstelling op 1 januari/Totale bevolking (aantal)"
    # line 2: "2025";"Nederland";18044027;…
    c = cell(df, **{"Regio's": "Nederland"}, period="2025JJ00", measure_label="Totale bevolking")
    assert c["value"] == 18044027 and c["unit"] == "aantal"
    assert c["measure_group"] == "Bevolking | Bevolkingssamenstelling op 1 januari"
    # column 13: "…/Leeftijd/Leeftijdsgroepen, relatief/Jonger dan 5 jaar (%)"; line 2 has 4,8 and line 3 (Aa en Hunze) 3,9
    young = cell(df, **{"Regio's": "Nederland"}, period="2025JJ00", measure_label="Jonger dan 5 jaar", unit="%")
    assert young["value"] == 4.8
    assert young["measure_group"] == "Bevolking | Bevolkingssamenstelling op 1 januari | Leeftijd | Leeftijdsgroepen, relatief"
    assert cell(df, **{"Regio's": "Aa en Hunze"}, measure_label="Jonger dan 5 jaar", unit="%")["value"] == 3.9
    # line 4: "2025";"Aalburg";;;;… (a former municipality: every field empty)
    gone = df[df["Regio's"] == "Aalburg"]
    assert len(gone) == 61 and gone["value"].isna().all()
    # a "/" inside a name does not split it (column 63: "…/Gediplomeerden/Wo master/doctoraal (aantal)";
    # column 57: "…/Leerlingen/studenten/Beroepsbegeleidende leerweg (aantal)")
    titles = set(df["measure_label"])
    assert "Wo master/doctoraal" in titles and "doctoraal" not in titles
    lbl = cell(df, **{"Regio's": "Nederland"}, measure_label="Beroepsbegeleidende leerweg")
    assert lbl["measure_group"] == "Onderwijs | Naar woongemeente | Leerlingen/studenten"
    assert len(df) == 729 * 61               # 729 data lines, 61 topic columns
    assert df.attrs["selection"] is True and df.attrs["labelled"] is True
    cbs.validate_tidy(df, "70072NED")


def test_flat_website_csv_old_quoted_style_with_padding():
    path = REAL / "SES_WOA_scores_per_wijk_en_buurt_10022023_163026.csv"
    assert cbs.detect_format(path) == "flat-csv"
    df = cbs.read_file(path, table_id="85163NED")
    # line 2: "2019";"Burgwallen-Oude Zijde";"    2900";"  -0.022";"   0.892"
    c = cell(df, **{"Wijken en buurten": "Burgwallen-Oude Zijde"}, measure_label="Gemiddelde score")
    assert c["value"] == -0.022 and c["unit"] == "Getal" and c["measure_group"] == "SES-WOA | Totaalscore"
    assert cell(df, **{"Wijken en buurten": "Burgwallen-Oude Zijde"}, measure_label="Particuliere huishoudens",
                period="2019JJ00")["value"] == 2900
    assert len(df) == 9 * 3


def test_flat_website_csv_symbols_and_a_text_topic_then_duplicate_names_are_refused():
    path = REAL / "SES_WOA_scores_per_wijk_en_buurt_25042023_160857.csv"
    # line 319: "2019";"Frankendael";"WK036355  ";…  and line 323: "2019";"Frankendael";"BU03635504";… —
    # a wijk and a buurt with the same name: the labels cannot tell the rows apart
    with pytest.raises(cbs.CBSDataError, match=r"regel 323: dezelfde labels \(2019; Frankendael\) staan ook op regel 319"):
        cbs.read_file(path, table_id="85163NED")


def test_flat_website_csv_without_period_column():
    path = REAL / "Nabijheid_voorzieningen__buurt_2021_10022023_162519.csv"
    df = cbs.read_file(path, table_id="85231NED")
    # line 1: "Wijken en buurten";"Vrije tijd en cultuur/Afstand tot bibliotheek (km)"; line 2: "Nederland";"     2.0"
    c = cell(df, **{"Wijken en buurten": "Nederland"})
    assert c["value"] == 2.0 and c["unit"] == "km" and c["period"] == ""
    assert c["measure_label"] == "Afstand tot bibliotheek" and c["measure_group"] == "Vrije tijd en cultuur"
    assert len(df) == 11


def test_flat_website_csv_needs_a_table_id_and_imports_with_one(repo):
    rc, out, err = run_cli("data", "import", str(KERNCIJFERS_2025))
    assert rc == 1 and "tabelnummer onbekend" in err and "--table" in err
    rc, out, err = run_cli("data", "import", str(KERNCIJFERS_2025), "--table", "70072ned")
    assert rc == 0, err
    assert "selectie" in out
    back = cbs.load_snapshot("70072NED", repo / "data" / "cbs")
    hit = cbs.lookup(back, {"title": "Totale bevolking", "group": "Bevolking | Bevolkingssamenstelling op 1 januari"},
                     "2025JJ00", {"Regio's": "Nederland"})
    assert hit["value"] == 18044027


@pytest.mark.parametrize("name", ["Overledenen__doodsoorzaak__leeftijd_08122020_130106.csv",
                                  "Regionale_kerncijfers_Nederland_11122025_133649.csv"])
def test_download_date_in_a_file_name_is_not_taken_for_a_table_id(tmp_path, name):
    # StatLine names a website download after its title plus _<ddmmyyyy>_<hhmmss> (the file names of
    # the real downloads above); "2020_13" and "2025_13" in them look like an old-style table id (7052_95).
    src = REAL / ("death_cause_nl.csv" if name.startswith("Overledenen") else name)
    path = tmp_path / name
    shutil.copy(src, path)
    with pytest.raises(cbs.CBSDataError, match="tabelnummer onbekend"):
        cbs.read_file(path)


# --------------------------------------------------------------------------- StatLine website CSV, opendata.cbs.nl table layout

BEROEPSBEVOLKING_1800 = REAL / "Beroepsbevolking__vanaf_1800__12_uursgrens___1800_2013_04042019_154346.csv"


def _without_columns(src: Path, dst: Path, drop_header_cells: set[str]) -> Path:
    """The download as an analyst gets it after leaving out some periods on StatLine: the same
    bytes, minus the named columns (every field stays quoted, BOM and CRLF kept)."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(src.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    drop = {i for r in rows for i, c in enumerate(r) if c in drop_header_cells}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for r in rows:
        writer.writerow([c for i, c in enumerate(r) if i not in drop])
    dst.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return dst


def test_website_csv_2019_table_layout_names_the_revision_break_it_cannot_map():
    # line 4: "Geslacht";"Onderwerp";"";"1800";…;"2000";"2001 voor revisie";"2001 na revisie";"2002";…
    # StatLine shows one year twice around a revision; the website gives labels, not the two codes.
    assert cbs.detect_format(BEROEPSBEVOLKING_1800) == "website-csv"
    with pytest.raises(cbs.CBSDataError, match=r"regel 4: periode '2001 voor revisie' niet herkend"):
        cbs.read_file(BEROEPSBEVOLKING_1800, table_id="71882ned")


def test_website_csv_2019_table_layout(tmp_path):
    path = _without_columns(BEROEPSBEVOLKING_1800, tmp_path / BEROEPSBEVOLKING_1800.name,
                            {"2001 voor revisie", "2001 na revisie"})
    df = cbs.read_file(path, table_id="71882ned")
    assert set(df["table_id"]) == {"71882NED"}
    assert df.attrs["title"] == "Beroepsbevolking; vanaf 1800 (12-uursgrens), 1800-2013"        # line 1
    assert set(df["Persoonskenmerken_label"]) == {"Totaal"}        # line 2: "Persoonskenmerken: Totaal"
    # line 5: "Mannen en vrouwen";"Beroepsbevolking";"x 1 000";"849";"852";…
    c = cell(df, Geslacht="Mannen en vrouwen", measure_label="Beroepsbevolking", period="1800JJ00")
    assert c["value"] == 849 and c["unit"] == "x 1 000" and c["freq"] == "jaar"
    assert cell(df, Geslacht="Mannen en vrouwen", measure_label="Beroepsbevolking", period="1801JJ00")["value"] == 852
    # line 13 (last data line): "Vrouwen";"Werkloze beroepsbevolking";"x 1 000";".";".";…;"233";"301"
    dot = cell(df, Geslacht="Vrouwen", measure_label="Werkloze beroepsbevolking", period="1800JJ00")
    assert math.isnan(dot["value"]) and dot["symbol"] == "."
    assert cell(df, Geslacht="Vrouwen", measure_label="Werkloze beroepsbevolking", period="2013JJ00")["value"] == 301
    # nine data lines (3 × Geslacht, 3 topics) × 213 periods (215 labels minus the two left out);
    # the footer "Bron: CBS" (line 14) is not data
    assert len(df) == 9 * 213
    assert set(df["Geslacht"]) == {"Mannen en vrouwen", "Mannen", "Vrouwen"}
    cbs.validate_tidy(df, "71882NED")


def test_website_csv_2021_table_layout_with_units_row_and_decimal_comma(repo):
    path = REAL / "Consumentenprijzen__prijsindex_2015_100_07012021_123946.csv"
    assert cbs.detect_format(path) == "website-csv"
    df = cbs.read_file(path, table_id="83131NED")
    assert df.attrs["title"] == "Consumentenprijzen; prijsindex 2015=100"                       # line 1
    assert set(df["Bestedingscategorieën_label"]) == {"000000 Alle bestedingen"}                  # line 2
    # lines 4–5: "";"CPI";"CPI afgeleid";"Jaarmutatie CPI";"Jaarmutatie CPI afgeleid"
    #            "Perioden";"2015 = 100";"2015 = 100";"%";"%"
    # line 6:    "1996";"68,94";"73,25";"";""
    c = cell(df, measure_label="CPI", period="1996JJ00")
    assert c["value"] == 68.94 and c["unit"] == "2015 = 100" and c["freq"] == "jaar"
    assert cell(df, measure_label="CPI afgeleid", period="1996JJ00")["value"] == 73.25
    empty = cell(df, measure_label="Jaarmutatie CPI", period="1996JJ00")
    assert math.isnan(empty["value"]) and empty["unit"] == "%"
    # line 29: "2019";"106,16";"104,64";"2,6";"1,6"
    assert cell(df, measure_label="Jaarmutatie CPI", period="2019JJ00")["value"] == 2.6
    assert cell(df, measure_label="CPI", period="2019JJ00")["value"] == 106.16
    assert len(df) == 24 * 4              # 1996…2019, four topics; "Bron: CBS" (line 30) is not data
    cbs.validate_tidy(df, "83131NED")
    rc, out, err = run_cli("data", "import", str(path), "--table", "83131NED")
    assert rc == 0, err
    entry = yaml.safe_load((repo / "data" / "cbs" / "manifest.yaml").read_text())["tables"]["83131NED"]
    assert entry["title"] == "Consumentenprijzen; prijsindex 2015=100" and entry["selection"] is True
