"""Skip locally, fail in CI: a packaging check that cannot run must not pass silently there."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from typing import NoReturn

import pytest


def in_ci() -> bool:
    """CI=true is set by .ci/run's caller and by hosted CI; accept the other usual spellings too."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def skip_or_fail(reason: str, *, required: Callable[[], bool] = in_ci) -> NoReturn:
    """Fail where `required()` says the check must run, skip elsewhere."""
    if required():
        pytest.fail(f"CI must run this check: {reason}")
    pytest.skip(reason)


def need_tool(tool: str, package: str, *, required: Callable[[], bool] = in_ci) -> str:
    """The path of tool; skips (fails where `required()`) when it is not installed."""
    path = shutil.which(tool)
    if path is None:
        skip_or_fail(f"{tool} not installed (Debian package {package}; .ci/run installs it)", required=required)
    return path


def _ours() -> bool:
    from tests.helpers import linux_ci

    return linux_ci()


def ours_or_skip(reason: str) -> NoReturn:
    """For checks that need this project's CI machine (Debian packages, npm checkers): fail there,
    skip anywhere else, including the release workflow's Windows and macOS runners."""
    skip_or_fail(reason, required=_ours)


def need_tool_ours(tool: str, package: str) -> str:
    """need_tool, failing only in this project's CI (see ours_or_skip)."""
    return need_tool(tool, package, required=_ours)
