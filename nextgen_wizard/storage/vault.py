"""Credential reminders in the OS keyring, and only there.

Entry names (the keyring "service"): "NextGen Ready: PACER" for the PACER login and
"NextGen Ready: CM/ECF <court id>" for each court's old CM/ECF login. The keyring's
username is the login, its password the password. Answers record only entry names.

Only real system stores are accepted (Windows Credential Manager, macOS Keychain,
Secret Service, KWallet). Anything else - keyring's fail/null backends, the plain
text and file backends of keyrings.alt, unknown third-party ones - is refused and
nothing is written: the user is told to write the login down instead.

Where a backend cannot look an entry up without its login (macOS Keychain), the
login itself is kept in a second entry, "<entry> (login name)", also in the keyring.

Every keyring call runs on a helper thread with a time-out, because a locked Secret
Service can wait forever for an unlock prompt nobody sees.
"""

from __future__ import annotations

from collections.abc import Callable

from ..domain.i18n import N_, _
from ..domain.record import Record, field
from .lazy_logger import LazyLogger

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any, Protocol, TypeVar

    T = TypeVar("T")

log = LazyLogger(__name__)

DEFAULT_TIMEOUT = 10.0
# Windows Credential Manager keeps at most 2560 bytes of secret, stored as UTF-16.
WINDOWS_SECRET_LIMIT_BYTES = 2560

ACCEPTED_BACKENDS = {
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.SecretService.Keyring": "Secret Service (GNOME Keyring)",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
}

# Where a backend cannot find an entry without its login, the login is kept in a second entry.
LOGIN_INDEX_SUFFIX = " (login name)"
LOGIN_INDEX_USER = "login"

NO_SECURE_KEYRING = N_(
    "There is no secure keyring on this computer, so nothing was saved. "
    "Write the login down instead: the printed checklist has a box for it. Keep the paper safe."
)  # translated where it is raised


class Credential(Record, frozen=True):
    """A saved CM/ECF login and its password, as read back from the keyring (never in a repr)."""

    login: str
    password: str = field(repr=False)


class BackendInfo(Record, frozen=True):
    """The keyring backend in use, whether it is safe to store in, and why not."""

    name: str  # what the user is told: "Windows Credential Manager"
    class_path: str
    accepted: bool
    reason: str


class VaultError(Exception):
    """A keyring problem, with a message for the user (never containing a secret)."""


class NoSecureKeyring(VaultError):
    pass


class KeyringLocked(VaultError):
    pass


class KeyringTimeout(VaultError):
    pass


class SecretTooLarge(VaultError):
    pass


if TYPE_CHECKING:  # what the session needs of a vault; MemoryVault, KeyringVault and TurnedOffVault have it

    class Vault(Protocol):
        def info(self) -> BackendInfo: ...
        def save(self, entry: str, login: str, password: str) -> str: ...
        def load(self, entry: str) -> Credential | None: ...
        def forget(self, entry: str) -> bool: ...


def _locked() -> str:
    return _(
        "Your keyring is locked. Unlock it (usually with your computer login password), then press Retry."
    )


def _class_path(backend: Any) -> str:
    return _class_path_of(type(backend))


def resolve_backend(backend: Any) -> Any:
    """From keyring's chain of stores, the first system keyring: the others are never written."""
    children = getattr(type(backend), "backends", None) if _is_chain(backend) else None
    if children is None:
        return backend
    for child in children:
        if _class_path(child) in ACCEPTED_BACKENDS:
            return child
    return backend


def _is_chain(backend: Any) -> bool:
    return any(
        _class_path_of(cls) == "keyring.backends.chainer.ChainerBackend" for cls in type(backend).__mro__
    )


