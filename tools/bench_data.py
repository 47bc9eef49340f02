"""Benchmark the CBS data layer and the statistics notebooks.

Prints:
1. the time to load all snapshots in data/cbs (goal: <= 1 s);
2. the time to parse a generated 100,000-record table in each format: StatLine CSV (+ metadata),
   OData v3 TypedDataSet (paged JSON) and OData v4 Observations (paged JSON) (goal: <= 3 s each);
3. the time to execute each statistics notebook (notebooks/*.md) with a fresh kernel.

    .venv/bin/python tools/bench_data.py [--records 100000] [--no-notebooks]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from werkzorg import cbs  # noqa: E402

NOTEBOOKS = ["arbeidsparticipatie", "deeltijd", "economische-zelfstandigheid", "migratieachtergrond", "zorg-in-cijfers"]
SEXES = [("T001038", "Totaal mannen en vrouwen"), ("3000   ", "Mannen"), ("4000   ", "Vrouwen")]


def _periods(n: int) -> list[tuple[str, str]]:
    out = []
    year = 1900
    while len(out) < n:
        out.append((f"{year}JJ00", str(year)))
        for q in range(1, 5):
            out.append((f"{year}KW{q:02d}", f"{year} {q}e kwartaal"))
        for m in range(1, 13):
            out.append((f"{year}MM{m:02d}", f"{year} maand {m}"))
        year += 1
    return out[:n]


def generate(folder: Path, records: int) -> dict[str, Path]:
    """Write one table of ``records`` records (3 sexes x ages x periods, 2 topics) in the three formats."""
    n_ages = 100
    n_periods = -(-records // (len(SEXES) * n_ages))
    ages = [(f"{70000 + i:05d}   ", f"leeftijdsgroep {i}") for i in range(n_ages)]
    periods = _periods(n_periods)
    rows = []
    i = 0
    for s, _ in SEXES:
        for a, _ in ages:
            for p, _ in periods:
                if i >= records:
                    break
                rows.append((i, s, a, p, 1000 + i % 977, round(50 + (i % 400) / 10, 1) if i % 97 else None))
                i += 1
    # StatLine CSV pair
    csv_path = folder / "99999NED_TypedDataSet_01012026_000000.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        fh.write('"ID";"Geslacht";"Leeftijd";"Perioden";"Aantal_1";"Percentage_2"\r\n')
        for rid, s, a, p, n, pct in rows:
            fh.write(f'"{rid}";"{s}";"{a}";"{p}";"{n}";' + (f'"{pct}"' if pct is not None else "") + "\r\n")
    meta = ['"TableInfos"', '"ID";"Title";"Identifier"', '"0";"Benchmarktabel";"99999NED"', '"DataProperties"',
            "ID;Position;ParentID;Type;Key;Title;Description;ReleasePolicy;Datatype;Unit;Decimals;Default",
            '"0";"0";;"Dimension";"Geslacht";"Geslacht";"";;;;;', '"1";"1";;"Dimension";"Leeftijd";"Leeftijd";"";;;;;',
            '"2";"2";;"TimeDimension";"Perioden";"Perioden";"";"true";;;;',
            '"3";"3";;"Topic";"Aantal_1";"Aantal";"";;"Long";"aantal";"0";"Impossible"',
            '"4";"4";;"Topic";"Percentage_2";"Percentage";"";;"Double";"%";"1";"Impossible"',
            '"Geslacht"', "Key;Title;Description"] + [f'"{k}";"{t}";""' for k, t in SEXES] + \
           ['"Leeftijd"', "Key;Title;Description"] + [f'"{k}";"{t}";""' for k, t in ages] + \
           ['"Perioden"', "Key;Title;Description;Status"] + [f'"{k}";"{t}";"";"Definitief"' for k, t in periods]
    (folder / "99999NED_metadata.csv").write_text("\r\n".join(meta) + "\r\n", encoding="utf-8")

    # OData v3 feed, pages of 10,000 records
    v3 = folder / "v3_99999NED"
    v3.mkdir()
    props = [{"Type": "Dimension", "Key": "Geslacht", "Title": "Geslacht"},
             {"Type": "Dimension", "Key": "Leeftijd", "Title": "Leeftijd"},
             {"Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
             {"Type": "Topic", "Key": "Aantal_1", "Title": "Aantal", "Unit": "aantal"},
             {"Type": "Topic", "Key": "Percentage_2", "Title": "Percentage", "Unit": "%"}]
    for name, value in (("DataProperties", props),
                        ("Geslacht", [{"Key": k, "Title": t} for k, t in SEXES]),
                        ("Leeftijd", [{"Key": k, "Title": t} for k, t in ages]),
                        ("Perioden", [{"Key": k, "Title": t, "Status": "Definitief"} for k, t in periods])):
        (v3 / f"{name}.json").write_text(json.dumps({"value": value}))
    page = 10000
    for start in range(0, len(rows), page):
        chunk = [{"ID": r[0], "Geslacht": r[1], "Leeftijd": r[2], "Perioden": r[3], "Aantal_1": r[4], "Percentage_2": r[5]}
                 for r in rows[start:start + page]]
        doc = {"value": chunk}
        if start + page < len(rows):
            doc["odata.nextLink"] = f"https://opendata.cbs.nl/ODataFeed/odata/99999NED/TypedDataSet?$skip={start + page}"
        name = "TypedDataSet.json" if start == 0 else f"TypedDataSet_skip{start}.json"
        (v3 / name).write_text(json.dumps(doc))

    # OData v4 Observations (one cell per row; missing cells absent), pages of 20,000 observations
    v4 = folder / "v4_99999NED"
    v4.mkdir()
    for name, value in (("MeasureCodes", [{"Identifier": "M1", "Title": "Aantal", "Unit": "aantal"},
                                          {"Identifier": "M2", "Title": "Percentage", "Unit": "%"}]),
                        ("Dimensions", [{"Identifier": "Geslacht", "Title": "Geslacht", "Kind": "Dimension"},
                                        {"Identifier": "Leeftijd", "Title": "Leeftijd", "Kind": "Dimension"},
                                        {"Identifier": "Perioden", "Title": "Perioden", "Kind": "TimeDimension"}]),
                        ("GeslachtCodes", [{"Identifier": k.strip(), "Title": t} for k, t in SEXES]),
                        ("LeeftijdCodes", [{"Identifier": k.strip(), "Title": t} for k, t in ages]),
                        ("PeriodenCodes", [{"Identifier": k, "Title": t, "Status": "Definitief"} for k, t in periods])):
        (v4 / f"{name}.json").write_text(json.dumps({"value": value}))
    obs = []
    for rid, s, a, p, n, pct in rows:
        obs.append({"Id": len(obs), "Measure": "M1", "ValueAttribute": "None", "Value": n, "Geslacht": s.strip(),
                    "Leeftijd": a.strip(), "Perioden": p})
        if pct is not None:
            obs.append({"Id": len(obs), "Measure": "M2", "ValueAttribute": "None", "Value": pct, "Geslacht": s.strip(),
                        "Leeftijd": a.strip(), "Perioden": p})
    page = 20000
    for start in range(0, len(obs), page):
        doc = {"value": obs[start:start + page]}
        if start + page < len(obs):
            doc["@odata.nextLink"] = f"https://datasets.cbs.nl/odata/v1/CBS/99999NED/Observations?$skip={start + page}"
        name = "Observations.json" if start == 0 else f"Observations_skip{start}.json"
        (v4 / name).write_text(json.dumps(doc))
    return {"StatLine CSV": csv_path, "OData v3 TypedDataSet": v3, "OData v4 Observations": v4}


def bench_notebooks() -> list[tuple[str, float]]:
    import jupytext
    from nbclient import NotebookClient

    out = []
    for name in NOTEBOOKS:
        path = ROOT / "notebooks" / f"{name}.md"
        nb = jupytext.read(path)
        t = time.perf_counter()
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        out.append((name, time.perf_counter() - t))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--no-notebooks", action="store_true")
    args = ap.parse_args()
    ok = True

    import os

    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs (a busy machine slows wall times)")
    cbs._SNAPSHOT_CACHE.clear()
    t = time.perf_counter()
    tables = cbs.load_all()
    dt = time.perf_counter() - t
    rows = sum(len(df) for df in tables.values())
    ok &= dt <= 1.0
    print(f"load all snapshots      {dt:6.3f} s  ({len(tables)} tables, {rows} rows)   goal <= 1 s  {'OK' if dt <= 1 else 'TOO SLOW'}")

    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        files = generate(Path(d), args.records)
        print(f"(generated {args.records} records in each format in {time.perf_counter() - t:.1f} s)")
        for fmt, path in files.items():
            t, c = time.perf_counter(), time.process_time()
            df = cbs.read_file(path)
            dt, dc = time.perf_counter() - t, time.process_time() - c
            ok &= dt <= 3.0
            print(f"parse {fmt:24s} {dt:6.3f} s wall, {dc:6.3f} s CPU  ({len(df)} tidy cells)   goal <= 3 s  "
                  f"{'OK' if dt <= 3 else 'TOO SLOW'}")

    if not args.no_notebooks:
        total = 0.0
        for name, dt in bench_notebooks():
            total += dt
            print(f"notebook {name:30s} {dt:6.2f} s")
        print(f"notebooks total                         {total:6.2f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
