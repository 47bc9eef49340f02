"""Shared fixtures: one strict build of the book per session, a local server, headless Chromium.

Environment variables:
- ``WERKZORG_BUILD_DIR``: where the session build goes (``--path-output``); default the repo
  root, so ``make test`` leaves a readable ``_build/html``.
- ``WERKZORG_REUSE_BUILD=1``: use an existing ``_build/html`` instead of building (for quick
  iteration on browser tests only; ``make test`` never sets it).
- ``WERKZORG_GUIDES``: the folder with the guides' text for the copy check (tests/guides.py).
- ``WERKZORG_TIMELINE``: a file to write, at the end of the run, when each test ran in which
  process and when the session build ran (``tools/bench_tests.py`` reads it).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
import sitebuild

from werkzorg import nbexec

# Notebooks executed in the test process (nbclient) never wait for a reply that has arrived.
nbexec.install()

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
#: The site is served below this sub-path, as on GitHub Pages, to prove relative links work.
SUBPATH = "werkzorg"


def _out_root() -> Path:
    return Path(os.environ.get("WERKZORG_BUILD_DIR", ROOT))


def _run_id() -> str:
    return os.environ.setdefault("WERKZORG_TEST_RUN", uuid.uuid4().hex)


def pytest_addoption(parser):
    parser.addoption("--build-early", action="store_true",
                     help="start the session build of the book in the background as the run starts (make test)")


def pytest_configure(config):
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # workers share the controller's run id (inherited environment)
    os.environ["WERKZORG_TEST_RUN"] = uuid.uuid4().hex
    config.werkzorg_started = time.time()
    if config.getoption("--build-early") and os.environ.get("WERKZORG_REUSE_BUILD") != "1":
        config.werkzorg_build = sitebuild.start_in_background(_out_root(), _run_id())


def pytest_unconfigure(config):
    proc = getattr(config, "werkzorg_build", None)
    if proc is not None and proc.poll() is None:  # the run ended before the build: stop it
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # jupyter-book may sit in a notebook kernel: stop it hard
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    _write_timeline(config)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With ``--dist loadfile``: hand out files in the order of tests/xdist_plan.py (no-build files
    while the book builds, then the longest first). Any other ``--dist`` keeps xdist's own."""
    if config.getoption("dist") != "loadfile":
        return None
    import xdist_plan

    proc = getattr(config, "werkzorg_build", None)
    return xdist_plan.PlannedFileScheduling(
        config, log, build_ready=(lambda: proc.poll() is not None) if proc is not None else None)


_TIMELINE: list[dict] = []
_CPU_MARK: list[float] = []


def _tree_cpu_seconds() -> float:
    """CPU seconds used so far by this process, its reaped children and every descendant
    (chromedriver, Chromium's processes, a build's subprocesses): wall time alone cannot tell a
    test that computes from one that waits while the other process has the cores. A descendant
    that has gone (a closed browser) keeps the CPU it was last seen with."""
    tick = os.sysconf("SC_CLK_TCK")
    procs: dict[int, tuple[int, int, int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        # after the command name: state ppid ... utime(12) stime(13) cutime(14) cstime(15)
        procs[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]),
                                  int(fields[13]) + int(fields[14]))
    me = os.getpid()
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    # Each descendant with the child of this process it descends from: once that child is gone
    # and reaped, this process's cutime holds it and what it reaped, so its line in _CPU_GONE goes.
    seen: dict[int, tuple[int, int]] = {}
    todo = [(pid, pid) for pid in children.get(me, [])]
    while todo:
        pid, top = todo.pop()
        seen[pid] = (top, procs[pid][1])
        todo.extend((c, top) for c in children.get(pid, []))
    for pid, (top, ticks) in _CPU_SEEN.items():
        if pid not in seen and pid != top:
            _CPU_GONE[top] = _CPU_GONE.get(top, 0) + ticks
    for top in [t for t in _CPU_GONE if t not in seen]:
        del _CPU_GONE[top]
    _CPU_SEEN.clear()
    _CPU_SEEN.update(seen)
    own = procs.get(me, (0, 0, 0))
    return (own[1] + own[2] + sum(t for _, t in seen.values()) + sum(_CPU_GONE.values())) / tick


_CPU_SEEN: dict[int, tuple[int, int]] = {}
_CPU_GONE: dict[int, int] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """With WERKZORG_TIMELINE: each phase's report carries the CPU seconds its process tree used."""
    outcome = yield
    if os.environ.get("WERKZORG_TIMELINE"):
        now = _tree_cpu_seconds()
        last = _CPU_MARK[-1] if _CPU_MARK else now
        _CPU_MARK[:] = [now]
        outcome.get_result().user_properties.append(("cpu", round(now - last, 3)))


