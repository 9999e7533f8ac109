"""The session is a small front door: its intents, with one service per job behind it."""

from __future__ import annotations

import inspect
from datetime import date

from nextgen_wizard.domain.answers import answers_from_dict
from nextgen_wizard.session import Session
from nextgen_wizard.session.court_data import CourtDataService
from nextgen_wizard.session.keyring import KeyringService
from nextgen_wizard.storage.vault import MemoryVault, TurnedOffVault
from tests.helpers import CATALOG, answers

MOST_PUBLIC_METHODS = 30


def _public_methods() -> list[str]:
    return [
        name
        for name, member in vars(Session).items()
        if not name.startswith("_")
        and (inspect.isfunction(member) or isinstance(member, (property, classmethod, staticmethod)))
    ]


def test_the_front_door_has_at_most_thirty_public_methods() -> None:
    assert len(_public_methods()) <= MOST_PUBLIC_METHODS, _public_methods()


def test_each_service_comes_whole_from_any_session() -> None:
    session = Session.for_answers(answers_from_dict(answers()), as_of=date(2026, 11, 23), catalog=CATALOG)
    assert isinstance(session.keyring, KeyringService) and isinstance(session.keyring.vault, MemoryVault)
    assert isinstance(session.courts, CourtDataService)
    assert session.courts.data.catalog is session.catalog
    assert session.courts.problems == [] and session.courts.describe() == CATALOG.describe()


def test_a_turned_off_vault_saves_no_logins() -> None:
    session = Session.for_answers(answers_from_dict(answers()), as_of=date(2026, 11, 23), catalog=CATALOG, vault=TurnedOffVault())
    assert not session.keyring.saves_logins
    assert session.keyring.status().turned_off
