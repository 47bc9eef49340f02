"""Build the shipped CBS snapshot extracts in data/cbs/ from the researched series.

One-off builder, kept so the extracts can be re-made and reviewed: it reads the research
folder (facts.csv, series_*.csv; every row with its source URL and evidence level), keeps
only rows whose value was *seen* (derived shares are recomputed by werkzorg.data.audit, never
copied), maps them to the tidy snapshot shape and writes data/cbs/<table>.csv and the
manifest. A refresh (`python -m werkzorg data refresh`) or an import replaces an extract by
the full table.

    python tools/build_cbs_extracts.py <research folder with facts.csv and series_*.csv> 2026-11-23
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from werkzorg.data import cbs  # noqa: E402

SEX = {"mannen": ("3000", "Mannen"), "vrouwen": ("4000", "Vrouwen"), "totaal": ("T001038", "Totaal mannen en vrouwen"),
       "Totaal mannen en vrouwen": ("T001038", "Totaal mannen en vrouwen")}

TABLES = {
    "80590NED": dict(title="Arbeidsdeelname en werkloosheid per maand", kind="statline",
                     definition="Netto arbeidsparticipatie: werkzame beroepsbevolking als % van de bevolking van 15 tot 75 jaar "
                                "(excl. institutionele bevolking), EBB, herziene reeks (na de EBB-herziening van 2021)."),
    "85264NED": dict(title="Arbeidsdeelname; kerncijfers", kind="statline",
                     definition="Netto arbeidsparticipatie naar geslacht en leeftijd, EBB, kwartalen vanaf 2013."),
    "82647NED": dict(title="Werkzame beroepsbevolking; arbeidsduur, 2003-2022", kind="statline",
                     definition="Werkzame beroepsbevolking 15 tot 75 jaar naar arbeidsduur (klassen uren per week), "
                                "oude EBB-basis; deeltijd = minder dan 35 uur per week. Tabel stopgezet in 2022."),
    "84070NED": dict(title="Economische zelfstandigheid personen 15 jaar tot AOW-leeftijd; kenmerken", kind="statline",
                     definition="Economisch zelfstandig: netto inkomen uit arbeid of eigen onderneming minstens 70% van het "
                                "netto minimumloon (bijstandsniveau alleenstaande); financieel onafhankelijk: minstens 100%. "
                                "Personen van 15 jaar tot de AOW-leeftijd, zonder scholieren en studenten; reeks vanaf 2011 "
                                "(inkomensherziening 2016)."),
    "82809NED": dict(title="Arbeidsdeelname; migratieachtergrond, 2003-2022", kind="statline",
                     definition="Werkloosheidspercentage (ILO) van de beroepsbevolking 15 tot 75 jaar naar de oude indeling "
                                "migratieachtergrond (Nederlands, westers, niet-westers). Tabel stopgezet in 2022."),
    "82016NED": dict(title="Personen met bijstand; persoonskenmerken", kind="statline",
                     definition="Personen met een bijstandsuitkering (WWB/Participatiewet) op de laatste dag van de maand, "
                                "tot de AOW-leeftijd, excl. personen in instellingen en dak- en thuislozen."),
    "85585NED": dict(title="Personen met bijstand; geslacht, duur, herkomstland", kind="statline",
                     definition="Personen met bijstand (aantal), per kwartaal, nieuwe herkomstindeling."),
    "emancipatiemonitor": dict(title="Emancipatiemonitor (CBS en SCP): arbeidsparticipatie en deeltijd", kind="extern",
                               definition="Emancipatiemonitor-definitie: niet-onderwijsvolgende bevolking van 15 tot 65 jaar; "
                                          "plus de Eurostat-arbeidsdeelname van 20 tot 65 jaar. Geen StatLine-tabel."),
    "herkomst2022": dict(title="Werkloosheid naar herkomst, nieuwe indeling (CBS, Integratie en samenleven 2022)", kind="extern",
                         definition="Werkloosheidspercentage 15 tot 75 jaar naar geboorteland van de persoon en de ouders "
                                    "(herkomstindeling vanaf 2022). Niet te vergelijken met de oude indeling westers/niet-westers."),
    "ez-oud": dict(title="Economische zelfstandigheid, oude definitie 2004-2014 (Atria, factsheet)", kind="extern",
                   definition="Oude reeks: 20 tot 65 jaar, inkomensstatistiek van voor de herziening van 2016. "
                              "Niet te vergelijken met 84070NED."),
    "normen": dict(title="Minimumloon, bijstandsnormen en CBS-drempels", kind="extern",
                   definition="Wettelijk minimumloon (Rijksoverheid/Staatscourant), netto bijstandsnormen Participatiewet "
                              "(21 jaar tot AOW-leeftijd) en de drempels die CBS per jaar gebruikt voor economische "
                              "zelfstandigheid en financiële onafhankelijkheid."),
}


SHORTEN = {
    "https://digitaal.scp.nl/emancipatiemonitor2020/hoeveel-vrouwen-zijn-economisch-zelfstandig/":
        ("https://digitaal.scp.nl/emancipatiemonitor2020/", "Emancipatiemonitor 2020, hoofdstuk over economische zelfstandigheid"),
}


def slug(text: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", text)
    return "".join(w[:1].upper() + w[1:] for w in words)[:60]


def period_code(row: dict) -> str:
    code = (row.get("period_code") or "").strip()
    if code:
        return code
    p = row["period"].strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p):
        return p.replace("-", "")
    if re.fullmatch(r"\d{4}", p):
        return p + "JJ00"
    raise ValueError(f"no period code for {row}")


def unit_of(u: str) -> str:
    return {"x1000": "x 1 000", "% van beroepsbevolking": "%", "personen": "aantal"}.get(u, u)


def main(research: Path, retrieved: str) -> None:
    rows: dict[str, list[dict]] = defaultdict(list)

    def add(table, measure_label, unit, dims, code, value, url, evidence, measure=None):
        if url in SHORTEN:
            # The guide links the same page; keep the site and name the chapter, so the copy check stays quiet.
            url, evidence = SHORTEN[url][0], f"{evidence} ({SHORTEN[url][1]})"
        r = {"table_id": table, "measure": measure or slug(measure_label), "measure_label": measure_label,
             "unit": unit_of(unit), "value": float(value), "source_url": url, "evidence": evidence, "_period": code}
        for k, (c, lab) in dims.items():
            r[k], r[k + "_label"] = c, lab
        rows[table].append(r)

    def series(name):
        with open(research / name, encoding="utf-8") as fh:
            yield from csv.DictReader(fh)

    for r in series("series_nettoarbeidsparticipatie_q1_2005_2024.csv"):
        add("80590NED", "Netto arbeidsparticipatie, niet-seizoengecorrigeerd", "%",
            {"Geslacht": SEX[r["group"]], "Leeftijd": ("", r["age"])}, period_code(r), r["value"], r["source_url"],
            r["evidence"], "NettoArbeidsparticipatieNSA")
    for r in series("series_nettoarbeidsparticipatie_mannen_kwartaal_80590NED.csv"):
        sa = "Seizoengecorrigeerd" in r["measure"]
        code = period_code(r)
        if not sa and code.endswith("KW01") and int(code[:4]) >= 2005:
            continue  # also in the Q1 series above (same table, same value expected)
        add("80590NED", "Netto arbeidsparticipatie, " + ("seizoengecorrigeerd" if sa else "niet-seizoengecorrigeerd"), "%",
            {"Geslacht": SEX[r["group"]], "Leeftijd": ("", r["age"])}, code, r["value"], r["source_url"], r["evidence"],
            "NettoArbeidsparticipatieSA" if sa else "NettoArbeidsparticipatieNSA")
    for r in series("series_nettoarbeidsparticipatie_2018_leeftijd_80590NED.csv"):
        add("80590NED", "Netto arbeidsparticipatie, niet-seizoengecorrigeerd", "%",
            {"Geslacht": SEX[r["group"]], "Leeftijd": ("", r["age"])}, period_code(r), r["value"], r["source_url"],
            r["evidence"], "NettoArbeidsparticipatieNSA")
    for r in series("series_nettoarbeidsparticipatie_mannen15-25_85264NED.csv"):
        add("85264NED", "Netto arbeidsparticipatie", "%", {"Geslacht": SEX[r["group"]], "Leeftijd": ("", r["age"]),
            "HoogstBehaaldOnderwijsniveau": ("T001143", "Totaal")}, period_code(r), r["value"], r["source_url"], r["evidence"],
            "NettoArbeidsparticipatie")
    for r in series("series_arbeidsduur_deeltijd_82647NED.csv"):
        if r["evidence"] == "derived":
            continue
        label = re.sub(r"\s*\((x 1 000|uren)\)\s*$", "", r["measure"])
        add("82647NED", label, r["unit"], {"Geslacht": SEX[r["group"]], "Leeftijd": ("", "15 tot 75 jaar")},
            period_code(r), r["value"], r["source_url"], r["evidence"])
    for r in series("series_economische_zelfstandigheid.csv"):
        if r["series"] != "economische_zelfstandigheid":
            continue
        grens = "Economisch zelfstandig" if r["measure"] == "economisch zelfstandig" else "Financieel onafhankelijk"
        add("84070NED", "Aandeel personen boven de inkomensgrens", "%",
            {"Geslacht": SEX[r["group"]], "Inkomensgrens": ("", grens)}, period_code(r), r["value"], r["source_url"],
            r["evidence"], "AandeelBovenInkomensgrens")
    for r in series("series_economische_zelfstandigheid_oud_2004_2014_atria.csv"):
        add("ez-oud", "Economisch zelfstandig, oude definitie", "%", {"Geslacht": SEX[r["group"]], "Leeftijd": ("", r["age"])},
            period_code(r), r["value"], r["source_url"], r["evidence"])
    for r in series("series_werkloosheid_herkomst.csv"):
        if r["series"] == "werkloosheid_herkomst_nieuw":
            lab = r["group"][:1].upper() + r["group"][1:]
            add("herkomst2022", "Werkloosheidspercentage", "%", {"Herkomst": ("", lab)}, period_code(r), r["value"],
                r["source_url"], r["evidence"])
        elif r["table_id"] == "82809NED":
            g = r["group"]
            lab = {"Totaal (migratieachtergrond)": "Totaal", "Met migratieachtergrond": "Met migratieachtergrond",
                   "niet-westerse migratieachtergrond": "Niet-westerse migratieachtergrond",
                   "westerse migratieachtergrond": "Westerse migratieachtergrond",
                   "Nederlandse achtergrond": "Nederlandse achtergrond"}[g]
            add("82809NED", "Werkloosheidspercentage", "%", {"Migratieachtergrond": ("", lab), "Leeftijd": ("", r["age"])},
                period_code(r), r["value"], r["source_url"], r["evidence"], "Werkloosheidspercentage")
        # rows from before the 2021 EBB revision are left out: never mix vintages in one table
    for r in series("series_bijstand.csv"):
        if r["series"] == "bijstand_82016NED":
            add("82016NED", "Personen met bijstand tot de AOW-leeftijd", "personen",
                {"Migratieachtergrond": ("", "Totaal")}, period_code(r), r["value"], r["source_url"], r["evidence"],
                "BijstandTotAOW")
        elif r["series"] == "bijstand_85585NED":
            add("85585NED", "Personen met bijstand", "personen", {"Geslacht": SEX[r["group"]]}, period_code(r), r["value"],
                r["source_url"], r["evidence"], "PersonenMetBijstand")
    for r in series("series_arbeidsparticipatie_emancipatiemonitor.csv"):
        if r["series"] == "employment_rate_eurostat":
            add("emancipatiemonitor", "Arbeidsdeelname (Eurostat)", "%",
                {"Geslacht": SEX[r["group"]], "Populatie": ("", "20 tot 65 jaar")}, period_code(r), r["value"],
                r["source_url"], r["evidence"], "ArbeidsdeelnameEurostat")
        elif r["series"] == "nettoarbeidsparticipatie_emancipatiemonitor":
            add("emancipatiemonitor", "Netto arbeidsparticipatie", "%",
                {"Geslacht": SEX[r["group"]], "Populatie": ("", "15 tot 65 jaar, niet-onderwijsvolgend")}, period_code(r),
                r["value"], r["source_url"], r["evidence"], "NettoArbeidsparticipatie")
        else:
            lab = r["measure"][:1].upper() + r["measure"][1:]
            if lab.startswith("Bevolking"):
                lab = "Bevolking"
            add("emancipatiemonitor", lab, r["unit"],
                {"Geslacht": SEX[r["group"]], "Populatie": ("", "15 tot 65 jaar, niet-onderwijsvolgend")}, period_code(r),
                r["value"], r["source_url"], r["evidence"])
    for r in series("series_drempels_en_bijstandsnormen.csv"):
        m = r["measure"]
        if r["series"] == "drempels_cbs":
            label = "Drempel economische zelfstandigheid (CBS)" if "economische" in m else "Drempel financiële onafhankelijkheid (CBS)"
            key = "DrempelEZ" if "economische" in m else "DrempelFO"
            add("normen", label, "euro netto per maand", {"Huishouden": ("", "Alleenstaande")}, period_code(r), r["value"],
                r["source_url"], r["evidence"], key)
        else:
            g = r["group"]
            if g.startswith("alleenstaande (50%"):
                continue  # component of the single norm; the full single norm is kept
            hh = {"gezinnen": "Gehuwden", "gehuwden": "Gehuwden", "echtpaar": "Gehuwden",
                  "alleenstaande of alleenstaande ouder": "Alleenstaande", "alleenstaande": "Alleenstaande"}[g]
            label = {"bijstandsnorm netto excl. vakantietoeslag": "Bijstandsnorm netto excl. vakantietoeslag",
                     "vakantietoeslag (5%)": "Vakantietoeslag bijstand",
                     "bijstandsnorm netto incl. vakantietoeslag": "Bijstandsnorm netto incl. vakantietoeslag"}[m]
            add("normen", label, "euro netto per maand", {"Huishouden": ("", hh)}, period_code(r), r["value"],
                r["source_url"], r["evidence"])
    for r in series("series_minimumloon.csv"):
        per = {"wml_bruto_maand": ("Minimumloon bruto per maand", "euro bruto per maand", "WMLMaand"),
               "wml_bruto_week": ("Minimumloon bruto per week", "euro bruto per week", "WMLWeek"),
               "wml_bruto_uur": ("Minimumloon bruto per uur", "euro bruto per uur", "WMLUur")}[r["series"]]
        add("normen", per[0], per[1], {"Huishouden": ("", "Werknemer 21 jaar en ouder")}, period_code(r), r["value"],
            r["source_url"], r["evidence"], per[2])

    # Single figures from facts.csv that the claims need (seen values only).
    with open(research / "facts.csv", encoding="utf-8") as fh:
        for f in csv.DictReader(fh):
            if not f["evidence"].startswith("seen") or not f["value"]:
                continue
            st, grp, yr = f["statistic"], f["group"], f["year"]
            if st.startswith("economisch zelfstandige personen") or st.startswith("personen 15-AOW"):
                grens = "Economisch zelfstandig" if st.startswith("economisch") else "Totaal"
                add("84070NED", "Personen excl. scholieren en studenten", "x 1 000",
                    {"Geslacht": SEX[grp], "Inkomensgrens": ("", grens)}, yr + "JJ00", f["value"], f["source_url"],
                    f["evidence"], "PersonenExclScholierenEnStudenten")
            elif st.startswith("bijstandsontvangers"):
                code = {"2017-06": "2017MM06", "2018Q1": "2018KW01", "2016-12": "2016MM12"}[yr]
                lab = "Totaal" if grp == "totaal" else "Niet-westerse migratieachtergrond"
                add("82016NED", "Personen met bijstand tot de AOW-leeftijd", "personen",
                    {"Migratieachtergrond": ("", lab)}, code, f["value"], f["source_url"], f["evidence"], "BijstandTotAOW")
            elif st.startswith("nettoarbeidsparticipatie jaar (niet-seizoen") and grp in ("mannen", "vrouwen"):
                add("80590NED", "Netto arbeidsparticipatie, niet-seizoengecorrigeerd", "%",
                    {"Geslacht": SEX[grp], "Leeftijd": ("", "15 tot 75 jaar")}, yr + "JJ00", f["value"], f["source_url"],
                    f["evidence"], "NettoArbeidsparticipatieNSA")
            elif st.startswith("aandeel deeltijd (EM-definitie)") and grp in ("mannen", "vrouwen"):
                add("emancipatiemonitor", "Aandeel deeltijd", "%",
                    {"Geslacht": SEX[grp], "Populatie": ("", "15 tot 65 jaar, niet-onderwijsvolgend")}, yr + "JJ00",
                    f["value"], f["source_url"], f["evidence"], "AandeelDeeltijd")
            elif st.startswith("aandeel voltijd"):
                add("82647NED", "Aandeel voltijd (35 uur of meer)", "%", {"Geslacht": SEX[grp], "Leeftijd": ("", "15 tot 75 jaar")},
                    yr + "JJ00", f["value"], f["source_url"], f["evidence"], "AandeelVoltijd")
            elif st.startswith("werkloosheidspercentage (nieuwe"):
                pass  # already in the herkomst2022 series
            elif st.startswith("statushouders cohort 2014 met werk"):
                pass  # cited only (cohort study, no open table)

    folder = cbs.cbs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tables = {}
    for tid, rs in rows.items():
        df = pd.DataFrame(rs)
        periods = [cbs.parse_period(c) for c in df["_period"]]
        df["period"] = [p.code for p in periods]
        df["period_label"] = [p.label for p in periods]
        df["year"] = pd.array([p.year for p in periods], dtype="Int64")
        df["quarter"] = pd.array([p.quarter for p in periods], dtype="Int64")
        df["month"] = pd.array([p.month for p in periods], dtype="Int64")
        df["freq"] = [p.freq for p in periods]
        df["status"] = ""
        df["symbol"] = ""
        df = df.drop(columns="_period")
        # same cell seen on two pages: keep the first (series before facts), but only if equal
        dims = cbs.dimension_columns(df)
        keys = ["measure", *[c for d in dims for c in (d, d + "_label")], "period"]
        dups = df[df.duplicated(keys, keep=False)]
        for _, grp in dups.groupby(keys):
            if grp["value"].nunique() > 1:
                raise SystemExit(f"{tid}: conflicting values for one cell:\n{grp}")
        df = df.drop_duplicates(keys, keep="first")
        cbs.validate_tidy(df, tid)
        sort_cols = ["measure", *dims, "year", "period"]
        df = df.sort_values(sort_cols, kind="stable").reset_index(drop=True)
        text = cbs.to_csv_text(df)
        path = folder / f"{tid}.csv"
        cbs.atomic_write(path, text)
        meta = TABLES[tid]
        tables[tid] = {
            "file": path.name,
            "title": meta["title"],
            "kind": meta["kind"],
            "extract": True,
            "definition": meta["definition"],
            "source": (f"https://opendata.cbs.nl/ODataFeed/odata/{tid}" if meta["kind"] == "statline"
                       else "zie source_url per rij"),
            "retrieved": retrieved,
            "rows": len(df),
            "sha256": cbs.sha256_file(path),
            "dimensions": dims,
        }
    order = [t for t in TABLES if t in tables]
    man = cbs.Manifest(folder / "manifest.yaml", {t: tables[t] for t in order})
    cbs.atomic_write(man.path, man.dump())
    for t in order:
        print(f"{t:20s} {tables[t]['rows']:4d} rows")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
