"""Every branch of the wizard, walked as a user would, with the pages shown and the final plan."""

import json
from pathlib import Path

from keyring.backends import fail
from PySide6.QtCore import Qt

from nextgen_wizard.domain.answers import AccountType
from nextgen_wizard.storage.vault import KeyringVault
from nextgen_wizard.ui.wizard import PageId
from tests.ui.helpers import Walk, make_wizard, page, pick, type_login

P = PageId


def test_legacy_account_is_sent_to_upgrade(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path, as_of="2020-04-15"))
    walk.next()
    walk.courts("alsb")
    walk.pacer("own", "ab1234")
    upgrade = page(walk.wizard, P.UPGRADE)
    assert "May 2, 2020" in upgrade.step_box.findChildren(type(upgrade.save_notice.label))[0].text()
    walk.next()
    walk.firm(False)
    walk.cmecf(alsb={"knows": True})
    walk.link()
    assert walk.seen == [P.WELCOME, P.COURTS, P.PACER, P.SITUATION, P.UPGRADE, P.FIRM, P.CMECF, P.LINK, P.CHECKLIST]
    assert walk.final_steps() == [
        ("get-individual-pacer-account", None, "done"),
        ("upgrade-pacer-account", None, "todo"),
        ("link-cmecf-account", "alsb", "scheduled"),
    ]


