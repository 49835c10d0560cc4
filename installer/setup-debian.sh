#!/usr/bin/env bash
# Installs everything Vigil needs to build, run and test on Debian 12 (bookworm).
# Safe to run again: when every package is already present it does nothing.
# Run as root, or as a user with sudo.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache git pkgconf
  # Qt 6 and SQLite
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6svg6 qt6-svg-dev
  # qt6-charts-dev needs the OpenGL CMake files but does not depend on them (Debian 12)
  qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  libgl-dev libvulkan-dev libxkbcommon-dev sqlite3 libsqlite3-dev
  # the .xlsx exports (libxlsxwriter); the tests read them back with unzip
  libxlsxwriter-dev unzip
  # reading .xlsx workbooks to import them
  libzip-dev
  # encrypted backups (Argon2id key derivation, XChaCha20-Poly1305)
  libsodium-dev
  # the audit chain's SHA-256 seals (OpenSSL's libcrypto)
  libssl-dev
  # tests: Catch2, a virtual display for the smoke test, fonts for rendering
  catch2 xvfb xauth fonts-dejavu-core
  # reading the PDF report back in the tests (pdftotext, pdfinfo)
  poppler-utils
  # the sanitize preset: clang 14 with the AddressSanitizer, UBSan and libFuzzer runtimes
  # (libclang-rt-14-dev), and llvm-symbolizer (llvm-14) so their reports name files and lines
  clang-14 libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-debian: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-debian: run as root (missing: ${missing[*]})" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
echo "setup-debian: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-debian: done"
