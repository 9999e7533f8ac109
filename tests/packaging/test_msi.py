"""The Windows installer's authoring (packaging/windows/nextgen-ready.wxs), checked on Linux.

msitools' wixl builds an MSI from the same .wxs with a stand-in payload, and msiinfo reads it back:
a .wxs that does not compile, or that loses per-machine install, the upgrade code or the major
upgrade, fails here before a Windows runner sees it. Without msitools the build test skips
locally and fails in CI.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.packaging.tools import need_tool

WXS = ROOT / "packaging" / "windows" / "nextgen-ready.wxs"
NS = {"wix": "http://schemas.microsoft.com/wix/2006/wi"}
# Every released MSI carries this: a later version finds and replaces an installed one by it.
# Changing it would leave old installations behind, side by side with new ones.
UPGRADE_CODE = "996BB020-6E90-404D-895B-15D4B5CEA351"


def _product() -> ET.Element:
    product = ET.parse(WXS).getroot().find("wix:Product", NS)
    assert product is not None
    return product


def test_upgrade_code_is_stable_and_the_package_is_per_machine() -> None:
    product = _product()
    assert product.get("UpgradeCode") == UPGRADE_CODE
    assert product.get("Id") == "*", "a new product code per build, so each version is a major upgrade"
    package = product.find("wix:Package", NS)
    assert package is not None and package.get("InstallScope") == "perMachine"
    upgrade = product.find("wix:Upgrade", NS)
    assert upgrade is not None and upgrade.get("Id") == UPGRADE_CODE


def test_uninstall_removes_no_user_data() -> None:
    """The MSI removes only what it installed: nothing in it deletes folders or files it did not put
    there, and it installs nothing into a user's profile folders."""
    text = WXS.read_text()
    for element in ("RemoveFolder", "RemoveFile", "RemoveFolderEx", "RemoveRegistryKey", "CustomAction"):
        assert f"<{element}" not in text, element
    for folder in ("LocalAppDataFolder", "AppDataFolder", "PersonalFolder", "CommonAppDataFolder"):
        assert folder not in text, folder


@pytest.fixture(scope="module")
def standin_msi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not sys.platform.startswith("linux"):
        # Windows builds the real MSI with WiX (release workflow); msitools is a Linux tool.
        pytest.skip("the stand-in MSI is built with msitools on Linux")
    for tool in ("wixl", "wixl-heat", "msiinfo"):
        need_tool(tool, "wixl" if tool.startswith("wixl") else "msitools")
    import msi  # packaging/windows/msi.py

    return msi.build(tmp_path_factory.mktemp("msi") / "standin", version="1.2.3")


def test_wixl_builds_the_msi_with_its_tables(standin_msi: Path) -> None:
    import msi

    tables = msi.tables(standin_msi)
    for table in ("Property", "Component", "File", "Directory", "Feature", "FeatureComponents", "Media",
                  "Upgrade", "Shortcut", "Registry", "Icon", "InstallExecuteSequence"):  # fmt: skip
        assert table in tables, table
    files = {row[2] for row in msi.export(standin_msi, "File")}
    assert files == {"nextgen-wizard.exe", "nextgen-wizard-cli.exe", "courts.json",
                     "nextgen-ready.admx", "nextgen-ready.adml"}  # fmt: skip


def test_msi_properties_per_machine_and_upgrade(standin_msi: Path) -> None:
    import msi

    props = msi.properties(standin_msi)
    assert props["UpgradeCode"] == "{" + UPGRADE_CODE + "}"
    assert props["ALLUSERS"] == "1", "per-machine install"
    assert props["ProductVersion"] == "1.2.3"
    assert props["ProductName"] == "NextGen Ready" and props["Manufacturer"] == "NextGen Ready"
    assert props["ARPPRODUCTICON"]
    # MajorUpgrade: one row finds older versions (to remove them), one newer ones (to refuse a downgrade)
    upgrade = msi.export(standin_msi, "Upgrade")
    assert {row[0] for row in upgrade} == {"{" + UPGRADE_CODE + "}"}
    actions = {row[-1] for row in upgrade}
    assert actions == {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"}
    sequence = {row[0] for row in msi.export(standin_msi, "InstallExecuteSequence")}
    assert {"FindRelatedProducts", "RemoveExistingProducts"} <= sequence
    assert "Template: x64;1033" in msi.summary(standin_msi)
    assert props["ARPHELPLINK"].startswith("https://") and props["ARPURLINFOABOUT"].startswith("https://")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])  # Windows Installer ignores a fourth field


