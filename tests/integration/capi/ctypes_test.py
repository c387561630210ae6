#!/usr/bin/env python3
"""The C ABI from a real host language (Python ctypes).

  ctypes_test.py <libigsgov.so> <source dir> core       open, import, compose, errors, log callback
  ctypes_test.py <libigsgov.so> <source dir> documents  generate a document through the ABI

Exit 0 when all checks pass, 1 on a failure, 77 ("not applicable yet", a
CTest SKIP) when the documents part finds no documents.generate operation in
the catalogue.
"""
import base64
import json
import os
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import igsgov_ctypes as ig  # noqa: E402

LIB = sys.argv[1] if len(sys.argv) > 1 else "build/lib/libigsgov.so"
SOURCE = sys.argv[2] if len(sys.argv) > 2 else "."
SAMPLE = os.path.join(SOURCE, "config", "sample", "register.json")
BODY = "igs-cultuur-va-rvb"


def sample_names(body, date):
    """Names of persons holding a mandate in body on date, per the sample file."""
    with open(SAMPLE, encoding="utf-8") as f:
        sample = json.load(f)
    names = {p["id"]: p["name"] for p in sample["persons"]}
    return {names[m["person"]] for m in sample["mandates"]
            if m["body"] == body and m["from"] <= date <= m.get("until", "9999-12-31")}


class Fixture(unittest.TestCase):
    def setUp(self):
        self.lib = ig.Library(LIB)
        self.lib.init()
        self.tmp = tempfile.TemporaryDirectory(prefix="igsgov-ctypes-")
        self.reg = self.lib.open(os.path.join(self.tmp.name, "register.db"), create=True)
        self.reg.execute("register.import", {"path": SAMPLE}, actor="python")

    def tearDown(self):
        if self.reg.handle:
            self.reg.close()
        self.lib.set_log(None, 0)
        self.lib.shutdown()
        self.tmp.cleanup()


class Core(Fixture):
    def test_version(self):
        number, text = self.lib.version()
        self.assertEqual(text, f"{number // 10000}.{number // 100 % 100}.{number % 100}")

    def test_composition(self):
        for date in ("2023-06-01", "2025-06-01"):
            c = self.reg.execute("body.composition", {"body": BODY, "as_of": date})
            self.assertEqual(c["body"]["id"], BODY)
            self.assertEqual(c["as_of"], date)
            got = {m["person"]["name"] for m in c["mandates"]}
            self.assertEqual(got, sample_names(BODY, date))
            chairs = [m["person"]["name"] for m in c["mandates"] if m["role"] == "voorzitter"]
            self.assertEqual(len(chairs), 1, chairs)

    def test_text_output(self):
        text = self.reg.execute("body.composition", {"body": BODY, "as_of": "2023-06-01"}, text=True)
        for name in sample_names(BODY, "2023-06-01"):
            self.assertIn(name, text)

    def test_write_utf8_and_journal(self):
        self.reg.execute("person.create", {"id": "p-py", "name": "Zoë Ctypes-Éénmaal"}, actor="python:test",
                         reason="vanuit Python")
        names = [p["name"] for p in self.reg.execute("person.list")["persons"]]
        self.assertIn("Zoë Ctypes-Éénmaal", names)
        verify = self.reg.execute("audit.verify")
        self.assertTrue(verify["ok"])
        last = self.reg.execute("audit.journal", {"from_seq": verify["entries"]})["entries"][0]
        self.assertEqual((last["actor"], last["operation"], last["reason"]),
                         ("python:test", "person.create", "vanuit Python"))

    def test_errors(self):
        with self.assertRaises(ig.IgsgovError) as e:
            self.reg.execute("body.composition", {"body": "geen-orgaan"})
        self.assertEqual(e.exception.code, ig.ENOTFOUND)
        self.assertIn("geen-orgaan", e.exception.message)
        self.assertEqual(e.exception.detail["code"], "not_found")
        self.assertEqual(self.lib.lib.igsgov_error_name(ig.ENOTFOUND), b"not_found")

        with self.assertRaises(ig.IgsgovError) as e:
            self.reg.execute("body.composition", {"body": BODY, "as_of": "2023-02-30"})
        self.assertEqual(e.exception.code, ig.EINVALID)
        self.assertEqual(e.exception.detail["place"]["field"], "'as_of'")

        with self.assertRaises(ig.IgsgovError) as e:
            self.reg.execute("person.create", {"id": "p-x", "name": "X"}, role="auditor")
        self.assertEqual(e.exception.code, ig.EDENIED)

        before = self.reg.execute("audit.verify")["entries"]
        with self.assertRaises(ig.IgsgovError):
            self.reg.execute("person.create", {"id": "p-x", "name": 5})
        self.assertEqual(self.reg.execute("audit.verify")["entries"], before)

        # NULLs from Python are error codes too.
        self.assertEqual(self.lib.lib.igsgov_execute(None, self.reg.handle, b"audit.verify", None, None), ig.EARGUMENT)
        self.assertEqual(self.lib.lib.igsgov_catalogue(None), ig.EARGUMENT)
        handle = self.reg.handle
        self.reg.close()
        buf = ig.Buf()
        self.assertEqual(self.lib.lib.igsgov_execute(buf, handle, b"audit.verify", None, None), ig.EARGUMENT)
        self.assertIn("geen open register", self.lib.last_error()[1])

    def test_log_callback(self):
        lines = []
        self.lib.set_log(lambda level, line: lines.append((level, line)), ig.LOG_DEBUG)
        self.reg.execute("cooperation.list")
        self.assertIn((ig.LOG_DEBUG, "cooperation.list"), [(lvl, l.split()[1]) for lvl, l in lines
                                                          if l.startswith("executed ")])
        self.lib.set_log(None, 0)
        n = len(lines)
        self.reg.execute("cooperation.list")
        self.assertEqual(len(lines), n)

    def test_threads(self):
        errors = []

        def work(t):
            try:
                for i in range(5):
                    self.reg.execute("person.create", {"id": f"p-py-{t}-{i}", "name": f"Draad {t} nr {i}"})
                    self.reg.execute("body.composition", {"body": BODY})
            except Exception as e:  # reported below
                errors.append(e)

        before = len(self.reg.execute("person.list")["persons"])
        threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(self.reg.execute("person.list")["persons"]), before + 20)
        self.assertTrue(self.reg.execute("audit.verify")["ok"])


