"""Run every notebook in notebooks/ outside the book, as an analyst re-running them would.

    python tools/run_notebooks.py [--out DIR] [--timeout SECONDS] [NOTEBOOK.md ...]

Each MyST notebook is read with jupytext, executed with nbclient on the project's python3 kernel
(working directory: notebooks/, like the book build) and written as an executed .ipynb into
--out (a temporary folder by default). Prints a line when a notebook starts and one when it ends,
then a summary; exits 1 when any notebook failed, naming the cell and the error. Needs no network.

The kernel's own messages on stderr (the notice that it talks over TCP on 127.0.0.1 without
encryption, "KeyboardInterrupt caught in kernel" when it is stopped) are kept out of the output;
anything else the kernel writes there is shown, with the notebook's name. Channel waits are
sliced (werkzorg.nbexec), so a widget cell never leaves the run idle until the timeout.
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
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from werkzorg import nbexec  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
#: Kernel stderr lines that say nothing to a user (checked as substrings).
KERNEL_NOISE = (
    "Kernel is running over TCP without encryption",
    "KeyboardInterrupt caught in kernel",
    "To exit, you will have to explicitly quit this process",
    "Debugger warning: It seems that frozen modules are being used",
    "-Xfrozen_modules=off", "PYDEVD_DISABLE_FILE_VALIDATION", "Note: Debugging will proceed",
    "make the debugger miss breakpoints",
)


def kernel_messages(text: str) -> list[str]:
    """The kernel's stderr lines a user should see (noise removed)."""
    return [ln for ln in text.splitlines() if ln.strip() and not any(n in ln for n in KERNEL_NOISE)]


def run_one(path: Path, out: Path, timeout: int) -> tuple[bool, str, float, list[str]]:
    start = time.perf_counter()
    nb = jupytext.read(path)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as err:
        try:
            client.execute(stderr=err)  # passed on to the kernel process
            ok, msg = True, ""
        except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
            ok = False
            lines = [ln for ln in str(exc).splitlines() if ln.strip()]
            msg = lines[-1] if lines else type(exc).__name__
            for i, cell in enumerate(nb.cells):
                for o in cell.get("outputs", []):
                    if o.get("output_type") == "error":
                        msg = f"cel {i + 1}: {o.get('ename')}: {o.get('evalue')}"
        err.seek(0)
        extra = kernel_messages(err.read())
    nbformat.write(nb, out / (path.stem + ".ipynb"))
    return ok, msg, time.perf_counter() - start, extra


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="standaard: alle notebooks/*.md")
    ap.add_argument("--out", type=Path, help="map voor de uitgevoerde .ipynb (standaard: een tijdelijke map)")
    ap.add_argument("--timeout", type=int, default=600, help="seconden per cel")
    args = ap.parse_args(argv)
    nbexec.install()
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.md"))
    out = args.out or Path(tempfile.mkdtemp(prefix="werkzorg-notebooks-"))
    out.mkdir(parents=True, exist_ok=True)
    failed = []
    for n, p in enumerate(paths, 1):
        print(f"[{n}/{len(paths)}] {p.name} ...", flush=True)
        ok, msg, secs, extra = run_one(p.resolve(), out, args.timeout)
        for line in extra:
            print(f"      kernel: {line}", flush=True)
        print(f"{'ok  ' if ok else 'FOUT'} {p.name:32s} {secs:5.1f} s{'  ' + msg if msg else ''}", flush=True)
        if not ok:
            failed.append(p.name)
    print(f"{len(paths) - len(failed)} van {len(paths)} notebooks zonder fouten uitgevoerd; resultaten in {out}")
    if failed:
        print("Mislukt: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
