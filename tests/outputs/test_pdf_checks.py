"""The PDF checklist read by qpdf and poppler (programs nobody here wrote): a sound file whose
catalog names its language, with one bookmark per step and section, clickable addresses, and
text that searches and copies as plain letters (no "fi" ligature glyphs)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nextgen_wizard.pdf_finish import Bookmark, finish_pdf
from tests.cli.test_cli import run
from tests.helpers import EXAMPLES
from tests.packaging.tools import need_tool_ours as need_tool

LIGATURES = ("\ufb00", "\ufb01", "\ufb02", "\ufb03", "\ufb04")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "multi.pdf"
    result = run("checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--as-of", "2026-12-04",
                 "--format", "pdf", "-o", str(path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    return path


def _qpdf_json(pdf: Path, key: str) -> dict:
    qpdf = need_tool("qpdf", "qpdf")
    out = subprocess.run([qpdf, "--json", f"--json-key={key}", str(pdf)], capture_output=True, text=True,
                         timeout=60, check=True).stdout  # fmt: skip
    return json.loads(out)


def test_qpdf_finds_the_file_sound(pdf: Path) -> None:
    qpdf = need_tool("qpdf", "qpdf")
    result = subprocess.run([qpdf, "--check", str(pdf)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout, result.stdout


def test_the_catalog_names_the_language_and_the_outline_has_every_step(pdf: Path) -> None:
    objects = _qpdf_json(pdf, "qpdf")["qpdf"][1]
    catalog = next(o["value"] for o in objects.values() if isinstance(o.get("value"), dict)
                   and o["value"].get("/Type") == "/Catalog")  # fmt: skip
    assert catalog["/Lang"] == "u:en-US" and catalog["/PageMode"] == "/UseOutlines"
    titles = [o["title"] for o in _qpdf_json(pdf, "outlines")["outlines"]]
    steps = json.loads(run("checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--as-of", "2026-12-04",
                           "--format", "json").stdout)["steps"]  # fmt: skip
    assert titles[: len(steps)] == [f"{n}. {s['title']}" for n, s in enumerate(steps, start=1)]
    assert titles[len(steps):] == ["Contacts", "Where your reminders are"]


def test_addresses_are_links_and_the_text_has_no_ligature_glyphs(pdf: Path) -> None:
    raw = pdf.read_bytes()
    assert b"/URI (https://ecf.mab.uscourts.gov)" in raw and b"/URI (mailto:pacer@psc.uscourts.gov)" in raw
    pdftotext = need_tool("pdftotext", "poppler-utils")
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True).stdout
    assert not [c for c in LIGATURES if c in text]
    assert "file" in text and "firm" in text and "https://ecf.mab.uscourts.gov" in text


def test_a_pdf_of_another_shape_is_left_as_it_is() -> None:
    odd = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
    assert finish_pdf(odd, "en-US", [Bookmark("x", 0, 10)]) == odd