class Documents(Fixture):
    """Document generation through the ABI; needs documents.generate in the catalogue."""

    def input_for(self, op, out_dir):
        values = {"body": BODY, "cooperation": "igs-cultuur-va", "as_of": "2023-06-01", "template": "samenstelling",
                  "format": "html", "out": out_dir}
        params = {}
        for p in op.get("params", []):
            if p["name"] in values:
                params[p["name"]] = values[p["name"]]
            elif p.get("required"):
                self.fail(f"documents.generate has a required parameter '{p['name']}' this test cannot fill: "
                          "extend Documents.input_for in tests/integration/capi/ctypes_test.py")
        return params

    def test_generate(self):
        ops = {op["name"]: op for op in self.lib.catalogue()["operations"]}
        op = ops["documents.generate"]
        out_dir = os.path.join(self.tmp.name, "docs")
        os.makedirs(out_dir)
        params = self.input_for(op, out_dir)
        try:
            result = self.reg.execute("documents.generate", params)
        except ig.IgsgovError as e:
            if "template" in params and e.code in (ig.EINVALID, ig.ENOTFOUND):
                params["template"] = os.path.join(SOURCE, "templates", "samenstelling.html")
                result = self.reg.execute("documents.generate", params)
            else:
                raise
        produced = ""
        for root, _, files in os.walk(out_dir):
            for name in files:
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    produced += f.read()
        for key in ("content", "text", "html", "document"):
            if isinstance(result.get(key), str):
                produced += result[key]
        if isinstance(result.get("base64"), str):
            produced += base64.b64decode(result["base64"]).decode("utf-8", "replace")
        self.assertTrue(produced, f"no document found in {out_dir} or in the output {sorted(result)}")
        expected = sample_names(BODY, "2023-06-01")
        self.assertTrue(expected)
        for name in expected:
            self.assertIn(name, produced)


def main():
    part = sys.argv[3] if len(sys.argv) > 3 else "core"
    if part == "documents":
        lib = ig.Library(LIB)
        lib.init()
        names = {op["name"] for op in lib.catalogue()["operations"]}
        lib.shutdown()
        if "documents.generate" not in names:
            print("not applicable yet: the catalogue has no documents.generate operation")
            return 77
        suite = unittest.defaultTestLoader.loadTestsFromTestCase(Documents)
    else:
        suite = unittest.defaultTestLoader.loadTestsFromTestCase(Core)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
