"""Which language the app starts in when the user chose none: the operating system's."""

from __future__ import annotations

import locale

import pytest

from nextgen_wizard.domain.i18n import system_language


@pytest.fixture
def spanish_c_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locale, "getlocale", lambda *args: ("es_ES", "UTF-8"))


def test_the_environment_names_the_language() -> None:
    assert system_language({"LANG": "es_MX.UTF-8"}) == "es"
    assert system_language({"LANGUAGE": "fr:es", "LANG": "en_US.UTF-8"}) == "es"  # first one we have


def test_a_c_locale_in_the_environment_means_english_as_for_gettext(spanish_c_library: None) -> None:
    assert system_language({"LANG": "C.UTF-8"}) is None
    assert system_language({"LC_ALL": "POSIX"}) is None


def test_with_nothing_in_the_environment_the_c_library_says(spanish_c_library: None) -> None:
    # Windows, or an app started from macOS's Finder: no LANG at all.
    assert system_language({}) == "es"
    assert system_language({"LANG": ""}) == "es"
