"""Print, preview and PDF of the checklist, with Qt's own printing (QTextDocument + QPdfWriter).

The document is laid out once for the target page size, steps are kept whole on a page,
and every page gets the same footer: version, page number, disclaimer.
"""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from .. import __version__
from ..domain.i18n import _, current_language
from ..domain.record import Record
from ..domain.render import DISCLAIMER
from ..domain.render_html import KEEP_ANCHOR
from ..pdf_finish import Bookmark, finish_pdf

PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
MARGIN_MM = 18.0
BODY_FONT = QFont("DejaVu Sans", 10)


class PrintOptions(Record, frozen=True):
    """How the checklist PDF is printed: paper size, a banner on every page, the author."""

    page: str = "letter"  # US Letter by default; "a4" selectable
    banner: str | None = None  # e.g. the demo mode's "DEMO - nothing is saved", on every page
    author: str | None = None  # the filer's name, as the PDF's author (else the app)


PLAIN = PrintOptions()

def default_pdf_name(as_of: date) -> str:
    return f"NextGen-checklist-{as_of.isoformat()}.pdf"


def _page_layout(options: PrintOptions) -> QPageLayout:
    return QPageLayout(
        QPageSize(PAGE_SIZES[options.page]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def _unit_starts(doc: QTextDocument) -> list[int]:
    """Block numbers where a step or closing section begins (its heading carries a keep anchor)."""
    starts = []
    block = doc.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            names = iterator.fragment().charFormat().anchorNames()
            if any(name.startswith(KEEP_ANCHOR) for name in names):
                starts.append(block.blockNumber())
                break
            iterator += 1
        block = block.next()
    return starts


def _keep_units_whole(doc: QTextDocument) -> None:
    """Move a step or section to the next page when it would be split (and it fits on one page)."""
    layout = doc.documentLayout()
    layout.documentSize()  # lays out the whole document now (Qt otherwise finishes it lazily)
    page_height = doc.pageSize().height()
    starts = _unit_starts(doc)
    ends = [s - 1 for s in starts[1:]] + [doc.blockCount() - 2]  # the last block is the footer line
    for start, end in zip(starts, ends, strict=True):
        top = layout.blockBoundingRect(doc.findBlockByNumber(start)).top()
        bottom = layout.blockBoundingRect(doc.findBlockByNumber(max(start, end))).bottom()
        first_page, last_page = int(top // page_height), int((bottom - 1) // page_height)
        if first_page != last_page and bottom - top < page_height:
            cursor = QTextCursor(doc.findBlockByNumber(start))
            fmt = QTextBlockFormat()
            fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.mergeBlockFormat(fmt)
            layout.documentSize()  # relayout before the next one is measured


def _no_ligatures(doc: QTextDocument) -> None:
    """Plain letters, not ligature glyphs: "fi" in "file" and "firm" stays two letters, so searching
    and copying the PDF's text finds the words."""
    features = QTextCharFormat()
    features.setFontFeatures({QFont.Tag("liga"): 0, QFont.Tag("clig"): 0})
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(features)


def layout_document(html: str, device: QPagedPaintDevice, footer_height: float) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(BODY_FONT)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    _no_ligatures(doc)
    doc.documentLayout().setPaintDevice(device)
    body = device.pageLayout().paintRectPixels(_dpi(device))
    doc.setPageSize(QSizeF(body.width(), body.height() - footer_height))
    _keep_units_whole(doc)
    doc.documentLayout().documentSize()
    return doc


def _dpi(device: QPagedPaintDevice) -> int:
    """QPdfWriter and QPrinter both have resolution(); Qt's type stubs only know it on each of them."""
    return int(cast(Any, device).resolution())


def _footer_height(device: QPagedPaintDevice) -> float:
    return 3 * 9 * _dpi(device) / 72  # three lines of 9 pt


def _bookmarks(doc: QTextDocument, dpi: int) -> list[Bookmark]:
    """One outline entry per step and closing section: the headings that carry a keep anchor."""
    layout = doc.documentLayout()
    page_height = doc.pageSize().height()
    found = []
    for start in _unit_starts(doc):
        block = doc.findBlockByNumber(start)
        top = layout.blockBoundingRect(block).top()
        page = int(top // page_height)
        points = MARGIN_MM * 72 / 25.4 + (top - page * page_height) * 72 / dpi
        title = " ".join(block.text().replace("\u2610", "").replace("\u2611", "").split())
        found.append(Bookmark(title, page, points))
    return found


def paint_pages(
    html: str, device: QPagedPaintDevice, options: PrintOptions, bookmarks: list[Bookmark] | None = None
) -> int:
    """Lay out and paint every page on a printer or PDF writer; returns the page count. With a
    `bookmarks` list, it is filled with the steps' places for the PDF's outline."""
    device.setPageLayout(_page_layout(options))
    footer = _footer_height(device)
    doc = layout_document(html, device, footer)
    pages = doc.pageCount()
    if bookmarks is not None:
        bookmarks += _bookmarks(doc, _dpi(device))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(errno.EACCES, "the file or printer could not be opened for writing")
    try:
        for page in range(pages):
            if page:
                device.newPage()
            _paint_page(painter, doc, page, footer, options)
    finally:
        painter.end()
    return pages


def _paint_page(
    painter: QPainter, doc: QTextDocument, page: int, footer: float, options: PrintOptions
) -> None:
    """One page: its slice of the document, then the footer (version, page x of y, disclaimer)."""
    height, width = doc.pageSize().height(), doc.pageSize().width()
    painter.save()
    painter.translate(0, -page * height)
    # Half a device pixel inside the page on both edges: a line that starts exactly at the next
    # page's top (or ends at this page's top) is not drawn clipped here, where it would be invisible
    # but still in the PDF's text for copy-paste and screen readers.
    doc.drawContents(painter, QRectF(0, page * height + 0.5, width, height - 1))
    painter.restore()
    small = QFont(BODY_FONT)
    small.setPointSizeF(8)
    small.setFeature(QFont.Tag("liga"), 0)
    painter.setFont(small)
    # Translators: the footer of every printed page; {disclaimer} is the checklist's disclaimer.
    text = _("NextGen Ready {version} - Page {page} of {pages} - {disclaimer}").format(
        version=__version__, page=page + 1, pages=doc.pageCount(), disclaimer=_(DISCLAIMER)
    )
    if options.banner:
        text = f"{options.banner} - {text}"
    painter.drawText(
        QRectF(0, height + footer / 3, width, footer * 2 / 3),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
        text,
    )


def xmp_metadata(title: str, author: str, language: str = "en-US") -> bytes:
    """The PDF's XMP: title, author, language (for assistive technology) and the app that made it.

    Qt cannot write a tagged PDF (structure for screen readers); the checklist's HTML export has
    real headings and lists for that (docs/accessibility.md).
    """
    from xml.sax.saxutils import escape

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
      xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>NextGen Ready {escape(__version__)}</xmp:CreatorTool>
   <pdf:Producer>NextGen Ready {escape(__version__)} (Qt)</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def _pdf_language() -> str:
    """The PDF's language tag: the checklist is in the app's language (pseudo text is English)."""
    return "es" if current_language() == "es" else "en-US"


def pdf_bytes(html: str, options: PrintOptions = PLAIN) -> tuple[bytes, int]:
    """The checklist as PDF in memory (fonts embedded by QPdfWriter) and its page count.

    Made in memory so the one safe writer puts it on disk: a failed write never leaves half a PDF.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    title = _("NextGen CM/ECF checklist") + (f" - {options.author}" if options.author else "")
    author = options.author or "NextGen Ready"
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator(f"NextGen Ready {__version__}")
    writer.setDocumentXmpMetadata(
        xmp_metadata(title, author, _pdf_language())
    )  # with the document's language
    bookmarks: list[Bookmark] = []
    pages = paint_pages(html, writer, options, bookmarks)
    del writer  # finishes the file
    buffer.close()
    # What Qt does not write: the catalog's /Lang and an outline with one bookmark per step.
    return finish_pdf(bytes(data.data()), _pdf_language(), bookmarks), pages


def save_pdf(html: str, path: Path, options: PrintOptions = PLAIN, *, overwrite: bool = True) -> int:
    """Write the checklist as PDF through the safe writer; returns the page count."""
    from ..export_writer import write_export

    data, pages = pdf_bytes(html, options)
    write_export(path, data, "pdf", overwrite=overwrite)
    return pages


def first_page_image(html: str, options: PrintOptions = PLAIN, dpi: int = 110) -> QImage:
    """Page 1 as it prints, for the docs' screenshot: rendered through a temporary PDF layout."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        writer = QPdfWriter(os.path.join(folder, "layout.pdf"))
        writer.setResolution(dpi)
        writer.setPageLayout(_page_layout(options))
        footer = _footer_height(writer)
        doc = layout_document(html, writer, footer)
        full = writer.pageLayout().fullRectPixels(dpi)
        image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        margins = writer.pageLayout().marginsPixels(dpi)
        painter = QPainter(image)
        painter.translate(margins.left(), margins.top())
        _paint_page(painter, doc, 0, footer, options)
        painter.end()
        writer.newPage()
    return image


def ensure_gui_app() -> None:
    """PDF export needs a QGuiApplication (fonts); headless, use the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([])
