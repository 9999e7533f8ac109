"""What Group Policy and an MDM really write is what the app applies.

The registry values are generated from the ADMX itself (what the Group Policy editor writes for
each policy Enabled or Disabled, element by element), then read back through the app's registry
reader and through `policy check` on a `reg export` file (UTF-16 with BOM, dword:, hex(7):).
The .mobileconfig is unpacked the way macOS does (its forced preferences become the managed
plist, Payload bookkeeping included) and read back the same way.
"""

from __future__ import annotations

import json
import plistlib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from nextgen_wizard.storage.policy import POLICY_KEYS, load_effective_policy
from nextgen_wizard.storage.policy_sources import REGISTRY_PATH, SourceReaders
from tests.cli.test_cli import run
from tests.helpers import ROOT

DEPLOY = ROOT / "packaging" / "deploy"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
KNOWN_COURTS = {"mab", "mad", "ca1"}


def _decimal_or_string(value: ET.Element | None) -> Any:
    assert value is not None
    decimal = value.find("p:decimal", NS)
    if decimal is not None:
        return int(decimal.get("value", ""))
    string = value.find("p:string", NS)
    assert string is not None
    return string.text or ""


def editor_writes(state: str) -> dict[str, Any]:
    """HKLM\\...\\NextGen Ready after every policy of the ADMX is set to `state` in the editor.

    Enabled: a policy without elements writes its enabledValue; an element writes what the
    administrator enters (here each key's example from POLICY_KEYS: the matching dropdown item,
    the text, one court per line of a multiText, Locked ticked). Disabled: the disabledValue, and
    the element values are deleted (the editor's **del. entries), so they are absent."""
    examples = {key.name: key.example for key in POLICY_KEYS}
    values: dict[str, Any] = {}
    admx = ET.parse(DEPLOY / "windows" / "nextgen-ready.admx").getroot()
    for policy in admx.iterfind(".//p:policy", NS):
        assert policy.get("key") == REGISTRY_PATH
        if policy.get("valueName"):
            chosen = policy.find("p:enabledValue" if state == "Enabled" else "p:disabledValue", NS)
            values[policy.get("valueName", "")] = _decimal_or_string(chosen)
            continue
        if state != "Enabled":
            continue
        for element in policy.find("p:elements", NS) or []:
            name = element.get("valueName", "")
            tag = element.tag.split("}")[1]
            if tag == "enum":
                wanted = examples[name]
                wanted = int(wanted) if isinstance(wanted, bool) else wanted
                items = [_decimal_or_string(item.find("p:value", NS)) for item in element.iterfind("p:item", NS)]
                assert wanted in items, (name, items)
                values[name] = wanted
            elif tag == "text":
                values[name] = examples[name]
            elif tag == "multiText":
                values[name] = list(examples[name])
            elif tag == "boolean":
                values[name] = _decimal_or_string(element.find("p:trueValue", NS))
            else:
                raise AssertionError(f"an element the test does not know: {tag}")
    return values


def _expected(state: str) -> dict[str, Any]:
    if state == "Disabled":
        return {"wizard.credential_storage": False, "courts.updates": False}
    expected: dict[str, Any] = {}
    for key in POLICY_KEYS:
        if key.is_preset:
            expected[key.name] = {"value": key.example, "locked": True}
        else:
            expected[key.name] = key.example
    return expected


def _windows(values: dict[str, Any], tmp_path: Path) -> SourceReaders:
    def registry(hive: str, path: str) -> dict[str, Any] | None:
        assert path == REGISTRY_PATH
        return values if hive == "HKLM" else None

    return SourceReaders(platform="win32", environ={}, registry=registry, site_config=tmp_path / "none")


@pytest.mark.parametrize("state", ["Enabled", "Disabled"])
def test_every_policy_the_editor_writes_is_read_back_with_its_value(state: str, tmp_path: Path) -> None:
    values = editor_writes(state)
    if state == "Enabled":
        assert isinstance(values["courts.updates"], int) and isinstance(values["answers.courts"], list)
    policy = load_effective_policy(_windows(values, tmp_path), known_courts=KNOWN_COURTS)
    assert policy.problems == []
    applied = {key: value for key, value, _source in policy.effective()}
    assert applied == _expected(state)
    assert policy.credential_storage is (state == "Enabled") and policy.court_updates is (state == "Enabled")


