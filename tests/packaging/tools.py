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


def ours_or_skip(reason: str) -> NoReturn:
    """For checks that need this project's CI machine (Debian packages, npm checkers): fail there,
    skip anywhere else, including the release workflow's Windows and macOS runners."""
    from tests.helpers import linux_ci

    if linux_ci():
        pytest.fail(f"CI must run this check: {reason}")
    pytest.skip(reason)


def need_tool_ours(tool: str, package: str) -> str:
    """need_tool, failing only in this project's CI (see ours_or_skip)."""
    path = shutil.which(tool)
    if path is None:
        ours_or_skip(f"{tool} not installed (Debian package {package}; .ci/run installs it)")
    return path
