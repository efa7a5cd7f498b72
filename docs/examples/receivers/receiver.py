#!/usr/bin/env python3
"""A webhook receiver for cpm-engine using only Python's standard library (docs/integration-guide.md).

Verifies the Standard Webhooks signature, keeps the first delivery of each webhook-id (deliveries are at least
once), and prints each verified CloudEvent as one line: "verified <id> <type> <subject> <cpmsequence>".
Usage: WEBHOOK_SECRET=whsec_... python3 receiver.py [port]
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = base64.b64decode(os.environ["WEBHOOK_SECRET"].split("_", 1)[1])
TOLERANCE_SECONDS = 5 * 60
seen = set()
seen_lock = threading.Lock()


def verified(msg_id, timestamp, body, header):
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(SECRET, signed, hashlib.sha256).digest()).decode()
    # During a secret rotation the header holds two signatures, separated by a space.
    return any(
        version == "v1" and hmac.compare_digest(signature, expected)
        for version, _, signature in (part.partition(",") for part in header.split(" "))
    )


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keeps connections open, and says how long each answer is

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        msg_id = self.headers.get("webhook-id", "")
        if not verified(msg_id, self.headers.get("webhook-timestamp", "0"), body,
                        self.headers.get("webhook-signature", "")):
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        with seen_lock:
            first = msg_id not in seen
            seen.add(msg_id)
        if first:
            event = json.loads(body)
            print("verified", event["id"], event["type"], event.get("subject"), event.get("cpmsequence"), flush=True)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
