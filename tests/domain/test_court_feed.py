"""Court data: the feed's cleaning rules, the reviewed overrides, and search."""

import json
import re
from datetime import date

import pytest

from nextgen_wizard.domain.court_feed import (
    SHARED_HELPLINES,
    build_catalog_data,
    drop_reason_for_email,
    drop_reason_for_phone,
    phones_in,
)
from nextgen_wizard.domain.resources import resource_path
from nextgen_wizard.domain.rules import RULES_CHECKED
from tests.helpers import CATALOG, ROOT

FEED = ROOT.parent / "shared" / "data" / "pacer-court-lookup-2023-01-10.json"
OVERRIDES = json.loads(resource_path("resources", "court_overrides.json").read_text(encoding="utf-8"))
BAD_EMAIL = re.compile(r"localhost|localdomain|webmaster|^chambers@|deadmail|courtmail@", re.IGNORECASE)
# The staff members' personal addresses the 2023 feed lists (CLEAN_PERSONAL).
PERSONAL = {
    "janet_stafford@akb.uscourts.gov",
    "cheri_sorensen@neb.uscourts.gov",
    "denali_elmore@mtb.uscourts.gov",
}


def test_no_court_lists_a_placeholder_localhost_webmaster_personal_address_or_the_shared_866() -> None:
    """Every one of the 208 courts, as its checklist would show it."""
    from nextgen_wizard.domain.plan import court_contact

    assert len(CATALOG) == 209  # PACER's 208 and the Court of Appeals for Veterans Claims
    ids = {c.id for c in CATALOG.courts}
    for court in CATALOG.courts:
        contact = court_contact(court)
        for email in contact.emails:
            assert not BAD_EMAIL.search(email), (court.id, email)
            assert email.lower().endswith("uscourts.gov"), (court.id, email)
            assert email not in PERSONAL, (court.id, email)
            assert drop_reason_for_email(email, ids) is None, (court.id, email)
        for phone in contact.phones:
            assert phone not in SHARED_HELPLINES, (court.id, phone)
            assert re.fullmatch(r"\d{3}-\d{3}-\d{4}( ext\. \d+)?( \([^()]+\))?", phone), (court.id, phone)
        assert contact.emails or contact.phones or contact.url, court.id


@pytest.mark.parametrize(
    ("email", "rule"),
    [
        ("deadmail@localhost.localdomain", "CLEAN_PLACEHOLDER_HOST"),
        ("Courtmail@localhost.localdomain", "CLEAN_PLACEHOLDER_HOST"),
        ("Courtmail@localhost", "CLEAN_PLACEHOLDER_HOST"),
        ("someone@example.com", "CLEAN_NOT_A_COURT_ADDRESS"),
        ("webmaster@mab.uscourts.gov", "CLEAN_WEBMASTER"),
        ("Webmaster_FLSB@flsb.uscourts.gov", "CLEAN_WEBMASTER"),
        ("ilsbwebmaster@ilsb.uscourts.gov", "CLEAN_WEBMASTER"),
        ("chambers@gud.uscourts.gov", "CLEAN_CHAMBERS"),
        *((address, "CLEAN_PERSONAL") for address in sorted(PERSONAL)),
        ("ecf_accounts@mab.uscourts.gov", None),
        ("Bankruptcy_Court@iasb.uscourts.gov", None),
        ("USBC_NEVADA@nvb.uscourts.gov", None),
        ("ECFHelp_Tacoma@wawb.uscourts.gov", None),
        ("ndd_clerksoffice@ndd.uscourts.gov", None),
    ],
)
def test_each_email_rule(email: str, rule: str | None) -> None:
    assert drop_reason_for_email(email, {"mab", "ndd", "nvb"}) == rule


def test_phone_rules_keep_the_clerks_numbers() -> None:
    assert drop_reason_for_phone("866-222-8029") == "CLEAN_SHARED_HELPLINE"
    assert drop_reason_for_phone("299-430-8432") == "CLEAN_BAD_AREA_CODE"
    assert drop_reason_for_phone("907-271-2655") is None
    def numbers(text: str) -> list[str]:
        return [phone.number for phone in phones_in(text)]

    text = "Clerk's Office (907)271-2655 or Toll Free (800)859-8059, McVCIS (866)222-8029"
    assert numbers(text) == ["907-271-2655", "800-859-8059"]
    assert numbers("PHONE: (478) 752-3506 VCIS: (478) 752-8183 or (800) 211-3015") == ["478-752-3506"]
    assert numbers("Main Number: 712-328-0283  Fax Number: 712-328-1241") == ["712-328-0283"]
    assert numbers("(850) 521 - 3501") == ["850-521-3501"]
    assert numbers("1-866-260-7337") == ["866-260-7337"]
    assert [p.shown() for p in phones_in(text)] == ["907-271-2655 (Clerk's Office)", "800-859-8059 (Toll Free)"]


