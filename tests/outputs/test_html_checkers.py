"""The HTML export checked by programs nobody here wrote: the Nu HTML Checker (vnu, Java) and
axe-core in Debian's Chromium (every rule, best practices included). Both also get a planted
defect, so a checker that stopped checking fails here too.

The checkers come from tests/outputs/node/package-lock.json (`npm ci`, which .ci/run runs);
locally the tests skip when they are not installed, in CI they fail.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from nextgen_wizard.domain.render_html import render_html
from tests.helpers import EXAMPLES, checklist
from tests.packaging.tools import ours_or_skip as skip_or_fail

NODE = Path(__file__).with_name("node")
VNU = NODE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EXPORTS = ["legacy-alsb.json", "multi-court.json", "pro-hac-vice.json", "lost-mfa-device.json", "trustee.json"]
PLANTED = (
    '<!DOCTYPE html><html><head><title>x</title></head><body><h1>x</h1>'
    '<a name="old-anchor"></a><table border="1"><tr><td>x</td></tr></table><img src="x.png"></body></html>'
)


def _exports(folder: Path) -> list[Path]:
    paths = []
    for name in EXPORTS:
        raw = json.loads((EXAMPLES / name).read_text())
        html = render_html(checklist(raw, "2026-12-04"), generated=date(2026, 12, 4), version="test", contents=True)
        path = folder / name.replace(".json", ".html")
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def _vnu(*files: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None or not VNU.exists():
        skip_or_fail("the Nu HTML Checker needs java and `npm ci` in tests/outputs/node")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    return json.loads(result.stderr or result.stdout)["messages"]


def _axe(*files: Path) -> dict:
    node, chromium = shutil.which("node"), shutil.which("chromium")
    if node is None or chromium is None or not (NODE / "node_modules" / "axe-core").exists():
        skip_or_fail("axe-core needs node, Debian's chromium and `npm ci` in tests/outputs/node")
    result = subprocess.run([node, str(NODE / "axe_check.js"), *map(str, files)], capture_output=True,
                            text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "CHROMIUM": chromium})  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("html")
    (folder / "planted.html").write_text(PLANTED, encoding="utf-8")
    return _exports(folder)


def test_the_nu_html_checker_finds_no_error(exports: list[Path]) -> None:
    messages = _vnu(*exports, exports[0].with_name("planted.html"))
    errors = [m for m in messages if m["type"] == "error"]
    ours = [f"{Path(m['url']).name}: {m['message']}" for m in errors if "planted" not in m["url"]]
    assert ours == []
    assert any("planted" in m["url"] for m in errors), "the checker found nothing wrong in a broken page"


def test_axe_core_in_chromium_finds_no_violation(exports: list[Path]) -> None:
    found = _axe(*exports, exports[0].with_name("planted.html"))
    planted = found.pop(str(exports[0].with_name("planted.html")))
    assert {v["id"] for v in planted["violations"]} >= {"html-has-lang", "image-alt"}
    assert {name: r["violations"] for name, r in found.items() if r["violations"]} == {}


def test_every_address_is_a_link_and_each_court_shows_its_login(exports: list[Path]) -> None:
    html = exports[1].read_text(encoding="utf-8")  # multi-court
    assert "<main>" in html and "<nav " in html and 'name="' not in html
    assert '<a href="https://ecf.mab.uscourts.gov">https://ecf.mab.uscourts.gov</a>' in html
    assert '<a href="mailto:pacer@psc.uscourts.gov">' in html and 'href="tel:+18006766856"' in html
    assert '<a href="https://pacer.uscourts.gov">' in html
