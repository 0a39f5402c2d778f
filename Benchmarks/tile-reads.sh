#!/usr/bin/env bash
# Reads per second of the ledger's checkpoint and a hash tile, served by a release `silkbridge serve --demo`
# on a free loopback port with a throw-away SQLite folder, and of the same bytes served as static files by nginx
# on another loopback port, measured with wrk in the same run (apt-get install wrk nginx).
# Usage (from the repository root): Benchmarks/tile-reads.sh [seconds per measurement, default 10]
#   [connections, default 64] [runs, default 3]
# Each path is measured `runs` times, alternating the two servers; the medians and their ratio are printed.
# CONFIGURATION=debug measures the debug build instead (not comparable with the targets).
set -euo pipefail

runs="${3:-3}"
source "$(dirname "$0")/serve-demo.sh"
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx" ] || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }
nginx_pid=""
cleanup+=('kill ${nginx_pid:+"$nginx_pid"} 2>/dev/null || true')

wait_for /ledger/checkpoint
checkpoint="$(curl -fs "$base/ledger/checkpoint")"
size="$(sed -n 2p <<<"$checkpoint")"
# The first level-0 hash tile: full once the log holds 256 entries, partial (.p/width) before.
if [ "$size" -ge 256 ]; then tile="tile/0/000"; else tile="tile/0/000.p/$size"; fi
curl -fs -o /dev/null "$base/ledger/$tile" || { echo "no $tile at size $size" >&2; exit 1; }

# The same bytes as static files, served by nginx with its Debian defaults for workers, on loopback; its workers
# run as an unprivileged user when started as root, so the throw-away folder must be readable to them.
chmod 755 "$data"
mkdir -p "$data/static/ledger/$(dirname "$tile")" "$data/nginx"
for path in checkpoint "$tile"; do curl -fs -o "$data/static/ledger/$path" "$base/ledger/$path"; done
nginx_port="$(free_port)"
cat >"$data/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $data/nginx/nginx.pid;
error_log $data/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/octet-stream;
    client_body_temp_path $data/nginx/body;
    proxy_temp_path $data/nginx/proxy;
    fastcgi_temp_path $data/nginx/fastcgi;
    uwsgi_temp_path $data/nginx/uwsgi;
    scgi_temp_path $data/nginx/scgi;
    server { listen 127.0.0.1:$nginx_port; root $data/static; }
}
CONF
"$nginx" -p "$data/nginx" -c "$data/nginx/nginx.conf" &
nginx_pid=$!
static="http://127.0.0.1:$nginx_port"
for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$static/ledger/checkpoint" && break
    sleep 0.1
done
cmp -s <(curl -fs "$static/ledger/$tile") <(curl -fs "$base/ledger/$tile") || { echo "nginx serves other bytes" >&2; exit 1; }

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# Prints "requests/s p99-in-ms", with a warning on stderr if any request failed.
measure() {
    local result
    result="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1")"
    grep -E 'Non-2xx|Socket errors' <<<"$result" >&2 || true
    awk '/Requests\/sec/ { rate = $2 }
         $1 == "99%" { v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; p99 = v }
         END { print rate, p99 }' <<<"$result"
}

echo "silkbridge serve --demo ($configuration, port $port) and nginx (static files, port $nginx_port), log size $size;"
echo "wrk -t2 -c$connections -d${seconds}s, $runs runs each, medians; target ≥ 20,000 req/s"
for path in checkpoint "$tile"; do
    : >"$data/ours" && : >"$data/theirs"
    for _ in $(seq 1 "$runs"); do
        measure "$base/ledger/$path" >>"$data/ours"
        measure "$static/ledger/$path" >>"$data/theirs"
    done
    rate="$(cut -d' ' -f1 "$data/ours" | median)"
    p99="$(cut -d' ' -f2 "$data/ours" | median)"
    nginx_rate="$(cut -d' ' -f1 "$data/theirs" | median)"
    nginx_p99="$(cut -d' ' -f2 "$data/theirs" | median)"
    printf '/ledger/%s: silkbridge %.0f req/s (p99 %.2f ms), nginx %.0f req/s (p99 %.2f ms), ratio %.2f; runs: %s\n' \
        "$path" "$rate" "$p99" "$nginx_rate" "$nginx_p99" "$(awk -v a="$rate" -v b="$nginx_rate" 'BEGIN { print a / b }')" \
        "$(cut -d' ' -f1 "$data/ours" | paste -sd' ')"
done
