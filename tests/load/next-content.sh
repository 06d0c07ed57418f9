#!/usr/bin/env bash
# Throughput of a content page with the personalised blocks (next for you + call to action) against the same page
# with personalisation disabled (JourneyContent:Recommendations:Enabled=false), measured with wrk in one run.
# Both runs use a consented visitor with a reading history, so tracking costs the same in both; the difference is
# choosing and rendering the blocks (and recording the call-to-action impression).
#
#   bash tests/load/next-content.sh            # 20 s per run, 2 threads, 32 connections
#   DURATION=30s CONNECTIONS=64 bash tests/load/next-content.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PAGE=${PAGE:-/en/what-is-the-buyers-journey}
UA="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

dotnet build src/JourneyContent.Site -c Release -v quiet -nologo >/dev/null
DLL=$ROOT/src/JourneyContent.Site/bin/Release/net10.0/JourneyContent.Site.dll

run() {
  local label=$1 enabled=$2 port data jar pid
  port=$((5300 + RANDOM % 400))
  data=$(mktemp -d /tmp/jc-load.XXXXXX)
  jar=$data/cookies.txt
  (cd "$(dirname "$DLL")" && exec env Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet "$DLL" --JourneyContent:DataPath="$data" --JourneyContent:ContentPath="$ROOT/src/JourneyContent.Site/content" \
    --JourneyContent:ThemesPath="$ROOT/themes" --JourneyContent:Recommendations:Enabled="$enabled") >"$data/site.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/en" && break; sleep 0.2; done
  local base="http://127.0.0.1:$port"
  curl -fs -o /dev/null -c "$jar" -b "$jar" -A "$UA" -H 'Content-Type: application/json' -d '{"accept":true}' "$base/api/journey/consent"
  for p in /en/nordlys-logistics-shortened-its-sales-cycle /en/atelier-berthe-doubled-qualified-leads /en/crm-or-marketing-automation-what-first; do
    curl -fs -o /dev/null -c "$jar" -b "$jar" -A "$UA" "$base$p"
  done
  local cookie
  cookie=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF>=7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "User-Agent: $UA" -H "Cookie: $cookie" "$base$PAGE" >/dev/null   # warm-up
  echo "== $label ($PAGE, $THREADS threads, $CONNECTIONS connections, $DURATION)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "User-Agent: $UA" -H "Cookie: $cookie" "$base$PAGE" | tee "$data/wrk.txt"
  echo "(blocks on the page: $(curl -fs -b "$jar" -A "$UA" "$base$PAGE" | grep -o 'data-journey-stage="[a-z]*" data-personalised="[a-z]*"' || echo none))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  RPS[$label]=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
  rm -rf "$data"
}

declare -A RPS
run personalised true
run disabled false
python3 - "${RPS[personalised]}" "${RPS[disabled]}" <<'PY'
import sys
on, off = float(sys.argv[1]), float(sys.argv[2])
print(f"personalised {on:.0f} req/s, disabled {off:.0f} req/s: {100 * on / off:.1f}% of the throughput (target at least 80%)")
PY
