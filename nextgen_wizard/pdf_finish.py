"""What QPdfWriter does not write, added to its PDF as an incremental update (PDF 1.7, 7.5.6):
the document language in the catalog (/Lang, which screen readers and search use) and a
document outline with one bookmark per step (/Outlines, shown when the file opens).

The original bytes stay as they are; a new catalog, the outline objects, an xref section and
a trailer pointing back (/Prev) are appended. Nothing here parses more than the catalog, the
page tree and the trailer that Qt writes, and anything unexpected leaves the PDF unchanged
(the checks of the one safe writer and of qpdf in CI read the result).
"""

from __future__ import annotations

import re

from .domain.record import Record


class Bookmark(Record, frozen=True):
    """One outline entry: its title, the page (0-based) and the distance from the page's top in points."""

    title: str
    page: int
    top: float


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16BE with its byte order mark, written as hex (any character works)."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _object(data: bytes, number: int) -> bytes | None:
    match = re.search(rb"(?:^|\n)%d 0 obj\s*(<<.*?>>)\s*endobj" % number, data, re.S)
    return match.group(1) if match else None


def finish_pdf(data: bytes, language: str, bookmarks: list[Bookmark]) -> bytes:
    """The PDF with /Lang and an outline added; the same bytes back if its structure is not the
    simple one QPdfWriter writes."""
    trailer_at = data.rfind(b"trailer")
    start = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data)
    if trailer_at < 0 or start is None:
        return data
    trailer = data[trailer_at:start.start()]
    size = re.search(rb"/Size (\d+)", trailer)
    root = re.search(rb"/Root (\d+) 0 R", trailer)
    if size is None or root is None:
        return data
    catalog = _object(data, int(root.group(1)))
    pages_ref = re.search(rb"/Pages (\d+) 0 R", catalog or b"")
    if catalog is None or pages_ref is None or b"/Lang" in catalog or b"/Outlines" in catalog:
        return data
    page_tree = _object(data, int(pages_ref.group(1))) or b""
    kids = re.search(rb"/Kids\s*\[(.*?)\]", page_tree, re.S)
    pages = [int(n) for n in re.findall(rb"(\d+) 0 R", kids.group(1))] if kids else []
    heights = []
    for page in pages:
        media_box = rb"/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s*\]"
        box = re.search(media_box, _object(data, page) or b"")
        heights.append(float(box.group(1)) if box else 792.0)
    marks = [b for b in bookmarks if 0 <= b.page < len(pages)]

    next_number = int(size.group(1))
    objects: dict[int, bytes] = {}
    outline_number = next_number if marks else None
    if marks:
        first, last = next_number + 1, next_number + len(marks)
        head = b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
        objects[next_number] = head % (first, last, len(marks))
        for index, mark in enumerate(marks):
            number = first + index
            top = max(0.0, heights[mark.page] - mark.top)
            links = b"".join([
                b" /Prev %d 0 R" % (number - 1) if index else b"",
                b" /Next %d 0 R" % (number + 1) if index < len(marks) - 1 else b"",
            ])  # fmt: skip
            objects[number] = (
                b"<< /Title " + _text(mark.title) + b" /Parent %d 0 R" % next_number + links
                + b" /Dest [%d 0 R /XYZ null %.1f null] >>" % (pages[mark.page], top)
            )
        next_number = last + 1
    extra = b" /Lang " + _text(language)
    if outline_number is not None:
        extra += b" /Outlines %d 0 R /PageMode /UseOutlines" % outline_number
    objects[int(root.group(1))] = catalog[: catalog.rfind(b">>")].rstrip() + extra + b" >>"

    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    keep = re.search(rb"/Info \d+ 0 R", trailer)
    ids = re.search(rb"/ID\s*\[[^\]]*\]", trailer)
    out += b"trailer\n<< /Size %d /Root %s 0 R" % (next_number, root.group(1))
    out += (b" " + keep.group(0) if keep else b"") + (b" " + ids.group(0) if ids else b"")
    out += b" /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (start.group(1), xref_at)
    return bytes(out)
