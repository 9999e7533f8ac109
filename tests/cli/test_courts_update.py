"""`nextgen-wizard courts --update`: the summary, --yes, no terminal, failures, firm policy, doctor."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextgen_wizard.cli import main
from nextgen_wizard.storage.court_downloads import STORED_NAME
from nextgen_wizard.storage.paths import app_paths
from tests.court_server import Answer, CourtServer, changed_feed, feed_bytes, write_policy


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[CourtServer]:
    """The firm's 'mirror' is the test server: policy courts.update_url points at it."""
    with CourtServer() as running:
        policy = write_policy(tmp_path, f'[courts]\nupdate_url = "{running.url("/data.json")}"\n')
        monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(policy))
        monkeypatch.setenv("NEXTGEN_WIZARD_COURT_TIMEOUT", "1")
        yield running


def stored() -> Path:
    return app_paths().data / STORED_NAME


def test_update_with_yes_shows_what_changed_and_uses_it(server: CourtServer, capsys) -> None:  # type: ignore[no-untyped-def]
    server.routes["/data.json"] = Answer(body=changed_feed(feed_bytes()))
    assert main(["courts", "--update", "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"Downloading PACER's court list from {server.url('/data.json')}" in out
    assert "Courts added (1): zzd (Test District Court)." in out
    assert "Filing addresses changed (1): mab:" in out
    assert "Contacts (phones, emails) changed (1): mad." in out
    assert "Now using PACER's court list of March 1, 2027, downloaded" in out
    assert stored().exists()
    assert main(["courts", "zzd"]) == 0
    assert "Test District Court" in capsys.readouterr().out
    assert main(["doctor", "--format", "json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert report["court_data"].startswith("PACER's court list of March 1, 2027, downloaded ")
    assert str(stored()) in report["court_data"]


def test_without_a_terminal_it_asks_for_yes_and_changes_nothing(server: CourtServer, capsys) -> None:  # type: ignore[no-untyped-def]
    server.routes["/data.json"] = Answer(body=changed_feed(feed_bytes()))
    assert main(["courts", "--update"]) == 2
    captured = capsys.readouterr()
    assert server.requests == []  # asked before any network use: a script without --yes never downloads
    assert "needs confirmation: run it in a terminal, or add --yes" in captured.err
    assert "Your court data is unchanged: PACER's court list of January 10, 2023, as shipped" in captured.err
    assert not stored().exists()


def test_the_shipped_feed_means_no_changes(server: CourtServer, capsys) -> None:  # type: ignore[no-untyped-def]
    server.routes["/data.json"] = Answer(body=feed_bytes())
    assert main(["courts", "--update", "--yes"]) == 0
    assert "No court was added or removed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("answer", "sentence"),
    [
        (Answer(500, b"oops", "text/plain"), "answered with an error (HTTP 500 Internal Server Error)."),
        (Answer(body=b"<html>Sign in</html>", content_type="text/html"), "a Wi-Fi sign-in page"),
        (Answer(body=b'{"meta": {"last_updated": "x"}, "data": [', cut_at=20), "cut off before its end"),
        (Answer(body=b"{}", delay=3), "did not answer within 1 seconds."),
    ],
)
def test_each_failure_exits_1_with_one_sentence(
    server: CourtServer, capsys, answer: Answer, sentence: str
) -> None:  # type: ignore[no-untyped-def]
    server.routes["/data.json"] = answer
    assert main(["courts", "--update", "--yes"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert sentence in err[0] and err[0].startswith("error: ")
    assert err[1].startswith("error: Your court data is unchanged: PACER's court list of January 10, 2023")
    assert not stored().exists()


def test_policy_off_says_it_turned_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(write_policy(tmp_path, "[courts]\nupdates = false\n")))
    assert main(["courts", "--update", "--yes"]) == 1
    err = capsys.readouterr().err
    assert "error: Your IT department turned off downloading court data in your firm's policy" in err


def test_update_takes_no_search_words(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["courts", "mab", "--update"]) == 2
