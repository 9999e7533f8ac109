"""One policy for everything that comes from outside (PACER's court feed, a mirror of it): which
web addresses, emails and texts the app will show, link or open.

- Addresses: https only, on uscourts.gov or one of its subdomains, parsed the way a browser
  parses them (WHATWG URL: tabs and line breaks removed, backslashes are slashes in http(s)
  addresses, user names before "@" refused, the host in IDNA/punycode form). A court website
  the feed gives as plain http on uscourts.gov is read as its https address (the same host).
- Emails: the domain is exactly uscourts.gov or a subdomain of it (not "fake-uscourts.gov").
- Texts shown (court names, labels): no control characters, no bidi overrides, one line.

The reviewed overrides (resources/court_overrides.json) are not outside input: they are
checked by review, with their sources.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from .i18n import _
from .text import clean_text

COURT_DOMAIN = "uscourts.gov"


_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # what a browser trims from both ends of an address


def _court_host(host: str) -> bool:
    return host == COURT_DOMAIN or host.endswith("." + COURT_DOMAIN)


def browser_url(text: str) -> tuple[str, str, str] | None:
    """(scheme, host, the normalised address) as a browser would read `text`, or None."""
    value = re.sub(r"[\t\n\r]", "", text.strip(_C0_AND_SPACE))
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme in ("http", "https"):
        value = value.replace("\\", "/")  # a browser reads a backslash as a slash in these schemes
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return None
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return None  # https://uscourts.gov@evil.example/ opens evil.example
    try:
        ascii_host = host.encode("idna").decode("ascii").lower() if host else ""
    except UnicodeError:
        return None
    if port not in (None, 443 if scheme == "https" else 80):
        return None
    return scheme, ascii_host, urlunsplit((scheme, ascii_host, parts.path or "/", parts.query, ""))


def court_url(text: str | None) -> tuple[str | None, str | None]:
    """(the address to use, or None; why it was refused, or None)."""
    if not text or not text.strip():
        return None, None
    read = browser_url(text)
    if read is None:
        return None, _("{address} is not a web address a browser would read as given").format(
            address=clean_text(text)[:80]
        )
    scheme, host, address = read
    if not _court_host(host):
        return None, _("{address} is not on uscourts.gov (a browser would open {host})").format(
            address=clean_text(text)[:80], host=host or "-"
        )
    if scheme == "http":
        return "https" + address[len("http") :], None
    if scheme != "https":
        return None, _("{address} is not an https address").format(address=clean_text(text)[:80])
    return address, None


def court_email(email: str) -> bool:
    """The address's domain is exactly uscourts.gov or a subdomain of it."""
    local, at, domain = email.rpartition("@")
    return bool(at and local) and _court_host(domain.lower().rstrip("."))


def shown_text(text: str) -> str:
    """One line, without control characters or bidi overrides."""
    return " ".join(clean_text(text).split())