def _class_path_of(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def describe_backend(backend: Any) -> BackendInfo:
    path = _class_path(backend)
    if _is_chain(backend):
        children = getattr(type(backend), "backends", [])
        return BackendInfo(
            _("a chain of keyrings"),
            path,
            False,
            _("none of its stores is a system keyring: {stores}").format(
                stores=", ".join(_class_path(c) for c in children)
            ),
        )
    if path in ACCEPTED_BACKENDS:
        return BackendInfo(ACCEPTED_BACKENDS[path], path, True, _("a system keyring"))
    if path.startswith("keyring.backends.fail."):
        name = _("none found")
        why = _("no system keyring was found (is a keyring service running and unlocked?)")
    elif path.startswith("keyring.backends.null."):
        name, why = _("switched off"), _("keyring is switched off (null backend)")
    elif path.startswith("keyrings.alt."):
        name = _("a file store")
        why = _("keyrings.alt keeps secrets in a file, which this app does not accept")
    else:
        name, why = path, _("it is not one of the system keyrings this app trusts")
    return BackendInfo(name, path, False, why)


def check_secret_size(login: str, password: str) -> None:
    size = len(password.encode("utf-16-le"))
    if size > WINDOWS_SECRET_LIMIT_BYTES or len(login) > 512:
        raise SecretTooLarge(
            _(
                "That password is too long to keep in a keyring ({length} characters; Windows "
                "Credential Manager holds at most {limit}). Check what was pasted."
            ).format(length=len(password), limit=WINDOWS_SECRET_LIMIT_BYTES // 2)
        )


def run_with_timeout(call: Callable[[], T], timeout: float) -> T:
    """Run a keyring call on a daemon thread; a hung unlock cannot freeze the caller or block exit."""
    outcome: dict[str, Any] = {}
    import threading

    finished = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed back to the caller below
            outcome["error"] = error
        finally:
            finished.set()

    threading.Thread(target=target, name="keyring-call", daemon=True).start()
    if not finished.wait(timeout):
        raise KeyringTimeout(
            _(
                "The keyring did not answer within {seconds} seconds. It may be waiting for you to "
                "unlock it: look for an unlock window, then press Retry."
            ).format(seconds=f"{timeout:g}")
        )
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class KeyringVault:
    """The OS keyring through the `keyring` package (imported only when first used)."""

    def __init__(self, backend: Any = None, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._backend = resolve_backend(backend) if backend is not None else None
        self.timeout = timeout

    @property
    def discovered(self) -> bool:
        """Whether the backend is known, so info() returns without waiting."""
        return self._backend is not None

    @property
    def backend(self) -> Any:
        if self._backend is None:

            def discover() -> Any:
                import keyring  # ~0.1 s of backend discovery: paid only when a secret is handled

                return resolve_backend(keyring.get_keyring())

            # Discovery talks to D-Bus on Linux and can hang like any other keyring call.
            try:
                self._backend = run_with_timeout(discover, self.timeout)
            except VaultError:
                raise
            except Exception as error:  # a configured backend that cannot even start (a missing module)
                log.warning("keyring could not start: %s", type(error).__name__)
                raise NoSecureKeyring(
                    _("{message} (Reason: the configured keyring could not start: {error}.)").format(
                        message=_(NO_SECURE_KEYRING), error=type(error).__name__
                    )
                ) from None
        return self._backend

    def info(self) -> BackendInfo:
        return describe_backend(self.backend)

    def _accepted(self) -> BackendInfo:
        info = self.info()
        if not info.accepted:
            log.warning("keyring refused: %s (%s)", info.class_path, info.reason)
            raise NoSecureKeyring(
                _("{message} (Reason: {reason}.)").format(message=_(NO_SECURE_KEYRING), reason=info.reason)
            )
        return info

    def _call(self, call: Callable[[], T]) -> T:
        from keyring import errors

        try:
            return run_with_timeout(call, self.timeout)
        except errors.KeyringLocked:
            raise KeyringLocked(_locked()) from None
        except errors.NoKeyringError:
            raise NoSecureKeyring(_(NO_SECURE_KEYRING)) from None
        except errors.InitError as error:
            # Secret Service raises this when the collection stays locked (the unlock was dismissed).
            if "unlock" in str(error).lower() or "locked" in str(error).lower():
                raise KeyringLocked(_locked()) from None
            raise VaultError(
                _(
                    "The keyring could not be opened. Check that your keyring service is running, "
                    "then press Retry."
                )
            ) from None
        except VaultError:
            raise
        except Exception as error:  # keyring and D-Bus errors carry no secret
            log.error("keyring call failed: %s", type(error).__name__)
            raise VaultError(
                _("The keyring reported a problem ({error}). Try again.").format(error=type(error).__name__)
            ) from None

    def _find(self, entry: str) -> Any:
        """The stored credential for an entry, without knowing its login in advance."""
        backend = self.backend
        found = self._call(lambda: backend.get_credential(entry, None))
        if found is not None:
            return found
        # Some backends (macOS Keychain) cannot look up by entry alone: use the login index.
        login = self._call(lambda: backend.get_password(entry + LOGIN_INDEX_SUFFIX, LOGIN_INDEX_USER))
        return self._call(lambda: backend.get_credential(entry, login)) if login else None

    def save(self, entry: str, login: str, password: str) -> str:
        check_secret_size(login, password)
        info = self._accepted()
        backend = self.backend
        previous = self._find(entry)
        if previous is not None and previous.username != login:
            self._call(lambda: backend.delete_password(entry, previous.username))
        self._call(lambda: backend.set_password(entry, login, password))
        if self._call(lambda: backend.get_credential(entry, None)) is None:
            self._call(lambda: backend.set_password(entry + LOGIN_INDEX_SUFFIX, LOGIN_INDEX_USER, login))
        stored = self._find(entry)
        if stored is None or stored.username != login or stored.password != password:
            raise VaultError(
                _("{keyring} did not give back what was saved. Nothing can be relied on there.").format(
                    keyring=info.name
                )
            )
        log.info("saved keyring entry %r in %s and read it back", entry, info.name)
        return _("Saved in {keyring} and checked.").format(keyring=info.name)

    def load(self, entry: str) -> Credential | None:
        self._accepted()
        found = self._find(entry)
        return Credential(found.username, found.password) if found else None

    def forget(self, entry: str) -> bool:
        self._accepted()
        backend = self.backend
        found = self._find(entry)
        index = entry + LOGIN_INDEX_SUFFIX
        if self._call(lambda: backend.get_password(index, LOGIN_INDEX_USER)) is not None:
            self._call(lambda: backend.delete_password(index, LOGIN_INDEX_USER))
        if found is None:
            return False
        self._call(lambda: backend.delete_password(entry, found.username))
        log.info("removed keyring entry %r", entry)
        return True


class MemoryVault:
    """For demo mode and tests: secrets live in this process only and vanish at exit."""

    def __init__(self) -> None:
        self._entries: dict[str, Credential] = {}

    def info(self) -> BackendInfo:
        return BackendInfo(_("memory only (demo: nothing is saved)"), "MemoryVault", True, _("demo mode"))

    def save(self, entry: str, login: str, password: str) -> str:
        check_secret_size(login, password)
        self._entries[entry] = Credential(login, password)
        return _("Kept in memory for this demo only, and checked.")

    def load(self, entry: str) -> Credential | None:
        return self._entries.get(entry)

    def forget(self, entry: str) -> bool:
        return self._entries.pop(entry, None) is not None


class TurnedOffVault:
    """What the vault is when firm policy turns password saving off: it refuses, and says why."""

    def info(self) -> BackendInfo:
        why = _("your firm's policy turns it off")
        return BackendInfo(_("turned off by your firm"), "policy", False, why)

    def save(self, entry: str, login: str, password: str) -> str:
        raise NoSecureKeyring(
            _(
                "Your firm has turned off saving passwords in this app, so nothing was saved. Write the "
                "login down instead: the printed checklist has a box for it. Keep the paper safe."
            )
        )

    def load(self, entry: str) -> Credential | None:
        return None

    def forget(self, entry: str) -> bool:
        return False


def forget_all(vault: Vault, entries: list[str]) -> list[str]:
    """Remove each entry that exists; returns the names removed."""
    return [entry for entry in entries if vault.forget(entry)]

