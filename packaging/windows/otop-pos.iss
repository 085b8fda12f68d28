; otop-pos: the Windows installer (Inno Setup 6.7.1 or newer, or Inno Setup 7), per user, no admin rights.
; Built by packaging\windows\build.ps1 on a Windows machine after PyInstaller (packaging\otop-pos.spec) has made
; dist\pyinstaller\otop-pos\ (otop-pos.exe windowed, otop-pos-cli.exe console, _internal\):
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\otop-pos.iss   ->  dist\otop-pos-0.1.0-setup.exe
; Never compiled or run on Windows yet: tests/test_packaging_windows.py checks this recipe's parts on Linux.
;
; Where things go (per user; nothing under Program Files, no UAC prompt):
;   the program     {autopf}\otop-pos  = %LOCALAPPDATA%\Programs\otop-pos  (PrivilegesRequired=lowest makes
;                   {autopf} the user's own Program Files folder, {userpf})
;   the vendor's data  %LOCALAPPDATA%\otop-pos  (platformdirs' user_data_dir("otop-pos", appauthor=False)):
;                   booth.sqlite, fair.sqlite, otop-pos-errors.log. This script NEVER names that folder in a
;                   delete: uninstalling or upgrading keeps every sale.
; The file is UTF-8 with a BOM so that the Thai names survive any editor.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: ISCC.exe /DAppVersion=0.1.0 packaging\windows\otop-pos.iss
#endif
#if !FileExists(AddBackslash(CompilerPath) + "Languages\Thai.isl")
  #error Inno Setup 6.7.1 or newer is needed: it ships the official Thai translation (Languages\Thai.isl)
#endif

#define Root "..\.."
#define Frozen Root + "\dist\pyinstaller\otop-pos"
#define Icons Root + "\build\icons"

[Setup]
; AppId is fixed for good: a newer installer finds and upgrades the installed app by it
AppId={{42F971E5-9385-4537-8469-A8B2429844F0}
AppName=OTOP POS
AppVersion={#AppVersion}
AppVerName=OTOP POS {#AppVersion}
AppPublisher=otop-pos developers
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\otop-pos
DisableDirPage=yes
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=otop-pos-{#AppVersion}-setup
SetupIconFile={#Icons}\otop-pos.ico
UninstallDisplayIcon={app}\otop-pos.exe
UninstallDisplayName=OTOP POS
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=yes
; a running otop-pos holds this mutex (otop_pos.app.APP_MUTEX): Setup and Uninstall ask to close it first
AppMutex=otop-pos-running
; and files still in use are closed through the Restart Manager before they are replaced
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "th"; MessagesFile: "compiler:Languages\Thai.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
; the names of packaging/deb/*.desktop (Name[th] / Name), checked equal by the tests
th.BoothName=ขายหน้าร้าน OTOP
en.BoothName=OTOP booth sales
th.BoothComment=ขายสินค้าที่บูธงาน OTOP: ตะกร้า รับเงิน ใบเสร็จ ปิดวัน
en.BoothComment=Sell at the OTOP fair booth: cart, payments, receipts, the day's close
th.OrganiserName=ผู้จัดงาน OTOP
en.OrganiserName=OTOP fair organiser
th.OrganiserComment=ตั้งค่างาน นำเข้าข้อมูลจากบูธ ดูภาพรวมและรายงาน
en.OrganiserComment=Set up the fair, import the booths' exports, see the dashboard and reports
th.StartBooth=เปิดโปรแกรมขายหน้าร้านเลย
en.StartBooth=Start OTOP booth sales now

[Messages]
; the uninstaller says plainly that the sales stay
th.ConfirmUninstall=ต้องการถอน %1 ออกจากเครื่องนี้หรือไม่%n%nข้อมูลการขายจะยังอยู่ในโฟลเดอร์ %%LOCALAPPDATA%%\otop-pos
en.ConfirmUninstall=Remove %1 from this computer?%n%nThe sales data stay in the folder %%LOCALAPPDATA%%\otop-pos.
th.UninstalledAll=ถอน %1 ออกจากเครื่องแล้ว%n%nข้อมูลการขายยังอยู่ในโฟลเดอร์ %%LOCALAPPDATA%%\otop-pos ติดตั้งใหม่เมื่อไรก็ใช้ข้อมูลเดิมต่อได้
en.UninstalledAll=%1 was removed from this computer.%n%nThe sales data stay in the folder %%LOCALAPPDATA%%\otop-pos: installed again, the app goes on with them.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an upgrade replaces the frozen libraries as a whole: a library the older build had and this one has not must go
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Frozen}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Icons}\otop-pos-organiser.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{cm:BoothName}"; Filename: "{app}\otop-pos.exe"; WorkingDir: "{app}"; Comment: "{cm:BoothComment}"
Name: "{autoprograms}\{cm:OrganiserName}"; Filename: "{app}\otop-pos.exe"; Parameters: "organiser"; WorkingDir: "{app}"; IconFilename: "{app}\otop-pos-organiser.ico"; Comment: "{cm:OrganiserComment}"
Name: "{autodesktop}\{cm:BoothName}"; Filename: "{app}\otop-pos.exe"; WorkingDir: "{app}"; Comment: "{cm:BoothComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\otop-pos.exe"; Description: "{cm:StartBooth}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only the program folder, once the uninstaller has taken its files out of it
Type: dirifempty; Name: "{app}"
