"""Machine policy wins, with real files, real owners and real permission bits.

The app runs as an ordinary user (nobody, uid 65534) against a machine policy written by root:
the user's own policy files (an XDG folder they put first, NEXTGEN_WIZARD_POLICY) cannot turn
password saving back on or unlock a locked answer; a policy anyone could have written is
refused and fails closed; a policy the user cannot read stops `courts --update` before any
network use. Needs root to set owners (this project's CI runs as root); elsewhere it skips.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.court_server import Answer, CourtServer, feed_bytes
from tests.helpers import ROOT, linux_ci

NOBODY = 65534


def _need_root() -> None:
    if sys.platform.startswith("linux") and os.geteuid() == 0:
        return
    if linux_ci():
        pytest.fail("CI must run the permission tests as root")
    pytest.skip("needs root on Linux to write files as root and run the app as another user")


@pytest.fixture
def world() -> Iterator[Path]:
    """A folder every user can traverse (tmp_path is root's alone), removed afterwards."""
    _need_root()
    folder = Path(tempfile.mkdtemp(prefix="nextgen-policy-"))
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write(path: Path, text: str, *, owner: int = 0, mode: int = 0o644) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.chown(path, owner, owner)
    os.chmod(path, mode)
    return path


def _user_home(world: Path) -> Path:
    home = world / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)
    os.chmod(home, 0o700)
    return home


def _as_user(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANGUAGE": "en",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-m", "nextgen_wizard", *args],
        capture_output=True, text=True, cwd=ROOT, env=environ, timeout=120, user=NOBODY, group=NOBODY,
    )  # fmt: skip
    if "No module named" in result.stderr:
        pytest.fail(f"the app could not run as an ordinary user: {result.stderr[-500:]}")
    return result


def _doctor(home: Path, **env: str) -> dict:
    result = _as_user(home, "doctor", "--machine", "--format", "json", **env)
    return json.loads(result.stdout)


def _values(report: dict) -> dict[str, tuple[object, str, str]]:
    return {row["key"]: (row["value"], row["source"], row["scope"]) for row in report["policy_values"]}


MACHINE_POLICY = '[wizard]\ncredential_storage = false\n[answers."role"]\nvalue = "attorney"\nlocked = true\n'
LOOSER = '[wizard]\ncredential_storage = true\n[answers."role"]\nvalue = "pro-se"\nlocked = false\n'


def test_a_users_own_policy_cannot_loosen_the_machine_policy(world: Path) -> None:
    machine = _write(world / "machine" / "NextGen Ready" / "policy.toml", MACHINE_POLICY)
    home = _user_home(world)
    (home / "xdg").mkdir()
    os.chown(home / "xdg", NOBODY, NOBODY)
    mine = _write(home / "xdg" / "NextGen Ready" / "policy.toml", LOOSER, owner=NOBODY)
    os.chown(mine.parent, NOBODY, NOBODY)
    named = _write(home / "named.toml", LOOSER + '[firm]\nsupport = "my own desk"\n', owner=NOBODY)
    xdg = f"{home / 'xdg'}:{world / 'machine'}"  # the user's folder first

    values = _values(_doctor(home, XDG_CONFIG_DIRS=xdg, NEXTGEN_WIZARD_POLICY=str(named)))
    assert values["wizard.credential_storage"] == (False, str(machine), "machine")
    assert values["answers.role"] == ({"value": "attorney", "locked": True}, str(machine), "machine")
    assert values["firm.support"] == ("my own desk", str(named), "user")  # fills what the machine left open

    refused = _as_user(home, "set", "role", '"pro-se"', XDG_CONFIG_DIRS=xdg, NEXTGEN_WIZARD_POLICY=str(named))
    assert refused.returncode != 0 and "locked" in refused.stderr
    answers = home / "data" / "NextGen Ready" / "answers.json"
    assert not answers.exists() or json.loads(answers.read_text()).get("role") != "pro-se"


def test_a_policy_anyone_can_write_is_refused_and_fails_closed(world: Path) -> None:
    open_file = _write(world / "machine" / "NextGen Ready" / "policy.toml",
                       '[wizard]\ncredential_storage = true\n[courts]\nupdates = true\n', mode=0o666)  # fmt: skip
    home = _user_home(world)
    report = _doctor(home, XDG_CONFIG_DIRS=str(world / "machine"))
    assert report["ok"] is False
    assert any("refused" in p and "anyone on this computer can change" in p for p in report["problems"])
    values = _values(report)
    assert values["wizard.credential_storage"][0] is False and values["courts.updates"][0] is False

    os.chmod(open_file, 0o644)
    os.chmod(open_file.parent, 0o777)  # the file is fine, but anyone can replace it through its folder
    report = _doctor(home, XDG_CONFIG_DIRS=str(world / "machine"))
    assert any("refused" in p and str(open_file.parent) in p for p in report["problems"])


def test_a_user_owned_file_in_a_system_folder_is_refused(world: Path) -> None:
    """/etc/xdg is for administrators: a file a user owns there is refused, not merely demoted."""
    etc = world / "etc-xdg"
    _write(etc / "NextGen Ready" / "policy.toml", LOOSER, owner=NOBODY)
    sys.path.insert(0, str(ROOT))
    from nextgen_wizard.storage import policy_sources

    source = policy_sources._trusted_file(etc / "NextGen Ready" / "policy.toml", in_system_folder=True, named=False)
    assert source is not None and source.error is not None and "belongs to a user" in source.error


def test_an_unreadable_policy_stops_court_downloads_before_any_network_use(world: Path) -> None:
    first = _write(world / "first" / "NextGen Ready" / "policy.toml", "[wizard]\nlanguage = \"en\"\n", mode=0o600)
    home = _user_home(world)
    with CourtServer() as server:
        server.routes["/feed.json"] = Answer(body=feed_bytes())
        _write(world / "second" / "NextGen Ready" / "policy.toml",
               f'[courts]\nupdate_url = "{server.url("/feed.json")}"\n')  # fmt: skip
        xdg = f"{world / 'first'}:{world / 'second'}"
        result = _as_user(home, "courts", "--update", "--yes", XDG_CONFIG_DIRS=xdg)
        assert server.requests == []
    assert result.returncode == 1
    assert "policy could not be used" in result.stderr and "downloading court data is off" in result.stderr
    report = _doctor(home, XDG_CONFIG_DIRS=xdg)
    assert any(str(first) in p and "cannot be read" in p for p in report["problems"])
    assert _values(report)["courts.updates"][0] is False
