"""A paper as a reader sees it: sections, stems, options in printed order, the key beneath."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from bankstation.domain.answers import LETTERS
from bankstation.domain.clock import short_time
from bankstation.domain.errors import NotFound
from bankstation.domain.papers import paper_statistics, printed_options
from bankstation.domain.questions import IMAGE_MARK_RE, QuestionContent
from bankstation.gui.models.paper_list import status_label
from bankstation.services import images, papers, questions
from bankstation.services.session import Session

META = 'style="color:#666666; margin:0 0 0 2em;"'
OPTION = 'style="margin:0 0 0 2em;"'
IMAGE_SCHEME = "paperimg"  # <img src="paperimg:ID">, answered by the browser from PaperView
# Question text is plain text with <sup>/<sub> tags and [[图片:…]] markers (DESIGN §6 imports)
_TAG_RE = re.compile(r"&lt;(/?)(sup|sub)&gt;", re.IGNORECASE)


@dataclass(frozen=True)
class PaperView:
    paper: dict[str, Any]
    contents: dict[tuple[int, int], QuestionContent]  # (question id, version) -> content
    images: dict[str, bytes] = field(default_factory=dict)


def load_paper(session: Session, paper_id: str) -> PaperView:
    """The paper and the very versions of its questions (runs on a pool thread)."""
    paper = papers.get(session, paper_id)
    contents = {}
    for section in paper["sections"]:
        for item in section["items"]:
            key = (int(item["question_id"]), int(item["version"]))
            contents[key] = questions.version(session, *key).content
    found = {}
    for image_id in sorted({i for c in contents.values() for i in c.image_ids()}):
        try:
            found[image_id] = images.image_bytes(session, image_id)[1]
        except NotFound:  # drawn as a missing image; the bank's checks report it
            continue
    return PaperView(paper, contents, found)


def _e(text: object) -> str:
    return html.escape(str(text)).replace("\n", "<br>")


def text_html(text: str) -> str:
    """Question text: escaped, but <sup>/<sub> kept and image markers shown as images."""
    out = _TAG_RE.sub(lambda m: f"<{m.group(1)}{m.group(2).lower()}>",
                      html.escape(text, quote=False))
    out = IMAGE_MARK_RE.sub(lambda m: f'<img src="{IMAGE_SCHEME}:{m.group(1)}">', out)
    return out.replace("\n", "<br>")


def header_html(paper: dict[str, Any]) -> str:
    """Title, status, who and when, the blueprint's hash, the statistics, section links."""
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
    return (f"<h2 style=\"margin:0 0 4px 0;\">{_e(paper['title'])}（{_e(paper['form'])}卷）</h2>"
            + "".join(f'<p style="color:#555555; margin:0;">{_e(line)}</p>' for line in lines)
            + outline_html(paper))


def item_html(item: dict[str, Any], content: QuestionContent | None, points: float) -> str:
    missing = f"（试题 {item['question_id']} 第 {item['version']} 版缺失）"
    stem = content.stem if content else missing
    parts = [f'<p style="margin:10px 0 2px 0;"><b>{item["no"]}.</b> {text_html(stem)}</p>']
    if content is not None and content.options:
        shown = printed_options(content, item.get("option_order"))
        parts += [f"<p {OPTION}>{LETTERS[i]}. {text_html(text)}</p>"
                  for i, text in enumerate(shown)]
    code = item.get("code") or f"试题 {item['question_id']}"
    answer = text_html(str(item["answer"]))
    meta = (f"答案：{answer}　｜　{points:g} 分　鉴定点 {_e(item['point'])}　"
            f"重要程度 {_e(item['importance'])}　难度 {item['difficulty']:.2f}　"
            f"{_e(code)}（第 {item['version']} 版）")
    parts.append(f"<p {META}>{meta}</p>")
    return "".join(parts)


def section_anchor(index: int) -> str:
    return f"section-{index}"


def outline_html(paper: dict[str, Any]) -> str:
    """Links to each section, for a paper of a hundred questions."""
    links = [f'<a href="#{section_anchor(i)}">{_e(s["heading"])}</a>'
             for i, s in enumerate(paper["sections"])]
    return f'<p style="margin:6px 0 0 0;">跳至：{"　".join(links)}</p>'


def paper_html(view: PaperView) -> str:
    """The sections and their items (the header stays above, see ``header_html``)."""
    paper = view.paper
    body = []
    for index, section in enumerate(paper["sections"]):
        n = len(section["items"])
        top = "4px" if index == 0 else "16px"
        body.append(f'<h3 style="margin:{top} 0 4px 0;"><a name="{section_anchor(index)}"></a>'
                    f'{_e(section["heading"])}'
                    f"（每题 {section['points_each']:g} 分，共 {n} 题）</h3>")
        for item in section["items"]:
            content = view.contents.get((int(item["question_id"]), int(item["version"])))
            body.append(item_html(item, content, section["points_each"]))
    return "".join(body)
