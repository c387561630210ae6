#!/usr/bin/env python3
"""A forger with write access to the register file and the journal's formulas
(docs/dev/store.md): a second SQLite connection, outside igsgov.

  forge.py append DB         append an entry with correct hashes, copying the
                             newest entry's key id and signature; prints its seq
  forge.py rewrite DB SEQ    change the actor of entry SEQ and recompute the
                             hashes of it and every later entry
"""
import hashlib
import json
import sqlite3
import sys


def text(s):
    return json.dumps(s, ensure_ascii=False)


def canonical(seq, at, actor, operation, reason, input_, effect_count, effects_digest):
    # journal::entryCanonical: keys in order, input embedded verbatim
    return ('{"actor":' + text(actor) + ',"at":' + text(at) + ',"effect_count":' + str(effect_count) +
            ',"effects_digest":' + text(effects_digest) + ',"input":' + input_ + ',"operation":' + text(operation) +
            ',"reason":' + text(reason or "") + ',"seq":' + str(seq) + '}')


def entry_hash(prev, canon):
    return hashlib.sha256((prev + canon).encode()).hexdigest()


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(path)
    if cmd == "append":
        seq, prev, key_id, signature = db.execute(
            "SELECT seq, hash, key_id, signature FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
        seq += 1
        at, digest = "2099-01-01T00:00:00.000000Z", hashlib.sha256(b"").hexdigest()
        h = entry_hash(prev, canonical(seq, at, "iemand", "person.create", "", "{}", 0, digest))
        db.execute("INSERT INTO journal (seq, at, actor, operation, reason, input, effect_count, effects_digest, "
                   "prev_hash, hash, key_id, signature) VALUES (?, ?, 'iemand', 'person.create', '', '{}', 0, ?, ?, ?, ?, ?)",
                   (seq, at, digest, prev, h, key_id, signature))
        print(seq)
    elif cmd == "rewrite":
        start = int(sys.argv[3])
        db.execute("UPDATE journal SET actor = 'vervalst' WHERE seq = ?", (start,))
        prev = "0" * 64
        rows = db.execute("SELECT seq, at, actor, operation, reason, input, effect_count, effects_digest "
                          "FROM journal ORDER BY seq").fetchall()
        for row in rows:
            h = entry_hash(prev, canonical(*row))
            if row[0] >= start:
                db.execute("UPDATE journal SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, row[0]))
            prev = h
    else:
        sys.exit("onbekend: " + cmd)
    db.commit()


main()
