"""`questions show` as text: every field of a version, in the order the GUI's preview shows."""

from __future__ import annotations

from bankstation.domain.answers import LETTERS, difficulty_word
from bankstation.domain.clock import short_time
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import Question, QuestionContent

RUBRIC_HEADER = "考核内容｜评分要素｜配分｜评分标准"


def question_lines(q: Question) -> list[str]:
    """The version's facts, its text, its answer by qtype, then 解析, 出处 and 互斥组."""
    c = q.content
    code = f"  试题编号 {c.code}" if c.code else ""
    lines = [f"试题 {q.id}（第 {q.version} 版，{q.status.label}）{c.qtype.label}{code}"
             f"  鉴定点 {c.point}  难度 {c.difficulty:.2f}（{difficulty_word(c.difficulty)}）"
             f"  编写 {q.author}"]
    if q.reviewer:
        note = f"  审核意见：{q.review_note}" if q.review_note else ""
        lines.append(f"审核人 {q.reviewer}  审核时间 {short_time(q.reviewed_at)}{note}")
    lines.append(c.stem)
    lines += [f"  {letter}. {option}" for letter, option in zip(LETTERS, c.options, strict=False)]
    lines += _practical_lines(c) if c.qtype is QType.PRACTICAL else _answer_lines(c)
    lines += [f"{label}：{text}" for label, text in
              (("解析", c.analysis), ("出处", c.source), ("互斥组", c.enemy_group or "")) if text]
    return lines


def _answer_lines(c: QuestionContent) -> list[str]:
    if c.qtype is QType.FILL:
        return ["答案："] + [f"  第 {n} 空：{' / '.join(alts)}" for n, alts in
                             enumerate(c.blanks, 1)]
    if not c.qtype.is_subjective:
        return [f"答案：{c.answer}"]
    lines = [f"参考答案：{c.answer}"]
    if c.marking:
        total = sum(m.points for m in c.marking)
        lines.append(f"得分点（合计 {total:g} 分）：")
        lines += [f"  {m.text}（{m.points:g} 分）" for m in c.marking]
    return lines


def _practical_lines(c: QuestionContent) -> list[str]:
    lines = [f"时限：{c.time_limit} 分钟" if c.time_limit else "时限：（未填）"]
    lines += [f"{label}：\n{text}" for label, text in
              (("考场准备", c.site_prep), ("考生准备", c.candidate_prep),
               ("操作要求与参考答案", c.answer)) if text]
    lines.append(f"评分表（合计 {c.total_rubric_points():g} 分）：{RUBRIC_HEADER}")
    lines += [f"  {r.content}｜{r.element}｜{r.points:g}分｜{r.criteria}" for r in c.rubric]
    return lines
