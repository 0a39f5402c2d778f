#!/usr/bin/env python3
"""Concurrent writers against running servers, with both cores kept busy beside them, for a bounded time.

Half the writers register organisation signing keys (each a trust-ledger append), the other half make ordinary
writes (new organisations). Several URLs spread the writers over servers sharing one PostgreSQL database.
Afterwards it checks what must hold under load and exits non-zero if anything does not:

- every request got an answer (a 503 with Retry-After is an answer; a request still open after 60 s is not);
- no server's ledger halted;
- every acknowledged organisation and key is there, each key at its acknowledged ledger index;
- the stored log agrees with every checkpoint published during the run (same root at that size).

It prints the throughput and the p50/p99 latency of each kind of write.

    python3 Benchmarks/ledger_load.py --url http://127.0.0.1:8080 [--url …] [--seconds 60] [--writers 8]
"""

import argparse
import base64
import hashlib
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid

import requests

PASSWORD = "load test password"
ANSWER_TIMEOUT = 60


def verifier_key(name):
    """A C2SP signed-note verifier key for a random Ed25519 public key; the server checks only its form."""
    public = b"\x01" + os.urandom(32)
    key_id = hashlib.sha256(name.encode() + b"\n" + public).digest()[:4].hex()
    return f"{name}+{key_id}+{base64.b64encode(public).decode()}"


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {"key": [], "organisation": []}
        self.statuses = {}
        self.unanswered = 0
        self.keys = []  # (api, organisation id, key id, ledger index)
        self.organisations = []  # (api, organisation id)
        self.setup_failures = []

    def record(self, kind, seconds, status):
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[(kind, status)] = self.statuses.get((kind, status), 0) + 1


def sign_up(api, number):
    email = f"load-{number}-{uuid.uuid4().hex[:8]}@example.eu"
    created = requests.post(f"{api}/accounts", json={"email": email, "password": PASSWORD, "displayName": "Load"},
                            timeout=ANSWER_TIMEOUT)
    created.raise_for_status()
    session = requests.post(f"{api}/sessions", json={"email": email, "password": PASSWORD}, timeout=ANSWER_TIMEOUT)
    session.raise_for_status()
    return {"Authorization": f"Bearer {session.json()['token']}"}


def organisation(number, sequence):
    china = number % 2 == 1
    return {"name": {"en": f"Load {number}-{sequence}"}, "type": "company", "country": "CN" if china else "DE",
            **({"province": "CN-GD"} if china else {}), "size": "small", "areas": ["cloud-computing"]}


def writer(api, number, deadline, results):
    try:
        headers = sign_up(api, number)
        home = requests.post(f"{api}/organizations", json=organisation(number, 0), headers=headers,
                             timeout=ANSWER_TIMEOUT)
        home.raise_for_status()
        home_id = home.json()["id"]
    except (requests.RequestException, ValueError, KeyError) as error:
        with results.lock:
            results.setup_failures.append(f"writer {number} could not start: {error}")
        return
    kind = "key" if number % 2 == 0 else "organisation"
    sequence = 0
    while time.monotonic() < deadline:
        sequence += 1
        if kind == "key":
            url = f"{api}/organizations/{home_id}/keys"
            body = {"publicKey": verifier_key(f"load-{number}-{sequence}.example/signing")}
        else:
            url, body = f"{api}/organizations", organisation(number, sequence)
        started = time.monotonic()
        try:
            response = requests.post(url, json=body, headers=headers, timeout=ANSWER_TIMEOUT)
        except requests.RequestException:
            with results.lock:
                results.unanswered += 1
            continue
        results.record(kind, time.monotonic() - started, response.status_code)
        if response.status_code == 201:
            created = response.json()
            with results.lock:
                if kind == "key":
                    results.keys.append((api, home_id, created["id"], created["ledgerIndex"]))
                else:
                    results.organisations.append((api, created["id"]))


