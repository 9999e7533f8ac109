"""Newer court data: download PACER's public court lookup feed when asked, keep a checked copy.

The only network use in the app (docs/court-data.md). Nothing is fetched unless the user asks
(`nextgen-wizard courts --update`, or View > Check for newer court data... in the wizard), and
firm policy can turn it off (courts.updates = false) or name another address (courts.update_url).

Fetching: urllib from the standard library, TLS verified with the system's certificates
(the default SSL context), a time limit for the whole download, a size cap, https only
(plain http is allowed only to this computer's loopback address, for tests and local mirrors;
redirects are held to the same rule). The body is untrusted: domain/court_diff.py checks it.

Keeping: the accepted copy goes through the one safe writer into the per-user data folder as
court-data.json, with the day it was fetched, the address and a SHA-256 of its catalog. IT may
place the same file in the site config folder for every user. The app uses the newest valid
copy; the data shipped with the app is the floor, and a damaged copy is ignored and reported.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from .. import APP_NAME, __version__
from ..domain.courts import Catalog, catalog_from_data, load_catalog
from ..domain.i18n import _, ngettext
from ..domain.record import Record, field
from ..domain.resources import resource_path
from .files import ReadError, WriteError, read_file, write_file
from .paths import AppPaths, make_private_dir

STORED_NAME = "court-data.json"
STORED_FORMAT = 1
MAX_STORED_BYTES = 4_000_000
DEFAULT_TIMEOUT = 30.0  # seconds for the whole download
TIMEOUT_VARIABLE = "NEXTGEN_WIZARD_COURT_TIMEOUT"  # tests make it short

# Kept in step with domain/court_diff.py (imported only when a download is asked for: start-up
# pays for no network or feed-cleaning module).
FEED_URL = "https://pacer.uscourts.gov/file-case/court-cmecf-lookup/data.json"
MAX_FEED_BYTES = 8_000_000
MIN_SHARE_OF_KNOWN = 0.9

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know the name)
if TYPE_CHECKING:
    import urllib.request

    from ..domain.court_diff import CatalogDiff

__all__ = ["CourtData", "CourtUpdate", "CourtUpdateError", "WriteError"]


class CourtUpdateError(Exception):
    """No new court data: str() is one sentence saying why; the data in use is unchanged."""


class CourtData(Record, frozen=True):
    """The court data in use and which copy it is."""

    catalog: Catalog
    path: Path | None = None  # None: shipped with the app
    url: str = ""  # the address the copy was fetched from
    software: dict[str, str] | None = None  # None: not recorded (the shipped data)
    problems: tuple[str, ...] = ()  # stored copies that were ignored, with the reason


class CourtUpdate(Record):
    """A checked download, not yet in use: `summary` says what would change."""

    url: str
    fetched: str  # YYYY-MM-DD
    catalog: Catalog
    data: dict
    software: dict[str, str]
    feed_url: str
    diff: CatalogDiff
    summary: list[str] = field(default_factory=list)


# ---- where from -----------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def urlparse(url: str):  # -> urllib.parse.ParseResult; imported when an address is checked
    from urllib.parse import urlparse as parse

    return parse(url)


def address_problem(url: str) -> str | None:
    """Why the app will not download from this address, or None."""
    try:
        parts = urlparse(url)
        host = parts.hostname or ""
    except ValueError:
        return _('"{url}" is not a web address').format(url=url)
    if parts.scheme == "https" and host:
        return None
    if parts.scheme == "http" and host and is_loopback(host):
        return None
    if parts.scheme == "http":
        return _("{url} is plain http: court data is downloaded only over https").format(url=url)
    return _('"{url}" is not an https address').format(url=url)


def update_address(policy_url: str | None, current: CourtData) -> str:
    """The firm's address if its policy names one, else the address the feed names for itself."""
    if policy_url:
        return policy_url
    named = current.url if current.path is not None else ""
    host = (urlparse(named).hostname or "").lower() if named else ""
    if named.startswith("https://") and (host == "uscourts.gov" or host.endswith(".uscourts.gov")):
        return named
    return FEED_URL


