from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Without a display Qt aborts the interpreter; every test runs offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own per-user folders: no test touches a real user's files."""
    home = tmp_path / "home"
    monkeypatch.setenv("NEXTGEN_WIZARD_HOME", str(home))
    return home


def secret_service_problem() -> str | None:
    """Why a real Secret Service cannot be used here, or None when it can."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return "no D-Bus session (run the tests with `python3 dev.py test`)"
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    try:
        backend.priority  # noqa: B018 - raises when the service is not reachable
        backend.set_password("NextGen Ready: probe", "probe", "probe")
        backend.delete_password("NextGen Ready: probe", "probe")
    except Exception as error:
        return f"Secret Service not usable: {type(error).__name__}: {error}"
    return None


@pytest.fixture
def secret_service() -> Iterator[object]:
    """The real Secret Service backend (gnome-keyring under dbus-run-session)."""
    problem = secret_service_problem()
    if problem:
        from tests.helpers import linux_ci

        if linux_ci():
            pytest.fail(f"CI must test against a real keyring: {problem}")
        pytest.skip(problem)
    import keyring
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def open_session() -> Iterator[object]:
    """The real start-up path: Session.open on this test's own folders; every session is closed after."""
    from datetime import date

    from nextgen_wizard.session import Session
    from nextgen_wizard.storage.paths import app_paths

    opened: list[Session] = []

    def factory(as_of: str = "2026-11-23", **options: object) -> Session:
        session = Session.open(app_paths(), as_of=date.fromisoformat(as_of), **options)  # type: ignore[arg-type]
        opened.append(session)
        return session

    yield factory
    for session in opened:
        session.close()


@pytest.fixture(scope="session", autouse=True)
def _app_style(request: pytest.FixtureRequest) -> None:
    """The app's style, applied once before any widget exists, as `make_app()` does for real.

    Re-styling an application full of closed test windows crashes Qt, so no test does it later.
    """
    if "qapp" not in request.fixturenames and not any(
        "qtbot" in item.fixturenames for item in request.session.items
    ):
        return
    qapp = request.getfixturevalue("qapp")
    from nextgen_wizard.ui.style import apply_style

    apply_style(qapp)


@pytest.fixture(autouse=True)
def _delete_closed_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a Qt test, windows it closed are really deleted before the next test changes app-wide
    settings (text size, style): Qt would otherwise re-polish half-deleted widgets."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def _english_unless_a_test_says_otherwise(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests read English texts: the developer's own system language does not leak in."""
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.delenv("NEXTGEN_WIZARD_LANG", raising=False)
    from nextgen_wizard.domain import i18n

    i18n.choose_language(None, {"LANGUAGE": "en"})
    yield
    i18n.choose_language(None, {"LANGUAGE": "en"})
