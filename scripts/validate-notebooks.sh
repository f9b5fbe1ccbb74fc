#!/usr/bin/env bash
# Validates executed notebooks with the real Jupyter tools (Debian's python3-nbformat and
# python3-nbconvert, under /usr/bin/python3), and fails loudly on any problem:
#   1. every notebook under notebooks/ has an executed copy (so nothing was silently skipped);
#   2. each executed copy is valid nbformat 4.5 (cell ids included) per nbformat's JSON schema;
#   3. each renders to HTML with nbconvert.
#
# usage: scripts/validate-notebooks.sh [EXECUTED_DIR [SOURCE_DIR]]
#        defaults: target/executed and notebooks; HTML goes to $HTML_DIR (default target/notebook-html).
# Needs: apt-get install -y python3-nbformat python3-nbconvert
set -euo pipefail
cd "$(dirname "$0")/.."

executed=${1:-target/executed}
sources=${2:-notebooks}
html=${HTML_DIR:-target/notebook-html}
python=/usr/bin/python3

fail() { echo "validate-notebooks: $*" >&2; exit 1; }

"$python" -c 'import nbformat, nbconvert' 2>/dev/null \
  || fail "$python cannot import nbformat and nbconvert; install them: apt-get install -y python3-nbformat python3-nbconvert"

mapfile -t notebooks < <(find "$executed" -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null | sort)
mapfile -t originals < <(find "$sources" -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null | sort)

missing=0
for original in "${originals[@]}"; do
  copy="$executed/${original#"$sources"/}"
  if [ ! -f "$copy" ]; then
    echo "validate-notebooks: no executed copy of $original (expected $copy)" >&2
    missing=$((missing + 1))
  fi
done
[ "$missing" -eq 0 ] || fail "$missing notebook(s) were not executed; run mvn verify or ./course run first"

if [ "${#notebooks[@]}" -eq 0 ]; then
  echo "validate-notebooks: no notebooks under $sources and none executed in $executed; nothing to validate"
  exit 0
fi

"$python" - "${notebooks[@]}" <<'PY'
import json
import sys
import warnings

import nbformat

# A warning (e.g. a missing cell id nbformat would repair silently) is a failure here.
warnings.simplefilter("error")
bad = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            raw = json.load(f)
        if (raw.get("nbformat"), raw.get("nbformat_minor", 0) >= 5) != (4, True):
            raise ValueError("expected nbformat 4.5 or later, found %s.%s" % (raw.get("nbformat"), raw.get("nbformat_minor")))
        for number, cell in enumerate(raw.get("cells", []), start=1):
            if not isinstance(cell.get("id"), str):
                raise ValueError("cell %d has no id" % number)
        nbformat.validate(nbformat.from_dict(raw))
        print("valid      " + path)
    except Exception as e:  # report every notebook, then fail
        bad += 1
        print("INVALID    %s: %s" % (path, e), file=sys.stderr)
sys.exit(1 if bad else 0)
PY

rm -rf "$html"
mkdir -p "$html"
for notebook in "${notebooks[@]}"; do
  relative=${notebook#"$executed"/}
  folder=$(dirname "$relative")
  out=$html${folder:+/$folder}
  out=${out%/.}
  mkdir -p "$out"
  if ! log=$("$python" -m nbconvert --to html --output-dir "$out" "$notebook" 2>&1); then
    echo "$log" >&2
    fail "nbconvert could not render $notebook"
  fi
  echo "rendered   $out/$(basename "${notebook%.ipynb}").html"
done
echo "validate-notebooks: ${#notebooks[@]} notebook(s) valid and rendered to $html"
