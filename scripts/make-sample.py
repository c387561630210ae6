#!/usr/bin/env python3
"""Writes config/sample/register.json: the shipped sample register.

Real gemeenten (NIS codes and names from config/refdata), fictitious
cooperations' KBO numbers (valid check digits, not real enterprises) and
fictitious persons (flagged "fictitious": true). Deterministic: running it
again gives the same file. Run from the repository root.
"""
import base64
import csv
import hashlib
import io
import json
import zipfile

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

# ---- governing documents (docs/statuten.md) and finance (docs/uitwisselformaat-bestuur.md) ----

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(paragraphs):
    """A minimal, valid DOCX (deterministic bytes: fixed zip timestamps)."""
    def esc(t):
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{esc(p)}</w:t></w:r></w:p>' for p in paragraphs)
    parts = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" '
         'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}'
         '<w:sectPr/></w:body></w:document>'),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def file_of(name, data):
    return {"name": name, "sha256": hashlib.sha256(data).hexdigest(),
            "media_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "size": len(data), "content_base64": base64.b64encode(data).decode("ascii")}


def statuten_text(seat, term, extra=()):
    return ["Statuten van de projectvereniging Cultuurregio Vlaamse Ardennen (voorbeeld)",
            "Artikel 1. De vereniging is een projectvereniging volgens het decreet over het lokaal bestuur.",
            f"Artikel 2. De zetel is gevestigd in {seat}.",
            "Artikel 3. Het doel is een gezamenlijk cultuurbeleid in de regio.",
            f"Artikel 4. De vereniging is opgericht voor {term}.",
            "Artikel 5. De raad van bestuur telt een bestuurder per deelnemende gemeente.",
            *extra]


va_members = [m["id"] for m in va["members"]]
statuten_2021 = docx(statuten_text("Oudenaarde", "zes jaar, tot 31 december 2026"))
statuten_2026 = docx(statuten_text("Oudenaarde", "zes jaar, tot 31 december 2032",
                                   ["Artikel 6. De bijdrage van elke gemeente bedraagt 4.000 euro plus 0,23 euro per inwoner."]))
reglement = docx(["Intern reglement Cultuurregio Vlaamse Ardennen (voorbeeld)",
                  "1. De stuurgroep vergadert minstens vier keer per jaar.",
                  "2. Projectgroepen worden opgericht door de raad van bestuur."])


def approvals(version, members, date, prefix, skip=()):
    out = []
    for k, mid in enumerate(members):
        if mid in skip:
            continue
        out.append({"id": f"{version}:{mid}", "member": mid, "council": "gemeenteraad", "date": date,
                    "outcome": "goedgekeurd", "decision_ref": f"{prefix}/{date[:4]}/{k + 101:03d}"})
    return out


governance = {
    "approval_rules": [
        {"cooperation": "igs-rupel", "document_kind": "statuten", "rule": "bestuursorgaan",
         "reason": "voorbeeld: de samenwerkingsovereenkomst laat het beheerscomité de statuten wijzigen"}],
    "documents": [
        {"id": "va-statuten", "cooperation": "igs-cultuur-va", "kind": "statuten",
         "title": "Statuten Cultuurregio Vlaamse Ardennen (voorbeeld)",
         "versions": [
             {"id": "va-statuten-2021", "label": "statuten bij de oprichting", "status": "in_werking",
              "submitted": "2020-10-15", "effective_from": "2021-01-01", "added_by": "secretariaat (voorbeeld)",
              "file_name": "statuten-2021.docx", "file": file_of("statuten-2021.docx", statuten_2021),
              "approvals": approvals("va-statuten-2021", va_members, "2020-11-23", "GR")},
             {"id": "va-statuten-2026", "label": "statutenwijziging: verlenging tot 2032", "status": "voorgelegd",
              "submitted": "2026-09-01", "effective_from": "2027-01-01", "added_by": "secretariaat (voorbeeld)",
              "file_name": "statuten-2026.docx", "file": file_of("statuten-2026.docx", statuten_2026),
              # One gemeenteraad (Zwalm) has not decided yet.
              "approvals": approvals("va-statuten-2026", va_members, "2026-10-26", "GR",
                                     skip=("igs-cultuur-va-45065",))}]},
        {"id": "va-reglement", "cooperation": "igs-cultuur-va", "kind": "intern_reglement",
         "versions": [
             {"id": "va-reglement-2021", "label": "intern reglement 2021", "status": "in_werking",
              "submitted": "2021-02-01", "effective_from": "2021-03-01", "file_name": "reglement-2021.docx",
              "file": file_of("reglement-2021.docx", reglement),
              "approvals": [{"id": "va-reglement-2021:rvb", "council": "raad_van_bestuur", "date": "2021-02-22",
                             "outcome": "goedgekeurd", "decision_ref": "RvB/2021/004"}]}]}]}

AMOUNT_COLS = ["exploitatie_uitgaven", "exploitatie_ontvangsten", "investeringen_uitgaven",
               "investeringen_ontvangsten", "financiering_uitgaven", "financiering_ontvangsten"]


def amounts(year, expl_out, expl_in=0):
    cells = {c: 0 for c in AMOUNT_COLS}
    cells["exploitatie_uitgaven"] = expl_out
    cells["exploitatie_ontvangsten"] = expl_in
    return {"year": year, **{c + "_cents": v for c, v in cells.items() if v}}


finance = {
    "plans": [
        {"source": "voorbeeld",
         "plan": {"owner": {"kind": "igs", "id": "igs-cultuur-va"}, "period": "2026-2031", "version": 0,
                  "version_label": "initieel plan",
                  "items": [
                      {"level": "doelstelling", "code": "BD1", "title": "Een gedeeld cultuuraanbod in de regio",
                       "prioritair": True},
                      {"level": "actieplan", "code": "AP1.1", "parent": "BD1", "title": "Regionale programmatie"},
                      {"level": "actie", "code": "A1.1.1", "parent": "AP1.1", "title": "Cultuurdag Vlaamse Ardennen",
                       "beleidsveld": "0709",
                       "amounts": [amounts(y, 2500000 + 50000 * (y - 2026), 400000) for y in range(2026, 2032)]}]}},
        {"source": "voorbeeld",
         "plan": {"owner": {"kind": "lid", "id": "45035"}, "period": "2026-2031", "version": 0,
                  "version_label": "initieel plan",
                  "items": [{"level": "doelstelling", "code": "OUD-7", "title": "Deelnemen aan de cultuurregio",
                             "igs_link": {"igs": "igs-cultuur-va", "doelstelling": "BD1"}}]}}],
    "contribution_keys": [
        {"id": "noordrand-werking", "cooperation": "igs-noordrand", "title": "Werkingsbijdrage Cultuur Noordrand",
         "items": [{"id": "werking", "title": "€ 4.000 + € 0,23 per inwoner",
                    "key": {"kind": "fixed_plus_per_inhabitant", "fixed_cents": 400000, "rate_micro_eur": 230000}}]}],
}

doc = {
    "format": "igsgov-register",
    "version": 1,
    "note": "Voorbeeldregister: echte gemeenten en inwonersaantallen (Statbel 1/1/2024); samenwerkingsverbanden, "
            "KBO-nummers en personen zijn fictief.",
    "persons": persons,
    "cooperations": [va, rupel, noordrand],
    "mandates": mandates,
    "governance": governance,
    "finance": finance,
}
with open("config/sample/register.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(f"{len(persons)} persons, {len(mandates)} mandates")
