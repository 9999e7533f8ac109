"""One module per step; build_pages() makes them all for a wizard."""

from __future__ import annotations

from PySide6.QtWidgets import QWizardPage

from ..context import WizardContext
from .account_steps import FirmPage, MfaPage, NewAccountPage, UpgradePage
from .checklist import ChecklistPage
from .cmecf import CmecfPage
from .courts import CourtsPage
from .link import LinkPage
from .pacer import PacerPage
from .welcome import WelcomePage


def build_pages(context: WizardContext) -> dict[int, QWizardPage]:
    from ..wizard import PageId

    return {
        PageId.WELCOME: WelcomePage(context),
        PageId.COURTS: CourtsPage(context),
        PageId.PACER: PacerPage(context),
        PageId.UPGRADE: UpgradePage(context),
        PageId.NEW_ACCOUNT: NewAccountPage(context),
        PageId.FIRM: FirmPage(context),
        PageId.MFA: MfaPage(context),
        PageId.CMECF: CmecfPage(context),
        PageId.LINK: LinkPage(context),
        PageId.CHECKLIST: ChecklistPage(context),
    }
