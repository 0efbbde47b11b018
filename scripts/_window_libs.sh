# Sourced by scripts/run before it opens the window: installs the Debian/Ubuntu
# libraries Qt's xcb platform needs (only those missing), so that a fresh
# machine needs no other step. Chinese text needs no system font: the program
# ships one (resources/fonts). Skipped where there is no apt-get.
set -euo pipefail
window_missing=()
# read once: `ldconfig -p | grep -q` under pipefail fails at random (grep -q
# closes the pipe early and ldconfig dies of SIGPIPE)
known_libs=$(ldconfig -p 2>/dev/null || true)
for lib in libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
           libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 \
           libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-image.so.0:libxcb-image0 \
           libxcb-render-util.so.0:libxcb-render-util0 libxcb-shape.so.0:libxcb-shape0 \
           libxcb-xkb.so.1:libxcb-xkb1 libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3; do
  grep -qF "${lib%%:*}" <<<"$known_libs" || window_missing+=("${lib##*:}")
done
if ((${#window_missing[@]})) && command -v apt-get >/dev/null 2>&1; then
  echo "Installing the libraries the window needs: ${window_missing[*]}" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${window_missing[@]}" >&2
fi
