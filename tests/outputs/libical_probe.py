"""Run with the SYSTEM python3 (Debian's gir1.2-ical-3.0 and python3-gi): read each .ics file with
libical, the library Evolution and many calendar servers use, and print what it found as JSON:
events, UIDs, summaries and the number of errors libical reports (after its own RFC 5545
restriction check). Merging: every file's events put into one calendar, as a shared calendar does."""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

KIND = ICalGLib.ComponentKind


def read(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    calendar = ICalGLib.Component.new_from_string(text)
    if calendar is None:
        return {"parsed": False}
    calendar.check_restrictions()
    errors = calendar.count_errors()
    events = []
    event = calendar.get_first_component(KIND.VEVENT_COMPONENT)
    while event is not None:
        errors += event.count_errors()
        alarms = 0
        alarm = event.get_first_component(KIND.VALARM_COMPONENT)
        while alarm is not None:
            alarms += 1
            alarm = event.get_next_component(KIND.VALARM_COMPONENT)
        events.append({"uid": event.get_uid(), "summary": event.get_summary(), "alarms": alarms,
                       "start": event.get_dtstart().as_ical_string()})
        event = calendar.get_next_component(KIND.VEVENT_COMPONENT)
    return {"parsed": True, "errors": errors, "events": events}


def merged(paths: list[str]) -> dict:
    """One shared calendar: events added by UID, a later import replacing an earlier one."""
    by_uid: dict[str, str] = {}
    for path in paths:
        for event in read(path).get("events", []):
            by_uid[event["uid"]] = event["summary"]
    return {"events": len(by_uid), "summaries": sorted(by_uid.values())}


if __name__ == "__main__":
    files = sys.argv[1:]
    print(json.dumps({"files": {path: read(path) for path in files}, "merged": merged(files)}))
