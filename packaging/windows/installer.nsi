; The ApplyWizard installer for Windows (NSIS 3, Unicode), built on Linux by
; packaging/build_windows.py:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION_NUMBERS=0.1.0.0
;            -DSOURCE=dist/windows/applywizard -DOUTFILE=...-setup.exe
;            -DICON=resources/icons/applywizard.ico packaging/windows/installer.nsi
;
; Per user, without administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\ApplyWizard (the folder Windows itself suggests for
; per-user programs), its shortcuts to the user's Start menu and, if chosen, the
; desktop; "Apps & features" lists it with its uninstaller. The uninstaller
; removes only what the installer wrote: drafts, settings, logs and recovery
; files (Documents, %APPDATA%\ApplyWizard, %LOCALAPPDATA%\ApplyWizard) stay.
; Drafts are .json files, so no file type is associated: taking over .json
; would change how every other JSON file opens.
; Silent: setup.exe /S [/D=folder]; uninstall.exe /S.

Unicode true
; 64-bit, like the program: runs under Wine without its 32-bit part, and a 32-bit
; Windows (which could not run the program either) refuses it at once.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 64
RequestExecutionLevel user

!ifndef VERSION | VERSION_NUMBERS | SOURCE | OUTFILE | ICON
  !error "define VERSION, VERSION_NUMBERS, SOURCE, OUTFILE and ICON (see the top of this file)"
!endif

!define PRODUCT "ApplyWizard"
!define PROGRAM "applywizard.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define SETTINGS_KEY "Software\${PRODUCT}\Installer"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

!include "MUI2.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PROGRAM}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: Chinese first, English available.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SHORTCUT ${LANG_SIMPCHINESE} "ApplyWizard 申报助手"
LangString SHORTCUT ${LANG_ENGLISH} "ApplyWizard"
LangString SECTION_PROGRAM ${LANG_SIMPCHINESE} "ApplyWizard 程序（必需）"
LangString SECTION_PROGRAM ${LANG_ENGLISH} "ApplyWizard (required)"
LangString SECTION_DESKTOP ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SECTION_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString DESCRIBE_PROGRAM ${LANG_SIMPCHINESE} "程序本身及“开始”菜单快捷方式。"
LangString DESCRIBE_PROGRAM ${LANG_ENGLISH} "The program and its Start menu shortcut."
LangString DESCRIBE_DESKTOP ${LANG_SIMPCHINESE} "在桌面上放一个快捷方式。"
LangString DESCRIBE_DESKTOP ${LANG_ENGLISH} "A shortcut on the desktop."
LangString RUNNING ${LANG_SIMPCHINESE} "ApplyWizard 正在运行。请先保存草稿并关闭它，然后点“重试”。"
LangString RUNNING ${LANG_ENGLISH} "ApplyWizard is running. Save your draft and close it, then click Retry."

VIProductVersion "${VERSION_NUMBERS}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "ApplyWizard 政府间国际科技创新合作申报助手"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "ApplyWizard 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "ApplyWizard"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "© ApplyWizard"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "ApplyWizard: intergovernmental S&T cooperation applications"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "ApplyWizard setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "ApplyWizard"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "© ApplyWizard"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; Replacing files of a running program fails half-way: ask first.
!macro REFUSE_WHILE_RUNNING
  IfFileExists "$INSTDIR\${PROGRAM}" 0 free
  retry:
    ClearErrors
    FileOpen $0 "$INSTDIR\${PROGRAM}" a
    IfErrors 0 close
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RUNNING)" /SD IDCANCEL IDRETRY retry
    Abort
  close:
    FileClose $0
  free:
!macroend

Section "$(SECTION_PROGRAM)" SectionProgram
  SectionIn RO
  !insertmacro REFUSE_WHILE_RUNNING
  SetOutPath "$INSTDIR"
  ; An older version's libraries must not linger beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\$(SHORTCUT).lnk" "$INSTDIR\${PROGRAM}" "" "$INSTDIR\${PROGRAM}" 0
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${SETTINGS_KEY}" "StartMenuShortcut" "$SMPROGRAMS\$(SHORTCUT).lnk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(SHORTCUT)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "ApplyWizard"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${PROGRAM},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize ${SectionProgram} $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SECTION_DESKTOP)" SectionDesktop
  CreateShortcut "$DESKTOP\$(SHORTCUT).lnk" "$INSTDIR\${PROGRAM}" "" "$INSTDIR\${PROGRAM}" 0
  WriteRegStr HKCU "${SETTINGS_KEY}" "DesktopShortcut" "$DESKTOP\$(SHORTCUT).lnk"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SectionProgram} "$(DESCRIBE_PROGRAM)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SectionDesktop} "$(DESCRIBE_DESKTOP)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; Only what the installer wrote: a folder the user chose may hold other files.
Section "Uninstall"
  !insertmacro REFUSE_WHILE_RUNNING
  ReadRegStr $1 HKCU "${SETTINGS_KEY}" "StartMenuShortcut"
  StrCmp $1 "" +2
  Delete "$1"
  ReadRegStr $1 HKCU "${SETTINGS_KEY}" "DesktopShortcut"
  StrCmp $1 "" +2
  Delete "$1"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${PROGRAM}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
