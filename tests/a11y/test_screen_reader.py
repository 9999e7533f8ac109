"""What a screen reader gets from the REAL wizard, driven with the keyboard only (issue 14).

The wizard runs as users start it (`python -m nextgen_wizard`), on a real X display (Xvfb), with
Qt's AT-SPI bridge on a private D-Bus session. An AT-SPI client in the system python (Debian's
python3-pyatspi) records every focus event and reads the accessible tree; see driver.py and
atspi_client.py. Keys go in through xdotool (XTEST), never the mouse.

Asserted, page by page from Welcome to the checklist:
1. after every page change a focus event lands on the page's heading: role "heading", name = the
   page title;
2. every focusable SHOWING object has a role and a non-empty accessible name;
3. no access key (mnemonic) is used twice among the SHOWING objects of the window (page, wizard
   buttons, side panel), read from the AT-SPI Action interface's key binding (Qt reports a
   mnemonic there as "Alt+N");
4. the checklist's steps are separate accessible objects (list items, tree items or table cells),
   each with its step title and a status word.
Also: Enter in the court search adds the court and does not leave the page.

All findings are collected and reported together (with the focus events seen), so one run shows
everything that is wrong; the event log and a tree snapshot per page are kept in the test's tmp dir.
Needs: apt packages in APT_PACKAGES.txt. Without them the test skips, but under CI=true it fails.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from tests.a11y.driver import Desktop, Event, missing_tools

AS_OF = "2026-11-23"
HEADING_ROLES = {"heading"}
ITEM_ROLES = {"list item", "tree item", "table cell", "table row"}
STATUS_WORDS = ("done", "to do", "check", "needs checking", "not yet possible", "not asked yet", "scheduled")
NO_ROLE = {"", "unknown", "invalid", "filler", "redundant object"}
ACCESS_KEY = re.compile(r"^Alt\+(\S)$", re.IGNORECASE)

CHECKS = {
    "heading": "a focus event on the page's heading (role heading, name = page title) after the page change",
    "names": "a role and a non-empty name on every focusable SHOWING control",
    "access keys": "no access key used twice in the window",
    "checklist": "checklist steps readable as separate accessible objects with title and status, each a "
    "check box (checkable) that is checked exactly when the step is done",
    "keyboard": "keyboard behaviour on the way (Enter in a search field does not advance)",
    "intro": "the sentence under the heading is heard on arrival (the focused heading's description)",
    "plain names": "button names without symbols a screen reader spells out (< > and the like)",
}


@pytest.fixture
def desktop(tmp_path: Path, app_home: Path):
    missing = missing_tools()
    if missing:
        reason = "the screen-reader test needs: " + ", ".join(missing) + " (see tests/a11y/APT_PACKAGES.txt)"
        from tests.helpers import linux_ci

        if linux_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    desk = Desktop(tmp_path / "a11y", app_home, as_of=AS_OF)
    try:
        desk.start()
        yield desk
    finally:
        desk.stop()


@cache
def _pages() -> dict[str, tuple[str, str]]:
    """Every page's title and the sentence under it, from the wizard itself (offscreen), so renamed
    pages stay in step."""
    from nextgen_wizard.ui.selftest import example_context
    from nextgen_wizard.ui.wizard import NextGenWizard, PageId

    wizard = NextGenWizard(example_context(date.fromisoformat(AS_OF)))
    pages = {page.name: (wizard.page(page).title(), wizard.page(page).subTitle()) for page in PageId}
    wizard.deleteLater()
    return pages


@pytest.fixture
def page_titles(qapp) -> dict[str, str]:
    return {name: title for name, (title, _intro) in _pages().items()}


@pytest.fixture
def page_intros(qapp) -> dict[str, str]:
    """The sentence under each page's title, which a screen reader should hear on arrival."""
    return {name: intro for name, (_title, intro) in _pages().items()}


