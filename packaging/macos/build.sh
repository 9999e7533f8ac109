#!/usr/bin/env bash
# Build the macOS app: PyInstaller "NextGen Ready.app" (self-tested), sign, notarize, wrap in a .dmg.
# Signing and notarizing run only when their settings are in the environment:
#   MACOS_SIGNING_IDENTITY  e.g. "Developer ID Application: Example LLP (TEAMID1234)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD  (an app-specific password) for notarytool
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 dev.py build --no-deb
app="build/dist/NextGen Ready.app"
version="$(.venv/bin/python -c 'import nextgen_wizard; print(nextgen_wizard.__version__)')"
dmg="build/NextGenReady-${version}.dmg"
# The third-party notices travel inside the app (before it is signed), as in the other installers.
cp build/dist/THIRD-PARTY-NOTICES.txt "$app/Contents/Resources/"

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements packaging/macos/entitlements.plist --sign "$MACOS_SIGNING_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
fi
rm -f "$dmg"
hdiutil create -volname "NextGen Ready" -srcfolder "$app" -ov -format UDZO "$dmg"
if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  codesign --sign "$MACOS_SIGNING_IDENTITY" --timestamp "$dmg"
fi
if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
fi
echo "built $dmg"
# Beside the .dmg: SHA256SUMS of it and the release files dev.py build wrote beside the bundle.
release_files=(nextgen-ready.cdx.json THIRD-PARTY-NOTICES.txt RELEASE-NOTES.md policy-templates.zip)
for name in "${release_files[@]}"; do cp "build/dist/$name" "build/$name"; done
.venv/bin/python packaging/release_files.py checksums "$dmg" "${release_files[@]/#/build/}"
