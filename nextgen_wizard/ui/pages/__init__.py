"""One module per step; build_pages() makes them all for a wizard."""

from __future__ import annotations

from PySide6.QtWidgets import QWizardPage

from ...session import Session
from .account_steps import FirmPage, MfaPage, NewAccountPage, UpgradePage
from .checklist import ChecklistPage
from .cmecf import CmecfPage
from .courts import CourtsPage
from .link import LinkPage
from .pacer import PacerPage
from .situation import SituationPage
from .welcome import WelcomePage


def build_pages(session: Session) -> dict[int, QWizardPage]:
    from ..wizard import PageId

    return {
        PageId.WELCOME: WelcomePage(session),
        PageId.COURTS: CourtsPage(session),
        PageId.PACER: PacerPage(session),
        PageId.SITUATION: SituationPage(session),
        PageId.UPGRADE: UpgradePage(session),
        PageId.NEW_ACCOUNT: NewAccountPage(session),
        PageId.FIRM: FirmPage(session),
        PageId.MFA: MfaPage(session),
        PageId.CMECF: CmecfPage(session),
        PageId.LINK: LinkPage(session),
        PageId.CHECKLIST: ChecklistPage(session),
    }
