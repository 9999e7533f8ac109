"""Every speed and size goal against its floor, measured in the same run; writes RESULTS.md once.

    python3 dev.py bench              # everything (builds both bundles if needed), ~2-3 minutes
    python3 dev.py bench --quick      # fewer repetitions, for a look while working

Measured as users run it: the project's modules are compiled to .pyc first (compileall), as an
installed wheel and the frozen bundle ship them, and the app is started through its installed
`nextgen-wizard` console script. The frozen onedir bundle (the one the .deb installs) is timed
too. Floors: a bare QApplication showing an empty QWizard (start-up, memory, bundle size; the
frozen one built by packaging/build.py --floor with the same spec and pruning), the standard
library a headless command cannot avoid (`import argparse, json, dataclasses, pathlib,
datetime, enum`) and, for reference, the bare package import (headless), printing an empty
QTextDocument to PDF (PDF export). App and floor runs are interleaved so both see the same
machine load; the goals are judged on medians, and the minimums are shown beside them. Nothing
here is a test assertion; a missed goal is reported in RESULTS.md with the figures.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PY = sys.executable
EXAMPLE = ROOT / "examples" / "multi-court.json"
# The installed entry point, as users start it (pip/venv install; see pyproject's [project.scripts]).
SCRIPT = Path(PY).with_name("nextgen-wizard.exe" if os.name == "nt" else "nextgen-wizard")
DIST = ROOT / "build" / "dist"
FROZEN_APP = DIST / "nextgen-ready" / ("nextgen-wizard-cli.exe" if os.name == "nt" else "nextgen-wizard")
FROZEN_FLOOR = DIST / "floor-wizard" / ("floor-wizard.exe" if os.name == "nt" else "floor-wizard")
STDLIB_FLOOR = "import argparse, json, dataclasses, pathlib, datetime, enum"


@dataclass
class Row:
    name: str
    value: float
    floor: float
    unit: str
    goal: str
    met: bool
    floor_name: str
    min_ratio: float | None = None  # ratio of the fastest runs, for the noise picture
    paired_ratio: float | None = None  # median of each run's ratio to the floor run beside it

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("inf")


def compile_project() -> None:
    """Compile the package to .pyc as an installed wheel has it (children may not write bytecode)."""
    if not compileall.compile_dir(ROOT / "nextgen_wizard", quiet=1):
        raise RuntimeError("compileall failed")


def _env(home: str) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NEXTGEN_WIZARD_HOME": home,
        "NEXTGEN_WIZARD_EXIT_AFTER_PAINT": "1",
    }
    env.pop("NEXTGEN_WIZARD_POLICY", None)
    return env


LIMIT = 120  # seconds: a child still running then is killed (and the run fails)


def _reap(process: subprocess.Popen) -> tuple[int, os.struct_rusage | None]:
    """Wait for the child with one blocking wait4 (exact, unlike subprocess's polling wait)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage


def time_to_first_paint(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn until the program prints "painted", and its peak RSS in MiB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    watchdog = threading.Timer(LIMIT, process.kill)
    watchdog.start()
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        elapsed = time.perf_counter() - start
        process.stdout.read()
        status, usage = _reap(process)
    finally:
        watchdog.cancel()
    if "painted" not in line or status != 0 or usage is None:
        raise RuntimeError(f"{command} did not paint (status {status})")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds from spawn to exit.

    Not subprocess.run(timeout=...): its wait polls with sleeps that double up to 50 ms, which
    rounds every time up to the next poll (15.5, 31.5, 63.5, 113.5 ms...), as earlier runs did.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    watchdog = threading.Timer(LIMIT, process.kill)
    watchdog.start()
    try:
        status, _ = _reap(process)
    finally:
        watchdog.cancel()
    elapsed = time.perf_counter() - start
    if status != 0:
        raise subprocess.CalledProcessError(status, command)
    return elapsed


def _paint_runs(app: list[str], floor: list[str], runs: int) -> tuple[list[float], ...]:
    app_times, app_rss, floor_times, floor_rss = [], [], [], []
    with tempfile.TemporaryDirectory() as home:
        env = _env(home)
        time_to_first_paint(app, env)  # warm the disk cache once
        time_to_first_paint(floor, env)
        for _ in range(runs):  # interleaved, so both see the same machine load
            t, m = time_to_first_paint(app, env)
            app_times.append(t)
            app_rss.append(m)
            t, m = time_to_first_paint(floor, env)
            floor_times.append(t)
            floor_rss.append(m)
    return app_times, app_rss, floor_times, floor_rss


def _paint_rows(
    app: list[str], floor: list[str], runs: int, names: tuple[str, str], floor_name: str, goal: float
) -> list[Row]:
    """Start-up to the first paint (goal: `goal` x the floor) and that run's peak memory (goal 1.3x)."""
    app_times, app_rss, floor_times, floor_rss = _paint_runs(app, floor, runs)
    start = statistics.median(app_times), statistics.median(floor_times)
    rss = statistics.median(app_rss), statistics.median(floor_rss)
    return [
        Row(
            names[0],
            start[0] * 1000,
            start[1] * 1000,
            "ms",
            f"<= {goal:g}x floor",
            start[0] <= goal * start[1],
            floor_name,
            min(app_times) / min(floor_times),
            _paired(app_times, floor_times),
        ),
        Row(
            names[1],
            rss[0],
            rss[1],
            "MiB",
            "<= 1.3x floor",
            rss[0] <= 1.3 * rss[1],
            floor_name,
            min(app_rss) / min(floor_rss),
            _paired(app_rss, floor_rss),
        ),
    ]


def _paired(app: list[float], floor: list[float]) -> float:
    """The median of app/floor over runs made one after the other: a slow spell of the machine
    slows both of a pair, so this moves less from one benchmark run to the next than the ratio of
    medians (which the goals are judged on, as the issues set them)."""
    return statistics.median(a / f for a, f in zip(app, floor, strict=True))


def startup_and_memory(runs: int) -> list[Row]:
    return _paint_rows(
        [str(SCRIPT), "--as-of", "2026-11-23"],
        [PY, str(ROOT / "benchmarks" / "floor_wizard.py")],
        runs,
        ("Start-up to first painted page", "Peak memory (RSS) of that run"),
        "bare QApplication + empty QWizard",
        1.4,  # issue 30: 1.5x with a margin, as the machine varies
    )


def frozen_startup(runs: int) -> list[Row]:
    """The onedir bundle the .deb installs, against the bare QWizard frozen the same way."""
    return _paint_rows(
        [str(FROZEN_APP), "--as-of", "2026-11-23"],
        [str(FROZEN_FLOOR)],
        runs,
        ("Frozen bundle: start-up to first painted page", "Frozen bundle: peak memory (RSS)"),
        "bare QWizard, frozen the same way",
        1.5,
    )


def headless(runs: int) -> list[Row]:
    commands = {
        "checklist": [str(SCRIPT), "checklist", "--answers", str(EXAMPLE), "--format", "json"],
        "courts": [str(SCRIPT), "courts", "mab"],
        "check-username": [str(SCRIPT), "check-username", "janedoe"],
        "stdlib": [PY, "-c", STDLIB_FLOOR],
        "bare": [PY, "-c", "import nextgen_wizard"],
        "pass": [PY, "-c", "pass"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as home:
        env = {**_env(home), "NEXTGEN_WIZARD_EXIT_AFTER_PAINT": ""}
        for command in commands.values():
            wall(command, env)  # warm the disk cache once
        for _ in range(runs):  # interleaved, so all see the same machine load
            for name, command in commands.items():
                times[name].append(wall(command, env) * 1000)
    med = {name: statistics.median(t) for name, t in times.items()}
    low = {name: min(t) for name, t in times.items()}
    floor = f"`python -c '{STDLIB_FLOOR}'`"

    def row(name: str, label: str, base: str, floor_name: str, goal: str = "-", limit: float = 0.0) -> Row:
        met = med[name] <= limit * med[base] if limit else True
        paired = _paired(times[name], times[base])
        return Row(label, med[name], med[base], "ms", goal, met, floor_name, low[name] / low[base], paired)

    return [
        row("checklist", "Headless `checklist --format json`, 3 courts", "stdlib", floor, "<= 1.5x", 1.5),
        row("checklist", "(same, against the bare import)", "bare", "`python -c 'import nextgen_wizard'`"),
        row("courts", "(for reference) headless `courts mab`", "stdlib", floor),
        row("check-username", "(for reference) headless `check-username`", "stdlib", floor),
        row("bare", "(for reference) bare package import", "pass", "`python -c pass`"),
    ]


PDF_SCRIPT = r"""
import os, statistics, sys, tempfile, time
from datetime import date
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument
app = QGuiApplication([])
from nextgen_wizard.ui.selftest import example_context
from nextgen_wizard.domain.render_html import render_html
from nextgen_wizard.ui.printing import save_pdf
runs = int(sys.argv[1])
html = render_html(example_context(date(2026, 11, 23)).plan(), generated=date(2026, 11, 23), version="bench")
folder = Path(tempfile.mkdtemp())
def ours():
    start = time.perf_counter(); save_pdf(html, folder / "plan.pdf"); return time.perf_counter() - start
def empty():
    start = time.perf_counter()
    writer = QPdfWriter(str(folder / "empty.pdf")); QTextDocument().print_(writer); del writer
    return time.perf_counter() - start
ours(); empty()
a = statistics.median(ours() for _ in range(runs)); b = statistics.median(empty() for _ in range(runs))
print(a, b)
"""


def pdf_export(runs: int) -> list[Row]:
    out = subprocess.run(
        [PY, "-c", PDF_SCRIPT, str(runs)], check=True, capture_output=True, text=True, cwd=ROOT, timeout=600
    ).stdout.split()
    ours, empty = float(out[0]), float(out[1])
    return [
        Row(
            "PDF export of a 3-court checklist (in process)",
            ours * 1000,
            empty * 1000,
            "ms",
            "< 50 ms",
            ours < 0.050,
            "empty QTextDocument printed to PDF",
        )
    ]


def folder_size(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def _newest_source() -> float:
    """When the code, resources or packaging last changed (compiled .pyc files aside)."""
    folders = (ROOT / "nextgen_wizard", ROOT / "resources", ROOT / "packaging", ROOT / "benchmarks")
    return max(
        path.stat().st_mtime
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.name != RESULTS.name
    )


def build_bundles(rebuild: bool) -> None:
    """Both bundles, made again when missing or older than any source: a stale bundle measures old code."""
    missing = not FROZEN_APP.exists() or not FROZEN_FLOOR.exists()
    if rebuild or missing or min(FROZEN_APP.stat().st_mtime, FROZEN_FLOOR.stat().st_mtime) < _newest_source():
        subprocess.run(
            [PY, str(ROOT / "packaging" / "build.py"), "--floor", "--no-deb"],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=1800,
        )


def bundle_size() -> list[Row]:
    """The bundle's code against the floor's, and (for reference) with the licence texts it ships.

    THIRD-PARTY-NOTICES.txt (the licences of everything bundled, Qt's LGPL among them) is a
    release document the floor would need as well if it were shipped; it is not code to prune.
    """
    notices = FROZEN_APP.parent / "THIRD-PARTY-NOTICES.txt"
    documents = notices.stat().st_size / 2**20 if notices.exists() else 0.0
    size, base = folder_size(FROZEN_APP.parent), folder_size(FROZEN_FLOOR.parent)
    code = size - documents
    floor_name = "bare QWizard bundle, same pruning"
    return [
        Row(
            "Onedir bundle on disk, without its licence texts",
            code,
            base,
            "MiB",
            "<= 1.15x floor",
            code <= 1.15 * base,
            floor_name,
        ),
        Row(
            "(for reference) the same with THIRD-PARTY-NOTICES.txt",
            size,
            base,
            "MiB",
            "< 140 MB",
            size * 2**20 < 140e6,
            floor_name,
        ),
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        cpu = model
    except (OSError, StopIteration):
        pass
    from PySide6 import __version__ as qt

    load = " ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores, {cpu} (load average "
        f"{load} at the end); Python {platform.python_version()}, PySide6 {qt}"
    )


def write_results(rows: list[Row], runs: dict[str, int], seconds: float, representations: str = "") -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Measured {now} on {machine()}, by `python3 dev.py bench` in {seconds:.0f} s. "
        "The package was compiled to .pyc first (compileall, as a wheel or the bundle ships it); the "
        "app ran through its installed `nextgen-wizard` script, the frozen rows from the onedir bundle "
        "`packaging/build.py` makes (the one the .deb installs; built again whenever a source is newer). "
        f"Start-up and memory: median of {runs['startup']} runs each, app and floor interleaved "
        f"(frozen: {runs['frozen']}); headless: median of {runs['headless']}, all commands interleaved; "
        f"PDF: median of {runs['pdf']}. Values and ratios are medians, and the goals are judged on them; "
        "the last two columns are for the noise picture (the machine is shared, so single runs vary): the "
        "ratio of the fastest runs, and the median of each run's ratio to the floor run made right beside "
        "it, which a slow spell of the machine moves less.",
        "",
        "| what | value | floor | floor is | ratio | goal | met | ratio of minimums | paired ratio |",
        "| --- | ---: | ---: | --- | ---: | --- | --- | ---: | ---: |",
    ]
    for r in rows:
        low = f"{r.min_ratio:.2f}x" if r.min_ratio is not None else "-"
        paired = f"{r.paired_ratio:.2f}x" if r.paired_ratio is not None else "-"
        lines.append(
            f"| {r.name} | {r.value:.1f} {r.unit} | {r.floor:.1f} {r.unit} | {r.floor_name} | "
            f"{r.ratio:.2f}x | {r.goal} | {'yes' if r.met else '**NO**'} | {low} | {paired} |"
        )
    if representations:
        lines += [
            "",
            "## The data classes in five representations (issue 30)",
            "",
            "CPU time (user + system) of a fresh interpreter that imports what a headless command imports "
            "anyway, then a module declaring every data class of the app's Qt-free modules (same fields, "
            "defaults and flags) and makes one instance of each class `checklist` makes; medians of "
            f"{runs['representations']} interleaved runs (benchmarks/representations.py).",
            "",
            representations,
        ]
    text = "\n".join(lines) + "\n"
    notes = RESULTS.with_name("NOTES.md")
    if notes.exists():  # the hand-written analysis, once, below the measured table
        text += "\n" + notes.read_text()
    RESULTS.write_text(text)  # the only write of RESULTS.md in a run
    return text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--rebuild", action="store_true", help="rebuild both bundles first")
    args = parser.parse_args(argv)
    runs = {
        "startup": 5 if args.quick else 21,
        "frozen": 5 if args.quick else 15,
        "headless": 5 if args.quick else 21,
        "pdf": 5 if args.quick else 20,
        "representations": 5 if args.quick else 15,
    }
    started = time.perf_counter()
    compile_project()
    build_bundles(args.rebuild)
    rows = startup_and_memory(runs["startup"]) + frozen_startup(runs["frozen"]) + headless(runs["headless"])
    rows += pdf_export(runs["pdf"]) + bundle_size()
    import representations  # beside this file

    compared = representations.table(representations.measure(runs["representations"]))
    print(write_results(rows, runs, time.perf_counter() - started, compared))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
