"""One module per step. make_page() makes one page, importing its module only then;
build_pages() makes them all. The wizard makes each page when it is first needed."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWizardPage

    from ...session import Session

# PageId value -> (module in this package, class)
PAGE_CLASSES: dict[int, tuple[str, str]] = {
    0: ("welcome", "WelcomePage"),  # PageId.WELCOME
    1: ("courts", "CourtsPage"),  # PageId.COURTS
    2: ("pacer", "PacerPage"),  # PageId.PACER
    3: ("account_steps", "UpgradePage"),  # PageId.UPGRADE
    4: ("account_steps", "NewAccountPage"),  # PageId.NEW_ACCOUNT
    5: ("account_steps", "FirmPage"),  # PageId.FIRM
    6: ("account_steps", "MfaPage"),  # PageId.MFA
    7: ("cmecf", "CmecfPage"),  # PageId.CMECF
    8: ("link", "LinkPage"),  # PageId.LINK
    9: ("checklist", "ChecklistPage"),  # PageId.CHECKLIST
}


def make_page(session: Session, page_id: int) -> QWizardPage:
    module, name = PAGE_CLASSES[int(page_id)]
    page_class = getattr(import_module(f"{__name__}.{module}"), name)
    return page_class(session)


def build_pages(session: Session) -> dict[int, QWizardPage]:
    return {page_id: make_page(session, page_id) for page_id in PAGE_CLASSES}
