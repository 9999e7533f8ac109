"""What clean_text takes out of text shown to a user, checked over every code point."""

import unicodedata

from nextgen_wizard.domain.text import clean_text, text_problem

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def _should_go(character: str) -> bool:
    return character in BIDI_CONTROLS or unicodedata.category(character) in ("Cc", "Cs")


def test_every_control_surrogate_and_bidi_character_is_removed_and_nothing_else() -> None:
    wrong = []
    for point in range(0x110000):
        character = chr(point)
        if character in "\t\n\r":
            continue
        cleaned = clean_text(f"a{character}b")
        if cleaned != ("ab" if _should_go(character) else f"a{character}b"):
            wrong.append(hex(point))
        document = clean_text(f"a\n\t{character}b", keep_lines=True)
        if document != ("a\n\tb" if _should_go(character) else f"a\n\t{character}b"):
            wrong.append(f"{point:#x} in a document")
    assert wrong == []


def test_line_breaks_become_spaces_or_stay_for_a_whole_document() -> None:
    assert clean_text("a\tb\nc\rd\x1b[31m\u202eX") == "a b c d[31mX"
    assert clean_text("a\tb\nc\rd\x1b", keep_lines=True) == "a\tb\nc d"
    assert clean_text("plain text") == "plain text"


def test_a_lone_surrogate_is_a_problem_and_a_long_text_is_named() -> None:
    assert text_problem("ok") is None
    assert "not valid text" in (text_problem("a\ud800b") or "")
    assert "201" in (text_problem("x" * 201) or "")
