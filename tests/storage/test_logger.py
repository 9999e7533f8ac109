"""The wizard's log file: opened when something is first logged, and then every message is in it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

SCRIPT = """
import sys
from pathlib import Path
from nextgen_wizard.storage.logger import LazyLogger, log_to_file_when_needed
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
