"""Checklist exports (PDF, HTML, text, JSON, calendar) written through the one safe writer.

Each format is read back and checked before it replaces anything: a PDF must have its header,
pages and end marker, a calendar must parse, JSON must load, text must be UTF-8 text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from .domain.i18n import _
from .storage.files import WriteError, write_file


class ExportError(OSError):
    """The export was not written and nothing was replaced; str() says why."""


def _pdf_problem(data: bytes) -> str | None:
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return _("the PDF came out incomplete")
    if not re.search(rb"/Type\s*/Page\b", data):
        return _("the PDF has no pages")
    return None


def _ics_problem(data: bytes) -> str | None:
    from icalendar import Calendar

    try:
        Calendar.from_ical(data)
    except ValueError as error:
        return _("the calendar file does not read back ({reason})").format(reason=error)
    return None


def _text_problem(data: bytes) -> str | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _("the text is not UTF-8")
    return None


def _json_problem(data: bytes) -> str | None:
    try:
        json.loads(data)
    except ValueError:
        return _("the JSON does not read back")
    return None


CHECKS: dict[str, Callable[[bytes], str | None]] = {
    "pdf": _pdf_problem,
    "ics": _ics_problem,
    "text": _text_problem,
    "html": _text_problem,
    "json": _json_problem,
}


def write_export(path: Path, data: bytes, fmt: str, *, overwrite: bool) -> None:
    """Write one export, checked for its format; ExportError with the reason when nothing was written."""
    try:
        write_file(path, data, overwrite=overwrite, check=CHECKS[fmt])
    except WriteError as error:
        raise ExportError(str(error)) from None
