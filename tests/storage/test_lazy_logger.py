"""The wizard's log file: opened when something is first logged, and then every message is in it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

SCRIPT = """
import sys
from pathlib import Path
from nextgen_wizard.storage.lazy_logger import LazyLogger, log_to_file_when_needed
log_file = Path(sys.argv[1])
log_to_file_when_needed(log_file)
log = LazyLogger("nextgen_wizard.somewhere")
print("before", log_file.exists(), "logging.handlers" in sys.modules)
log.warning("the first message: %s", "kept")
log.info("the second")
print("after", log_file.exists())
"""


def test_the_log_file_opens_with_the_first_message_and_keeps_every_message(tmp_path: Path) -> None:
    log_file = tmp_path / "log" / "nextgen-wizard.log"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(log_file)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["before False False", "after True"]
    text = log_file.read_text()
    assert "WARNING nextgen_wizard.somewhere: the first message: kept" in text
    assert "INFO nextgen_wizard.somewhere: the second" in text


THREADS = """
import sys, threading
from pathlib import Path
from nextgen_wizard.storage.lazy_logger import LazyLogger, log_to_file_when_needed
log_file = Path(sys.argv[1])
log_to_file_when_needed(log_file)
start = threading.Barrier(4)
failed = []
def first_message(number):
    start.wait()
    try:
        LazyLogger(f"nextgen_wizard.thread{number}").warning("message from thread %d", number)
    except Exception as error:
        failed.append(repr(error))
threads = [threading.Thread(target=first_message, args=(n,)) for n in range(4)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(failed)
"""


def test_first_messages_from_several_threads_at_once_all_reach_the_file(tmp_path: Path) -> None:
    # A keyring call logs from its own thread while the window thread may log too: the file is
    # opened once, and no log call fails or loses its message because another thread opened it.
    log_file = tmp_path / "log" / "nextgen-wizard.log"
    result = subprocess.run(
        [sys.executable, "-c", THREADS, str(log_file)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]" and result.stderr == ""
    text = log_file.read_text()
    assert all(f"message from thread {n}" in text for n in range(4)), text
