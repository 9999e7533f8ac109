"""The seams, tried as a new user, a firm's IT department and an attacker would: each case a real fault.

Full disks and read-only folders are real tmpfs mounts (as root, as in CI), links are really planted,
hostile files are really written; nothing here is a mock of the file system.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from nextgen_wizard.domain.answers import Answers, CourtLogin, Filer, Role
from nextgen_wizard.session import ChangeRefused, Session, SessionError
from nextgen_wizard.storage.answer_store import AnswerStore
from nextgen_wizard.storage.paths import app_paths
from tests.cli.test_cli import run
from tests.helpers import EXAMPLES, linux_ci

TODAY = date(2026, 11, 23)


@contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A real, small or read-only file system mounted at `folder` for the length of a test."""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        if linux_ci():
            pytest.fail("CI runs as root and must test full and read-only disks for real")
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True, timeout=30)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, timeout=30)


def _fill(folder: Path) -> None:
    """Use up every byte of a small tmpfs."""
    descriptor = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(descriptor, b"x" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(text)
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(path))
    return path


# ---- the store never writes what it would refuse to read --------------------------------------


def test_set_refuses_a_court_that_does_not_exist_and_the_saved_file_still_loads() -> None:
    assert run("set", "courts", '["mab"]').returncode == 0
    refused = run("set", "courts", '["zzz","mab"]')
    assert refused.returncode == 2 and '"zzz" is not a known court id' in refused.stderr
    not_mine = run("set", "cmecf.zzb.linked", "true")
    assert not_mine.returncode == 2 and "not one of your courts" in not_mine.stderr
    saved = AnswerStore(app_paths().answers_file).load()
    assert saved.notices == [] and saved.answers.courts == ["mab"]


def test_set_on_the_parent_of_a_locked_answer_is_refused(tmp_path: Path, monkeypatch) -> None:
    _policy(tmp_path, monkeypatch, '[answers."pacer.account_type"]\nvalue = "upgraded"\nlocked = true\n')
    parent = run("set", "pacer", '{"account_type": "legacy"}')
    assert parent.returncode == 2 and "locked by your firm's policy" in parent.stderr
    child = run("set", "pacer.account_type", "legacy")
    assert child.returncode == 2 and "locked" in child.stderr
    assert run("set", "pacer.mfa_enrolled", "true").returncode == 0  # a sibling is free


def test_capital_court_ids_in_the_policy_keep_the_users_own_cmecf_answers(
    tmp_path: Path, monkeypatch
) -> None:
    AnswerStore(app_paths().answers_file).save(
        Answers(courts=["mab"], cmecf={"mab": CourtLogin(has_filing_account=True, knows_login=True)})
    )
    _policy(tmp_path, monkeypatch, '[answers."courts"]\nvalue = ["MAB"]\nlocked = true\n')
    result = run("checklist", "--format", "json")
    assert result.returncode == 0, result.stderr
    session = Session.read(app_paths(), as_of=TODAY)
    assert session.answers.cmecf["mab"].knows_login is True


