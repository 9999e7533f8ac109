"""Runs the real wizard where a screen reader can hear it, and presses keys like a person would.

Xvfb (a real X display, no window manager), a private D-Bus session with the AT-SPI bus, the
wizard on the xcb platform with Qt's accessibility bridge on, and `atspi_client.py` in the system
python (pyatspi) reporting focus events and the accessible tree as JSON lines. Keys go in through
xdotool (XTEST): the keyboard, nothing else. Every process is started in its own process group and
killed with it, also when the test fails.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CLIENT = HERE / "atspi_client.py"
SYSTEM_PYTHON = "/usr/bin/python3"
APP_NAME = "NextGen Ready"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
XCB_LIBRARIES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
}
# The tools, the Debian packages that bring them.
TOOLS = {"Xvfb": "xvfb", "dbus-run-session": "dbus", "xdotool": "xdotool"}


def bus_launcher() -> str | None:
    return next((path for path in BUS_LAUNCHERS if os.access(path, os.X_OK)), None)


def missing_tools() -> list[str]:
    """What this machine lacks for the screen-reader test (empty when it can run)."""
    missing = [
        f"{tool} (Debian package {package})" for tool, package in TOOLS.items() if not shutil.which(tool)
    ]
    if bus_launcher() is None:
        missing.append("at-spi-bus-launcher (Debian package at-spi2-core)")
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        missing.append(f"{SYSTEM_PYTHON} (Debian package python3)")
    else:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=30, env=_plain_env()
        )
        if probe.returncode != 0:
            missing.append(f"pyatspi in {SYSTEM_PYTHON} (Debian package python3-pyatspi)")
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(f"{library} (Debian package {package})")
    return missing


def _plain_env() -> dict[str, str]:
    """The environment without this virtualenv's python settings (for the system python)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return env


@dataclass
class Event:
    seq: int
    kind: str
    role: str
    name: str
    states: list[str]
    keys: list[str]
    raw: dict

    def __str__(self) -> str:
        return f"{self.role} {self.name!r}"


