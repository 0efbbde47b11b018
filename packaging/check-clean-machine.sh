#!/usr/bin/env bash
# Manual check (root; not part of CI): does the bundle run on a machine that has
# never seen Python? Makes a minimal Debian 12 (bookworm) chroot with debootstrap
# (cached under /var/tmp/applywizard-clean, so reruns take seconds), installs
# ONLY the system libraries README.md names for running the bundle (plus xvfb
# and xauth for the screenshot), unpacks the archive in /opt, runs the bundle's
# self-test, then opens the real window under Xvfb and saves it as PNGs.
#
#   packaging/check-clean-machine.sh [ARCHIVE] [OUT_FOLDER]
#
# ARCHIVE defaults to dist/applywizard-*-linux-*.tar.gz, OUT_FOLDER to
# dist/clean-machine/ (the-window.png, the-window-about.png, self-test.txt).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
archive=${1:-$(ls "$root"/dist/applywizard-*-linux-*.tar.gz | head -n 1)}
out=${2:-$root/dist/clean-machine}
cache=/var/tmp/applywizard-clean
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# What README.md says a Linux machine needs to run the bundle. Keep the two in step.
runtime_libs=(libgl1 libegl1 libxcb1 fontconfig-config)
screenshot_tools=(xvfb xauth)

[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
mkdir -p "$cache/debs" "$out"
if [ ! -d "$cache/base" ]; then
  echo "== debootstrap bookworm (minbase) into $cache/base (first run only)"
  rm -rf "$cache/base.tmp"
  debootstrap --variant=minbase bookworm "$cache/base.tmp" "$mirror" >"$cache/debootstrap.log"
  mv "$cache/base.tmp" "$cache/base"
fi

machine=$cache/machine
cleanup() {
  for mount in dev/pts dev proc var/cache/apt/archives; do
    mountpoint -q "$machine/$mount" && umount -l "$machine/$mount"
  done
  return 0
}
trap cleanup EXIT
cleanup
rm -rf "$machine"
cp -a "$cache/base" "$machine"
mount --bind "$cache/debs" "$machine/var/cache/apt/archives"
mount -t proc proc "$machine/proc"
mount --bind /dev "$machine/dev"
mount --bind /dev/pts "$machine/dev/pts"
cp /etc/resolv.conf "$machine/etc/resolv.conf"
in_machine() { chroot "$machine" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

echo "== installing only: ${runtime_libs[*]} (+ ${screenshot_tools[*]} for the screenshot)"
in_machine apt-get update -qq
in_machine env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${runtime_libs[@]}" "${screenshot_tools[@]}" >/dev/null
echo "python on the machine: $(in_machine sh -c 'command -v python3 || echo none')"
echo "CJK fonts on the machine: $(in_machine sh -c 'ls /usr/share/fonts/*/ 2>/dev/null | grep -ci -e cjk -e wqy -e droid || true')"

echo "== unpacking $(basename "$archive") into /opt"
mkdir -p "$machine/opt"
tar -xzf "$archive" -C "$machine/opt"
du -sh "$machine/opt/applywizard"

echo "== self-test"
status=0
in_machine /opt/applywizard/applywizard --self-test 2>&1 | tee "$out/self-test.txt" || status=$?
[ "${PIPESTATUS[0]:-$status}" = 0 ] || status=1

echo "== the window under Xvfb"
in_machine xvfb-run -a -s "-screen 0 1280x860x24" \
  /opt/applywizard/applywizard --screenshot /tmp/the-window.png 2>&1 | tail -n 5
cp "$machine/tmp/the-window.png" "$machine/tmp/the-window-about.png" "$out/"
echo "screenshots: $out/the-window.png $out/the-window-about.png"
exit "$status"
