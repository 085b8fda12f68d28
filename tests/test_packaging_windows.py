"""Checks of the Windows installer RECIPE (packaging/windows/otop-pos.iss, build.ps1, the spec's Windows branch).

Nothing here compiles with Inno Setup or runs on Windows: these machines cannot. The .iss is read as the
INI-like sections it is made of, the spec is executed with PyInstaller's build classes replaced by recorders
(under sys.platform "win32" and "linux"), and build.ps1 is read. What they check is what a person would
otherwise find on the first Windows build: an exe the menu names but the spec does not make, a Thai name that
differs from Linux's, an uninstall that takes the sales with it, a version that does not match.
"""
from __future__ import annotations

import configparser
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "packaging" / "windows" / "otop-pos.iss"
BUILD_PS1 = ROOT / "packaging" / "windows" / "build.ps1"
DESKTOP = ROOT / "packaging" / "deb"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _split_params(line: str) -> dict[str, str]:
    """``Name: "a b"; Flags: x y`` → {"Name": "a b", "Flags": "x y"} (Inno doubles a quote inside quotes)."""
    params: dict[str, str] = {}
    for match in re.finditer(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        value = match.group(2).strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        params[match.group(1)] = value
    return params


def read_iss() -> tuple[dict[str, list[str]], list[str]]:
    """The script's sections as their lines (comments and blank lines dropped), and its ISPP lines (#…)."""
    text = ISS.read_bytes().decode("utf-8-sig")
    sections: dict[str, list[str]] = {}
    ispp: list[str] = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            ispp.append(line)
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            assert current not in sections, f"[{current}] twice"
            sections[current] = []
        else:
            assert current is not None, line
            sections[current].append(line)
    return sections, ispp


def keys(lines: list[str]) -> dict[str, str]:
    """``Key=Value`` lines (the [Setup], [Messages] and [CustomMessages] kind)."""
    out: dict[str, str] = {}
    for line in lines:
        key, sep, value = line.partition("=")
        assert sep, line
        assert key.strip() not in out, f"{key} twice"
        out[key.strip()] = value.strip()
    return out


def entries(lines: list[str]) -> list[dict[str, str]]:
    return [_split_params(line) for line in lines]


SPEC_RUNNER = r"""
import json, sys, types
platform, spec, root = sys.argv[1:4]
sys.platform = platform
recorded = {"exes": [], "collect": None, "icons_made": []}

class Recorder:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], [], [], []

def EXE(*args, **kwargs):
    version = kwargs.get("version")
    strings = {}
    if version is not None:
        for table in version.kwargs["kids"][0].args[0]:
            strings.update({s.args[0]: s.args[1] for s in table.args[1]})
    recorded["exes"].append({"name": kwargs["name"], "console": kwargs["console"], "icon": kwargs["icon"],
                             "exclude_binaries": kwargs["exclude_binaries"], "version": strings})
    return ("EXE", kwargs["name"])

def COLLECT(*args, **kwargs):
    recorded["collect"] = {"name": kwargs["name"], "exes": [a[1] for a in args if isinstance(a, tuple)]}

hooks = types.ModuleType("PyInstaller.utils.hooks")
hooks.collect_data_files = lambda *a, **k: []
hooks.collect_submodules = lambda *a, **k: []
vi = types.ModuleType("PyInstaller.utils.win32.versioninfo")
for name in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct"):
    setattr(vi, name, type(name, (Recorder,), {}))
win32 = types.ModuleType("PyInstaller.utils.win32")
win32.versioninfo = vi
icons = types.ModuleType("make_icons")
icons.main = lambda argv: recorded["icons_made"].append(argv) or 0
sys.modules.update({"PyInstaller": types.ModuleType("PyInstaller"), "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
                    "PyInstaller.utils.hooks": hooks, "PyInstaller.utils.win32": win32,
                    "PyInstaller.utils.win32.versioninfo": vi, "make_icons": icons})
code = compile(open(spec, encoding="utf-8").read(), spec, "exec")
exec(code, {"__name__": "__main__", "__file__": spec, "SPECPATH": root + "/packaging", "Analysis": Recorder,
            "PYZ": Recorder, "EXE": EXE, "COLLECT": COLLECT})
print(json.dumps(recorded))
"""


def run_spec(platform: str) -> dict[str, object]:
    """What packaging/otop-pos.spec asks PyInstaller to build when run on ``platform``."""
    out = subprocess.run([sys.executable, "-c", SPEC_RUNNER, platform, str(ROOT / "packaging" / "otop-pos.spec"),
                          str(ROOT)], capture_output=True, text=True, timeout=120, cwd=ROOT, check=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture(scope="module")
def windows_build() -> dict[str, object]:
    return run_spec("win32")


def _desktop(name: str) -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP / name, encoding="utf-8")
    return entry["Desktop Entry"]


def test_recipe_spec_builds_a_windowed_and_a_console_exe_on_windows_and_one_console_exe_on_linux(
        windows_build: dict[str, object]) -> None:
    exes = windows_build["exes"]
    assert isinstance(exes, list)
    assert [(e["name"], e["console"]) for e in exes] == [("otop-pos", False), ("otop-pos-cli", True)]
    assert all(e["exclude_binaries"] for e in exes)                        # one folder, never one file
    assert all(e["icon"].replace("\\", "/").endswith("build/icons/otop-pos.ico") for e in exes)
    assert windows_build["icons_made"] == [[str(ROOT / "build" / "icons")]]
    assert [e["version"]["OriginalFilename"] for e in exes] == ["otop-pos.exe", "otop-pos-cli.exe"]
    assert {e["version"]["ProductVersion"] for e in exes} == {VERSION}
    assert windows_build["collect"] == {"name": "otop-pos", "exes": ["otop-pos", "otop-pos-cli"]}  # one folder
    linux = run_spec("linux")
    assert linux["exes"] == [{"name": "otop-pos", "console": True, "icon": None, "exclude_binaries": True,
                              "version": {}}]                               # today's .deb, unchanged
    assert linux["collect"] == {"name": "otop-pos", "exes": ["otop-pos"]} and linux["icons_made"] == []


def test_recipe_installs_per_user_without_admin_rights() -> None:
    sections, _ = read_iss()
    setup = keys(sections["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup               # no "for all users?" question
    # with lowest privileges {autopf} is {userpf}: %LOCALAPPDATA%\Programs
    assert setup["DefaultDirName"] in (r"{autopf}\otop-pos", r"{localappdata}\Programs\otop-pos", r"{userpf}\otop-pos")
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-([0-9A-F]{4}-){3}[0-9A-F]{12}\}", setup["AppId"])   # fixed GUID
    assert setup["AppMutex"] == "otop-pos-running" and setup["CloseApplications"] in ("yes", "force")


def test_recipe_app_holds_the_mutex_the_installer_waits_for() -> None:
    from otop_pos.app import APP_MUTEX

    sections, _ = read_iss()
    assert keys(sections["Setup"])["AppMutex"].split(",") == [APP_MUTEX]


def test_recipe_start_menu_entries_start_the_windowed_exe_the_spec_builds(windows_build: dict[str, object]) -> None:
    exes = windows_build["exes"]
    assert isinstance(exes, list)
    windowed = {e["name"] + ".exe" for e in exes if not e["console"]}
    sections, _ = read_iss()
    icons = entries(sections["Icons"])
    assert icons, "no Start-menu entries"
    for icon in icons:
        assert icon["Filename"].startswith("{app}\\") and icon["Filename"][6:] in windowed, icon
    by_name = {icon["Name"]: icon for icon in icons}
    booth, organiser = by_name[r"{autoprograms}\{cm:BoothName}"], by_name[r"{autoprograms}\{cm:OrganiserName}"]
    # the same commands as the Linux desktop entries (Exec=otop-pos / Exec=otop-pos organiser)
    assert ("otop-pos " + booth.get("Parameters", "")).strip() == _desktop("otop-pos.desktop")["Exec"]
    assert "otop-pos " + organiser["Parameters"] == _desktop("otop-pos-organiser.desktop")["Exec"]
    assert organiser["IconFilename"] == r"{app}\otop-pos-organiser.ico"
    assert by_name[r"{autodesktop}\{cm:BoothName}"]["Tasks"] == "desktopicon"   # the desktop icon is optional
    tasks = {t["Name"]: t for t in entries(sections["Tasks"])}
    assert "unchecked" in tasks["desktopicon"]["Flags"].split()
    run = entries(sections["Run"])
    assert [r["Filename"] for r in run] == [r"{app}\otop-pos.exe"] and "skipifsilent" in run[0]["Flags"]
    files = entries(sections["Files"])
    assert any(f["Source"].endswith(r"\otop-pos-organiser.ico") for f in files)


def test_recipe_names_in_thai_and_english_equal_the_desktop_entries() -> None:
    sections, _ = read_iss()
    messages = keys(sections["CustomMessages"])
    for key, desktop in (("Booth", "otop-pos.desktop"), ("Organiser", "otop-pos-organiser.desktop")):
        entry = _desktop(desktop)
        assert messages[f"th.{key}Name"] == entry["Name[th]"] and messages[f"en.{key}Name"] == entry["Name"]
        assert messages[f"th.{key}Comment"] == entry["Comment[th]"]
        assert messages[f"en.{key}Comment"] == entry["Comment"]
    # every {cm:…} the script uses is there in both languages (or is one of Inno's own, translated in Thai.isl)
    inno_own = {"CreateDesktopIcon", "AdditionalIcons"}
    used = set(re.findall(r"\{cm:(\w+)", ISS.read_bytes().decode("utf-8-sig")))
    for name in used - inno_own:
        assert f"th.{name}" in messages and f"en.{name}" in messages, name
        assert re.search("[\u0e00-\u0e7f]", messages[f"th.{name}"]), name


def test_recipe_languages_are_thai_and_english() -> None:
    sections, ispp = read_iss()
    languages = {lang["Name"]: lang["MessagesFile"] for lang in entries(sections["Languages"])}
    # Thai.isl is an official translation since Inno Setup 6.7.1; the script stops with a clear error before it
    assert languages == {"th": r"compiler:Languages\Thai.isl", "en": "compiler:Default.isl"}
    assert list(languages)[0] == "th"                   # the first is the default when Windows' language is neither
    assert any("Languages\\Thai.isl" in line and "FileExists" in line for line in ispp)
    assert any(line.startswith("#error") and "6.7.1" in line for line in ispp)


def test_recipe_never_deletes_the_vendors_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where otop-pos keeps its data on Windows, from the app's own platformdirs call, and that no delete of the
    installer reaches it."""
    from platformdirs.windows import Windows

    from otop_pos.booth import store as booth_store
    from otop_pos.fair import store as fair_store

    local = r"C:\Users\somchai\AppData\Local"
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    monkeypatch.delenv("OTOP_POS_HOME", raising=False)
    monkeypatch.delenv("OTOP_POS_DB", raising=False)

    def on_windows(*args: object, **kwargs: object) -> str:
        return Windows(*args, **kwargs).user_data_dir.replace("/", "\\")  # type: ignore[arg-type]

    monkeypatch.setattr(booth_store, "user_data_dir", on_windows)
    monkeypatch.setattr(fair_store, "user_data_dir", on_windows)
    data = str(booth_store.default_data_dir()).replace("/", "\\")
    assert data == local + r"\otop-pos"                                        # %LOCALAPPDATA%\otop-pos
    assert fair_store.default_db().replace("/", "\\").startswith(data + "\\")
    program = local + r"\Programs\otop-pos"                                    # {autopf} per user
    assert not program.startswith(data + "\\") and not data.startswith(program + "\\") and program != data

    sections, _ = read_iss()
    assert "Code" not in sections                                              # no script that could delete
    for section in ("InstallDelete", "UninstallDelete"):
        for entry in entries(sections.get(section, [])):
            assert entry["Name"] == "{app}" or entry["Name"].startswith("{app}\\"), (section, entry)
    text = ISS.read_bytes().decode("utf-8-sig").lower()
    for line in text.splitlines():
        if not line.lstrip().startswith(";") and ("{localappdata}\\otop-pos" in line or "{userappdata}" in line):
            raise AssertionError(line)
    # what the uninstaller says is where the data really are
    messages = keys(sections["Messages"])
    for lang in ("th", "en"):
        assert r"%%LOCALAPPDATA%%\otop-pos" in messages[f"{lang}.UninstalledAll"]
        assert r"%%LOCALAPPDATA%%\otop-pos" in messages[f"{lang}.ConfirmUninstall"]


def test_recipe_files_come_from_the_one_folder_build(windows_build: dict[str, object]) -> None:
    sections, ispp = read_iss()
    defines = dict(re.findall(r'#define (\w+) (.+)', "\n".join(ispp)))
    collect = windows_build["collect"]
    assert isinstance(collect, dict)
    assert defines["Frozen"] == r'Root + "\dist\pyinstaller\%s"' % collect["name"]
    assert defines["Root"] == r'"..\.."' and (ISS.parent / ".." / "..").resolve() == ROOT
    sources = entries(sections["Files"])
    frozen = [f for f in sources if f["Source"] == r"{#Frozen}\*"]
    assert len(frozen) == 1 and frozen[0]["DestDir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs", "ignoreversion"} <= set(frozen[0]["Flags"].split())
    ps1 = BUILD_PS1.read_text(encoding="ascii")
    assert '"--distpath", "dist\\pyinstaller"' in ps1 and "packaging\\otop-pos.spec" in ps1   # where .iss reads


def test_recipe_version_is_pyprojects_passed_by_build_ps1() -> None:
    sections, ispp = read_iss()
    setup = keys(sections["Setup"])
    assert ispp[0] == "#ifndef AppVersion" and ispp[1].startswith("#error")   # no version, no installer
    assert setup["AppVersion"] == "{#AppVersion}" and setup["VersionInfoVersion"] == "{#AppVersion}"
    assert setup["OutputBaseFilename"] == "otop-pos-{#AppVersion}-setup" and setup["OutputDir"] == r"{#Root}\dist"
    ps1 = BUILD_PS1.read_text(encoding="ascii")
    assert '"/DAppVersion=$Version", "packaging\\windows\\otop-pos.iss"' in ps1
    # build.ps1's own reading of the version, run here
    reader = re.search(r'\$Version = \(& \$Py -c "([^"]+)"\)', ps1)
    assert reader is not None
    said = subprocess.run([sys.executable, "-c", reader.group(1)], capture_output=True, text=True, cwd=ROOT,
                          check=True).stdout.strip()
    assert said == VERSION
    assert f'"otop-pos $Version"' in ps1 and "dist\\otop-pos-$Version-setup.exe" in ps1


def test_recipe_build_ps1_takes_the_documented_steps_in_order() -> None:
    ps1 = BUILD_PS1.read_text(encoding="ascii")                                 # ASCII: PowerShell 5.1 reads it
    code = ps1[ps1.index("[CmdletBinding()]"):]                                # past the help text
    steps = ['"venv"', '"install", ".", "pyinstaller>=6.10"', "import win32print",
             '"otop_pos.ui.i18n_build", "--no-update"', '"PyInstaller"', "otop-pos-cli.exe", "ISCC.exe"]
    where = [code.index(step) for step in steps]
    assert where == sorted(where), dict(zip(steps, where))
    assert '$ErrorActionPreference = "Stop"' in code and "$LASTEXITCODE -ne 0" in code


def test_recipe_files_are_utf8_with_bom() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "ขายหน้าร้าน OTOP" in text and "ผู้จัดงาน OTOP" in text


def test_pywin32_is_a_dependency_on_windows_only() -> None:
    from packaging.requirements import Requirement

    deps = [Requirement(d) for d in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
            ["project"]["dependencies"]]
    pywin32 = [d for d in deps if d.name == "pywin32"]
    assert len(pywin32) == 1 and pywin32[0].marker is not None
    assert pywin32[0].marker.evaluate({"sys_platform": "win32"})
    assert not pywin32[0].marker.evaluate({"sys_platform": "linux"})


def test_translations_build_finds_lrelease_exe_beside_windows_python(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows the venv's tools are Scripts\\pyside6-lrelease.exe, not on PATH unless activated."""
    from otop_pos.ui import i18n_build

    scripts = tmp_path / "Scripts"
    scripts.mkdir()
    (scripts / "pyside6-lrelease.exe").write_bytes(b"MZ")
    monkeypatch.setattr(sys, "executable", str(scripts / "python.exe"))
    monkeypatch.setenv("PATH", "")
    assert i18n_build.tool("lrelease") == str(scripts / "pyside6-lrelease.exe")