def reg_export(hives: dict[str, dict[str, Any]]) -> bytes:
    """What `reg export` writes: UTF-16 LE with a BOM, CRLF, dword:, hex(7): wrapped with '\\'."""
    lines = ["Windows Registry Editor Version 5.00", ""]
    for hive, values in hives.items():
        lines += [f"[{hive}\\{REGISTRY_PATH}]"]
        for name, value in values.items():
            if isinstance(value, int):
                data = f"dword:{value:08x}"
            elif isinstance(value, list):
                raw = ("\x00".join(value) + "\x00\x00").encode("utf-16-le")
                hexed = ",".join(f"{byte:02x}" for byte in raw)
                chunks = [hexed[i : i + 75] for i in range(0, len(hexed), 75)]
                data = "hex(7):" + "\\\r\n  ".join(chunks)
            else:
                data = '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
            lines.append(f'"{name}"={data}')
        lines.append("")
    return b"\xff\xfe" + "\r\n".join(lines).encode("utf-16-le")


def test_policy_check_on_a_reg_export_agrees_with_the_registry_reader(tmp_path: Path) -> None:
    values = editor_writes("Enabled")
    exported = tmp_path / "nextgen.reg"
    exported.write_bytes(reg_export({"HKEY_LOCAL_MACHINE": values}))
    result = run("policy", "check", str(exported), "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0, report
    assert report["problems"] == [] and report["form"] == "reg"
    assert report["values"] == _expected("Enabled")


def test_policy_check_shows_machine_over_user_in_a_reg_export_and_names_mistakes(tmp_path: Path) -> None:
    exported = tmp_path / "both.reg"
    exported.write_bytes(reg_export({
        "HKEY_LOCAL_MACHINE": {"wizard.credential_storage": 0, "firm.name": "Machine LLP"},
        "HKEY_CURRENT_USER": {"wizard.credential_storage": 1, "firm.name": "User LLP", "courts.updates": 0,
                              "answers.courts": "mab, MAD", "wizard.colour": "blue"},
    }))  # fmt: skip
    result = run("policy", "check", str(exported), "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert report["values"]["wizard.credential_storage"] is False and report["values"]["firm.name"] == "Machine LLP"
    assert report["values"]["courts.updates"] is False  # the user's source may add a restriction
    assert report["values"]["answers.courts"] == {"value": ["mab", "mad"], "locked": False}
    assert [p for p in report["problems"] if "wizard.colour" in p]


def test_policy_check_exit_codes_and_words(tmp_path: Path) -> None:
    clean = tmp_path / "clean.toml"
    clean.write_text('[firm]\nname = "Example LLP"\n')
    text = run("policy", "check", str(clean))
    assert text.returncode == 0 and 'firm.name = "Example LLP"' in text.stdout and "No problems found." in text.stdout
    mistake = tmp_path / "mistake.toml"
    mistake.write_text("[wizard]\ncredential_storage = 0\n")
    wrong = run("policy", "check", str(mistake))
    assert wrong.returncode == 1 and "line 2" in wrong.stdout and "true or false" in wrong.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text("[firm\n")
    unreadable = run("policy", "check", str(broken), "--format", "json")
    assert unreadable.returncode == 2 and json.loads(unreadable.stdout)["readable"] is False
    assert run("policy", "check", str(tmp_path / "missing.reg")).returncode == 2


def _managed_plist_from_profile() -> dict[str, Any]:
    """What macOS leaves in /Library/Managed Preferences for the profile's forced settings,
    with the profile's own Payload bookkeeping that it may copy along."""
    profile = plistlib.loads((DEPLOY / "macos" / "org.nextgenready.wizard.mobileconfig").read_bytes())
    (payload,) = profile["PayloadContent"]
    assert payload["PayloadType"] == "com.apple.ManagedClient.preferences"
    forced = payload["PayloadContent"]["org.nextgenready.wizard"]["Forced"]
    settings = dict(forced[0]["mcx_preference_settings"])
    return {**settings, "PayloadUUID": payload["PayloadUUID"], "PayloadIdentifier": payload["PayloadIdentifier"]}


def test_the_macos_profile_is_read_back_whole_from_managed_preferences(tmp_path: Path) -> None:
    (tmp_path / "org.nextgenready.wizard.plist").write_bytes(plistlib.dumps(_managed_plist_from_profile()))
    readers = SourceReaders(platform="darwin", environ={}, managed_root=tmp_path)
    policy = load_effective_policy(readers, known_courts=KNOWN_COURTS)
    assert policy.problems == []
    applied = {key: value for key, value, _source in policy.effective()}
    for key in POLICY_KEYS:
        expected = {"value": key.example, "locked": False} if key.is_preset else key.example
        assert applied[key.name] == expected, key.name


def test_policy_check_reads_the_profile_as_the_mac_would(tmp_path: Path) -> None:
    result = run("policy", "check", str(DEPLOY / "macos" / "org.nextgenready.wizard.mobileconfig"), "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["form"] == "mobileconfig" and report["problems"] == []
    plist = tmp_path / "managed.plist"
    plist.write_bytes(plistlib.dumps(_managed_plist_from_profile()))
    same = json.loads(run("policy", "check", str(plist), "--format", "json").stdout)
    assert same["values"] == report["values"]
