#!/usr/bin/env bash
# Drift check: what a new user gets without the lock. Installs the newest versions that
# pyproject.toml's ranges allow (every extra) into a throwaway venv, lists the packages that
# differ from requirements/lock.txt, then runs the test suite there (arguments go to pytest).
# Exit status: pytest's. Usage: scripts/check_drift.sh [-x] [tests/...]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/eventwire-drift.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

extras=$("$PYTHON" -c 'import tomllib; print(",".join(tomllib.load(open("pyproject.toml", "rb"))["project"].get("optional-dependencies", {})))')
echo "drift: installing the newest allowed versions (.[${extras}]) into $tmp/venv" >&2
"$PYTHON" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip
"$tmp/venv/bin/python" -m pip install -q --upgrade --upgrade-strategy eager -e ".[${extras}]"

"$tmp/venv/bin/python" -m pip list --format=json --exclude-editable >"$tmp/installed.json"
"$tmp/venv/bin/python" - "$tmp/installed.json" <<'EOF'
import json, re, sys

def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()

lock = {}
for line in open("requirements/lock.txt"):
    m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(;[^\\]*)?", line)
    if m:
        lock.setdefault(norm(m.group(1)), []).append((m.group(2), (m.group(3) or "").strip("; ").strip()))
installed = {norm(p["name"]): p["version"] for p in json.load(open(sys.argv[1]))}
rows = []
for name, version in sorted(installed.items()):
    if name not in lock:
        rows.append(f"  {name}: not in the lock, newest {version}")
    elif version not in [v for v, _ in lock[name]]:
        rows.append(f"  {name}: lock {' / '.join(v for v, _ in lock[name])}, newest {version}")
for name, entries in sorted(lock.items()):
    if name not in installed and any(not marker for _, marker in entries):
        rows.append(f"  {name}: lock {entries[0][0]}, not installed any more")
print(f"drift: {len(rows)} package(s) differ from requirements/lock.txt" + (":" if rows else ""))
print("\n".join(rows)) if rows else None
EOF

echo "drift: running the tests on the newest versions" >&2
set +e
"$tmp/venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
rc=$?
set -e
if [ "$rc" -eq 0 ]; then
    echo "drift: tests pass on the newest versions; python3 scripts/lock_deps.py --upgrade takes them into the lock"
else
    echo "drift: tests FAIL on the newest versions (exit $rc); where they pass on the locked install (.ci/run), an upstream release among those listed above breaks eventwire: keep the lock, fix the code or tighten pyproject.toml's range"
fi
exit "$rc"
