"""The user's own preferences (today: the language chosen in the wizard), in the per-user config folder."""

from __future__ import annotations

import json
from pathlib import Path

from .files import ReadError, read_file, write_file
from .paths import make_private_dir

FILE_NAME = "preferences.json"


def read_language(config: Path) -> str | None:
    """The language the user chose in the wizard, or None (nothing chosen, or the file is unusable)."""
    try:
        data = json.loads(read_file(config / FILE_NAME, 10_000).decode("utf-8"))
    except (FileNotFoundError, ReadError, UnicodeDecodeError, ValueError):
        return None
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) else None


def save_language(config: Path, language: str) -> None:
    """Remember the wizard's language for the next start (raises OSError in words when it cannot)."""
    make_private_dir(config)
    text = json.dumps({"language": language}, indent=2) + "\n"
    write_file(config / FILE_NAME, text.encode("utf-8"), mode=0o600)
