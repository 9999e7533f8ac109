"""The printed checklist: PDFs read back, secrets absent, user text printed literally, calendar dates."""

import json
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.domain.plan import plan
from nextgen_wizard.domain.render import render_json, render_text
from nextgen_wizard.domain.render_html import render_html
from nextgen_wizard.domain.render_ics import render_ics
from nextgen_wizard.domain.steps import STATUS_WORDS
from nextgen_wizard.session.keyring import login_entry
from nextgen_wizard.storage.vault import KeyringVault
from nextgen_wizard.ui.app import make_app
from nextgen_wizard.ui.printing import PrintOptions, save_pdf
from tests.cli.test_cli import run
from tests.helpers import CATALOG, EXAMPLES

CASES = [
    ("legacy-alsb.json", "2020-04-15"),
    ("browser-login-mab.json", "2021-09-01"),
    ("multi-court.json", "2026-11-23"),
]


def _checklist(name: str, as_of: str, **changes: object):
    raw = json.loads((EXAMPLES / name).read_text())
    raw.update(changes)
    return plan(answers_from_dict(raw), CATALOG, date.fromisoformat(as_of))


def _pdf(tmp_path: Path, checklist, **options: object) -> Path:
    make_app()
    path = tmp_path / "checklist.pdf"
    save_pdf(
        render_html(checklist, generated=date(2026, 11, 23), version="test"), path, PrintOptions(**options)
    )
    return path


def _pages_text(path: Path) -> list[str]:
    """Text per page, ligatures undone and white space folded (PDF text has both)."""
    pages = [unicodedata.normalize("NFKC", page.extract_text() or "") for page in PdfReader(path).pages]
    return [" ".join(text.split()) for text in pages]


@pytest.mark.parametrize(("name", "as_of"), CASES)
def test_pdf_holds_every_step_with_its_status_and_dates(tmp_path: Path, name: str, as_of: str) -> None:
    checklist = _checklist(name, as_of)
    pages = _pages_text(_pdf(tmp_path, checklist))
    text = " ".join(pages)
    assert 1 <= len(pages) <= 6
    for number, step in enumerate(checklist.steps, start=1):
        assert f"{number}. {' '.join(step.title.split())}" in text
        assert STATUS_WORDS[step.status] in text
    assert "Not affiliated with the federal judiciary" in text
    assert all(f"Page {i} of {len(pages)}" in page for i, page in enumerate(pages, start=1))


def test_legacy_alsb_dates_and_mab_clerk_email(tmp_path: Path) -> None:
    alsb = " ".join(_pages_text(_pdf(tmp_path, _checklist("legacy-alsb.json", "2020-04-15"))))
    assert "Due May 2, 2020" in alsb and "From May 4, 2020" in alsb
    assert "As of April 15, 2020" in alsb
    mab = " ".join(_pages_text(_pdf(tmp_path, _checklist("browser-login-mab.json", "2021-09-01"))))
    assert "ecf_accounts@mab.uscourts.gov" in mab
    assert "Due September 19, 2021" in mab


def test_a_step_is_never_split_across_pages(tmp_path: Path) -> None:
    checklist = _checklist("multi-court.json", "2026-11-23")
    pages = _pages_text(_pdf(tmp_path, checklist))
    assert len(pages) >= 2  # long enough for the rule to matter
    for number, step in enumerate(checklist.steps, start=1):
        head = f"{number}. {step.title.split()[0]}"
        last = " ".join(step.how[-1].split()[-4:]) if step.status.value != "done" else step.why.split()[-1]
        on = [i for i, page in enumerate(pages) if head in page]
        assert len(on) == 1, f"step {number} heading is on pages {on} (clipped text counts too)"
        assert last in pages[on[0]], f"step {number} is split across pages"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_fonts_are_embedded(tmp_path: Path) -> None:
    path = _pdf(tmp_path, _checklist("multi-court.json", "2026-11-23"))
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), rows


def test_letter_by_default_a4_on_request(tmp_path: Path) -> None:
    checklist = _checklist("legacy-alsb.json", "2020-04-15")
    letter = PdfReader(_pdf(tmp_path, checklist)).pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    a4 = PdfReader(_pdf(tmp_path, checklist, page="a4")).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


def test_user_text_prints_literally(tmp_path: Path) -> None:
    hostile = "<b>x</b> & <script>alert(1)</script>"
    checklist = _checklist("legacy-alsb.json", "2020-04-15", filer={"name": hostile, "firm": "A & B <LLP>"})
    html = render_html(checklist, generated=date(2026, 11, 23), version="test")
    assert "<script>" not in html and "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;" in html
    text = " ".join(_pages_text(_pdf(tmp_path, checklist)))
    assert f"For: {hostile}, A & B <LLP>" in text


def test_no_secure_keyring_gets_a_box_to_write_in() -> None:
    checklist = _checklist("legacy-alsb.json", "2020-04-15")
    html = render_html(checklist, generated=date(2026, 11, 23), version="test", secure_keyring=False)
    assert "no secure keyring" in html and "Login: ____" in html and "locked away" in html


