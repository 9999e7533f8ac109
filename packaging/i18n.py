"""Translation catalogs: extract every marked text, update the Spanish catalogs, compile them.

    python3 packaging/i18n.py          extract, update es, compile (after changing or adding texts)
    python3 packaging/i18n.py --area ui  the same for one part only (domain, ui or cli)
    python3 packaging/i18n.py --check  exit 1 when a text is missing from a catalog, untranslated,
                                       fuzzy, or the compiled catalog is stale (CI runs this)

"Stale" means the compiled .mo says something other than its .po: both are read as messages
(text, context, plural forms, charset) and compared, never as bytes, so a Babel release that
lays the same catalog out differently cannot fail the check.

One catalog per part (domain, ui, cli: nextgen_wizard/domain/i18n.py), in resources/locale/.
Uses Babel (a test and development tool, not shipped); the app reads the compiled .mo files with
the standard library's gettext.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
PACKAGE = ROOT / "nextgen_wizard"
TRANSLATED = ("es",)
AREAS: dict[str, list[Path]] = {
    "domain": [PACKAGE / "domain"],
    "ui": [PACKAGE / "ui"],
    "cli": [PACKAGE / "cli.py", PACKAGE / "doctor.py", PACKAGE / "session", PACKAGE / "export_writer.py",
            PACKAGE / "storage"],
}  # fmt: skip
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def _sources(area: str) -> list[Path]:
    found: list[Path] = []
    for path in AREAS[area]:
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def extract(area: str):  # -> babel.messages.Catalog
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    catalog = Catalog(project="NextGen Ready", domain=area, charset="utf-8")
    for path in _sources(area):
        for line, message, comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
        ):
            catalog.add(message, None, [(str(path.relative_to(ROOT)), line)], auto_comments=comments,
                        context=context)  # fmt: skip
    return catalog


def po_path(area: str, language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{area}.po"


def read_po(area: str, language: str):  # -> Catalog | None
    from babel.messages.pofile import read_po as babel_read_po

    path = po_path(area, language)
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return babel_read_po(handle, locale=language, domain=area)


def updated(area: str, language: str):  # -> Catalog
    from babel.messages.catalog import Catalog

    template = extract(area)
    catalog = read_po(area, language) or Catalog(locale=language, domain=area, project="NextGen Ready")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.fuzzy = False  # the header: its charset must reach the compiled catalog
    catalog.last_translator = "NextGen Ready"
    catalog.language_team = "Spanish <es@nextgen-ready.invalid>"
    return catalog


def po_bytes(catalog) -> bytes:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True, include_previous=False)
    return buffer.getvalue()


def mo_bytes(catalog) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def mo_meaning(data: bytes) -> dict[object, object]:
    """What a compiled catalog says, read by the standard library's gettext (the reader the app
    itself uses): every (context, text) with its translation(s), plus the charset and plural rule
    from the header. Layout, order and header dates are left out."""
    import gettext

    translations = gettext.GNUTranslations(io.BytesIO(data))
    messages: dict[object, object] = dict(translations._catalog)  # type: ignore[attr-defined]
    header = str(messages.pop("", ""))
    wanted = ("content-type:", "plural-forms:")
    kept = [line for line in header.splitlines() if line.lower().startswith(wanted)]
    messages[("header",)] = sorted(line.replace(" ", "").lower() for line in kept)
    return messages


def compiled_is_current(mo: Path, catalog) -> bool:  # catalog: babel.messages.Catalog
    return mo.exists() and mo_meaning(mo.read_bytes()) == mo_meaning(mo_bytes(catalog))


def statistics(catalog) -> tuple[int, int, int]:
    """(all, translated, fuzzy) messages, the header left out."""
    messages = [m for m in catalog if m.id]
    translated = [m for m in messages if (all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m for m in messages if m.fuzzy]
    return len(messages), len(translated) - len([m for m in translated if m.fuzzy]), len(fuzzy)


def problems() -> list[str]:
    found = []
    for area in AREAS:
        for language in TRANSLATED:
            current = read_po(area, language)
            if current is None:
                found.append(f"{po_path(area, language).relative_to(ROOT)} is missing")
                continue
            fresh = updated(area, language)
            known = {m.id for m in current if m.id}
            new = [m.id for m in fresh if m.id and m.id not in known]
            if new:
                found.append(f"{area}/{language}: {len(new)} text(s) not in the catalog yet, e.g. {new[0]!r}")
            total, translated, _fuzzy = statistics(fresh)
            if translated < total:
                missing = total - translated
                found.append(f"{area}/{language}: {missing} of {total} text(s) untranslated or fuzzy")
            mo = po_path(area, language).with_suffix(".mo")
            if not compiled_is_current(mo, current):
                found.append(f"{mo.relative_to(ROOT)} is stale (compile it)")
    return found


def main(argv: list[str]) -> int:
    if "--area" in argv:  # only one part's catalogs (domain, ui or cli)
        wanted = argv[argv.index("--area") + 1]
        for name in list(AREAS):
            if name != wanted:
                del AREAS[name]
    if "--check" in argv:
        found = problems()
        for problem in found:
            print(f"i18n: {problem} (run python3 packaging/i18n.py)")
        if not found:
            for area in AREAS:
                for language in TRANSLATED:
                    total, translated, _fuzzy = statistics(read_po(area, language))
                    print(f"i18n: {area}/{language}: {translated} of {total} translated (100%)")
        return 1 if found else 0
    for area in AREAS:
        for language in TRANSLATED:
            catalog = updated(area, language)
            path = po_path(area, language)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(po_bytes(catalog))
            path.with_suffix(".mo").write_bytes(mo_bytes(catalog))
            total, translated, fuzzy = statistics(catalog)
            print(f"{path.relative_to(ROOT)}: {translated} of {total} translated, {fuzzy} fuzzy")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory():
        raise SystemExit(main(sys.argv[1:]))
