"""`nextgen-wizard doctor`: what this workstation has, and whether the app can do its job here."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from . import APP_NAME, __version__
from .storage.paths import AppPaths, make_private_dir

if TYPE_CHECKING:
    from .session import Session


@dataclass
class Report:
    version: str
    paths: dict[str, str]
    policy: str
    keyring: dict[str, object]
    qt: dict[str, str]
    catalog_courts: int
    court_data: str = ""  # which court data is in use: shipped, or downloaded on a date
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _folder_writable(paths: AppPaths) -> str | None:
    try:
        make_private_dir(paths.data)
        with tempfile.NamedTemporaryFile(dir=paths.data, prefix=".doctor-"):
            pass
    except OSError as error:
        return f"the data folder {paths.data} is not writable ({error.strerror}): answers cannot be saved"
    return None


CANDIDATES = {
    "linux": [("Secret Service", "keyring.backends.SecretService"), ("KWallet", "keyring.backends.kwallet")],
    "win32": [("Windows Credential Manager", "keyring.backends.Windows")],
    "darwin": [("macOS Keychain", "keyring.backends.macOS")],
}


def keyring_candidates() -> dict[str, str]:
    """Why each system keyring of this OS is or is not usable (for IT when none is found)."""
    import importlib

    found = {}
    for name, module_name in CANDIDATES.get(
        "linux" if sys.platform.startswith("linux") else sys.platform, []
    ):
        try:
            module = importlib.import_module(module_name)
            backend = getattr(module, "Keyring", None) or getattr(module, "DBusKeyring", None)
            if backend is None:
                raise LookupError("no keyring class in this module")
            priority = backend.priority  # raises with the reason when not usable
            found[name] = f"usable (priority {priority})"
        except Exception as error:  # each reason is reported, none is fatal
            found[name] = f"not usable: {type(error).__name__}: {error}"
    return found


def _keyring(session: Session) -> tuple[dict[str, object], str | None]:
    status = session.keyring_status()
    result: dict[str, object] = {
        "backend": status.name,
        "class": status.class_path,
        "accepted": status.accepted,
    }
    if status.turned_off:
        result["turned_off_by_policy"] = True
        return result, None
    if not status.accepted:
        result["candidates"] = keyring_candidates()
        return result, status.problem
    result["reachable"] = status.reachable
    return result, status.problem


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _qt() -> tuple[dict[str, str], str | None]:
    try:
        import PySide6
    except ImportError:
        return {"pyside6": "missing"}, "PySide6 is not installed: the wizard window cannot open"
    platform = os.environ.get("QT_QPA_PLATFORM")
    if platform:
        where = f"{platform} (from QT_QPA_PLATFORM)"
    elif sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        where = "none: no display here"
        return {"pyside6": PySide6.__version__, "platform": where}, (
            "no display: the wizard window cannot open in this session (headless commands still work)"
        )
    else:
        where = "the desktop's default"
    return {"pyside6": PySide6.__version__, "platform": where}, None


def run_doctor(session: Session) -> Report:
    paths = session.paths
    assert paths is not None
    keyring_info, keyring_problem = _keyring(session)
    qt_info, qt_warning = _qt()
    report = Report(
        version=f"{APP_NAME} {__version__}",
        paths={
            "data": str(paths.data),
            "log": str(paths.log),
            "config": str(paths.config),
            "site_config": str(paths.site_config),
        },
        policy=session.policy.describe(),
        keyring=keyring_info,
        qt=qt_info,
        catalog_courts=len(session.catalog),
        court_data=session.describe_court_data(),
    )
    report.warnings += session.court_data_problems  # ignored, never fatal: the shipped data is the floor
    report.problems += [f"firm policy: {problem}" for problem in session.policy.problems]
    for problem in (_folder_writable(paths), keyring_problem):
        if problem:
            report.problems.append(problem)
    if qt_warning:
        report.warnings.append(qt_warning)
    return report


def _candidates(keyring: dict[str, object]) -> dict[str, str]:
    found = keyring.get("candidates")
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def render_report(report: Report, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({**asdict(report), "ok": report.ok}, indent=2) + "\n"
    keyring = report.keyring
    verdict = "accepted" if keyring.get("accepted") else "REFUSED"
    lines = [
        report.version,
        f"Data folder:    {report.paths['data']}",
        f"Log folder:     {report.paths['log']}",
        f"Config folder:  {report.paths['config']}",
        f"Site policy:    {report.policy}",
        f"Keyring:        {keyring.get('backend')} ({verdict})",
        *(f"  {name}: {why}" for name, why in _candidates(keyring).items()),
        f"Qt:             PySide6 {report.qt.get('pyside6')}, platform {report.qt.get('platform', '-')}",
        f"Court catalog:  {report.catalog_courts} courts",
        f"Court data:     {report.court_data}",
    ]
    lines += [f"Warning: {w}" for w in report.warnings]
    lines += [f"Problem: {p}" for p in report.problems]
    lines.append("Result: everything needed works." if report.ok else "Result: problems found (above).")
    return "\n".join(lines) + "\n"
