<#
.SYNOPSIS
  Builds dist\otop-pos-<version>-setup.exe, the per-user Windows installer of otop-pos, on a Windows 10/11 machine.

.DESCRIPTION
  Needs: 64-bit Python 3.12 (or 3.11) with the py launcher (python.org installer), and Inno Setup 6.7.1 or newer
  (or Inno Setup 7; 6.7.1 is the first to ship the Thai translation). From the checkout's top folder:

      powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

  The steps, each stopping the build when it fails:
    1. a virtual environment in build\win-venv; pip install . (the app and its dependencies, pywin32 among them
       through pyproject's `pywin32; sys_platform == "win32"`) and PyInstaller
    2. the translations compiled: python -m otop_pos.ui.i18n_build --no-update
    3. PyInstaller with the same spec as Linux (packaging\otop-pos.spec): dist\pyinstaller\otop-pos\ holding
       otop-pos.exe (windowed), otop-pos-cli.exe (console) and _internal\
    4. a smoke test of the frozen folder: otop-pos-cli.exe --version, a demo booth set up, a day simulated
       and its last receipt printed to a file (ESC/POS, as the .deb's check does)
    5. ISCC.exe /DAppVersion=<pyproject version> packaging\windows\otop-pos.iss -> dist\otop-pos-<version>-setup.exe
  This script was written on Linux and has not been run on Windows yet.

.PARAMETER PythonVersion
  The py launcher's version to build with (default 3.12).

.PARAMETER Iscc
  The path of ISCC.exe when Inno Setup is not in one of its usual folders.
#>
[CmdletBinding()]
param(
    [string]$PythonVersion = "3.12",
    [string]$Iscc = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Native {
    # run a program; a non-zero exit code stops the build (PowerShell 5.1 does not do that by itself)
    param([string]$What, [string]$Exe, [string[]]$Arguments)
    Write-Host "== $What" -ForegroundColor Cyan
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

# 1. the build environment
$Venv = Join-Path $Root "build\win-venv"
if (-not (Test-Path (Join-Path $Venv "Scripts\python.exe"))) {
    Invoke-Native "virtual environment (Python $PythonVersion)" "py" @("-$PythonVersion", "-m", "venv", $Venv)
}
$Py = Join-Path $Venv "Scripts\python.exe"
$env:PATH = (Join-Path $Venv "Scripts") + ";" + $env:PATH   # pyside6-lrelease.exe, pywin32's DLLs
Invoke-Native "pip itself" $Py @("-m", "pip", "install", "--upgrade", "pip")
Invoke-Native "the app, its dependencies and PyInstaller" $Py @("-m", "pip", "install", ".", "pyinstaller>=6.10")
Invoke-Native "pywin32 is there (the spooler transport needs it)" $Py @("-c", "import win32print")

# the version: pyproject.toml's [project] version, the one the spec and the wheel use
$Version = (& $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "could not read the version from pyproject.toml" }
Write-Host "otop-pos $Version"

# 2. translations, 3. the frozen folder
Invoke-Native "translations" $Py @("-m", "otop_pos.ui.i18n_build", "--no-update")
Invoke-Native "PyInstaller (packaging\otop-pos.spec)" $Py @("-m", "PyInstaller", "--noconfirm", "--clean",
    "--distpath", "dist\pyinstaller", "--workpath", "build\pyinstaller", "packaging\otop-pos.spec")
$Frozen = Join-Path $Root "dist\pyinstaller\otop-pos"
foreach ($exe in @("otop-pos.exe", "otop-pos-cli.exe")) {
    if (-not (Test-Path (Join-Path $Frozen $exe))) { throw "PyInstaller did not make $exe" }
}

# 4. the frozen app answers, with no Python of the build on the PATH
$SavedPath = $env:PATH
$env:PATH = "$env:SystemRoot\system32;$env:SystemRoot"
try {
    $Cli = Join-Path $Frozen "otop-pos-cli.exe"
    $Said = (& $Cli --version | Out-String).Trim()
    if ($LASTEXITCODE -ne 0 -or $Said -ne "otop-pos $Version") { throw "otop-pos-cli.exe --version said '$Said'" }
    $Smoke = Join-Path $Root "build\win-smoke"
    if (Test-Path $Smoke) { Remove-Item -Recurse -Force $Smoke }
    $Demo = Join-Path $Frozen "_internal\otop_pos\resources\demo"
    Invoke-Native "frozen app: the demo booth set up" $Cli @("--data-dir", $Smoke, "--lang", "en", "booth", "setup",
        "--registry", $Demo, "--vendor", "KK20-0002", "--pin", "4321")
    Invoke-Native "frozen app: a day simulated" $Cli @("--data-dir", $Smoke, "--lang", "en", "booth", "simulate",
        "--days", "1", "--sales-per-day", "5", "--seed", "1", "--pin", "4321")
    $Receipt = Join-Path $Smoke "receipt.bin"
    Invoke-Native "frozen app: a receipt printed to a file" $Cli @("--data-dir", $Smoke, "print", "receipt", "--last",
        "--printer", "file:$Receipt", "--width", "384")
    $Head = [System.IO.File]::ReadAllBytes($Receipt)[0..1]
    if ($Head[0] -ne 0x1B -or $Head[1] -ne 0x40) { throw "the receipt does not start with ESC @" }
} finally {
    $env:PATH = $SavedPath
}

# 5. the installer
if (-not $Iscc) {
    $Candidates = @(
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 7\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 7\ISCC.exe"),
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 7\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe"),
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe")
    )
    $Iscc = $Candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $Iscc) { throw "ISCC.exe not found: install Inno Setup 6.7.1 or newer, or pass -Iscc PATH" }
}
Invoke-Native "Inno Setup ($Iscc)" $Iscc @("/DAppVersion=$Version", "packaging\windows\otop-pos.iss")
$Setup = Join-Path $Root "dist\otop-pos-$Version-setup.exe"
if (-not (Test-Path $Setup)) { throw "ISCC did not write $Setup" }
$MB = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host "built $Setup ($MB MB)" -ForegroundColor Green
