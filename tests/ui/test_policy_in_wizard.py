from pathlib import Path

from nextgen_wizard.domain.answers import Answers
from nextgen_wizard.storage.policy import TurnedOffVault, apply_policy, load_policy
from nextgen_wizard.ui.wizard import PageId
from tests.ui.helpers import make_wizard, pick

POLICY = """
[firm]
name = "Example LLP"
support = "IT desk 555-0100"

[wizard]
credential_storage = false

[answers."role"]
value = "attorney"
locked = true

[answers."firm.wants_billing_account"]
value = false
locked = false
"""


def _wizard(qtbot, tmp_path: Path):
    path = tmp_path / "policy.toml"
    path.write_text(POLICY)
    policy = load_policy(path)
    wizard = make_wizard(
        qtbot, tmp_path, answers=apply_policy(policy, Answers()).answers, vault=TurnedOffVault()
    )
    wizard.session.locked_fields = policy.locked
    wizard.session.credential_storage = policy.credential_storage
    wizard.session.support = policy.support
    return wizard


def test_locked_answer_is_read_only_and_unlocked_preset_can_change(qtbot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, tmp_path)
    wizard.setStartId(PageId.COURTS)
    wizard.restart()
    courts = wizard.currentPage()
    assert courts.role.value() is True and not courts.role.isEnabled()
    assert "firm's policy" in courts.role.toolTip()
    assert courts.firm.text() == "Example LLP" and courts.firm.isEnabled()
    wizard.setStartId(PageId.FIRM)
    wizard.restart()
    firm = wizard.currentPage()
    assert firm.wants.value() is False and firm.wants.isEnabled()
    pick(firm.wants, True)
    assert wizard.session.answers.firm.wants_billing_account is True


def test_turned_off_password_saving_and_firm_support_in_help(qtbot, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, tmp_path)
    wizard.session.answers.courts = ["mab"]
    wizard.setStartId(PageId.CMECF)
    wizard.restart()
    box = wizard.currentPage().boxes["mab"]
    assert not box.save_button.isEnabled() and "turned off" in box.save_status.text()
    wizard.show_help()
    assert "IT desk 555-0100" in wizard._help_box.text()
    wizard._help_box.close()
    wizard.setStartId(PageId.CHECKLIST)
    wizard.restart()
    html = wizard.currentPage().html()
    assert "no secure keyring" in html and "IT desk 555-0100" in html
