"""Print where the time of `make test` goes (a report, not a timed test).

Runs the suite as `make test` does (two processes, --dist loadfile, --build-early) with
``WERKZORG_TIMELINE`` set, then prints: the wall time, when the session build ran, the files and
tests that took longest, how long each process sat idle, and a timeline of each process (one
character per time slice: the file it was running; ``.`` idle, ``~`` waiting for the build).

    python tools/bench_tests.py                  # run the suite and report
    python tools/bench_tests.py --from run.json  # report on a timeline written earlier
    python tools/bench_tests.py --write-durations  # also refresh tests/durations.json

``tests/durations.json`` (seconds per file, and per test for the files tests/xdist_plan.py splits)
only orders the work of the two processes; it never decides whether a test passes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def run_suite(timeline: Path, procs: int, extra: list[str]) -> tuple[float, int]:
    env = dict(os.environ, WERKZORG_TIMELINE=str(timeline))
    cmd = [sys.executable, "-m", "pytest", "-n", str(procs), "--dist", "loadfile", "--build-early", "-q",
           "-p", "no:cacheprovider", *extra]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env)
    return time.perf_counter() - start, proc.returncode


def report(data: dict, wall: float | None = None, width: int = 100) -> dict[str, float]:
    tests = data["tests"]
    t0 = data.get("session_start") or min(t["start"] for t in tests)
    t1 = data.get("session_end") or max(t["stop"] for t in tests)
    per_test: dict[str, float] = defaultdict(float)
    per_file: dict[str, float] = defaultdict(float)
    cpu_file: dict[str, float] = defaultdict(float)
    cpu_test: dict[str, float] = defaultdict(float)
    busy: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    # A process's last phase closes its session fixtures (the browser quits): the CPU of processes
    # that end then cannot be told apart, so that one phase's CPU is left out.
    last = {}
    for t in tests:
        if t["worker"] not in last or t["stop"] > last[t["worker"]]["stop"]:
            last[t["worker"]] = t
    closing = {id(t) for t in last.values()}
    for t in tests:
        if id(t) in closing:
            t = {**t, "cpu": None}
        d = t["stop"] - t["start"]
        per_test[t["nodeid"]] += d
        path = t["nodeid"].split("::", 1)[0]
        per_file[path] += d
        if t.get("cpu") is not None:
            cpu_file[path] += t["cpu"]
            cpu_test[t["nodeid"]] += t["cpu"]
        busy[t["worker"]].append((t["start"], t["stop"], path))
    print(f"wall time (pytest session): {t1 - t0:7.1f} s" + (f"   (whole command {wall:.1f} s)" if wall else ""))
    build = data.get("build") or {}
    if build.get("started"):
        print(f"session build:              {build['started'] - t0:7.1f} s -> {build['finished'] - t0:.1f} s "
              f"({build['finished'] - build['started']:.1f} s, ok={build.get('ok')})")
    print(f"tests: {len(per_test)}, summed test time {sum(per_test.values()):.0f} s")
    for worker, spans in sorted(busy.items()):
        spans.sort()
        used = sum(b - a for a, b, _ in spans)
        print(f"  {worker}: busy {used:6.1f} s, idle {t1 - t0 - used:6.1f} s, last test ends at {spans[-1][1] - t0:6.1f} s")
    print("\nslowest files (s):")
    for path, d in sorted(per_file.items(), key=lambda kv: -kv[1])[:25]:
        print(f"  {d:7.1f}  {path}")
    if cpu_file:
        print(f"\nCPU seconds used by each test process and its browser/subprocesses: {sum(cpu_file.values()):.0f} s"
              f" over {t1 - t0:.0f} s of wall time; the most CPU (s, and its share of the file's wall time):")
        for path, c in sorted(cpu_file.items(), key=lambda kv: -kv[1])[:25]:
            print(f"  {c:7.1f}  ({c / max(per_file[path], 1e-9):4.0%})  {path}")
        print("\ntests that use the most CPU (s):")
        for nodeid, c in sorted(cpu_test.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {c:7.1f}  {nodeid}")
    print("\nslowest tests (setup+call+teardown, s):")
    for nodeid, d in sorted(per_test.items(), key=lambda kv: -kv[1])[:25]:
        print(f"  {d:7.1f}  {nodeid}")
    # Timeline: one letter per file among the 20 slowest, '+' any other file, '.' idle.
    top = [p for p, _ in sorted(per_file.items(), key=lambda kv: -kv[1])[:20]]
    letter = {p: "ABCDEFGHIJKLMNOPQRST"[i] for i, p in enumerate(top)}
    step = (t1 - t0) / width
    print(f"\ntimeline ({step:.1f} s per character; '~' session build running):")
    if build.get("started"):
        line = "".join("~" if build["started"] <= t0 + i * step < build["finished"] else " " for i in range(width))
        print(f"  build |{line}|")
    for worker, spans in sorted(busy.items()):
        cells = []
        for i in range(width):
            a, b = t0 + i * step, t0 + (i + 1) * step
            over: dict[str, float] = defaultdict(float)
            for s, e, path in spans:
                if e > a and s < b:
                    over[path] += min(e, b) - max(s, a)
            cells.append(letter.get(max(over, key=over.get), "+") if over else ".")
        print(f"  {worker:5} |{''.join(cells)}|")
    for p in top:
        print(f"    {letter[p]} = {p}")
    return dict(per_test)


def write_durations(per_test: dict[str, float]) -> None:
    import xdist_plan

    out: dict[str, float] = defaultdict(float)
    for nodeid, d in per_test.items():
        path = nodeid.split("::", 1)[0]
        out[path] += d
        if path in xdist_plan.SPLIT:
            out[nodeid] = d
    xdist_plan.DURATIONS.write_text(json.dumps({k: round(v, 1) for k, v in sorted(out.items())}, indent=1) + "\n",
                                    encoding="utf-8")
    print(f"\nwrote {xdist_plan.DURATIONS.relative_to(ROOT)} ({len(out)} entries)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help="report on this timeline instead of running")
    parser.add_argument("--procs", type=int, default=int(os.environ.get("TEST_PROCS", "2")))
    parser.add_argument("--write-durations", action="store_true", help="refresh tests/durations.json")
    parser.add_argument("--keep", type=Path, help="also save the timeline here")
    args, extra = parser.parse_known_args(argv)
    wall, code = None, 0
    if args.source:
        timeline = args.source
    else:
        timeline = args.keep or Path(tempfile.mkstemp(prefix="werkzorg-timeline-", suffix=".json")[1])
        wall, code = run_suite(timeline, args.procs, extra)
    per_test = report(json.loads(timeline.read_text(encoding="utf-8")), wall)
    if args.write_durations:
        write_durations(per_test)
    return code


if __name__ == "__main__":
    sys.exit(main())
