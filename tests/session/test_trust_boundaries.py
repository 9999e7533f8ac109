"""Reset against a keyring that stops answering, names reset may remove, and a data folder's
own permissions: real backends (in-process keyring classes), real files and modes."""

from __future__ import annotations

import os
import stat
import time
from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest
from keyring.backend import KeyringBackend

import nextgen_wizard.session.keyring as keyring_module
from nextgen_wizard.domain.answers import Answers
from nextgen_wizard.session import Session
from nextgen_wizard.storage import vault as vault_module
from nextgen_wizard.storage.paths import app_paths
from nextgen_wizard.storage.policy import Policy
from nextgen_wizard.storage.vault import KeyringVault
from tests.cli.test_cli import run
from tests.helpers import CATALOG


class SlowBackend(KeyringBackend):
    """A keyring that holds every entry asked for, answers lookups at once and deletes after
    `delay` seconds."""

    priority = 1  # type: ignore[assignment]
    delay = 0.0
    deleted: ClassVar[list[str]] = []

    def get_password(self, service, username):  # type: ignore[no-untyped-def]
        return "not-a-real-secret"

    def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
        pass

    def delete_password(self, service, username):  # type: ignore[no-untyped-def]
        time.sleep(self.delay)
        SlowBackend.deleted.append(service)


@pytest.fixture
def accepted(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setitem(vault_module.ACCEPTED_BACKENDS, f"{__name__}.SlowBackend", "test store")
    SlowBackend.deleted = []
    SlowBackend.delay = 0.0
    yield SlowBackend


def _session(backend: KeyringBackend, timeout: float, entries: tuple[str, ...] = ()) -> Session:
    return Session(
        answers=Answers(keyring_entries=list(entries)), catalog=CATALOG, as_of=date(2026, 12, 4),
        vault=KeyringVault(backend, timeout=timeout), paths=app_paths(), policy=Policy(),
    )  # fmt: skip


def test_reset_stops_at_the_first_keyring_time_out(accepted) -> None:  # type: ignore[no-untyped-def]
    accepted.delay = 2.0
    started = time.monotonic()
    report = _session(accepted(), timeout=0.3).reset(confirm=lambda question: True)
    assert time.monotonic() - started < 30  # not 210 entries times the time-out
    assert any("stopped answering" in p and "run reset again" in p for p in report.problems)


def test_reset_has_one_deadline_for_all_its_keyring_work(accepted, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    accepted.delay = 0.05  # each answer in time, but 210 of them take longer than the deadline
    monkeypatch.setattr(keyring_module, "RESET_KEYRING_DEADLINE", 0.5)
    report = _session(accepted(), timeout=1.0).reset(confirm=lambda question: True)
    assert 0 < len(accepted.deleted) < len(CATALOG)
    assert any("were not checked" in p for p in report.problems)


def test_reset_removes_only_names_the_app_makes(accepted) -> None:  # type: ignore[no-untyped-def]
    planted = ("NextGen Ready: someone else's entry", "NextGen Ready: CM/ECF ../../x", "NextGen Ready: CM/ECF oldct")
    _session(accepted(), timeout=1.0, entries=planted).reset(confirm=lambda question: True)
    assert "NextGen Ready: someone else's entry" not in accepted.deleted
    assert "NextGen Ready: CM/ECF ../../x" not in accepted.deleted
    assert "NextGen Ready: CM/ECF oldct" in accepted.deleted  # a court the data no longer lists
    assert "NextGen Ready: PACER" in accepted.deleted


@pytest.mark.skipif(os.name != "posix", reason="POSIX folder modes")
def test_a_read_only_data_folder_is_left_read_only_and_the_user_is_told(tmp_path: Path) -> None:
    data = app_paths().data
    data.mkdir(parents=True, exist_ok=True)
    os.chmod(data, 0o555)
    try:
        result = run("set", "pacer.mfa_enrolled", "true")
        assert stat.S_IMODE(os.stat(data).st_mode) == 0o555
        if os.geteuid() != 0:  # root may write anyway; an ordinary user is told it cannot
            assert result.returncode == 1
    finally:
        os.chmod(data, 0o755)


@pytest.mark.parametrize("wrong", ['"cmecf": true', '"cmecf": 5', '"pacer": [1]', '"courts": {"mab": 1}'])
def test_a_saved_answer_of_the_wrong_type_is_damage_with_its_reason_never_a_crash(wrong: str) -> None:
    data = app_paths().data
    data.mkdir(parents=True, exist_ok=True)
    (data / "answers.json").write_text('{"schema_version": 2, "courts": ["mab"], ' + wrong + "}")
    shown = run("checklist")
    assert shown.returncode != 0 and "unexpected problem" not in shown.stderr and "is not" in shown.stderr
    changed = run("set", "role", "attorney")
    assert changed.returncode == 0, changed.stderr
    assert "could not be used" in changed.stdout + changed.stderr
    assert list(data.glob("answers.corrupt-*.json"))  # set aside, not lost