# ---- downloading ----------------------------------------------------------------------------


def _opener(url: str) -> urllib.request.OpenerDirector:
    import ssl
    import urllib.request

    class CheckedRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            problem = address_problem(newurl)
            if problem:
                raise CourtUpdateError(
                    _("The address redirected to one the app will not use: {problem}.").format(
                        problem=problem
                    )
                )
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    handlers: list[urllib.request.BaseHandler] = [
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),  # certificates verified
        CheckedRedirects(),
    ]
    if is_loopback(urlparse(url).hostname or ""):
        handlers.append(urllib.request.ProxyHandler({}))  # this computer itself: never via a proxy
    return urllib.request.build_opener(*handlers)


def _proxy_for(url: str) -> str | None:
    import urllib.request

    scheme = urlparse(url).scheme
    host = urlparse(url).hostname or ""
    if is_loopback(host) or urllib.request.proxy_bypass(host):
        return None
    return urllib.request.getproxies().get(scheme)


def _why(error: BaseException, url: str, timeout: float) -> str:
    """One sentence for a failed download."""
    import socket
    import ssl
    import urllib.error

    host = urlparse(url).hostname or url
    proxy = _proxy_for(url)
    if isinstance(error, urllib.error.HTTPError):
        if error.code == 407:
            if proxy:
                return _("The proxy {proxy} asks for a login the app does not have (HTTP 407).").format(
                    proxy=proxy
                )
            return _("The proxy in use asks for a login the app does not have (HTTP 407).")
        return _("{host} answered with an error (HTTP {code} {reason}).").format(
            host=host, code=error.code, reason=error.reason
        )
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        return _("{host} did not answer within {seconds} seconds.").format(host=host, seconds=f"{timeout:g}")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return _(
            "The secure connection to {host} could not be verified ({reason}): a proxy or "
            "a Wi-Fi sign-in page may be in the way."
        ).format(host=host, reason=reason.verify_message)
    if isinstance(reason, ssl.SSLError):
        return _("The secure connection to {host} failed ({reason}).").format(
            host=host, reason=reason.reason or reason
        )
    if proxy:
        return _("The proxy {proxy} could not be reached or refused the connection ({reason}).").format(
            proxy=proxy, reason=_short(reason)
        )
    if isinstance(reason, socket.gaierror):
        return _(
            "{host} could not be found: this computer seems to be offline (no network or no DNS)."
        ).format(host=host)
    if isinstance(reason, ConnectionRefusedError):
        return _("{host} refused the connection.").format(host=host)
    if isinstance(reason, ConnectionError):
        return _("The connection to {host} was broken off ({reason}).").format(
            host=host, reason=_short(reason)
        )
    return _("{host} could not be reached ({reason}).").format(host=host, reason=_short(reason))


def _short(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def fetch(url: str, *, timeout: float, cap: int = MAX_FEED_BYTES) -> bytes:
    """The body at `url`, whole, within `timeout` seconds for the WHOLE download (not per read: a
    server that drips a byte a second is stopped at the deadline) and `cap` bytes; else
    CourtUpdateError."""
    import threading

    outcome: dict[str, object] = {}

    def download() -> None:
        try:
            outcome["body"] = _fetch(url, timeout=timeout, cap=cap)
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=download, name="court-data-download", daemon=True)
    worker.start()
    worker.join(timeout + 0.5)  # the socket's own time-outs end the worker soon after
    if worker.is_alive():
        raise CourtUpdateError(_late(url, timeout))
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["body"]  # type: ignore[return-value]


def _late(url: str, timeout: float) -> str:
    return _("{host} did not send the court list within {seconds} seconds.").format(
        host=urlparse(url).hostname, seconds=f"{timeout:g}"
    )


