#!/usr/bin/env python3
"""Fills the ledger of a Silkbridge SQLite data folder with N synthetic entries, their tiles, entry bundles and a
checkpoint signed with the folder's ledger.key, as the sequencer would have written them; for timing start-up
on a large log. The folder must come from one `silkbridge serve` run (schema, key, size-0 checkpoint) and the
server must be stopped. Usage: Benchmarks/large-log.py DATA_DIR [N, default 1000000]
Needs python3-cryptography."""
import base64, hashlib, sqlite3, sys, time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

WIDTH = 256


def leaf(entry):
    return hashlib.sha256(b"\x00" + entry).digest()


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root(hashes):
    """RFC 6962 tree hash of a list of leaf hashes, by the largest power of two below the size."""
    if len(hashes) == 1:
        return hashes[0]
    split = 1 << ((len(hashes) - 1).bit_length() - 1)
    return node(root(hashes[:split]), root(hashes[split:]))


def main():
    folder = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    key_text = open(f"{folder}/ledger.key").read().strip()
    _, _, name, key_id_hex, material = key_text.split("+", 4)
    signer = Ed25519PrivateKey.from_private_bytes(base64.b64decode(material)[1:])
    key_id = int(key_id_hex, 16).to_bytes(4, "big")

    db = sqlite3.connect(f"{folder}/silkbridge.sqlite")
    db.execute("DELETE FROM ledger_entries")
    db.execute("DELETE FROM ledger_tiles")
    db.execute("DELETE FROM ledger_checkpoints")
    started = time.time()
    entries = [b'{"n":%d,"type":"bench.entry","padding":"%s"}' % (n, b"x" * 120) for n in range(count)]
    db.executemany("INSERT INTO ledger_entries (idx, entry) VALUES (?, ?)", enumerate(entries))
    for start in range(0, count, WIDTH):
        chunk = entries[start : start + WIDTH]
        bundle = b"".join(len(e).to_bytes(2, "big") + e for e in chunk)
        db.execute("INSERT INTO ledger_tiles VALUES (-1, ?, ?, ?)", (start // WIDTH, len(chunk), bundle))
    level, hashes = 0, [leaf(e) for e in entries]
    tree_root = root(hashes)
    while hashes:
        for start in range(0, len(hashes), WIDTH):
            chunk = hashes[start : start + WIDTH]
            db.execute("INSERT INTO ledger_tiles VALUES (?, ?, ?, ?)", (level, start // WIDTH, len(chunk), b"".join(chunk)))
        hashes = [root(hashes[s : s + WIDTH]) for s in range(0, len(hashes) - WIDTH + 1, WIDTH)]
        level += 1
    text = f"{name}\n{count}\n{base64.b64encode(tree_root).decode()}\n"
    signature = base64.b64encode(key_id + signer.sign(text.encode())).decode()
    note = f"{text}\n\u2014 {name} {signature}\n".encode()
    db.execute("INSERT INTO ledger_checkpoints VALUES (?, ?, ?)", (count, note, int(time.time())))
    db.commit()
    print(f"{count} entries written in {time.time() - started:.1f} s; root {base64.b64encode(tree_root).decode()}")


main()