def test_ticking_upgraded_removes_the_step(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    walk.pacer("own", "ab1234", AccountType.LEGACY)
    page(walk.wizard, P.UPGRADE).done.setChecked(True)
    walk.next()
    walk.firm(False)
    walk.mfa(True)
    walk.cmecf(mab={"knows": True})
    walk.link()
    assert ("upgrade-pacer-account", None, "done") in walk.final_steps()


def test_no_account_is_sent_to_registration_not_upgrade(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    walk.pacer("none")
    assert "registration" in page(walk.wizard, P.NEW_ACCOUNT).open_button.text()
    walk.next()
    walk.firm(None)
    walk.mfa(False)
    walk.cmecf(mab={"knows": True})
    walk.link()
    assert walk.seen == [
        P.WELCOME,
        P.COURTS,
        P.PACER,
        P.SITUATION,
        P.NEW_ACCOUNT,
        P.FIRM,
        P.MFA,
        P.CMECF,
        P.LINK,
        P.CHECKLIST,
    ]
    ids = [step[0] for step in walk.final_steps()]
    assert ids == ["get-individual-pacer-account", "enroll-mfa", "link-cmecf-account"]


def test_shared_account_is_sent_to_registration(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mad")
    walk.pacer("shared")
    assert walk.seen[-1] is P.NEW_ACCOUNT
    walk.next()
    walk.firm(True)
    walk.mfa(True)
    walk.cmecf(mad={"knows": True})
    walk.link()
    steps = walk.final_steps()
    assert steps[0] == ("get-individual-pacer-account", None, "todo")
    assert ("firm-billing-account", None, "todo") in steps


def test_upgraded_and_linked_everything_done(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    walk.pacer("own", "janedoe2016", AccountType.UPGRADED)
    walk.firm(False)
    walk.mfa(True)
    walk.cmecf(mab={"knows": True})
    walk.link("mab")
    assert walk.seen == [P.WELCOME, P.COURTS, P.PACER, P.SITUATION, P.FIRM, P.MFA, P.CMECF, P.LINK, P.CHECKLIST]
    assert {status for _, _, status in walk.final_steps()} == {"done"}


def test_several_courts_one_linked(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab", "mad", "ca1")
    walk.pacer("own", "janedoe2016", AccountType.UPGRADED)
    walk.firm(False)
    walk.mfa(True)
    walk.cmecf(mab={"knows": True}, mad={"knows": True}, ca1={"has": False})
    link = page(walk.wizard, P.LINK)
    assert set(link.checks) == {"mab", "mad"}  # no link box where there is no filing account
    walk.link("mad")
    steps = walk.final_steps()
    assert ("link-cmecf-account", "mab", "todo") in steps
    assert ("link-cmecf-account", "mad", "done") in steps
    assert ("request-efiling-privileges", "ca1", "todo") in steps


def test_unknown_login_shows_the_clerk_contact(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    walk.pacer("own", "janedoe2016", AccountType.UPGRADED)
    walk.firm(False)
    walk.mfa(True)
    walk.cmecf(mab={"knows": False, "browser": True})
    walk.link()
    assert ("recover-cmecf-login", "mab", "todo") in walk.final_steps()
    assert "ecf_accounts@mab.uscourts.gov" in walk.wizard.currentPage().text()


def test_mfa_page_only_from_2025_and_its_answer_counts(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path, as_of="2025-01-15"))
    walk.next()
    walk.courts("mab")
    walk.pacer("own", "janedoe2016", AccountType.UPGRADED)
    walk.firm(False)
    assert walk.seen[-1] is P.CMECF  # no MFA page before PACER's rollout
    later = Walk(make_wizard(qtbot, tmp_path / "later"))
    later.next()
    later.courts("mab")
    later.pacer("own", "janedoe2016", AccountType.UPGRADED)
    later.firm(False)
    later.mfa(False)
    later.cmecf(mab={"knows": True})
    later.link()
    assert ("enroll-mfa", None, "todo") in later.final_steps()


def test_no_secure_keyring_saves_nothing_and_says_write_it_down(qtbot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path, vault=KeyringVault(fail.Keyring()))
    Walk(wizard).to_cmecf_page("mab")
    cmecf = page(wizard, P.CMECF)
    box = cmecf.boxes["mab"]
    pick(box.has_account, True)
    box.save_button.click()
    # The keyring is checked before any password is asked for: no dialog opens at all.
    qtbot.waitUntil(lambda: "Write the login down" in box.save_status.text(), timeout=5000)
    assert "no secure keyring" in box.save_status.text()
    assert getattr(cmecf, "dialog", None) is None
    assert wizard.session.answers.keyring_entries == []
    assert not box.recorded.isChecked()


def test_saving_a_login_records_the_entry_name_only(qtbot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path)
    Walk(wizard).to_cmecf_page("mab")
    box = page(wizard, P.CMECF).boxes["mab"]
    dialog = type_login(qtbot, box, "jdoe_mab", "Secret-For-Test-1!")
    qtbot.waitUntil(lambda: dialog.saved_message is not None, timeout=5000)
    qtbot.waitUntil(lambda: box.recorded.isChecked(), timeout=5000)
    assert "checked" in box.save_status.text()
    assert box.recorded.isChecked()
    assert wizard.session.answers.keyring_entries == ["NextGen Ready: CM/ECF mab"]
    saved = (tmp_path / "answers.json").read_text()
    assert "Secret-For-Test-1!" not in saved and "NextGen Ready: CM/ECF mab" in saved
    assert json.loads(saved)["cmecf"]["mab"]["login_recorded"] is True


def test_back_never_loses_an_answer(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    walk.pacer("own", "janedoe2016", AccountType.UPGRADED)
    walk.wizard.back()
    assert page(walk.wizard, P.SITUATION).questions["attorney.cja_panel"].value() is False
    walk.wizard.back()
    pacer = page(walk.wizard, P.PACER)
    assert pacer.username.text() == "janedoe2016"
    assert pacer.own.value() == "own"
    walk.wizard.back()
    assert page(walk.wizard, P.COURTS).chosen.count() == 1


def test_answers_are_saved_after_each_page(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab", "alsb")
    saved = json.loads((tmp_path / "answers.json").read_text())
    assert saved["courts"] == ["mab", "alsb"] and saved["role"] == "attorney"


def test_side_panel_shows_each_steps_true_state_from_the_plan(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    walk.pacer("own", "ab1234", AccountType.LEGACY)  # a legacy account: the upgrade is to do

    def states() -> dict[str, str]:
        side = walk.wizard.side.steps
        spoken = [side.item(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(side.count())]
        return dict(line.split(": ", 1) for line in spoken)

    now = states()
    assert now["Welcome"] == "done" and now["You and your courts"] == "done"
    assert now["Your PACER account"] == "done" and now["Your situation"] == "done"
    assert now["Upgrade your PACER account"] == "to do, this page"
    assert now["Your CM/ECF logins"] == "not asked yet"
    assert now["Your checklist"] == "to do"  # never "visited" = "done"
    upgrade = page(walk.wizard, P.UPGRADE)
    upgrade.done.setChecked(True)
    walk.next()
    assert states()["Upgrade your PACER account"] == "done"
    first = walk.wizard.side.steps.item(0).text()
    assert first.startswith("✓ Welcome")  # the state is a mark and a word, never colour alone
    assert "November 23, 2026" in walk.wizard.side.as_of.text()


def test_invalid_username_blocks_next_with_a_reason(qtbot, tmp_path: Path) -> None:
    walk = Walk(make_wizard(qtbot, tmp_path))
    walk.next()
    walk.courts("mab")
    pacer = page(walk.wizard, P.PACER)
    pick(pacer.own, "own")
    pacer.username.setText("ab 1234")
    pacer.username.textEdited.emit("ab 1234")
    assert not pacer.isComplete()
    assert "no spaces" in pacer.verdict.text()
    pacer.username.setText("ab1234")
    pacer.username.textEdited.emit("ab1234")
    assert pacer.isComplete() and "Must be upgraded" in pacer.verdict.text()


def test_help_on_every_page_has_the_glossary(qtbot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path)
    for page_id in PageId:
        wizard.setStartId(page_id)
        wizard.restart()
        wizard.show_help()
        text = wizard._help_box.text() + wizard._help_box.detailedText()  # the glossary: its details
        assert "PACER" in text and "Linking" in text and "MFA" in text
        wizard._help_box.close()


def test_a_saved_login_can_be_removed_from_the_keyring(qtbot, tmp_path: Path) -> None:
    wizard = make_wizard(qtbot, tmp_path)
    Walk(wizard).to_cmecf_page("mab")
    box = page(wizard, P.CMECF).boxes["mab"]
    assert not box.forget_button.isVisible()
    type_login(qtbot, box, "jdoe_mab", "Secret-For-Test-1!")
    qtbot.waitUntil(lambda: box.forget_button.isVisible(), timeout=5000)
    assert box.recorded.isChecked()
    box.forget_button.click()
    qtbot.waitUntil(lambda: "Removed from the keyring" in box.save_status.text(), timeout=5000)
    assert not box.recorded.isChecked()  # the checklist must not say it is kept safely any more
    assert wizard.session.vault.load("NextGen Ready: CM/ECF mab") is None
    assert wizard.session.answers.keyring_entries == []
    assert not box.forget_button.isVisible()
    assert json.loads((tmp_path / "answers.json").read_text())["keyring_entries"] == []
