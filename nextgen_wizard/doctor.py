"""`nextgen-wizard doctor`: what this workstation has, and whether the app can do its job here."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from typing import TYPE_CHECKING

from . import APP_NAME, __version__
from .domain.i18n import _, ngettext
from .domain.record import Record, as_dict, field
from .storage.keyring_backends import keyring_candidates
from .storage.paths import AppPaths, make_private_dir

if TYPE_CHECKING:
    from .session import Session


class Report(Record):
    """What doctor found: versions, paths, policy, keyring, Qt, court data, and the problems."""

    version: str
    paths: dict[str, str]
    policy: str
    keyring: dict[str, object]
    qt: dict[str, str]
    catalog_courts: int
    policy_values: list[dict[str, object]] = field(default_factory=list)
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
        return _("the data folder {folder} is not writable ({reason}): answers cannot be saved").format(
            folder=paths.data, reason=error.strerror
        )
    return None


def _keyring(session: Session) -> tuple[dict[str, object], str | None]:
    status = session.keyring.status()
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


def _qt() -> tuple[dict[str, str], str | None]:
    try:
        import PySide6
    except ImportError:
        return {"pyside6": "missing"}, _("PySide6 is not installed: the wizard window cannot open")
    platform = os.environ.get("QT_QPA_PLATFORM")
    if platform:
        where = _("{platform} (from QT_QPA_PLATFORM)").format(platform=platform)
    elif sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        where = _("none: no display here")
        return {"pyside6": PySide6.__version__, "platform": where}, (
            _("no display: the wizard window cannot open in this session (headless commands still work)")
        )
    else:
        where = _("the desktop's default")
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
        court_data=session.courts.describe(),
    )
    report.policy_values = _policy_values(session)
    report.warnings += session.courts.problems  # ignored, never fatal: the shipped data is the floor
    report.problems += [_firm_policy(problem) for problem in session.policy.problems]
    for problem in (_folder_writable(paths), keyring_problem):
        if problem:
            report.problems.append(problem)
    if qt_warning:
        report.warnings.append(qt_warning)
    return report


def _policy_values(session: Session) -> list[dict[str, object]]:
    """Each value in force, the source that set it and whether that source is the machine's (only
    an administrator can change it) or the user's."""
    scopes = session.policy.scopes
    return [
        {"key": key, "value": value, "source": source, "scope": scopes.get(source, "")}
        for key, value, source in session.policy.effective()
    ]


def _qt_plugins() -> tuple[dict[str, str], str | None]:
    """Qt itself and the window-system plugin this OS needs, without opening a window."""
    try:
        import PySide6
        from PySide6.QtCore import QLibraryInfo
    except ImportError:
        return {"pyside6": "missing"}, _("PySide6 is not installed: the wizard window cannot open")
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    wanted = {"linux": ("xcb", "wayland"), "win32": ("windows",), "darwin": ("cocoa",)}
    key = "linux" if sys.platform.startswith("linux") else sys.platform
    names = (
        os.listdir(os.path.join(folder, "platforms"))
        if os.path.isdir(os.path.join(folder, "platforms"))
        else []
    )
    found = [n for n in wanted.get(key, ()) if any(n in name for name in names)]
    info = {"pyside6": PySide6.__version__, "platform_plugins": ", ".join(found) or _("none")}
    if wanted.get(key) and not found:
        return info, _("Qt's window plugin for this system ({plugins}) is missing").format(
            plugins=_(" or ").join(wanted[key])
        )
    return info, None


def _keyring_module() -> tuple[str, str | None]:
    """The system keyring backend for this OS is installed (whether it is unlocked is per user)."""
    import importlib

    module = {"win32": "keyring.backends.Windows", "darwin": "keyring.backends.macOS"}.get(
        sys.platform, "keyring.backends.SecretService"
    )
    try:
        importlib.import_module(module)
    except Exception as error:  # reported, never fatal to the report
        return module, _("the keyring backend {module} cannot be loaded ({error})").format(
            module=module, error=type(error).__name__
        )
    return module, None


