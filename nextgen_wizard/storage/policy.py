"""Firm IT's site policy: presets and locked answers, firm name and support, from a TOML file.

Location: <site config>/policy.toml (platformdirs; %ProgramData%\\NextGen Ready on Windows),
or the file named by NEXTGEN_WIZARD_POLICY. Every key is declared once in POLICY_KEYS.

How a policy with a mistake behaves (docs/deployment.md says the same for IT):
- a key that is wrong (unknown, wrong type, a value the answers format refuses) is named with
  its file and line and left out; every other key still applies, as browsers treat managed policy;
- a policy that cannot be read or parsed at all, one anyone could have written (refused), or a
  NEXTGEN_WIZARD_POLICY that names no file, fails CLOSED for everything it could restrict: saving
  passwords and downloading court data are off and the user and `doctor` are told (doctor exits 1);
- machine sources come before user sources (storage/policy_sources.py), the first to set a key
  wins, and a restricting setting (saving passwords, court downloads) is off when any source
  turns it off: a user source can add restrictions, never remove the machine's;
- an unknown court id is named and left out; court ids are normalised like user input;
- a lock covers its path and everything below it.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Collection
from pathlib import Path

from ..domain.answers import Answers, AnswersError, answers_from_dict, answers_to_dict
from ..domain.court_ids import normal_court_id
from ..domain.i18n import _, ngettext, pgettext
from ..domain.record import Record, field
from .paths import POLICY_VARIABLE
from .policy_keys import KEYS_BY_NAME, POLICY_KEYS, PRESETTABLE, SETTINGS, PolicyKey
from .policy_sources import RawSource, SourceReaders, file_source, read_sources

__all__ = ["KEYS_BY_NAME", "POLICY_KEYS", "PRESETTABLE", "SETTINGS", "Policy", "PolicyKey", "Preset"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

POLICY_FILE_NAME = "policy.toml"
# Settings that restrict when false: any source may turn them off, none can turn them back on.
RESTRICTIONS = ("wizard.credential_storage", "courts.updates")


class Preset(Record, frozen=True):
    """A firm's preset answer, and whether the user may change it."""

    path: str
    value: Any
    locked: bool


class Policy(Record):
    """The firm's effective policy: settings and presets (some locked), and the problems found reading it."""

    source: str | None = None  # the most important source that holds a policy (for messages)
    firm_name: str | None = None
    support: str | None = None
    credential_storage: bool = True
    court_updates: bool = True  # courts.updates: may people download newer court data?
    court_update_url: str | None = None  # courts.update_url: the firm's address for it
    language: str | None = None  # wizard.language: the firm's default language (a user's choice wins)
    presets: dict[str, Preset] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # keys left out, each with file, line and key
    failed: bool = False  # a source could not be used: saving passwords and court downloads are off
    sources: list[str] = field(default_factory=list)  # every source found, most important first
    origins: dict[str, str] = field(default_factory=dict)  # policy key -> the source it came from
    scopes: dict[str, str] = field(default_factory=dict)  # source -> "machine" or "user"

    @property
    def locked(self) -> frozenset[str]:
        return frozenset(p.path for p in self.presets.values() if p.locked)

    def is_locked(self, path: str) -> bool:
        """A lock covers its path, everything below it, and refuses a change to a parent of it."""
        return any(covers(lock, path) or covers(path, lock) for lock in self.locked)

    def effective(self) -> list[tuple[str, Any, str]]:
        """Each key in force: (key, value, the source it came from), for doctor."""
        values: dict[str, Any] = {
            "firm.name": self.firm_name,
            "firm.support": self.support,
            "wizard.credential_storage": self.credential_storage,
            "courts.updates": self.court_updates,
            "wizard.language": self.language,
            "courts.update_url": self.court_update_url,
        }
        rows = [(key, values[key], self.origins[key]) for key in values if key in self.origins]
        if self.failed:
            why = _("turned off: a policy source could not be used")
            rows = [row for row in rows if row[0] not in RESTRICTIONS]
            rows += [(key, False, why) for key in RESTRICTIONS]
        for path, preset in sorted(self.presets.items()):
            shown = {"value": preset.value, "locked": preset.locked}
            rows.append((f"answers.{path}", shown, self.origins.get(f"answers.{path}", "?")))
        return rows

    def describe(self) -> str:
        if self.source is None:
            # Translators: the firm's policy is "none" (Spanish: "ninguna", for "directiva").
            return pgettext("firm policy", "none")
        if self.failed:
            return _(
                "{source} could NOT be used: saving passwords and court data downloads are off until "
                "it is fixed"
            ).format(source=self.source)
        locked = ", ".join(sorted(self.locked)) or _("none")
        count = len(self.problems)
        # The English keeps "(s)" in both forms (people and scripts know it); translations use real plurals.
        partly = ngettext("; {n} setting(s) left out", "; {n} setting(s) left out", count)
        partly = partly.format(n=count)
        more = len(self.sources) - 1
        also = ngettext(" and {n} more source(s)", " and {n} more source(s)", more) if more else ""
        also = also.format(n=more)
        updates = _("; court data updates: off") if not self.court_updates else ""
        if self.court_updates and self.court_update_url:
            updates = _("; court data from: {url}").format(url=self.court_update_url)
        return _(
            "{source}{more} (firm: {firm}; presets: {presets}; locked: {locked}; saving passwords: {saving}"
            "{updates}{partly})"
        ).format(
            source=self.source,
            more=also,
            firm=self.firm_name or "-",
            presets=len(self.presets),
            locked=locked,
            saving=_("on") if self.credential_storage else _("off"),
            updates=updates,
            partly=partly if count else "",
        )


