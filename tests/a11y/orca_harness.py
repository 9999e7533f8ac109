"""A real screen reader listening to the wizard: Debian's Orca on the same private D-Bus session and
AT-SPI bus as the app (see driver.py), started with `--debug-file`, where every utterance appears
as a "SPEECH OUTPUT" line. No sound card is needed: Orca logs what it hands to speech-dispatcher.

`OrcaDesktop.press(keys)` presses keys like a person, waits until Orca has finished talking, and
returns what it said in between, one `Utterance` per SPEECH OUTPUT line. Orca's echo of the keys
themselves ("tab", typed letters) is kept apart (`Utterance.echo`): it is Orca repeating the
keyboard, not the app speaking, but a typed secret must not appear there either.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.a11y.driver import Desktop, missing_tools

# The tools, the Debian packages that bring them (besides driver.TOOLS).
ORCA_TOOLS = {"orca": "orca", "speech-dispatcher": "speech-dispatcher"}
# Orca writes its debug log through a buffer; this customization (Orca loads it from its
# preferences folder) flushes it after every utterance, so the test reads speech as it happens.
CUSTOMIZATIONS = """\
import orca.debug as _debug

_println = _debug.println


def _println_and_flush(level, text="", timestamp=False):
    _println(level, text, timestamp)
    if _debug.debugFile is not None and "SPEECH OUTPUT" in str(text):
        _debug.debugFile.flush()


_debug.println = _println_and_flush
"""
LOCALES = {"es": "es_ES.UTF-8"}  # the locale Orca runs in for a language (besides English)
_LINE = re.compile(r"^\d\d:\d\d:\d\d\.\d+ - (.*)$")
_SPEECH = re.compile(r"^SPEECH OUTPUT: '(.*)' ?\{'established': \w+\}\s*$", re.DOTALL)


def missing_orca_tools() -> list[str]:
    """What this machine lacks for the Orca test (empty when it can run)."""
    missing = missing_tools()
    missing += [f"{tool} (Debian package {pkg})" for tool, pkg in ORCA_TOOLS.items() if not shutil.which(tool)]
    if not any(Path(p, "speechd").is_dir() for p in ("/usr/lib/python3/dist-packages",)):
        missing.append("python3-speechd (Debian package python3-speechd)")
    if not shutil.which("localedef") or not Path("/usr/share/i18n/locales/es_ES").is_file():
        missing.append("localedef and the es_ES locale source (Debian package locales)")
    running = other_orcas()
    if running:
        # Orca stops every other Orca of the same user (or refuses to start beside one): the test
        # would silence the screen reader of the person running it.
        missing.append(f"no Orca of this user already running (one is: pid {', '.join(running)}; close it, or run the test as another user)")
    return missing


def other_orcas() -> list[str]:
    """Process ids of Orca instances this user runs (as Orca itself looks for them: without pgrep,
    Orca finds none either)."""
    if not shutil.which("pgrep"):
        return []
    found = subprocess.run(["pgrep", "-u", str(os.getuid()), "-x", "orca"], capture_output=True, text=True, timeout=30)
    return found.stdout.split()


@dataclass(frozen=True)
class Utterance:
    text: str
    echo: bool = False  # Orca echoing a key press, not the app's content

    def __str__(self) -> str:
        return f"[key {self.text.strip()}]" if self.echo else self.text


def parse_speech(log: str) -> list[Utterance]:
    """Every SPEECH OUTPUT of an Orca debug log, in order; key echoes marked."""
    result: list[Utterance] = []
    keyboard = False
    entries: list[str] = []
    for line in log.splitlines():
        match = _LINE.match(line)
        if match:
            entries.append(match.group(1))
        elif entries:
            entries[-1] += "\n" + line  # a continuation line (multi-line debug output)
    for entry in entries:
        if entry.startswith("DEFAULT: Presenting keyboard event"):
            keyboard = True
            continue
        speech = _SPEECH.match(entry)
        if speech:
            result.append(Utterance(speech.group(1), echo=keyboard))
            keyboard = False
        elif entry.startswith(("DEFAULT:", "EVENT MANAGER:", "INPUT EVENT", "KEYBOARD EVENT")):
            keyboard = keyboard and not entry.startswith("EVENT MANAGER")
    return result


class OrcaDesktop(Desktop):
    """The wizard on a private display and bus (Desktop), with Orca listening from the start."""

    orca_language: str = "en"

    def __post_init__(self) -> None:
        super().__post_init__()
        self.orca_log = self.workdir / "orca-debug.log"
        self.before_app = self._start_orca
        self._seen = 0
        self.transcript: list[tuple[str, list[Utterance]]] = []  # (what was pressed, what was said)

    def _start_orca(self, desk: Desktop) -> None:
        home = self.workdir / "orca-home"
        home.mkdir(exist_ok=True)
        prefs = home / "orca-prefs"
        prefs.mkdir(exist_ok=True)
        (prefs / "orca-customizations.py").write_text(CUSTOMIZATIONS, encoding="utf-8")
        env = dict(self.env)
        env.update({"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_DATA_HOME": str(home / ".local" / "share")})  # fmt: skip
        # Orca speaks its own words in the listener's language: its states and messages through
        # Python's gettext (LANGUAGE), the role names through libatspi's, which needs a real locale:
        # one is compiled into the work folder (localedef), so the machine's locales stay as they are.
        env["LANGUAGE"] = self.orca_language
        if self.orca_language != "en":
            env.update(LOCPATH=str(self._private_locale()), LANG=LOCALES[self.orca_language], LC_ALL="")
        # No --replace: it kills every other Orca of this user, a developer's own screen reader too.
        self._start(
            ["orca", f"--user-prefs={prefs}", f"--debug-file={self.orca_log}"], "orca", stdout=subprocess.DEVNULL, env=env
        )
        self._wait_until(lambda: any(not u.echo for u in self.speech()), 30, "Orca to start talking")
        self._seen = len(self.speech())

    def _private_locale(self) -> Path:
        folder = self.workdir / "locale"
        name = LOCALES[self.orca_language]
        if not (folder / name).is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            source = name.split(".")[0]
            subprocess.run(["localedef", "-i", source, "-f", "UTF-8", str(folder / name)], check=True, capture_output=True, timeout=120)
        return folder

    def speech(self) -> list[Utterance]:
        try:
            return parse_speech(self.orca_log.read_text(encoding="utf-8", errors="replace"))
        except FileNotFoundError:
            return []

    def listen(self, label: str, first: float = 2.5, quiet: float = 0.5, longest: float = 12.0) -> list[Utterance]:
        """What Orca says from now until it has been quiet for `quiet` seconds (or `first` seconds
        pass with nothing said), recorded under `label` in the transcript."""
        start = time.monotonic()
        count = self._seen
        changed = start
        while True:
            time.sleep(0.15)
            self._check_alive()
            now = time.monotonic()
            current = len(self.speech())
            if current != count:
                count, changed = current, now
            said = count > self._seen and any(not u.echo for u in self.speech()[self._seen : count])
            if said and now - changed >= quiet:
                break
            if not said and now - start >= first:
                break
            if now - start >= longest:
                break
        utterances = self.speech()[self._seen : count]
        self._seen = count
        self.transcript.append((label, utterances))
        return utterances

    def press(self, *keys: str, **timing: float) -> list[Utterance]:
        self.key(*keys)
        return self.listen(" ".join(keys), **timing)

    def type_text(self, text: str, label: str | None = None) -> list[Utterance]:
        self.type(text)
        return self.listen(label or f"type {text!r}", first=2.0)
