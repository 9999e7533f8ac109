"""One translation mechanism for the whole product: GNU gettext from the standard library.

Why gettext for everything (docs/translation.md): the domain must stay free of Qt, and its texts
(the checklist's steps, the CLI's output) need translating as much as the wizard's; one catalog
format serves both, Babel extracts it, and the compiled catalogs are small. Qt's own dialogs
(file, print) use Qt's shipped translations, loaded by the GUI.

Usage: `_("text")`, `ngettext("one court", "{n} courts", n)`, and `N_("text")` to mark a text
kept in a table and translated where it is shown. Placeholders use str.format names:
`_("Due {date}").format(date=...)`, so a translation can move them.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Mapping

# One catalog per part of the product, so each part's texts can be extracted and translated on its
# own; a lookup tries them in this order.
CATALOGS = ("domain", "ui", "cli")
LANGUAGES = {"en": "English", "es": "Español"}
PSEUDO = "pseudo"  # longer, accented text: finds untranslated strings and text that does not fit

_current = "en"
_chosen = False  # a --lang flag or the user's own choice: a firm's default does not override it
_catalog: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A text whose translation depends on what it is about ("none" of a policy: "ninguna")."""
    return _catalog.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a text for the catalog without translating it here (it is translated where shown)."""
    return message


def current_language() -> str:
    return _current


def normalise_language(code: str | None) -> str | None:
    """"es", "es_PR.UTF-8", "ES-us" -> "es"; "pseudo" kept; None for anything not offered."""
    if not code:
        return None
    code = code.strip().lower()
    if code == PSEUDO:
        return PSEUDO
    base = re.split(r"[_.@-]", code, maxsplit=1)[0]
    return base if base in LANGUAGES else None


def system_language(environ: Mapping[str, str]) -> str | None:
    """The operating system's language, as gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG);
    the C library's locale only where none of these is set (Windows, an app started from macOS's
    Finder). A variable naming "C" or "POSIX" means English, as it does to gettext."""
    named = False
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in environ.get(name, "").split(":"):
            found = normalise_language(part)
            if found:
                return found
            named = named or bool(part.strip())
    if named:
        return None
    import locale

    try:
        return normalise_language(locale.getlocale()[0])
    except ValueError:
        return None


def choose_language(chosen: str | None, environ: Mapping[str, str]) -> str:
    """At start: the language asked for (--lang, or the user's choice in the wizard), else the OS's."""
    global _chosen
    _chosen = normalise_language(chosen) is not None
    return set_language(chosen if _chosen else system_language(environ))


def apply_firm_default(language: str | None) -> str:
    """A firm policy's language, used unless the user chose one (their choice wins)."""
    if language and not _chosen:
        return set_language(language)
    return _current


def set_language(code: str | None, load: Callable[[str], gettext.NullTranslations] | None = None) -> str:
    """Switch every later `_()` to this language ("en", "es" or "pseudo"); returns the one in use."""
    global _current, _catalog
    language = normalise_language(code) or "en"
    if language == "en":
        _catalog = gettext.NullTranslations()
    elif language == PSEUDO:
        _catalog = PseudoTranslations()
    else:
        _catalog = (load or _load_catalog)(language)
    _current = language
    return language


def _load_catalog(language: str) -> gettext.NullTranslations:
    from .resources import resource_path

    try:
        folder = resource_path("resources", "locale")
    except FileNotFoundError:
        return gettext.NullTranslations()
    first: gettext.NullTranslations | None = None
    for name in CATALOGS:
        part = gettext.translation(name, localedir=str(folder), languages=[language], fallback=True)
        if first is None:
            first = part
        else:
            first.add_fallback(part)
    return first or gettext.NullTranslations()


# ---- pseudo-localisation ---------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķľɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Kept as they are: {placeholders}, <tags>, &entities;, %s-style, URLs and the & of access keys.
# (A pattern, compiled by `re` on first use: only pseudo-localisation needs it.)
_PROTECTED = r"\{[^{}]*\}|<[^<>]*>|&[a-zA-Z]+;|&#\d+;|%\(?\w*\)?[sd]|https?://\S+|&(?=\w)"


def pseudo(message: str) -> str:
    """"Save as PDF..." -> "[Šåṽé åš PDF... ~~~~]": every letter accented, about a third longer."""
    parts, last = [], 0
    for match in re.finditer(_PROTECTED, message):
        parts.append(message[last : match.start()].translate(_ACCENTED))
        parts.append(match.group(0))
        last = match.end()
    parts.append(message[last:].translate(_ACCENTED))
    # The padding comes in words of up to eight, so long texts can still wrap as real ones do.
    length = max(2, len(message) // 3)
    padding = " ".join("~" * min(8, length - start) for start in range(0, length, 8))
    return f"[{''.join(parts)} {padding}]"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
