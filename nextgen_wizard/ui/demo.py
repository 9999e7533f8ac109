"""Demo mode for seminars: fictional answers, an in-memory vault, files in a temporary folder.

Nothing of a demo reaches the real data, log or config folders or the OS keyring: the
per-user folders are moved to a temporary folder (deleted at exit) before anything opens a
file, and passwords go to a MemoryVault. Firm policy is not applied, so every demo runs the same.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

from ..domain.answers import Answers, answers_from_dict
from ..domain.i18n import N_
from ..domain.resources import resource_path
from ..session.environment import HOME_VARIABLE

DEMO_ANSWERS = ("examples", "demo.json")
BANNER = N_("DEMO - fictional data, nothing is saved")  # translated where shown: _(BANNER)


def enter_demo_home() -> Path:
    """Point every per-user folder at a fresh temporary folder, removed when the app exits."""
    home = Path(tempfile.mkdtemp(prefix="nextgen-ready-demo-"))
    os.environ[HOME_VARIABLE] = str(home)
    # Qt's own settings (a file dialog's last folder, QtProject.conf) go there too, not into the
    # trainer's real config folder.
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return home


def demo_answers(path: Path | None = None) -> Answers:
    """The demo's fictional filer, or a trainer's own answers file."""
    source = path or resource_path(*DEMO_ANSWERS)
    return answers_from_dict(json.loads(source.read_text(encoding="utf-8")))
