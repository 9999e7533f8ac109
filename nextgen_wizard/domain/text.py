"""Text from users and files, made safe to show: no terminal escapes, no bidi tricks, sane length."""

from __future__ import annotations

import unicodedata

from .i18n import _

MAX_TEXT_LENGTH = 200  # a name, a firm, a login: anything longer was pasted by mistake

# Bidirectional embedding/override/isolate controls reorder what a reader sees (Trojan Source).
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _unsafe(character: str) -> bool:
    if character in _BIDI_CONTROLS:
        return True
    category = unicodedata.category(character)
    return category == "Cc" or category == "Cs"  # control characters (ESC, BEL, ...) and lone surrogates


def clean_text(text: str, *, keep_lines: bool = False) -> str:
    """`text` without control, surrogate or bidi-override characters.

    Tabs and line breaks become spaces, or stay with `keep_lines` (a whole document for a terminal).
    """
    if not any(_unsafe(c) for c in text):
        return text
    kept = "\n\t" if keep_lines else ""
    return "".join(
        c if c in kept else " " if c in "\t\n\r" else c for c in text if c in "\t\n\r" or not _unsafe(c)
    )


def text_problem(text: str, limit: int = MAX_TEXT_LENGTH) -> str | None:
    """Why `text` cannot be an answer, or None."""
    if len(text) > limit:
        # Translators: follows a field's name ("filer.name: is 250 characters long; ...").
        return _("is {length} characters long; at most {limit} are kept").format(
            length=f"{len(text):,}", limit=limit
        )
    if any(unicodedata.category(c) == "Cs" for c in text):
        # Translators: follows a field's name ("filer.name: contains ...").
        return _("contains characters that are not valid text (a broken copy and paste?)")
    return None
