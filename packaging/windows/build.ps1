# Build the Windows installer: PyInstaller bundle (self-tested), then the MSI with WiX Toolset v3.
#   powershell -File packaging\windows\build.ps1 [-Version 1.2.3] [-SkipBundle]
# Needs: Python 3.11+ and WiX Toolset v3.14 (heat, candle, light): preinstalled on GitHub's
# windows-2022 runners, otherwise `choco install wixtoolset` (or set WIX to its folder).
# Output: build\NextGenReady-<version>-x64.msi (per machine; see docs\deployment.md).
# -Version builds the same bundle under another version number (the release workflow uses it to
# test a major upgrade); -SkipBundle reuses build\dist\nextgen-ready as it is.
param([string]$Version = "", [switch]$SkipBundle)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not $SkipBundle) {
  py dev.py build --no-deb
  if ($LASTEXITCODE -ne 0) { throw "bundle build or its self-test failed" }
}
if (-not $Version) {
  $Version = (& .venv\Scripts\python.exe -c "import nextgen_wizard; print(nextgen_wizard.__version__)").Trim()
}

function Find-WixTool([string]$name) {
  $candidates = @()
  if ($env:WIX) { $candidates += Join-Path $env:WIX "bin\$name.exe" }
  $candidates += Get-ChildItem "${env:ProgramFiles(x86)}\WiX Toolset v3*\bin\$name.exe" -ErrorAction SilentlyContinue |
    Sort-Object FullName -Descending | ForEach-Object { $_.FullName }
  foreach ($candidate in $candidates) { if ($candidate -and (Test-Path $candidate)) { return $candidate } }
  $command = Get-Command "$name.exe" -ErrorAction SilentlyContinue
  if ($command) { return $command.Source }
  throw "WiX Toolset v3 ($name.exe) not found: choco install wixtoolset, or set WIX to its folder"
}
# The upgrade rows end just below this (packaging\windows\nextgen-ready.wxs): a rebuild of the
# same version replaces the installed one.
$parts = $Version.Split("."); $parts[-1] = [string]([int]$parts[-1] + 1); $NextVersion = $parts -join "."
$heat = Find-WixTool "heat"
$candle = Find-WixTool "candle"
$light = Find-WixTool "light"

$bundle = "build\dist\nextgen-ready"
$work = "build\msi"
$msi = "build\NextGenReady-$Version-x64.msi"
if (-not (Test-Path "$bundle\nextgen-wizard.exe")) { throw "no bundle in $bundle" }
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $work | Out-Null

# The bundle's files become ComponentGroup AppFiles under INSTALLDIR, one component per file with
# a GUID derived from its path at compile time (-ag), so the same file keeps its component.
& $heat dir $bundle -nologo -cg AppFiles -dr INSTALLDIR -srd -sreg -scom -ag -var var.SourceDir -out "$work\files.wxs"
if ($LASTEXITCODE -ne 0) { throw "heat failed" }
& $candle -nologo -arch x64 "-dVersion=$Version" "-dNextVersion=$NextVersion" "-dSourceDir=$bundle" "-dIconFile=resources\icons\nextgen-ready.ico" `
  "-dPolicyDir=packaging\deploy" -out "$work\" packaging\windows\nextgen-ready.wxs "$work\files.wxs"
if ($LASTEXITCODE -ne 0) { throw "candle failed" }
# light also runs the Windows Installer's ICE validation: an ICE error fails the build.
& $light -nologo -out $msi "$work\nextgen-ready.wixobj" "$work\files.wixobj"
if ($LASTEXITCODE -ne 0) { throw "light failed" }

# Optional signing: set WINDOWS_SIGN_CERT (path to .pfx) and WINDOWS_SIGN_PASSWORD.
if ($env:WINDOWS_SIGN_CERT) {
  signtool sign /f $env:WINDOWS_SIGN_CERT /p $env:WINDOWS_SIGN_PASSWORD /tr http://timestamp.digicert.com /td sha256 /fd sha256 /d "NextGen Ready" $msi
  if ($LASTEXITCODE -ne 0) { throw "signing failed" }
}
Write-Output "built $msi"
# Beside the MSI: SHA256SUMS of the MSI and the release files dev.py build wrote beside the bundle
# (SBOM, notices, release notes, policy templates).
$releaseFiles = "nextgen-ready.cdx.json", "THIRD-PARTY-NOTICES.txt", "RELEASE-NOTES.md", "policy-templates.zip"
foreach ($name in $releaseFiles) { Copy-Item "build\dist\$name" "build\$name" }
& .venv\Scripts\python.exe packaging\release_files.py checksums $msi @($releaseFiles | ForEach-Object { "build\$_" })
if ($LASTEXITCODE -ne 0) { throw "writing SHA256SUMS failed" }
