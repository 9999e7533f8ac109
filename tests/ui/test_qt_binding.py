"""The Qt binding the app is installed with must not corrupt memory when signals carry values."""

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    changed = Signal(object)

app = QCoreApplication([])
emitter = Emitter()
received = []
emitter.changed.connect(received.append)
for value in range(2000):
    emitter.changed.emit(value % 2 == 0)
print(len(received))
"""


def test_signals_with_values_do_not_crash_the_interpreter() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "2000"