@dataclass
class Desktop:
    """One private X display + D-Bus + AT-SPI bus + wizard + listening client."""

    workdir: Path
    app_home: Path
    as_of: str = "2026-11-23"
    geometry: str = "1366x768x24"
    # Another program than the wizard (a probe of one dialog), and the words of its window title.
    app_command: list[str] | None = None
    window_name: str = APP_NAME
    # Called with the private session's environment after the AT-SPI client starts and before the
    # app does: a screen reader (orca_harness.py) starts here, so it hears the app from its start.
    before_app: Any = None
    processes: list[subprocess.Popen] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lines: queue.Queue[dict] = queue.Queue()
        self._replies: dict[int, dict] = {}
        self._next_id = 0
        self._lock = threading.Lock()
        self.env: dict[str, str] = {}
        self.client: subprocess.Popen | None = None
        self.texts: list[dict] = []  # text-inserted events, as a screen reader hears typing
        self.app: subprocess.Popen | None = None
        self.window: str | None = None

    # --- starting and stopping -------------------------------------------------------------------

    def _start(self, command: list[str], name: str, **options) -> subprocess.Popen:
        stderr = open(self.workdir / f"{name}.stderr", "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(command, stderr=stderr, start_new_session=True, **options)
        process._nextgen_stderr = stderr  # type: ignore[attr-defined]
        process._nextgen_name = name  # type: ignore[attr-defined]
        self.processes.append(process)
        return process

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        runtime = self.workdir / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        user_home = self.workdir / "user-home"
        user_home.mkdir(exist_ok=True)
        base = _plain_env()
        base.pop("DBUS_SESSION_BUS_ADDRESS", None)
        base.update(
            {
                "XDG_RUNTIME_DIR": str(runtime),
                "HOME": str(user_home),  # no file of the real user is touched (QtProject.conf, keyrings)
                "XDG_CONFIG_HOME": str(user_home / ".config"),
                "XDG_DATA_HOME": str(user_home / ".local" / "share"),
                "XDG_CACHE_HOME": str(user_home / ".cache"),
                "NO_AT_BRIDGE": "0",
            }
        )
        # 1. A real X display on a display number Xvfb picks itself (-displayfd): no clash with
        # another test run or another engineer's display.
        read_fd, write_fd = os.pipe()
        self._start(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", self.geometry, "-nolisten", "tcp"],
            "xvfb",
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
        )
        os.close(write_fd)
        display = _read_line(read_fd, timeout=20, what="Xvfb's display number")
        os.close(read_fd)
        base["DISPLAY"] = f":{display}"
        # 2. A private session bus with the AT-SPI bus launcher on it; the shell prints the address.
        launcher = bus_launcher()
        session = self._start(
            [
                "dbus-run-session",
                "--",
                "sh",
                "-c",
                f'{launcher} --launch-immediately & echo "$DBUS_SESSION_BUS_ADDRESS"; exec sleep 600',
            ],
            "dbus",
            stdout=subprocess.PIPE,
            env=base,
        )
        assert session.stdout is not None
        address = _read_line(session.stdout.fileno(), timeout=20, what="the D-Bus session address")
        base["DBUS_SESSION_BUS_ADDRESS"] = address
        self.env = base
        # 3. The listening client (the screen reader's ear), before the app, so it hears everything.
        self.client = self._start(
            [SYSTEM_PYTHON, str(CLIENT)], "client", stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=base
        )
        threading.Thread(target=self._read_client, daemon=True).start()
        self._wait_for(lambda m: m.get("type") == "ready", 30, "the AT-SPI client to start")
        if self.before_app is not None:
            self.before_app(self)
        # 4. The real wizard, as a user starts it, on a real window.
        app_env = dict(base)
        app_env.update(
            {
                "QT_QPA_PLATFORM": "xcb",
                "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                "QT_ACCESSIBILITY": "1",
                "NEXTGEN_WIZARD_HOME": str(self.app_home),
            }
        )
        self.app = self._start(
            [sys.executable, *(self.app_command or ["-m", "nextgen_wizard", "--as-of", self.as_of])],
            "app",
            stdout=subprocess.DEVNULL,
            env=app_env,
            cwd=str(ROOT),
        )
        self.window = self._find_window(timeout=30)
        # Xvfb has no window manager: give the window the keyboard focus ourselves.
        self.xdotool("windowfocus", "--sync", self.window)
        self._wait_until(lambda: self.request("find_app", app=APP_NAME).get("found"), 20, "the app on AT-SPI")

    def stop(self) -> None:
        if self.client is not None and self.client.poll() is None and self.client.stdin is not None:
            with contextlib.suppress(OSError):
                self.client.stdin.close()
        for process in reversed(self.processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        for process in reversed(self.processes):
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
            process._nextgen_stderr.close()  # type: ignore[attr-defined]
            # children that left the group's leader behind (dbus-daemon, registryd) go with the group
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)

    def stderr_of(self, name: str) -> str:
        path = self.workdir / f"{name}.stderr"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    # --- talking to the client -------------------------------------------------------------------

    def _read_client(self) -> None:
        assert self.client is not None and self.client.stdout is not None
        with open(self.workdir / "atspi-events.jsonl", "w", encoding="utf-8") as record:
            for line in self.client.stdout:
                record.write(line.decode(errors="replace"))
                record.flush()
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if message.get("type") == "text":
                    with self._lock:
                        self.texts.append(message)
                if message.get("type") == "focus" and message.get("app") in (APP_NAME, ""):
                    if message["role"] == "radio button" and message.get("parent"):
                        # an answer is named alone; its question is the group's name, heard with it
                        message["name"] = f"{message['parent']} {message['name']}"
                    with self._lock:
                        self.events.append(
                            Event(
                                message["seq"],
                                message["event"],
                                message["role"],
                                message["name"],
                                message["states"],
                                message["keys"],
                                message,
                            )
                        )
                self._lines.put(message)

    def _wait_for(self, wanted, timeout: float, what: str) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self._lines.get(timeout=min(0.5, max(0.01, deadline - time.monotonic())))
            except queue.Empty:
                self._check_alive()
                continue
            if message.get("type") == "reply":
                self._replies[message["id"]] = message
            if wanted(message):
                return message
        raise TimeoutError(f"waited {timeout:.0f} s for {what}")

    def _wait_until(self, condition, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.2)
        raise TimeoutError(f"waited {timeout:.0f} s for {what}")

    def _check_alive(self) -> None:
        for process in (self.client, self.app):
            if process is not None and process.poll() is not None:
                name = process._nextgen_name  # type: ignore[attr-defined]
                raise RuntimeError(f"the {name} exited ({process.returncode}): {self.stderr_of(name)}")

    def request(self, cmd: str, timeout: float = 20, **arguments) -> dict:
        assert self.client is not None and self.client.stdin is not None
        self._next_id += 1
        ident = self._next_id
        self.client.stdin.write((json.dumps({"id": ident, "cmd": cmd, **arguments}) + "\n").encode())
        self.client.stdin.flush()
        if ident in self._replies:
            return self._replies.pop(ident)
        return self._wait_for(lambda m: m.get("type") == "reply" and m.get("id") == ident, timeout, cmd)

    def snapshot(self) -> list[dict]:
        """Every SHOWING accessible object of the wizard, as a screen reader can read it now."""
        return self.request("snapshot", app=APP_NAME)["nodes"]

    # --- focus events ----------------------------------------------------------------------------

    def last_seq(self) -> int:
        with self._lock:
            return self.events[-1].seq if self.events else 0

    def events_after(self, seq: int) -> list[Event]:
        with self._lock:
            return [event for event in self.events if event.seq > seq]

    def wait_for_focus(self, after: int, condition=lambda event: True, timeout: float = 3.0) -> Event | None:
        """The first focus event after `after` that meets `condition`, or None after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events_after(after):
                if condition(event):
                    return event
            if time.monotonic() >= deadline:
                return None
            self._check_alive()
            time.sleep(0.03)

    def focused(self) -> Event | None:
        """The object that has the focus now: the latest focus event."""
        with self._lock:
            return self.events[-1] if self.events else None

    # --- the keyboard ----------------------------------------------------------------------------

    def xdotool(self, *arguments: str) -> str:
        result = subprocess.run(
            ["xdotool", *arguments], capture_output=True, text=True, env=self.env, timeout=15
        )
        if result.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(arguments)} failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def _find_window(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._check_alive()
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", self.window_name],
                capture_output=True,
                text=True,
                env=self.env,
                timeout=15,
            )
            windows = found.stdout.split()
            if windows:
                return windows[0]
            time.sleep(0.2)
        raise TimeoutError(f"the wizard's window did not appear within {timeout:.0f} s")

    def key(self, *keys: str) -> None:
        """Press keys (xdotool names: Tab, Return, space, Right, alt+n) on the focused window."""
        self.log.append("key " + " ".join(keys))
        self.xdotool("key", "--clearmodifiers", *keys)

    def type(self, text: str) -> None:
        self.log.append(f"type {text!r}")
        self.xdotool("type", "--delay", "8", text)


def _read_line(fd: int, timeout: float, what: str) -> str:
    """One line from a pipe, without blocking past `timeout`."""
    import select

    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"waited {timeout:.0f} s for {what}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 1)
        if not chunk:
            raise RuntimeError(f"no {what}: the process ended")
        data += chunk
    return data.decode().strip()