def _plain(text: str) -> str:
    return " ".join(text.replace("&", "").split()).casefold()


class ScreenReaderWalk:
    """Keyboard-only steps through the wizard, checking what AT-SPI reports on each page."""

    def __init__(self, desktop: Desktop, titles: dict[str, str], intros: dict[str, str] | None = None) -> None:
        self.desk = desktop
        self.titles = titles
        self.intros = intros or {}
        self.findings: dict[str, list[str]] = {check: [] for check in CHECKS}
        self.mark = 0  # focus events up to this one belong to earlier pages
        self.pages_seen: list[str] = []
        self.nodes: list[dict] = []

    # --- checks on arrival -----------------------------------------------------------------------

    def arrive(self, page: str) -> None:
        title = self.titles[page]

        def on_heading(event: Event) -> bool:
            return event.role in HEADING_ROLES and _plain(event.name) == _plain(title)

        heading = self.desk.wait_for_focus(self.mark, on_heading, timeout=4.0)
        intro = self.intros.get(page, "")
        if heading is not None and intro and _plain(heading.raw.get("description", "")) != _plain(intro):
            self.findings["intro"].append(
                f"{page}: the heading's description is {heading.raw.get('description', '')!r}, not {intro!r}"
            )
        if heading is None:
            seen = [str(e) for e in self.desk.events_after(self.mark)][:6]
            self.findings["heading"].append(
                f"{page}: no focus event on a heading named {title!r}; focus events seen: {seen or 'none'}"
            )
        self.nodes = self.desk.snapshot()
        (self.desk.workdir / f"tree-{len(self.pages_seen):02d}-{page}.json").write_text(
            json.dumps(self.nodes, indent=1), encoding="utf-8"
        )
        if not any(_plain(node["name"]) == _plain(title) for node in self.nodes):
            stale = [n["name"] for n in self.nodes if n["role"] in ("label", *HEADING_ROLES) and n["name"]][
                -3:
            ]
            self.findings["heading"].append(
                f"{page}: no SHOWING object is named {title!r} (the page title is not exposed; "
                f"last labels: {stale})"
            )
        self.pages_seen.append(page)
        self._check_names(page)
        self._check_access_keys(page)
        self.mark = self.desk.last_seq()

    def _check_names(self, page: str) -> None:
        for node in self.nodes:
            if "focusable" not in node["states"]:
                continue
            if node["role"] == "push button" and re.search(r"[<>]", node["name"]):
                self.findings["plain names"].append(f"{page}: button named {node['name']!r}")
            if node["role"] in NO_ROLE or not node["name"].strip():
                self.findings["names"].append(
                    f"{page}: {node['role'] or 'no role'} named {node['name']!r} at {node['path']}"
                )

    def _check_access_keys(self, page: str) -> None:
        # Qt gives every radio button of a titled group box the box's access key (it focuses the
        # group): buttons under one parent that all carry the same single key count as one owner,
        # the group. Buttons with keys of their own count one by one.
        by_parent: dict[str, list[tuple[dict, str]]] = {}
        for node in self.nodes:
            for binding in node["keys"]:
                match = ACCESS_KEY.match(binding.strip())
                if match:
                    parent = node["path"].rsplit("/", 1)[0]
                    by_parent.setdefault(parent, []).append((node, match.group(1).upper()))
        names = {node["path"]: node["name"] for node in self.nodes}
        keys: Counter[str] = Counter()
        owners: dict[str, list[str]] = {}
        for parent, found in by_parent.items():
            letters = {letter for _node, letter in found}
            if len(found) > 1 and len(letters) == 1 and all(n["role"] == "radio button" for n, _ in found):
                (letter,) = letters
                keys[letter] += 1
                owners.setdefault(letter, []).append(f"group {names.get(parent, '')!r}")
                continue
            for node, letter in found:
                keys[letter] += 1
                owners.setdefault(letter, []).append(f"{node['role']} {node['name']!r}")
        for letter, count in sorted(keys.items()):
            if count > 1:
                self.findings["access keys"].append(f"{page}: Alt+{letter} on {', '.join(owners[letter])}")

    def wait_for_object(self, condition, within: str, timeout: float = 3.0) -> dict | None:
        """A SHOWING object meeting `condition` inside the object named `within`, polled."""
        deadline = time.monotonic() + timeout
        while True:
            nodes = self.desk.snapshot()
            parents = [n["path"] for n in nodes if n["name"] == within]
            for node in nodes:
                if any(node["path"].startswith(p + "/") for p in parents) and condition(node):
                    return node
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.2)

    # --- the keyboard ----------------------------------------------------------------------------

    def _press_and_wait(self, *keys: str) -> Event | None:
        before = self.desk.last_seq()
        self.desk.key(*keys)
        return self.desk.wait_for_focus(
            before, lambda e: e.kind.startswith("object:state-changed:focused"), timeout=2.0
        )

    def tab_to(self, name: str) -> Event:
        visited = []
        for _ in range(60):
            event = self._press_and_wait("Tab")
            if event is None:
                visited.append("(no focus event)")
                continue
            visited.append(event.name)
            if _plain(event.name).startswith(_plain(name)):
                return event
        raise AssertionError(f"Tab never reached {name!r}; focus went to: {visited}")

    def choose(self, group: str, option: str) -> None:
        """Tab into a radio group, arrow keys to the option, Space: as the offscreen keyboard test."""
        event: Event | None = self.tab_to(group)
        wanted = _plain(f"{group} {option}")
        for _ in range(8):
            if event is not None and _plain(event.name) == wanted:
                self.desk.key("space")
                return
            event = self._press_and_wait("Right")
        raise AssertionError(f"no option {option!r} in {group!r}")

    def type(self, text: str) -> None:
        self.desk.type(text)

    def next_page(self, page: str) -> None:
        self.mark = self.desk.last_seq()
        self.desk.key("alt+n")  # the Next button's access key
        self.arrive(page)

    def enter_page(self, page: str) -> None:
        self.mark = self.desk.last_seq()
        self.desk.key("Return")
        self.arrive(page)

    # --- the checklist ---------------------------------------------------------------------------

    def check_checklist(self, steps: list[tuple[str, str]], timeout: float = 5.0) -> None:
        """Every step a separate item with its status and check box. The list's items can reach
        AT-SPI a moment after the heading takes the focus (seen in CI: one item in the snapshot
        taken on arrival), so the tree is read again until every step is there or `timeout` passes."""
        deadline = time.monotonic() + timeout
        while True:
            problems = self._checklist_problems(steps)
            if not problems or time.monotonic() >= deadline:
                break
            time.sleep(0.3)
            self.nodes = self.desk.snapshot()
        self.findings["checklist"] += problems

    def _checklist_problems(self, steps: list[tuple[str, str]]) -> list[str]:
        problems: list[str] = []
        side = [n["path"] for n in self.nodes if n["name"] == "Wizard steps"]
        items = [
            n
            for n in self.nodes
            if n["role"] in ITEM_ROLES and not any(n["path"].startswith(p + "/") for p in side)
        ]

        def words(item: dict) -> str:
            inside = [
                n for n in self.nodes if n["path"] == item["path"] or n["path"].startswith(item["path"] + "/")
            ]
            return _plain(" ".join(f"{n['name']} {n['description']} {n.get('text', '')}" for n in inside))

        texts = {item["path"]: words(item) for item in items}
        used: set[str] = set()
        for title, status in steps:
            matches = [
                path
                for path, text in texts.items()
                if _plain(title) in text and any(word in text for word in STATUS_WORDS) and path not in used
            ]
            if not matches:
                problems.append(
                    f"step {title!r} ({status}) is not a separate list/tree item or table cell with its status"
                )
                continue
            chosen = min(matches, key=lambda p: len(texts[p]))
            used.add(chosen)
            states = next(n["states"] for n in items if n["path"] == chosen)
            if "checkable" not in states:
                problems.append(f"step {title!r} has no check box (not checkable): {states}")
            elif ("checked" in states) != (status == "done"):
                problems.append(
                    f"step {title!r} ({status}) is {'checked' if 'checked' in states else 'not checked'}"
                )
        if problems:
            shapes = Counter(n["role"] for n in self.nodes if n["path"] not in {p for p in side})
            big = [
                f"{n['role']} {n['name']!r} ({len(n.get('text', ''))} characters of text)"
                for n in self.nodes
                if len(n.get("text", "")) > 200
            ]
            problems.insert(
                0,
                f"{len(items)} item objects outside the side panel; text objects holding the checklist: "
                f"{big or 'none'}; roles on the page: {dict(shapes)}",
            )
        return problems

    def report(self) -> str:
        lines = [f"pages walked: {' -> '.join(self.pages_seen)}"]
        for check, problems in self.findings.items():
            if problems:
                lines.append(f"FAILED {CHECKS[check]}:")
                lines += [f"  - {problem}" for problem in problems]
        lines.append(f"(event log and tree snapshots: {self.desk.workdir})")
        return "\n".join(lines)


