"""QApplication set-up and the GUI entry point."""

from __future__ import annotations

import argparse
import sys

from .. import APP_NAME, __version__


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
    wizard.setWindowTitle(APP_NAME)
    page = QWizardPage()
    page.setTitle("Welcome to NextGen Ready")
    layout = QVBoxLayout(page)
    text = QLabel(
        "The step-by-step wizard is being built. Meanwhile, print your checklist with:\n\n"
        "    nextgen-wizard checklist --answers FILE"
    )
    text.setWordWrap(True)
    layout.addWidget(text)
    wizard.addPage(page)
    wizard.show()
    return app.exec()
