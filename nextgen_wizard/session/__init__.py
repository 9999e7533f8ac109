"""One session under the wizard and every CLI command: answers, firm policy and vault, put together once.

No Qt here. `Session.open()` loads the saved answers, the firm's policy and the keyring vault;
the wizard's pages and the CLI commands change answers only through the intent methods below,
each validated by the same rules as loading, so the session never writes what it would refuse
to read. Keyring entry names are made here and nowhere else.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .. import APP_NAME
from ..domain.answers import (
    Answers,
    AnswersError,
    CourtLogin,
    answers_from_dict,
    answers_to_dict,
)
from ..domain.court_ids import normal_court_id
from ..domain.courts import Catalog, load_catalog
from ..domain.dates import as_of_problem
from ..domain.i18n import _, apply_firm_default, current_language
from ..domain.plan import Checklist, Step, UnknownCourtError, plan, resolve_courts
from ..domain.progress import ANSWER_FOR_STEP, WAITS, done_key
from ..domain.questions import open_questions
from ..domain.record import Record, as_dict, field
from ..domain.steps import StepId
from ..storage.answers_reader import AnswersFileError, read_answers_file
from ..storage.court_downloads import CourtData, CourtUpdate, CourtUpdateError, current_court_data
from ..storage.files import remove_leftover_temporaries
from ..storage.paths import AppPaths
from ..storage.policy import (
    PRESETTABLE,
    Policy,
    apply_policy,
    covers,
    get_path,
    load_effective_policy,
    set_path,
)
from ..storage.policy_sources import SourceReaders
from ..storage.vault import (
    BackendInfo,
    KeyringLocked,
    KeyringTimeout,
    KeyringVault,
    MemoryVault,
    NoSecureKeyring,
    TurnedOffVault,
    VaultError,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from typing import Any

    from ..domain.answer_paths import AnswerPath, CourtAnswer
    from ..storage.answer_store import AnswerStore
    from ..storage.instance import InstanceLock
    from ..storage.vault import Vault
    from .court_data import CourtDataService
    from .keyring import KeyringService, ResetReport
    from .preferences import Preferences


ANSWER_SECTIONS = ("role", "filer", "courts", "pacer", "cmecf", "firm", "attorney", "staff", "creditor")


class SessionError(Exception):
    """Something the user must fix; `problems` has one sentence each. exit_code for the CLI."""

    def __init__(self, problems: list[str], exit_code: int = 2) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.exit_code = exit_code


class UnknownStep(SessionError):
    """No such step (or court) on this checklist: bad input, not a refusal."""


class ChangeRefused(SessionError):
    """A change was not made: it is locked by policy or would not be a valid answer."""


class Session(Record):
    """Answers, firm policy and vault, put together once; changed only through the intents below."""

    catalog: Catalog
    as_of: date
    answers: Answers  # read it freely; change it only through the intents below
    policy: Policy = field(default_factory=Policy)
    vault: Vault = field(default_factory=MemoryVault)
    store: AnswerStore | None = None  # None: nothing is saved (read-only, self-test, no writable folder)
    paths: AppPaths | None = None
    demo: bool = False
    demo_start: Answers | None = None
    notices: list[str] = field(default_factory=list)
    had_answers: bool = False
    lock: InstanceLock | None = None
    last_save_error: str | None = None
    offered_save_as: bool = False
    saving_unavailable: str | None = None  # why answers cannot be kept here, in words
    change_notes: list[str] = field(default_factory=list)  # what a change also did, to tell the user
    court_data: CourtData | None = None  # which court data `catalog` is (None: given by the caller)
    saving_unavailable_reason: str | None = None  # why the data folder cannot be used, for the CLI

    # ---- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        as_of: date,
        demo: Answers | None = None,
        catalog: Catalog | None = None,
        vault: Vault | None = None,
    ) -> Session:
        """The user's own answers for editing (the wizard, `set`), or a demo's fictional ones.

        Holds the one-wizard-per-user lock; raises SessionError(exit 1) when another wizard
        holds it. A data folder that cannot be written still opens: nothing is saved, and
        `notices` and `saving_unavailable` say so.
        """
        _refuse_bad_as_of(as_of)
        court_data = None if catalog is not None else current_court_data(paths)
        catalog = catalog or court_data.catalog  # type: ignore[union-attr]
        if demo is not None:
            return cls._open_demo(paths, as_of, demo, catalog)
        session = cls(catalog=catalog, as_of=as_of, answers=Answers(), paths=paths, court_data=court_data)
        session.notices += session.courts.problems
        session.policy = session._load_policy_in_its_language(paths)
        session.vault = vault if vault is not None else session._vault_for_policy()
        session.notices += session._policy_notices()
        from ..storage.answer_store import AnswerStore  # only for editing: read-only commands skip both
        from ..storage.instance import InstanceLock, LockUnavailable

        lock = InstanceLock(paths.instance_lock)
        try:
            if not lock.acquire():
                raise SessionError(
                    [
                        _(
                            "NextGen Ready is already open on this computer. Switch to that window "
                            "(look in the taskbar) to continue, or close it first."
                        )
                    ],
                    exit_code=1,
                )
        except LockUnavailable as error:
            session.saving_unavailable = _(
                "Your answers cannot be kept on this computer: {reason}. The wizard works, but "
                "nothing you enter is saved; use Save as... to keep your answers somewhere else."
            ).format(reason=error)
            session.saving_unavailable_reason = str(error)
            session.notices.append(session.saving_unavailable)
            loaded = AnswerStore(paths.answers_file).load_read_only()
            session.notices += loaded.notices
            session.had_answers = loaded.existed
            session.answers = session._with_policy(session._known_courts_only(loaded.answers, None))
            return session
        session.lock = lock
        remove_leftover_temporaries(paths.data)
        store = AnswerStore(paths.answers_file)
        loaded = store.load()
        session.store = store
        session.notices += loaded.notices
        session.had_answers = loaded.existed
        session.answers = session._with_policy(session._known_courts_only(loaded.answers, store))
        return session

    @classmethod
    def _open_demo(cls, paths: AppPaths, as_of: date, start: Answers, catalog: Catalog) -> Session:
        """A seminar: fictional answers, an in-memory vault, no firm policy, files in a temporary home."""
        session = cls(
            catalog=catalog,
            as_of=as_of,
            answers=copy.deepcopy(start),
            vault=MemoryVault(),
            paths=paths,
            demo=True,
            demo_start=copy.deepcopy(start),
        )
        from ..storage.answer_store import AnswerStore

        session.store = AnswerStore(paths.answers_file)
        session.answers = session._known_courts_only(session.answers, None)
        return session

    @classmethod
    def read(
        cls,
        paths: AppPaths,
        *,
        as_of: date,
        answers_file: Path | None = None,
        catalog: Catalog | None = None,
        with_vault: bool = False,
    ) -> Session:
        """Answers to read (the `checklist` command): a given file, else the saved answers; never written."""
        _refuse_bad_as_of(as_of)
        court_data = None if catalog is not None else current_court_data(paths)
        catalog = catalog or court_data.catalog  # type: ignore[union-attr]
        session = cls(catalog=catalog, as_of=as_of, answers=Answers(), paths=paths, court_data=court_data)
        session.notices += session.courts.problems
        session.policy = session._load_policy_in_its_language(paths)
        session.notices += session._policy_notices()
        if with_vault:
            session.vault = session._vault_for_policy()
        source = answers_file or paths.answers_file
        if answers_file is None and not source.exists():
            raise SessionError(
                [_("no saved answers yet: run the wizard first, or pass --answers FILE (see examples/)")]
            )
        try:
            answers = read_answers_file(source)
        except AnswersFileError as error:
            raise SessionError(error.problems) from None
        try:
            resolve_courts(answers.courts, catalog)
        except UnknownCourtError as error:
            raise SessionError([f"{source}: {problem}" for problem in error.problems]) from None
        session.had_answers = True
        session.answers = session._with_policy(answers)
        return session

    @classmethod
    def for_answers(
        cls, answers: Answers, *, as_of: date, catalog: Catalog | None = None, vault: Vault | None = None
    ) -> Session:
        """A session over answers in memory (self-test, screenshots, tests): nothing is saved."""
        return cls(
            catalog=catalog or load_catalog(),
            as_of=as_of,
            answers=copy.deepcopy(answers),
            vault=vault if vault is not None else MemoryVault(),
        )

    @classmethod
    def for_machine(cls, paths: AppPaths, *, keyring: bool = True) -> Session:
        """The court data in use and the firm's policy (and the vault, unless `keyring` is False):
        no answers and no lock (doctor, `courts`)."""
        court_data = current_court_data(paths)
        session = cls(catalog=court_data.catalog, as_of=date.today(), answers=Answers(), paths=paths)
        session.court_data = court_data
        session.notices += session.courts.problems
        session.policy = session._load_policy_in_its_language(paths)
        if keyring:
            session.vault = session._vault_for_policy()
        return session

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _load_policy_in_its_language(self, paths: AppPaths) -> Policy:
        """The firm's policy, its default language applied; read again when that changed the language,
        so its problems are told in the language the rest of the session speaks."""
        before = current_language()
        policy = self._load_policy(paths)
        if apply_firm_default(policy.language) != before:
            policy = self._load_policy(paths)
        return policy

    def _load_policy(self, paths: AppPaths) -> Policy:
        return load_effective_policy(
            SourceReaders(site_config=paths.site_config),
            known_courts=set(self.catalog.ids),
        )

    def _policy_notices(self) -> list[str]:
        if not self.policy.problems:
            return []
        if self.policy.failed:
            head = _(
                "Your firm's policy could not be used, so saving passwords and downloading court data "
                "are off. Tell your IT department:"
            )
        else:
            head = _(
                "Some of your firm's policy settings have mistakes and were left out. "
                "Tell your IT department:"
            )
        return [head + "\n" + "\n".join(self.policy.problems)]

    def _vault_for_policy(self) -> Vault:
        return KeyringVault() if self.policy.credential_storage else TurnedOffVault()

    def _with_policy(self, answers: Answers) -> Answers:
        applied = apply_policy(self.policy, answers)
        self.notices += applied.overridden
        return applied.answers

    def _known_courts_only(self, answers: Answers, store: AnswerStore | None) -> Answers:
        """Courts the catalog no longer knows are named and left out; the saved file is kept as a copy."""
        unknown = [c for c in answers.courts if self.catalog.get(c) is None]
        if not unknown:
            return answers
        copy_path = store.keep_copy("unknown courts") if store is not None and store.path.exists() else None
        kept = _(" Your saved file was kept as {copy}.").format(copy=copy_path) if copy_path else ""
        self.notices.append(
            _(
                "These court ids in your saved answers are not courts this app knows, so they were left "
                "out: {courts}.{kept}"
            ).format(courts=", ".join(unknown), kept=kept)
        )
        data = answers_to_dict(answers)
        data["courts"] = [c for c in data["courts"] if c not in unknown]
        data["cmecf"] = {c: v for c, v in data["cmecf"].items() if c not in unknown}
        return answers_from_dict(data)

    # ---- reading -------------------------------------------------------------------------

    def plan(self) -> Checklist:
        return plan(self.answers, self.catalog, self.as_of)

    def open_questions(self) -> set[str]:
        """The rarer questions the answers so far open (the wizard asks only these)."""
        return set(open_questions(self.answers, self.catalog, self.as_of))

    def warnings_for(self, *prefixes: str) -> list[str]:
        """What to check among the answers under these paths, in words (shown where they are asked)."""
        seen: list[str] = []
        for warning in self.plan().warnings:
            involved = any(covers(prefix, path) for prefix in prefixes for path in warning.answers)
            if involved and warning.text not in seen:
                seen.append(warning.text)
        return seen

    def is_locked(self, *paths: str) -> bool:
        return any(self.policy.is_locked(path) for path in paths)

    @property
    def keyring(self) -> KeyringService:
        """The keyring (blocking calls: the wizard runs them off its GUI thread)."""
        from .keyring import KeyringService

        return KeyringService(
            self.vault, allowed=self.policy.credential_storage, recorded=self.answers.keyring_entries
        )

    @property
    def saves(self) -> bool:
        return self.store is not None and self.store.writable

    def answer_at(self, path: str) -> Any:
        """One answer by its path, as plain data (what the answers file holds there)."""
        return get_path(answers_to_dict(self.answers), _normal_path(path))

    # ---- court data: which is in use, and newer data when asked (the app's only network use) --

    @property
    def courts(self) -> CourtDataService:
        """Which court data is in use, and newer data when asked (the app's only network use)."""
        from .court_data import CourtDataService  # the services load when first asked for (start-up)

        return CourtDataService(self.court_data or CourtData(self.catalog), self.policy, self.paths)

    def use_court_update(self, update: CourtUpdate) -> Path:
        """Keep the checked copy (the one safe writer) and use it from now on; WriteError: nothing changed."""
        path, self.court_data = self.courts.keep(update)
        self.catalog = update.catalog
        if any(self.catalog.get(c) is None for c in self.answers.courts):
            self.answers = self._known_courts_only(self.answers, self.store)
        return path

    # ---- changing answers ----------------------------------------------------------------

    def set_answer(self, path: AnswerPath, value: Any) -> None:
        """Change one answer by its path in the answers format; ChangeRefused says why not."""
        self.set_answers({path: value})

    def set_answers(self, changes: dict[str, Any]) -> None:
        """Change several answers together: all of them, or none (ChangeRefused lists every reason)."""
        data = answers_to_dict(self.answers)
        problems: list[str] = []
        for raw_path, value in changes.items():
            path = _normal_path(raw_path)
            section = path.split(".")[0]
            if section not in ANSWER_SECTIONS or path.count(".") > 2 or path.endswith("."):
                problems.append(
                    _('"{path}" is not an answer; e.g. {examples} (see docs/answers-format.md)').format(
                        path=raw_path, examples=", ".join(PRESETTABLE[:4])
                    )
                )
                continue
            if self.is_locked(path):
                if _plain(value) == _plain(get_path(data, path)):
                    continue  # the locked value itself: nothing changes
                where = f" ({self.policy.source})" if self.policy.source else ""
                problems.append(
                    _("{path} is locked by your firm's policy{where}; ask your IT department").format(
                        path=path, where=where
                    )
                )
                continue
            if section == "cmecf" and path.count(".") == 2:
                court = path.split(".")[1]
                if court not in data["courts"]:
                    problems.append(
                        _('{path}: "{court}" is not one of your courts; add it first').format(
                            path=path, court=court
                        )
                    )
                    continue
                data["cmecf"].setdefault(court, _plain(CourtLogin()))
            set_path(data, path, _plain(value))
            if path == "courts" and data.get("courts") is None:
                data["courts"] = []  # "no courts" (null) is an empty list
            if section == "courts" and isinstance(data.get("courts"), list):
                chosen = [normal_court_id(c) if isinstance(c, str) else c for c in data["courts"]]
                data["courts"] = chosen
                dropped = [
                    c for c, login in (data.get("cmecf") or {}).items()
                    if c not in chosen and any(v is not None for v in login.values())
                ]  # fmt: skip
                data["cmecf"] = {c: v for c, v in (data.get("cmecf") or {}).items() if c in chosen}
                if dropped:
                    self.change_notes.append(
                        _("Your CM/ECF answers for {courts} went with the court(s) you removed.").format(
                            courts=", ".join(dropped)
                        )
                    )
        if problems:
            raise ChangeRefused(problems)
        self.answers = self._validated(data)

    def _validated(self, data: dict) -> Answers:
        try:
            answers = answers_from_dict(data)
        except AnswersError as error:
            raise ChangeRefused(error.problems) from None
        try:
            resolve_courts(answers.courts, self.catalog)
        except UnknownCourtError as error:
            raise ChangeRefused(error.problems) from None
        return answers

    def add_court(self, court_id: str) -> None:
        court = self.catalog.get(court_id)
        if court is None:
            raise ChangeRefused(
                [_('"{court}" is not a court id; search by state or name').format(court=court_id)]
            )
        if court.id not in self.answers.courts:
            self.set_answer("courts", [*self.answers.courts, court.id])

    def remove_court(self, court_id: str) -> None:
        """Answers about a court no longer chosen go with it."""
        self.set_answer("courts", [c for c in self.answers.courts if c != court_id])

    def set_court_answer(self, court_id: str, name: CourtAnswer, value: Any) -> None:
        from ..domain.answer_paths import court_answer_path

        self.set_answers({court_answer_path(court_id, name): value})

    def mark_requested(self, step_id: str, court_id: str | None, requested: bool = True) -> Step:
        """The user asked someone else (registered without a card, sent an e-file registration):
        the step shows since when it waits, and what to do when that takes too long."""
        step, court = self._step_on_checklist(step_id, court_id)
        if step.id not in WAITS:
            waits = ", ".join(sorted(s.value for s in WAITS))
            nothing = _("{step} does not wait on anyone; these do: {steps}")
            raise UnknownStep([nothing.format(step=step_id, steps=waits)])
        return self._keep_day("requested", step, court, requested)

    def _keep_day(self, kind: str, step: Step, court: str | None, on: bool) -> Step:
        """Keep today under the step's key in the answers' `done` or `requested` (or take it out)."""
        data = answers_to_dict(self.answers)
        key = done_key(step.id, court)
        if on:
            data[kind][key] = self.as_of.isoformat()
        else:
            data[kind].pop(key, None)
        self.answers = self._validated(data)
        return self.plan().find(step.id, court) or step

    def _step_on_checklist(self, step_id: str, court_id: str | None) -> tuple[Step, str | None]:
        known = {s.value for s in StepId}
        if step_id not in known:
            steps = ", ".join(sorted(known))
            raise UnknownStep([_('"{step}" is not a step; steps: {steps}').format(step=step_id, steps=steps)])
        court = normal_court_id(court_id) if court_id else None
        if court is not None and court not in self.answers.courts:
            listed = ", ".join(self.answers.courts) or _("none")
            raise UnknownStep(
                [_('"{court}" is not one of your courts ({courts})').format(court=court_id, courts=listed)]
            )
        step = self.plan().find(StepId(step_id), court)
        if step is None:
            where = _(" at {court}").format(court=court) if court else ""
            missing = _("{step}{where} is not on your checklist (see nextgen-wizard checklist)")
            raise UnknownStep([missing.format(step=step_id, where=where)])
        return step, court

    def mark_step(self, step_id: str, court_id: str | None, done: bool = True) -> Step:
        """Tick a checklist step off (or untick it): the answer it stands for changes (locks are
        respected), and the day is kept in the answers' `done`. UnknownStep: no such step on this
        checklist; ChangeRefused: firm policy locks its answer."""
        step, court = self._step_on_checklist(step_id, court_id)
        answer = ANSWER_FOR_STEP.get(step.id)
        if answer is not None:
            self.set_answers({answer.path.format(court=court): answer.done if done else answer.undone})
        return self._keep_day("done", step, court, done)

    def mark_registered(self, registered: bool) -> None:
        """The user registered an individual PACER account (new accounts are created upgraded)."""
        changes: dict[str, Any] = {"pacer.has_own_account": registered}
        if registered:
            changes.update({"pacer.uses_shared_account": False, "pacer.account_type": "upgraded"})
        self.set_answers(changes)

    def mark_upgraded(self, upgraded: bool, type_before: Any = None) -> None:
        """Ticked: the account now says "Upgraded"; unticked: back to what it was (or unknown)."""
        before = type_before if type_before not in (None, "upgraded") else "unknown"
        self.set_answer("pacer.account_type", "upgraded" if upgraded else before)

    def record_saved_login(self, court_id: str | None) -> None:
        """A login was saved in the keyring (and read back): remember the entry's name, never the secret."""
        from .keyring import login_entry

        entry = login_entry(court_id)
        data = answers_to_dict(self.answers)
        if entry not in data["keyring_entries"]:
            data["keyring_entries"].append(entry)
        if court_id is not None:
            login = data["cmecf"].setdefault(court_id, {})
            login.update({"knows_login": True, "login_recorded": True})
        self.answers = self._validated(data)

    def record_forgotten_login(self, court_id: str | None) -> None:
        """The keyring entry is gone, so the login is no longer kept safely there."""
        from .keyring import login_entry

        entry = login_entry(court_id)
        data = answers_to_dict(self.answers)
        data["keyring_entries"] = [e for e in data["keyring_entries"] if e != entry]
        if court_id is not None and court_id in data["cmecf"]:
            data["cmecf"][court_id]["login_recorded"] = None
        self.answers = self._validated(data)

    def start_over(self) -> None:
        """Empty answers (a demo's first ones), with the firm's presets and locks applied again."""
        if self.demo and self.demo_start is not None:
            self.answers = copy.deepcopy(self.demo_start)
            self.vault = MemoryVault()
            return
        self.notices = [n for n in self.notices if n not in apply_policy(self.policy, Answers()).overridden]
        self.answers = apply_policy(self.policy, Answers()).answers

    # ---- the keyring (these calls block: the wizard runs them off its GUI thread) ---------

    # ---- saving --------------------------------------------------------------------------

    def save(self) -> str | None:
        """Save the answers; returns the problem in words, or None when saved (or not meant to be)."""
        if self.store is None:
            return self.saving_unavailable
        from ..storage.answer_store import StoreWriteError  # loaded with the store (Session.open)

        try:
            self.store.save(self.answers)
        except StoreWriteError as error:
            self.last_save_error = str(error)
            return self.last_save_error
        self.last_save_error = None
        return None

    def save_as(self, path: Path, *, overwrite: bool = True) -> None:
        """Keep the answers in another file; from then on this session saves there."""
        from ..storage.answer_store import AnswerStore

        store = AnswerStore(path)
        store.save_as(self.answers, path, overwrite=overwrite)
        self.store = store
        self.saving_unavailable = None

    @property
    def preferences(self) -> Preferences:
        """The wizard's language and last page, kept for its next start."""
        from .preferences import Preferences

        return Preferences(self.paths, keeps_language=not self.demo, keeps_page=self.store is not None)

    # ---- removing everything (reset) -----------------------------------------------------

    def reset(self, confirm: Callable[[str], bool]) -> ResetReport:
        """Remove saved answers and the app's own keyring entries, after checking it can do both."""
        from .keyring import ResetReport

        assert self.paths is not None
        report = ResetReport()
        if isinstance(self.vault, TurnedOffVault):
            self.vault = KeyringVault()  # entries saved before the firm turned saving off still go
        entries = self._entries_to_remove()
        keyring_usable = self.keyring.check_for_reset(report)
        if self.paths.data.exists() and not os.access(self.paths.data, os.W_OK):
            report.problems.append(
                _("{folder} cannot be changed (read-only?). Nothing was removed.").format(
                    folder=self.paths.data
                )
            )
        if report.problems:
            return report  # nothing removed: the user fixes the keyring first
        if not confirm(
            _("This removes your saved answers in {folder} and every keyring entry {app} created.").format(
                folder=self.paths.data, app=APP_NAME
            )
        ):
            report.notes.append(_("Nothing was removed."))
            return report
        if keyring_usable:
            self.keyring.forget_entries(entries, report)
        try:
            report.removed_files += self._remove_files()
        except OSError as error:
            report.problems.append(
                _("some files were not removed: {reason}").format(reason=error.strerror or error)
            )
        return report

    def _entries_to_remove(self) -> list[str]:
        """Only names this app makes (login_entry): a name the answers file lists is removed only
        when it is one of them, so a file cannot point reset at somebody else's entry."""
        from .keyring import is_made_entry, login_entry

        made = [login_entry(None), *(login_entry(c.id) for c in self.catalog.courts)]
        recorded = [e for e in self.answers.keyring_entries if is_made_entry(e)]
        return list(dict.fromkeys([*made, *recorded]))

    def _remove_files(self) -> list[Path]:
        assert self.paths is not None
        from ..storage.answer_store import AnswerStore

        store = self.store or AnswerStore(self.paths.answers_file)
        removed = store.remove()
        from .preferences import PROGRESS_FILE

        progress = self.paths.data / PROGRESS_FILE
        if progress.exists():
            progress.unlink()
            removed.append(progress)
        return removed


def _normal_path(path: str) -> str:
    """Paths as a user types them: spaces around, court ids in capitals."""
    parts = [part.strip() for part in path.strip().split(".")]
    if parts and parts[0] == "cmecf" and len(parts) > 1:
        parts[1] = normal_court_id(parts[1])
    return ".".join(parts)


def _plain(value: Any) -> Any:
    """Plain JSON data for a value (enums, dates, nested records) as the answers file holds it."""
    if isinstance(value, Record):
        return {key: _plain(item) for key, item in as_dict(value).items()}
    return json.loads(json.dumps(value, default=str))


def check_policy_file(path: Path):  # -> storage.policy_check.PolicyCheck
    """What the app would apply from a policy file IT has in hand (TOML, reg export, .mobileconfig,
    plist), court ids checked against the court data in use. Raises SessionError when the file
    cannot be read as a policy at all."""
    from ..storage.paths import app_paths
    from ..storage.policy_check import UnreadablePolicy
    from ..storage.policy_check import check_policy_file as check

    catalog = current_court_data(app_paths()).catalog
    try:
        return check(path, known_courts=set(catalog.ids))
    except UnreadablePolicy as error:
        raise SessionError([str(error)]) from None


def _refuse_bad_as_of(as_of: date) -> None:
    problem = as_of_problem(as_of)
    if problem:
        raise SessionError([problem])


__all__ = [
    "BackendInfo",
    "ChangeRefused",
    "CourtUpdateError",
    "KeyringLocked",
    "KeyringTimeout",
    "NoSecureKeyring",
    "Session",
    "SessionError",
    "VaultError",
    "check_policy_file",
    "covers",
]
