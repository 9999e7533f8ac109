"""Firm IT's templates come from the one list of policy keys and are never stale."""

from __future__ import annotations

import plistlib
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET

from nextgen_wizard.storage.policy import POLICY_KEYS, load_policy
from tests.helpers import ROOT

DEPLOY = ROOT / "packaging" / "deploy"
NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}


def test_generated_templates_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(DEPLOY / "policy_templates.py"), "--check"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_admx_and_adml_parse_and_name_every_key() -> None:
    admx = ET.parse(DEPLOY / "windows" / "nextgen-ready.admx").getroot()
    adml = ET.parse(DEPLOY / "windows" / "en-US" / "nextgen-ready.adml").getroot()
    value_names = {e.get("valueName") for e in admx.iter() if e.get("valueName")}
    strings = {e.get("id") for e in adml.iterfind(".//p:string", NS)}
    for key in POLICY_KEYS:
        assert key.name in value_names, key.name
        assert key.name.replace(".", "_") in strings
        if key.is_preset:
            assert f"{key.name}.locked" in value_names
    # Every string and presentation the ADMX refers to is defined in the ADML.
    referenced = {
        value[len("$(string.") : -1]
        for e in admx.iter()
        for value in e.attrib.values()
        if value.startswith("$(string.")
    }
    assert referenced <= strings
    presentations = {e.get("id") for e in adml.iterfind(".//p:presentation", NS)}
    wanted = {v[len("$(presentation.") : -1] for e in admx.iter() for v in e.attrib.values() if v.startswith("$(presentation.")}
    assert wanted <= presentations


def test_the_macos_profile_carries_every_key_in_apples_documented_form() -> None:
    """com.apple.ManagedClient.preferences, PayloadContent -> domain -> Forced -> mcx_preference_settings."""
    profile = plistlib.loads((DEPLOY / "macos" / "org.nextgenready.wizard.mobileconfig").read_bytes())
    assert profile["PayloadType"] == "Configuration" and profile["PayloadScope"] == "System"
    (payload,) = profile["PayloadContent"]
    assert payload["PayloadType"] == "com.apple.ManagedClient.preferences"
    (forced,) = payload["PayloadContent"]["org.nextgenready.wizard"]["Forced"]
    settings = forced["mcx_preference_settings"]
    for key in POLICY_KEYS:
        assert key.name in settings
        if key.is_preset:
            assert settings[f"{key.name}.locked"] is False


def test_xmllint_reads_the_admx_and_adml() -> None:
    """Well-formed for a parser nobody here wrote (xmllint, libxml2)."""
    from tests.packaging.tools import need_tool_ours

    xmllint = need_tool_ours("xmllint", "libxml2-utils")
    for path in (DEPLOY / "windows" / "nextgen-ready.admx", DEPLOY / "windows" / "en-US" / "nextgen-ready.adml"):
        result = subprocess.run([xmllint, "--noout", str(path)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr


def test_the_group_policy_help_says_what_enabled_disabled_and_not_configured_do() -> None:
    adml = ET.parse(DEPLOY / "windows" / "en-US" / "nextgen-ready.adml").getroot()
    strings = {e.get("id"): e.text or "" for e in adml.iterfind(".//p:string", NS)}
    for key in POLICY_KEYS:
        explain = strings[key.name.replace(".", "_") + "_explain"]
        for state in ("Enabled:", "Disabled:", "Not configured:"):
            assert state in explain, (key.name, state)
        assert "false:" not in explain and key.registry_type in explain
    courts = ET.parse(DEPLOY / "windows" / "nextgen-ready.admx").getroot()
    multi = [e for e in courts.iter() if e.tag.endswith("multiText")]
    assert [e.get("valueName") for e in multi] == ["answers.courts"]


def test_the_example_policy_names_every_key_and_is_valid() -> None:
    path = DEPLOY / "policy.example.toml"
    text = path.read_text()
    tomllib.loads(text)
    for key in POLICY_KEYS:
        assert (key.name.split(".", 1)[1] if not key.is_preset else f'[answers."{key.answer_path}"]') in text
    policy = load_policy(path)
    assert policy.problems == [] and policy.locked == {"firm.has_billing_account", "firm.wants_billing_account"}


def test_the_deployment_guide_table_lists_every_key() -> None:
    guide = (ROOT / "docs" / "deployment.md").read_text()
    for key in POLICY_KEYS:
        assert f"| `{key.name}` |" in guide
