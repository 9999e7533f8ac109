import json
from datetime import date

from nextgen_wizard.domain.courts import CourtType, NextGenState, default_catalog_path
from tests.helpers import CATALOG, ROOT


def test_catalog_holds_every_filing_court_and_no_other() -> None:
    assert len(CATALOG) == 209  # PACER's 208 and the Court of Appeals for Veterans Claims
    ids = {c.id for c in CATALOG.courts}
    assert {
        "mab",
        "mad",
        "alsb",
        "ca1",
        "cadc",
        "cafc",
        "bap1",
        "bap9",
        "bap10",
        "cit",
        "jpml",
        "cofc",
    } <= ids
    pacer_ids = {c.pacer_id for c in CATALOG.courts}
    assert "00PCL" not in pacer_ids and "SCOTUS" not in pacer_ids


def test_court_fields_from_the_feed() -> None:
    mab = CATALOG["mab"]
    assert mab.pacer_id == "MABK"
    assert mab.type is CourtType.BANKRUPTCY
    assert mab.login_url == "https://ecf.mab.uscourts.gov"
    assert mab.circuit == "01"
    assert mab.states == ("Massachusetts",)
    assert mab.emails[0] == "ecf_accounts@mab.uscourts.gov"
    assert "617-748-5385" in mab.phones
    assert CATALOG["ca1"].type is CourtType.APPELLATE
    assert CATALOG["cit"].type is CourtType.NATIONAL
    assert CATALOG["alsb"].emails == ("alsbecf_helpdesk@alsb.uscourts.gov",)


def test_bankruptcy_appellate_panels_share_a_host_but_not_an_id() -> None:
    assert CATALOG["bap1"].login_url == CATALOG["ca1"].login_url
    assert CATALOG["bap1"].pacer_id == "01BAP" and CATALOG["ca1"].pacer_id == "01CA"


def test_known_nextgen_dates_and_status_on_a_date() -> None:
    assert CATALOG["alsb"].nextgen_go_live == date(2020, 5, 4)
    assert CATALOG["alsb"].last_day_to_prepare() == date(2020, 5, 2)  # "prior to May 3, 2020"
    assert CATALOG["mab"].last_day_to_prepare() == date(2021, 9, 19)
    assert CATALOG["mad"].nextgen_go_live == date(2021, 9, 20)
    assert CATALOG["alsb"].nextgen_status(date(2020, 4, 15)).state is NextGenState.UPCOMING
    assert CATALOG["alsb"].nextgen_status(date(2020, 5, 4)).state is NextGenState.LIVE


def test_court_without_known_date_is_live_from_the_feed_date_only() -> None:
    ca1 = CATALOG["ca1"]
    assert ca1.nextgen_go_live is None
    assert ca1.nextgen_status(date(2023, 1, 10)).state is NextGenState.LIVE
    assert ca1.nextgen_status(date(2022, 6, 1)).state is NextGenState.UNKNOWN


def test_search_by_id_words_and_state() -> None:
    assert [c.id for c in CATALOG.search("mab")] == ["mab"]
    assert [c.id for c in CATALOG.search("MAB")] == ["mab"]
    assert [c.id for c in CATALOG.search("massachusetts bankruptcy")] == ["mab"]
    by_state = {c.id for c in CATALOG.search("MA")}
    assert {"mab", "mad", "ca1", "bap1"} <= by_state
    assert {c.id for c in CATALOG.search("Alabama")} >= {
        "alnb",
        "almb",
        "alsb",
        "alnd",
        "almd",
        "alsd",
        "ca11",
    }
    assert CATALOG.search("no such court anywhere") == []
    assert len(CATALOG.search("")) == 209


def test_did_you_mean() -> None:
    assert "mab" in CATALOG.suggest("mba") or "mab" in CATALOG.suggest("maab")
    assert CATALOG.suggest("alsbb")[0] == "alsb"


def test_committed_catalog_is_what_the_build_script_makes(tmp_path) -> None:
    """The committed JSON must match the script; regenerate with packaging/build_courts.py."""
    import importlib.util

    feed = ROOT.parent / "shared" / "data" / "pacer-court-lookup-2023-01-10.json"
    if not feed.exists():  # a user's install or a bare clone has no ../shared
        import pytest

        pytest.skip("the PACER feed is not beside this checkout")
    spec = importlib.util.spec_from_file_location("build_courts", ROOT / "packaging" / "build_courts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(json.loads(feed.read_text(encoding="utf-8")))
    assert built == json.loads(default_catalog_path().read_text(encoding="utf-8"))


def test_the_shipped_data_made_court_by_court_is_the_data_checked_whole() -> None:
    """The shipped catalog makes a court when it is first asked for; every court must come out
    exactly as a download of the same data, checked whole as it loads, would give it."""
    from nextgen_wizard.domain.courts import catalog_from_data, load_catalog

    raw = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    whole = catalog_from_data(raw)
    shipped = load_catalog()
    assert shipped.get("MAB ") == whole["mab"] and shipped.get("nosuch") is None
    assert shipped.ids == [c["id"] for c in raw["courts"]] and len(shipped) == len(whole)
    assert shipped.courts == whole.courts  # in the data's order, the one made first included
    assert shipped["mab"] is shipped.courts[shipped.ids.index("mab")]  # made once
    assert shipped.suggest("mabb") == whole.suggest("mabb") != []