def test_secrets_stored_through_the_vault_are_in_no_output(secret_service, tmp_path: Path) -> None:
    vault = KeyringVault()
    pacer_secret, cmecf_secret = "Pacer-Print-Secret-9!", "Cmecf-Print-Secret-9!"
    vault.save(login_entry(None), "robinsample01", pacer_secret)
    vault.save(login_entry("mab"), "rsample_mab", cmecf_secret)
    checklist = _checklist(
        "browser-login-mab.json", "2021-09-01", keyring_entries=[login_entry(None), login_entry("mab")]
    )
    html = render_html(checklist, generated=date(2026, 11, 23), version="test")
    assert "NextGen Ready: CM/ECF mab" in html  # where the reminder is: named, never shown
    pdf = _pdf(tmp_path, checklist)
    outputs = {
        "text": render_text(checklist).encode(),
        "json": render_json(checklist).encode(),
        "html": html.encode(),
        "ics": render_ics(checklist),
        "pdf bytes": pdf.read_bytes(),
        "pdf text": " ".join(_pages_text(pdf)).encode(),
    }
    for secret in (pacer_secret, cmecf_secret):
        for kind, data in outputs.items():
            assert secret.encode() not in data, f"{kind} leaks a secret"
            assert secret.encode("utf-16-be") not in data, f"{kind} leaks a secret (UTF-16)"
    vault.forget(login_entry(None))
    vault.forget(login_entry("mab"))


def test_calendar_parses_back_into_the_dated_items() -> None:
    checklist = _checklist("legacy-alsb.json", "2020-04-15")
    calendar = Calendar.from_ical(render_ics(checklist))
    events = {(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in calendar.walk("VEVENT")}
    who = checklist.filer_name
    assert (f"{who}: Last day: Upgrade your PACER account", date(2020, 5, 2)) in events
    assert (
        f"{who}: From today: Link your CM/ECF account to your PACER account (Alabama Southern Bankruptcy Court)",
        date(2020, 5, 4),
    ) in events
    # PACER's 180-day password rule began in 2025: a 2020 replay must not carry it.
    assert not [e for e in calendar.walk("VEVENT") if "password" in str(e["SUMMARY"]).lower()]
    assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == len(events)


def test_the_password_reminder_repeats_every_180_days_once_the_rule_is_in_force() -> None:
    checklist = _checklist("upgraded-linked.json", "2026-11-23")
    calendar = Calendar.from_ical(render_ics(checklist))
    password = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]).endswith("Change your PACER password"))
    assert password.decoded("DTSTART") == date(2027, 5, 22)  # 180 days after the as-of date
    assert password["RRULE"]["INTERVAL"] == [180] and password["RRULE"]["COUNT"] == [10]  # it ends


def test_done_steps_put_nothing_in_the_calendar() -> None:
    checklist = _checklist("upgraded-linked.json", "2026-11-23")
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(render_ics(checklist)).walk("VEVENT")]
    assert summaries == [f"{checklist.filer_name}: Change your PACER password"]


def test_checklist_page_saves_pdf_and_calendar(qtbot, tmp_path: Path) -> None:
    from nextgen_wizard.ui.selftest import example_context
    from nextgen_wizard.ui.wizard import NextGenWizard, PageId

    wizard = NextGenWizard(example_context(date(2026, 11, 23)))
    qtbot.addWidget(wizard)
    wizard.setStartId(PageId.CHECKLIST)
    wizard.restart()
    page = wizard.currentPage()
    assert page.save_pdf(tmp_path / "mine.pdf") == tmp_path / "mine.pdf"
    assert "Saved" in page.status.text() and (tmp_path / "mine.pdf").read_bytes().startswith(b"%PDF")
    assert page.save_ics(tmp_path / "mine.ics") == tmp_path / "mine.ics"
    assert Calendar.from_ical((tmp_path / "mine.ics").read_bytes()).walk("VEVENT")


def test_cli_pdf_and_ics_headless(tmp_path: Path) -> None:
    from tests.cli.test_cli import run

    out = tmp_path / "plan.pdf"
    result = run(
        "checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--format", "pdf", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    again = run(
        "checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--format", "pdf", "-o", str(out)
    )
    assert again.returncode == 2 and "already exists" in again.stderr
    no_file = run("checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--format", "pdf")
    assert no_file.returncode == 2 and "-o FILE.pdf" in no_file.stderr
    ics = run(
        "checklist",
        "--answers",
        str(EXAMPLES / "legacy-alsb.json"),
        "--as-of",
        "2020-04-15",
        "--format",
        "ics",
    )
    assert ics.returncode == 0 and "BEGIN:VCALENDAR" in ics.stdout


def test_the_pdf_and_the_web_page_carry_what_assistive_technology_reads(tmp_path: Path) -> None:
    """The PDF's title, author and language; the HTML export's language, headings and lists."""
    from pypdf import PdfReader

    out = tmp_path / "checklist.pdf"
    result = run("checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--format", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert reader.metadata.title == "NextGen CM/ECF checklist - Sam Fictional"
    assert reader.metadata.author == "Sam Fictional"
    assert reader.xmp_metadata is not None and reader.xmp_metadata.dc_language == ["en-US"]
    page = run("checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--format", "html").stdout
    assert '<html lang="en">' in page and page.count("<h1") == 1 and "<h2" in page
    assert "<ol" in page and "<li" in page
