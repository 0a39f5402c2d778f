"""Reads a page while 20 clients, each from its own loopback address, guess passwords.

    python3 Benchmarks/login_burst.py --url http://127.0.0.1:8080 [--reads 200]

Prints the median of `GET /api/v1/organizations?limit=1` before and during the guessing, and how the guesses were
answered. Each guesser sends one wrong log-in every 100 ms for an address nobody has, from 127.0.1.1 … 127.0.1.20
(Linux routes all of 127.0.0.0/8 to loopback), so the per-address throttle does not hide the password checks.
"""
import argparse
import http.client
import json
import statistics
import threading
import time
from urllib.parse import urlparse

parser = argparse.ArgumentParser()
parser.add_argument("--url", required=True)
parser.add_argument("--reads", type=int, default=200)
arguments = parser.parse_args()
target = urlparse(arguments.url)


def request(method, path, body=None, source="127.0.0.1"):
    connection = http.client.HTTPConnection(target.hostname, target.port, source_address=(source, 0), timeout=60)
    connection.request(method, path, body=json.dumps(body) if body else None,
                       headers={"content-type": "application/json"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def median_read_ms():
    times = []
    for _ in range(arguments.reads):
        start = time.perf_counter()
        request("GET", "/api/v1/organizations?limit=1")
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


stopping = threading.Event()
answers = {}


def guess(index):
    while not stopping.is_set():
        email = f"guess{index}-{time.time_ns()}@example.eu"
        status = request("POST", "/api/v1/sessions", {"email": email, "password": "a wrong guess"},
                         source=f"127.0.1.{index + 1}")
        answers[status] = answers.get(status, 0) + 1
        time.sleep(0.1)


print(f"idle: median read {median_read_ms():.1f} ms")
guessers = [threading.Thread(target=guess, args=(index,)) for index in range(20)]
for guesser in guessers:
    guesser.start()
time.sleep(2)
print(f"20 guessing clients: median read {median_read_ms():.1f} ms")
stopping.set()
for guesser in guessers:
    guesser.join()
print("log-in answers:", dict(sorted(answers.items())))
