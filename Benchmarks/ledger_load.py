#!/usr/bin/env python3
"""Concurrent writers against running servers, with both cores kept busy beside them, for a bounded time.

The writers take turns over four kinds, three of which append to the trust ledger: registering an organisation's
signing key, signing a letter of intent between a European and a Chinese organisation with real Ed25519 keys (two
signatures, each an append), and recording a fund commitment; the fourth makes ordinary writes (new organisations).
Several URLs spread the writers over servers sharing one PostgreSQL database. Afterwards it checks what must hold
under load and exits non-zero if anything does not:

- every request got an answer (a 503 with Retry-After is an answer; a request still open after 60 s is not);
- no server's ledger halted;
- every acknowledged organisation, key, signature and commitment is there, each at its acknowledged ledger index,
  and the entry at that index names it; no two acknowledged writes share an index;
- the stored log agrees with every checkpoint published during the run (same root at that size).

It prints the throughput and the p50/p99 latency of each kind of write (a signature write is one party's signature;
drafting and opening the agreement it signs are not timed).

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
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PASSWORD = "load test password"
ANSWER_TIMEOUT = 60


def verifier_key(name, public_key=None):
    """A C2SP signed-note verifier key for an Ed25519 public key (random when none is given)."""
    public = b"\x01" + (public_key or os.urandom(32))
    key_id = hashlib.sha256(name.encode() + b"\n" + public).digest()[:4].hex()
    return f"{name}+{key_id}+{base64.b64encode(public).decode()}"


KINDS = ["key", "organisation", "signature", "commitment"]


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {kind: [] for kind in KINDS}
        self.statuses = {}
        self.unanswered = 0
        self.keys = []  # (api, organisation id, key id, ledger index)
        self.organisations = []  # (api, organisation id)
        self.signatures = []  # (api, headers, agreement id, signing organisation id, ledger index)
        self.commitments = []  # (api, headers, fund id, commitment id, ledger index)
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


def organisation(number, sequence, china=None):
    china = number % 2 == 1 if china is None else china
    return {"name": {"en": f"Load {number}-{sequence}"}, "type": "company", "country": "CN" if china else "DE",
            **({"province": "CN-GD"} if china else {}), "size": "small", "areas": ["cloud-computing"]}


def created(api, path, body, headers, method="post"):
    """A setup request that must succeed; returns its JSON answer."""
    response = requests.request(method, f"{api}{path}", json=body, headers=headers, timeout=ANSWER_TIMEOUT)
    response.raise_for_status()
    return response.json()


class Signatory:
    """An account owning an organisation, a signatory of it, with an Ed25519 key registered on the ledger."""

    def __init__(self, api, number, china):
        self.headers = sign_up(api, number)
        self.organisation_id = created(api, "/organizations", organisation(number, 0, china), self.headers)["id"]
        self.private_key = Ed25519PrivateKey.generate()
        public = self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        name = f"load-{number}-{'cn' if china else 'eu'}.example/signing"
        self.key_id = created(api, f"/organizations/{self.organisation_id}/keys",
                              {"publicKey": verifier_key(name, public)}, self.headers)["id"]
        me = requests.get(f"{api}/me", headers=self.headers, timeout=ANSWER_TIMEOUT).json()["account"]["id"]
        members = requests.get(f"{api}/organizations/{self.organisation_id}/members", headers=self.headers,
                               timeout=ANSWER_TIMEOUT).json()["items"]
        member = next(member["id"] for member in members if member.get("accountId") == me)
        created(api, f"/organizations/{self.organisation_id}/members/{member}/signatory", None, self.headers, "put")

    def signature(self, agreement):
        message = agreement["signingMessage"].encode()
        return {"organizationId": self.organisation_id, "keyId": self.key_id, "version": agreement["version"],
                "signature": base64.b64encode(self.private_key.sign(message)).decode()}


def key_writes(api, number, headers, home_id, acknowledge):
    """Each write registers a new signing key for the writer's organisation."""
    sequence = 0
    while True:
        sequence += 1
        body = {"publicKey": verifier_key(f"load-{number}-{sequence}.example/signing")}
        response = yield f"/organizations/{home_id}/keys", body, headers
        if response is not None and response.status_code == 201:
            key = response.json()
            acknowledge("keys", (api, home_id, key["id"], key["ledgerIndex"]))


