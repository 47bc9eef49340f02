"""The OData readers on real API answers that people committed to public repositories.

The files are kept byte for byte in tests/fixtures/cbs/real/ (origin in its README): a paged
OData v3 answer (83599NED, two pages), a complete OData v3 table (80137ned) and a complete OData
v4 table from beta-odata4.cbs.nl (80072ned). The JSON answers are one line each, so the expected
values below cite the record (its "ID"/"Id") and the field, read by eye in the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from cbs_helpers import cell
from cli_helpers import run_cli

from werkzorg.data import cbs

REAL = Path(__file__).parent / "fixtures" / "cbs" / "real"
PAGED = REAL / "v3_83599NED"
V3 = REAL / "v3_80137ned"
V4 = REAL / "v4_80072ned"




# --------------------------------------------------------------------------- paged OData v3 (83599NED)

@pytest.fixture(scope="module")
def paged():
    return cbs.read_file(PAGED)


def test_paged_v3_answer_is_read_across_both_pages(paged):
    df = paged
    assert set(df["table_id"]) == {"83599NED"}             # from "odata.metadata" of page 1
    # page 1, record "ID":0: "Perioden":"2011KW01","BedrijfstakkenBranchesSBI2008":"T001081",
    #   "RegioS":"NL01  ","OpenstaandeVacatures_1":"   135.5"
    first = cell(df, period="2011KW01", BedrijfstakkenBranchesSBI2008="T001081", RegioS="NL01")
    assert first["value"] == 135.5 and first["freq"] == "kwartaal"
    # page 2 (UntypedDataSet_skip10000.json), last record "ID":15503: "2020KW02","435500 ","PV31  ","     0.1"
    last = cell(df, period="2020KW02", BedrijfstakkenBranchesSBI2008="435500", RegioS="PV31")
    assert last["value"] == 0.1
    # page 1 ends with "ID":9999 and page 2 starts with "ID":10000: one cell each, none lost or doubled
    assert cell(df, period="2012KW02", BedrijfstakkenBranchesSBI2008="300010", RegioS="PV23")["value"] == 1.0
    assert cell(df, period="2012KW03", BedrijfstakkenBranchesSBI2008="300010", RegioS="PV23")["value"] == 1.0
    # 10,000 records on page 1 and 5,504 on page 2, one topic each
    assert len(df) == 10000 + 5504
    assert df.attrs["selection"] is False                  # IDs run 0…15503 without a gap
    assert any("DataProperties.json" in n for n in df.attrs["notes"])   # no metadata beside it
    cbs.validate_tidy(df, "83599NED")


def test_first_page_given_as_file_reads_the_same(paged):
    df = cbs.read_file(PAGED / "UntypedDataSet.json")
    assert len(df) == len(paged)
    assert cell(df, period="2020KW02", BedrijfstakkenBranchesSBI2008="435500", RegioS="PV31")["value"] == 0.1


def test_missing_next_page_is_named_and_nothing_is_imported(repo, tmp_path):
    folder = tmp_path / "v3_83599NED"
    folder.mkdir()
    shutil.copy(PAGED / "UntypedDataSet.json", folder)
    with pytest.raises(cbs.CBSDataError, match="UntypedDataSet_skip10000.json"):
        cbs.read_file(folder)
    before = (repo / "data" / "cbs" / "manifest.yaml").read_bytes()
    rc, out, err = run_cli("data", "import", str(folder))
    assert rc == 1
    assert "volgende pagina ontbreekt" in err and "UntypedDataSet_skip10000.json" in err and "Er is niets veranderd" in err
    assert (repo / "data" / "cbs" / "manifest.yaml").read_bytes() == before
    assert not (repo / "data" / "cbs" / "83599NED.csv").exists()


def test_paged_answer_imports_through_the_command_line(repo):
    rc, out, err = run_cli("data", "import", str(PAGED))
    assert rc == 0, err
    assert "Let op:" in out and "DataProperties.json" in out
    entry = yaml.safe_load((repo / "data" / "cbs" / "manifest.yaml").read_text())["tables"]["83599NED"]
    assert entry["selection"] is False
    back = cbs.load_snapshot("83599NED", repo / "data" / "cbs")
    assert cbs.lookup(back, "OpenstaandeVacatures_1", "2020KW02",
                      {"BedrijfstakkenBranchesSBI2008": "435500", "RegioS": "PV31"})["value"] == 0.1


# --------------------------------------------------------------------------- complete OData v3 table (80137ned)

@pytest.fixture(scope="module")
def v3():
    return cbs.read_file(V3)


def test_complete_v3_table_has_labels_units_groups_and_title(v3):
    df = v3
    assert set(df["table_id"]) == {"80137NED"}                 # folder name v3_80137ned
    assert df.attrs["title"] == "Arbeidsrekeningen; leeftijd en opleidingsniveau"   # TableInfos.json "Title"
    # TypedDataSet.json record "ID":0: "Persoonskenmerken":"1 ","BedrijfstakkenSBI93":"99",
    #   "Perioden":"2001JJ00","Totaal_1":8811.0,"Totaal_4":6636.4
    c = cell(df, Persoonskenmerken="1", BedrijfstakkenSBI93="99", period="2001JJ00", measure="Totaal_1")
    assert c["value"] == 8811.0
    assert c["Persoonskenmerken_label"] == "Totaal"                              # Persoonskenmerken.json "1 "
    assert c["BedrijfstakkenSBI93_label"] == "Totaal economische activiteiten"   # BedrijfstakkenSBI93.json "99"
    assert c["unit"] == "1 000 banen"                                            # DataProperties.json ID 4
    assert c["measure_group"] == "Gemiddeld aantal banen"                        # ParentID 3 → ID 3
    assert c["status"] == "definitief"                                           # Perioden.json "Definitief"
    # record "ID":674: "Persoonskenmerken":"9 ","BedrijfstakkenSBI93":"14","Perioden":"2005JJ00","PerGewerktUur_12":30.8
    last = cell(df, Persoonskenmerken="9", BedrijfstakkenSBI93="14", period="2005JJ00", measure="PerGewerktUur_12")
    assert last["value"] == 30.8 and last["unit"] == "euro"
    assert last["Persoonskenmerken_label"] == "Hoogst behaalde opleidingsniv:hoog"
    assert len(df) == 675 * 12                 # records 0…674, twelve topics (DataProperties IDs 4…18)
    assert df.attrs["selection"] is False and not df.attrs["notes"]
    cbs.validate_tidy(df, "80137NED")


def test_the_same_title_under_four_groups_is_found_by_its_group(v3):
    # DataProperties.json: "Totaal" is a topic of each of the four TopicGroups (IDs 4, 8, 12, 16)
    with pytest.raises(LookupError, match="4 cells match"):
        cbs.lookup(v3, {"title": "Totaal"}, "2001JJ00", {})
    hit = cbs.lookup(v3, {"title": "Totaal", "group": "Arbeidsvolume in arbeidsjaren"}, "2001JJ00", {})
    assert hit["value"] == 6636.4 and hit["unit"] == "1 000 arbeidsjaren"      # record "ID":0 "Totaal_4"


def test_complete_v3_table_imports_with_its_title(repo):
    rc, out, err = run_cli("data", "import", str(V3))
    assert rc == 0, err
    entry = yaml.safe_load((repo / "data" / "cbs" / "manifest.yaml").read_text())["tables"]["80137NED"]
    assert entry["title"] == "Arbeidsrekeningen; leeftijd en opleidingsniveau"
    assert entry["labelled"] is True


# --------------------------------------------------------------------------- complete OData v4 table (80072ned)

@pytest.fixture(scope="module")
def v4():
    return cbs.read_file(V4)


def test_v4_observations_get_measure_titles_units_labels_and_status(v4):
    df = v4
    assert set(df["table_id"]) == {"80072NED"}
    assert df.attrs["title"] == "Ziekteverzuimpercentage; bedrijfstakken (SBI 2008) en bedrijfsgrootte"  # Properties.json
    # Observations.json "Id":0: "Value":5.5,"Measure":"M001924","BedrijfskenmerkenSBI2008":"T001081",
    #   "ValueAttribute":"None","Perioden":"1996KW01"
    c = cell(df, BedrijfskenmerkenSBI2008="T001081", period="1996KW01")
    assert c["value"] == 5.5 and c["symbol"] == ""                     # ValueAttribute "None" is no symbol
    assert c["measure"] == "M001924" and c["measure_label"] == "Ziekteverzuimpercentage"   # MeasureCodes.json
    assert c["unit"] == "%"
    assert c["BedrijfskenmerkenSBI2008_label"] == "A-U Alle economische activiteiten"       # ...SBI2008Codes.json
    assert c["period_label"] == "1996 1e kwartaal" and c["status"] == "definitief"        # PeriodenCodes.json
    # "Id":4718 (last): "Value":6.0,"BedrijfskenmerkenSBI2008":"WP19098","Perioden":"2020KW01";
    # PeriodenCodes.json gives 2020KW01 "Status":"Voorlopig", the only provisional period
    last = cell(df, BedrijfskenmerkenSBI2008="WP19098", period="2020KW01")
    assert last["value"] == 6.0 and last["status"] == "voorlopig"
    assert last["BedrijfskenmerkenSBI2008_label"] == "100 of meer werkzame personen"
    assert set(df.loc[df["status"] == "voorlopig", "period"]) == {"2020KW01"}
    # 4,409 observations: the count the service gave ("@odata.count":4409 in test/meta_3.json of the
    # source repository, the answer to Observations?$count=true&$top=1)
    assert len(df) == 4409
    assert set(df["freq"]) == {"kwartaal", "jaar"}
    cbs.validate_tidy(df, "80072NED")


def test_v4_lookup_by_label_and_absent_observation(v4):
    # "Id":120: "Value":5.2,"BedrijfskenmerkenSBI2008":"T001081","Perioden":"2020KW01"
    hit = cbs.lookup(v4, {"title": "Ziekteverzuimpercentage"}, "2020KW01",
                     {"BedrijfskenmerkenSBI2008": "A-U Alle economische activiteiten"})
    assert hit["value"] == 5.2
    # Ids run to 4718 but there are 4,409 observations: CBS leaves out cells it has no figure for,
    # so some code never appears in some period; such a cell is not invented.
    assert v4["value"].notna().all()


def test_v4_table_imports_through_the_command_line(repo):
    rc, out, err = run_cli("data", "import", str(V4))
    assert rc == 0, err
    entry = yaml.safe_load((repo / "data" / "cbs" / "manifest.yaml").read_text())["tables"]["80072NED"]
    assert entry["title"].startswith("Ziekteverzuimpercentage")
    back = cbs.load_snapshot("80072NED", repo / "data" / "cbs")
    assert cbs.lookup(back, "M001924", "1996KW01", {"BedrijfskenmerkenSBI2008": "T001081"})["value"] == 5.5


# --------------------------------------------------------------------------- cbsodata (Python) cache of 84410NED

CBSODATA = REAL / "84410NED_cbsodata"


def test_cbsodata_cache_of_bare_json_lists_is_read_with_labels_groups_and_title():
    df = cbs.read_file(CBSODATA)
    assert set(df["table_id"]) == {"84410NED"}         # not in the folder name: TableInfos.json "Identifier"
    assert df.attrs["title"] == "ICT-gebruik bij kleine bedrijven; bedrijfsgrootte, 2018"   # TableInfos.json line 4
    # TypedDataSet.json lines 3–7: "ID": 0, "Bedrijfsgrootte": "WP19115", "ICTPersAangenomenWillenAannemen_1": 5, …,
    #   "ICTSpecialistenInLoondienst_3": 3
    c = cell(df, Bedrijfsgrootte="WP19115", measure="ICTPersAangenomenWillenAannemen_1")
    assert c["value"] == 5 and c["period"] == ""                                    # no time dimension
    assert c["Bedrijfsgrootte_label"] == "2 of meer werkzame personen"            # Bedrijfsgrootte.json lines 3–4
    assert c["measure_label"] == "ICT-pers. aangenomen/willen aannemen"          # DataProperties.json line 29
    assert c["unit"] == "% van bedrijven" and c["measure_group"] == "Personeel en ICT"   # lines 32, 26 → 19
    # DataProperties.json lines 64–70: ParentID 4 ("ICT-specialisten", itself under ID 1 "Personeel en ICT")
    s = cell(df, Bedrijfsgrootte="WP19115", measure="ICTSpecialistenInLoondienst_3")
    assert s["value"] == 3 and s["unit"] == "% van werkzame personen"
    assert s["measure_group"] == "Personeel en ICT | ICT-specialisten"
    # lines 1323–1325: "ID": 10, "Bedrijfsgrootte": "WP19109", "ICTPersAangenomenWillenAannemen_1": 61
    assert cell(df, Bedrijfsgrootte="WP19109", measure="ICTPersAangenomenWillenAannemen_1")["value"] == 61
    assert len(df) == 11 * 128
    assert df.attrs["selection"] is False
    cbs.validate_tidy(df, "84410NED")


def test_cbsodata_cache_data_file_alone_finds_its_table_beside_it():
    df = cbs.read_file(CBSODATA / "TypedDataSet.json")
    assert set(df["table_id"]) == {"84410NED"}
    assert cell(df, Bedrijfsgrootte="WP19109", measure="ICTPersAangenomenWillenAannemen_1")["value"] == 61


def test_cbsodata_cache_imports_through_the_command_line(repo):
    rc, out, err = run_cli("data", "import", str(CBSODATA))
    assert rc == 0, err
    entry = yaml.safe_load((repo / "data" / "cbs" / "manifest.yaml").read_text())["tables"]["84410NED"]
    assert entry["title"] == "ICT-gebruik bij kleine bedrijven; bedrijfsgrootte, 2018" and entry["labelled"] is True
