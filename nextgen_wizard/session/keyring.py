"""The keyring behind the session: which one is in use, whether it answers, the app's own entries.

Keyring entry names are made here and nowhere else. Every call may block (a locked keyring, a
slow D-Bus): the wizard runs them off its GUI thread.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from .. import APP_NAME
from ..domain.i18n import _, ngettext
from ..domain.record import Record, field
from ..storage.vault import (
    LOGIN_INDEX_SUFFIX,
    BackendInfo,
    KeyringLocked,
    KeyringTimeout,
    KeyringVault,
    NoSecureKeyring,
    TurnedOffVault,
    VaultError,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from ..storage.vault import Vault


def login_entry(court_id: str | None) -> str:
    """The keyring entry for the PACER login (None) or one court's CM/ECF login."""
    return f"{APP_NAME}: PACER" if court_id is None else f"{APP_NAME}: CM/ECF {court_id}"


# All of reset's keyring work together may take this long; then it stops and says so.
RESET_KEYRING_DEADLINE = 20.0


def is_made_entry(entry: str) -> bool:
    """A name login_entry() makes: the PACER entry or one court's (court ids as the catalog has them)."""
    import re

    court = re.fullmatch(rf"{re.escape(APP_NAME)}: CM/ECF [a-z0-9]{{2,12}}", entry)
    return entry == login_entry(None) or court is not None


def is_own_entry(entry: str) -> bool:
    """Only entries in the app's own namespace are ever removed."""
    return entry.startswith(f"{APP_NAME}: ") and not entry.endswith(LOGIN_INDEX_SUFFIX)


class KeyringStatus(Record, frozen=True):
    """The keyring in use and whether login reminders can be saved in it now (and if not, why)."""

    name: str
    class_path: str
    accepted: bool
    reachable: bool = False
    turned_off: bool = False  # firm policy: no keyring use at all
    problem: str | None = None


class ResetReport(Record):
    """What reset removed, and what it left and why."""

    removed_files: list[Path] = field(default_factory=list)
    removed_entries: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class KeyringService:
    """One vault (the OS keyring, a demo's memory, or turned off by policy), made whole by the session."""

    def __init__(self, vault: Vault, *, allowed: bool = True, recorded: Collection[str] = ()) -> None:
        self.vault = vault
        self.allowed = allowed  # the firm's policy lets logins be kept in a keyring
        self.recorded = recorded  # the entries the answers say were saved

    def has_saved_login(self, court_id: str | None) -> bool:
        return login_entry(court_id) in self.recorded

    @property
    def saves_logins(self) -> bool:
        return self.allowed and not isinstance(self.vault, TurnedOffVault)

    def info(self) -> BackendInfo:
        """Which keyring is used (blocks while keyring finds it: call it off the GUI thread)."""
        return self.vault.info()

    def known_info(self) -> BackendInfo | None:
        """The keyring's info when it is known without waiting, else None (ask info() off-thread)."""
        if isinstance(self.vault, KeyringVault) and not self.vault.discovered:
            return None
        try:
            return self.vault.info()
        except VaultError:
            return None

    def status(self) -> KeyringStatus:
        """Which keyring is used and whether it answers, unlocked, within the time limit."""
        if isinstance(self.vault, TurnedOffVault):
            info = self.vault.info()
            return KeyringStatus(info.name, info.class_path, False, turned_off=True)
        try:
            info = self.vault.info()
        except VaultError as error:
            return KeyringStatus(
                _("unknown"), "-", False, problem=_("keyring could not start: {reason}").format(reason=error)
            )
        except Exception as error:  # a broken keyring installation must not stop a report
            return KeyringStatus(
                _("unknown"),
                "-",
                False,
                problem=_("keyring could not start ({error})").format(error=type(error).__name__),
            )
        if not info.accepted:
            return KeyringStatus(
                info.name,
                info.class_path,
                False,
                problem=_("no secure keyring: {reason}; credential reminders cannot be saved").format(
                    reason=info.reason
                ),
            )
        try:
            self.vault.load(f"{APP_NAME}: doctor probe")  # reading proves it is reachable and unlocked
        except VaultError as error:
            return KeyringStatus(
                info.name, info.class_path, True, problem=_("keyring: {reason}").format(reason=error)
            )
        return KeyringStatus(info.name, info.class_path, True, reachable=True)

    def keep_login(self, court_id: str | None, login: str, password: str) -> str:
        """Save a login in the keyring and read it back; returns what to tell the user."""
        return self.vault.save(login_entry(court_id), login, password)  # a turned-off vault says why not

    def forget_login(self, court_id: str | None) -> bool:
        return self.vault.forget(login_entry(court_id))

    # ---- reset's part -------------------------------------------------------------------

    def forget_entries(self, entries: list[str], report: ResetReport) -> None:
        """Remove each entry, within one deadline for them all; the first time-out stops it (a
        keyring that stopped answering would otherwise cost its time-out once per entry)."""
        import time

        deadline = time.monotonic() + RESET_KEYRING_DEADLINE
        for index, entry in enumerate(entries):
            if time.monotonic() > deadline:
                report.problems.append(_keyring_stopped(len(entries) - index))
                return
            try:
                if self.vault.forget(entry):
                    report.removed_entries.append(entry)
            except KeyringTimeout as error:
                report.problems.append(f"{error} " + _keyring_stopped(len(entries) - index))
                return
            except VaultError as error:
                report.problems.append(
                    _('keyring entry "{entry}" was not removed: {reason}').format(entry=entry, reason=error)
                )

    def check_for_reset(self, report: ResetReport) -> bool:
        """True when the keyring can be cleaned; a problem in `report` stops the reset."""
        try:
            info = self.vault.info()
        except NoSecureKeyring as error:
            report.notes.append(
                _("{reason} So {app} never stored anything in a keyring here.").format(
                    reason=error, app=APP_NAME
                )
            )
            return False
        except KeyringTimeout as error:
            report.problems.append(_("{reason} Nothing was removed.").format(reason=error))
            return False
        except VaultError as error:
            report.problems.append(
                _("The keyring could not be checked: {reason} Nothing was removed.").format(reason=error)
            )
            return False
        if not info.accepted:
            report.notes.append(
                _(
                    "No secure keyring is in use here ({reason}), so {app} never stored anything in one."
                ).format(reason=info.reason, app=APP_NAME)
            )
            return False
        try:
            self.vault.load(login_entry(None))  # proves it answers and is unlocked
        except KeyringLocked:
            report.problems.append(
                _(
                    "Your keyring is locked. Unlock it (usually with your computer login password), then run "
                    "reset again. Nothing was removed."
                )
            )
        except KeyringTimeout as error:
            report.problems.append(
                _("{reason} Run reset again once it answers. Nothing was removed.").format(reason=error)
            )
        except NoSecureKeyring:
            report.notes.append(
                _("No secure keyring is in use here, so {app} never stored anything in one.").format(
                    app=APP_NAME
                )
            )
            return False
        except VaultError as error:
            report.problems.append(_("{reason} Nothing was removed.").format(reason=error))
        return not report.problems


def _keyring_stopped(left: int) -> str:
    return ngettext(
        "The keyring stopped answering, so {n} entry was not checked. Your answers were still "
        "removed; run reset again when the keyring answers.",
        "The keyring stopped answering, so {n} entries were not checked. Your answers were still "
        "removed; run reset again when the keyring answers.",
        left,
    ).format(n=left)

