"""Write docs/sources.md from the source registry (nextgen_wizard/domain/sources.py).

    python3 packaging/sources_doc.py          write it
    python3 packaging/sources_doc.py --check  exit 1 when it is stale (a test runs this)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nextgen_wizard.domain.rules import RULES  # noqa: E402
from nextgen_wizard.domain.sources import SOURCES, split_keys  # noqa: E402

DOC = ROOT / "docs" / "sources.md"
HEAD = """# Sources

Every page a rule of the checklist or a court correction rests on, by the key that
`nextgen_wizard/domain/rules.py`, `docs/domain-rules.md` and `resources/court_overrides.json`
use. Each checklist step lists its sources (title and address) in the JSON (`sources`) and in a
"Source:" line of the text, HTML and PDF checklist, so a reader can check the rule in one click.

"Read" is the day the entry citing the source was last checked against it; where only the
court was recorded (not the page), the address is the court's own website and the title says
so. Generated from `nextgen_wizard/domain/sources.py` by `python3 packaging/sources_doc.py`; a
test fails when a rule or a court correction cites a key that is not here.

| key | source | read | cited by |
| --- | --- | --- | --- |
"""


def text() -> str:
    cited: dict[str, list[str]] = {}
    for rule in RULES.values():
        for key in split_keys(rule.source):
            cited.setdefault(key, []).append(f"`{rule.id}`")
    rows = []
    for key, source in sorted(SOURCES.items(), key=lambda item: item[0].lower()):
        title = source.title.replace("|", "\\\\|")
        by = ", ".join(cited.get(key, [])) or "court corrections"
        rows.append(f"| {key} | [{title}]({source.url}) | {source.read} | {by} |")
    return HEAD + "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    if "--check" in argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text():
            print("stale: docs/sources.md (run python3 packaging/sources_doc.py)")
            return 1
        return 0
    DOC.write_text(text(), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
