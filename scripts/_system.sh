# Sourced by scripts/test: installs the Debian/Ubuntu packages the tests need,
# only those missing. LibreOffice and poppler read the generated documents back;
# Noto CJK renders Chinese in them; NSIS checks the Windows installer's script.
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
# makensis compiles the Windows installer's script (tests/test_windows_packaging.py).
command -v makensis >/dev/null 2>&1 || missing+=(nsis)
# FUSE: a folder that behaves like a network share (tests/network_folder.py).
command -v fusermount >/dev/null 2>&1 || missing+=(fuse3 libfuse2)
# Qt on the offscreen platform (the window's tests).
known_libs=$(ldconfig -p 2>/dev/null || true)  # once: `ldconfig -p | grep -q` dies of SIGPIPE
for lib in libEGL.so.1 libGL.so.1 libdbus-1.so.3 libxkbcommon.so.0 libglib-2.0.so.0; do
  grep -qF "$lib" <<<"$known_libs" || { missing+=(libegl1 libgl1 libdbus-1-3 libxkbcommon0 libglib2.0-0 libfontconfig1 libfreetype6); break; }
done
if ! { command -v fc-list >/dev/null 2>&1 && fc-list | grep -c "Noto Serif CJK" >/dev/null; }; then  # -c reads all: no SIGPIPE
  missing+=(fonts-noto-cjk)
fi
if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