def watch_checkpoints(apis, deadline, published):
    """Collects the (size, root) of every checkpoint the servers publish while the writers run."""
    while time.monotonic() < deadline:
        for api in apis:
            try:
                ledger = requests.get(f"{api}/ledger", timeout=ANSWER_TIMEOUT).json()
                published[ledger["size"]] = ledger["rootHash"]
            except (requests.RequestException, ValueError, KeyError):
                pass
        time.sleep(0.2)


def hog_both_cores(seconds):
    """Two busy processes for the run, as a loaded machine has beside the server."""
    return [subprocess.Popen([sys.executable, "-c", f"import time\nend = time.time() + {seconds}\n"
                                                    "while time.time() < end: pass"]) for _ in range(2)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", action="append", required=True, help="a server's base URL; repeat for several")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--writers", type=int, default=8)
    arguments = parser.parse_args()
    apis = [url.rstrip("/") + "/api/v1" for url in arguments.url]

    results = Results()
    hogs = hog_both_cores(arguments.seconds + 30)
    deadline = time.monotonic() + arguments.seconds
    published = {}
    threads = [threading.Thread(target=writer, args=(apis[n % len(apis)], n, deadline, results))
               for n in range(arguments.writers)]
    threads.append(threading.Thread(target=watch_checkpoints, args=(apis, deadline, published)))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    for hog in hogs:
        hog.kill()

    problems = list(results.setup_failures)
    if not results.keys or not results.organisations:
        problems.append("no key or no organisation was acknowledged: the load never reached the ledger")
    if results.unanswered:
        problems.append(f"{results.unanswered} requests got no answer within {ANSWER_TIMEOUT} s")
    errors = {key: count for key, count in results.statuses.items() if key[1] >= 500 and key[1] != 503}
    if errors:
        problems.append(f"server errors: {errors}")
    for api in apis:
        ledger = requests.get(f"{api}/ledger", timeout=ANSWER_TIMEOUT).json()
        if ledger.get("sequencing", {}).get("state") == "halted":
            problems.append(f"{api}: the ledger halted: {ledger['sequencing'].get('reason')}")
    for api, organisation_id in results.organisations:
        if requests.get(f"{api}/organizations/{organisation_id}", timeout=ANSWER_TIMEOUT).status_code != 200:
            problems.append(f"acknowledged organisation {organisation_id} is missing")
    stored_keys = {}
    for api, organisation_id in {(api, org) for api, org, _, _ in results.keys}:
        listed = requests.get(f"{api}/organizations/{organisation_id}/keys", timeout=ANSWER_TIMEOUT).json()["items"]
        stored_keys.update({key["id"]: key["ledgerIndex"] for key in listed})
    for _, _, key_id, index in results.keys:
        if stored_keys.get(key_id) != index:
            problems.append(f"acknowledged key {key_id} at ledger index {index} is missing or moved")
    final = requests.get(f"{apis[0]}/ledger", timeout=ANSWER_TIMEOUT).json()
    indices = [index for _, _, _, index in results.keys]
    if len(set(indices)) != len(indices) or any(index >= final["size"] for index in indices):
        problems.append("two keys share a ledger index, or an index lies beyond the log")
    for size, root in sorted(published.items()):
        if size == 0:
            continue
        proof = requests.get(f"{apis[0]}/ledger/consistency", params={"from": size, "to": final["size"]},
                             timeout=ANSWER_TIMEOUT)
        if proof.status_code != 200 or proof.json()["fromRoot"] != root:
            problems.append(f"the stored log does not match the checkpoint published at size {size}")

    for kind, latencies in results.latencies.items():
        if latencies:
            latencies.sort()
            p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
            print(f"{kind} writes: {len(latencies)} in {elapsed:.0f} s ({len(latencies) / elapsed:.1f}/s), "
                  f"p50 {statistics.median(latencies) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
    print(f"answers: {dict(sorted((f'{k} {s}', n) for (k, s), n in results.statuses.items()))}")
    print(f"checkpoints seen: {len(published)}, ledger size {final['size']}, keys acknowledged {len(results.keys)}, "
          f"organisations acknowledged {len(results.organisations)}")
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems[:20]))
        return 1
    print("ok: 0 halts, every request answered, every acknowledged write present, the log consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
