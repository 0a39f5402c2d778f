# Sourced by the HTTP benchmarks: builds `silkbridge`, starts `serve --demo` on a free loopback port with a
# throw-away data folder (stopped and removed on exit), and defines `measure NAME URL` around wrk.
# Reads $1 (seconds per measurement, default 10), $2 (connections, default 64) and CONFIGURATION (default release).
seconds="${1:-10}"
connections="${2:-64}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

configuration="${CONFIGURATION:-release}"
swift build -c "$configuration" --product silkbridge --package-path "$root" >/dev/null
binary="$(swift build -c "$configuration" --package-path "$root" --show-bin-path)/silkbridge"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)"
data="$(mktemp -d)"
"$binary" serve --demo --port "$port" --data-dir "$data" >"$data/serve.log" 2>&1 &
server=$!
# Scripts that start more processes add their clean-up to this list.
cleanup=('kill "$server" 2>/dev/null; wait "$server" 2>/dev/null')
trap 'for step in "${cleanup[@]}"; do eval "$step"; done; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"

# Waits up to 30 s for the server to answer `path`.
wait_for() {
    for _ in $(seq 1 300); do
        curl -fs "$base$1" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    cat "$data/serve.log" >&2
    return 1
}

# Prints "NAME: rate req/s, p99 …" for `wrk --latency` on URL and keeps the rate in $data/NAME.rate.
measure() {
    local result rate p99 errors
    result="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$2")"
    rate="$(awk '/Requests\/sec/ {print $2}' <<<"$result")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$result")"
    errors="$(grep -E 'Non-2xx|Socket errors' <<<"$result" || true)"
    echo "$1: $rate req/s, p99 $p99 ${errors:+($errors)}"
    echo "$rate" >"$data/$(basename "$1").rate"
}
