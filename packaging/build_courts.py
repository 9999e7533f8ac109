"""Build resources/courts.json from PACER's public CM/ECF court lookup feed.

Usage:
    python packaging/build_courts.py ../shared/data/pacer-court-lookup-2023-01-10.json

The feed is only read here, at build time: the app and its tests read the committed
resources/courts.json and never need the feed. All parsing, cleaning and the reviewed
overrides (resources/court_overrides.json) live in nextgen_wizard/domain/court_feed.py,
so a future in-app update from PACER's feed cleans it exactly the same way.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nextgen_wizard.domain.court_feed import build_catalog_data  # noqa: E402

OUT = ROOT / "resources" / "courts.json"
OVERRIDES = ROOT / "resources" / "court_overrides.json"


def build(feed: dict, overrides: dict | None = None) -> dict:
    if overrides is None:
        overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    return build_catalog_data(feed, overrides)


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
