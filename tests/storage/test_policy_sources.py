"""Policy from every source IT uses: registry (GPO/Intune), managed preferences (MDM), XDG folders."""

from __future__ import annotations

import json
import os
import plistlib
import sys
from pathlib import Path

import pytest

from nextgen_wizard.storage.policy import load_effective_policy
from nextgen_wizard.storage.policy_sources import REGISTRY_PATH, SourceReaders, read_sources
from tests.cli.test_cli import run

# Files count as machine policy only when root owns them: the tests that need that run as root on
# Linux (this project's CI); elsewhere (hosted runners run as a user) they are skipped.
AS_ROOT = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and os.geteuid() == 0), reason="needs root-owned files (Linux, root)"
)
# Windows does not check a file's owner (registry policy is its machine policy); POSIX needs root.
MACHINE_FILES = pytest.mark.skipif(os.name == "posix" and os.geteuid() != 0, reason="needs root-owned files")


def _registry(values: dict[str, dict]) -> object:
    """A fake of the Windows registry: {"HKLM": {...values...}, "HKCU": {...}}."""

    def read(hive: str, path: str) -> dict | None:
        assert path == REGISTRY_PATH
        return values.get(hive)

    return read


def _windows(values: dict[str, dict], tmp_path: Path) -> SourceReaders:
    return SourceReaders(platform="win32", environ={}, registry=_registry(values), site_config=tmp_path)  # type: ignore[arg-type]


@MACHINE_FILES
def test_machine_registry_policy_wins_over_the_users_and_over_the_file(tmp_path: Path) -> None:
    (tmp_path / "policy.toml").write_text('[firm]\nname = "From the file"\nsupport = "file desk"\n')
    readers = _windows(
        {
            "HKLM": {"firm.name": "Machine LLP", "wizard.credential_storage": 0},
            "HKCU": {"firm.name": "User LLP", "wizard.credential_storage": 1, "answers.role": "attorney"},
        },
        tmp_path,
    )
    policy = load_effective_policy(readers)
    assert policy.firm_name == "Machine LLP" and policy.credential_storage is False
    assert policy.support == "file desk"  # set by the file alone
    assert policy.presets["role"].value == "attorney"
    assert policy.origins["firm.name"].startswith("HKLM") and policy.origins["answers.role"].startswith("HKCU")
    assert policy.origins["firm.support"].endswith("policy.toml")


def test_registry_lists_locks_and_mistakes_follow_the_same_rules(tmp_path: Path) -> None:
    readers = _windows(
        {
            "HKLM": {
                "answers.courts": '["MAB", "xxb"]',
                "answers.courts.locked": 1,
                "wizard.colour": "blue",
                "wizard.credential_storage": 0,
            }
        },
        tmp_path,
    )
    policy = load_effective_policy(readers, known_courts={"mab", "mad"})
    assert policy.presets["courts"].value == ["mab"] and policy.presets["courts"].locked
    assert any("xxb" in p for p in policy.problems) and any("wizard.colour" in p for p in policy.problems)
    assert policy.credential_storage is False and not policy.failed  # wrong keys left out, the rest applies


def test_an_unreadable_registry_key_fails_closed(tmp_path: Path) -> None:
    def broken(hive: str, path: str) -> dict:
        raise PermissionError(13, "Access is denied")

    readers = SourceReaders(platform="win32", environ={}, registry=broken, site_config=tmp_path)
    policy = load_effective_policy(readers)
    assert policy.failed and policy.credential_storage is False


def test_managed_preferences_computer_first_then_the_users(tmp_path: Path) -> None:
    """The computer's profile is machine policy: a user-level profile fills only what it left open
    and cannot turn saving back on."""
    (tmp_path / "jdoe").mkdir()
    (tmp_path / "jdoe" / "org.nextgenready.wizard.plist").write_bytes(
        plistlib.dumps(
            {"firm.name": "For Jane", "answers.courts": ["mab"], "answers.courts.locked": True,
             "wizard.credential_storage": True}
        )
    )
    (tmp_path / "org.nextgenready.wizard.plist").write_bytes(
        plistlib.dumps({"firm.name": "For everyone", "wizard.credential_storage": False})
    )
    readers = SourceReaders(platform="darwin", environ={}, managed_root=tmp_path, user="jdoe")
    policy = load_effective_policy(readers)
    assert policy.firm_name == "For everyone" and policy.credential_storage is False
    assert policy.presets["courts"].locked
    computer, user = str(tmp_path / "org.nextgenready.wizard.plist"), str(tmp_path / "jdoe" / "org.nextgenready.wizard.plist")
    assert policy.scopes == {computer: "machine", user: "user"}
    assert policy.origins["answers.courts"] == user


