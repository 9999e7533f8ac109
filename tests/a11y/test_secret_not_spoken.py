"""No character of a password reaches assistive technology: the keyring dialog on a real X
display with Qt's AT-SPI bridge, an AT-SPI client recording every "text inserted" event (what
Orca echoes while typing), keys typed with xdotool. The login's characters are heard (so the
client does hear typing); the password's never are. Needs tests/a11y/APT_PACKAGES.txt."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.a11y.driver import Desktop, missing_tools

SECRET = "Zq9!wXv#Kp2$mLrT"


@pytest.fixture
def desktop(tmp_path: Path, app_home: Path):  # type: ignore[no-untyped-def]
    missing = missing_tools()
    if missing:
        from tests.helpers import linux_ci

        reason = "the screen-reader test needs: " + ", ".join(missing)
        if linux_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    probe = str(Path(__file__).with_name("secret_probe.py"))
    desk = Desktop(tmp_path / "a11y", app_home, app_command=[probe], window_name="secret probe")
    try:
        desk.start()
        yield desk
    finally:
        desk.stop()


def test_typed_password_characters_never_reach_assistive_technology(desktop: Desktop) -> None:
    desktop.type("jdoe")
    desktop.key("Tab")
    desktop.type(SECRET)
    time.sleep(1.5)  # let the last events arrive
    heard = "".join(event["text"] for event in desktop.texts)
    assert "jdoe" in heard.replace("\n", ""), f"the client heard no typing at all: {desktop.texts[:5]}"
    leaked = sorted(set(SECRET) & set(heard) - set("jdoe"))
    assert leaked == [], f"password characters reached assistive technology: {leaked}"
