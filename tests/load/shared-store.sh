#!/usr/bin/env bash
# What the shared store costs per request: the same content page under the same traffic (2,000 consenting visitors,
# many-visitors.lua) on the embedded SQLite store and on PostgreSQL, in one run. On PostgreSQL each request checks the
# visitor it holds against the database and waits for its events' commit (see README, "Several instances").
#
#   JOURNEYCONTENT_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres" bash tests/load/shared-store.sh
#   DURATION=30s CONNECTIONS=32 bash tests/load/shared-store.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PAGE=${PAGE:-/en/pricing}
: "${JOURNEYCONTENT_TEST_POSTGRES:?set it to a PostgreSQL superuser connection string; a database of its own is created and dropped}"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

dotnet build src/JourneyContent.Site -c Release -v quiet -nologo >/dev/null
DLL=$ROOT/src/JourneyContent.Site/bin/Release/net10.0/JourneyContent.Site.dll
DB=jc_load_$RANDOM$RANDOM
ADMIN=$JOURNEYCONTENT_TEST_POSTGRES
psql_admin() { PGCONNECT_TIMEOUT=5 psql "$(python3 -c 'import sys;print(" ".join(p.replace("Username","user").replace("Host","host").replace("Port","port").replace("Database","dbname").replace("Password","password") for p in sys.argv[1].split(";") if p))' "$ADMIN")" -qAtc "$1"; }
psql_admin "CREATE DATABASE $DB"
trap 'psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT

run() {
  local label=$1; shift
  local port data pid
  port=$((5300 + RANDOM % 400))
  data=$(mktemp -d /tmp/jc-load.XXXXXX)
  (cd "$(dirname "$DLL")" && exec env Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$port" \
    dotnet "$DLL" --JourneyContent:DataPath="$data" --JourneyContent:ContentPath="$ROOT/src/JourneyContent.Site/content" \
    --JourneyContent:ThemesPath="$ROOT/themes" "$@") >"$data/site.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -fs -o /dev/null "http://127.0.0.1:$port/readyz" && break; sleep 0.2; done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s tests/load/many-visitors.lua "http://127.0.0.1:$port$PAGE" >/dev/null   # warm-up
  echo "== $label ($PAGE, $THREADS threads, $CONNECTIONS connections, $DURATION)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s tests/load/many-visitors.lua "http://127.0.0.1:$port$PAGE" | tee "$data/wrk.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  RPS[$label]=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
  rm -rf "$data"
}

declare -A RPS
run sqlite
run postgresql --JourneyContent:Storage:Provider=PostgreSql \
  "--JourneyContent:Storage:PostgreSql:ConnectionString=$(python3 - "$ADMIN" "$DB" <<'PY'
import sys
parts = [p for p in sys.argv[1].split(";") if p and not p.lower().startswith("database=")]
print(";".join(parts + ["Database=" + sys.argv[2]]))
PY
)"
python3 - "${RPS[sqlite]}" "${RPS[postgresql]}" <<'PY'
import sys
sqlite, pg = float(sys.argv[1]), float(sys.argv[2])
print(f"SQLite {sqlite:.0f} req/s, PostgreSQL {pg:.0f} req/s: the shared store serves {100 * pg / sqlite:.0f}% of the embedded one's throughput")
PY
