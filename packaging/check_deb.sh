#!/usr/bin/env bash
# Checks dist/otop-pos_<version>_amd64.deb on this machine, as a vendor's laptop would meet it (needs root):
#   its contents; dpkg -i; /usr/bin/otop-pos run from / in a clean environment (no virtual environment, no
#   checkout) as an ordinary user: --help, a demo booth set up, simulated, reported, a receipt printed to a
#   file (ESC/POS) and as PDF, a fair store; the booth and organiser windows started under Xvfb and
#   screenshotted; the udev rule and menu entries in place; dpkg -r removes it and keeps the data folder.
#   bash packaging/check_deb.sh [DEB] [OUT_DIR]      (OUT_DIR gets the screenshots; default build/check-deb)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
deb=${1:-$(ls -t "$here"/dist/otop-pos_*_"$(dpkg --print-architecture)".deb | head -n 1)}
deb=$(readlink -m "$deb")
out=$(readlink -m "${2:-$here/build/check-deb}")
mkdir -p "$out"
[ "$(id -u)" = 0 ] || { echo "check_deb.sh installs the package: run it as root" >&2; exit 2; }
step() { printf '\033[1m[check-deb]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31m[check-deb] FAILED:\033[0m %s\n' "$*" >&2; exit 1; }
start=$(date +%s)
PYTHON=${PYTHON:-$here/.venv/bin/python}
# what the checks use (a fresh CI machine has none of it): the virtual screen, the window manager and keys,
# screenshots, udev to parse the rule, the menu-entry validator, pdftotext
tools="xvfb xauth xdotool openbox imagemagick udev desktop-file-utils poppler-utils"
missing=$(for p in $tools; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  step "installing the check's tools: $(echo $missing)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

step "contents of $(basename "$deb") ($(du -h "$deb" | cut -f1))"
listing=$(dpkg-deb -c "$deb")
for path in ./opt/otop-pos/otop-pos ./usr/bin/otop-pos ./usr/share/applications/otop-pos.desktop \
    ./usr/share/applications/otop-pos-organiser.desktop ./usr/share/icons/hicolor/256x256/apps/otop-pos.png \
    ./usr/share/icons/hicolor/256x256/apps/otop-pos-organiser.png ./usr/lib/udev/rules.d/70-otop-pos-printers.rules \
    ./opt/otop-pos/_internal/otop_pos/migrations/booth/env.py ./opt/otop-pos/_internal/otop_pos/migrations/fair/env.py \
    ./opt/otop-pos/_internal/otop_pos/resources/fonts/Sarabun-Regular.ttf \
    ./opt/otop-pos/_internal/otop_pos/resources/i18n/otop_pos_th.qm ./opt/otop-pos/_internal/otop_pos/resources/demo/vendors.csv; do
  grep -q " $path\( \|$\)" <<<"$listing" || fail "$path is not in the package"
done
if grep -E -i 'Qt6(Qml|Quick|Web|3D)|opengl32sw|/qml/' <<<"$listing"; then fail "QML/Quick/WebEngine/3D in the package"; fi
depends=$(dpkg-deb -f "$deb" Depends)
for pkg in libusb-1.0-0 libthai0 libc6; do grep -q "\b$pkg\b" <<<"$depends" || fail "Depends lacks $pkg: $depends"; done

step "dpkg -i"
dpkg -r otop-pos >/dev/null 2>&1 || true
if ! dpkg -i "$deb" >"$out/dpkg-i.log" 2>&1; then
  step "dependencies missing: apt-get -f install"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends >>"$out/dpkg-i.log" 2>&1 \
    || { cat "$out/dpkg-i.log" >&2; fail "dpkg -i"; }
fi
[ "$(dpkg-query -W -f '${Status}' otop-pos)" = "install ok installed" ] || fail "otop-pos is not installed"
[ -f /usr/lib/udev/rules.d/70-otop-pos-printers.rules ] || fail "udev rule missing"
grep -q 'TAG+="uaccess"' /usr/lib/udev/rules.d/70-otop-pos-printers.rules || fail "udev rule without uaccess"
# udev parses the rule without complaint
udevadm test --action=add /sys/class/net/lo 2>&1 | grep "70-otop-pos-printers.rules" >"$out/udev.txt" || true
grep -q "Reading rules file: /usr/lib/udev/rules.d/70-otop-pos-printers.rules" "$out/udev.txt" || fail "udev did not read the rule"
if grep -v "Reading rules file" "$out/udev.txt"; then fail "udev finds errors in the rule"; fi
grep -q '^Name\[th\]=' /usr/share/applications/otop-pos.desktop || fail "no Thai name for the booth entry"
grep -q '^Exec=otop-pos organiser$' /usr/share/applications/otop-pos-organiser.desktop || fail "organiser entry"
grep -q '^StartupWMClass=otop-pos-organiser$' /usr/share/applications/otop-pos-organiser.desktop || fail "organiser class"
dpkg-deb -f "$deb" Recommends | grep -q fonts-thai-tlwg || fail "the package does not recommend a Thai system font"
desktop-file-validate /usr/share/applications/otop-pos.desktop /usr/share/applications/otop-pos-organiser.desktop \
  || fail "the menu entries do not validate"

# an ordinary user (nobody) in a clean environment, started from /, its home a fresh folder
home=$(mktemp -d /tmp/otop-check-home.XXXXXX)
chown 65534:65534 "$home"; chmod 0755 "$home"
as_user() { (cd / && setpriv --reuid=65534 --regid=65534 --clear-groups \
  env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"); }
data="$home/.local/share/otop-pos"

step "otop-pos --help from / with no Python environment"
as_user sh -c 'command -v otop-pos' | grep -qx /usr/bin/otop-pos || fail "otop-pos is not /usr/bin/otop-pos"
t0=$(date +%s%N)
as_user otop-pos --help >"$out/help.txt" || fail "otop-pos --help"
step "  --help took $(( ($(date +%s%N) - t0) / 1000000 )) ms"
grep -q "booth" "$out/help.txt" && grep -q "organiser" "$out/help.txt" || fail "--help lists no commands"

step "a demo booth: setup, simulate, report, receipt to a file"
as_user otop-pos --lang en booth setup --registry /opt/otop-pos/_internal/otop_pos/resources/demo \
  --vendor KK20-0002 --pin 4321 >"$out/setup.txt" 2>&1 || { cat "$out/setup.txt" >&2; fail "booth setup"; }
[ -f "$data/booth.sqlite" ] || fail "no booth store in the user's data folder $data"
as_user otop-pos --lang en booth simulate --days 2 --sales-per-day 20 --seed 1 --pin 4321 >"$out/simulate.txt" 2>&1 \
  || { cat "$out/simulate.txt" >&2; fail "booth simulate"; }
as_user otop-pos booth report --json >"$out/report.json" || fail "booth report"
grep -q '"net' "$out/report.json" || fail "the report has no net income"
as_user otop-pos booth sales --json >"$out/sales.json" || fail "booth sales"
grep -q '"uuid"' "$out/sales.json" || fail "no sales after the simulation"
receipt="$home/receipt.bin"
as_user otop-pos print receipt --last --printer "file:$receipt" --width 384 || fail "print receipt to a file"
[ -s "$receipt" ] || fail "the receipt file is empty"
[ "$(head -c 2 "$receipt" | od -An -tx1 | tr -d ' \n')" = 1b40 ] || fail "the receipt does not start with ESC @"
grep -q -a $'\x1dv0' "$receipt" || fail "the receipt holds no raster image (GS v 0)"
cp "$receipt" "$out/receipt.bin"
as_user otop-pos print receipt --last --pdf "$home/receipt.pdf" || fail "receipt as PDF"
pdftotext "$home/receipt.pdf" - | grep -q "ใบเสร็จ\|Receipt\|RECEIPT" || fail "the PDF receipt has no receipt title"

step "the organiser's fair store"
as_user otop-pos fair create --name "งานทดสอบ" --venue "สวนรัชดานุสรณ์" --province ขอนแก่น \
  --start 2020-10-26 --end 2020-11-01 >"$out/fair.txt" 2>&1 || { cat "$out/fair.txt" >&2; fail "fair create"; }
as_user otop-pos fair registry /opt/otop-pos/_internal/otop_pos/resources/demo >>"$out/fair.txt" 2>&1 \
  || { cat "$out/fair.txt" >&2; fail "fair registry"; }
as_user otop-pos fair status --json >"$out/fair-status.json" || fail "fair status"

window_open() {  # NAME ARGS…: start the window as the user on a fresh virtual screen and wait until it shows
  W_NAME=$1; shift
  local n=90
  while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  W_DISP=":$n"
  Xvfb "$W_DISP" -screen 0 1024x600x24 -nolisten tcp >/dev/null 2>&1 &
  W_XVFB=$!
  for _ in $(seq 1 100); do   # until the screen takes clients (a fixed pause lost the race under load)
    DISPLAY=$W_DISP xdotool getmouselocation >/dev/null 2>&1 && break
    kill -0 "$W_XVFB" 2>/dev/null || fail "Xvfb did not start on $W_DISP"
    sleep 0.1
  done
  local t0; t0=$(date +%s%N)
  (cd / && setpriv --reuid=65534 --regid=65534 --clear-groups env -i HOME="$home" PATH=/usr/bin:/bin \
    LANG=C.UTF-8 DISPLAY="$W_DISP" OTOP_POS_SOUND=0 "$@" >"$out/$W_NAME.log" 2>&1) &
  W_APP=$!
  local found=""
  for _ in $(seq 1 150); do
    if DISPLAY=$W_DISP xdotool search --onlyvisible --name . >/dev/null 2>&1; then found=1; break; fi
    kill -0 "$W_APP" 2>/dev/null || break
    sleep 0.1
  done
  W_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  [ -n "$found" ] || { window_close; cat "$out/$W_NAME.log" >&2; fail "the $W_NAME window did not appear"; }
  sleep 2
  DISPLAY=$W_DISP import -window root "$out/$W_NAME.png" 2>/dev/null || true
}
window_close() {
  pkill -TERM -P "$W_APP" 2>/dev/null || true; kill "$W_APP" 2>/dev/null || true; wait "$W_APP" 2>/dev/null || true
  kill "$W_XVFB" 2>/dev/null || true; wait "$W_XVFB" 2>/dev/null || true
}
window() {  # NAME CLASS ARGS…: start the window, screenshot it, check its window class, close it
  local class=$2
  window_open "$1" "${@:3}"
  if ! DISPLAY=$W_DISP xdotool search --class "^$class\$" >/dev/null 2>&1; then
    window_close; fail "the $W_NAME window's class is not $class (its menu entry's StartupWMClass)"
  fi
  window_close
  step "  $W_NAME window shown after $W_MS ms: $out/$W_NAME.png"
}
step "the booth window and the organiser window under Xvfb"
window booth-window otop-pos otop-pos --lang th
window organiser-window otop-pos-organiser otop-pos --lang th organiser

step "from the menu to a sale with no terminal: the wizard, the demo fair, a scan paid in cash"
"$PYTHON" "$here/packaging/first_sale.py" --desktop /usr/share/applications/otop-pos.desktop --out "$out" \
  >"$out/first-sale.json" || fail "the first sale from the menu entry (screens in $out/first-sale-*.png)"
step "  $(cat "$out/first-sale.json")"

step "installing or removing under an open till is refused (the till keeps selling); closed, it goes through"
window_open running-till otop-pos --lang th
if dpkg -i "$deb" >"$out/dpkg-i-running.log" 2>&1; then window_close; fail "dpkg -i replaced the app under a running till"; fi
if dpkg -r otop-pos >"$out/dpkg-r-running.log" 2>&1; then window_close; fail "dpkg -r removed the app under a running till"; fi
pgrep -u 65534 -f "otop-pos --lang th" >/dev/null || { window_close; fail "the till stopped while dpkg was refused"; }
window_close
grep -q "OTOP POS is still open. Close it first" "$out/dpkg-i-running.log" || fail "dpkg -i gave no message: $(cat "$out/dpkg-i-running.log")"
grep -q "กรุณาปิดโปรแกรมก่อน" "$out/dpkg-r-running.log" || fail "dpkg -r gave no Thai message: $(cat "$out/dpkg-r-running.log")"
# (the refused removal leaves the wish "deinstall" behind, as any refused removal does; the package is whole)
[ "$(dpkg-query -W -f '${db:Status-Status} ${Version}' otop-pos)" = "installed $(dpkg-deb -f "$deb" Version)" ] \
  || fail "the refused dpkg left the package half-installed: $(dpkg-query -W -f '${Status}' otop-pos)"
dpkg -i "$deb" >>"$out/dpkg-i.log" 2>&1 || fail "installing again once the till is closed"
step "  refused while open ($(grep -c . "$out/dpkg-i-running.log") lines of dpkg output), installed again once closed"

step "dpkg -r keeps the vendor's data"
dpkg -r otop-pos >"$out/dpkg-r.log" 2>&1 || { cat "$out/dpkg-r.log" >&2; fail "dpkg -r"; }
for path in /opt/otop-pos /usr/bin/otop-pos /usr/lib/udev/rules.d/70-otop-pos-printers.rules \
    /usr/share/applications/otop-pos.desktop; do
  [ ! -e "$path" ] || fail "$path is left after dpkg -r"
done
[ -f "$data/booth.sqlite" ] || fail "dpkg -r removed the vendor's data folder"
rm -rf "$home"
step "all checks passed in $(( $(date +%s) - start )) s"
