#!/usr/bin/env python3
"""Parses an iCalendar feed with Debian's python3-icalendar (the oracle) and
prints one line per VEVENT: UID, DTSTART (ISO), SEQUENCE, LAST-MODIFIED
(ISO), CATEGORIES, SUMMARY, tab-separated. Exits non-zero when the feed does
not parse or an event lacks UID, DTSTAMP, DTSTART, SUMMARY, SEQUENCE or
LAST-MODIFIED."""
import sys

from icalendar import Calendar

with open(sys.argv[1], "rb") as f:
    cal = Calendar.from_ical(f.read())
if cal.get("VERSION") != "2.0" or not cal.get("PRODID"):
    sys.exit("VERSION 2.0 and PRODID required")
for ev in cal.walk("VEVENT"):
    for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "SEQUENCE", "LAST-MODIFIED"):
        if ev.get(prop) is None:
            sys.exit(f"event without {prop}")
    cats = ev.get("CATEGORIES")
    cats = ",".join(str(c) for c in cats.cats) if cats is not None else ""
    print("\t".join([str(ev["UID"]), ev.decoded("DTSTART").isoformat(), str(ev.decoded("SEQUENCE")),
                     ev.decoded("LAST-MODIFIED").isoformat(), cats, str(ev["SUMMARY"])]))
