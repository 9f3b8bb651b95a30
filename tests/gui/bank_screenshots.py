"""Screenshots of the bank pages for docs/screenshots, taken from a demo vault.

    .venv/bin/bankstation demo --vault /tmp/demo/vault.bsv --replace
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.bank_screenshots \\
        --vault /tmp/demo/vault.bsv

The demo vault is changed on the way (a few questions are edited and submitted, so the review
queue has something in it); use a scratch copy.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QApplication

from bankstation.domain.elements import ElementNode, Importance
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionFilter
from bankstation.gui.dialogs.question_editor import QuestionEditor
from bankstation.gui.dialogs.question_forms import ChoiceForm
from bankstation.gui.main_window import MainWindow
from bankstation.gui.pages.banks import BanksPage
from bankstation.gui.pages.imports import ImportPage
from bankstation.gui.pages.quality import QualityPage
from bankstation.gui.pages.questions import QuestionsPage
from bankstation.gui.pages.review import ReviewPage
from bankstation.gui.resources import install_translations, load_app_font
from bankstation.services import banks, elements, questions, search, station
from bankstation.services.config import DEFAULT_KDF
from bankstation.services.imports import Source
from tests.gui.screenshot_tool import CLOCK, save, settle, window_for

KEEPER = ("keeper", "keeper-demo-2026")
REVIEWER = ("reviewer", "reviewer-demo-2026")


def bank_ids(vault: Path) -> tuple[int, int]:
    session = station.login(vault, *KEEPER, "截图准备", CLOCK, "cli", DEFAULT_KDF)
    try:
        found = banks.list_banks(session)
        theory = next(b.id for b in found if b.exam == "theory")
        practical = next(b.id for b in found if b.exam == "practical")
        # A few questions back in the review queue: each edited into a new version.
        ids = search.question_ids(session, theory, QuestionFilter(qtype=QType.SINGLE),
                                  limit=6, offset=40)
        for qid in ids:
            current = questions.get(session, qid)
            content = current.content.with_changes(difficulty=0.6)
            questions.edit(session, qid, content, submit=True)
        # A near copy of one of them, for the report's near-duplicates.
        copy = questions.get(session, ids[0]).content
        questions.create(session, theory, copy.with_changes(code=None, stem=copy.stem + " "),
                         submit=True)
        # A point added to the table that no question covers yet, for the report's thin points.
        nodes = list(elements.table(session, theory).nodes.values())
        scope = next(n for n in nodes if n.code == "BC")
        nodes.append(ElementNode(scope.code + "009", "漏电保护器的选用", None, Importance.Y))
        elements.replace(session, theory, nodes)
        return theory, practical
    finally:
        station.logout(session)


def broken_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "试题"
    sheet.append(["试题编号", "题型", "鉴定点", "题干", "选项A", "选项B", "选项C", "答案", "难度"])
    sheet.append(["DG4-N001", "判断题", "AA001", "职业道德是从业人员在职业活动中应遵循的行为准则。",
                  None, None, None, "√", "易"])
    sheet.append(["DG4-N002", "多项选择题", "BA001", "三相异步电动机的调速方法有（　）。",
                  "变极调速", "变频调速", "变转差率调速", "A", 0.6])
    sheet.append(["DG4-N003", "单项选择题", "ZZ009", "兆欧表的用途是测量（　）。", "电流",
                  "绝缘电阻", "电压", "B", 0.7])
    sheet.append(["DG4-N004", "判断题", "AA002", "电工可以带电更换熔断器。", None, None, None,
                  "不一定", "中等"])
    sheet.append(["DG4-N005", "填空题", "AB001", "我国安全电压额定值的等级有 42V、36V、____。",
                  None, None, None, "", 1.5])
    book.save(path)
    return path


def circuit_png(path: Path) -> Path:
    """A small circuit drawing (two resistors in series with a source) to insert."""
    image = QImage(300, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("black"), 2))
    painter.drawPolyline([QPoint(40, 60), QPoint(40, 20), QPoint(90, 20)])
    painter.drawRect(90, 12, 50, 16)
    painter.drawLine(140, 20, 180, 20)
    painter.drawRect(180, 12, 50, 16)
    painter.drawPolyline([QPoint(230, 20), QPoint(270, 20), QPoint(270, 100), QPoint(40, 100),
                          QPoint(40, 72)])
    painter.drawLine(25, 60, 55, 60)
    painter.drawLine(32, 72, 48, 72)
    painter.drawText(100, 48, "R1 6Ω")
    painter.drawText(190, 48, "R2 3Ω")
    painter.drawText(60, 72, "U = 9V")
    painter.end()
    image.save(str(path))
    return path


def fill_single(editor: QuestionEditor, picture: Path) -> None:
    editor.set_qtype(QType.SINGLE)
    editor.point.set_code("AB001")
    editor.stem.setPlainText("如图所示电路，已知 R<sub>1</sub> = 6Ω，R<sub>2</sub> = 3Ω，"
                             "电源电压 U = 9V，则电路中的电流 I 为（　）。\n")
    editor.stem.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_image_file(picture, editor.stem)
    settle()
    editor.difficulty.setValue(0.75)
    editor.source.setText("《电工基础》第2章")
    form = editor.form
    assert isinstance(form, ChoiceForm)
    for row, text in zip(form.option_rows, ["1A", "1.5A", "3A", "4.5A"], strict=True):
        row.text.setText(text)
    form.option_rows[0].correct.setChecked(True)
    editor.analysis.setPlainText("串联电路总电阻 R = R<sub>1</sub> + R<sub>2</sub> = 9Ω，"
                                 "I = U / R = 1A；电阻消耗的功率 P = I<sup>2</sup>R。")
    editor.markup.set_target(editor.stem)
    editor.update_preview()


def keeper_shots(vault: Path, out: Path, theory: int, practical: int) -> None:
    window: MainWindow = window_for(vault, *KEEPER, "录入与维护试题")
    page = window.show_page("题库")
    assert isinstance(page, BanksPage)
    page.selection.select(theory)
    settle()
    save(window, out, "bank.png")
    qpage = window.show_page("试题")
    assert isinstance(qpage, QuestionsPage)
    qpage.filters.qtype.setCurrentIndex(qpage.filters.qtype.findData(QType.SINGLE))
    qpage.filters.search.setText("电动机")
    settle(lambda: not qpage.model.loading)
    qpage.filters.emit_now()
    settle()
    qpage.view.selectRow(2)
    settle()
    save(window, out, "questions.png")
    editor = qpage.new_question()
    assert isinstance(editor, QuestionEditor)
    fill_single(editor, circuit_png(out.parent / "circuit.png"))
    settle()
    save(editor, out, "editor-single.png")
    (out.parent / "circuit.png").unlink()
    editor.reject()
    qpage.filters.clear()
    qpage.selection.select(practical)
    settle()
    qpage.view.selectRow(0)
    settle()
    editor = qpage.edit_question()
    assert isinstance(editor, QuestionEditor)
    settle()
    editor.form_scroll.verticalScrollBar().setValue(editor.form_scroll.verticalScrollBar().maximum())
    settle()
    save(editor, out, "editor-practical.png")
    editor.reject()
    qpage.selection.select(theory)
    ipage = window.show_page("导入试题")
    assert isinstance(ipage, ImportPage)
    broken = broken_workbook(Path(tempfile.mkdtemp()) / "电工四级新编试题（第二批）.xlsx")
    ipage.check_source(Source(broken))
    settle(lambda: ipage.plan is not None)
    save(window, out, "import-preview.png")
    broken.unlink()
    quality = window.show_page("质量报告")
    assert isinstance(quality, QualityPage)
    settle(lambda: quality.view is not None)
    quality.duplicates.selectRow(0)
    save(window, out, "quality.png")
    window.close()
    settle(lambda: window._finished)


def reviewer_shots(vault: Path, out: Path, theory: int) -> None:
    window: MainWindow = window_for(vault, *REVIEWER, "审核试题")
    page = window.show_page("审核")
    assert isinstance(page, ReviewPage)
    page.selection.select(theory)
    settle()
    page.view.selectRow(1)
    settle()
    save(window, out, "review.png")
    window.close()
    settle(lambda: window._finished)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    app.setApplicationName("题库工作站")
    install_translations(app)
    load_app_font(app)
    theory, practical = bank_ids(args.vault)
    keeper_shots(args.vault, args.out, theory, practical)
    reviewer_shots(args.vault, args.out, theory)


if __name__ == "__main__":
    main()
