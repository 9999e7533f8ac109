"""Build resources/courts.json from PACER's public CM/ECF court lookup feed.

Usage:
    python packaging/build_courts.py ../shared/data/pacer-court-lookup-2023-01-10.json

The feed is only read here, at build time: the app and its tests read the
committed resources/courts.json and never need the feed.

What this script decides, and why:
- The CM/ECF id is the filing host's label (ecf.<id>.uscourts.gov), because that
  is what court notices and lawyers use (mab, alsb, ca1). The three Bankruptcy
  Appellate Panels share their circuit's host, so they get bap<circuit> instead.
- The PACER Case Locator (00PCL) and the Supreme Court (no CM/ECF login) are not
  filing courts and are left out.
- The feed's go_live_date is the ORIGINAL CM/ECF date, not NextGen's, so it is
  not carried over. NextGen dates come from KNOWN_NEXTGEN below, each with its source.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

OUT = Path(__file__).resolve().parent.parent / "resources" / "courts.json"
NOT_FILING_COURTS = {"00PCL", "SCOTUS"}
TYPE_NAMES = {
    "District": "district",
    "Bankruptcy": "bankruptcy",
    "Appeals": "appellate",
    "National": "national",
}
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"\(?\b\d{3}\)?[ .-]?\d{3}[.-]\d{4}\b")

# Facts from the court notices (../shared/seeds) and ../shared/facts.
KNOWN_NEXTGEN: dict[str, dict[str, object]] = {
    "alsb": {
        "nextgen_go_live": "2020-05-04",
        # "Upgrade your existing individual PACER account prior to May 3, 2020."
        "prepare_by": "2020-05-02",
        "source": "S.D. Ala. Bankruptcy NextGen notice",
    },
    "mab": {
        "nextgen_go_live": "2021-09-20",
        "ecf_accounts_email": "ecf_accounts@mab.uscourts.gov",
        "source": "D. Mass. Bankruptcy NextGen notice",
    },
    "mad": {
        "nextgen_go_live": "2021-09-20",
        "source": "D. Mass. NextGen notice (same day as the bankruptcy court)",
    },
}
NOTICES: dict[str, list[str]] = {
    "ca9": [
        "Since October 1, 2023 the Ninth Circuit files in ACMS, not CM/ECF. "
        "An upgraded PACER account is still required; follow the court's ACMS instructions."
    ],
    "ca2": [
        "The Second Circuit is moving to ACMS. An upgraded PACER account is still "
        "required; check the court's website for its current filing system."
    ],
}


def cmecf_id(entry: dict) -> str:
    host = urlparse(entry["login_url"]).hostname or ""
    label = host.split(".")[1] if host.startswith("ecf.") else host.split(".")[0]
    if entry["court_id"].endswith("BAP"):
        return "bap" + str(int(entry["circuit"]))
    return label.lower()


def _records(entry: dict, key: str) -> list[dict]:
    """The feed gives some lists as objects keyed "0", "1", ...: accept both."""
    value = entry.get(key) or []
    return list(value.values()) if isinstance(value, dict) else list(value)


def _texts(entry: dict) -> list[str]:
    parts = []
    for loc in _records(entry, "locations"):
        parts += [loc.get("email", ""), loc.get("phone", "")]
    for desk in _records(entry, "help_desk"):
        parts += [desk.get("phone", ""), desk.get("division", "")]
    return [html.unescape(p) for p in parts if p]


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def help_desk(entry: dict) -> tuple[list[str], list[str]]:
    """Phones (help desk first, then locations) and emails found in the feed."""
    desk_phones = [
        m.group(0)
        for desk in _records(entry, "help_desk")
        for m in PHONE.finditer(html.unescape(desk.get("phone", "")))
    ]
    loc_phones = [
        m.group(0)
        for loc in _records(entry, "locations")
        for m in PHONE.finditer(html.unescape(loc.get("phone", "")))
    ]
    emails = [m.group(0) for text in _texts(entry) for m in EMAIL.finditer(text)]
    phones = [_dashed(p) for p in desk_phones + loc_phones]
    return _unique(phones)[:3], _unique(emails)


def _dashed(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def convert(entry: dict) -> dict:
    cid = cmecf_id(entry)
    phones, emails = help_desk(entry)
    known = KNOWN_NEXTGEN.get(cid, {})
    court = {
        "id": cid,
        "pacer_id": entry["court_id"],
        "name": entry["title"],
        "type": TYPE_NAMES[entry["type"]],
        "circuit": entry.get("circuit"),
        "login_url": entry["login_url"],
        "web_url": entry.get("web_url"),
        "phones": phones,
        "emails": _unique([str(known["ecf_accounts_email"]), *emails])
        if "ecf_accounts_email" in known
        else emails,
        "states": sorted({c["state"] for c in _records(entry, "counties") if c.get("state")}),
        "nextgen_go_live": known.get("nextgen_go_live"),
        "prepare_by": known.get("prepare_by"),
        "source": known.get("source"),
        "notices": NOTICES.get(cid, []),
    }
    return {k: v for k, v in court.items() if v not in (None, [], "")} | {"id": cid}


def build(feed: dict) -> dict:
    courts = [convert(e) for e in feed["data"] if e["court_id"] not in NOT_FILING_COURTS]
    ids = [c["id"] for c in courts]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise SystemExit(f"duplicate CM/ECF ids: {sorted(duplicates)}")
    courts.sort(key=lambda c: c["id"])
    return {
        "source": "PACER CM/ECF Court Lookup feed",
        "feed_updated": feed["meta"]["last_updated"],
        "feed_date": "2023-01-10",
        "courts": courts,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    catalog = build(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
    OUT.write_text(
        json.dumps(catalog, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(catalog['courts'])} courts to {OUT.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
