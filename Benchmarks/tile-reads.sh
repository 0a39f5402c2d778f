#!/usr/bin/env bash
# Reads per second of the ledger's checkpoint and a hash tile, served by a release `silkbridge serve --demo`
# on a free loopback port with a throw-away SQLite folder, measured with wrk (apt-get install wrk).
# Usage (from the repository root): Benchmarks/tile-reads.sh [seconds per measurement, default 10] [connections, default 64]
# CONFIGURATION=debug measures the debug build instead (not comparable with the targets).
set -euo pipefail

seconds="${1:-10}"
connections="${2:-64}"
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

configuration="${CONFIGURATION:-release}"
swift build -c "$configuration" --product silkbridge --package-path "$root" >/dev/null
binary="$(swift build -c "$configuration" --package-path "$root" --show-bin-path)/silkbridge"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
data="$(mktemp -d)"
"$binary" serve --demo --port "$port" --data-dir "$data" >"$data/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do
    curl -fs "$base/ledger/checkpoint" >/dev/null 2>&1 && break
    sleep 0.1
done
checkpoint="$(curl -fs "$base/ledger/checkpoint")" || { cat "$data/serve.log" >&2; exit 1; }
size="$(sed -n 2p <<<"$checkpoint")"
# The first level-0 hash tile: full once the log holds 256 entries, partial (.p/width) before.
if [ "$size" -ge 256 ]; then tile="tile/0/000"; else tile="tile/0/000.p/$size"; fi
curl -fs -o /dev/null "$base/ledger/$tile" || { echo "no $tile at size $size" >&2; exit 1; }

echo "silkbridge serve --demo ($configuration) on port $port, log size $size; wrk -t2 -c$connections -d${seconds}s, target ≥ 20,000 req/s"
for path in checkpoint "$tile"; do
    result="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base/ledger/$path")"
    rate="$(awk '/Requests\/sec/ {print $2}' <<<"$result")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$result")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<<"$result" || true)"
    echo "/ledger/$path: $rate req/s, p99 $p99 ${errors:+($errors)}"
done
