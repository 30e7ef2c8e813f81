#!/usr/bin/env python3
"""One peer of a short, real hole-punching exchange (the seed article's procedure), for the example
support report: discovers its public address with a STUN Binding request to the probe server, learns
the peer's through a shared directory (standing in for the rendezvous), then A opens its hole toward B
(B's NAT refuses these early packets), B sends, A answers, and after an idle pause both send a
keepalive. Every packet, ICMP error, timeout and step is logged as natprobe packet events (JSONL,
docs/json-schema.md "packet event"), with the real bytes. Used by bench/report-example.sh inside lab
namespaces; it talks only to the addresses it is given.

usage: report-example-peer.py A|B SERVER_IP:PORT SHARED_DIR OUT.jsonl
"""
import datetime
import json
import os
import socket
import struct
import sys
import time

role, server_arg, shared, out_path = sys.argv[1:5]
peer_role = "B" if role == "A" else "A"
server = (server_arg.rsplit(":", 1)[0], int(server_arg.rsplit(":", 1)[1]))
out = open(out_path, "w")


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def addr(a):
    return "%s:%d" % (a[0], a[1])


def log(type_, kind, summary, remote=None, payload=b""):
    e = {"at": now(), "origin": "self", "type": type_, "kind": kind}
    if type_ != "state":
        e["local"] = addr(sock.getsockname())
    if remote is not None:
        e["remote"] = addr(remote)
    e["length"] = len(payload)
    e["summary"] = summary
    if payload:
        e["payload"] = payload.hex()
    out.write(json.dumps(e) + "\n")
    out.flush()


def wait_file(name, timeout=20):
    path = os.path.join(shared, name)
    end = time.time() + timeout
    while not os.path.exists(path):
        if time.time() > end:
            sys.exit("peer %s: gave up waiting for %s" % (role, name))
        time.sleep(0.01)
    time.sleep(0.01)
    with open(path) as f:
        return f.read().strip()


def put_file(name, text):
    tmp = os.path.join(shared, name + ".tmp")
    with open(tmp, "w") as f:
        f.write(text)
    os.rename(tmp, os.path.join(shared, name))


# Bind to the address that routes to the server, so the log shows the real local address.
probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
probe.connect(server)
local_ip = probe.getsockname()[0]
probe.close()
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((local_ip, 0))
log("state", "other", "side %s: socket open, asking the server for our public address" % role)

# RFC 8489 Binding request with FINGERPRINT-free minimal header; parse XOR-MAPPED-ADDRESS (0x0020).
txid = os.urandom(12)
req = struct.pack("!HHI", 0x0001, 0, 0x2112A442) + txid
sock.settimeout(1.0)
public = None
for attempt in range(3):
    sock.sendto(req, server)
    log("sent", "stun", "Binding request" + (" (retransmission)" if attempt else ""), server, req)
    try:
        data, frm = sock.recvfrom(2048)
    except socket.timeout:
        log("timeout", "stun", "no Binding response after 1.0 s", server)
        continue
    i = 20
    while i + 4 <= len(data):
        t, n = struct.unpack("!HH", data[i:i + 4])
        if t == 0x0020 and n >= 8:
            port = struct.unpack("!H", data[i + 6:i + 8])[0] ^ 0x2112
            ip = bytes(b ^ m for b, m in zip(data[i + 8:i + 12], b"\x21\x12\xa4\x42"))
            public = (socket.inet_ntoa(ip), port)
        i += 4 + ((n + 3) & ~3)
    log("received", "stun", "Binding success: public address %s" % addr(public), frm, data)
    break
if public is None:
    sys.exit("peer %s: no answer from the server" % role)
put_file(role + ".addr", addr(public))
peer_text = wait_file(peer_role + ".addr")
peer = (peer_text.rsplit(":", 1)[0], int(peer_text.rsplit(":", 1)[1]))
log("state", "other", "peer %s is at %s (as the server saw it)" % (peer_role, peer_text))
# A connected socket hears about ICMP errors (Linux reports them as ECONNREFUSED on the next call).
sock.connect(peer)


def send(kind, summary, payload):
    try:
        sock.send(payload)
        log("sent", kind, summary, peer, payload)
    except ConnectionRefusedError:
        log("icmp-error", kind, "ICMP port unreachable for an earlier packet", peer)
        sock.send(payload)
        log("sent", kind, summary, peer, payload)


def receive(wait, kind, what):
    """Receives one datagram within `wait` seconds; logs ICMP errors and timeouts on the way."""
    end = time.time() + wait
    while True:
        left = end - time.time()
        if left <= 0:
            log("timeout", kind, "no %s within %.1f s" % (what, wait), peer)
            return None
        sock.settimeout(left)
        try:
            data = sock.recv(2048)
        except socket.timeout:
            continue
        except ConnectionRefusedError:
            log("icmp-error", kind, "ICMP port unreachable: %s refused our packet" % peer_text, peer)
            continue
        log("received", kind, data.decode("ascii", "replace"), peer, data)
        return data


if role == "A":
    # Step 1 (the article): open our hole toward B. B's NAT has no binding for us yet and refuses.
    for n in (1, 2):
        send("punch", "punch A#%d" % n, b"punch A#%d" % n)
        time.sleep(0.12)
    receive(0.35, "punch", "answer from B")
    # Step 2: ask B (through the server, here the shared directory) to send to us now.
    log("state", "other", "asking B through the server to send now")
    put_file("ask", "now")
    got = 0
    while got < 3:
        data = receive(3.0, "punch", "punch from B")
        if data is None:
            break
        got += 1
        send("punch", "ack of " + data.decode("ascii", "replace"), b"ack of " + data)
    log("state", "other", "connected: two-way traffic with B" if got else "failed: nothing arrived from B")
else:
    wait_file("ask")
    log("state", "other", "A asked us to send")
    for n in (1, 2, 3):
        send("punch", "punch B#%d" % n, b"punch B#%d" % n)
        receive(1.0, "punch", "ack from A")
        time.sleep(0.08)
    log("state", "other", "connected: two-way traffic with A")

# Keep the hole open after a pause (a real application sends keepalives well inside the binding lifetime).
put_file(role + ".done", "1")
wait_file(peer_role + ".done")
time.sleep(3.0 if role == "A" else 3.05)
send("keepalive", "keepalive from " + role, b"keepalive from " + role.encode())
receive(1.0, "keepalive", "keepalive from " + peer_role)
log("state", "other", "done")
out.close()
