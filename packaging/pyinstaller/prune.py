"""What the bundle leaves out: Qt plugins and libraries NextGen Ready never loads.

Kept: the platforms it runs on (xcb for X11, wayland, offscreen for the self-test), the
print support backend (cups), styles and the portal platform theme (so it follows the
desktop's dark mode). Everything else goes. The build's --self-test proves what is left works.
"""

from __future__ import annotations

import re

DROP_PLUGIN_DIRS = {
    "imageformats",  # the app shows no images beyond PNG, which Qt reads without a plugin
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "tls",
    "qmltooling",
    "sqldrivers",
    "multimedia",
    "position",
    "sensors",
    "webview",
    "canbus",
    "designer",
    "texttospeech",
    "virtualkeyboard",
    "geometryloaders",
    "sceneparsers",
    "renderers",
    "renderplugins",
    "wayland-graphics-integration-server",
    "wayland-decoration-client",
    "wayland-shell-integration",
}
# The GTK 3 theme pulls in all of GTK (~30 MB); the xdg-desktop-portal theme still follows the
# desktop's light/dark setting.
DROP_THEMES = {"libqgtk3.so"}
DROP_PLATFORMS = {
    "libqeglfs.so",
    "libqlinuxfb.so",
    "libqminimalegl.so",
    "libqvnc.so",
    "libqvkkhrdisplay.so",
    "libqminimal.so",
}
DROP_LIBS = re.compile(
    r"(Qt6(Qml|Quick|Pdf|Network|Sql|Test|Designer|Svg|VirtualKeyboard|Multimedia|3D|Charts|"
    r"DataVisualization|WebEngine|Positioning|Sensors|SerialPort|Bluetooth|Nfc|RemoteObjects|"
    r"StateMachine|TextToSpeech|HttpServer|WebSockets|WebChannel|Scxml|ShaderTools|Graphs|"
    r"QuickControls2|QuickTemplates2|QmlModels|QmlWorkerScript|OpenGLWidgets)"
    r"|libavcodec|libavformat|libavutil|libswscale|libswresample)"
)
# Qt's own catalogs: only those of the app's languages (its dialogs' buttons in Spanish).
DROP_DATA = re.compile(r"(/translations/(?!qtbase_(en|es)\.)|/qml/|/resources/qtwebengine)")


def _plugin_dir(dest: str) -> str | None:
    match = re.search(r"/plugins/([^/]+)/", dest.replace("\\", "/"))
    return match.group(1) if match else None


def keep_binary(dest: str) -> bool:
    name = dest.replace("\\", "/").rsplit("/", 1)[-1]
    if _plugin_dir(dest) in DROP_PLUGIN_DIRS:
        return False
    if _plugin_dir(dest) == "platforms" and name in DROP_PLATFORMS:
        return False
    if _plugin_dir(dest) == "platformthemes" and name in DROP_THEMES:
        return False
    return not DROP_LIBS.search(name)


def _needed(paths: list[str]) -> set[str]:
    """Every library name these binaries load, directly or through each other."""
    from PyInstaller.depend import bindepend

    seen: set[str] = set()
    todo = list(paths)
    while todo:
        for name, path in bindepend.get_imports(todo.pop()):
            if name not in seen:
                seen.add(name)
                if path:
                    todo.append(path)
    return seen


# Printing uses the system's CUPS (every Linux desktop that prints has it; the .deb recommends
# libcups2). Bundling libcups would pull in GnuTLS, Kerberos and friends: about 8 MB.
SYSTEM_PROVIDED = re.compile(
    r"^lib(cups|gnutls|krb5|k5crypto|gssapi_krb5|krb5support|avahi-client|"
    r"avahi-common|p11-kit|unistring|idn2|tasn1|nettle|hogweed|gmp|keyutils)\.so"
)


def _system_library(dest: str) -> bool:
    """A shared library PyInstaller copied in only because something linked to it."""
    name = dest.replace("\\", "/")
    return "/" not in name and name.startswith("lib") and ".so" in name and not name.startswith("libpython")


def prune_binaries(binaries: list) -> list:
    """Drop the unwanted Qt parts, then the system libraries only those parts needed (GTK...).

    Everything else - Python extension modules, Qt's own libraries and plugins - is a root whose
    dependencies are kept.
    """
    kept = [entry for entry in binaries if keep_binary(entry[0])]
    needed = _needed([src for dest, src, _kind in kept if not _system_library(dest)])
    return [
        entry
        for entry in kept
        if not _system_library(entry[0]) or (entry[0] in needed and not SYSTEM_PROVIDED.match(entry[0]))
    ]


def prune_datas(datas: list) -> list:
    return [entry for entry in datas if not DROP_DATA.search("/" + entry[0].replace("\\", "/"))]
