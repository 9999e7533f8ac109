"""The headless CLI, run as a user would: a separate process, exit codes, stdout and stderr."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NEXTGEN_WIZARD_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "nextgen_wizard", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def test_help_documents_every_command() -> None:
    from nextgen_wizard.cli import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    readme = (ROOT / "README.md").read_text()
    for command in commands:
        assert f"nextgen-wizard {command}" in readme, f"README does not document `{command}`"
        result = run(command, "--help")
        assert result.returncode == 0 and result.stdout.startswith("usage: nextgen-wizard " + command)


@pytest.mark.parametrize(
    ("name", "code", "kind"),
    [
        ("ab1234", 0, "legacy"),
        ("janedoe2016", 0, "upgraded-format"),
        ("abc123", 0, "unusual"),
        ("ab 1234", 1, "invalid"),
    ],
)
def test_check_username(name: str, code: int, kind: str) -> None:
    result = run("check-username", name, "--format", "json")
    assert result.returncode == code
    assert json.loads(result.stdout)["kind"] == kind


def test_courts_search_text_and_json() -> None:
    result = run("courts", "massachusetts bankruptcy")
    assert result.returncode == 0 and result.stdout.startswith("mab ")
    data = json.loads(run("courts", "mab", "--format", "json", "--as-of", "2021-09-01").stdout)
    assert data[0]["nextgen"] == "upcoming" and data[0]["pacer_id"] == "MABK"
    missing = run("courts", "atlantis")
    assert missing.returncode == 1 and "Try a state" in missing.stderr


def test_legacy_alsb_checklist_before_the_switch() -> None:
    result = run("checklist", "--answers", str(EXAMPLES / "legacy-alsb.json"), "--as-of", "2020-04-15")
    assert result.returncode == 0, result.stderr
    words = " ".join(result.stdout.split())  # the text is wrapped at 78 columns
    assert "[ ] 2. Upgrade your PACER account To do - Due May 2, 2020" in words
    assert '"prior to May 3, 2020"' in words


def test_checklist_json_to_file_and_no_silent_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    args = ("checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--format", "json", "-o", str(out))
    assert run(*args).returncode == 0
    data = json.loads(out.read_text())
    assert {s["court"] for s in data["steps"]} >= {"mab", "mad", "ca1"}
    out.write_text("keep me")
    again = run(*args)
    assert again.returncode == 2 and "--force" in again.stderr
    assert out.read_text() == "keep me"
    assert run(*args, "--force").returncode == 0 and out.read_text() != "keep me"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"{not json", "is not valid JSON (line 1, column 2"),
        (b"\xff\xfe\x00garbage", "is not a text file"),
        (
            b'{"schema_version": 1, "pacer": {"created_on": "2013-13-01"}, "role": "boss"}',
            'pacer.created_on: "2013-13-01" is not a date (YYYY-MM-DD)',
        ),
        (b'{"schema_version": 1, "courts": ["mabb"]}', "did you mean mab?"),
    ],
)
def test_bad_answers_get_one_clear_line_per_problem_and_exit_2(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "answers.json"
    if content is not None:
        path.write_bytes(content)
    result = run("checklist", "--answers", str(path))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert all(line.startswith("error: ") for line in result.stderr.splitlines())


def test_several_schema_problems_each_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"schema_version": 1, "pacer": {"created_on": "2013-13-01"}, "role": "boss"}')
    lines = run("checklist", "--answers", str(path)).stderr.splitlines()
    assert len(lines) == 2
    assert "pacer.created_on" in lines[0] and "YYYY-MM-DD" in lines[0]
    assert "role" in lines[1] and '"boss"' in lines[1]


def test_bad_as_of_date_is_a_usage_error() -> None:
    result = run("checklist", "--answers", str(EXAMPLES / "legacy-alsb.json"), "--as-of", "2020-13-01")
    assert result.returncode == 2 and "use YYYY-MM-DD" in result.stderr


def test_works_from_another_folder_without_the_shared_data(tmp_path: Path) -> None:
    result = run("courts", "alsb", cwd=tmp_path)
    assert result.returncode == 0 and "alsb" in result.stdout


def test_set_takes_a_number_as_text_where_the_answer_is_text_and_says_what_it_kept() -> None:
    firm = run("set", "filer.firm", "1234")
    assert firm.returncode == 0 and 'Saved filer.firm = "1234"' in firm.stdout
    courts = run("set", "courts", '["MAB ", " Alsb"]')
    assert courts.returncode == 0 and 'Saved courts = ["mab", "alsb"]' in courts.stdout
    flag = run("set", "pacer.mfa_enrolled", "yes")  # a yes/no answer is still refused as text
    assert flag.returncode == 2 and "is not true, false or null" in flag.stderr
