from pathlib import Path

import pytest

from nextgen_wizard.storage.paths import app_paths


def test_one_variable_moves_every_per_user_folder(app_home: Path) -> None:
    paths = app_paths()
    assert all(folder.is_relative_to(app_home) for folder in paths.per_user())
    assert paths.answers_file == app_home / "data" / "answers.json"
    assert not paths.site_config.is_relative_to(app_home)  # system-wide: firm IT's, not the user's


def test_default_folders_come_from_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEXTGEN_WIZARD_HOME")
    paths = app_paths()
    assert all("NextGen Ready" in str(folder) for folder in (*paths.per_user(), paths.site_config))
