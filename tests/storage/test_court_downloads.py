"""Newer court data: the updater against a local server on 127.0.0.1, each outcome, the data kept intact."""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from nextgen_wizard.domain import court_diff
from nextgen_wizard.domain.courts import load_catalog
from nextgen_wizard.session import CourtUpdateError, Session
from nextgen_wizard.storage import court_downloads as court_updates
from nextgen_wizard.storage.court_downloads import (
    STORED_NAME,
    CourtData,
    address_problem,
    check_for_update,
    current_court_data,
    keep_update,
)
from nextgen_wizard.storage.paths import app_paths
from tests.court_server import Answer, CourtServer, changed_feed, feed_bytes, write_policy

TODAY = date(2027, 3, 2)


@pytest.fixture
def server() -> Iterator[CourtServer]:
    with CourtServer() as running:
        yield running


@pytest.fixture
def feed() -> bytes:
    return feed_bytes()


def shipped() -> CourtData:
    return CourtData(load_catalog())


def test_the_feed_names_the_address_the_app_fetches_by_default(feed: bytes) -> None:
    assert json.loads(feed)["meta"]["url"] == court_diff.FEED_URL == court_updates.FEED_URL
    assert court_updates.MAX_FEED_BYTES == court_diff.MAX_FEED_BYTES
    assert court_updates.MIN_SHARE_OF_KNOWN == court_diff.MIN_SHARE_OF_KNOWN


def test_the_shipped_feed_is_accepted_with_no_changes(server: CourtServer, feed: bytes) -> None:
    server.routes["/data.json"] = Answer(body=feed)
    update = check_for_update(server.url("/data.json"), shipped(), today=TODAY, timeout=5)
    assert update.diff.empty
    assert len(update.catalog) == 209  # the feed's 208 and CAVC from the overrides
    assert "No court was added or removed" in "\n".join(update.summary)
    assert update.data == json.loads(
        (Path(court_updates.resource_path("resources", "courts.json"))).read_text()
    )


