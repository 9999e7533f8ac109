"""What the user told us: the answers file (schema version 3), read and written as plain dicts.

The format is public (docs/answers-format.md): the GUI saves it, firm IT pre-seeds it,
trainers hand it out. Loading reports every problem with its path, not just the first.
No secret ever goes in here: only the names of keyring entries the app created.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from enum import StrEnum

from .court_ids import normal_court_id
from .dates import parse_iso_date
from .i18n import _
from .pacer import classify_username
from .record import Record, field, fields
from .text import clean_text, text_problem

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

SCHEMA_VERSION = 3

# Older schema version -> function turning that version's dict into the next version's.
Migration = Callable[[dict], dict]


def _from_version_1(raw: dict) -> dict:
    """Version 2 only adds fields (all unanswered by default): every version 1 answer is kept as is."""
    return {**raw, "schema_version": 2}


def _from_version_2(raw: dict) -> dict:
    """Version 3 only adds `done` (the steps ticked off, with their dates): nothing to change."""
    return {**raw, "schema_version": 3}


MIGRATIONS: dict[int, Migration] = {1: _from_version_1, 2: _from_version_2}
# A ticked-off step: its id, and ":court" for a court's step ("link-cmecf-account:mab").
DONE_KEY = r"[a-z][a-z-]{1,40}(:[a-z0-9]{2,12})?"


class Role(StrEnum):
    ATTORNEY = "attorney"
    NON_ATTORNEY = "non-attorney"  # staff or other non-attorney filer (version 1's only other role)
    FILING_AGENT = "filing-agent"  # paralegal or assistant filing for an attorney or trustee
    CREDITOR = "creditor"
    PRO_SE = "pro-se"  # a party filing without an attorney


class SignInProblem(StrEnum):
    """Why the filer cannot sign in to PACER (asked only when pacer.can_sign_in is false)."""

    FORGOT_LOGIN = "forgot-login"  # username or password
    INACTIVE = "inactive"  # PACER says the account or its search status is inactive
    DEACTIVATED = "deactivated"
    MFA_DEVICE_LOST = "mfa-device-lost"  # the phone or app with the MFA codes is gone
    UNKNOWN = "unknown"


class AccountType(StrEnum):
    LEGACY = "legacy"
    UPGRADED = "upgraded"
    UNKNOWN = "unknown"


class Filer(Record):
    """Who the checklist is for: a name and a firm, both optional."""

    name: str | None = None
    firm: str | None = None


class PacerAnswers(Record):
    """What the user said about their PACER account."""

    has_own_account: bool | None = None
    uses_shared_account: bool | None = None
    username: str | None = None
    account_type: AccountType | None = None
    created_on: date | None = None
    mfa_enrolled: bool | None = None
    email_current: bool | None = None
    can_sign_in: bool | None = None  # version 2
    sign_in_problem: SignInProblem | None = None  # opened by can_sign_in false
    registers_with_card: bool | None = None  # opened by has_own_account false


class CourtLogin(Record):
    """The user's old CM/ECF filing account at one court."""

    has_filing_account: bool | None = None
    knows_login: bool | None = None
    login_saved_in_browser: bool | None = None
    login_recorded: bool | None = None  # kept safely: OS keyring or written down
    linked: bool | None = None
    # version 2; each is asked only when another answer opens it (see questions.py)
    recovery_failed: bool | None = None  # the old login cannot be got back
    pro_hac_vice: bool | None = None  # admitted for one case only
    old_cmecf_cases: bool | None = None  # ACMS courts: still files in cases opened in CM/ECF
    trustee_linked: bool | None = None  # the trustee account is linked too
    secondary_emails_added: bool | None = None


class FirmAnswers(Record):
    """Whether the firm has, or wants, a PACER billing account (PAA)."""

    wants_billing_account: bool | None = None
    has_billing_account: bool | None = None


class AttorneyAnswers(Record):
    """Asked only when role is "attorney"."""

    cja_panel: bool | None = None
    trustee: bool | None = None


class StaffAnswers(Record):
    """Staff who work with the filer. files_for_me and secondary_emails: attorneys; uses_my_login:
    opened by files_for_me."""

    files_for_me: bool | None = None
    uses_my_login: bool | None = None
    secondary_emails: bool | None = None


class CreditorAnswers(Record):
    """Asked only when role is "creditor"."""

    claims_only: bool | None = None  # files only proofs of claim


class Answers(Record):
    """Everything the user answered; saved as JSON (schema_version), read back through answers_from_dict."""

    schema_version: int = SCHEMA_VERSION
    role: Role | None = None
    filer: Filer = field(default_factory=Filer)
    courts: list[str] = field(default_factory=list)
    pacer: PacerAnswers = field(default_factory=PacerAnswers)
    cmecf: dict[str, CourtLogin] = field(default_factory=dict)
    firm: FirmAnswers = field(default_factory=FirmAnswers)
    keyring_entries: list[str] = field(default_factory=list)
    attorney: AttorneyAnswers = field(default_factory=AttorneyAnswers)
    staff: StaffAnswers = field(default_factory=StaffAnswers)
    creditor: CreditorAnswers = field(default_factory=CreditorAnswers)
    done: dict[str, date] = field(default_factory=dict)  # version 3: step key -> the day it was ticked
    # version 3: step key -> the day the user asked someone else (PACER's letter, a court's approval)
    requested: dict[str, date] = field(default_factory=dict)

    def login_for(self, court_id: str) -> CourtLogin:
        return self.cmecf.get(court_id, CourtLogin())


