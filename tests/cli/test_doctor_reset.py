import json
import os

from nextgen_wizard.domain.answers import Answers
from nextgen_wizard.storage.answer_store import AnswerStore
from nextgen_wizard.storage.paths import app_paths
from tests.cli.test_cli import run


def _doctor(env_changes: dict[str, str | None]) -> tuple[int, dict]:
    saved = dict(os.environ)
    try:
        for key, value in env_changes.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        result = run("doctor", "--format", "json")
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return result.returncode, json.loads(result.stdout)


def test_doctor_accepts_the_secret_service_inside_the_keyring_session(secret_service) -> None:
    code, report = _doctor({})
    assert report["keyring"]["backend"] == "Secret Service (GNOME Keyring)"
    assert report["keyring"]["accepted"] is True and report["keyring"]["reachable"] is True
    assert code == 0 and report["ok"] is True
    assert report["paths"]["data"].endswith(os.path.join("home", "data"))


def test_doctor_exits_1_with_a_keyring_reason_outside_it() -> None:
    code, report = _doctor({"DBUS_SESSION_BUS_ADDRESS": None})
    assert code == 1 and report["ok"] is False
    assert report["keyring"]["accepted"] is False
    assert any("keyring" in problem for problem in report["problems"])


def test_doctor_text_report_names_every_part() -> None:
    text = run("doctor").stdout
    for label in (
        "Data folder:",
        "Log folder:",
        "Config folder:",
        "Site policy:",
        "Keyring:",
        "Qt:",
        "Result:",
    ):
        assert label in text


def test_reset_needs_confirmation_without_a_terminal() -> None:
    store = AnswerStore(app_paths().answers_file)
    store.save(Answers())
    result = run("reset")
    assert result.returncode == 2 and "--yes" in result.stderr
    assert store.path.exists()


def test_reset_removes_saved_answers_and_says_so() -> None:
    store = AnswerStore(app_paths().answers_file)
    store.save(Answers())
    result = run("reset", "--yes")
    assert result.returncode == 0, result.stderr
    assert f"Removed {store.path}" in result.stdout
    assert not store.path.exists()


def test_checklist_defaults_to_the_saved_answers() -> None:
    missing = run("checklist")
    assert missing.returncode == 2 and "no saved answers yet" in missing.stderr
    AnswerStore(app_paths().answers_file).save(Answers(courts=["alsb"]))
    result = run("checklist", "--as-of", "2020-04-15")
    assert result.returncode == 0 and "Alabama Southern Bankruptcy Court" in result.stdout