def organisation_writes(api, number, headers, home_id, acknowledge):
    """Each write creates an organisation: an ordinary write that does not touch the ledger."""
    sequence = 0
    while True:
        sequence += 1
        response = yield "/organizations", organisation(number, sequence), headers
        if response is not None and response.status_code == 201:
            acknowledge("organisations", (api, response.json()["id"]))


def signature_writes(api, number, headers, home_id, acknowledge):
    """Each agreement is drafted and opened untimed; each party's signature is a timed write."""
    europe, china = Signatory(api, number, china=False), Signatory(api, number, china=True)
    sequence = 0
    while True:
        sequence += 1
        draft = created(api, "/agreements", {
            "kind": "letter-of-intent", "organizationId": europe.organisation_id,
            "parties": [china.organisation_id], "visibility": "public-text",
            "title": {"en": f"Load letter {number}-{sequence}", "zh-Hans": f"负载意向书 {number}-{sequence}"},
            "areas": ["smart-energy"], "termStart": "2026-12-01", "termMonths": 60, "prevailingLanguage": "en",
            "text": {"en": "# Intent\nThe parties intend to cooperate.", "zh-Hans": "# 意向\n双方有意合作。"}},
            europe.headers)
        opened = created(api, f"/agreements/{draft['id']}/open", None, europe.headers)
        for party in (europe, china):
            response = yield f"/agreements/{draft['id']}/signatures", party.signature(opened), party.headers
            if response is None or response.status_code != 201:
                break  # a busy answer leaves this agreement open; the next one starts afresh
            signed = next(signature for signature in response.json()["signatures"]
                          if signature["organizationId"] == party.organisation_id)
            acknowledge("signatures",
                        (api, party.headers, draft["id"], party.organisation_id, signed["ledgerIndex"]))


def commitment_writes(api, number, headers, home_id, acknowledge):
    """A fund the writer's organisation manages, one contributor and one approved project; each write commits."""
    fund = created(api, "/funds", {"name": {"en": f"Load fund {number}"}, "reportingCurrency": "EUR",
                                   "managerOrganizationId": home_id}, headers)["id"]
    contributor = created(api, f"/funds/{fund}/contributors", {
        "organizationId": home_id, "pledge": {"amount": "1000000000.00", "currency": "EUR"},
        "pledgedOn": "2026-10-29"}, headers)["id"]
    project = created(api, f"/funds/{fund}/projects", {
        "title": {"en": f"Load project {number}"}, "sponsorIds": [home_id], "area": "smart-energy",
        "countries": ["DE"], "requested": {"amount": "1000000000.00", "currency": "EUR"}}, headers)["id"]
    for stage in ["screening", "due-diligence", "approved"]:
        created(api, f"/funds/{fund}/projects/{project}/stage", {"stage": stage}, headers)
    while True:
        body = {"projectId": project, "contributorId": contributor, "amount": {"amount": "1.00", "currency": "EUR"},
                "day": "2026-10-31", "conditions": "Load"}
        response = yield f"/funds/{fund}/commitments", body, headers
        if response is not None and response.status_code == 201:
            commitment = response.json()
            acknowledge("commitments", (api, headers, fund, commitment["id"], commitment.get("ledgerIndex")))


WRITES = {"key": key_writes, "organisation": organisation_writes, "signature": signature_writes,
          "commitment": commitment_writes}


