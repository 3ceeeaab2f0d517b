#!/usr/bin/env bash
# Throughput with wrk against gunicorn on loopback: a rendered app page vs a static CSS file,
# same server, same run. Goals: page/static ratio >= 0.8; 200 connections for 30 s, 0 errors.
# Run: bench/throughput.sh [seconds]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
PORT="${PORT:-8765}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# The documented production command (README), with a throwaway key for the benchmark.
LOCKSTEP_ENV=production LOCKSTEP_SECRET_KEY=bench-only \
  .venv/bin/gunicorn --workers 4 --worker-class gthread --threads 16 --bind "127.0.0.1:$PORT" \
  --access-logfile /dev/null "webapp:create_app()" >/tmp/lockstep-bench-gunicorn.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

BASE="http://127.0.0.1:$PORT"
CSS=$(curl -fsS "$BASE/en/whatsapp/" | grep -o '/static/css/app.css?v=[0-9a-f]*' | head -1)
run() {  # label url -> prints "label rps p50 p99 errors"
  local out
  out=$(wrk --threads 2 --connections 200 --duration "${DURATION}s" --timeout 5s --latency \
        -H "Accept-Encoding: br, gzip" "$2")
  local rps p50 p99 errors non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$1|$rps|$p50|$p99|${errors:-0}|${non2xx:-0}"
}
PAGE=$(run "app page /en/whatsapp/" "$BASE/en/whatsapp/")
STATIC=$(run "static $CSS" "$BASE$CSS")
echo "| target | requests/s | p50 | p99 | socket errors | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
for row in "$PAGE" "$STATIC"; do echo "| ${row//|/ | } |"; done
awk -F'|' -v p="$PAGE" -v s="$STATIC" 'BEGIN { split(p, a, "|"); split(s, b, "|");
  printf "page/static ratio: %.2f (goal >= 0.8)\n", a[2] / b[2] }'
