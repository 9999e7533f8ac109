"""Skip locally, fail in CI: a packaging check that cannot run must not pass silently there."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def in_ci() -> bool:
    """CI=true is set by .ci/run's caller and by hosted CI; accept the other usual spellings too."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def skip_or_fail(reason: str) -> NoReturn:
    if in_ci():
        pytest.fail(f"CI must run this check: {reason}")
    pytest.skip(reason)


def need_tool(tool: str, package: str) -> str:
    """The path of tool; skips (fails in CI) when it is not installed."""
    path = shutil.which(tool)
    if path is None:
        skip_or_fail(f"{tool} not installed (Debian package {package}; .ci/run installs it)")
    return path
