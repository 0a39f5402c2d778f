"""Nothing acknowledged is lost: writes answered 201 survive `kill -9` of the server, on SQLite and PostgreSQL.

Needs SILKBRIDGE_BINARY (the built `silkbridge`) and, for PostgreSQL, SILKBRIDGE_TEST_DATABASE_URL.
"""

import os
import signal
import subprocess
import tempfile
import threading
import time
import uuid

import pytest
import requests

BINARY = os.environ.get("SILKBRIDGE_BINARY", ".build/debug/silkbridge")
DATABASES = ["sqlite"] + (["postgres"] if os.environ.get("SILKBRIDGE_TEST_DATABASE_URL") else [])


def start(port, database_flags, log):
    process = subprocess.Popen([BINARY, "serve", "--port", str(port), *database_flags], stdout=log, stderr=log)
    for _ in range(100):
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start")


@pytest.mark.parametrize("database", DATABASES)
def test_acknowledged_organisations_survive_kill_9(database, tmp_path):
    if database == "sqlite":
        flags = ["--data-dir", str(tmp_path / "data")]
    else:
        flags = ["--database-url", os.environ["SILKBRIDGE_TEST_DATABASE_URL"]]
    port = 18200 + DATABASES.index(database)
    api = f"http://127.0.0.1:{port}/api/v1"
    log = open(tmp_path / "server.log", "ab")
    server = start(port, flags, log)

    email = f"crash-{uuid.uuid4().hex[:8]}@example.eu"
    requests.post(f"{api}/accounts", json={"email": email, "password": "crash test password", "displayName": "C"})
    token = requests.post(f"{api}/sessions", json={"email": email, "password": "crash test password"}).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}

    acknowledged, lock, stop = [], threading.Lock(), threading.Event()

    def writer(number):
        sequence = 0
        while not stop.is_set():
            body = {"name": {"en": f"Crash {number}-{sequence}"}, "type": "startup", "country": "DE",
                    "size": "micro", "areas": ["smart-energy"]}
            sequence += 1
            try:
                response = requests.post(f"{api}/organizations", json=body, headers=headers, timeout=5)
            except requests.RequestException:
                return
            if response.status_code == 201:
                with lock:
                    acknowledged.append(response.json()["id"])

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(2.0)
    server.send_signal(signal.SIGKILL)
    server.wait()
    stop.set()
    for thread in threads:
        thread.join()
    assert len(acknowledged) > 20, "the burst should have written a fair number of organisations"

    server = start(port, flags, log)
    try:
        missing = [i for i in acknowledged if requests.get(f"{api}/organizations/{i}").status_code != 200]
        assert missing == [], f"{len(missing)} of {len(acknowledged)} acknowledged organisations were lost"
        audit = requests.get(f"{api}/organizations/{acknowledged[0]}/audit", headers=headers).json()["items"]
        assert [event["action"] for event in audit] == ["organization.created"]
    finally:
        server.terminate()
        server.wait()
