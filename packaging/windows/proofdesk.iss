; Inno Setup script for the Windows installer of Proofdesk (校对台).
; Build the one-folder app first (python packaging/build.py), then:
;     iscc packaging\windows\proofdesk.iss
; The installer goes to dist\installer\.

#define AppName "校对台 Proofdesk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6B0F3C2E-6E8B-4F0E-9A54-1D0E6F2B7C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Proofdesk
DefaultDirName={autopf}\Proofdesk
DefaultGroupName={#AppName}
OutputDir=..\..\dist\installer
OutputBaseFilename=proofdesk-{#AppVersion}-setup
SetupIconFile=proofdesk.ico
UninstallDisplayIcon={app}\proofdesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\proofdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\proofdesk.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\proofdesk.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "Proofdesk.Draft"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "Proofdesk.Draft"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "Proofdesk.Draft"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Proofdesk.Draft"; ValueType: string; ValueName: ""; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Proofdesk.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\proofdesk.exe"" ""%1"""

[Run]
Filename: "{app}\proofdesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
