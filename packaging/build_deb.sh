#!/usr/bin/env bash
# Builds dist/otop-pos_<version>_amd64.deb: the frozen one-folder build (packaging/otop-pos.spec) in
# /opt/otop-pos, /usr/bin/otop-pos, the booth and organiser menu entries with their icons, the printer udev rule.
#   PYTHON=.venv/bin/python bash packaging/build_deb.sh      (bash .ci/dev package does this)
# PYTHON must have the project's packages and PyInstaller. SKIP_FREEZE=1 reuses dist/pyinstaller/otop-pos;
# VERSION sets the package version (default: pyproject.toml's).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
PYTHON=${PYTHON:-.venv/bin/python}
log() { printf '\033[1m[package]\033[0m %s\n' "$*" >&2; }

version=${VERSION:-$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')}
arch=$(dpkg --print-architecture)
frozen=dist/pyinstaller/otop-pos
deb=dist/otop-pos_${version}_${arch}.deb

if [ "${SKIP_FREEZE:-0}" != 1 ] || [ ! -x "$frozen/otop-pos" ]; then
  log "compiling the translations"
  "$PYTHON" -m otop_pos.ui.i18n_build --no-update >/dev/null
  log "freezing with PyInstaller (one folder)"
  start=$(date +%s)
  "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist/pyinstaller \
    --workpath build/pyinstaller packaging/otop-pos.spec >build/pyinstaller.log 2>&1 \
    || { tail -n 40 build/pyinstaller.log >&2; exit 1; }
  log "frozen in $(( $(date +%s) - start )) s: $frozen ($(du -sh "$frozen" | cut -f1))"
fi

# no QML/Quick, WebEngine, 3D or software OpenGL may have slipped in
unwanted=$(find "$frozen" \( -iname '*Qt6Qml*' -o -iname '*Qt6Quick*' -o -iname '*Qt6Web*' -o -iname '*Qt63D*' \
  -o -iname 'opengl32sw*' -o -path '*/qml/*' \) -print)
if [ -n "$unwanted" ]; then log "the frozen folder holds Qt parts we exclude:"; echo "$unwanted" >&2; exit 1; fi

log "working out Depends: from the bundled libraries"
depends=$("$PYTHON" packaging/deb_libs.py "$frozen")   # also prints the newest GLIBC symbol needed

stage=build/deb/otop-pos_${version}_${arch}
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/lib/udev/rules.d" "$stage/usr/share/doc/otop-pos"
cp -a "$frozen" "$stage/opt/otop-pos"
ln -s /opt/otop-pos/otop-pos "$stage/usr/bin/otop-pos"
install -m 0644 packaging/deb/otop-pos.desktop packaging/deb/otop-pos-organiser.desktop "$stage/usr/share/applications/"
install -m 0644 packaging/deb/70-otop-pos-printers.rules "$stage/usr/lib/udev/rules.d/"
"$PYTHON" packaging/make_icons.py build/icons >/dev/null
for size in 48 128 256; do
  dir="$stage/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 0644 "build/icons/otop-pos-$size.png" "$dir/otop-pos.png"
  install -m 0644 "build/icons/otop-pos-organiser-$size.png" "$dir/otop-pos-organiser.png"
done
cat >"$stage/usr/share/doc/otop-pos/copyright" <<TXT
otop-pos: MIT licence (the otop-pos developers).
Bundled: Python, Qt 6 and PySide6 (LGPLv3), and the Python packages listed in pyproject.toml under their own
licences; the Sarabun font (c) Cadson Demak, SIL Open Font License 1.1 (/opt/otop-pos/_internal/otop_pos/resources/fonts/OFL.txt).
TXT
install -m 0755 packaging/deb/postinst packaging/deb/postrm "$stage/DEBIAN/"
# one check, run before the new files are unpacked (preinst) and before the old ones are removed (prerm)
install -m 0755 packaging/deb/till-open-check "$stage/DEBIAN/preinst"
install -m 0755 packaging/deb/till-open-check "$stage/DEBIAN/prerm"
find "$stage" -type d -exec chmod 0755 {} +
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<CTRL
Package: otop-pos
Version: $version
Architecture: $arch
Maintainer: otop-pos developers <otop-pos@localhost>
Installed-Size: $installed_kb
Depends: $depends
Recommends: fonts-thai-tlwg
Section: misc
Priority: optional
Homepage: https://github.com/otop-pos/otop-pos
Description: point of sale and booth sales tracker for OTOP fairs
 The booth app (sell, pay by cash, PromptPay or transfer, print Thai receipts on
 ESC/POS thermal printers, close the day) and the organiser window (import the
 booths' exports, dashboard, reports), with the otop-pos command line. Python,
 Qt and the fonts are inside /opt/otop-pos. The vendor's data folder
 (~/.local/share/otop-pos) is kept when the package is removed.
CTRL
mkdir -p dist
rm -f "$deb"
log "building $deb (xz)"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
log "$deb: $(du -h "$deb" | cut -f1), installed $((installed_kb / 1024)) MB"
log "Depends: $depends"
echo "$deb"