def _expected_steps() -> list[tuple[str, str]]:
    """The checklist the plan makes from the answers the walk saved (the app's own folder)."""
    from nextgen_wizard.session import Session
    from nextgen_wizard.storage.paths import app_paths

    session = Session.read(app_paths(), as_of=date.fromisoformat(AS_OF))
    return [(step.title, step.status.value) for step in session.plan().steps]


def test_a_screen_reader_hears_every_page_of_the_real_wizard(desktop: Desktop, page_titles, page_intros) -> None:
    walk = ScreenReaderWalk(desktop, page_titles, page_intros)
    try:
        _walk_to_the_checklist(walk, desktop)
    except (AssertionError, TimeoutError, RuntimeError) as error:
        (desktop.workdir / "findings.json").write_text(json.dumps(walk.findings, indent=1), encoding="utf-8")
        raise AssertionError(f"the keyboard walk stopped: {error}\n{walk.report()}") from error
    walk.check_checklist(_expected_steps())
    (desktop.workdir / "findings.json").write_text(json.dumps(walk.findings, indent=1), encoding="utf-8")
    if any(walk.findings.values()):
        pytest.fail(walk.report(), pytrace=False)


def _walk_to_the_checklist(walk: ScreenReaderWalk, desktop: Desktop) -> None:
    walk.arrive("WELCOME")  # the first page: focus on its heading once the window is active
    walk.enter_page("COURTS")  # Enter goes Next on a complete page

    walk.choose("Who are you?", "Attorney")
    walk.tab_to("Find a court")
    walk.type("massachusetts bankruptcy")
    before = desktop.last_seq()
    desktop.key("Return")  # adds the court; must not leave the page
    if not walk.wait_for_object(
        lambda n: n["role"] in ITEM_ROLES and "(mab)" in n["name"], within="Your courts"
    ):
        walk.findings["keyboard"].append("Enter in the court search did not add the court to 'Your courts'")
    left = desktop.wait_for_focus(before, lambda e: e.role in HEADING_ROLES, timeout=0.5)
    if left is not None:
        walk.findings["keyboard"].append(f"Enter in the court search also moved to {left}")
    walk.next_page("PACER")

    walk.choose("Do you have your own PACER account?", "Yes, an account that is mine alone")
    walk.tab_to("PACER username")
    walk.type("janedoe2016")
    walk.choose('What does PACER\'s Manage My Account show as "Account Type"?', "Upgraded PACER Account")
    walk.choose("Can you sign in to PACER today?", "Yes")
    walk.next_page("SITUATION")  # an attorney's rarer situations, asked once

    for question in (
        "Are you on a CJA panel (appointed counsel in criminal cases)?",
        "Are you a bankruptcy trustee (with a trustee account as well)?",
        "Does a paralegal or assistant file documents for you?",
        "Should staff get the court's notices by email too?",
    ):
        walk.choose(question, "No")
    walk.next_page("FIRM")

    walk.choose("Does your firm want a firm billing account?", "No")
    walk.next_page("MFA")

    walk.choose("Have you turned on MFA in PACER?", "Yes")
    walk.choose("Is the email address in your PACER account current?", "Yes")
    walk.next_page("CMECF")

    walk.choose("Do you have a CM/ECF filing account at mab?", "Yes")
    walk.choose("Do you know its login and password (mab)?", "Yes")
    walk.next_page("LINK")

    walk.tab_to("I have linked my account at mab")
    desktop.key("space")
    walk.next_page("CHECKLIST")


