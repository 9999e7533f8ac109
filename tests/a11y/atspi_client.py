"""A screen reader's ear: an AT-SPI client that reports what the wizard tells assistive technology.

Runs in the SYSTEM python (Debian's python3-pyatspi is not on PyPI), in the same private D-Bus
session as the wizard. It speaks JSON lines:

- stdout, one object per line: {"type": "ready"}, focus events
  {"type": "focus", "seq": n, "event": ..., "role": ..., "name": ..., "states": [...]},
  and answers to commands {"type": "reply", "id": ..., ...}.
- stdin, one command per line: {"id": 1, "cmd": "snapshot", "app": "NextGen Ready"}
  (every SHOWING object of the app's windows with role, name, description, states, key bindings,
  relations) or {"id": 2, "cmd": "find_app", "app": "NextGen Ready"}.

The pytest side decides when to press keys; this script only listens and answers.
It is not a test module (pytest does not collect it: the file name does not start with test_).
"""

from __future__ import annotations

import json
import os
import sys
import time

# No client-side cache: every name and state is asked of the application when read.
os.environ.setdefault("ATSPI_CACHE", "none")

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402

MAX_NODES = 3000
_seq = 0


def emit(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _safe(call, default=None):
    try:
        return call()
    except Exception:  # a widget deleted between the event and the question: report what we can
        return default


def states_of(accessible) -> list[str]:
    state_set = _safe(accessible.getState)
    if state_set is None:
        return []
    return sorted(
        pyatspi.stateToString(state) if hasattr(pyatspi, "stateToString") else str(state)
        for state in state_set.getStates()
    )


def role_of(accessible) -> str:
    return _safe(accessible.getRoleName, "") or ""


def key_bindings(accessible) -> list[str]:
    """The Action interface's key bindings (Qt reports a mnemonic here as e.g. "Alt+N")."""
    action = _safe(accessible.queryAction)
    if action is None:
        return []
    found = []
    for index in range(_safe(lambda: action.nActions, 0) or 0):
        binding = _safe(lambda i=index: action.getKeyBinding(i), "") or ""
        for part in binding.split(";"):
            if part.strip() and part.strip() not in found:
                found.append(part.strip())
    return found


def relations(accessible) -> list[dict]:
    out = []
    for relation in _safe(accessible.getRelationSet, []) or []:
        kind = _safe(lambda r=relation: r.getRelationType())
        targets = []
        for index in range(_safe(lambda r=relation: r.getNTargets(), 0) or 0):
            target = _safe(lambda r=relation, i=index: r.getTarget(i))
            if target is not None:
                targets.append({"role": role_of(target), "name": _safe(lambda t=target: t.name, "")})
        out.append({"type": getattr(kind, "value_nick", str(kind)), "targets": targets})
    return out


def describe(accessible, path: str) -> dict:
    node = {
        "path": path,
        "role": role_of(accessible),
        "name": _safe(lambda: accessible.name, "") or "",
        "description": _safe(lambda: accessible.description, "") or "",
        "states": states_of(accessible),
        "keys": key_bindings(accessible),
        "children": _safe(lambda: accessible.childCount, 0) or 0,
    }
    rels = relations(accessible)
    if rels:
        node["relations"] = rels
    text = _safe(accessible.queryText)
    if text is not None and node["role"] != "password text":  # never read a secret field's content
        node["text"] = _safe(lambda: text.getText(0, min(text.characterCount, 2000)), "") or ""
    return node


def find_app(name: str):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(_safe(lambda: desktop.childCount, 0) or 0):
        app = _safe(lambda i=index: desktop.getChildAtIndex(i))
        if app is not None and (_safe(lambda a=app: a.name, "") or "") == name:
            # Ask the application every time instead of trusting libatspi's cache, so a label whose
            # text changed without an event is read as it is now (the driver reports stale names
            # separately, from the focus events, which is what a caching screen reader hears).
            _safe(lambda a=app: a.set_cache_mask(Atspi.Cache.NONE))
            return app
    return None


def snapshot(name: str) -> list[dict]:
    """Every SHOWING object under the app's windows (what a screen reader can reach on screen)."""
    app = find_app(name)
    if app is None:
        return []
    # Read what the application says now, not what libatspi remembered from earlier pages.
    _safe(app.clear_cache)
    nodes: list[dict] = []
    stack = [(app, "app")]
    while stack and len(nodes) < MAX_NODES:
        accessible, path = stack.pop()
        node = describe(accessible, path)
        if path != "app" and "showing" not in node["states"]:
            continue  # hidden pages and widgets: not what the user can reach now
        nodes.append(node)
        for index in reversed(range(node["children"])):
            child = _safe(lambda i=index, a=accessible: a.getChildAtIndex(i))
            if child is not None:
                stack.append((child, f"{path}/{index}"))
    return nodes


def on_event(event) -> None:
    global _seq
    if event.type.startswith("object:state-changed:focused") and not event.detail1:
        return
    source = event.source
    _seq += 1
    emit(
        {
            "type": "focus",
            "seq": _seq,
            "time": time.monotonic(),
            "event": event.type,
            "role": role_of(source),
            "name": _safe(lambda: source.name, "") or "",
            "description": _safe(lambda: source.description, "") or "",
            "states": states_of(source),
            "keys": key_bindings(source),
            "app": _safe(lambda: source.getApplication().name, "") or "",
            "parent": _safe(lambda: source.parent.name, "") or "",
        }
    )


def on_text(event) -> None:
    """Text inserted into an object: what a screen reader echoes as it is typed."""
    global _seq
    source = event.source
    _seq += 1
    emit(
        {
            "type": "text",
            "seq": _seq,
            "event": event.type,
            "role": role_of(source),
            "name": _safe(lambda: source.name, "") or "",
            "text": str(event.any_data or ""),
        }
    )


def on_command(fd, condition) -> bool:
    line = sys.stdin.readline()
    if not line:
        pyatspi.Registry.stop()
        return False
    try:
        command = json.loads(line)
    except ValueError:
        emit({"type": "error", "line": line})
        return True
    reply = {"type": "reply", "id": command.get("id")}
    if command.get("cmd") == "find_app":
        reply["found"] = find_app(command["app"]) is not None
    elif command.get("cmd") == "snapshot":
        reply["nodes"] = snapshot(command["app"])
    elif command.get("cmd") == "quit":
        emit(reply)
        pyatspi.Registry.stop()
        return False
    else:
        reply["error"] = f"unknown command {command!r}"
    emit(reply)
    return True


def main() -> int:
    pyatspi.Registry.registerEventListener(on_event, "object:state-changed:focused", "focus:")
    pyatspi.Registry.registerEventListener(on_text, "object:text-changed:insert")
    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, on_command)
    GLib.idle_add(lambda: emit({"type": "ready", "pid": os.getpid()}) and False)
    pyatspi.Registry.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