def test_a_changed_feed_is_summarised_stored_with_date_and_hash_and_then_used(
    server: CourtServer, feed: bytes
) -> None:
    server.routes["/data.json"] = Answer(body=changed_feed(feed))
    paths = app_paths()
    update = check_for_update(server.url("/data.json"), current_court_data(paths), today=TODAY, timeout=5)
    summary = "\n".join(update.summary)
    assert "Courts added (1): zzd (Test District Court)" in summary
    assert "mab: https://ecf.mab.uscourts.gov -> https://ecf.mab.uscourts.gov/cgi-bin/login.pl" in summary
    assert "Contacts (phones, emails) changed (1): mad" in summary
    assert "March 1, 2027" in summary
    assert not (paths.data / STORED_NAME).exists()  # nothing kept before the user says yes

    stored = keep_update(update, paths)
    record = json.loads(stored.read_text(encoding="utf-8"))
    assert record["fetched"] == "2027-03-02"
    assert record["url"] == server.url("/data.json")
    canonical = json.dumps(record["catalog"], ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert record["catalog_sha256"] == hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    now = current_court_data(paths)
    assert now.path == stored and not now.problems
    assert now.catalog.get("zzd") is not None and len(now.catalog) == 210  # 208 + zzd + cavc
    assert now.catalog.describe() == "PACER's court list of March 1, 2027, downloaded March 2, 2027"
    assert load_catalog().describe() == "PACER's court list of January 10, 2023, as shipped with the app"


def test_software_changes_show_once_a_download_recorded_them(server: CourtServer, feed: bytes) -> None:
    paths = app_paths()
    server.routes["/a.json"] = Answer(body=changed_feed(feed))
    keep_update(check_for_update(server.url("/a.json"), shipped(), today=TODAY, timeout=5), paths)
    server.routes["/b.json"] = Answer(
        body=changed_feed(feed, date="Tue, 02 Mar 2027 06:00:00 -0500", software=True)
    )
    update = check_for_update(server.url("/b.json"), current_court_data(paths), today=TODAY, timeout=5)
    assert (
        "CM/ECF software changed (1): ca9: NextGen CM/ECF Appellate Release 1.6 -> ACMS 1.2."
        in update.summary
    )


def _big_json(size: int) -> bytes:
    return b'{"meta": {}, "data": [' + b'"x",' * (size // 4) + b'"x"]}'


FAILURES = {
    "truncated (Content-Length longer than the body)": (
        lambda feed: Answer(body=feed, cut_at=len(feed) // 2),
        "cut off before its end",
    ),
    "truncated (no length, connection closed)": (
        lambda feed: Answer(body=feed, cut_at=len(feed) // 2, send_length=False),
        "cut off before its end",
    ),
    "a captive portal's web page": (
        lambda feed: Answer(
            body=b"<html><body>Sign in to the hotel Wi-Fi</body></html>", content_type="text/html"
        ),
        "web page instead of the court list",
    ),
    "HTML labelled as JSON": (
        lambda feed: Answer(body=b"<!DOCTYPE html><html>Proxy error</html>"),
        "web page instead of the court list",
    ),
    "an HTTP error": (lambda feed: Answer(500, b"oops", "text/plain"), "answered with an error (HTTP 500"),
    "too big (declared)": (lambda feed: Answer(body=_big_json(3_000_000)), "far larger than the court list"),
    "too big (no length)": (
        lambda feed: Answer(body=_big_json(3_000_000), send_length=False),
        "far larger than the court list",
    ),
    "slow, past the time limit": (
        lambda feed: Answer(body=feed, delay=3.0),
        "did not answer within 0.5 seconds",
    ),
    "not JSON": (lambda feed: Answer(body=b"court,host\nmab,ecf.mab\n", content_type="text/csv"), "not JSON"),
    "far fewer courts": (
        lambda feed: Answer(body=_fewer(feed)),
        "lists only 102 courts where this app knows 210",
    ),
    "a required field missing": (lambda feed: Answer(body=_without(feed, "login_url")), "has no login_url"),
    "two courts with one id": (lambda feed: Answer(body=_duplicate(feed)), "two courts under one id"),
    "a login address off uscourts.gov": (
        lambda feed: Answer(body=_phishing(feed)),
        "filing address is not an https address on uscourts.gov",
    ),
    "older than the data in use": (
        lambda feed: Answer(body=changed_feed(feed, date="Mon, 10 Jan 2022 06:00:00 -0500")),
        "older than the one in use",
    ),
}


def _edit(feed: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    data = json.loads(feed)
    change(data["data"])
    return json.dumps(data).encode("utf-8")


def _fewer(feed: bytes) -> bytes:
    return _edit(feed, lambda entries: entries.__delitem__(slice(102, None)))


def _without(feed: bytes, key: str) -> bytes:
    return _edit(feed, lambda entries: entries[10].pop(key))


def _duplicate(feed: bytes) -> bytes:
    def change(entries: list[dict]) -> None:
        twin = dict(entries[10])
        twin["court_id"] = "TWIN"
        entries.append(twin)

    return _edit(feed, change)


def _phishing(feed: bytes) -> bytes:
    return _edit(
        feed, lambda entries: entries[10].update(login_url="https://ecf.mab.uscourts.gov.example.com")
    )


@pytest.mark.parametrize("case", list(FAILURES))
def test_each_failure_is_one_sentence_and_the_data_in_use_is_intact(
    server: CourtServer, feed: bytes, case: str
) -> None:
    paths = app_paths()
    server.routes["/good.json"] = Answer(body=changed_feed(feed))
    stored = keep_update(check_for_update(server.url("/good.json"), shipped(), today=TODAY, timeout=5), paths)
    before = stored.read_bytes()
    answer, expected = FAILURES[case]
    server.routes["/bad.json"] = answer(feed)
    with pytest.raises(CourtUpdateError) as raised:
        check_for_update(
            server.url("/bad.json"), current_court_data(paths), today=TODAY, timeout=0.5, cap=2_000_000
        )
    message = str(raised.value)
    assert expected in message
    assert message.count("\n") == 0 and message.endswith(".")
    assert stored.read_bytes() == before
    now = current_court_data(paths)
    assert now.path == stored and now.catalog.get("zzd") is not None


def test_the_real_cap_lets_the_feed_through(server: CourtServer, feed: bytes) -> None:
    assert len(feed) < court_diff.MAX_FEED_BYTES
    server.routes["/data.json"] = Answer(body=feed, send_length=False)
    assert check_for_update(server.url("/data.json"), shipped(), today=TODAY, timeout=5).diff.empty


def test_nothing_listens_there() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again before the request
    with pytest.raises(CourtUpdateError, match="refused the connection"):
        check_for_update(f"http://127.0.0.1:{port}/data.json", shipped(), today=TODAY, timeout=2)


def test_a_proxy_that_cannot_be_reached_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("https_proxy", f"http://127.0.0.1:{port}")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    with pytest.raises(CourtUpdateError, match=rf"The proxy http://127.0.0.1:{port} could not be reached"):
        court_updates.fetch("https://pacer.example.invalid/data.json", timeout=2)


def test_offline_is_one_sentence() -> None:
    import urllib.error

    error = urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))
    assert court_updates._why(error, "https://pacer.uscourts.gov/x", 5) == (
        "pacer.uscourts.gov could not be found: this computer seems to be offline (no network or no DNS)."
    )


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://pacer.uscourts.gov/file-case/court-cmecf-lookup/data.json", True),
        ("https://mirror.firm.example/courts.json", True),
        ("http://127.0.0.1:8080/data.json", True),
        ("http://localhost/data.json", True),
        ("http://[::1]:8080/data.json", True),
        ("http://pacer.uscourts.gov/data.json", False),
        ("http://10.0.0.5/data.json", False),
        ("ftp://pacer.uscourts.gov/data.json", False),
        ("file:///etc/passwd", False),
        ("pacer.uscourts.gov", False),
    ],
)
def test_https_only_except_this_computer(url: str, allowed: bool) -> None:
    assert (address_problem(url) is None) is allowed


def test_plain_http_elsewhere_is_refused_before_any_connection() -> None:
    with pytest.raises(CourtUpdateError, match="plain http"):
        check_for_update("http://pacer.uscourts.gov/data.json", shipped(), today=TODAY, timeout=1)


def test_a_redirect_to_plain_http_is_not_followed(server: CourtServer) -> None:
    server.routes["/moved"] = Answer(
        302, b"", "text/plain", location="http://pacer.example.invalid/data.json"
    )
    with pytest.raises(CourtUpdateError, match="redirected to one the app will not use"):
        check_for_update(server.url("/moved"), shipped(), today=TODAY, timeout=2)
    assert server.requests == ["/moved"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw.replace(b"Test District Court", b"Evil District Court"),  # hash no longer matches
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"\x00\x01 not json",
        lambda raw: raw.replace(b'"format": 1', b'"format": 99'),
    ],
)
def test_a_damaged_stored_copy_is_ignored_and_reported(
    server: CourtServer, feed: bytes, damage, open_session
) -> None:  # type: ignore[no-untyped-def]
    paths = app_paths()
    server.routes["/good.json"] = Answer(body=changed_feed(feed))
    stored = keep_update(check_for_update(server.url("/good.json"), shipped(), today=TODAY, timeout=5), paths)
    stored.write_bytes(damage(stored.read_bytes()))
    now = current_court_data(paths)
    assert now.path is None and len(now.catalog) == 209
    assert len(now.problems) == 1 and str(stored) in now.problems[0]
    session = open_session()
    assert any("was ignored" in notice for notice in session.notices)
    assert session.catalog.get("zzd") is None
    from nextgen_wizard.doctor import run_doctor

    report = run_doctor(Session.for_machine(paths))
    assert "as shipped with the app" in report.court_data
    assert any("was ignored" in warning for warning in report.warnings)


