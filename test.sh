#!/usr/bin/env bash
# The test command: installs what the tests need (Debian packages included), restores, builds and runs
# every test project, then prints "N passed, N failed" alone on the last line.
# Usage: ./test.sh            (everything)
#        ./test.sh Core       (only test projects whose name contains "Core")
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
OUT="$ROOT/test-output"
FILTER="${1:-}"

log() { printf '\n==> %s\n' "$*"; }

# ---- 1. System packages --------------------------------------------------------------------------
# chromium: Playwright end-to-end tests (Debian's build; Playwright never downloads a browser here).
# python3-aiosmtpd: a real SMTP server for the mail tests.
need_pkgs=()
[ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need_pkgs+=(python3-aiosmtpd)
# nodejs and npm: the Umbraco package's back-office client is built with Vite 5, which runs on Debian 12's own Node 18.
{ command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || need_pkgs+=(nodejs npm)
# postgresql (15): a throwaway cluster on a loopback port for JourneyContent.PostgreSql.Tests (started and removed below).
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_pkgs+=(postgresql)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "Installing Debian packages: ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null \
    || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# Node.js 18.18+ and npm build the back-office client (the build runs `npm ci` itself). Debian 12 ships 18.19+; an older
# Node (another distribution's) is named plainly rather than failing inside the build.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 18 || (a === 18 && b >= 18) ? 0 : 1)' 2>/dev/null; then
  echo "Node.js 18.18 or later with npm is needed to build src/JourneyContent.Umbraco/Client (found: $(node --version 2>/dev/null || echo none))."
  echo "0 passed, 1 failed"
  exit 1
fi

# The npm standardwebhooks package (pinned, 3 packages) verifies a real webhook delivery in JourneyContent.Web.Tests: a
# verifier this project did not write. The test fails, never skips, when it is missing.
log "Installing the Node webhook verifier (npm ci)"
if ! (cd tests/JourneyContent.Web.Tests/StandardWebhooksNode && npm ci --no-audit --no-fund --loglevel=error); then
  echo "npm ci failed in tests/JourneyContent.Web.Tests/StandardWebhooksNode"
  echo "0 passed, 1 failed"
  exit 1
fi

# @umbraco-cms/backoffice 18 (pinned, 8 packages): ClientTypeCheckTests type-checks the back-office client against it too.
log "Installing the Umbraco 18 back-office typings (npm ci)"
if ! (cd src/JourneyContent.Umbraco/Client/backoffice-18 && npm ci --no-audit --no-fund --loglevel=error); then
  echo "npm ci failed in src/JourneyContent.Umbraco/Client/backoffice-18"
  echo "0 passed, 1 failed"
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---- 2. Build -----------------------------------------------------------------------------------
log "Restoring and building"
if ! dotnet build JourneyContent.sln -c Release -nologo -v q -clp:ErrorsOnly; then
  echo "Build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# ---- 3. Test projects ---------------------------------------------------------------------------
rm -rf "$OUT"; mkdir -p "$OUT"

# A throwaway PostgreSQL 15 cluster on a free loopback port, as the postgres user (initdb refuses root), torn down on
# exit whatever happens. The tests create and drop a database of their own in it.
PGBIN=/usr/lib/postgresql/15/bin
PGDIR=""
stop_postgres() {
  if [ -n "$PGDIR" ] && [ -d "$PGDIR" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
  fi
}
trap stop_postgres EXIT
# The PostgreSQL tests and the benchmarks' dry run (its PostgreSQL ingest) need it.
if [ -z "$FILTER" ] || [[ "JourneyContent.PostgreSql.Tests" == *"$FILTER"* ]] || [[ "Benchmarks" == *"$FILTER"* ]]; then
  log "Starting a throwaway PostgreSQL 15 cluster"
  PGPORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  PGDIR=$(mktemp -d /tmp/jc-pg.XXXXXX); chown postgres:postgres "$PGDIR"
  if runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$OUT/postgres-initdb.log" 2>&1 \
     && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
          -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off" start > "$OUT/postgres-start.log" 2>&1; then
    export JOURNEYCONTENT_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
    echo "PostgreSQL on 127.0.0.1:$PGPORT"
  else
    # The PostgreSQL tests then fail, naming the variable; nothing is skipped.
    echo "PostgreSQL did not start; see $OUT/postgres-initdb.log and $OUT/postgres-start.log"
    cat "$PGDIR/server.log" 2>/dev/null | tail -20
  fi
fi
status=0
projects=$(grep -l "<IsTestProject>true" tests/*/*.csproj | sort)
# run_tests NAME PROJECT [MSBUILD ARGS...]: runs a built test project into $OUT/NAME.trx and NAME.log.
run_tests() {
  local name=$1 proj=$2; shift 2
  log "Testing $name"
  dotnet test "$proj" -c Release --no-build -nologo "$@" \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$OUT" > "$OUT/$name.log" 2>&1
  local rc=$?
  grep -E '^\s+(Failed|Skipped) |error [A-Z]+[0-9]+|Total tests|^\s+(Passed|Failed)!|Test Run Aborted' "$OUT/$name.log" | head -200
  if [ $rc -ne 0 ]; then
    status=1
    echo "--- $name failed (exit $rc); last lines of $OUT/$name.log:"
    tail -60 "$OUT/$name.log"
  fi
  if [ ! -f "$OUT/$name.trx" ]; then
    echo "$name produced no results (crashed or did not run)"
    echo "$name" >> "$OUT/missing-results.txt"
    status=1
  fi
}
for proj in $projects; do
  name=$(basename "$proj" .csproj)
  if [ -n "$FILTER" ] && [[ "$name" != *"$FILTER"* ]]; then continue; fi
  run_tests "$name" "$proj"
done

# ---- 3b. The Umbraco package for Umbraco 18 ----------------------------------------------------
# The default build is for Umbraco 17 LTS. This one compiles the package against the lowest 18 served (18.1.1) and runs
# its tests on the newest (18.3.1), in their own bin/ and obj/ folders (Directory.Build.props).
name=JourneyContent.Umbraco.Tests.Umbraco18
umbraco18=(-p:UmbracoCoreVersion=18.1.1 -p:UmbracoCoreTestVersion=18.3.1)
if [ -z "$FILTER" ] || [[ "$name" == *"$FILTER"* ]]; then
  log "Building the Umbraco package for Umbraco 18 (${umbraco18[*]})"
  if dotnet build tests/JourneyContent.Umbraco.Tests -c Release -nologo -v q -clp:ErrorsOnly "${umbraco18[@]}" > "$OUT/$name.build.log" 2>&1; then
    run_tests "$name" tests/JourneyContent.Umbraco.Tests "${umbraco18[@]}"
  else
    echo "Build for Umbraco 18 failed; last lines of $OUT/$name.build.log:"
    tail -30 "$OUT/$name.build.log"
    echo "$name" >> "$OUT/missing-results.txt"
    status=1
  fi
fi

# ---- 4. Benchmarks still run (a one-iteration dry run; the real figures come from the README's command) ----
if [ -z "$FILTER" ] || [[ "Benchmarks" == *"$FILTER"* ]]; then
  log "Benchmarks dry run"
  if ! dotnet run -c Release --no-build --project tests/JourneyContent.Benchmarks -- --filter '*' --job Dry --inProcess > "$OUT/benchmarks-dry.log" 2>&1; then
    echo "Benchmark dry run failed; see $OUT/benchmarks-dry.log"
    tail -20 "$OUT/benchmarks-dry.log"
    echo "benchmarks" >> "$OUT/missing-results.txt"
    status=1
  fi
fi

# ---- 5. Summary ---------------------------------------------------------------------------------
summary=$(/usr/bin/python3 - "$OUT" <<'PY'
import sys, glob, os
import xml.etree.ElementTree as ET
out = sys.argv[1]
passed = failed = skipped = 0
for trx in sorted(glob.glob(os.path.join(out, "*.trx"))):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    c = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", ns)
    p, f = int(c.get("passed", 0)), int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s = int(c.get("total", 0)) - int(c.get("executed", 0))
    print(f"  {os.path.basename(trx)[:-4]}: {p} passed, {f} failed, {s} not run", file=sys.stderr)
    passed += p; failed += f; skipped += s
missing = os.path.join(out, "missing-results.txt")
if os.path.exists(missing):
    failed += sum(1 for line in open(missing) if line.strip())
print(f"{passed} {failed} {skipped}")
PY
)
read -r passed failed skipped <<<"$summary"
if [ "$failed" != "0" ] || [ "$passed" = "0" ]; then status=1; fi
if [ "$skipped" != "0" ]; then echo "$skipped tests were not run"; status=1; fi
echo
echo "$passed passed, $failed failed"
exit $status
