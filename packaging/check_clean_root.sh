#!/usr/bin/env bash
# Installs the .deb on a CLEAN Debian 12 root, where none of its libraries are yet (needs root):
#   debootstrap --variant=minbase bookworm, made once into a pristine tarball under /var/tmp and unpacked
#   afresh for every run; `apt-get install ./otop-pos_*.deb` resolves Depends from the Debian archive
#   (--no-install-recommends: stricter than the README's `apt install`, so a library only a Recommends
#   brings cannot hide a missing Depends); every ELF file in /opt/otop-pos must then resolve its libraries;
#   as an ordinary user (env -i, from /): --help, a demo booth set up, simulated, reported, a receipt to a
#   file (ESC/POS raster) and as PDF, a fair store; the booth and organiser windows under Xvfb (installed
#   only now, as a test tool) with no Qt plugin error, apt-get remove refused while the booth window is open;
#   apt-get remove and purge keep ~/.local/share/otop-pos. The root runs in its own process namespace.
# With --older OLD.deb (a package whose stores are older, e.g. built at b58b01d as 0.1.0~s6): the old app
#   makes a booth store and a fair store mid-fair; the new package is refused while the old booth window is
#   open, then installed over it and migrates both stores (every sale kept, a new export imported); then the
#   old package over the new refuses the newer stores (Thai and English, exit != 0; its window says so) and
#   leaves them byte for byte as they were.
#   sudo bash packaging/check_clean_root.sh [--older OLD.deb] [DEB] [OUT_DIR]
# OUT_DIR (default build/check-clean-root) gets the windows' screenshots and the logs of the run.
# Prints the time of every step, the packages apt pulled in and the sizes. Mounts are always undone.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${OTOP_CLEAN_ROOT_CACHE:-/var/tmp/otop-pos-clean-root}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
older=""
while [ $# -gt 0 ]; do
  case "$1" in
    --older) older=$(readlink -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
deb=${1:-$(ls -t "$here"/dist/otop-pos_*_"$(dpkg --print-architecture)".deb | head -n 1)}
deb=$(readlink -m "$deb")
out=$(readlink -m "${2:-$here/build/check-clean-root}")
[ "$(id -u)" = 0 ] || { echo "check_clean_root.sh makes a chroot: run it as root" >&2; exit 2; }
[ -f "$deb" ] || { echo "no package $deb" >&2; exit 2; }
[ -z "$older" ] || [ -f "$older" ] || { echo "no package $older" >&2; exit 2; }
mkdir -p "$out"

run_start=$(date +%s%N)
step_name=""
step_t0=0
timings=()
end_step() {
  if [ -n "$step_name" ]; then
    local ms=$(( ($(date +%s%N) - step_t0) / 1000000 ))
    timings+=("$(printf '%7.1f s  %s' "$(( ms / 100 ))e-1" "$step_name")")
    printf '\033[1m[clean-root]\033[0m   ... %s: %d.%d s\n' "$step_name" $((ms / 1000)) $(( (ms % 1000) / 100 )) >&2
  fi
  step_name=""
}
step() { end_step; step_name=$*; step_t0=$(date +%s%N); printf '\033[1m[clean-root]\033[0m %s\n' "$*" >&2; }
note() { printf '\033[1m[clean-root]\033[0m   %s\n' "$*" >&2; }
fail() { printf '\033[1;31m[clean-root] FAILED:\033[0m %s\n' "$*" >&2; exit 1; }

# ---- the pristine root: debootstrap once, kept as a tarball with its checksum ----------------------------
tarball=$cache/bookworm-minbase.tar
pristine() {
  mkdir -p "$cache"
  if [ -f "$tarball" ] && [ -f "$tarball.sha256" ] && (cd "$cache" && sha256sum --quiet -c "$(basename "$tarball").sha256"); then
    note "reusing $tarball ($(du -h "$tarball" | cut -f1))"
    return
  fi
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  local partial=$cache/bootstrap.partial
  rm -rf --one-file-system "$partial" "$tarball" "$tarball.sha256"
  debootstrap --variant=minbase bookworm "$partial" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -n 20 "$cache/debootstrap.log" >&2; fail "debootstrap"; }
  tar -C "$partial" --numeric-owner -cpf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
  (cd "$cache" && sha256sum "$(basename "$tarball")" >"$(basename "$tarball").sha256")
  rm -rf --one-file-system "$partial"
  note "made $tarball ($(du -h "$tarball" | cut -f1))"
}

