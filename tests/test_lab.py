"""Jupyter for analysts: `make lab` serves notebooks/*.md as notebooks, and `make notebooks` runs them.

The lab test starts the real server through the Makefile on a free port of 127.0.0.1, asks its
contents API for a MyST notebook *as a notebook* (cells, not text), runs that notebook on a
kernel, and stops the server.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str, token: str) -> tuple[int, dict]:
    req = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 (loopback)
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


@pytest.fixture
def lab_server():
    if shutil.which("make") is None:
        pytest.fail("make is needed to start `make lab`")
    port, token = free_port(), "werkzorg-test-" + os.urandom(8).hex()
    env = {**os.environ, "JUPYTER_TOKEN": token, "BROWSER": "true"}
    proc = subprocess.Popen(["make", "-s", "lab", f"LAB_PORT={port}"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail("make lab stopped: " + proc.stdout.read().decode(errors="replace")[-2000:])
            try:
                if get_json(base + "/api/status", token)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not answer within 120 s")
        yield base, token
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_make_lab_serves_myst_notebooks_as_notebooks_and_they_run(lab_server):
    base, token = lab_server
    # only on this machine
    assert base.startswith("http://127.0.0.1:")
    # every notebook page of the book opens as a notebook (cells), not as text
    for md in sorted((REPO / "notebooks").glob("*.md")):
        status, m = get_json(f"{base}/api/contents/notebooks/{md.name}?type=notebook&content=1", token)
        assert status == 200 and m["type"] == "notebook", (md.name, status, m.get("type"))
        assert any(c["cell_type"] == "code" for c in m["content"]["cells"]), md.name
    status, model = get_json(base + "/api/contents/notebooks/deeltijd.md?type=notebook&content=1", token)
    assert status == 200 and model["type"] == "notebook" and model["format"] == "json"
    cells = model["content"]["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert len(code) >= 2 and any("ipywidgets" in c["source"] for c in code)
    assert any(c["cell_type"] == "markdown" and "Deeltijd" in c["source"] for c in cells)
    # double-clicking a .md in the lab opens it with the notebook editor
    overrides = json.loads((VENV_BIN.parent / "share/jupyter/lab/settings/overrides.json").read_text())
    assert overrides["@jupyterlab/docmanager-extension:plugin"]["defaultViewers"]["markdown"] == "Jupytext Notebook"
    # run the notebook the server gave us on a kernel
    nb = nbformat.from_dict(model["content"])
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    widget_views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widget_views, "the ipywidgets controls produced no widget view"


def test_run_notebooks_reports_success_and_failure(tmp_path):
    good = tmp_path / "goed.md"
    bad = tmp_path / "kapot.md"
    head = ("---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n"
            "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n")
    good.write_text(head + "# Goed\n\n```{code-cell} ipython3\nfrom werkzorg.data import cbs\nprint(len(cbs.load_all()))\n```\n")
    bad.write_text(head + "# Kapot\n\n```{code-cell} ipython3\n1 / 0\n```\n")
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, str(REPO / "tools" / "run_notebooks.py"), str(good), str(bad), "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "ok   goed.md" in res.stdout
    assert "FOUT kapot.md" in res.stdout and "ZeroDivisionError" in res.stdout
    assert "1 van 2 notebooks" in res.stdout and "Mislukt: kapot.md" in res.stdout
    # each notebook is announced before it runs, and the kernel's transport and shutdown notices stay out
    assert res.stdout.index("[1/2] goed.md ...") < res.stdout.index("ok   goed.md") < res.stdout.index("[2/2] kapot.md ...")
    for noise in ("without encryption", "KeyboardInterrupt"):
        assert noise not in res.stdout + res.stderr, res.stdout + res.stderr
    executed = nbformat.read(out / "goed.ipynb", as_version=4)
    assert executed.cells[1].outputs[0]["text"].strip().isdigit()


@pytest.mark.build
def test_make_notebooks_runs_every_notebook_outside_the_book(tmp_path):
    res = subprocess.run(["make", "-s", "notebooks"], cwd=REPO, capture_output=True, text=True,
                         timeout=3000)
    notebooks = sorted(p.name for p in (REPO / "notebooks").glob("*.md"))
    for name in notebooks:
        assert f"ok   {name}" in res.stdout, res.stdout + res.stderr[-3000:]
    assert f"{len(notebooks)} van {len(notebooks)} notebooks zonder fouten" in res.stdout
    assert res.returncode == 0