def writer(api, number, deadline, results):
    """Drives one kind of write: the kind's generator yields each request and is sent its answer (None when
    there was none), and acknowledges what each answer stored, for the checks afterwards."""
    kind = KINDS[number % len(KINDS)]

    def acknowledge(name, item):
        with results.lock:
            getattr(results, name).append(item)

    try:
        headers = sign_up(api, number)
        home_id = created(api, "/organizations", organisation(number, 0), headers)["id"]
        writes = WRITES[kind](api, number, headers, home_id, acknowledge)
        request = next(writes)
    except (requests.RequestException, ValueError, KeyError, StopIteration) as error:
        with results.lock:
            results.setup_failures.append(f"{kind} writer {number} could not start: {error!r}")
        return
    try:
        while time.monotonic() < deadline:
            path, body, request_headers = request
            started = time.monotonic()
            try:
                response = requests.post(f"{api}{path}", json=body, headers=request_headers, timeout=ANSWER_TIMEOUT)
                results.record(kind, time.monotonic() - started, response.status_code)
            except requests.RequestException:
                response = None
                with results.lock:
                    results.unanswered += 1
            request = writes.send(response)
    except (requests.RequestException, ValueError, KeyError) as error:
        with results.lock:
            results.setup_failures.append(f"{kind} writer {number} stopped: {error!r}")


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
    for kind, acknowledged in [("key", results.keys), ("organisation", results.organisations),
                               ("signature", results.signatures), ("commitment", results.commitments)]:
        if not acknowledged:
            problems.append(f"no {kind} write was acknowledged: the load never reached that path")
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
    for api, headers, agreement_id, organisation_id, index in results.signatures:
        agreement = requests.get(f"{api}/agreements/{agreement_id}", headers=headers, timeout=ANSWER_TIMEOUT)
        signed = agreement.status_code == 200 and any(
            signature["organizationId"] == organisation_id and signature["ledgerIndex"] == index
            for signature in agreement.json()["signatures"])
        if not signed:
            problems.append(f"acknowledged signature of {agreement_id} at ledger index {index} is missing or moved")
    stored_commitments = {}
    for api, headers, fund_id in {(api, headers["Authorization"], fund) for api, headers, fund, _, _ in
                                  results.commitments}:
        book = requests.get(f"{api}/funds/{fund_id}", headers={"Authorization": headers}, timeout=ANSWER_TIMEOUT)
        stored_commitments.update({item["id"]: item.get("ledgerIndex") for item in book.json()["commitments"]})
    for _, _, _, commitment_id, index in results.commitments:
        if index is None or stored_commitments.get(commitment_id) != index:
            problems.append(f"acknowledged commitment {commitment_id} at ledger index {index} is missing or moved")

    final = requests.get(f"{apis[0]}/ledger", timeout=ANSWER_TIMEOUT).json()
    appended = ([(index, key_id) for _, _, key_id, index in results.keys]
                + [(index, agreement_id) for _, _, agreement_id, _, index in results.signatures]
                + [(index, commitment_id) for _, _, _, commitment_id, index in results.commitments
                   if index is not None])
    indices = [index for index, _ in appended]
    if len(set(indices)) != len(indices) or any(index >= final["size"] for index in indices):
        problems.append("two acknowledged writes share a ledger index, or an index lies beyond the log")
    for index, written_id in appended:
        entry = requests.get(f"{apis[0]}/ledger/entries/{index}", timeout=ANSWER_TIMEOUT)
        if entry.status_code != 200 or written_id.lower() not in entry.json()["text"].lower():
            problems.append(f"the ledger entry at index {index} does not name {written_id}")
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
    print(f"checkpoints seen: {len(published)}, ledger size {final['size']}; acknowledged: "
          f"{len(results.keys)} keys, {len(results.signatures)} signatures, {len(results.commitments)} commitments, "
          f"{len(results.organisations)} organisations")
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems[:20]))
        return 1
    print("ok: 0 halts, every request answered, every acknowledged write present, the log consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
