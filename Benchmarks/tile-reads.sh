#!/usr/bin/env bash
# Reads per second of the ledger's checkpoint and a hash tile, served by a release `silkbridge serve --demo`
# on a free loopback port with a throw-away SQLite folder, measured with wrk (apt-get install wrk).
# Usage (from the repository root): Benchmarks/tile-reads.sh [seconds per measurement, default 10] [connections, default 64]
# CONFIGURATION=debug measures the debug build instead (not comparable with the targets).
set -euo pipefail

source "$(dirname "$0")/serve-demo.sh"

wait_for /ledger/checkpoint
checkpoint="$(curl -fs "$base/ledger/checkpoint")" || { cat "$data/serve.log" >&2; exit 1; }
size="$(sed -n 2p <<<"$checkpoint")"
# The first level-0 hash tile: full once the log holds 256 entries, partial (.p/width) before.
if [ "$size" -ge 256 ]; then tile="tile/0/000"; else tile="tile/0/000.p/$size"; fi
curl -fs -o /dev/null "$base/ledger/$tile" || { echo "no $tile at size $size" >&2; exit 1; }

echo "silkbridge serve --demo ($configuration) on port $port, log size $size; wrk -t2 -c$connections -d${seconds}s, target ≥ 20,000 req/s"
for path in checkpoint "$tile"; do measure "/ledger/$path" "$base/ledger/$path"; done