def test_extensions_and_labels_are_kept_and_help_desks_come_first() -> None:
    """paeb's login line keeps ext. 2817 and its label; flsb's CM/ECF help desk survives the cut."""
    assert CATALOG["paeb"].phones[0] == "215-408-2800 ext. 2817 (For login/pswd assistance)"
    assert phones_in("215-408-2800 Ext. 2368")[0].extension == "2368"
    assert CATALOG["flsb"].phones[0] == "305-714-1791 (CM/ECF Help Desk)"


def test_feed_problems_named_in_the_issue_are_gone() -> None:
    assert not any("866-222-8029" in p for p in CATALOG["akb"].phones)
    assert any(p.startswith("907-271-2655") for p in CATALOG["akb"].phones)
    assert CATALOG["wvsb"].emails == () and [p[:12] for p in CATALOG["wvsb"].phones] == ["304-347-3003"]
    assert CATALOG["tneb"].emails == ("ECFMail@tneb.uscourts.gov",)
    assert CATALOG["gub"].emails == ()
    assert CATALOG["mab"].emails == ("ecf_accounts@mab.uscourts.gov",)
    # the BAP's line was listed under its circuit
    assert CATALOG["bap1"].phones == ("617-748-9650",)
    assert not any(p.startswith("617-748-9650") for p in CATALOG["ca1"].phones)
    assert CATALOG["bap10"].contact_note and CATALOG["bap10"].web_url


def test_overrides_cover_the_acms_circuits_the_baps_and_the_seed_courts() -> None:
    courts = OVERRIDES["courts"]
    assert {"ca9", "ca2", "bap1", "bap9", "bap10", "alsb", "mab"} <= set(courts)
    for court_id, entry in courts.items():
        assert "source" in entry and "source_url" in entry, court_id
        assert date.fromisoformat(entry["checked"]) <= RULES_CHECKED, court_id
        assert CATALOG[court_id].checked == date.fromisoformat(entry["checked"])
    ca9 = CATALOG["ca9"]
    assert ca9.acms_status(date(2021, 4, 30)) is None
    assert ca9.acms_status(date(2022, 1, 1)).all_new_cases is False
    status = ca9.acms_status(date(2023, 10, 1))
    assert status.all_new_cases and status.old_cases_stay_in_cmecf
    assert CATALOG["ca2"].acms_status(date(2026, 11, 25)).all_new_cases is False
    assert CATALOG["ca1"].acms_status(date(2026, 11, 25)) is None


def test_overrides_for_an_unknown_court_are_refused() -> None:
    feed = {"meta": {"last_updated": "Tue, 10 Jan 2023 06:10:05 -0500"}, "data": []}
    with pytest.raises(ValueError, match="not in the feed"):
        build_catalog_data(feed, {"courts": {"zzz": {}}})


@pytest.mark.skipif(not FEED.exists(), reason="the PACER feed is not beside this checkout")
def test_the_pure_builder_makes_the_committed_catalog() -> None:
    built = build_catalog_data(json.loads(FEED.read_text(encoding="utf-8")), OVERRIDES)
    committed = json.loads(resource_path("resources", "courts.json").read_text(encoding="utf-8"))
    assert built == committed


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("MP", {"nmid", "nmib", "ca9", "bap9"}),
        ("Northern Mariana Islands", {"nmid", "nmib", "ca9", "bap9"}),
        ("9th circuit", {"ca9", "bap9"}),
        ("ninth circuit", {"ca9", "bap9"}),
        ("Ninth Cir.", {"ca9", "bap9"}),
        ("circuit 1", {"ca1", "bap1"}),
        ("11th circuit", {"ca11"}),
        ("DC circuit", {"cadc"}),
        ("federal circuit", {"cafc"}),
        ("GU", {"gub", "gud", "ca9", "bap9"}),
        ("VI", {"vib", "vid", "ca3"}),
        ("PR", {"prb", "prd", "ca1", "bap1"}),
    ],
)
def test_search_by_territory_abbreviation_and_circuit(query: str, expected: set[str]) -> None:
    assert {c.id for c in CATALOG.search(query)} == expected


def test_every_court_is_found_by_its_name_and_by_each_word_of_it() -> None:
    for court in CATALOG.courts:
        assert court in CATALOG.search(court.name), court.id
        for word in re.findall(r"[A-Za-z0-9]+", court.name):
            assert court in CATALOG.search(word), (court.id, word)