class AnswersError(ValueError):
    """The answers could not be read; `problems` lists each one with its path."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _json_kind(value: Any) -> str:
    """What a JSON value is, in words."""
    if value is None:
        return _("nothing (null)")
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    return _("a list")


def _show(value: Any) -> str:
    """A value as the answers file writes it (JSON: true, null, [...]), never Python's own spelling."""
    if isinstance(value, str):
        text = f'"{clean_text(value)}"'
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            text = repr(value)
    text = clean_text(text)
    return text if len(text) <= 60 else text[:57] + "..."


class _Reader:
    """Collects problems while converting plain values."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, path: str, text: str) -> None:
        self.problems.append(f"{path}: {text}")

    def mapping(self, raw: Any, path: str, allowed: list[str]) -> dict:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            # Translators: {value} is the value found in the answers file; {{...}} is JSON's object.
            self.problem(path, _("{value} is not an object ({{...}})").format(value=_show(raw)))
            return {}
        for key in raw:
            if key not in allowed:
                import difflib

                close = difflib.get_close_matches(str(key), allowed, n=1)
                if close:
                    # Translators: {name} is a JSON field name: keep it as it is.
                    hint = _('; did you mean "{name}"?').format(name=close[0])
                else:
                    # Translators: {names} lists the JSON field names that are allowed.
                    hint = _("; known: {names}").format(names=", ".join(allowed))
                self.problem(
                    f"{path}.{key}" if path else str(key), _("unknown field{hint}").format(hint=hint)
                )
        return raw

    def boolean(self, raw: Any, path: str) -> bool | None:
        if raw is None or isinstance(raw, bool):
            return raw
        # Translators: true, false and null are JSON words: keep them in English.
        self.problem(path, _("{value} is not true, false or null").format(value=_show(raw)))
        return None

    def text(self, raw: Any, path: str) -> str | None:
        if raw is None:
            return None
        if not isinstance(raw, str):
            self.problem(path, _("{value} is not text").format(value=_show(raw)))
            return None
        problem = text_problem(raw)
        if problem:
            self.problem(path, problem)
            return None
        return clean_text(raw).strip() or None

    def choice(self, raw: Any, path: str, enum: type[StrEnum]) -> Any:
        if raw is None:
            return None
        try:
            return enum(raw)
        except ValueError:
            options = _(" or ").join(f'"{m.value}"' for m in enum)
            # Translators: {options} lists the allowed values, in quotes, joined by " or ".
            self.problem(path, _("{value} is not one of {options}").format(value=_show(raw), options=options))
            return None

    def day(self, raw: Any, path: str) -> date | None:
        if raw is None:
            return None
        parsed = parse_iso_date(raw)
        if parsed is None:
            # Translators: YYYY-MM-DD is the date format the file needs: keep it.
            self.problem(path, _("{value} is not a date (YYYY-MM-DD)").format(value=_show(raw)))
        return parsed

    def record_of(self, cls: type, raw: Any, path: str) -> Any:
        types = fields(cls)
        data = self.mapping(raw, path, list(types))
        values: dict[str, Any] = {}
        for name, kind in types.items():
            sub = f"{path}.{name}"
            value = data.get(name)
            if kind == "bool | None":
                values[name] = self.boolean(value, sub)
            elif kind == "str | None":
                values[name] = self.text(value, sub)
            elif kind == "date | None":
                values[name] = self.day(value, sub)
            elif kind == "AccountType | None":
                values[name] = self.choice(value, sub, AccountType)
            elif kind == "SignInProblem | None":
                values[name] = self.choice(value, sub, SignInProblem)
        return cls(**values)

    def done(self, raw: Any, path: str = "done") -> dict[str, date]:
        """{"link-cmecf-account:mab": "2026-12-04", ...}: each key a step (and court), each value a date."""
        import re

        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.problem(path, _("{value} is not an object ({{...}})").format(value=_show(raw)))
            return {}
        result: dict[str, date] = {}
        for key, value in raw.items():
            if not isinstance(key, str) or not re.fullmatch(DONE_KEY, key):
                # Translators: a step id, then optionally a colon and a court id: keep the example.
                self.problem(f"{path}.{key}", _('is not a step, e.g. "link-cmecf-account:mab"'))
                continue
            day = self.day(value, f"{path}.{key}")
            if day is not None:
                result[key] = day
        return result

    def id_list(self, raw: Any, path: str, *, lower: bool = True) -> list[str]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.problem(path, _("{value} is not a list ([...])").format(value=_show(raw)))
            return []
        result: list[str] = []
        for index, item in enumerate(raw):
            if not isinstance(item, str) or not item.strip() or text_problem(item):
                self.problem(f"{path}[{index}]", _("{value} is not a name").format(value=_show(item)))
                continue
            name = normal_court_id(item) if lower else item.strip()
            if name in result:
                self.problem(f"{path}[{index}]", _('"{value}" is listed twice').format(value=item))
            else:
                result.append(name)
        return result


TOP_LEVEL = list(fields(Answers))


def schema_version_of(raw: Any) -> int | None:
    version = raw.get("schema_version") if isinstance(raw, dict) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def migrate(raw: dict, migrations: dict[int, Migration] | None = None) -> dict:
    """Bring an older answers dict up to SCHEMA_VERSION, one version at a time."""
    steps = MIGRATIONS if migrations is None else migrations
    raw = dict(raw)  # the caller's dict is never changed
    version = schema_version_of(raw)
    while version is not None and version < SCHEMA_VERSION and version in steps:
        raw = steps[version](dict(raw))
        version = raw["schema_version"] = version + 1
    return raw


def answers_from_dict(raw: Any, migrations: dict[int, Migration] | None = None) -> Answers:
    """Validate and convert a plain dict (parsed JSON). Raises AnswersError listing every problem."""
    reader = _Reader()
    if not isinstance(raw, dict):
        # Translators: {kind} is what the file holds instead ("a list", "text"...); {{...}} is JSON's object.
        raise AnswersError(
            [_("the file holds {kind}, not an answers object ({{...}})").format(kind=_json_kind(raw))]
        )
    raw = migrate(raw, migrations)
    reader.mapping(raw, "", TOP_LEVEL)
    version = raw.get("schema_version")
    if version is None:
        # Translators: "schema_version" is a JSON key: keep it.
        reader.problem(
            "schema_version", _('missing; add "schema_version": {version}').format(version=SCHEMA_VERSION)
        )
    elif (schema_version_of(raw) or 0) > SCHEMA_VERSION:
        reader.problem(
            "schema_version",
            _("{version} is from a newer version of NextGen Ready; update the app to read it").format(
                version=version
            ),
        )
    elif schema_version_of(raw) != SCHEMA_VERSION:
        reader.problem(
            "schema_version",
            _("{value} is not {version}").format(value=_show(version), version=SCHEMA_VERSION),
        )

    pacer = reader.record_of(PacerAnswers, raw.get("pacer"), "pacer")
    if pacer.username is not None:
        check = classify_username(pacer.username)
        if not check.well_formed:
            reader.problem("pacer.username", check.message)
    courts = reader.id_list(raw.get("courts"), "courts")
    cmecf: dict[str, CourtLogin] = {}
    given = raw.get("cmecf")
    known_keys = list(given) if isinstance(given, dict) else []  # any other shape: mapping() names it
    cmecf_raw = reader.mapping(given, "cmecf", known_keys)
    for key, value in cmecf_raw.items():
        court_id = normal_court_id(str(key))
        if court_id not in courts:
            # Translators: {courts} lists court ids, or says "none".
            listed = ", ".join(courts) or _("none")
            reader.problem(f"cmecf.{key}", _("not one of your courts ({courts})").format(courts=listed))
        cmecf[court_id] = reader.record_of(CourtLogin, value, f"cmecf.{key}")

    answers = Answers(
        role=reader.choice(raw.get("role"), "role", Role),
        filer=reader.record_of(Filer, raw.get("filer"), "filer"),
        courts=courts,
        pacer=pacer,
        cmecf=cmecf,
        firm=reader.record_of(FirmAnswers, raw.get("firm"), "firm"),
        keyring_entries=reader.id_list(raw.get("keyring_entries"), "keyring_entries", lower=False),
        attorney=reader.record_of(AttorneyAnswers, raw.get("attorney"), "attorney"),
        staff=reader.record_of(StaffAnswers, raw.get("staff"), "staff"),
        creditor=reader.record_of(CreditorAnswers, raw.get("creditor"), "creditor"),
        done=reader.done(raw.get("done")),
        requested=reader.done(raw.get("requested"), "requested"),
    )
    if reader.problems:
        raise AnswersError(reader.problems)
    return answers


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


def answers_to_dict(answers: Answers) -> dict:
    """The answers as plain JSON-ready data; unanswered fields are written as null."""

    def section(obj: Any) -> dict:
        return {name: _plain(getattr(obj, name)) for name in fields(obj)}

    return {
        "schema_version": SCHEMA_VERSION,
        "role": _plain(answers.role),
        "filer": section(answers.filer),
        "courts": list(answers.courts),
        "pacer": section(answers.pacer),
        "cmecf": {court: section(login) for court, login in answers.cmecf.items()},
        "firm": section(answers.firm),
        "keyring_entries": list(answers.keyring_entries),
        "attorney": section(answers.attorney),
        "staff": section(answers.staff),
        "creditor": section(answers.creditor),
        "done": {key: day.isoformat() for key, day in sorted(answers.done.items())},
        "requested": {key: day.isoformat() for key, day in sorted(answers.requested.items())},
    }
