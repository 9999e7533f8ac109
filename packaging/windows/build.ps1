# Build the Windows installer: PyInstaller bundle (self-tested), then Inno Setup.
# Needs: Python 3.11+, Inno Setup 6 (iscc on PATH, e.g. `choco install innosetup`).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
py dev.py build --no-deb
if ($LASTEXITCODE -ne 0) { throw "bundle build or its self-test failed" }
$version = (& .venv\Scripts\python.exe -c "import nextgen_wizard; print(nextgen_wizard.__version__)").Trim()
iscc /DAppVersion=$version packaging\windows\nextgen-ready.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
# Optional signing: set WINDOWS_SIGN_CERT (path to .pfx) and WINDOWS_SIGN_PASSWORD.
if ($env:WINDOWS_SIGN_CERT) {
  signtool sign /f $env:WINDOWS_SIGN_CERT /p $env:WINDOWS_SIGN_PASSWORD /tr http://timestamp.digicert.com /td sha256 /fd sha256 "build\NextGenReady-Setup-$version.exe"
}
