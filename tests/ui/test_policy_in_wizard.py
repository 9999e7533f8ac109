from pathlib import Path

from nextgen_wizard.domain.answers import Role
from nextgen_wizard.ui.wizard import NextGenWizard, PageId
from tests.ui.helpers import pick

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


def _wizard(qtbot, tmp_path: Path, monkeypatch, open_session, policy: str = POLICY) -> NextGenWizard:
    """Through the real start-up: the policy file is found and applied by Session.open."""
    path = tmp_path / "policy.toml"
    path.write_text(policy)
    monkeypatch.setenv("NEXTGEN_WIZARD_POLICY", str(path))
    wizard = NextGenWizard(open_session())
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_locked_answer_is_read_only_and_unlocked_preset_can_change(qtbot, tmp_path: Path, monkeypatch, open_session) -> None:
    wizard = _wizard(qtbot, tmp_path, monkeypatch, open_session)
    wizard.setStartId(PageId.COURTS)
    wizard.restart()
    courts = wizard.currentPage()
    assert courts.role.value() is Role.ATTORNEY and not courts.role.isEnabled()
    assert "firm's policy" in courts.role.toolTip()
    assert courts.firm.text() == "Example LLP" and courts.firm.isEnabled()
    wizard.setStartId(PageId.FIRM)
    wizard.restart()
    firm = wizard.currentPage()
    assert firm.wants.value() is False and firm.wants.isEnabled()
    pick(firm.wants, True)
    assert wizard.session.answers.firm.wants_billing_account is True


def test_turned_off_password_saving_and_firm_support_in_help(qtbot, tmp_path: Path, monkeypatch, open_session) -> None:
    wizard = _wizard(qtbot, tmp_path, monkeypatch, open_session)
    wizard.session.add_court("mab")
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


LOCKED_COURTS = """
[answers."courts"]
value = ["MAB", "xxb"]
locked = true
"""


def _locked_courts_wizard(qtbot, tmp_path: Path, monkeypatch, open_session) -> NextGenWizard:
    return _wizard(qtbot, tmp_path, monkeypatch, open_session, LOCKED_COURTS)


def test_a_policy_court_that_does_not_exist_is_named_and_the_wizard_goes_on(
    qtbot, tmp_path: Path, monkeypatch, open_session
) -> None:
    wizard = _locked_courts_wizard(qtbot, tmp_path, monkeypatch, open_session)
    assert wizard.session.answers.courts == ["mab"]  # capitals normalised, the unknown id left out
    assert any('"xxb" is not a court id' in notice for notice in wizard.session.notices)
    wizard.next()
    pick(wizard.currentPage().role, Role.ATTORNEY)
    wizard.next()  # used to raise UnknownCourtError inside nextId on every click
    assert wizard.currentId() == PageId.PACER


def test_start_over_keeps_the_presets_that_the_locks_protect(
    qtbot, tmp_path: Path, monkeypatch, open_session
) -> None:
    wizard = _locked_courts_wizard(qtbot, tmp_path, monkeypatch, open_session)
    wizard.session.set_answer("role", "attorney")
    wizard.session.start_over()
    wizard.restart()
    assert wizard.session.answers.courts == ["mab"] and wizard.session.answers.role is None
    wizard.next()
    pick(wizard.currentPage().role, Role.NON_ATTORNEY)
    assert wizard.currentPage().isComplete()  # not stuck on the courts page


def test_the_wizard_refuses_to_change_a_locked_answer_or_its_parent(
    qtbot, tmp_path: Path, monkeypatch, open_session
) -> None:
    from nextgen_wizard.session import ChangeRefused

    wizard = _locked_courts_wizard(qtbot, tmp_path, monkeypatch, open_session)
    for path, value in (("courts", ["mad"]), ("courts", [])):
        try:
            wizard.session.set_answer(path, value)
        except ChangeRefused as error:
            assert "locked by your firm's policy" in error.problems[0]
        else:
            raise AssertionError(f"{path} = {value} was accepted under a lock")
    assert wizard.session.answers.courts == ["mab"]