def pytest_runtest_logreport(report):
    """Record when each test phase ran and in which process (for WERKZORG_TIMELINE)."""
    if os.environ.get("WERKZORG_TIMELINE") and not os.environ.get("PYTEST_XDIST_WORKER"):
        node = getattr(report, "node", None)
        worker = node.gateway.id if node is not None else "main"
        _TIMELINE.append({"worker": worker, "nodeid": report.nodeid, "when": report.when,
                          "start": report.start, "stop": report.stop, "outcome": report.outcome,
                          "cpu": dict(report.user_properties).get("cpu")})


def _write_timeline(config) -> None:
    target = os.environ.get("WERKZORG_TIMELINE")
    if not target or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    try:
        build = json.loads((_out_root() / "_build" / ".session-build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        build = {}
    Path(target).write_text(json.dumps({
        "session_start": getattr(config, "werkzorg_started", None), "session_end": time.time(),
        "build": {k: build.get(k) for k in ("started", "finished", "ok")} if build.get("run") == _run_id() else {},
        "tests": _TIMELINE}, indent=0), encoding="utf-8")


def _needs_the_book(item) -> bool:
    return "built_site" in getattr(item, "fixturenames", ()) or any(
        item.get_closest_marker(m) for m in ("build", "browser"))


def pytest_collection_modifyitems(config, items):
    """Tests that need neither the book nor a browser run first, while the book builds (--build-early).

    A stable sort: the order within each group stays, and every xdist worker gets the same order.
    """
    items.sort(key=_needs_the_book)


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The whole book built once per run with warnings as errors; return the ``_build/html`` folder.

    Shared by every pytest process of the run (xdist workers) and by the background build that
    ``--build-early`` starts (tests/sitebuild.py).
    """
    html = _out_root() / "_build" / "html"
    if os.environ.get("WERKZORG_REUSE_BUILD") == "1" and (html / "index.html").is_file():
        return html
    html, state = sitebuild.ensure(_out_root(), _run_id())
    if not state["ok"]:
        pytest.fail(state["message"], pytrace=False)
    return html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


@contextlib.contextmanager
def serve_below_subpath(site: Path):
    """Serve ``site`` on 127.0.0.1 below ``/werkzorg/``, as a web host would; yield the base URL."""
    mount = Path(tempfile.mkdtemp(prefix="werkzorg-site-"))
    (mount / SUBPATH).symlink_to(site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(mount))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    finally:
        server.shutdown()
        shutil.rmtree(mount, ignore_errors=True)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> str:
    """Serve the built site on 127.0.0.1 below ``/werkzorg/``; return the base URL (ending in /)."""
    with serve_below_subpath(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def page_url(site_url: str):
    """Return a function mapping a site path (``book/intro/index.html``) to its URL."""
    return lambda path="": site_url + path.lstrip("/")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by selenium, with console and network logging."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("chromium/chromedriver missing: run `make browser-deps` (apt-get install chromium chromium-driver)")
    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
        f"--user-data-dir={tempfile.mkdtemp(prefix='werkzorg-chrome-')}",
    ):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    # Scripts that measure every element of a long page (the CSS cut's fingerprints) need more than
    # selenium's default 30 s when two test processes share two cores with a build; tests may set less.
    driver.set_script_timeout(120)
    yield driver
    driver.quit()


def drain_logs(driver) -> tuple[list[str], set[str]]:
    """Return (console errors, hosts of requests not to 127.0.0.1) since the last call."""
    errors = [
        e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"
    ]
    hosts: set[str] = set()
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") != "Network.requestWillBeSent":
            continue
        url = msg["params"]["request"]["url"]
        parsed = urlparse(url)
        if parsed.scheme in {"data", "blob", "about", "chrome", "devtools"}:
            continue
        if parsed.hostname not in {"127.0.0.1"}:
            hosts.add(parsed.hostname or url[:40])
    return errors, hosts


@pytest.fixture
def clean_logs(browser):
    """Drain logs before a test so it sees only its own console errors and requests."""
    drain_logs(browser)
    return browser


@pytest.fixture(scope="session")
def read_logs():
    """The :func:`drain_logs` function, for tests in subfolders (no conftest imports)."""
    return drain_logs


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A copy of the repository's data/cbs in a temporary root, for the command line (WERKZORG_ROOT)."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data" / "cbs", root / "data" / "cbs")
    (root / "_config.yml").write_text("title: test\n")
    monkeypatch.setenv("WERKZORG_ROOT", str(root))
    return root


@pytest.fixture
def data_repo(tmp_path, monkeypatch):
    """A copy of the whole data/ folder (claims, audit, snapshots) in a temporary root (WERKZORG_ROOT)."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "_config.yml", root / "_config.yml")  # the book's settings (the claims page's path)
    monkeypatch.setenv("WERKZORG_ROOT", str(root))
    return root