def run_machine_check(session: Session) -> Report:
    """For firm IT over SSH: the installation, court data, policy from every source and the platform
    pieces, without a user's keyring session or display."""
    from .domain.resources import resource_path

    qt_info, qt_problem = _qt_plugins()
    module, keyring_problem = _keyring_module()
    paths = session.paths
    assert paths is not None
    report = Report(
        version=f"{APP_NAME} {__version__}",
        paths={"program": sys.executable, "site_config": str(paths.site_config)},
        policy=session.policy.describe(),
        keyring={"backend_module": module, "installed": keyring_problem is None},
        qt=qt_info,
        catalog_courts=len(session.catalog),
        court_data=session.courts.describe(),
    )
    report.policy_values = _policy_values(session)
    report.problems += [_firm_policy(problem) for problem in session.policy.problems]
    # IT checks here the court data it placed: a copy that is ignored is a problem for the machine.
    report.problems += session.courts.problems
    for problem in (qt_problem, keyring_problem):
        if problem:
            report.problems.append(problem)
    if len(session.catalog) < 150:
        count = len(session.catalog)
        report.problems.append(
            ngettext(
                "the court data holds only {n} court", "the court data holds only {n} courts", count
            ).format(n=count)
        )
    try:
        resource_path("examples", "demo.json")
    except FileNotFoundError:
        report.problems.append(_("the installation is incomplete: the demo answers are missing"))
    return report


def _candidates(keyring: dict[str, object]) -> dict[str, str]:
    found = keyring.get("candidates")
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _firm_policy(problem: str) -> str:
    return _("firm policy: {problem}").format(problem=problem)


def _rows(rows: list[tuple[str, str] | str]) -> list[str]:
    """Labelled rows with their values lined up, whatever the labels' length in this language."""
    width = max([16] + [len(row[0]) + 2 for row in rows if isinstance(row, tuple)])
    return [f"{row[0]:<{width}}{row[1]}" if isinstance(row, tuple) else row for row in rows]


def _courts(count: int) -> str:
    return ngettext("{n} court", "{n} courts", count).format(n=count)


def _tail(report: Report, ready: str) -> list[str]:
    lines = [_("Warning: {warning}").format(warning=w) for w in report.warnings]
    lines += [_("Problem: {problem}").format(problem=p) for p in report.problems]
    lines.append(ready if report.ok else _("Result: problems found (above)."))
    return lines


def render_report(report: Report, fmt: str) -> str:
    """Text for a person (labels and sentences in the chosen language), or JSON whose keys stay English."""
    if fmt == "json":
        return json.dumps({**as_dict(report), "ok": report.ok}, indent=2) + "\n"
    return _render_text(report)


def _render_text(report: Report) -> str:
    """Both reports, the user's and the machine's (its keyring names a module, not a backend)."""
    keyring = report.keyring
    if "backend_module" in keyring:
        installed = _("installed") if keyring["installed"] else _("MISSING")
        head = _("{version} (machine check: no user session needed)").format(version=report.version)
        places: list[tuple[str, str] | str] = [(_("Program:"), report.paths["program"])]
        keyring_rows: list[tuple[str, str] | str] = [
            (_("Keyring:"), f"{keyring['backend_module']} ({installed})")
        ]
        qt = _("PySide6 {version}, window plugins: {plugins}").format(
            version=report.qt.get("pyside6"), plugins=report.qt.get("platform_plugins", "-")
        )
        ready = _("Result: this machine is ready.")
    else:
        verdict = _("accepted") if keyring.get("accepted") else _("REFUSED")
        head = report.version
        places = [
            (_("Data folder:"), report.paths["data"]),
            (_("Log folder:"), report.paths["log"]),
            (_("Config folder:"), report.paths["config"]),
        ]
        keyring_rows = [
            (_("Keyring:"), f"{keyring.get('backend')} ({verdict})"),
            *(f"  {name}: {why}" for name, why in _candidates(keyring).items()),
        ]
        qt = _("PySide6 {version}, platform {platform}").format(
            version=report.qt.get("pyside6"), platform=report.qt.get("platform", "-")
        )
        ready = _("Result: everything needed works.")
    rows = [
        *places,
        (_("Site policy:"), report.policy),
        *_policy_lines(report),
        *keyring_rows,
        ("Qt:", qt),
        (_("Court catalog:"), _courts(report.catalog_courts)),
        (_("Court data:"), report.court_data),
    ]
    lines = [head, *_rows(rows), *_tail(report, ready)]
    return "\n".join(lines) + "\n"


def _policy_lines(report: Report) -> list[str]:
    scope_words = {"machine": _("machine policy"), "user": _("user policy")}
    lines = []
    for row in report.policy_values:
        value, scope = json.dumps(row["value"]), scope_words.get(str(row.get("scope", "")))
        if scope:
            line = _("  {key} = {value}   (from {source}; {scope})")
        else:
            line = _("  {key} = {value}   (from {source})")
        lines.append(line.format(key=row["key"], value=value, source=row["source"], scope=scope))
    return lines