# ---- a fresh root per run, its mounts and processes always undone ----------------------------------------
root=""
mounted=()
cleanup() {
  local status=$?
  set +e
  if [ -n "$root" ]; then
    cp "$root"/tmp/*.txt "$root"/tmp/*.json "$root"/tmp/*.log "$out/" 2>/dev/null
    for proc in /proc/[0-9]*; do   # anything still running inside the root was started by this run
      if [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ]; then kill -9 "${proc#/proc/}" 2>/dev/null; fi
    done
    sleep 0.2
  fi
  local i
  for (( i=${#mounted[@]}-1; i>=0; i-- )); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null \
      || echo "[clean-root] could not unmount ${mounted[i]}" >&2
  done
  if [ -n "$root" ] && ! grep -q " $root/" /proc/mounts; then
    rm -rf --one-file-system "$root"
    echo "[clean-root] ${#mounted[@]} mounts undone, $root removed" >&2
  elif [ -n "$root" ]; then
    echo "[clean-root] mounts are left under $root: not removing it" >&2; status=1
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mount_in() {  # mount_in TARGET MOUNT-ARGS…
  mkdir -p "$root/$1"
  mount "${@:2}" "$root/$1"
  mounted+=("$root/$1")
}
# The root's own process namespace with its own /proc: the package's "is a till open?" check (preinst and
# prerm read /proc) sees the apps of this root, never an otop-pos running on the host.
ns_init=""
start_namespace() {
  unshare --pid --fork --kill-child --mount --mount-proc="$root/proc" \
    chroot "$root" /bin/sh -c 'while :; do sleep 3600; done' >/dev/null 2>&1 &
  local shim=$!
  for _ in $(seq 1 50); do
    ns_init=$(pgrep -P "$shim" | head -n 1 || true)
    [ -n "$ns_init" ] && [ "$(readlink "/proc/$ns_init/root")" = "$root" ] && break
    ns_init=""; sleep 0.1
  done
  [ -n "$ns_init" ] || fail "could not start the root's process namespace"
}
in_root() {  # as root inside the chroot, a clean environment
  nsenter --target "$ns_init" --pid --mount chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
user_home=""
user_argv() {  # sets argv: run as the ordinary user, from /, in a clean environment
  argv=(nsenter --target "$ns_init" --pid --mount chroot --userspec=1000:1000 --groups=1000 "$root"
    /usr/bin/env -i HOME="$user_home" PATH=/usr/bin:/bin LANG=C.UTF-8)
}
as_user() { local argv; user_argv; "${argv[@]}" "$@"; }
packages_installed() { in_root dpkg-query -W -f '${db:Status-Abbrev}\n' | grep -c '^ii'; }
apt_install() {  # apt_install LOG ARGS…: prints how many packages it added
  local log=$1; shift
  local before; before=$(packages_installed)
  in_root apt-get install -y --no-install-recommends "$@" >"$log" 2>&1 || { tail -n 30 "$log" >&2; return 1; }
  echo $(( $(packages_installed) - before ))
}
pyjson() { python3 -c "import json, sys; d = json.load(open(sys.argv[1], encoding='utf-8')); print($1)" "$2"; }
store_revision() {  # the store's alembic_version, read on a copy so the store itself is never opened
  local copy; copy=$(mktemp); cp "$1" "$copy"
  python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('select version_num from alembic_version').fetchone()[0])" "$copy"
  rm -f "$copy"
}
package_head() {  # the head revision of a migration chain inside the installed package (booth or fair)
  python3 - "$root/opt/otop-pos/_internal/otop_pos/migrations/$1/versions" <<'PY'
import pathlib, re, sys
revs, downs = set(), set()
for f in pathlib.Path(sys.argv[1]).glob("*.py"):
    text = f.read_text(encoding="utf-8")
    m = re.search(r"^revision\b[^=]*=\s*['\"]([^'\"]+)", text, re.M)
    if m:
        revs.add(m.group(1))
    d = re.search(r"^down_revision\b[^=]*=\s*(.+)$", text, re.M)
    if d:
        downs.update(re.findall(r"['\"]([^'\"]+)['\"]", d.group(1)))
print(" ".join(sorted(revs - downs)))
PY
}
new_user() {  # new_user NAME: an ordinary user (uid 1000 the first time) with a fresh home
  in_root useradd --create-home --uid 1000 --user-group --shell /bin/sh "$1" 2>/dev/null || true
  user_home=/home/$1
}

step "the pristine Debian 12 minbase root"
pristine
step "a fresh copy of it"
root=$(mktemp -d "$cache/run.XXXXXX")
chmod 0755 "$root"
tar -C "$root" --numeric-owner -xpf "$tarball"
mkdir -p "$root/proc"   # the namespace mounts its own
mount_in sys -t sysfs -o ro sysfs
mount_in dev --bind /dev
mount_in dev/pts --bind /dev/pts
mount_in dev/shm -t tmpfs -o mode=1777,size=256m tmpfs
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"   # no service starts inside the chroot
chmod 0755 "$root/usr/sbin/policy-rc.d"
chmod 1777 "$root/tmp"
start_namespace
base_packages=$(packages_installed)
note "$base_packages packages, $(du -sh --one-file-system "$root" | cut -f1) before otop-pos"
[ ! -e "$root/usr/lib/x86_64-linux-gnu/libQt6Core.so.6" ] && [ ! -e "$root/usr/lib/x86_64-linux-gnu/libxcb.so.1" ] \
  || fail "the root is not clean: it already has Qt or xcb"

step "apt-get update inside the root"
in_root apt-get update -qq >"$root/tmp/apt-update.log" 2>&1 || { cat "$root/tmp/apt-update.log" >&2; fail "apt-get update"; }

mkdir -p "$root/tmp/debs"
cp "$deb" "$root/tmp/debs/"
new_name=/tmp/debs/$(basename "$deb")
if [ -n "$older" ]; then cp "$older" "$root/tmp/debs/"; old_name=/tmp/debs/$(basename "$older"); fi

step "apt-get install ./$(basename "$deb") (Depends from the archive)"
with_recommends=$(in_root apt-get install -s "$new_name" 2>/dev/null | grep -c '^Inst ' || true)
pulled=$(apt_install "$root/tmp/apt-install.log" "$new_name") || fail "apt-get install $(basename "$deb")"
[ "$(in_root dpkg-query -W -f '${Status}' otop-pos)" = "install ok installed" ] || fail "otop-pos is not installed"
note "apt pulled in $pulled packages (otop-pos included; $with_recommends with Recommends, as the README's apt install would);" \
  "the root is now $(du -sh --one-file-system "$root" | cut -f1)"
note "Depends: $(dpkg-deb -f "$deb" Depends)"

step "every ELF file in /opt/otop-pos resolves its libraries in the clean root"
cat >"$root/tmp/ldd-all.sh" <<'SH'
dirs=$(find /opt/otop-pos -name '*.so*' -printf '%h\n' | sort -u | tr '\n' :)
find /opt/otop-pos -type f >/tmp/opt-files
n=0
while read -r f; do
  [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
  n=$((n + 1))
  out=$(LD_LIBRARY_PATH=$dirs ldd "$f" 2>&1) || true
  if printf '%s\n' "$out" | grep -q 'not found'; then printf '%s\n%s\n' "$f" "$(printf '%s\n' "$out" | grep 'not found')"; fi
done </tmp/opt-files
echo "$n" >/tmp/elf-count
SH
unresolved=$(in_root sh /tmp/ldd-all.sh)
elf_count=$(cat "$root/tmp/elf-count")
[ -z "$unresolved" ] || { echo "$unresolved" >&2; fail "libraries missing in the clean root (a Depends is missing)"; }
note "$elf_count ELF files, every library found"

new_user vendor
data="$root$user_home/.local/share/otop-pos"
step "otop-pos --help as an ordinary user, from /, env -i"
as_user sh -c 'command -v otop-pos' | grep -qx /usr/bin/otop-pos || fail "otop-pos is not /usr/bin/otop-pos"
as_user otop-pos --help >"$root/tmp/help.txt" 2>&1 || { cat "$root/tmp/help.txt" >&2; fail "otop-pos --help"; }
grep -q booth "$root/tmp/help.txt" && grep -q organiser "$root/tmp/help.txt" || fail "--help lists no commands"
t0=$(date +%s%N); as_user otop-pos --help >/dev/null; note "a second --help took $(( ($(date +%s%N) - t0) / 1000000 )) ms"

demo=/opt/otop-pos/_internal/otop_pos/resources/demo
step "booth setup on the demo registry, simulate, report"
as_user otop-pos --lang en booth setup --registry "$demo" --vendor KK20-0002 --pin 4321 >"$root/tmp/setup.txt" 2>&1 \
  || { cat "$root/tmp/setup.txt" >&2; fail "booth setup"; }
[ -f "$data/booth.sqlite" ] || fail "no booth store in $user_home/.local/share/otop-pos"
as_user otop-pos --lang en booth simulate --days 2 --sales-per-day 20 --seed 1 --pin 4321 >"$root/tmp/simulate.txt" 2>&1 \
  || { cat "$root/tmp/simulate.txt" >&2; fail "booth simulate"; }
as_user otop-pos booth report --json >"$root/tmp/report.json" || fail "booth report --json"
[ "$(pyjson 'd["sales_count"]' "$root/tmp/report.json")" -gt 0 ] || fail "the report counts no sales"
note "$(tail -n 1 "$root/tmp/simulate.txt"); net ฿$(pyjson 'd["net_satang"] / 100' "$root/tmp/report.json")"

step "a receipt to file: (ESC/POS) and as PDF"
as_user otop-pos print receipt --last --printer "file:$user_home/receipt.bin" --width 384 >/dev/null \
  || fail "print receipt to a file"
receipt=$root$user_home/receipt.bin
[ -s "$receipt" ] || fail "the receipt file is empty"
[ "$(head -c 2 "$receipt" | od -An -tx1 | tr -d ' \n')" = 1b40 ] || fail "the receipt does not start with ESC @"
grep -q -a $'\x1dv0' "$receipt" || fail "the receipt holds no raster image (GS v 0)"
as_user otop-pos print receipt --last --pdf "$user_home/receipt.pdf" >/dev/null || fail "receipt as PDF"
[ "$(head -c 5 "$root$user_home/receipt.pdf")" = "%PDF-" ] || fail "the PDF receipt is not a PDF"
if command -v pdftotext >/dev/null; then   # read back on the host: the chroot has no poppler
  pdftotext "$root$user_home/receipt.pdf" - | grep -q "ใบเสร็จ\|Receipt\|RECEIPT" || fail "the PDF receipt has no receipt title"
fi
note "receipt $(stat -c %s "$receipt") bytes of ESC/POS, PDF $(stat -c %s "$root$user_home/receipt.pdf") bytes"

step "fair create, fair registry"
as_user otop-pos --lang en fair create --name "งานทดสอบ" --venue "สวนรัชดานุสรณ์" --province ขอนแก่น \
  --start 2020-10-26 --end 2020-11-01 >"$root/tmp/fair.txt" 2>&1 || { cat "$root/tmp/fair.txt" >&2; fail "fair create"; }
as_user otop-pos --lang en fair registry "$demo" >>"$root/tmp/fair.txt" 2>&1 || { cat "$root/tmp/fair.txt" >&2; fail "fair registry"; }
grep -q "Vendors: 124 added" "$root/tmp/fair.txt" || { cat "$root/tmp/fair.txt" >&2; fail "fair registry loaded no vendors"; }
[ -f "$data/fair.sqlite" ] || fail "no fair store"

step "xvfb and xdotool installed as test tools (after the package)"
tools=$(apt_install "$root/tmp/apt-xvfb.log" xvfb xdotool) || fail "apt-get install xvfb"
note "$tools packages for the test tools"

stop() {  # stop PID (an nsenter, or what it started): TERM what it runs, then it; KILL after 5 s
  local pid
  for pid in $(pgrep -P "$1" || true) "$1"; do
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  wait "$1" 2>/dev/null || true
}
free_display() {  # a display number no X server of the host or the root uses (abstract sockets are shared)
  local n
  for _ in $(seq 1 50); do
    n=$((400 + RANDOM % 500))
    if ! grep -q -a "@/tmp/.X11-unix/X$n\$" /proc/net/unix && [ ! -e "/tmp/.X$n-lock" ] \
        && [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "$root/tmp/.X$n-lock" ]; then echo "$n"; return; fi
  done
  fail "no free X display number"
}
win_name="" win_app="" win_xvfb=""
window_open() {  # NAME TITLE-REGEX ARGS…: the app under Xvfb inside the root until window_close; its window
  # (title matching TITLE-REGEX) must appear and its log hold no Qt plugin error
  local name=$1 expect=$2; shift 2
  mkdir -p "$root/tmp/.X11-unix"; chmod 1777 "$root/tmp/.X11-unix"
  local n; n=$(free_display)
  local disp=":$n"
  # Xvfb also takes the display's abstract socket, which the host shares: a client in the root can only
  # reach this server, never one of the host's on the same number
  in_root Xvfb "$disp" -screen 0 1024x600x24 -nolisten tcp >"$root/tmp/xvfb.log" 2>&1 &
  win_xvfb=$!
  for _ in $(seq 1 50); do grep -q -a "@/tmp/.X11-unix/X$n\$" /proc/net/unix && [ -e "$root/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
  kill -0 "$win_xvfb" 2>/dev/null && grep -q -a "@/tmp/.X11-unix/X$n\$" /proc/net/unix \
    || { stop "$win_xvfb"; cat "$root/tmp/xvfb.log" >&2; fail "Xvfb did not start on $disp"; }
  local t0; t0=$(date +%s%N)
  local argv; user_argv
  "${argv[@]}" DISPLAY="$disp" OTOP_POS_SOUND=0 "$@" >"$root/tmp/$name.log" 2>&1 &
  win_app=$! win_name=$name
  local title=""
  for _ in $(seq 1 300); do
    title=$(in_root env DISPLAY="$disp" sh -c \
      'w=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1) && [ -n "$w" ] && xdotool getwindowname "$w"' \
      sh "$expect" 2>/dev/null) && break
    title=""
    kill -0 "$win_app" 2>/dev/null || break
    sleep 0.1
  done
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 2
  local alive=1; kill -0 "$win_app" 2>/dev/null || alive=0
  if command -v import >/dev/null; then   # the host reaches the display through its abstract socket
    DISPLAY=$disp import -window root "$out/$name.png" 2>/dev/null || true
  fi
  local shown; shown=$(in_root env DISPLAY="$disp" sh -c \
    'for w in $(xdotool search --onlyvisible --name . 2>/dev/null); do xdotool getwindowname "$w"; done' 2>/dev/null || true)
  [ -n "$title" ] || { window_close; cat "$root/tmp/$name.log" >&2; fail "no $name window ($expect) appeared; shown: ${shown:-none}"; }
  [ "$alive" = 1 ] || { window_close; cat "$root/tmp/$name.log" >&2; fail "the $name app exited by itself"; }
  if grep -E -i 'Could not load the Qt platform plugin|qt\.qpa\.plugin|Cannot load library|This application failed to start|cannot open shared object' \
      "$root/tmp/$name.log" >&2; then window_close; fail "the $name log has a Qt plugin or library error"; fi
  note "$name window \"$title\" shown after $ms ms (display $disp in the root); no plugin error in its log:"
  sed 's/^/      | /' "$root/tmp/$name.log" | head -n 5 >&2
}
window_close() {  # the app first (as a shutdown would: TERM), then its screen
  stop "$win_app"; stop "$win_xvfb"
  win_app="" win_xvfb=""
}
window() { window_open "$@"; window_close; }
refused_while_open() {  # LOG APT-ARGS…: apt must fail with the package's Thai and English "close it first"
  local log=$1; shift
  local version; version=$(in_root dpkg-query -W -f '${Version}' otop-pos)
  if in_root apt-get -y --no-install-recommends "$@" >"$log" 2>&1; then
    window_close; cat "$log" >&2; fail "apt-get $* went through under the open $win_name window"
  fi
  grep -q "OTOP POS is still open" "$log" && grep -q "ยังเปิดอยู่" "$log" \
    || { window_close; cat "$log" >&2; fail "apt-get $* failed, but not with the 'close it first' message"; }
  [ "$(in_root dpkg-query -W -f '${Version} ${Status}' otop-pos)" = "$version install ok installed" ] \
    && [ -x "$root/opt/otop-pos/otop-pos" ] || { window_close; fail "apt-get $* left otop-pos broken"; }
  kill -0 "$win_app" 2>/dev/null || fail "the $win_name app died under apt-get $*"
  note "apt-get $*: refused under the open window, otop-pos $version whole: $(grep -a 'OTOP POS is still open' "$log" | head -n 1)"
}
step "the booth window under Xvfb inside the root; apt-get remove refused while it is open"
window_open booth-window "กลุ่มสตรีบ้านหนองแวง" otop-pos --lang th
refused_while_open "$root/tmp/apt-remove-open.log" remove otop-pos
window_close
step "the organiser window under Xvfb inside the root"
window organiser-window "ระบบผู้จัดงาน OTOP" otop-pos --lang th organiser

gone() {
  for path in /opt/otop-pos /usr/bin/otop-pos /usr/lib/udev/rules.d/70-otop-pos-printers.rules \
      /usr/share/applications/otop-pos.desktop; do
    [ ! -e "$root$path" ] && [ ! -L "$root$path" ] || fail "$path is left after $1"
  done
}
sum_before=$(sha256sum <"$data/booth.sqlite")
step "apt-get remove otop-pos keeps the vendor's data"
in_root apt-get remove -y otop-pos >"$root/tmp/apt-remove.log" 2>&1 || { cat "$root/tmp/apt-remove.log" >&2; fail "apt-get remove"; }
gone "apt-get remove"
[ -f "$data/booth.sqlite" ] || fail "apt-get remove took the vendor's booth store"
step "apt-get purge otop-pos keeps the vendor's data"
in_root apt-get purge -y otop-pos >"$root/tmp/apt-purge.log" 2>&1 || { cat "$root/tmp/apt-purge.log" >&2; fail "apt-get purge"; }
[ -z "$(in_root dpkg-query -W -f '${Status}' otop-pos 2>/dev/null | grep -v 'not-installed')" ] || fail "otop-pos is still known to dpkg"
gone "apt-get purge"
[ -f "$data/booth.sqlite" ] && [ -f "$data/fair.sqlite" ] || fail "apt-get purge took the vendor's data folder"
[ "$(sha256sum <"$data/booth.sqlite")" = "$sum_before" ] || fail "the booth store changed across remove and purge"
note "$user_home/.local/share/otop-pos kept: $(ls "$data" | tr '\n' ' ')"

if [ -n "$older" ]; then
  # ---- newer over older, mid-fair, then older over newer ------------------------------------------------
  in_root userdel -r vendor >/dev/null 2>&1 || true
  new_user vendor2
  data="$root$user_home/.local/share/otop-pos"
  old_version=$(dpkg-deb -f "$older" Version)
  new_version=$(dpkg-deb -f "$deb" Version)
  dpkg --compare-versions "$old_version" lt "$new_version" || fail "$old_version does not sort below $new_version"
  step "apt-get install the older package $(basename "$older")"
  pulled_old=$(apt_install "$root/tmp/apt-old.log" "$old_name") || fail "apt-get install $(basename "$older")"
  [ "$(in_root dpkg-query -W -f '${Version}' otop-pos)" = "$old_version" ] || fail "otop-pos $old_version is not installed"
  note "otop-pos $old_version installed ($pulled_old package(s) added)"

  step "the old app: a fair store, a booth from its package, three days of sales, exported and imported"
  u() { as_user otop-pos --lang en "$@"; }
  u fair create --name "งานทดสอบ" --venue "สวนรัชดานุสรณ์" --province ขอนแก่น --start 2020-10-26 --end 2020-11-01 \
    >"$root/tmp/old.txt" 2>&1 || { cat "$root/tmp/old.txt" >&2; fail "old: fair create"; }
  u fair registry "$demo" >>"$root/tmp/old.txt" 2>&1 || { cat "$root/tmp/old.txt" >&2; fail "old: fair registry"; }
  u fair packages "$user_home/packages" --vendor KK20-0002 >>"$root/tmp/old.txt" 2>&1 || fail "old: fair packages"
  booth_home=$user_home/booth
  ub() { as_user OTOP_POS_HOME="$booth_home" otop-pos --lang en "$@"; }
  package=$(cd "$root$user_home/packages" && ls -- *.otopbooth)
  ub booth setup --package "$user_home/packages/$package" --pin 4321 \
    >>"$root/tmp/old.txt" 2>&1 || { cat "$root/tmp/old.txt" >&2; fail "old: booth setup --package"; }
  ub booth simulate --days 3 --sales-per-day 15 --seed 1 --start 2020-10-26 --pin 4321 >>"$root/tmp/old.txt" 2>&1 \
    || { cat "$root/tmp/old.txt" >&2; fail "old: booth simulate"; }
  ub booth export "$user_home/export1" >>"$root/tmp/old.txt" 2>&1 || fail "old: booth export"
  u fair import "$user_home/export1" >>"$root/tmp/old.txt" 2>&1 || { cat "$root/tmp/old.txt" >&2; fail "old: fair import"; }
  ub booth report --json >"$root/tmp/old-report.json" || fail "old: booth report"
  ub booth sales --json >"$root/tmp/old-sales.json" || fail "old: booth sales"
  u fair summary --json >"$root/tmp/old-fair.json" || fail "old: fair summary"
  booth_store=$root$booth_home/booth.sqlite
  fair_store=$data/fair.sqlite
  old_booth_rev=$(store_revision "$booth_store"); old_fair_rev=$(store_revision "$fair_store")
  figures() {  # sales count, net, gross of a booth report; count and sum of its sales list
    echo "report: $(pyjson '(d["sales_count"], d["net_satang"], d["gross_satang"], d["voids_count"], d["refunds_count"])' "$1");" \
      "sales: $(pyjson '(len(d), sum(s["total_satang"] for s in d), sum(s["net_satang"] for s in d))' "$2")"
  }
  old_figures=$(figures "$root/tmp/old-report.json" "$root/tmp/old-sales.json")
  old_fair=$(pyjson '(d["sales_count"], d["net_satang"])' "$root/tmp/old-fair.json")
  note "stores at booth $old_booth_rev, fair $old_fair_rev; $old_figures; fair (sales, net): $old_fair"

  step "mid-fair, the old booth window open: apt-get install of the newer package is refused"
  window_open old-booth-open "กลุ่มสตรีบ้านหนองแวง" OTOP_POS_HOME="$booth_home" otop-pos --lang th
  refused_while_open "$root/tmp/apt-upgrade-open.log" install "$new_name"
  window_close

  step "the window closed, apt-get install the newer package over it"
  pulled_upgrade=$(apt_install "$root/tmp/apt-upgrade.log" "$new_name") || fail "apt-get install the newer package"
  [ "$(in_root dpkg-query -W -f '${Version}' otop-pos)" = "$new_version" ] || fail "otop-pos $new_version is not installed"
  [ -f "$booth_store" ] && [ -f "$fair_store" ] || fail "the upgrade touched the data folders"
  note "otop-pos $old_version -> $new_version ($pulled_upgrade package(s) added)"

  step "the new app migrates both stores and keeps every sale"
  ub booth report --json >"$root/tmp/new-report.json" || fail "new: booth report on the old store"
  ub booth sales --json >"$root/tmp/new-sales.json" || fail "new: booth sales on the old store"
  u fair summary --json >"$root/tmp/new-fair.json" || fail "new: fair summary on the old store"
  booth_head=$(package_head booth); fair_head=$(package_head fair)
  new_booth_rev=$(store_revision "$booth_store"); new_fair_rev=$(store_revision "$fair_store")
  [ "$new_booth_rev" = "$booth_head" ] || fail "booth store at $new_booth_rev, the package's head is $booth_head"
  [ "$new_fair_rev" = "$fair_head" ] || fail "fair store at $new_fair_rev, the package's head is $fair_head"
  [ "$new_booth_rev" != "$old_booth_rev" ] && [ "$new_fair_rev" != "$old_fair_rev" ] \
    || fail "the older package's stores were already at head: the test proves nothing"
  new_figures=$(figures "$root/tmp/new-report.json" "$root/tmp/new-sales.json")
  [ "$new_figures" = "$old_figures" ] || fail "the sales changed in the migration: $old_figures -> $new_figures"
  [ "$(pyjson '(d["sales_count"], d["net_satang"])' "$root/tmp/new-fair.json")" = "$old_fair" ] \
    || fail "the fair's totals changed in the migration"
  note "booth $old_booth_rev -> $new_booth_rev, fair $old_fair_rev -> $new_fair_rev (heads); $new_figures: as before"

  step "the new app sells a fourth day, exports, and the migrated fair store imports it"
  ub booth simulate --days 1 --sales-per-day 10 --seed 2 --start 2020-10-29 --pin 4321 >"$root/tmp/new.txt" 2>&1 \
    || { cat "$root/tmp/new.txt" >&2; fail "new: booth simulate"; }
  ub booth export "$user_home/export2" >>"$root/tmp/new.txt" 2>&1 || fail "new: booth export"
  u fair import "$user_home/export1" "$user_home/export2" >"$root/tmp/import.txt" 2>&1 \
    || { cat "$root/tmp/new.txt" "$root/tmp/import.txt" >&2; fail "new: fair import into the migrated store"; }
  ub booth report --json >"$root/tmp/day4-report.json" || fail "new: booth report"
  u fair summary --json >"$root/tmp/day4-fair.json" || fail "new: fair summary"
  booth_after=$(pyjson '(d["sales_count"], d["net_satang"])' "$root/tmp/day4-report.json")
  fair_after=$(pyjson '(d["sales_count"], d["net_satang"])' "$root/tmp/day4-fair.json")
  [ "$booth_after" = "$fair_after" ] || fail "the fair store holds $fair_after, the booth $booth_after"
  [ "$(pyjson 'd["sales_count"]' "$root/tmp/day4-report.json")" -gt "$(pyjson 'd["sales_count"]' "$root/tmp/old-report.json")" ] \
    || fail "the fourth day added no sales"
  note "fair import of the old app's export and the new one's: $(tail -n 1 "$root/tmp/import.txt")"
  note "booth and fair store agree on (sales, net satang) $fair_after"

  step "the older package over the newer refuses the newer stores and leaves them as they are"
  sums() { (cd "$1" && find . -type f -printf '%p ' -exec sha256sum {} \; | sort); }
  booth_sums=$(sums "$root$booth_home"); fair_sums=$(sums "$data")
  pulled_down=$(apt_install "$root/tmp/apt-downgrade.log" --allow-downgrades "$old_name") || fail "apt-get install --allow-downgrades"
  [ "$(in_root dpkg-query -W -f '${Version}' otop-pos)" = "$old_version" ] || fail "otop-pos $old_version is not installed again"
  note "otop-pos $new_version -> $old_version ($pulled_down package(s) added)"
  # the old booth window says so in a message of its own (titled only "OTOP POS"), not its sell screen
  window old-booth-window '^OTOP POS$' OTOP_POS_HOME="$booth_home" otop-pos --lang th
  refused() {  # NAME ARGS…: the old app must exit != 0 with the Thai and the English message
    local name=$1; shift
    local rc=0
    as_user "$@" >"$root/tmp/$name.txt" 2>&1 || rc=$?
    [ "$rc" != 0 ] || { cat "$root/tmp/$name.txt" >&2; fail "the old app took the newer store ($name)"; }
    grep -q "รุ่นที่ใหม่กว่า" "$root/tmp/$name.txt" && grep -q -i "newer otop-pos" "$root/tmp/$name.txt" \
      || { cat "$root/tmp/$name.txt" >&2; fail "the old app's refusal is not the Thai and English message ($name)"; }
    if grep -q "Traceback" "$root/tmp/$name.txt"; then cat "$root/tmp/$name.txt" >&2; fail "a traceback ($name)"; fi
    note "$name: exit $rc: $(grep -a -i 'newer otop-pos' "$root/tmp/$name.txt" | head -n 1)"
  }
  refused old-booth OTOP_POS_HOME="$booth_home" otop-pos booth report --json
  refused old-fair otop-pos fair summary --json
  [ "$(sums "$root$booth_home")" = "$booth_sums" ] || fail "the old app changed the booth folder"
  [ "$(sums "$data")" = "$fair_sums" ] || fail "the old app changed the fair store's folder"
  note "the booth store and the fair store are byte for byte as the new app left them"
  in_root apt-get purge -y otop-pos >"$root/tmp/apt-purge2.log" 2>&1 || fail "apt-get purge"
fi
end_step

echo "[clean-root] times:" >&2
printf '  %s\n' "${timings[@]}" >&2
echo "[clean-root] sizes: $(basename "$deb") $(du -h "$deb" | cut -f1), installed $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MB;" \
  "pristine root $(du -h "$tarball" | cut -f1) ($base_packages packages); apt pulled in $pulled packages for otop-pos" \
  "($with_recommends with Recommends), $tools more for xvfb/xdotool" >&2
echo "[clean-root] all checks passed in $(( ($(date +%s%N) - run_start) / 1000000000 )) s" >&2
