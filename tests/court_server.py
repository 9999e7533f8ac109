"""A court-list server for the updater's tests: 127.0.0.1 only, port 0, stopped by the test.

Each route is a canned answer: the shipped feed, a changed one, a truncated one, a web page,
a slow one, a huge one, an HTTP error. Nothing here loops: one answer per request.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.helpers import ROOT, linux_ci

FEED_PATH = ROOT.parent / "shared" / "data" / "pacer-court-lookup-2023-01-10.json"


def feed_bytes() -> bytes:
    """The 2023 feed beside the checkout; CI must have it, elsewhere the test is skipped."""
    if not FEED_PATH.exists():
        if linux_ci():
            pytest.fail(f"CI must have the PACER feed beside the checkout ({FEED_PATH.name})")
        pytest.skip("the PACER feed is not beside this checkout")
    return FEED_PATH.read_bytes()


def changed_feed(
    base: bytes, *, date: str = "Mon, 01 Mar 2027 06:00:00 -0500", software: bool = False
) -> bytes:
    """A court added (zzd), mab's filing address changed, mad's contact changed; optionally ca9's software."""
    feed = json.loads(base)
    feed["meta"]["last_updated"] = date
    data = feed["data"]
    mad = next(e for e in data if e.get("login_url", "").startswith("https://ecf.mad."))
    new = copy.deepcopy(mad)
    new.update(
        court_id="ZZDC",
        title="Test District Court",
        court_name="District of Test",
        login_url="https://ecf.zzd.uscourts.gov",
    )
    data.append(new)
    mab = next(e for e in data if e.get("login_url", "").startswith("https://ecf.mab."))
    mab["login_url"] = "https://ecf.mab.uscourts.gov/cgi-bin/login.pl"
    mad["locations"][-1]["email"] = "NextGenHelp@mad.uscourts.gov"
    if software:
        ca9 = next(e for e in data if e["court_id"] == "09CA")
        ca9["software_version"] = "ACMS 1.2"
    return json.dumps(feed).encode("utf-8")


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    send_length: bool = True
    cut_at: int | None = None  # send only this many bytes of the body, then close
    delay: float = 0.0  # seconds before answering (a slow server)
    location: str | None = None
    drip: float = 0.0  # send the body one byte every this many seconds (a server that drips)


class CourtServer:
    def __init__(self) -> None:
        self.routes: dict[str, Answer] = {}
        self.requests: list[str] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                server.requests.append(self.path)
                answer = server.routes.get(self.path, Answer(404, b"not found", "text/plain"))
                if answer.delay:
                    server.release.wait(answer.delay)
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                if answer.location:
                    self.send_header("Location", answer.location)
                if answer.send_length:
                    self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                body = answer.body if answer.cut_at is None else answer.body[: answer.cut_at]
                with contextlib.suppress(OSError):  # the client gave up (timeout, cap): expected
                    if not answer.drip:
                        self.wfile.write(body)
                        return
                    for index in range(min(len(body), 600)):  # bounded: at most 600 bytes
                        if server.release.wait(answer.drip):
                            return  # the test is over
                        self.wfile.write(body[index : index + 1])
                        self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def __enter__(self) -> CourtServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def write_policy(folder: Path, text: str) -> Path:
    path = folder / "policy.toml"
    path.write_text(text, encoding="utf-8")
    return path
