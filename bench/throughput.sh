#!/usr/bin/env bash
# Throughput with wrk THROUGH the production stack (deploy/stack.py: Debian's nginx with
# deploy/nginx.conf in front of gunicorn with deploy/gunicorn.conf.py, all on loopback):
# a rendered app page (nginx's proxy cache) vs a fingerprinted static file (nginx from disk),
# same nginx, same run; then the same page from gunicorn alone, uncached (every request renders).
# Goals: page/static ratio >= 0.8; 200 connections, 0 errors; p99 reported.
# Run: bench/throughput.sh [seconds]   (installs wrk with apt if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
if ! command -v wrk >/dev/null; then
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

LOG=$(mktemp)
LOCKSTEP_WORKERS=4 .venv/bin/python deploy/stack.py >"$LOG" 2>&1 &
STACK=$!
trap 'kill $STACK 2>/dev/null; wait $STACK 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 150); do grep -q '^gunicorn ' "$LOG" && break; sleep 0.2; done
NGINX=$(awk '$1=="nginx" {print $2}' "$LOG")
APP=$(awk '$1=="gunicorn" {print $2}' "$LOG")
[ -n "$NGINX" ] || { cat "$LOG" >&2; exit 1; }

PAGE=/en/whatsapp/
CSS=$(curl -fsS "$NGINX$PAGE" | grep -o '/static/css/app.css?v=[0-9a-f]*' | head -1)
curl -fsS -o /dev/null -H "Accept-Encoding: br, gzip" "$NGINX$PAGE"  # the cache holds this variant
run() {  # label url -> "label|rps|p50|p99|socket errors|non-2xx"
  local out rps p50 p99 errors non2xx
  out=$(wrk --threads 2 --connections 200 --duration "${DURATION}s" --timeout 5s --latency \
        -H "Accept-Encoding: br, gzip" "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$1|$rps|$p50|$p99|${errors:-0}|${non2xx:-0}"
}
PAGE_ROW=$(run "app page $PAGE via nginx (cached)" "$NGINX$PAGE")
STATIC_ROW=$(run "static $CSS via nginx" "$NGINX$CSS")
ALONE_ROW=$(run "app page $PAGE, gunicorn alone (uncached)" "$APP$PAGE")
echo "| target | requests/s | p50 | p99 | socket errors | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
for row in "$PAGE_ROW" "$STATIC_ROW" "$ALONE_ROW"; do echo "| ${row//|/ | } |"; done
awk -v p="$PAGE_ROW" -v s="$STATIC_ROW" 'BEGIN { split(p, a, "|"); split(s, b, "|");
  printf "page/static ratio through nginx: %.2f (goal >= 0.8)\n", a[2] / b[2] }'
