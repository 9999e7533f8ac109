"""Every location the app uses, from platformdirs; NEXTGEN_WIZARD_HOME moves all per-user files."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .. import APP_NAME
from ..domain.record import Record

HOME_VARIABLE = "NEXTGEN_WIZARD_HOME"
POLICY_VARIABLE = "NEXTGEN_WIZARD_POLICY"


class AppPaths(Record, frozen=True):
    """Where this user's answers, logs and settings live, and where firm IT puts the policy."""

    data: Path  # saved answers
    log: Path  # rotated logs
    config: Path  # per-user settings
    site_config: Path  # system-wide, written by firm IT (policy)

    @property
    def answers_file(self) -> Path:
        return self.data / "answers.json"

    @property
    def instance_lock(self) -> Path:
        return self.data / "wizard.lock"

    @property
    def log_file(self) -> Path:
        return self.log / "nextgen-wizard.log"

    def per_user(self) -> tuple[Path, Path, Path]:
        return (self.data, self.log, self.config)


def app_paths(environ: Mapping[str, str] | None = None) -> AppPaths:
    env = os.environ if environ is None else environ
    import platformdirs  # imported here: its cost is paid only by commands that touch files

    site = platformdirs.site_config_path(APP_NAME, appauthor=False)
    home = env.get(HOME_VARIABLE)
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "data", root / "log", root / "config", site)
    return AppPaths(
        data=platformdirs.user_data_path(APP_NAME, appauthor=False),
        log=platformdirs.user_log_path(APP_NAME, appauthor=False),
        config=platformdirs.user_config_path(APP_NAME, appauthor=False),
        site_config=site,
    )


def make_private_dir(path: Path) -> Path:
    """Create a folder only this user can read (0700 on POSIX). A folder that exists keeps the
    permissions its owner gave it: a read-only one stays read-only and the app says it cannot
    save there, rather than quietly making it writable again."""
    if not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix":
            path.chmod(0o700)  # mkdir's mode is masked by the umask
    return path
