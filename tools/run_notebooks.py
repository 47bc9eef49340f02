"""Run every notebook in notebooks/ outside the book, as an analyst re-running them would.

    python tools/run_notebooks.py [--out DIR] [--timeout SECONDS] [NOTEBOOK.md ...]

Each MyST notebook is read with jupytext, executed with nbclient on the project's python3 kernel
(working directory: notebooks/, like the book build) and written as an executed .ipynb into
--out (a temporary folder by default). Prints one line per notebook and a summary; exits 1 when
any notebook failed, naming the cell and the error. Needs no network.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def run_one(path: Path, out: Path, timeout: int) -> tuple[bool, str, float]:
    start = time.perf_counter()
    nb = jupytext.read(path)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
        ok, msg = True, ""
    except (CellExecutionError, CellTimeoutError) as exc:
        ok = False
        lines = [ln for ln in str(exc).splitlines() if ln.strip()]
        msg = lines[-1] if lines else type(exc).__name__
        for i, cell in enumerate(nb.cells):
            for o in cell.get("outputs", []):
                if o.get("output_type") == "error":
                    msg = f"cel {i + 1}: {o.get('ename')}: {o.get('evalue')}"
    nbformat.write(nb, out / (path.stem + ".ipynb"))
    return ok, msg, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="standaard: alle notebooks/*.md")
    ap.add_argument("--out", type=Path, help="map voor de uitgevoerde .ipynb (standaard: een tijdelijke map)")
    ap.add_argument("--timeout", type=int, default=600, help="seconden per cel")
    args = ap.parse_args(argv)
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.md"))
    out = args.out or Path(tempfile.mkdtemp(prefix="werkzorg-notebooks-"))
    out.mkdir(parents=True, exist_ok=True)
    failed = []
    for p in paths:
        ok, msg, secs = run_one(p.resolve(), out, args.timeout)
        print(f"{'ok  ' if ok else 'FOUT'} {p.name:32s} {secs:5.1f} s{'  ' + msg if msg else ''}", flush=True)
        if not ok:
            failed.append(p.name)
    print(f"{len(paths) - len(failed)} van {len(paths)} notebooks zonder fouten uitgevoerd; resultaten in {out}")
    if failed:
        print("Mislukt: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
