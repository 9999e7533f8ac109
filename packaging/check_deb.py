"""Check a built .deb the way CI does: lintian (no error, no warning that is not overridden with a
reason in packaging/linux/lintian-overrides) and no ELF file carrying a search path of the build
machine (every RUNPATH/RPATH entry must be relative to the file: $ORIGIN).

    python3 packaging/check_deb.py [build/nextgen-ready_<version>_<arch>.deb]

Exits 0 when both hold, 1 otherwise; prints what it found.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def foreign_search_paths(tree: Path) -> tuple[int, list[str]]:
    """(ELF files seen, 'file: entry' for each RUNPATH/RPATH entry not under $ORIGIN)."""
    elves, found = 0, []
    for path in sorted(tree.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        elves += 1
        dynamic = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, timeout=600
        ).stdout
        for line in dynamic.splitlines():
            if "(RPATH)" in line or "(RUNPATH)" in line:
                entries = line.split("[", 1)[1].rstrip().rstrip("]").split(":")
                found += [
                    f"{path.relative_to(tree)}: {entry}"
                    for entry in entries
                    if entry and not entry.startswith(("$ORIGIN", "${ORIGIN}"))
                ]
    return elves, found


def main(argv: list[str]) -> int:
    debs = [Path(argv[0])] if argv else sorted((ROOT / "build").glob("nextgen-ready_*.deb"))
    if len(debs) != 1 or not debs[0].is_file():
        print(f"expected one .deb, found {[str(d) for d in debs]}: run python3 dev.py build", file=sys.stderr)
        return 1
    deb = debs[0]
    status = 0
    lintian = subprocess.run(
        ["lintian", "--fail-on", "error,warning", "--no-tag-display-limit", str(deb)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    tags = [line for line in lintian.stdout.splitlines() if line[1:3] == ": "]
    problems = [line for line in tags if line[0] in "EW"]
    print(f"lintian {deb.name}: {len(problems)} errors or warnings, {len(tags) - len(problems)} other tags")
    for line in problems:
        print(f"  {line}")
    if lintian.returncode != 0 or problems:
        print(lintian.stderr, file=sys.stderr)
        status = 1
    with tempfile.TemporaryDirectory() as unpacked:
        subprocess.run(["dpkg-deb", "-x", str(deb), unpacked], check=True, timeout=600)
        elves, found = foreign_search_paths(Path(unpacked))
    print(f"RUNPATH/RPATH: {elves} ELF files, {len(found)} entries outside $ORIGIN")
    for line in found:
        print(f"  {line}")
    if found or elves == 0:
        status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