def test_a_policy_court_that_is_not_a_court_is_named_by_doctor(tmp_path: Path, monkeypatch) -> None:
    _policy(tmp_path, monkeypatch, '[answers."courts"]\nvalue = ["mab", "xxb"]\nlocked = true\n')
    result = run("doctor", "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert any('"xxb" is not a court id' in problem for problem in report["problems"])


def test_a_named_policy_that_is_missing_turns_saving_off_and_doctor_fails(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(tmp_path / "nowhere.toml"))
    result = run("doctor", "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1 and "does not exist" in " ".join(report["problems"])
    assert report["keyring"].get("turned_off_by_policy") is True


def test_policy_with_one_unknown_key_still_turns_password_saving_off(
    tmp_path: Path, monkeypatch, open_session
) -> None:
    _policy(tmp_path, monkeypatch, "[wizard]\ncredential_storage = false\ncolour = 1\n")
    session = open_session()
    assert not session.keyring.saves_logins
    assert any("colour" in notice for notice in session.notices)


# ---- one safe writer ----------------------------------------------------------------------------


def test_a_pdf_to_a_full_disk_says_so_and_keeps_the_good_pdf(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "size=64k") as folder:
        good = folder / "checklist.pdf"
        good.write_bytes(b"%PDF-1.4 the good one %%EOF")
        _fill(folder)
        result = run(
            "checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--format", "pdf",
            "-o", str(good), "--force",
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        assert "full" in result.stderr and "Nothing was replaced" in result.stderr
        assert "Wrote" not in result.stderr and "Traceback" not in result.stderr
        assert good.read_bytes() == b"%PDF-1.4 the good one %%EOF"
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_output_to_a_read_only_place_is_a_plain_sentence(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "size=64k,ro") as folder:
        result = run(
            "checklist", "--answers", str(EXAMPLES / "multi-court.json"), "-o", str(folder / "x.txt")
        )
    assert result.returncode == 1
    assert "read-only" in result.stderr and "unexpected problem" not in result.stderr


def test_a_link_planted_where_a_temporary_file_was_predictable_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("the user's other file")
    out = tmp_path / "checklist.txt"
    for name in (".checklist.txt.tmp", ".nextgen-.tmp"):
        (tmp_path / name).symlink_to(victim)
    result = run("checklist", "--answers", str(EXAMPLES / "multi-court.json"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert victim.read_text() == "the user's other file"
    assert "Your checklist" in out.read_text() or out.stat().st_size > 100


def test_the_lock_file_is_not_opened_through_a_planted_link(tmp_path: Path, open_session) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    paths = app_paths()
    paths.data.mkdir(parents=True)
    paths.instance_lock.symlink_to(victim)
    session = open_session()
    assert victim.read_text() == "keep me"
    assert session.saving_unavailable and "cannot be kept" in session.saving_unavailable


def test_leftover_temporary_files_go_at_the_next_start_and_with_reset(open_session) -> None:
    paths = app_paths()
    AnswerStore(paths.answers_file).save(Answers(courts=["mab"]))
    for name in (".answers-abc.tmp", ".nextgen-xyz.tmp"):
        (paths.data / name).write_text("{")
    open_session().close()
    assert sorted(p.name for p in paths.data.iterdir()) == ["answers.json", "wizard.lock"]
    (paths.data / ".nextgen-late.tmp").write_text("{")
    result = run("reset", "--yes")
    assert result.returncode == 0, result.stderr
    assert not list(paths.data.glob("*.tmp")) and not paths.answers_file.exists()


# ---- reading what is on disk ----------------------------------------------------------------------


HOSTILE = {
    "nested 100,000 deep": b'{"schema_version": 1, "filer": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "a 5,000-digit number": b'{"schema_version": 1, "courts": [], "x": ' + b"9" * 5000 + b"}",
    "schema version 1.0": b'{"schema_version": 1.0}',
    "schema version 0": b'{"schema_version": 0}',
    "schema version -1": b'{"schema_version": -1}',
    "NaN": b'{"schema_version": 1, "role": NaN}',
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_answers_file_is_quarantined_with_its_reason(case: str, open_session) -> None:
    paths = app_paths()
    paths.data.mkdir(parents=True)
    paths.answers_file.write_bytes(HOSTILE[case])
    session = open_session()
    assert session.answers == Answers()
    kept = list(paths.data.glob("answers.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == HOSTILE[case]
    assert "could not be used" in session.notices[0] and str(kept[0]) in session.notices[0]
    session.set_answer("courts", ["mab"])
    assert session.save() is None  # the user is not blocked


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero", "folder"])
def test_something_other_than_a_file_in_place_of_the_answers_never_hangs(kind: str, open_session) -> None:
    paths = app_paths()
    paths.data.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(paths.answers_file)
    elif kind == "folder":
        paths.answers_file.mkdir()
    else:
        paths.answers_file.symlink_to("/dev/zero")
    session = open_session()
    assert session.answers == Answers() and "could not be used" in session.notices[0]
    assert not os.path.lexists(paths.answers_file)  # moved aside, so the next save works
    assert session.save() is None
    set_result = run("set", "role", "attorney")
    assert set_result.returncode == 1 and "already open" in set_result.stderr  # the wizard holds it
    session.close()
    assert run("set", "role", "attorney").returncode == 0
    assert run("reset", "--yes").returncode == 0


def test_a_lone_surrogate_or_a_huge_paste_is_refused_with_a_sentence(open_session) -> None:
    session = open_session()
    for bad in ("Jane \ud800 Doe", "x" * 900_000):
        with pytest.raises(ChangeRefused) as refused:
            session.set_answer("filer.name", bad)
        assert "filer.name" in refused.value.problems[0]
    assert session.save() is None
    paths = app_paths()
    paths.answers_file.write_text('{"schema_version": 1, "filer": {"name": "Jane \\ud800"}}')
    session.close()
    again = open_session()
    assert "could not be used" in again.notices[0]


def test_escape_sequences_and_bidi_overrides_never_reach_the_terminal_or_the_pdf(tmp_path: Path) -> None:
    hostile = "Jane\x1b]0;pwned\x07 \x1b[2J\u202eDoe"
    answers = tmp_path / "answers.json"
    raw = json.loads((EXAMPLES / "multi-court.json").read_text())
    raw["filer"]["name"] = hostile
    answers.write_text(json.dumps(raw))
    text = run("checklist", "--answers", str(answers))
    assert text.returncode == 0, text.stderr
    assert "\x1b" not in text.stdout and "\u202e" not in text.stdout and "Jane" in text.stdout
    pdf = tmp_path / "c.pdf"
    assert run("checklist", "--answers", str(answers), "--format", "pdf", "-o", str(pdf)).returncode == 0
    if shutil.which("pdftotext"):
        words = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
        ).stdout
        assert "\x1b" not in words and "\u202e" not in words and "Jane" in words
    bad_name = run("courts", "\x1b[31mred")
    assert "\x1b" not in bad_name.stderr


# ---- a read-only data folder --------------------------------------------------------------------


def test_a_read_only_data_folder_opens_the_wizard_without_saving_and_the_cli_says_so(
    tmp_path: Path, monkeypatch, open_session
) -> None:
    with tmpfs(tmp_path / "rohome", "size=64k,ro") as home:
        monkeypatch.setenv("NEXTGEN_WIZARD_HOME", str(home))
        session = open_session()
        assert session.saving_unavailable and str(home / "data") in session.saving_unavailable
        session.set_answer("courts", ["mab"])  # the wizard works on
        assert "cannot be kept" in (session.save() or "")
        result = run("set", "role", "attorney")
        assert result.returncode == 1 and "cannot be kept" in result.stderr
        assert "Traceback" not in result.stderr


def test_the_wizard_window_opens_on_a_read_only_data_folder(qtbot, tmp_path: Path, monkeypatch) -> None:
    from nextgen_wizard.ui.app import open_session as gui_session
    from nextgen_wizard.ui.app import open_wizard

    with tmpfs(tmp_path / "rohome", "size=64k,ro") as home:
        monkeypatch.setenv("NEXTGEN_WIZARD_HOME", str(home))

        class Args:
            as_of, demo = TODAY, False

        session = gui_session(Args(), app_paths())
        wizard = open_wizard(session, ask_resume=lambda parent: True)
        qtbot.addWidget(wizard)
        assert wizard.isVisible()
        assert "cannot be kept" in wizard.currentPage().notices.label.text()
        session.close()


# ---- reset ---------------------------------------------------------------------------------------


def test_reset_only_removes_entries_in_the_apps_own_namespace(secret_service) -> None:
    secret_service.set_password("Chromium Safe Storage", "Chromium", "browser-key")
    secret_service.set_password("NextGen Ready: CM/ECF mab", "jdoe", "pw")
    AnswerStore(app_paths().answers_file).save(Answers(courts=["mab"]))
    crafted = json.loads(app_paths().answers_file.read_text())
    crafted["keyring_entries"] = ["Chromium Safe Storage", "NextGen Ready: CM/ECF mab"]
    app_paths().answers_file.write_text(json.dumps(crafted))
    try:
        result = run("reset", "--yes")
        assert result.returncode == 0, result.stderr
        assert secret_service.get_password("Chromium Safe Storage", "Chromium") == "browser-key"
        assert secret_service.get_password("NextGen Ready: CM/ECF mab", "jdoe") is None
        assert 'Removed keyring entry "NextGen Ready: CM/ECF mab"' in result.stdout
    finally:
        secret_service.delete_password("Chromium Safe Storage", "Chromium")


def test_reset_with_a_refused_file_keyring_removes_the_answers_and_does_not_crash(monkeypatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.EncryptedKeyring")
    AnswerStore(app_paths().answers_file).save(Answers(courts=["mab"]))
    result = run("reset", "--yes")
    assert result.returncode == 0, result.stderr
    assert "never stored anything" in result.stdout and "unexpected" not in result.stderr
    assert not app_paths().answers_file.exists()


class LockedVault:
    """A vault standing in for a locked Secret Service (the real one is tested in test_vault.py)."""

    def info(self):
        from nextgen_wizard.storage.vault import BackendInfo

        return BackendInfo("Secret Service", "x", True, "a system keyring")

    def load(self, entry: str):
        from nextgen_wizard.storage.vault import KeyringLocked

        raise KeyringLocked("Your keyring is locked.")

    def forget(self, entry: str) -> bool:
        raise AssertionError("nothing may be removed from a locked keyring")

    def save(self, entry: str, login: str, password: str) -> str:
        raise AssertionError


def test_reset_checks_the_keyring_first_and_removes_nothing_when_it_is_locked(open_session) -> None:
    AnswerStore(app_paths().answers_file).save(Answers(courts=["mab"]))
    session = open_session(vault=LockedVault())
    report = session.reset(confirm=lambda question: True)
    assert report.problems and "locked" in report.problems[0] and "Nothing was removed" in report.problems[0]
    assert report.removed_files == [] and app_paths().answers_file.exists()


# ---- dates, core dumps ---------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["9999-12-31", "1900-01-01"])
def test_an_as_of_outside_any_sensible_range_is_refused(day: str) -> None:
    result = run("checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--as-of", day)
    assert result.returncode == 2 and "outside the dates" in result.stderr
    with pytest.raises(SessionError):
        Session.read(app_paths(), as_of=date.fromisoformat(day), answers_file=EXAMPLES / "multi-court.json")


def test_core_dumps_are_turned_off_at_start() -> None:
    import sys

    script = (
        "import resource, nextgen_wizard.cli as c; c.no_core_dumps(); "
        "print(resource.getrlimit(resource.RLIMIT_CORE))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "(0, 0)"


def test_a_demo_session_never_applies_a_users_saved_answers(open_session) -> None:
    AnswerStore(app_paths().answers_file).save(Answers(role=Role.ATTORNEY, filer=Filer(name="Real Person")))
    demo = Answers(courts=["alsb"], filer=Filer(name="Demo Filer"))
    session = open_session(demo=demo)
    assert session.answers.filer.name == "Demo Filer" and session.demo


def test_reset_never_deletes_a_folder_whatever_its_name(open_session) -> None:
    paths = app_paths()
    (paths.data / "answers.json" / "sub").mkdir(parents=True)
    (paths.data / "answers.json" / "sub" / "important.docx").write_text("precious")
    (paths.data / "answers.corrupt-mine.json").mkdir()
    (paths.data / "answers.corrupt-mine.json" / "f").write_text("mine")
    open_session().close()  # the folder in the answers' place is moved aside, with its reason
    result = run("reset", "--yes")
    assert result.returncode == 0, result.stderr
    assert (paths.data / "answers.corrupt-mine.json" / "f").read_text() == "mine"
    moved = [p for p in paths.data.glob("answers.corrupt-*.json") if (p / "sub").exists()]
    assert moved and (moved[0] / "sub" / "important.docx").read_text() == "precious"


def test_an_answers_file_that_may_not_be_read_is_left_untouched(monkeypatch) -> None:
    """Permission denied is not damage: nothing is moved aside, nothing is saved over it."""
    from nextgen_wizard.storage import answer_store as store_module
    from nextgen_wizard.storage.files import NotAllowed

    paths = app_paths()
    AnswerStore(paths.answers_file).save(Answers(courts=["mab"]))
    before = paths.answers_file.read_bytes()

    def refuse(path, cap):
        raise NotAllowed(f"{path} cannot be read (Permission denied)")

    monkeypatch.setattr(store_module, "read_file", refuse)
    store = AnswerStore(paths.answers_file)
    loaded = store.load()
    assert not loaded.writable and "Permission denied" in loaded.notices[0]
    assert not list(paths.data.glob("answers.corrupt-*.json"))
    assert paths.answers_file.read_bytes() == before


def test_doctor_machine_names_court_data_it_cannot_use_and_a_bad_update_address(tmp_path, monkeypatch) -> None:
    site = tmp_path / "xdg" / "NextGen Ready"
    site.mkdir(parents=True)
    (site / "court-data.json").write_text('{"broken":')
    (site / "policy.toml").write_text('[courts]\nupdate_url = "ftp://mirror.example/x"\n')
    monkeypatch.delenv("NEXTGEN_WIZARD_POLICY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg"))
    result = run("doctor", "--machine")
    assert result.returncode == 1
    assert "Court data:" in result.stdout and "court-data.json" in result.stdout
    assert "courts.update_url" in result.stdout and "not an https address" in result.stdout


def test_piping_into_head_ends_quietly() -> None:
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "nextgen_wizard", "courts"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0 and "unexpected" not in error


def test_removing_a_court_says_that_its_answers_went_with_it() -> None:
    assert run("set", "courts", '["mab"]').returncode == 0
    assert run("set", "cmecf.mab.linked", "true").returncode == 0
    result = run("set", "courts", "[]")
    assert result.returncode == 0 and "CM/ECF answers for mab went with" in result.stderr
    assert run("set", "courts", "null").returncode == 0  # "no courts" either way
