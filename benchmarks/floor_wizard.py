"""The floor: a bare QApplication showing an empty QWizard, nothing else.

Start-up, memory and bundle size of NextGen Ready are measured against this, in the same run.
With NEXTGEN_WIZARD_EXIT_AFTER_PAINT set it prints "painted" after the first paint and quits,
exactly like the app.
"""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print("painted", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
    wizard.addPage(QWizardPage())
    if len(sys.argv) > 1 and sys.argv[1] == "--self-test":
        print("floor: 1 passed, 0 failed")
        return 0
    if os.environ.get("NEXTGEN_WIZARD_EXIT_AFTER_PAINT"):
        watcher = FirstPaint()
        wizard.installEventFilter(watcher)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
