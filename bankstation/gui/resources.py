"""Finding the shipped resources (fonts) from a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

import bankstation

log = logging.getLogger(__name__)

FONT_FILE = Path("fonts") / "wqy-microhei.ttc"
# Readable Chinese on the 1366×768 and 1920×1080 screens these stations usually have.
MIN_POINT_SIZE = 10


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside the bundle PyInstaller unpacked."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(bankstation.__file__).resolve().parent.parent / "resources"


def load_app_font(app: QApplication, resources: Path | None = None) -> str | None:
    """Make the shipped WenQuanYi Micro Hei the application font; return its family.

    The station may have no Chinese font installed at all, so the program brings its own.
    """
    path = (resources or resources_dir()) / FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
    if font_id < 0:
        log.warning("无法加载字体 %s，改用系统字体", path)
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPointSize(max(app.font().pointSize(), MIN_POINT_SIZE))
    app.setFont(font)
    return family


def install_translations(app: QApplication) -> QTranslator | None:
    """Qt's own Chinese strings (context menus, standard dialogs); keep the result alive."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       folder):
        app.installTranslator(translator)
        return translator
    return None
