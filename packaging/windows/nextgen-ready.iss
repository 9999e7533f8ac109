; Inno Setup 6 script for NextGen Ready (Windows). Built by packaging\windows\build.ps1.
; Per-machine by default (Program Files, all users); per-user with /CURRENTUSER.
; Silent:  NextGenReady-Setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
; With a firm policy:  ... /POLICY="\\server\share\policy.toml"  (copied to %ProgramData%\NextGen Ready)
; Uninstall silently: "%ProgramFiles%\NextGen Ready\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES

#define AppName "NextGen Ready"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E8C1B52-3F5D-4B0B-9C57-5E2B8A3C1F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=NextGen Ready
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline dialog
OutputDir=..\..\build
OutputBaseFilename=NextGenReady-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\nextgen-ready.ico
UninstallDisplayIcon={app}\nextgen-wizard.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\build\dist\nextgen-ready\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\nextgen-wizard.exe"; IconFilename: "{app}\nextgen-wizard.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\nextgen-wizard.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
; The installer checks the installed app before it finishes (exit code 0 = every check passed).
Filename: "{app}\nextgen-wizard-cli.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation..."

[Code]
// /POLICY=<file>: copy a firm policy to %ProgramData%\NextGen Ready\policy.toml (per-machine installs).
procedure CurStepChanged(CurStep: TSetupStep);
var
  Policy, Target: String;
begin
  if CurStep = ssPostInstall then
  begin
    Policy := ExpandConstant('{param:POLICY|}');
    if Policy <> '' then
    begin
      Target := ExpandConstant('{commonappdata}\NextGen Ready');
      ForceDirectories(Target);
      if not FileCopy(Policy, Target + '\policy.toml', False) then
        Log('Could not copy the policy file ' + Policy);
    end;
  end;
end;