def _rows_matching(upgrade: list[list[str]], installed: str) -> set[str]:
    """The Upgrade rows' ActionProperty that FindRelatedProducts sets for an installed version,
    following the table's documented Attributes (256 min inclusive, 512 max inclusive)."""
    found = set()
    for _code, low, high, _language, attributes, _remove, action in upgrade:
        flags = int(attributes)
        if low and not (_version(installed) >= _version(low) if flags & 256 else _version(installed) > _version(low)):
            continue
        if high and not (_version(installed) <= _version(high) if flags & 512 else _version(installed) < _version(high)):
            continue
        found.add(action if not flags & 2 else f"{action} (only detected)")
    return found


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        ("1.2.3", {"WIX_UPGRADE_DETECTED"}),  # a rebuild of the same version upgrades in place
        ("1.2.2", {"WIX_UPGRADE_DETECTED"}),
        ("0.1.0", {"WIX_UPGRADE_DETECTED"}),
        ("1.2.4", {"WIX_DOWNGRADE_DETECTED (only detected)"}),
        ("2.0.0", {"WIX_DOWNGRADE_DETECTED (only detected)"}),
    ],
)
def test_the_upgrade_rows_replace_this_version_and_older_and_refuse_newer(
    standin_msi: Path, installed: str, expected: set[str]
) -> None:
    """Read back from the stand-in MSI (built as 1.2.3): msiexec removes what the upgrade row
    finds, and the launch condition stops the install when a newer version is there."""
    import msi

    assert _rows_matching(msi.export(standin_msi, "Upgrade"), installed) == expected
    conditions = {row[0]: row[1] for row in msi.export(standin_msi, "LaunchCondition")}
    assert "NOT WIX_DOWNGRADE_DETECTED" in conditions
    assert "WIX_UPGRADE_DETECTED" in msi.properties(standin_msi)["SecureCustomProperties"]


def test_the_msi_installs_the_group_policy_templates_for_it(standin_msi: Path) -> None:
    import msi

    # DefaultDir and FileName may carry a short name first ("POLICY~1|policy-templates")
    directories = {row[0]: [row[1], row[2].split("|")[-1]] for row in msi.export(standin_msi, "Directory")}
    assert directories["POLICYTEMPLATES"] == ["INSTALLDIR", "policy-templates"]
    assert directories["POLICYTEMPLATES_enUS"] == ["POLICYTEMPLATES", "en-US"]
    components = {row[0]: row[2] for row in msi.export(standin_msi, "Component")}
    files = {row[2].split("|")[-1]: components[row[1]] for row in msi.export(standin_msi, "File")}
    assert files["nextgen-ready.admx"] == "POLICYTEMPLATES"
    assert files["nextgen-ready.adml"] == "POLICYTEMPLATES_enUS"


def test_msi_installs_into_program_files_with_a_start_menu_entry(standin_msi: Path) -> None:
    import msi

    directories = {row[0]: row for row in msi.export(standin_msi, "Directory")}
    assert directories["INSTALLDIR"][1] == "ProgramFiles64Folder"
    assert directories["INSTALLDIR"][2] == "NextGen Ready"
    shortcut = msi.export(standin_msi, "Shortcut")[0]
    assert shortcut[1] == "ProgramMenuFolder" and shortcut[4] == "[INSTALLDIR]nextgen-wizard.exe"
    components = msi.export(standin_msi, "Component")
    assert all(int(row[3]) & 256 for row in components), "every component is 64-bit"
    assert msi.export(standin_msi, "RemoveFile") == []