# --- the checks themselves, on made-up trees (no display needed) ---------------------------------


def _node(path: str, role: str, name: str, keys: tuple[str, ...] = (), text: str = "") -> dict:
    return {
        "path": path,
        "role": role,
        "name": name,
        "description": "",
        "states": ["focusable", "showing"],
        "keys": list(keys),
        "children": 0,
        "text": text,
    }


def _walk_over(nodes: list[dict]) -> ScreenReaderWalk:
    walk = ScreenReaderWalk.__new__(ScreenReaderWalk)
    walk.findings = {check: [] for check in CHECKS}
    walk.nodes = nodes
    return walk


def test_the_access_key_check_finds_a_clash_and_counts_a_group_once() -> None:
    walk = _walk_over([
        _node("app/0/1", "panel", "Does your firm want one?"),
        _node("app/0/1/0", "radio button", "Does your firm want one? Yes", ("Alt+W",)),
        _node("app/0/1/1", "radio button", "Does your firm want one? No", ("Alt+W",)),
        _node("app/0/2", "push button", "View", ("Alt+V",)),
        _node("app/0/3", "push button", "Print preview...", ("Alt+V",)),
        _node("app/0/4", "push button", "Next >", ("Alt+N", "Enter")),
    ])  # fmt: skip
    walk._check_access_keys("PAGE")
    assert walk.findings["access keys"] == [
        "PAGE: Alt+V on push button 'View', push button 'Print preview...'"
    ]


