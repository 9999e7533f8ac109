import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from nextgen_wizard.session.keyring import login_entry
from nextgen_wizard.storage import vault as vault_module
from nextgen_wizard.storage.vault import (
    KeyringTimeout,
    KeyringVault,
    MemoryVault,
    NoSecureKeyring,
    SecretTooLarge,
    describe_backend,
    forget_all,
)
from tests.helpers import ROOT, linux_ci

SECRET = "Tr0ub4dor&3-never-on-disk"


class DictBackend(KeyringBackend):
    """A test store that, like macOS Keychain, cannot find an entry without its username."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        del self.items[(service, username)]


class HangingBackend(DictBackend):
    def get_credential(self, service, username):
        time.sleep(5)


# --- which stores are accepted -----------------------------------------------------------


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()])
def test_non_system_stores_are_refused(backend: object) -> None:
    info = describe_backend(backend)
    assert not info.accepted and info.reason


def test_from_a_chain_only_the_system_keyring_is_used(secret_service) -> None:
    class Mixed(chainer.ChainerBackend):
        backends = (PlaintextKeyring(), secret_service)

    class FilesOnly(chainer.ChainerBackend):
        backends = (PlaintextKeyring(), null.Keyring())

    assert KeyringVault(Mixed()).backend is secret_service
    assert KeyringVault(Mixed()).info().accepted
    assert not KeyringVault(FilesOnly()).info().accepted
    with pytest.raises(NoSecureKeyring):
        KeyringVault(FilesOnly()).save(login_entry(None), "jdoe2016", SECRET)


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), "plaintext"])
def test_refused_store_writes_nothing_anywhere_and_says_write_it_down(
    backend: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home-dir"))
    if backend == "plaintext":
        backend = PlaintextKeyring()
    with pytest.raises(NoSecureKeyring) as caught:
        KeyringVault(backend).save(login_entry(None), "jdoe2016", SECRET)
    assert "nothing was saved" in str(caught.value) and "Write the login down" in str(caught.value)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == []


# --- the real Secret Service ---------------------------------------------------------------


def test_real_keyring_store_read_back_and_delete(secret_service) -> None:
    vault = KeyringVault()
    message = vault.save(login_entry("mab"), "jdoe_mab", SECRET)
    assert message == "Saved in Secret Service (GNOME Keyring) and checked."
    assert secret_service.get_password(login_entry("mab"), "jdoe_mab") == SECRET  # really there
    loaded = vault.load(login_entry("mab"))
    assert (loaded.login, loaded.password) == ("jdoe_mab", SECRET)
    assert SECRET not in repr(loaded)
    vault.save(login_entry("mab"), "jdoe_new", SECRET + "2")  # a new login replaces the old one
    assert secret_service.get_password(login_entry("mab"), "jdoe_mab") is None
    assert vault.forget(login_entry("mab"))
    assert vault.load(login_entry("mab")) is None
    assert not vault.forget(login_entry("mab"))


def test_forget_all_removes_each_entry(secret_service) -> None:
    vault = KeyringVault()
    vault.save(login_entry(None), "jdoe2016", SECRET)
    vault.save(login_entry("alsb"), "jdoe", SECRET)
    removed = forget_all(vault, [login_entry(None), login_entry("alsb"), login_entry("mad")])
    assert removed == [login_entry(None), login_entry("alsb")]
    assert vault.load(login_entry(None)) is None


def _in_private_keyring_session(script: str) -> subprocess.CompletedProcess:
    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        if linux_ci():
            pytest.fail("CI needs dbus-run-session and gnome-keyring-daemon (see .ci/run)")
        pytest.skip("gnome-keyring is not installed")
    shell = (
        'k="$(mktemp -d)"; echo -n pw | XDG_DATA_HOME="$k" gnome-keyring-daemon --unlock '
        '--components=secrets >/dev/null && "$@"; s=$?; rm -rf "$k"; exit $s'
    )
    return subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell, "sh", sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DISPLAY"},
    )


def test_a_locked_keyring_says_so_and_can_be_retried_after_unlocking() -> None:
    script = """
import secretstorage
from keyring.backends import SecretService
from nextgen_wizard.session.keyring import login_entry
from nextgen_wizard.storage.vault import KeyringVault, KeyringLocked
vault = KeyringVault(SecretService.Keyring())
print(vault.save(login_entry(None), "jdoe2016", "pw-1"))
collection = secretstorage.get_default_collection(secretstorage.dbus_init())
collection.lock()
try:
    vault.save(login_entry(None), "jdoe2016", "pw-2")
except KeyringLocked as error:
    print("LOCKED:", error)
"""
    result = _in_private_keyring_session(script)
    assert "Saved in Secret Service" in result.stdout, result.stderr
    assert "LOCKED: Your keyring is locked. Unlock it" in result.stdout
    assert "press Retry" in result.stdout


def test_a_hanging_keyring_times_out_instead_of_freezing() -> None:
    vault = KeyringVault(HangingBackend(), timeout=0.3)
    vault_module.ACCEPTED_BACKENDS[f"{__name__}.HangingBackend"] = "test store"
    try:
        started = time.monotonic()
        with pytest.raises(KeyringTimeout, match=r"did not answer within 0\.3 seconds"):
            vault.save(login_entry(None), "jdoe2016", SECRET)
        assert time.monotonic() - started < 3
    finally:
        del vault_module.ACCEPTED_BACKENDS[f"{__name__}.HangingBackend"]


def test_store_without_lookup_by_entry_alone_uses_a_login_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(vault_module.ACCEPTED_BACKENDS, f"{__name__}.DictBackend", "test store")
    backend = DictBackend()
    vault = KeyringVault(backend)
    vault.save(login_entry("mab"), "jdoe", SECRET)
    assert vault.load(login_entry("mab")).login == "jdoe"
    assert vault.forget(login_entry("mab"))
    assert backend.items == {}


def test_windows_size_limit_is_checked_before_writing() -> None:
    vault = MemoryVault()
    with pytest.raises(SecretTooLarge, match="at most 1280"):
        vault.save(login_entry(None), "jdoe2016", "x" * 1281)
    assert vault.load(login_entry(None)) is None
    vault.save(login_entry(None), "jdoe2016", "x" * 1280)


def test_memory_vault_for_demos() -> None:
    vault = MemoryVault()
    assert "demo" in vault.save(login_entry(None), "demo2020", SECRET)
    assert vault.load(login_entry(None)).password == SECRET
    assert vault.forget(login_entry(None)) and vault.load(login_entry(None)) is None


def test_keyring_is_not_imported_until_a_secret_is_handled() -> None:
    code = (
        "import sys, nextgen_wizard.cli, nextgen_wizard.storage.vault as v; "
        "v.KeyringVault(); print('keyring' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.stdout.strip() == "False"


class LockedBackend(DictBackend):
    """Secret Service's answer when the unlock prompt is dismissed."""

    def get_credential(self, service, username):
        from keyring.errors import InitError

        raise InitError("Failed to unlock the collection!")


def test_a_collection_that_stays_locked_is_reported_as_locked_not_as_initerror(monkeypatch) -> None:
    monkeypatch.setitem(vault_module.ACCEPTED_BACKENDS, f"{__name__}.LockedBackend", "test store")
    vault = KeyringVault(LockedBackend())
    with pytest.raises(vault_module.KeyringLocked, match="Your keyring is locked"):
        vault.load(login_entry(None))
