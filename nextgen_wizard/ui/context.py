"""What every page shares: the answers, the catalog, the date, the store and the vault."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..domain.answers import Answers
from ..domain.courts import Catalog
from ..domain.plan import Checklist, plan
from ..storage.answer_store import AnswerStore, StoreWriteError
from ..storage.vault import Vault

log = logging.getLogger(__name__)


@dataclass
class WizardContext:
    answers: Answers
    catalog: Catalog
    as_of: date
    vault: Vault
    store: AnswerStore | None = None  # None: nothing is saved (self-test, screenshots)
    demo: bool = False
    demo_start: Answers | None = None  # a demo's first answers, for "Start over"
    progress_file: Path | None = None
    notices: list[str] = field(default_factory=list)
    locked_fields: frozenset[str] = frozenset()  # answers firm IT has locked (policy)
    credential_storage: bool = True  # firm policy may turn saving passwords off
    support: str | None = None  # the firm's support contact, from policy
    last_save_error: str | None = None
    offered_save_as: bool = False  # asked once per session, then the page notice says it

    def is_locked(self, *paths: str) -> bool:
        return any(path in self.locked_fields for path in paths)

    def plan(self) -> Checklist:
        return plan(self.answers, self.catalog, self.as_of)

    def save(self) -> str | None:
        """Save the answers; returns the problem in words, or None when saved (or not meant to be)."""
        if self.store is None:
            return None
        try:
            self.store.save(self.answers)
        except StoreWriteError as error:
            self.last_save_error = str(error)
            return self.last_save_error
        self.last_save_error = None
        return None

    def save_as(self, path: Path) -> None:
        """Keep the answers in another file (the dialog already asked before replacing one);
        from then on this session saves there."""
        store = AnswerStore(path)
        store.save_as(self.answers, path, overwrite=True)
        self.store = store

    def remember_page(self, page_name: str) -> None:
        if self.progress_file is None:
            return
        try:
            self.progress_file.write_text(page_name, encoding="utf-8")
        except OSError as error:
            log.warning("could not remember the current page: %s", error.strerror)

    def last_page(self) -> str | None:
        if self.progress_file is None or not self.progress_file.exists():
            return None
        try:
            return self.progress_file.read_text(encoding="utf-8").strip() or None
        except OSError:
            return None
