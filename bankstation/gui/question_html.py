"""Question text as HTML for previews: <sup>/<sub> kept, image markers shown as the image."""

from __future__ import annotations

import html
import re

from bankstation.domain.answers import LETTERS, difficulty_word
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import IMAGE_MARK_RE, QuestionContent

IMAGE_SCHEME = "bsimg"
_TAG_RE = re.compile(r"&lt;(/?)(sup|sub)&gt;", re.IGNORECASE)
_CELL = 'style="padding: 2px 6px; border: 1px solid #bbbbbb;"'


def image_url(image_id: str) -> str:
    return f"{IMAGE_SCHEME}:{image_id}"


def text_html(text: str) -> str:
    """Escape everything but <sup>/<sub>; markers become <img>. Spaces and line breaks are
    kept as typed: a blank is often a full-width space in brackets, （　）."""
    if not text:
        return ""
    out = _TAG_RE.sub(lambda m: f"<{m.group(1)}{m.group(2).lower()}>",
                      html.escape(text, quote=False))
    out = IMAGE_MARK_RE.sub(lambda m: f'<img src="{image_url(m.group(1))}">', out)
    return f'<span style="white-space: pre-wrap;">{out}</span>'



def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th {_CELL}>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td {_CELL}>{c}</td>" for c in row) + "</tr>"
                   for row in rows)
    return (f'<table cellspacing="0" style="border-collapse: collapse;">'
            f"<tr>{head}</tr>{body}</table>")


def _section(title: str, body: str) -> str:
    return f'<p style="margin-top: 8px;"><b>{html.escape(title)}</b><br>{body}</p>'


def _points(value: float) -> str:
    return f"{value:g}"


def _answer_html(c: QuestionContent) -> str:
    if c.qtype is QType.JUDGE:
        return _section("答案", html.escape(c.answer or "（未填）"))
    if c.qtype.is_choice:
        return _section("答案", html.escape(c.answer or "（未选）"))
    if c.qtype is QType.FILL:
        rows = [[str(i), html.escape(" / ".join(alts))] for i, alts in enumerate(c.blanks, 1)]
        return _section("答案", _table(["空", "可接受的答案"], rows) if rows else "（未填）")
    parts = [_section("参考答案", text_html(c.answer) or "（未填）")]
    if c.marking:
        rows = [[text_html(m.text), _points(m.points)] for m in c.marking]
        rows.append(["<b>合计</b>", _points(sum(m.points for m in c.marking))])
        parts.append(_section("得分点", _table(["得分点", "分值"], rows)))
    return "".join(parts)


def _practical_html(c: QuestionContent) -> str:
    parts = [_section("时限", f"{c.time_limit} 分钟" if c.time_limit else "（未填）")]
    if c.site_prep:
        parts.append(_section("考场准备", text_html(c.site_prep)))
    if c.candidate_prep:
        parts.append(_section("考生准备", text_html(c.candidate_prep)))
    if c.answer:
        parts.append(_section("操作要求与参考答案", text_html(c.answer)))
    rows = [[text_html(r.content), text_html(r.element), _points(r.points), text_html(r.criteria)]
            for r in c.rubric]
    rows.append(["<b>合计</b>", "", _points(c.total_rubric_points()), ""])
    parts.append(_section("评分表", _table(["考核内容", "评分要素", "配分", "评分标准"], rows)))
    return "".join(parts)


def question_html(c: QuestionContent, heading: str = "") -> str:
    """The whole question as a reviewer reads it."""
    facts = [c.qtype.label, f"鉴定点 {c.point or '（未选）'}",
             f"难度 {c.difficulty:.2f}（{difficulty_word(c.difficulty)}）"]
    if c.code:
        facts.insert(0, f"试题编号 {c.code}")
    top = f"<h3>{html.escape(heading)}</h3>" if heading else ""
    parts = [top, f'<p style="color: #555555;">{html.escape(" · ".join(facts))}</p>',
             f"<p>{text_html(c.stem) or '（题干未填）'}</p>"]
    if c.qtype.is_choice:
        marked = set(c.answer)
        lines = []
        for letter, option in zip(LETTERS, c.options, strict=False):
            text = f"{letter}. {text_html(option)}"
            lines.append(f"<b>{text}　✔</b>" if letter in marked else text)
        parts.append("<p>" + "<br>".join(lines) + "</p>")
    parts.append(_practical_html(c) if c.qtype is QType.PRACTICAL else _answer_html(c))
    if c.analysis:
        parts.append(_section("解析", text_html(c.analysis)))
    extra = [f"出处：{html.escape(c.source)}" if c.source else "",
             f"互斥组：{html.escape(c.enemy_group)}" if c.enemy_group else ""]
    if any(extra):
        parts.append(f'<p style="color: #555555;">{"　".join(e for e in extra if e)}</p>')
    return "".join(parts)
