"""A secret given to the vault shows up in no file of ours and in no output."""

import json
from pathlib import Path

import pytest

from nextgen_wizard.cli import main
from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.session.keyring import login_entry
from nextgen_wizard.storage.answer_store import AnswerStore
from nextgen_wizard.storage.paths import app_paths
from nextgen_wizard.storage.vault import KeyringVault
from tests.helpers import EXAMPLES

PACER_SECRET = "Pacer-Secret-4-Leak-Test!"
CMECF_SECRET = "Cmecf-Secret-4-Leak-Test!"


def _files_containing(folder: Path, secret: str) -> list[Path]:
    needles = [secret.encode("utf-8"), secret.encode("utf-16-le")]
    return [p for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


def test_secrets_stored_through_the_vault_reach_no_file_and_no_output(
    secret_service, app_home: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    vault = KeyringVault()
    vault.save(login_entry(None), "robinsample01", PACER_SECRET)
    vault.save(login_entry("mab"), "rsample_mab", CMECF_SECRET)
    raw = json.loads((EXAMPLES / "browser-login-mab.json").read_text())
    raw["keyring_entries"] = [login_entry(None), login_entry("mab")]
    paths = app_paths()
    AnswerStore(paths.answers_file).save(answers_from_dict(raw))

    out = app_home / "exports"
    out.mkdir()
    assert main(["checklist"]) == 0  # the saved answers, by default
    assert main(["checklist", "--format", "json", "-o", str(out / "plan.json")]) == 0
    assert main(["doctor"]) in (0, 1)
    assert main(["reset", "--yes"]) == 0
    captured = capfd.readouterr()

    assert (paths.log_file).exists()  # logging really happened
    for secret in (PACER_SECRET, CMECF_SECRET):
        assert secret not in captured.out + captured.err
        for folder in (*paths.per_user(), out):
            assert _files_containing(folder, secret) == []
    assert 'Removed keyring entry "NextGen Ready: CM/ECF mab"' in captured.out
    assert vault.load(login_entry(None)) is None


def test_the_leak_check_would_notice_a_leak(tmp_path: Path) -> None:
    (tmp_path / "oops.log").write_text(f"password={PACER_SECRET}")
    assert _files_containing(tmp_path, PACER_SECRET) == [tmp_path / "oops.log"]
