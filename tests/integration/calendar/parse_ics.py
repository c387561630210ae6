#!/usr/bin/env python3
"""Parses an iCalendar file with Debian's python3-icalendar (the oracle) and
prints one line per VEVENT: UID, DTSTART (ISO), SUMMARY. Exits non-zero when
the file does not parse or an event lacks a required property."""
import sys

from icalendar import Calendar

with open(sys.argv[1], "rb") as f:
    data = f.read()
cal = Calendar.from_ical(data)
if cal.get("VERSION") != "2.0" or not cal.get("PRODID"):
    sys.exit("VERSION 2.0 and PRODID required")
count = 0
for ev in cal.walk("VEVENT"):
    for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        if ev.get(prop) is None:
            sys.exit(f"event without {prop}")
    print(f"{ev['UID']}\t{ev.decoded('DTSTART').isoformat()}\t{ev['SUMMARY']}")
    count += 1
print(f"events\t{count}")