def _fetch(url: str, *, timeout: float, cap: int) -> bytes:
    import time
    import urllib.error
    import urllib.request

    problem = address_problem(url)
    if problem:
        raise CourtUpdateError(
            _("The app will not download from this address: {problem}.").format(problem=problem)
        )
    request = urllib.request.Request(
        url, headers={"User-Agent": f"{APP_NAME}/{__version__}", "Accept": "application/json"}
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener(url).open(request, timeout=timeout) as response:
            kind = (response.headers.get_content_type() or "").lower()
            if kind == "text/html":
                raise CourtUpdateError(
                    _(
                        "The address sent a web page instead of the court list: a Wi-Fi sign-in page, "
                        "a proxy or a firewall may be in the way."
                    )
                )
            declared = response.headers.get("Content-Length")
            length = int(declared) if declared and declared.isdigit() else None
            if length is not None and length > cap:
                raise CourtUpdateError(_too_big(cap))
            chunks: list[bytes] = []
            total = 0
            while True:
                if time.monotonic() > deadline:
                    raise CourtUpdateError(_late(url, timeout))
                chunk = response.read1(65536)  # what has arrived: the deadline is checked often
                if not chunk:
                    break
                total += len(chunk)
                if total > cap:
                    raise CourtUpdateError(_too_big(cap))
                chunks.append(chunk)
    except CourtUpdateError:
        raise
    except (urllib.error.URLError, OSError) as error:
        raise CourtUpdateError(_why(error, url, timeout)) from None
    except Exception as error:  # http.client's IncompleteRead, BadStatusLine, ...
        if type(error).__name__ == "IncompleteRead":
            raise CourtUpdateError(_cut_off()) from None
        raise CourtUpdateError(
            _("The download failed ({error}).").format(error=type(error).__name__)
        ) from None
    if length is not None and total < length:
        raise CourtUpdateError(_cut_off())
    return b"".join(chunks)


def _too_big(cap: int) -> str:
    return _("The download passed {cap:,} bytes, far larger than the court list, so it was stopped.").format(
        cap=cap
    )


def _cut_off() -> str:
    return _("The download was cut off before its end (the connection dropped).")


def default_timeout() -> float:
    try:
        value = float(os.environ.get(TIMEOUT_VARIABLE, ""))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if 0 < value <= 600 else DEFAULT_TIMEOUT


def shipped_overrides() -> dict:
    return json.loads(resource_path("resources", "court_overrides.json").read_text(encoding="utf-8"))


def check_for_update(
    url: str, current: CourtData, *, today: date, timeout: float | None = None, cap: int = MAX_FEED_BYTES
) -> CourtUpdate:
    """Download and check PACER's court list; nothing is kept or used yet."""
    from ..domain.court_diff import FeedRejected, accept_feed, diff_catalogs, summary_lines

    seconds = timeout if timeout is not None else default_timeout()
    body = fetch(url, timeout=seconds, cap=cap)
    fetched = today.isoformat()
    try:
        accepted = accept_feed(body, shipped_overrides(), current.catalog, fetched=fetched)
    except FeedRejected as error:
        raise CourtUpdateError(str(error)) from None
    diff = diff_catalogs(current.catalog, accepted.catalog, current.software, accepted.software)
    diff.refused = list(accepted.data.get("refused", []))
    known = current.software is not None
    summary = summary_lines(diff, current.catalog, accepted.catalog, software_known=known)
    return CourtUpdate(
        url, fetched, accepted.catalog, accepted.data, accepted.software, accepted.url, diff, summary
    )


# ---- keeping and finding the copy -----------------------------------------------------------


def _sha256(data: bytes) -> str:
    import hashlib  # only when court data is downloaded or a stored copy is read: not at every start

    return hashlib.sha256(data).hexdigest()


def _catalog_bytes(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def stored_record(update: CourtUpdate) -> bytes:
    record = {
        "format": STORED_FORMAT,
        "fetched": update.fetched,
        "url": update.url,
        "feed_url": update.feed_url,
        "catalog_sha256": _sha256(_catalog_bytes(update.data)),
        "software": update.software,
        "catalog": update.data,
    }
    return (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def keep_update(update: CourtUpdate, paths: AppPaths) -> Path:
    """Store the accepted copy in the per-user data folder (WriteError: nothing was replaced)."""
    target = paths.data / STORED_NAME
    try:
        make_private_dir(paths.data)
    except OSError as error:
        why = error.strerror or error
        raise WriteError(
            _("{path} was not written: {why}. Nothing was replaced.").format(path=target, why=why)
        ) from None

    def check(written: bytes) -> str | None:
        try:
            _read_record(written, shipped=None)
        except ValueError as error:
            return _("it did not read back ({reason})").format(reason=error)
        return None

    write_file(target, stored_record(update), check=check, mode=0o644)
    return target


def _read_record(raw: bytes, shipped: Catalog | None) -> tuple[Catalog, dict]:
    """The catalog in a stored copy, or ValueError saying why it cannot be used."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ValueError(_("it is not valid JSON")) from None
    if not isinstance(record, dict) or record.get("format") != STORED_FORMAT:
        raise ValueError(_("it is not a court data file of this app's format"))
    data = record.get("catalog")
    if not isinstance(data, dict):
        raise ValueError(_("it holds no court list"))
    if _sha256(_catalog_bytes(data)) != record.get("catalog_sha256"):
        raise ValueError(_("its SHA-256 does not match: it was changed or damaged after it was downloaded"))
    fetched = record.get("fetched")
    if not isinstance(fetched, str) or not _is_iso_day(fetched):
        raise ValueError(_("it does not say when it was downloaded"))
    try:
        catalog = catalog_from_data(data, fetched=fetched)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError(_("its court list cannot be read ({error})").format(error=repr(error))) from None
    if shipped is not None and len(catalog) < int(len(shipped) * MIN_SHARE_OF_KNOWN):
        count = len(catalog)
        raise ValueError(
            ngettext("it lists only {n} court", "it lists only {n} courts", count).format(n=count)
        )
    return catalog, record


def _is_iso_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def stored_copies(paths: AppPaths) -> list[Path]:
    """Where an accepted copy may be: this user's data folder, then one IT placed for every user."""
    return [paths.data / STORED_NAME, paths.site_config / STORED_NAME]


def current_court_data(paths: AppPaths | None, shipped: Catalog | None = None) -> CourtData:
    """The newest valid court data: a stored copy when one is valid and newer, else what was shipped."""
    shipped = shipped or load_catalog()
    best = CourtData(shipped)
    if paths is None:
        return best
    ignored: list[tuple[Path, str]] = []
    for path in stored_copies(paths):
        try:
            raw = read_file(path, MAX_STORED_BYTES)
            catalog, record = _read_record(raw, shipped)
        except FileNotFoundError:
            continue
        except (ReadError, OSError, ValueError) as error:
            ignored.append((path, str(error)))
            continue
        if catalog.feed_date < shipped.feed_date:
            continue  # older than what this version of the app ships: the shipped data is the floor
        made_with = str(record["catalog"].get("overrides_checked") or "")
        if made_with < str(shipped_overrides().get("checked") or ""):
            ignored.append(
                (path, _("it was made with older reviewed court corrections than this version has"))
            )
            continue
        if (catalog.feed_date, catalog.fetched) > (best.catalog.feed_date, best.catalog.fetched):
            software = record.get("software")
            best = CourtData(
                catalog,
                path,
                str(record.get("feed_url") or record.get("url") or ""),
                {str(k): str(v) for k, v in software.items()} if isinstance(software, dict) else {},
            )
    problems = tuple(
        _(
            "The court data file {path} was ignored ({why}); the app uses {data}. "
            "Check for newer court data to replace it."
        ).format(path=path, why=why, data=best.catalog.describe())
        for path, why in ignored
    )
    return CourtData(best.catalog, best.path, best.url, best.software, problems)