def test_a_copy_older_than_the_shipped_data_is_not_used(server: CourtServer, feed: bytes) -> None:
    paths = app_paths()
    server.routes["/good.json"] = Answer(body=changed_feed(feed))
    update = check_for_update(server.url("/good.json"), shipped(), today=TODAY, timeout=5)
    update.data["feed_date"] = "2022-01-01"
    keep_update(update, paths)
    assert current_court_data(paths).path is None


def test_a_copy_it_placed_for_every_user_is_used(
    server: CourtServer, feed: bytes, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from nextgen_wizard.domain.record import replace

    server.routes["/good.json"] = Answer(body=changed_feed(feed))
    update = check_for_update(server.url("/good.json"), shipped(), today=TODAY, timeout=5)
    machine = replace(app_paths(), data=tmp_path / "it-prepared")
    it_copy = keep_update(update, machine)
    site = tmp_path / "site"
    site.mkdir()
    (site / STORED_NAME).write_bytes(it_copy.read_bytes())
    paths = replace(app_paths(), site_config=site)
    now = current_court_data(paths)
    assert now.path == site / STORED_NAME and now.catalog.get("zzd") is not None


# ---- the session: policy and the data in use --------------------------------------------------


def test_policy_url_overrides_the_feed_address(
    server: CourtServer, feed: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/mirror.json"] = Answer(body=changed_feed(feed))
    policy = write_policy(tmp_path, f'[courts]\nupdate_url = "{server.url("/mirror.json")}"\n')
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(policy))
    monkeypatch.setenv("NEXTGEN_WIZARD_COURT_TIMEOUT", "5")
    session = Session.for_machine(app_paths(), keyring=False)
    assert not session.policy.problems
    assert session.courts.update_address() == server.url("/mirror.json")
    update = session.courts.check_update()
    path = session.use_court_update(update)
    assert server.requests == ["/mirror.json"]
    assert session.catalog.get("zzd") is not None
    assert session.courts.describe().endswith(
        f"downloaded {date.today():%B} {date.today().day}, {date.today().year} ({path})"
    )
    assert "court data from: " + server.url("/mirror.json") in session.policy.describe()


def test_policy_can_turn_updates_off(
    server: CourtServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = write_policy(tmp_path, f'[courts]\nupdates = false\nupdate_url = "{server.url("/x")}"\n')
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(policy))
    session = Session.for_machine(app_paths(), keyring=False)
    assert session.policy.court_updates is False
    with pytest.raises(CourtUpdateError, match="IT department turned off downloading court data"):
        session.courts.check_update()
    assert server.requests == []
    assert "court data updates: off" in session.policy.describe()


def test_wrong_policy_values_are_named_and_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = write_policy(tmp_path, '[courts]\nupdates = "no"\nupdate_url = 5\n')
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(policy))
    session = Session.for_machine(app_paths(), keyring=False)
    assert session.policy.court_updates is True and session.policy.court_update_url is None
    assert len(session.policy.problems) == 2


def test_the_policy_keys_are_in_the_firm_it_templates() -> None:
    from tests.helpers import ROOT

    example = (ROOT / "packaging" / "deploy" / "policy.example.toml").read_text(encoding="utf-8")
    deployment = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    for key in ("updates", "update_url"):
        assert f"\n{key} = " in example or f"\n# {key} = " in example
        assert f"courts.{key}" in deployment


def test_the_checklist_says_which_court_data() -> None:
    from nextgen_wizard.domain.render_html import render_html
    from tests.helpers import CATALOG, answers, checklist

    html = render_html(checklist(answers()), generated=date(2026, 11, 23), version="0.1.0")
    assert "Court data: PACER&#x27;s court list of January 10, 2023, as shipped with the app." in html
    assert CATALOG.describe() in html.replace("&#x27;", "'")