def covers(parent: str, path: str) -> bool:
    return path == parent or path.startswith(parent + ".")


def policy_path(site_config: Path, environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    override = env.get(POLICY_VARIABLE)
    return Path(override) if override else site_config / POLICY_FILE_NAME


def _line_of(text: str, key: str) -> int | None:
    """The line where a key or table is written (tomllib does not keep positions)."""
    last = key.split(".")[-1].strip('"')
    patterns = [
        rf'^\s*\[\s*answers\s*\.\s*"?{re.escape(key)}"?\s*\]',
        rf'^\s*"?{re.escape(last)}"?\s*=',
        rf"^\s*\[\s*{re.escape(key)}\s*\]",
    ]
    lines = text.splitlines()
    for pattern in patterns:
        for number, line in enumerate(lines, start=1):
            if re.search(pattern, line):
                return number
    return None


class _Collector:
    def __init__(self, path: Path | str, text: str) -> None:
        self.path, self.text = path, text
        self.problems: list[str] = []

    def add(self, key: str, message: str, line_key: str | None = None) -> None:
        line = _line_of(self.text, line_key or key)
        where = _("{path}, line {line}").format(path=self.path, line=line) if line else str(self.path)
        self.problems.append(
            _("{where}: {key}: {message} (left out; the rest of the policy applies)").format(
                where=where, key=key, message=message
            )
        )


def set_path(data: dict, path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[last] = value


def get_path(data: dict, path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _flatten_presets(raw: Any, out: _Collector) -> dict[str, Any]:
    """[answers."pacer.x"] and [answers.pacer.x] both name the preset pacer.x."""
    if not isinstance(raw, dict):
        out.add("answers", _('must be a table of presets, e.g. [answers."role"]'))
        return {}
    entries: dict[str, Any] = {}
    for path, entry in raw.items():
        if isinstance(entry, dict) and path in ("pacer", "firm", "filer") and "value" not in entry:
            entries.update({f"{path}.{k}": v for k, v in entry.items()})
        else:
            entries[path] = entry
    return entries


def _normalise_courts(key: str, value: Any, known: Collection[str] | None, out: _Collector) -> Any:
    if not isinstance(value, list):
        return value  # the answers format names the problem
    courts: list[str] = []
    for item in value:
        if not isinstance(item, str):
            out.add(f'answers."{key}"', _("{item} is not a court id").format(item=repr(item)), key)
            continue
        court = normal_court_id(item)
        if known is not None and court not in known:
            problem = _('"{item}" is not a court id (see nextgen-wizard courts)').format(item=item)
            out.add(f'answers."{key}"', problem, key)
        elif court not in courts:
            courts.append(court)
    return courts


def _valid_answer(key: str, value: Any) -> list[str]:
    data: dict = {"schema_version": answers_to_dict(Answers())["schema_version"]}
    set_path(data, key, value)
    try:
        answers_from_dict(data)
    except AnswersError as error:
        return [problem.split(": ", 1)[-1] for problem in error.problems]
    return []


def _read_presets(raw: Any, out: _Collector, known_courts: Collection[str] | None) -> dict[str, Preset]:
    presets: dict[str, Preset] = {}
    for key, spec in _flatten_presets(raw, out).items():
        label = f'answers."{key}"'
        if key not in PRESETTABLE:
            out.add(
                label,
                _("cannot be preset; presettable answers are: {keys}").format(keys=", ".join(PRESETTABLE)),
                key,
            )
            continue
        if not isinstance(spec, dict) or "value" not in spec:
            out.add(label, _("needs value = ... (and optionally locked = true)"), key)
            continue
        unknown = set(spec) - {"value", "locked"}
        if unknown:
            out.add(
                label,
                _("unknown setting {names}; use value and locked").format(names=", ".join(sorted(unknown))),
                key,
            )
            continue
        locked = spec.get("locked", False)
        if not isinstance(locked, bool):
            out.add(label, _("locked must be true or false"), key)
            continue
        value = spec["value"]
        if KEYS_BY_NAME[f"answers.{key}"].type == "court-list":
            value = _normalise_courts(key, value, known_courts, out)
        problems = _valid_answer(key, value)
        for problem in problems:
            out.add(label, problem, key)
        if not problems:
            presets[key] = Preset(key, value, locked)
    return presets


def _read_settings(raw: dict, out: _Collector) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for top, value in raw.items():
        if top == "answers":
            continue
        if not isinstance(value, dict):
            out.add(
                top,
                _('unknown setting; known: {keys} and [answers."..."] presets').format(
                    keys=", ".join(sorted(SETTINGS))
                ),
            )
            continue
        for key, setting in value.items():
            name = f"{top}.{key}"
            spec = KEYS_BY_NAME.get(name)
            if spec is None or spec.is_preset:
                import difflib

                close = difflib.get_close_matches(name, sorted(SETTINGS), n=1)
                if close:
                    message = _('unknown setting; did you mean "{key}"?').format(key=close[0])
                else:
                    message = _("unknown setting; known: {keys}").format(keys=", ".join(sorted(SETTINGS)))
                out.add(name, message, key)
            elif spec.type == "bool" and not isinstance(setting, bool):
                out.add(name, _("must be true or false"), key)
            elif spec.type == "text" and (not isinstance(setting, str) or len(setting) > 500):
                out.add(name, _("must be text in quotes (at most 500 characters)"), key)
            elif spec.type == "choice" and setting not in spec.allowed:
                allowed = ", ".join(f'"{a}"' for a in spec.allowed)
                out.add(name, _("must be one of {values}").format(values=allowed), key)
            elif name == "courts.update_url" and _address_problem(setting.strip()):
                out.add(name, _address_problem(setting.strip()) or "", key)
            else:
                settings[name] = setting.strip() if isinstance(setting, str) else setting
    return settings


def _address_problem(url: str) -> str | None:
    """Why court data will not be downloaded from this address (https only), or None."""
    from .court_downloads import address_problem

    return address_problem(url)


def load_policy(
    path: Path, *, required: bool = False, known_courts: Collection[str] | None = None
) -> Policy:
    """Read one policy file; `required`: the file was named explicitly, so its absence is an error."""
    source = file_source(path, required)
    return policy_from_sources([source] if source else [], known_courts)


def load_effective_policy(
    readers: SourceReaders | None = None, known_courts: Collection[str] | None = None
) -> Policy:
    """The policy from every source on this computer (storage/policy_sources.py), merged by precedence."""
    return policy_from_sources(read_sources(readers), known_courts)


def policy_from_sources(sources: list[RawSource], known_courts: Collection[str] | None = None) -> Policy:
    """Merge sources (machine first, then user; most important first within each): each validated
    alone, then the first to set a key wins, and any source can turn a restriction on."""
    settings: dict[str, Any] = {}
    presets: dict[str, Preset] = {}
    origins: dict[str, str] = {}
    problems: list[str] = []
    failed = False
    for source in sources:
        if source.error is not None:
            failed = True
            problems.append(
                _(
                    "{source}: {reason}. Saving passwords and court data downloads are off until your IT "
                    "department fixes it."
                ).format(source=source.name, reason=source.error)
            )
            continue
        out = _Collector(source.name, source.text)
        found_settings = _read_settings(source.data or {}, out)
        found_presets = _read_presets((source.data or {}).get("answers", {}), out, known_courts)
        problems += out.problems
        for key, value in found_settings.items():
            if key in RESTRICTIONS and value is False and settings.get(key) is not False:
                settings[key], origins[key] = False, source.name  # any source may restrict
            elif key not in origins:
                settings[key], origins[key] = value, source.name
        for path, preset in found_presets.items():
            if f"answers.{path}" not in origins:
                presets[path], origins[f"answers.{path}"] = preset, source.name
    present = [source.name for source in sources if source.present]
    return Policy(
        source=present[0] if present else None,
        firm_name=settings.get("firm.name") or None,
        support=settings.get("firm.support") or None,
        credential_storage=bool(settings.get("wizard.credential_storage", True)) and not failed,
        court_updates=bool(settings.get("courts.updates", True)) and not failed,
        court_update_url=settings.get("courts.update_url") or None,
        language=settings.get("wizard.language") or None,
        presets=presets,
        problems=problems,
        failed=failed,
        sources=present,
        origins=origins,
        scopes={source.name: source.scope for source in sources},
    )


class Applied(Record):
    """Answers with the firm's presets applied, and the locked answers that replaced another value."""

    answers: Answers
    overridden: list[str]  # locked answers that replaced a different value, in words


def apply_policy(policy: Policy, answers: Answers) -> Applied:
    """Locked presets always win; unlocked ones fill only what is still unanswered."""
    data = answers_to_dict(answers)
    before = copy.deepcopy(data)
    overridden = []
    for preset in policy.presets.values():
        current = get_path(data, preset.path)
        if preset.locked:
            if current not in (None, [], preset.value):
                overridden.append(
                    _("{path} is locked by your firm's policy to {value}; {current} was not used").format(
                        path=preset.path, value=repr(preset.value), current=repr(current)
                    )
                )
            set_path(data, preset.path, copy.deepcopy(preset.value))
        elif current in (None, []):
            set_path(data, preset.path, copy.deepcopy(preset.value))
    if policy.firm_name and not get_path(data, "filer.firm"):
        set_path(data, "filer.firm", policy.firm_name)
    data["cmecf"] = {court: v for court, v in (data.get("cmecf") or {}).items() if court in data["courts"]}
    if data == before:
        return Applied(answers, [])
    return Applied(answers_from_dict(data), overridden)
