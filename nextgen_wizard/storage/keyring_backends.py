"""Why each system keyring of this OS is or is not usable: for IT when none is found."""

from __future__ import annotations

import sys

from ..domain.i18n import _

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
                raise LookupError(_("no keyring class in this module"))
            priority = backend.priority  # raises with the reason when not usable
            found[name] = _("usable (priority {priority})").format(priority=priority)
        except Exception as error:  # each reason is reported, none is fatal
            found[name] = _("not usable: {error}: {reason}").format(error=type(error).__name__, reason=error)
    return found
