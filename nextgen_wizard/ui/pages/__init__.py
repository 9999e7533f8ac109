"""One module per step. make_page() makes one page, importing its module only then:
the wizard makes each page when it is first needed."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWizardPage

    from ...session import Session

PAGE_COUNT = 11  # PageId.WELCOME (0) .. PageId.CHECKLIST (10)


def page_class(page_id: int) -> Callable[[Session], QWizardPage]:
    """The class of a page (by PageId value), its module imported now.

    Each import is spelled out, not import_module(name), so that PyInstaller finds every page.
    """
    if page_id == 0:
        from .welcome import WelcomePage

        return WelcomePage
    if page_id == 1:
        from .courts import CourtsPage

        return CourtsPage
    if page_id == 2:
        from .pacer import PacerPage

        return PacerPage
    if page_id == 3:
        from .situation import SituationPage

        return SituationPage
    if page_id in (4, 5, 6, 7):
        from .account_steps import FirmPage, MfaPage, NewAccountPage, UpgradePage

        return {4: UpgradePage, 5: NewAccountPage, 6: FirmPage, 7: MfaPage}[page_id]
    if page_id == 8:
        from .cmecf import CmecfPage

        return CmecfPage
    if page_id == 9:
        from .link import LinkPage

        return LinkPage
    if page_id == 10:
        from .checklist import ChecklistPage

        return ChecklistPage
    raise KeyError(f"no page {page_id}")


def make_page(session: Session, page_id: int) -> QWizardPage:
    return page_class(page_id)(session)

