#!/usr/bin/env python3
"""Writes config/sample/register.json: the shipped sample register.

Real gemeenten (NIS codes and names from config/refdata), fictitious
cooperations' KBO numbers (valid check digits, not real enterprises) and
fictitious persons (flagged "fictitious": true). Deterministic: running it
again gives the same file. Run from the repository root.
"""
import csv
import json

GEMEENTEN = {r["nis_code"]: r for r in csv.DictReader(open("config/refdata/gemeenten.csv", encoding="utf-8"))}

FIRST = ["An", "Bart", "Celine", "Dirk", "Els", "Filip", "Griet", "Hans", "Ilse", "Jan", "Karen", "Luc", "Marie",
         "Nico", "Olga", "Pieter", "Rita", "Steven", "Tine", "Uma", "Veerle", "Wim", "Yasmine", "Zeger"]
LAST = ["Voorbeeld", "Proefmans", "Testaert", "Fictief", "Demeyer-Proef", "Van Voorbeelde", "De Test", "Oefening"]


def kbo(n):
    base = 700000000 + n * 7919  # 9 digits after the leading 0
    first8 = int(f"0{base}"[:8])
    digits = f"0{base}"[:8]
    return f"{digits[:4]}.{digits[4:7]}.{digits[7]}{97 - first8 % 97:02d}"


persons = []


def person(gender):
    i = len(persons)
    pid = f"p-{i + 1:03d}"
    persons.append({"id": pid, "name": f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST) + i) % len(LAST)]}",
                    "gender": gender, "fictitious": True})
    return pid


def cooperation(cid, name, form, domain, seat, founded, term_end, nis_list, kbo_n):
    members = [{"id": f"{cid}-{nis}", "kind": "gemeente", "nis": nis, "from": founded} for nis in nis_list]
    return {"id": cid, "name": name, "legal_form": form, "domain": domain, "kbo": kbo(kbo_n), "seat_nis": seat,
            "founded": founded, "term_end": term_end, "members": members, "bodies": []}


mandates = []


def board(coop, body_id, body_type, periods, council_prefix, chair_nis, advisory_nis):
    """periods: list of (from, until, decision date): one legislature each."""
    seats = [{"id": f"{body_id}-{m['nis']}", "label": f"zetel {GEMEENTEN[m['nis']]['gemeente']}", "holders": 1,
              "member": m["id"]} for m in coop["members"]]
    seats += [{"id": f"{body_id}-adv-{nis}", "label": f"raadgevend {GEMEENTEN[nis]['gemeente']}", "holders": 1,
               "member": f"{coop['id']}-{nis}"} for nis in advisory_nis]
    coop["bodies"].append({"id": body_id, "type": body_type, "from": coop["founded"], "seats": seats})
    for legislature, (start, end, decided) in enumerate(periods):
        for k, m in enumerate(coop["members"]):
            nis = m["nis"]
            name = GEMEENTEN[nis]["gemeente"]
            role = "voorzitter" if nis == chair_nis else ("ondervoorzitter" if k == 1 else "bestuurder")
            mid = f"{body_id}-{legislature + 1}-{nis}"
            mandate = {"id": mid, "person": person("v" if (k + legislature) % 2 else "m"), "body": body_id,
                       "seat": f"{body_id}-{nis}", "member": m["id"], "role": role, "side": "meerderheid",
                       "fractie": ["CD&V", "N-VA", "Open VLD", "Vooruit", "lokale lijst"][(k + legislature) % 5],
                       "from": start, "decision": {"council": f"gemeenteraad {name}", "date": decided,
                                                   "reference": f"{council_prefix}/{decided[:4]}/{k + 11:03d}"}}
            if end:
                mandate["until"] = end
            mandates.append(mandate)
        for nis in advisory_nis:
            name = GEMEENTEN[nis]["gemeente"]
            mid = f"{body_id}-{legislature + 1}-adv-{nis}"
            mandate = {"id": mid, "person": person("v"), "body": body_id, "seat": f"{body_id}-adv-{nis}",
                       "member": f"{coop['id']}-{nis}", "role": "bestuurder_raadgevend", "side": "oppositie",
                       "fractie": "Groen" if legislature else "Vlaams Belang", "voting": False, "from": start,
                       "decision": {"council": f"gemeenteraad {name}", "date": decided,
                                    "reference": f"{council_prefix}/{decided[:4]}/090"}}
            if end:
                mandate["until"] = end
            mandates.append(mandate)


va = cooperation("igs-cultuur-va", "Cultuurregio Vlaamse Ardennen (voorbeeld)", "projectvereniging", "cultuur",
                 "45035", "2021-01-01", "2026-12-31",
                 ["45035", "45060", "45064", "45062", "45065", "45061", "45059", "45063"], 1)
board(va, "igs-cultuur-va-rvb", "raad_van_bestuur",
      [("2021-01-01", "2024-12-31", "2020-11-23"), ("2025-02-01", None, "2025-01-27")], "GR", "45035", ["45059"])

rupel = cooperation("igs-rupel", "Erfgoed Rupelstreek (voorbeeld)", "interlokale_vereniging", "cultureel_erfgoed",
                    "11038", "2019-07-01", "2030-12-31", ["11018", "11038", "11030", "11005", "11037"], 2)
board(rupel, "igs-rupel-bc", "beheerscomite",
      [("2019-07-01", "2024-12-31", "2019-05-28"), ("2025-03-01", None, "2025-02-24")], "GR", "11038", [])

noordrand = cooperation("igs-noordrand", "Cultuur Noordrand (voorbeeld)", "projectvereniging", "cultuur",
                        "23088", "2022-01-01", "2027-12-31",
                        ["23025", "23088", "23047", "23094", "23038", "23081", "23099", "23103", "23050", "23102",
                         "23096", "23045", "23039"], 3)
board(noordrand, "igs-noordrand-rvb", "raad_van_bestuur",
      [("2022-01-01", "2024-12-31", "2021-11-29"), ("2025-02-15", None, "2025-01-30")], "GR", "23088", ["23094", "23050"])

doc = {
    "format": "igsgov-register",
    "version": 1,
    "note": "Voorbeeldregister: echte gemeenten en inwonersaantallen (Statbel 1/1/2024); samenwerkingsverbanden, "
            "KBO-nummers en personen zijn fictief.",
    "persons": persons,
    "cooperations": [va, rupel, noordrand],
    "mandates": mandates,
}
with open("config/sample/register.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(f"{len(persons)} persons, {len(mandates)} mandates")
