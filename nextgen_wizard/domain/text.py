"""Text from users and files, made safe to show: no terminal escapes, no bidi tricks, sane length."""

from __future__ import annotations

import re

from .i18n import _

MAX_TEXT_LENGTH = 200  # a name, a firm, a login: anything longer was pasted by mistake

# Control characters (Unicode category Cc: ESC, BEL, ...), lone surrogates (Cs), and the
# bidirectional embedding/override/isolate controls that reorder what a reader sees (Trojan Source).
# Patterns, compiled by `re` on first use and kept in its cache (compiling both costs 0.7 ms, which
# a start-up that shows no outside text need not pay).
_UNSAFE = "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
_SURROGATE = "[\ud800-\udfff]"


def clean_text(text: str, *, keep_lines: bool = False) -> str:
    """`text` without control, surrogate or bidi-override characters.

    Tabs and line breaks become spaces, or stay with `keep_lines` (a whole document for a terminal).
    """
    kept = "\n\t" if keep_lines else ""
    if text.isprintable() or (keep_lines and _printable_but_for(text, kept)):
        return text  # (every _UNSAFE character is unprintable)
    if not re.search(_UNSAFE, text):  # e.g. a no-break space: unprintable to Python, and harmless
        return text

    def replace(match: re.Match[str]) -> str:
        character = match.group()
        return character if character in kept else " " if character in "\t\n\r" else ""

    return re.sub(_UNSAFE, replace, text)


def _printable_but_for(text: str, kept: str) -> bool:
    """Whether only characters in `kept` make `text` unprintable: a whole document is checked
    without the pattern (compiling it is ~1 ms of a headless command, and most documents hold
    nothing it would find)."""
    for character in kept:
        text = text.replace(character, "")
    return text.isprintable()


def text_problem(text: str, limit: int = MAX_TEXT_LENGTH) -> str | None:
    """Why `text` cannot be an answer, or None."""
    if len(text) > limit:
        # Translators: follows a field's name ("filer.name: is 250 characters long; ...").
        return _("is {length} characters long; at most {limit} are kept").format(
            length=f"{len(text):,}", limit=limit
        )
    if not text.isprintable() and re.search(_SURROGATE, text):
        # Translators: follows a field's name ("filer.name: contains ...").
        return _("contains characters that are not valid text (a broken copy and paste?)")
    return None
