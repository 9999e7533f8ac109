"""The keyring dialog alone, on a real display, for the screen-reader test of the password field:
`python secret_probe.py` shows it (the login field first, then the password) until it is closed."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from nextgen_wizard import APP_NAME
from nextgen_wizard.ui.credentials import CredentialDialog

app = QApplication(sys.argv)
app.setApplicationName(APP_NAME)
dialog = CredentialDialog(lambda login, password: "kept", "a test keyring", "PACER", check_pacer_rules=True)
dialog.setWindowTitle(f"{APP_NAME} secret probe")
dialog.show()
dialog.activateWindow()
dialog.login.setFocus()
sys.exit(app.exec())
