"""The CLI builds only the sub-parser that runs, and read-only commands stay light."""

from __future__ import annotations

import subprocess
import sys

import pytest

from nextgen_wizard.cli import COMMANDS, build_parser, command_in
from tests.helpers import EXAMPLES, ROOT


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        ([], []),
        (["--demo", "--font-scale", "2"], []),
        (["checklist", "--answers", "x.json"], ["checklist"]),
        (["--as-of", "2020-04-15", "courts", "mab"], ["courts"]),
        (["--answers", "courts", "--demo"], []),  # an option's value is not a command
        (["--help"], None),
        (["-h", "courts"], None),
        (["courts", "-h"], ["courts"]),
        (["no-such-command"], None),  # argparse's own message names every command
        (["--", "courts"], None),
    ],
)
def test_the_command_is_found_without_building_every_parser(argv: list[str], wanted: list[str] | None) -> None:
    assert command_in(argv) == wanted


def test_one_sub_parser_parses_like_all_of_them() -> None:
    for argv in (
        ["checklist", "--answers", "a.json", "--format", "json", "--as-of", "2020-04-15"],
        ["--as-of", "2020-04-15", "courts", "mab", "--format", "json"],
        ["check-username", "janedoe"],
        ["--demo", "--font-scale", "1.5"],
    ):
        only, every = build_parser(command_in(argv)).parse_args(argv), build_parser().parse_args(argv)
        assert vars(only) == vars(every)


def test_help_still_lists_every_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nextgen_wizard", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["check-username", "janedoe"],
        ["courts", "mab"],
        ["checklist", "--answers", str(EXAMPLES / "multi-court.json"), "--format", "json"],
    ],
)
def test_read_only_commands_open_no_log_and_import_no_gui(argv: list[str], tmp_path) -> None:
    script = (
        "import sys, io, contextlib\n"
        "from nextgen_wizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(sys.argv[1:])\n"
        "print(code, 'logging' in sys.modules, 'PySide6' in sys.modules, 'typing' in sys.modules,"
        " 'platformdirs' in sys.modules,"
        " any(m in sys.modules for m in ('nextgen_wizard.storage.answer_store', 'nextgen_wizard.storage.instance',"
        " 'nextgen_wizard.session.keyring')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "NEXTGEN_WIZARD_HOME": str(tmp_path)},
        timeout=60,
    )
    code, logging, qt, typing, platformdirs, writing = result.stdout.split()
    # Nothing logged, so `logging` is never imported; `typing` is for the type checker only.
    assert (code, logging, qt, typing) == ("0", "False", "False", "False"), result.stderr
    # checklist and courts read the firm policy and the court data in use (a downloaded copy lives in
    # the user's folder), so they need platformdirs; check-username does not.
    if argv[0] == "check-username":
        assert platformdirs == "False"
    # They write nothing: the answer store, the one-wizard lock and the keyring service stay unloaded.
    assert writing == "False"
    assert not (tmp_path / "log").exists()


# Qt is made impossible to import, as on a server that has only the Python package's Qt-free part.
_NO_QT = (
    "import sys, importlib.abc\n"
    "class NoQt(importlib.abc.MetaPathFinder):\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
    "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n"
    "sys.meta_path.insert(0, NoQt())\n"
    "from nextgen_wizard.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check-username", "ab1234"], "legacy"),
        (["courts", "mab"], "mab"),
        (["checklist", "--answers", str(EXAMPLES / "legacy-alsb.json"), "--format", "json"], '"steps"'),
        (["checklist", "--answers", str(EXAMPLES / "multi-court.json")], "PACER"),
        (["doctor"], "NextGen Ready"),
    ],
)
def test_headless_commands_work_with_qt_absent(argv: list[str], expected: str, tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _NO_QT, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "NEXTGEN_WIZARD_HOME": str(tmp_path), "LANG": "C.UTF-8"},
        timeout=60,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "PySide6" not in result.stderr
    assert expected in result.stdout, (result.stdout, result.stderr)
