#!/usr/bin/env python3
"""A real SMTP server for the reminder tests (Debian's python3-aiosmtpd), on
127.0.0.1:PORT until its stdin closes. Mode "accept" writes every message,
decoded, to DIR/<pid>-<n>.txt (envelope recipients, From, To, Subject, the
text body); mode "refuse" answers DATA with 554. With CERT and KEY (PEM
files) it offers STARTTLS with that certificate. Prints "ready" once
listening."""
import email
import email.policy
import itertools
import os
import ssl
import sys

from aiosmtpd.controller import Controller

port, mode, outdir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
counter = itertools.count(1)


class Handler:
    async def handle_DATA(self, server, session, envelope):
        if mode == "refuse":
            return "554 5.7.1 geweigerd voor de test"
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        text = (f"RCPT: {','.join(envelope.rcpt_tos)}\nFrom: {msg['From']}\nTo: {msg['To']}\n"
                f"Subject: {msg['Subject']}\nContent-Type: {msg.get_content_type()}\n\n"
                f"{msg.get_content()}")
        path = os.path.join(outdir, f"{os.getpid()}-{next(counter)}.txt")
        with open(path + ".part", "w", encoding="utf-8") as f:
            f.write(text)
        os.rename(path + ".part", path)
        return "250 OK"


tls = None
if len(sys.argv) > 5:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(sys.argv[4], sys.argv[5])
controller = Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=tls)
controller.start()
print("ready", flush=True)
try:
    sys.stdin.read()
finally:
    controller.stop()
