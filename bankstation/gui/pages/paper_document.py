"""A paper as a reader sees it: sections, stems, options in printed order, the key beneath."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from bankstation.domain.answers import LETTERS
from bankstation.domain.papers import paper_statistics, printed_options
from bankstation.domain.questions import QuestionContent
from bankstation.gui.formatting import short_time
from bankstation.gui.models.paper_list import status_label
from bankstation.services import papers, questions
from bankstation.services.session import Session

META = 'style="color:#666666; margin:0 0 0 2em;"'
OPTION = 'style="margin:0 0 0 2em;"'


@dataclass(frozen=True)
class PaperView:
    paper: dict[str, Any]
    contents: dict[tuple[int, int], QuestionContent]  # (question id, version) -> content


def load_paper(session: Session, paper_id: str) -> PaperView:
    """The paper and the very versions of its questions (runs on a pool thread)."""
    paper = papers.get(session, paper_id)
    contents = {}
    for section in paper["sections"]:
        for item in section["items"]:
            key = (int(item["question_id"]), int(item["version"]))
            contents[key] = questions.version(session, *key).content
    return PaperView(paper, contents)


def _e(text: object) -> str:
    return html.escape(str(text)).replace("\n", "<br>")


def header_html(paper: dict[str, Any]) -> str:
    stats = paper_statistics(paper)
    bp = paper["blueprint"]
    importance = "，".join(f"{k} {v:g}%" for k, v in stats["importance"].items())
    approved = (f"{paper['approved_by']}（{short_time(paper['approved_at'], seconds=False)}）"
                if paper.get("approved_by") else "未审定")
    lines = [
        f"状态：{status_label(paper['status'])}　审定：{approved}",
        f"组卷：{paper['assembled_by']}（{short_time(paper['assembled_at'], seconds=False)}）"
        f"　种子：{paper['seed']}",
        f"组卷方案 {bp['id']} 第 {bp['version']} 版　SHA-256：{bp['sha256']}",
        f"共 {stats['items']} 题，满分 {paper['total_points']:g} 分"
        + (f"，考试时长 {paper['duration_minutes']} 分钟" if "duration_minutes" in paper else "")
        + (f"，及格 {paper['pass_score']:g} 分" if "pass_score" in paper else "")
        + f"；平均难度系数 {stats['mean_difficulty']:.3f}；重要程度 {importance}",
        f"试卷编号：{paper['paper_id']}",
    ]
    return (f"<h2 style=\"margin-bottom:4px;\">{_e(paper['title'])}（{_e(paper['form'])}卷）</h2>"
            + "".join(f'<p style="color:#555555; margin:0;">{_e(line)}</p>' for line in lines))


def item_html(item: dict[str, Any], content: QuestionContent | None, points: float) -> str:
    stem = content.stem if content else f"（试题 {item['question_id']} 第 {item['version']} 版缺失）"
    parts = [f'<p style="margin:10px 0 2px 0;"><b>{item["no"]}.</b> {_e(stem)}</p>']
    if content is not None and content.options:
        shown = printed_options(content, item.get("option_order"))
        parts += [f"<p {OPTION}>{LETTERS[i]}. {_e(text)}</p>" for i, text in enumerate(shown)]
    code = item.get("code") or f"试题 {item['question_id']}"
    meta = (f"答案：{_e(item['answer'])}　｜　{points:g} 分　鉴定点 {_e(item['point'])}　"
            f"重要程度 {_e(item['importance'])}　难度 {item['difficulty']:.2f}　"
            f"{_e(code)}（第 {item['version']} 版）")
    parts.append(f"<p {META}>{meta}</p>")
    return "".join(parts)


def paper_html(view: PaperView) -> str:
    paper = view.paper
    body = [header_html(paper)]
    for section in paper["sections"]:
        n = len(section["items"])
        body.append(f'<h3 style="margin:16px 0 4px 0;">{_e(section["heading"])}'
                    f"（每题 {section['points_each']:g} 分，共 {n} 题）</h3>")
        for item in section["items"]:
            content = view.contents.get((int(item["question_id"]), int(item["version"])))
            body.append(item_html(item, content, section["points_each"]))
    return "".join(body)
