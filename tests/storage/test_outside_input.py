"""Everything from outside is untrusted: a court feed (from a loopback server) with hostile
addresses, emails and names; a server that drips a byte a second. Nothing hostile reaches a
link, a label or the checklist, each refusal is named in the update summary, and the whole
download has one deadline."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date

import pytest

from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.domain.court_feed import drop_reason_for_email
from nextgen_wizard.domain.outside import court_email, court_url
from nextgen_wizard.domain.plan import plan
from nextgen_wizard.domain.render import render_json
from nextgen_wizard.domain.render_html import render_html
from nextgen_wizard.storage.court_downloads import CourtUpdateError, check_for_update, current_court_data
from tests.court_server import Answer, CourtServer, feed_bytes
from tests.helpers import answers

HOSTILE_WEBSITES = {
    "MABK": "javascript:alert(document.cookie)",
    "MADC": "file:///etc/passwd",
    "ALSBK": "smb://evil.example/share",
    "01CA": "https://evil.com\\.uscourts.gov/",
    "NYSDC": "https://uscourts.gov@evil.com/",
    "NYEDC": "https://evil.com/.uscourts.gov",
}


@pytest.mark.parametrize(
    ("address", "kept"),
    [("https://www.mab.uscourts.gov/x", "https://www.mab.uscourts.gov/x"),
     ("http://www.paeb.uscourts.gov", "https://www.paeb.uscourts.gov/"),
     ("HTTPS://WWW.MAB.USCOURTS.GOV", "https://www.mab.uscourts.gov/"),
     *((address, None) for address in HOSTILE_WEBSITES.values()),
     ("https://www.mab.uscourts.gov.evil.com/", None), ("https://uscourts.gov:8443/", None),
     (" java\tscript:alert(1)", None), ("https://xn--uscourts-8ya.gov/", None)],
)  # fmt: skip
def test_addresses_are_read_the_way_a_browser_reads_them(address: str, kept: str | None) -> None:
    assert court_url(address)[0] == kept


def test_emails_must_be_on_uscourts_gov_itself() -> None:
    assert court_email("help@mab.uscourts.gov") and court_email("x@uscourts.gov")
    assert not court_email("help@fake-uscourts.gov") and not court_email("help@uscourts.gov.evil.com")
    assert drop_reason_for_email("help@fake-uscourts.gov") == "CLEAN_NOT_A_COURT_ADDRESS"


@pytest.fixture
def server() -> Iterator[CourtServer]:
    with CourtServer() as running:
        yield running


def _hostile_feed() -> bytes:
    feed = json.loads(feed_bytes())
    for entry in feed["data"]:
        if entry["court_id"] in HOSTILE_WEBSITES:
            entry["web_url"] = HOSTILE_WEBSITES[entry["court_id"]]
        if entry["court_id"] == "MABK":
            entry["title"] = "Massachusetts \u202eBankruptcy\u202c\nCourt"
            entry["locations"] = [{"email": "help@fake-uscourts.gov", "phone": "617-748-5300"}]
    feed["meta"]["last_updated"] = "Mon, 01 Mar 2027 06:00:00 -0500"
    return json.dumps(feed).encode("utf-8")


def test_no_hostile_feed_value_reaches_a_link_a_label_or_the_checklist(server: CourtServer) -> None:
    server.routes["/feed.json"] = Answer(body=_hostile_feed())
    update = check_for_update(server.url("/feed.json"), current_court_data(None), today=date(2027, 3, 2), timeout=5)
    mab = update.catalog.get("mab")
    assert mab is not None and mab.name == "Massachusetts Bankruptcy Court"
    assert mab.emails == ("ecf_accounts@mab.uscourts.gov",)  # the reviewed one; the fake is dropped
    for court in update.catalog.courts:
        assert court.web_url is None or court.web_url.startswith("https://"), court.id
        assert court.web_url is None or "evil" not in court.web_url, court.id
    refused = next(line for line in update.summary if line.startswith("Refused from the download"))
    for court_id in ("alsb", "ca1", "nysd", "nyed"):
        assert f"{court_id}: " in refused
    raw = answers(courts=["mab", "ca1", "nysd"])
    raw["cmecf"] = {}
    result = plan(answers_from_dict(raw), update.catalog, date(2027, 3, 2))
    shown = render_json(result) + render_html(result, generated=date(2027, 3, 2), version="t", contents=True)
    for hostile in (*HOSTILE_WEBSITES.values(), "fake-uscourts", "\u202e", "evil"):
        assert hostile not in shown, hostile


def test_a_server_that_drips_is_stopped_at_the_whole_download_deadline(server: CourtServer) -> None:
    server.routes["/drip.json"] = Answer(body=feed_bytes(), drip=0.2)
    started = time.monotonic()
    with pytest.raises(CourtUpdateError, match="did not send the court list within 1 seconds"):
        check_for_update(server.url("/drip.json"), current_court_data(None), today=date(2027, 3, 2), timeout=1)
    assert time.monotonic() - started < 5  # one deadline for the whole download, not per read
