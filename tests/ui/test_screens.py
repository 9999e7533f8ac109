"""Every page on the screens people use, at the text sizes trainers use, in light and dark:
nothing cut off, nothing scrolling sideways, every button on the window, a visible focus ring."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.helpers import ROOT

CASES = [
    (1366, 768, 1.0, "light"),
    (1366, 768, 1.5, "light"),
    (1366, 768, 2.0, "light"),
    (1366, 768, 1.0, "dark"),
    (1366, 768, 2.0, "dark"),
    (1920, 1080, 1.0, "light"),
    (1920, 1080, 1.5, "light"),
    (1920, 1080, 2.0, "dark"),
]


def probe(width: int, height: int, scale: float, theme: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "ui" / "screen_probe.py"), str(width), str(height), str(scale), theme],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height", "scale", "theme"), CASES)
def test_every_page_fits_the_screen(width: int, height: int, scale: float, theme: str) -> None:
    found = probe(width, height, scale, theme)
    assert found["pages"] == 11
    assert found["problems"] == []
    assert found["focus_contrast"] >= 3.0  # WCAG 2.1 SC 1.4.11, read from a grab of the focused button


def test_the_probe_notices_a_page_that_does_not_fit() -> None:
    """The same checks on a screen far too small must report problems (the probe can fail)."""
    found = probe(640, 480, 2.0, "light")
    assert found["problems"]
