"""Questions of every type through their life: create, review, version, retire, search."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bankstation.domain.answers import MarkingPoint
from bankstation.domain.errors import PermissionDenied, ValidationError
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionContent, QuestionFilter, RubricRow
from bankstation.services import duplicates, quality, questions, search, station
from bankstation.services.session import Session
from tests.support import FakeClock, login, make_bank

KEEPER = ("keeper", "keeper-pass-1")
REVIEWER = ("reviewer", "reviewer-pass-1")


def judge(stem: str = "电流的方向规定为正电荷定向移动的方向。", point: str = "AA001",
          answer: str = "√", code: str | None = None) -> QuestionContent:
    return QuestionContent(QType.JUDGE, point, stem, answer=answer, code=code)


SAMPLES = [
    judge(),
    QuestionContent(QType.SINGLE, "AA001", "电阻为 10Ω 的负载接在 220V 电源上，电流为（　）。",
                    options=("2.2A", "22A", "0.45A", "220A"), answer="B", difficulty=0.75),
    QuestionContent(QType.MULTIPLE, "AB001", "发现有人触电，正确的做法有（　）。",
                    options=("立即切断电源", "用干燥木棒挑开电线", "直接用手拉开", "拨打120"),
                    answer="ABD"),
    QuestionContent(QType.FILL, "AA002", "基尔霍夫电流定律指出，"
                                         "流入节点的电流之和等于____的电流之和。",
                    blanks=(("流出节点", "流出"),)),
    QuestionContent(QType.SHORT, "BA001", "简述三相异步电动机的工作原理。", answer="旋转磁场……",
                    marking=(MarkingPoint("三相电流产生旋转磁场", 2.0),
                             MarkingPoint("转子导体切割磁力线产生电磁转矩", 3.0))),
    QuestionContent(QType.CALC, "BA002", "一台变压器一次侧 220V、二次侧 36V，一次匝数 1100，"
                                         "求二次匝数。",
                    answer="N2 = 1100×36/220 = 180 匝"),
    QuestionContent(QType.ESSAY, "AB002", "论述安全电压的意义。", answer="……"),
    QuestionContent(QType.CASE, "BB001", "某接触器线圈通电后不吸合，分析原因。", answer="……"),
]


def _keeper(path: Path, clock: FakeClock) -> Session:
    return login(path, clock, *KEEPER)


@pytest.fixture
def bank(staffed_vault: Path, clock: FakeClock) -> int:
    return make_bank(staffed_vault, clock)


def test_every_theory_type_round_trips(staffed_vault: Path, clock: FakeClock, bank: int) -> None:
    session = _keeper(staffed_vault, clock)
    made = [questions.create(session, bank, content) for content in SAMPLES]
    station.logout(session)
    for question, content in zip(made, SAMPLES, strict=True):
        assert question.content == content
        assert question.status is Status.DRAFT and question.version == 1


def test_practical_task_needs_rubric_and_belongs_to_practical_bank(
        staffed_vault: Path, clock: FakeClock, bank: int) -> None:
    practical_bank = make_bank(staffed_vault, clock, exam="practical")
    task = QuestionContent(QType.PRACTICAL, "BB001", "安装并调试接触器正反转控制线路。",
                           answer="线路正确，通电试车成功", time_limit=120, site_prep="电工实训台",
                           candidate_prep="电工工具一套",
                           rubric=(RubricRow("元件安装", "布置合理", 20, "不合理扣5分"),
                                   RubricRow("通电试车", "一次成功", 80, "不成功扣40分")))
    session = _keeper(staffed_vault, clock)
    made = questions.create(session, practical_bank, task)
    assert made.content.total_rubric_points() == 100
    with pytest.raises(ValidationError, match="评分表"):
        questions.create(session, practical_bank, task.with_changes(rubric=()))
    with pytest.raises(ValidationError, match="不属于理论知识题库"):
        questions.create(session, bank, task)
    with pytest.raises(ValidationError, match="不属于操作技能题库"):
        questions.create(session, practical_bank, judge(point="BB001"))
    station.logout(session)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (judge(stem="  "), "题干不能为空"),
        (judge(point="ZZ001"), "不在本题库的鉴定要素细目表中"),
        (judge(point="AA"), "不在本题库的鉴定要素细目表中"),
        (SAMPLES[1].with_changes(answer="E"), "不在选项之中"),
        (SAMPLES[2].with_changes(answer="A"), "至少要有两个"),
        (SAMPLES[1].with_changes(options=("同", "同", "异")), "内容相同"),
        (SAMPLES[3].with_changes(blanks=(("a",), ("b",))), "1 个空"),
        (SAMPLES[4].with_changes(answer=""), "参考答案"),
    ],
)
def test_bad_questions_are_refused(staffed_vault: Path, clock: FakeClock, bank: int,
                                   content: QuestionContent, message: str) -> None:
    session = _keeper(staffed_vault, clock)
    with pytest.raises(ValidationError, match=message):
        questions.create(session, bank, content)
    assert search.question_count(session, bank) == 0
    station.logout(session)


def test_review_rules_and_versions(staffed_vault: Path, clock: FakeClock, bank: int) -> None:
    session = _keeper(staffed_vault, clock)
    q = questions.create(session, bank, judge(code="DG-1"), submit=True)
    station.logout(session)
    reviewer = login(staffed_vault, clock, *REVIEWER)
    with pytest.raises(ValidationError, match="理由"):
        questions.reject(reviewer, q.id, " ")
    assert questions.approve(reviewer, q.id).status is Status.APPROVED
    station.logout(reviewer)
    session = _keeper(staffed_vault, clock)
    changed = judge(stem="电流的方向与电子移动方向相反。", code="DG-1")
    edited = questions.edit(session, q.id, changed,
                            submit=True)
    assert (edited.version, edited.status) == (2, Status.SUBMITTED)
    first = questions.version(session, q.id, 1)
    assert first.status is Status.APPROVED and "正电荷" in first.content.stem
    with pytest.raises(PermissionDenied):
        questions.approve(session, q.id)  # a keeper is no reviewer
    station.logout(session)
    reviewer = login(staffed_vault, clock, *REVIEWER)
    rejected = questions.reject(reviewer, q.id, "表述不严谨")
    station.logout(reviewer)
    assert rejected.status is Status.REJECTED and rejected.review_note == "表述不严谨"
    assert [v.version for v in _history(staffed_vault, clock, q.id)] == [1, 2]


def _history(path: Path, clock: FakeClock, qid: int) -> list[questions.Question]:
    session = _keeper(path, clock)
    try:
        return questions.history(session, qid)
    finally:
        station.logout(session)


def test_nobody_approves_their_own_question(staffed_vault: Path, clock: FakeClock,
                                            bank: int) -> None:
    admin = login(staffed_vault, clock)
    from bankstation.domain.roles import Role
    from bankstation.services import accounts

    accounts.add_account(admin, "both", "兼职", frozenset({Role.KEEPER, Role.REVIEWER}),
                         accounts.pledge_from(admin, "2026-01-01", "BM-X"), "both-pass-1")
    station.logout(admin)
    both = login(staffed_vault, clock, "both", "both-pass-1")
    mine = questions.create(both, bank, judge(), submit=True)
    with pytest.raises(PermissionDenied, match="本人编写"):
        questions.approve(both, mine.id)
    other = questions.create(both, bank, judge(stem="电压的单位是伏特。"), submit=True)
    station.logout(both)
    reviewer = login(staffed_vault, clock, *REVIEWER)
    done, refused = questions.approve_many(reviewer, bank)
    station.logout(reviewer)
    assert sorted(done) == sorted([mine.id, other.id])
    assert refused == []


def test_approve_all_skips_own_and_reports(staffed_vault: Path, clock: FakeClock,
                                           bank: int) -> None:
    session = _keeper(staffed_vault, clock)
    ids = [questions.create(session, bank, c, submit=True).id for c in SAMPLES[:3]]
    draft = questions.create(session, bank, SAMPLES[3]).id
    station.logout(session)
    reviewer = login(staffed_vault, clock, *REVIEWER)
    done, refused = questions.approve_many(reviewer, bank, [*ids, draft])
    station.logout(reviewer)
    assert done == ids
    assert refused[0][0] == draft and "待审核" in refused[0][1]


def test_search_and_filters(staffed_vault: Path, clock: FakeClock, bank: int) -> None:
    session = _keeper(staffed_vault, clock)
    for content in SAMPLES:
        questions.create(session, bank, content)
    by_phrase = search.search(session, bank, "旋转磁场")
    two_words = search.search(session, bank, "变压器 匝数")
    short = search.search(session, bank, "触电")  # 2 characters: below the trigram length
    option_hit = search.search(session, bank, "干燥木棒")
    singles = search.question_ids(session, bank, QuestionFilter(qtype=QType.SINGLE))
    scope_a = search.question_count(session, bank, QuestionFilter(point="A"))
    easy = search.question_count(session, bank, QuestionFilter(min_difficulty=0.7))
    station.logout(session)
    assert [r.qtype for r in by_phrase] == [QType.SHORT]
    assert [r.qtype for r in two_words] == [QType.CALC]
    assert {r.qtype for r in short} == {QType.MULTIPLE}
    assert [r.qtype for r in option_hit] == [QType.MULTIPLE]
    assert len(singles) == 1
    assert scope_a == 5  # AA001 ×2, AA002, AB001, AB002
    assert easy == 1


def test_near_duplicates_grouped_or_retired(staffed_vault: Path, clock: FakeClock,
                                            bank: int) -> None:
    session = _keeper(staffed_vault, clock)
    stem = "在三相四线制供电系统中，中性线上不允许安装熔断器。"
    a = questions.create(session, bank, judge(stem)).id
    b = questions.create(session, bank, judge("在三相四线制供电系统中，"
                                              "中性线上不允许安装熔断器和开关。")).id
    c = questions.create(session, bank,
                         judge("使用兆欧表测量绝缘电阻前，应先将被测设备断电并放电。")).id
    pairs = duplicates.find(session, bank)
    assert [(p.first, p.second) for p in pairs] == [(a, b)]
    [listed] = quality.report(session, bank).near_duplicates
    assert listed == {"first": a, "second": b, "similarity": pairs[0].similarity,
                      "same_enemy_group": False}
    assert quality.report(session, bank, near_duplicates=False).near_duplicates == []
    group = duplicates.group_pair(session, a, b)
    assert duplicates.find(session, bank)[0].same_group
    trails = {q: [(e.label, e.note) for e in questions.events(session, q)] for q in (a, b)}
    assert trails[a] == trails[b] == [("新增试题", None), ("设置互斥组", f"互斥组「{group}」")]
    assert [e.label for e in questions.events(session, c)] == ["新增试题"]

    questions.retire(session, b, "与另一题重复")
    assert duplicates.find(session, bank) == []
    station.logout(session)
    assert group.startswith("近似")


def test_questions_similar_to_a_new_text(staffed_vault: Path, clock: FakeClock,
                                         bank: int, monkeypatch: pytest.MonkeyPatch) -> None:
    session = _keeper(staffed_vault, clock)
    base = "在三相四线制供电系统中，中性线上不允许安装熔断器"
    near = [questions.create(session, bank, judge(base + tail)).id
            for tail in ("。", "和开关。", "！")]  # 1.0, about 0.87, 1.0
    questions.create(session, bank, judge("使用兆欧表测量绝缘电阻前，应先将被测设备断电并放电。"))
    draft = judge(base + "。")
    found = duplicates.similar_to(session, bank, draft)
    assert [(s.row.id, s.similarity) for s in found][:2] == [(near[0], 1.0), (near[2], 1.0)]
    assert [s.row.id for s in found] == [near[0], near[2], near[1]]
    assert found[2].similarity < 1 and found[0].row.stem_preview == base + "。"
    # editing a question does not find itself; a retired question is not offered
    assert [s.row.id for s in duplicates.similar_to(session, bank, draft, near[0])] == [
        near[2], near[1]]
    questions.retire(session, near[2], "重复")
    assert [s.row.id for s in duplicates.similar_to(session, bank, draft)] == [near[0], near[1]]
    monkeypatch.setattr(duplicates, "SHOWN_SIMILAR", 1)
    assert [s.row.id for s in duplicates.similar_to(session, bank, draft)] == [near[0]]
    assert duplicates.similar_to(session, bank, judge("电压互感器二次侧不得短路。")) == []
    monkeypatch.setattr(duplicates, "EDITOR_BANK_LIMIT", 2)  # 3 live questions (1 retired)
    assert duplicates.similar_to(session, bank, draft) is None
    station.logout(session)


def test_quality_report(staffed_vault: Path, clock: FakeClock, bank: int) -> None:
    session = _keeper(staffed_vault, clock)
    for i in range(5):
        questions.create(session, bank, judge(f"第{i}种情况下，"
                                              f"欧姆定律的表达式 I=U/R 成立吗？{i * 7}"),
                         submit=True)
    questions.create(session, bank, SAMPLES[1], submit=True)
    station.logout(session)
    reviewer = login(staffed_vault, clock, *REVIEWER)
    questions.approve_many(reviewer, bank)
    report = quality.report(reviewer, bank)
    counts_only = quality.report(reviewer, bank, near_duplicates=False)
    pairs = quality.duplicate_pairs(reviewer, bank)
    station.logout(reviewer)
    assert report.near_duplicates == pairs == []
    assert counts_only == replace(report, near_duplicates=[])
    assert report.total == 6
    assert report.by_status == {"approved": 6}
    assert report.by_qtype_scope == {"A": {"judge": 5, "single": 1}}
    thin = {p["point"] for p in report.thin_points}
    assert "AA001" not in thin and "AA002" in thin and len(thin) == 7
    assert report.importance == {"X": 100.0}
    assert sum(b["count"] for b in report.difficulty_histogram) == 6
    assert report.void_reason is None


def test_whoever_last_wrote_a_version_cannot_approve_it(staffed_vault: Path, clock: FakeClock,
                                                        bank: int) -> None:
    from bankstation.domain.roles import Role
    from bankstation.services import accounts

    admin = login(staffed_vault, clock)
    accounts.add_account(admin, "both", "兼职", frozenset({Role.KEEPER, Role.REVIEWER}),
                         accounts.pledge_from(admin, "2026-01-01", "BM-X"), "both-pass-1")
    station.logout(admin)
    keeper = _keeper(staffed_vault, clock)
    draft = questions.create(keeper, bank, judge())
    station.logout(keeper)
    both = login(staffed_vault, clock, "both", "both-pass-1")
    changed = judge(stem="电流方向规定为正电荷移动的方向。")
    edited = questions.edit(both, draft.id, changed, submit=True)
    rows = search.question_rows(both, [draft.id])
    with pytest.raises(PermissionDenied, match="本人编写"):
        questions.approve(both, draft.id)
    station.logout(both)
    assert (edited.version, edited.author, rows[draft.id].author) == (1, "both", "both")


def test_search_service_finds_what_a_substring_search_finds(
        staffed_vault: Path, clock: FakeClock, bank: int) -> None:
    """Through the services: words of 1, 2, 3 and 7+ characters from the start, the middle and
    the very end of each text, LIKE's metacharacters, and both cases of a letter."""
    session = _keeper(staffed_vault, clock)
    made = [questions.create(session, bank, content) for content in SAMPLES]
    extra = questions.create(session, bank, judge("额定电流为 50%_a\\b 时跳闸。", answer="×"))
    texts = {q.id: q.content.search_text() for q in [*made, extra]}
    words = {"%", "_", "\\", "%_", "a\\", "50%", "_A\\", "n2", "N2 = 1100", "三相异步电动机 原理"}
    for text in texts.values():
        for piece in text.split():
            for size in (1, 2, 3, 7):
                words.update(p for p in (piece[:size], piece[-size:], piece[1:1 + size]) if p)

    def expected(query: str) -> list[int]:
        def has(word: str, text: str) -> bool:
            return word.lower() in text.lower()  # ASCII letters and CJK here: one folding

        return [i for i, t in sorted(texts.items()) if all(has(w, t) for w in query.split())]

    for word in sorted(words):
        want = expected(word)
        assert [r.id for r in search.search(session, bank, word)] == want[:50], word
        assert search.question_ids(session, bank, QuestionFilter(text=word)) == want, word
        assert search.question_count(session, bank, QuestionFilter(text=word)) == len(want)
    station.logout(session)