def test_a_damaged_plist_fails_closed(tmp_path: Path) -> None:
    (tmp_path / "org.nextgenready.wizard.plist").write_bytes(b"<plist><dict><key>x</key>")
    readers = SourceReaders(platform="darwin", environ={}, managed_root=tmp_path)
    policy = load_effective_policy(readers)
    assert policy.failed and policy.credential_storage is False and "plist" in policy.problems[0]


def test_xdg_config_dirs_are_read_in_order_then_etc_xdg(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, name in ((first, "First"), (second, "Second")):
        (folder / "NextGen Ready").mkdir(parents=True)
        (folder / "NextGen Ready" / "policy.toml").write_text(f'[firm]\nname = "{name}"\nsupport = "{name} desk"\n')
    (first / "NextGen Ready" / "policy.toml").write_text('[firm]\nname = "First"\n')
    readers = SourceReaders(platform="linux", environ={"XDG_CONFIG_DIRS": f"{first}:{second}"})
    names = [source.name for source in read_sources(readers)]
    assert names[:2] == [str(first / "NextGen Ready" / "policy.toml"), str(second / "NextGen Ready" / "policy.toml")]
    policy = load_effective_policy(readers)
    assert policy.firm_name == "First" and policy.support == "Second desk"


@AS_ROOT
def test_a_named_policy_file_comes_after_the_machine_policy(tmp_path: Path) -> None:
    """NEXTGEN_WIZARD_POLICY is the user's: read after every machine source, never instead of it."""
    machine = tmp_path / "xdg" / "NextGen Ready"
    machine.mkdir(parents=True)
    (machine / "policy.toml").write_text('[firm]\nname = "Machine"\n[wizard]\ncredential_storage = false\n')
    named = tmp_path / "named.toml"
    named.write_text('[firm]\nname = "Named"\nsupport = "my desk"\n[wizard]\ncredential_storage = true\n')
    readers = SourceReaders(platform="linux", environ={"NEXTGEN_WIZARD_POLICY": str(named), "XDG_CONFIG_DIRS": str(tmp_path / "xdg")})
    sources = read_sources(readers)
    assert [(s.name, s.scope) for s in sources][:1] == [(str(machine / "policy.toml"), "machine")]
    assert (str(named), "user") in [(s.name, s.scope) for s in sources]
    policy = load_effective_policy(readers)
    assert policy.firm_name == "Machine" and policy.support == "my desk" and policy.credential_storage is False


@AS_ROOT
def test_doctor_prints_each_effective_value_with_its_source(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "xdg" / "NextGen Ready"
    folder.mkdir(parents=True)
    (folder / "policy.toml").write_text('[wizard]\ncredential_storage = false\n[answers."role"]\nvalue = "attorney"\nlocked = true\n')
    monkeypatch.delenv("NEXTGEN_WIZARD_POLICY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg"))
    text = run("doctor").stdout
    assert f"wizard.credential_storage = false   (from {folder / 'policy.toml'}; machine policy)" in text
    assert 'answers.role = {"value": "attorney", "locked": true}' in text


def test_doctor_machine_needs_no_keyring_session_and_fails_on_a_broken_policy(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("NEXTGEN_WIZARD_POLICY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "empty"))
    ready = run("doctor", "--machine", "--format", "json")
    assert ready.returncode == 0, ready.stdout + ready.stderr
    assert json.loads(ready.stdout)["ok"] is True
    broken = tmp_path / "broken.toml"
    broken.write_text("[firm\n")
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(broken))
    result = run("doctor", "--machine")
    assert result.returncode == 1 and "could NOT be used" in result.stdout


@pytest.mark.skipif(os.name != "nt", reason="the real registry exists only on Windows (release workflow)")
def test_the_real_registry_reader_runs() -> None:
    from nextgen_wizard.storage.policy_sources import read_windows_registry

    assert read_windows_registry("HKLM", REGISTRY_PATH + r"\does-not-exist") is None