def test_the_name_check_finds_an_unnamed_control() -> None:
    walk = _walk_over([_node("app/0/1", "text", ""), _node("app/0/2", "push button", "Next >")])
    walk._check_names("PAGE")
    assert walk.findings["names"] == ["PAGE: text named '' at app/0/1"]


def test_the_checklist_check_wants_one_item_per_step_with_its_status() -> None:
    steps = [("Upgrade your PACER account", "todo"), ("Turn on MFA", "done")]
    one_label = _walk_over(
        [_node("app/0/5", "label", "Checklist", text="Upgrade your PACER account To do Turn on MFA Done")]
    )
    one_label.check_checklist(steps, timeout=0)  # a fixed tree: read once
    assert len(one_label.findings["checklist"]) == 3
    nodes = [
        _node("app/0/5", "list", "Checklist"),
        _node("app/0/5/0", "list item", "Upgrade your PACER account: To do"),
        _node("app/0/5/1", "list item", "Turn on MFA"),
        _node("app/0/5/1/0", "label", "Done"),
    ]
    unticked = _walk_over(nodes)
    unticked.check_checklist(steps, timeout=0)
    assert len(unticked.findings["checklist"]) == 3  # no check boxes: two findings and the summary
    nodes[1]["states"] += ["checkable"]
    nodes[2]["states"] += ["checkable", "checked"]
    items = _walk_over(nodes)
    items.check_checklist(steps, timeout=0)
    assert items.findings["checklist"] == []
