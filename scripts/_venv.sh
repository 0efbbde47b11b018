# Sourced by scripts/run and scripts/test: makes .venv with the pinned packages.
# Reinstalls only when pyproject.toml changed since the last install.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$root/.venv"
extras="${1:-}"
python=${PYTHON:-python3}

need_apt=()
"$python" -c 'import venv, ensurepip' 2>/dev/null || need_apt+=(python3-venv)
if ((${#need_apt[@]})); then
  echo "Installing system packages: ${need_apt[*]}" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

stamp="$venv/.installed${extras:+-$extras}"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
if [ ! -f "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
  echo "Installing ApplyWizard and its pinned dependencies into .venv ..." >&2
  "$venv/bin/python" -m pip install -q --upgrade "pip==25.3" >&2
  "$venv/bin/python" -m pip install -q -e "$root${extras:+[$extras]}" >&2
  touch "$stamp"
fi
