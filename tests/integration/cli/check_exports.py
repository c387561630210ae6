#!/usr/bin/python3
"""Checks one export of igsgov (issue 17) against the register, independently of igsgov's writers.

Usage: check_exports.py KIND FILE REGISTER_JSON...
  KIND           composition | mandates | members | findings
  FILE           the export: .csv (read with Python's csv module) or .xlsx (read with openpyxl)
  REGISTER_JSON  the JSON output of the operations the export shows (igsgov --format json):
                 composition: body.composition;  mandates: cooperation.show, person.list, body id,
                 then seat.history of each seat;  members: cooperation.show [contribution.show];
                 findings: compliance.check
Every cell is compared with the value the register gives: text exactly (in CSV with the
apostrophe that neutralises a formula), dates as dates, amounts in euro (decimal comma in
CSV, numbers with a euro format in XLSX), integers as numbers. Exit 1 with the differences.
"""
import csv
import datetime
import io
import json
import sys

KIND_WORDS = {"create": "registratie", "change": "toestandswijziging", "correction": "correctie",
              "retraction": "intrekking", "end": "beëindiging", "import": "inlezing",
              "cooperation": "samenwerkingsverband", "member": "deelnemer", "body": "orgaan"}
# The Dutch labels that differ from their code (docs/uitwisselformaat.md)
ROLES = {"bestuurder_raadgevend": "bestuurder met raadgevende stem"}
STATUSES = {"beeindigd": "beëindigd"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def yes_no(v):
    return "" if v is None else ("ja" if v else "nee")


def date(v):
    return ("date", v) if v else ("date", "")


def amount(cents):
    return ("amount", "" if cents is None else int(cents))


def integer(n):
    return ("integer", "" if n is None else int(n))


def stamp(v):
    return ("stamp", v or "")


def decision(d):
    d = d or {}
    return [d.get("council", ""), date(d.get("date")), d.get("reference", "")]


def composition(comp):
    head = ["Rol", "Naam", "Deelnemer", "NIS-code", "Zijde", "Fractie", "Stemrecht", "Statuut", "Van", "Tot",
            "Besluit door", "Datum besluit", "Referentie besluit", "Mandaat (id)"]
    rows = []
    for m in comp["mandates"]:
        member = m.get("member") or {}
        rows.append([m.get("role_label") or m["role"], m["person"]["name"], member.get("name", ""),
                     member.get("nis", ""), m.get("side", ""), m.get("fractie", ""), yes_no(m.get("voting")),
                     STATUSES.get(m.get("status", ""), m.get("status", "")), date(m.get("from")), date(m.get("until"))] +
                    decision(m.get("decision")) + [m["mandate"]])
    return head, rows


def mandates(coop, persons, body_id, *seats):
    head = ["Zetel", "Mandaat (id)", "Versie", "Naam", "Deelnemer", "Rol", "Zijde", "Fractie", "Stemrecht",
            "Statuut", "Van", "Tot", "Ingetrokken", "Besluit door", "Datum besluit", "Referentie besluit",
            "Voorganger (id)", "Vastgelegd op (UTC)", "Soort registratie", "Vastgelegd door", "Reden"]
    members = {m["id"]: m["name"] for m in coop["members"]}
    names = {p["id"]: p["name"] for p in persons["persons"]}
    rows = []
    for seat in seats:
        for mandate in seat["mandates"]:
            for n, v in enumerate(mandate["versions"], 1):
                rec = v.get("recorded") or {}
                rows.append([seat.get("label") or seat["id"], v["id"], integer(n), names.get(v["person"], v["person"]),
                             members.get(v.get("member"), v.get("member", "")), ROLES.get(v["role"], v["role"]),
                             v.get("side", ""), v.get("fractie", ""), yes_no(v.get("voting")), STATUSES.get(v.get("status", ""), v.get("status", "")),
                             date(v.get("from")), date(v.get("until")), yes_no(v.get("retracted"))] +
                            decision(v.get("decision")) +
                            [v.get("predecessor", ""), stamp(rec.get("from")), KIND_WORDS.get(rec.get("kind"), rec.get("kind", "")),
                             rec.get("actor", ""), rec.get("reason", "")])
    return head, rows


def members(coop, schedule=None):
    head = ["Deelnemer", "Soort", "NIS-code", "Van", "Tot", "Inwoners", "Peildatum inwoners"]
    inhabitants, items, per_member = {}, [], {}
    if schedule:
        year = schedule["year"]
        for y in schedule["schedule"]["inputs"]["years"]:
            if y["year"] == year:
                inhabitants = y["population"]["inhabitants"]
                items = [(i["id"], i["title"]) for i in y["items"]]
        for y in schedule["schedule"]["years"]:
            if y["year"] == year:
                per_member = {m["member"]: m for m in y["members"]}
        head += ["Bijdrage %d: %s" % (year, t) for _, t in items] + ["Bijdrage %d totaal" % year]
    rows = []
    for m in coop["members"]:
        row = [m["name"], m["kind"], m.get("nis", ""), date(m.get("from")), date(m.get("until"))]
        if schedule:
            n = inhabitants.get(m["id"])
            row += [integer(n), date(schedule["population_date"] if n is not None else "")]
            pm = per_member.get(m["id"])
            row += [amount(pm["items"].get(i) if pm else None) for i, _ in items]
            row.append(amount(pm["total_cents"] if pm else None))
        else:
            row += [None, None]  # from the reference data: checked for kind only (see below)
        rows.append(row)
    return head, rows


def findings(check):
    head = ["Ernst", "Regel", "Bevinding", "Betreft", "Rechtsgrond", "Link", "Geverifieerd", "Erkend",
            "Erkend op (UTC)", "Reden erkenning", "Datum controle", "Sleutel"]
    rows = []
    for f in check["findings"]:
        about = ", ".join(KIND_WORDS.get(r["kind"], r["kind"]) + " " + r["id"] for r in f.get("records", []))
        basis, ack = f.get("basis") or {}, f.get("acknowledged") or None
        rows.append([f["severity"], f["rule"], f["message"], about, basis.get("citation", ""), basis.get("link", ""),
                     yes_no(basis.get("verified")), "ja" if ack else "nee", stamp(ack and ack.get("at")),
                     (ack or {}).get("motivation", ""), date(f.get("as_of")), f["key"]])
    return head, rows


def csv_text(v):
    """The cell as igsgov's CSV must write it."""
    if isinstance(v, tuple):
        kind, x = v
        if x == "":
            return ""
        if kind == "date":
            return x
        if kind == "stamp":
            return x[:10] + " " + x[11:19]
        if kind == "amount":
            return ("-" if x < 0 else "") + "%d,%02d" % (abs(x) // 100, abs(x) % 100)
        return str(x)
    return "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v


def check_csv(path, head, rows, problems):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("no UTF-8 BOM")
    text = raw.decode("utf-8-sig")
    if text.replace("\r\n", "").count("\n") != sum(c.count("\n") for r in rows for c in r if isinstance(c, str)):
        problems.append("a line that does not end with CRLF outside a quoted cell")
    got = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    want = [[csv_text(h) for h in head]] + [[csv_text(c) if c is not None else None for c in r] for r in rows]
    compare(got, want, problems)


def xlsx_value(v):
    if isinstance(v, tuple):
        kind, x = v
        if x == "":
            return None
        if kind == "date":
            return datetime.datetime.strptime(x, "%Y-%m-%d")
        if kind == "stamp":
            return datetime.datetime.strptime(x[:19], "%Y-%m-%dT%H:%M:%S")
        if kind == "amount":
            return x / 100
        return x
    return v if v != "" else None


def check_xlsx(path, head, rows, problems):
    import openpyxl
    ws = openpyxl.load_workbook(path).active
    got = [[c.value for c in r] for r in ws.iter_rows()]
    compare(got, [head] + [[xlsx_value(c) if c is not None else None for c in r] for r in rows], problems,
            loose={i for i, c in enumerate(rows[0]) if c is None} if rows else set())
    if ws.freeze_panes != "A2":
        problems.append("header row not frozen: %s" % ws.freeze_panes)
    if not all(c.font.b for c in ws[1]):
        problems.append("header row not bold")
    for i in range(1, len(head) + 1):
        letter = openpyxl.utils.get_column_letter(i)
        if ws.column_dimensions[letter].width is None or ws.column_dimensions[letter].width < 8:
            problems.append("column %s has no width" % letter)
    for r, row in enumerate(rows, 2):
        for c, v in enumerate(row, 1):
            if v is None:
                continue
            cell = ws.cell(r, c)
            kind = v[0] if isinstance(v, tuple) else "text"
            if cell.value is None:
                continue
            fmt = cell.number_format
            if kind == "date" and not (cell.is_date and fmt == "dd/mm/yyyy"):
                problems.append("%s: not a date (%s)" % (cell.coordinate, fmt))
            if kind == "stamp" and not cell.is_date:
                problems.append("%s: not a date and time (%s)" % (cell.coordinate, fmt))
            if kind == "amount" and ("€" not in fmt or "0.00" not in fmt or not isinstance(cell.value, float | int)):
                problems.append("%s: not an amount in euro (%r, %s)" % (cell.coordinate, cell.value, fmt))
            if kind == "text" and cell.data_type != "s":
                problems.append("%s: text stored as %s" % (cell.coordinate, cell.data_type))


def compare(got, want, problems, loose=frozenset()):
    if len(got) != len(want):
        problems.append("%d rows, expected %d" % (len(got), len(want)))
    for r, (g, w) in enumerate(zip(got, want), 1):
        if len(g) != len(w):
            problems.append("row %d: %d cells, expected %d" % (r, len(g), len(w)))
        for c, (gv, wv) in enumerate(zip(g, w)):
            if wv is None and r > 1:  # inhabitants from the reference data: a number or empty
                if gv not in (None, "") and not str(gv).isdigit() and not isinstance(gv, datetime.datetime) \
                        and not (isinstance(gv, str) and len(gv) == 10):
                    problems.append("row %d col %d: %r" % (r, c + 1, gv))
                continue
            if gv != wv and not (isinstance(gv, float) and isinstance(wv, float) and abs(gv - wv) < 0.005):
                problems.append("row %d col %d: %r, expected %r" % (r, c + 1, gv, wv))


def main():
    kind, path, *inputs = sys.argv[1:]
    data = [load(p) if p.endswith(".json") else p for p in inputs]
    builders = {"composition": composition, "mandates": mandates, "members": members, "findings": findings}
    head, rows = builders[kind](*data)
    problems = []
    (check_csv if path.endswith(".csv") else check_xlsx)(path, head, rows, problems)
    if problems:
        print("%s %s: %d differences" % (kind, path, len(problems)))
        for p in problems[:20]:
            print("  " + p)
        sys.exit(1)
    print("%s %s: %d rows equal to the register" % (kind, path, len(rows)))


if __name__ == "__main__":
    main()
