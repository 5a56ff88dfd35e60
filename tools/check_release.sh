#!/usr/bin/env bash
# Release check: build sdist + wheel for newsfacts and every plugin in plugins/, run
# `twine check` on them, install the built wheels into a fresh venv in a temp dir, and run
# `newsfacts extract seeds/*.txt` there (from outside the source tree, so the installed wheel is
# what runs, not the checkout).
#
# Usage: bash tools/check_release.sh [--keep]      (PYTHON=python3.11 to pick the interpreter)
# Needs network access to the package index for build/twine and the runtime dependencies.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsfacts-release.XXXXXX")"
if [ "${1:-}" = "--keep" ]; then
  echo "keeping $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi
DIST="$WORK/dist"
mkdir -p "$DIST"

step() { printf '== %s\n' "$*"; }
fail() { printf 'check_release: FAILED: %s\n' "$*" >&2; exit 1; }

step "build tools (build, twine) in $WORK/tools"
"$PYTHON" -m venv "$WORK/tools"
"$WORK/tools/bin/pip" install --quiet --disable-pip-version-check build twine

projects=("$ROOT")
for p in "$ROOT"/plugins/*/; do
  [ -f "$p/pyproject.toml" ] && projects+=("${p%/}")
done

for proj in "${projects[@]}"; do
  step "python -m build ${proj#"$ROOT"/}"
  out="$DIST/$(basename "$proj")"
  # Build from a copy so no build artefacts land in the work tree.
  src="$WORK/src/$(basename "$proj")"
  mkdir -p "$src"
  (cd "$proj" && tar --exclude=.venv --exclude=dist --exclude=build --exclude=__pycache__ \
      --exclude=.git --exclude=.mypy_cache --exclude=.pytest_cache --exclude=.ruff_cache \
      --exclude=.hypothesis --exclude=site -cf - .) | (cd "$src" && tar -xf -)
  "$WORK/tools/bin/python" -m build --outdir "$out" "$src" >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log" >&2; fail "build of $proj"; }
  ls "$out"/*.tar.gz >/dev/null 2>&1 || fail "no sdist for $proj"
  ls "$out"/*.whl >/dev/null 2>&1 || fail "no wheel for $proj"
  "$WORK/tools/bin/twine" check --strict "$out"/* || fail "twine check for $proj"
done

step "install the built wheels into a fresh venv"
"$PYTHON" -m venv "$WORK/fresh"
"$WORK/fresh/bin/pip" install --quiet --disable-pip-version-check "$DIST"/*/*.whl

step "newsfacts extract seeds/*.txt with the installed wheel"
cd "$WORK"  # away from the checkout: nothing imports from src/
where="$("$WORK/fresh/bin/python" -c 'import newsfacts; print(newsfacts.__file__)')"
case "$where" in
  "$WORK/fresh/"*) ;;
  *) fail "newsfacts imported from $where, not from the fresh venv" ;;
esac
"$WORK/fresh/bin/newsfacts" --version
"$WORK/fresh/bin/newsfacts" extract "$ROOT"/seeds/*.txt --format jsonl -o "$WORK/seeds.jsonl"
"$WORK/fresh/bin/python" - "$WORK/seeds.jsonl" "$ROOT"/seeds/*.txt <<'PY'
import json
import sys
from pathlib import Path

from newsfacts.serialize import schema

lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
seeds = [Path(p) for p in sys.argv[2:]]
assert len(lines) == len(seeds), f"{len(lines)} results for {len(seeds)} seeds"
for line, seed in zip(lines, seeds):
    obj = json.loads(line)
    assert obj["article"]["id"] == seed.name, (obj["article"]["id"], seed.name)
    assert obj["article"]["text"] == seed.read_text(encoding="utf-8-sig")
    missing = [k for k in schema()["required"] if k not in obj]
    assert not missing, f"{seed.name}: missing keys {missing}"
    # a data file left out of the wheel shows up as an extractor error, not a crash
    assert not obj["errors"], f"{seed.name}: extractor errors {obj['errors']}"
    for key in ("quantities", "quotes", "locations", "claims"):
        assert obj[key], f"{seed.name}: no {key} from the installed wheel"
print(f"ok: {len(lines)} articles, keys: {', '.join(obj)}")
PY
"$WORK/fresh/bin/newsfacts" plugins
step "release check passed"
