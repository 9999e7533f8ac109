"""Every speed and size goal against its floor, measured in the same run; writes RESULTS.md.

    python3 dev.py bench              # everything (builds both bundles if needed), ~2-3 minutes
    python3 dev.py bench --quick      # fewer repetitions, for a look while working

Floors: a bare QApplication showing an empty QWizard (start-up, memory, bundle size),
`python -c pass` and the bare package import (headless checklist), printing an empty
QTextDocument to PDF (PDF export). Ratios, not absolute times, are the goals, so the
figures hold on a noisy machine. Nothing here is a test assertion; a missed goal is
reported in RESULTS.md with the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PY = sys.executable
EXAMPLE = ROOT / "examples" / "multi-court.json"


@dataclass
class Row:
    name: str
    value: float
    floor: float
    unit: str
    goal: str
    met: bool
    floor_name: str

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("inf")


def _env(home: str) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NEXTGEN_WIZARD_HOME": home,
        "NEXTGEN_WIZARD_EXIT_AFTER_PAINT": "1",
    }
    env.pop("NEXTGEN_WIZARD_POLICY", None)
    return env


def time_to_first_paint(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn until the program prints "painted", and its peak RSS in MiB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if "painted" not in line or status != 0:
        raise RuntimeError(f"{command} did not paint (status {status})")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, timeout=600)
    return time.perf_counter() - start


def median_of(runs: int, measure) -> float:
    measure()  # warm the disk cache once
    return statistics.median(measure() for _ in range(runs))


def startup_and_memory(runs: int) -> list[Row]:
    app_times, app_rss, floor_times, floor_rss = [], [], [], []
    with tempfile.TemporaryDirectory() as home:
        env = _env(home)
        app = [PY, "-m", "nextgen_wizard", "--as-of", "2026-11-23"]
        floor = [PY, str(ROOT / "benchmarks" / "floor_wizard.py")]
        time_to_first_paint(app, env)
        time_to_first_paint(floor, env)
        for _ in range(runs):  # interleaved, so both see the same machine load
            t, m = time_to_first_paint(app, env)
            app_times.append(t)
            app_rss.append(m)
            t, m = time_to_first_paint(floor, env)
            floor_times.append(t)
            floor_rss.append(m)
    start = statistics.median(app_times), statistics.median(floor_times)
    rss = statistics.median(app_rss), statistics.median(floor_rss)
    return [
        Row(
            "Start-up to first painted page",
            start[0] * 1000,
            start[1] * 1000,
            "ms",
            "<= 1.5x floor",
            start[0] <= 1.5 * start[1],
            "bare QApplication + empty QWizard",
        ),
        Row(
            "Peak memory (RSS) of that run",
            rss[0],
            rss[1],
            "MiB",
            "<= 1.3x floor",
            rss[0] <= 1.3 * rss[1],
            "bare QApplication + empty QWizard",
        ),
    ]


def headless_checklist(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as home:
        env = {**_env(home), "NEXTGEN_WIZARD_EXIT_AFTER_PAINT": ""}
        command = [PY, "-m", "nextgen_wizard", "checklist", "--answers", str(EXAMPLE), "--format", "json"]
        checklist = median_of(runs, lambda: wall(command, env))
        bare_import = median_of(runs, lambda: wall([PY, "-c", "import nextgen_wizard"], env))
        python = median_of(runs, lambda: wall([PY, "-c", "pass"], env))
    return [
        Row(
            "Headless `checklist --format json`, 3 courts",
            checklist * 1000,
            bare_import * 1000,
            "ms",
            "< 2x bare import",
            checklist < 2 * bare_import,
            "`python -c 'import nextgen_wizard'`",
        ),
        Row(
            "(for reference) bare package import",
            bare_import * 1000,
            python * 1000,
            "ms",
            "-",
            True,
            "`python -c pass`",
        ),
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


def bundle_size(rebuild: bool) -> list[Row]:
    dist = ROOT / "build" / "dist"
    app, floor = dist / "nextgen-ready", dist / "floor-wizard"
    if rebuild or not app.exists() or not floor.exists():
        subprocess.run(
            [PY, str(ROOT / "packaging" / "build.py"), "--floor", "--no-deb"],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=600,
        )
    size, base = folder_size(app), folder_size(floor)
    return [
        Row(
            "Onedir bundle on disk",
            size,
            base,
            "MiB",
            "<= 1.15x floor and < 140 MB",
            size <= 1.15 * base and size * 2**20 < 140e6,
            "bare QWizard bundle, same pruning",
        )
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

    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores, {cpu}; "
        f"Python {platform.python_version()}, PySide6 {qt}"
    )


def write_results(rows: list[Row], runs: dict[str, int], seconds: float) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Measured {now} on {machine()}, by `python3 dev.py bench` in {seconds:.0f} s. "
        f"Start-up and memory: median of {runs['startup']} runs each, app and floor interleaved; "
        f"headless: median of {runs['headless']}; PDF: median of {runs['pdf']}.",
        "",
        "| what | value | floor | floor is | ratio | goal | met |",
        "| --- | ---: | ---: | --- | ---: | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.value:.1f} {r.unit} | {r.floor:.1f} {r.unit} | {r.floor_name} | "
            f"{r.ratio:.2f}x | {r.goal} | {'yes' if r.met else '**NO**'} |"
        )
    text = "\n".join(lines) + "\n"
    notes = RESULTS.with_name("NOTES.md")
    if notes.exists():
        text += "\n" + notes.read_text()
    RESULTS.write_text(text)
    return text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--rebuild", action="store_true", help="rebuild both bundles first")
    args = parser.parse_args(argv)
    runs = {
        "startup": 5 if args.quick else 15,
        "headless": 5 if args.quick else 15,
        "pdf": 5 if args.quick else 20,
    }
    started = time.perf_counter()
    rows = startup_and_memory(runs["startup"]) + headless_checklist(runs["headless"])
    rows += pdf_export(runs["pdf"]) + bundle_size(args.rebuild)
    print(write_results(rows, runs, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
