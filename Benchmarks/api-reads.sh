#!/usr/bin/env bash
# Reads per second of one opportunity through the JSON API, GET /api/v1/opportunities/{id}, served by a release
# `silkbridge serve --demo`, and in the same run of nginx serving a static file holding the same JSON: the bound
# a server of files sets on this machine. Both measured with wrk (apt-get install wrk nginx).
# Usage (from the repository root): Benchmarks/api-reads.sh [seconds per measurement, default 10] [connections, default 64]
# CONFIGURATION=debug measures the debug build instead (not comparable with the targets).
set -euo pipefail
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx" ] || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }
source "$(dirname "$0")/serve-demo.sh"

wait_for "/api/v1/opportunities?limit=1"
id="$(curl -fs "$base/api/v1/opportunities?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')"
path="/api/v1/opportunities/$id"
mkdir -p "$data/www"
curl -fs "$base$path" >"$data/www/opportunity.json"
# nginx's workers drop to an unprivileged user, who must be able to read the file.
chmod a+rx "$data" "$data/www" && chmod a+r "$data/www/opportunity.json"

# nginx with a worker per core and no access log, otherwise as it comes.
static_port="$(free_port)"
cat >"$data/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $data/nginx.pid;
error_log $data/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $data/nginx-body;
    default_type application/json;
    server { listen 127.0.0.1:$static_port; root $data/www; }
}
CONF
"$nginx" -c "$data/nginx.conf" -p "$data" &
nginx_process=$!
cleanup+=('kill "$nginx_process" 2>/dev/null; wait "$nginx_process" 2>/dev/null')
for _ in $(seq 1 100); do
    curl -fs -o /dev/null "http://127.0.0.1:$static_port/opportunity.json" && break
    sleep 0.1
done

echo "silkbridge serve --demo ($configuration) on port $port, an opportunity of $(wc -c <"$data/www/opportunity.json")" \
    "bytes; wrk -t2 -c$connections -d${seconds}s; target ≥ 10,000 req/s, p99 ≤ 10 ms"
measure api "$base$path"
measure nginx "http://127.0.0.1:$static_port/opportunity.json"
python3 -c 'import sys; print(f"api / nginx: {float(sys.argv[1]) / float(sys.argv[2]):.2f}")' \
    "$(cat "$data/api.rate")" "$(cat "$data/nginx.rate")"
