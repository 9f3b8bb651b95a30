"""Synthetic question banks for the question benchmarks: element table, questions, vaults.

The questions read like a 电工 theory bank: stems, options and analyses are put together from
templates over a few hundred terms (devices, quantities, conditions, faults), so words recur
with the spread of a real bank — a few very common (电动机, 电压), many rare — and each text
has a realistic length (stems of 15-90 characters, 30 on average, as in the demo bank;
analyses of 10-110). Everything is seeded.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from common import CHEAP_KDF

from bankstation.domain.accounts import Pledge
from bankstation.domain.answers import MarkingPoint, format_fill
from bankstation.domain.elements import ElementNode, Importance
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.question_codec import to_dict
from bankstation.domain.questions import QuestionContent, content_problems, preview
from bankstation.domain.roles import Role
from bankstation.domain.standards import StandardKind
from bankstation.services import accounts, banks, elements, station
from bankstation.services.session import Session
from bankstation.store.vault import Vault

ADMIN, ADMIN_PW = "admin", "admin-bench-2026"
KEEPER, KEEPER_PW = "keeper", "keeper-bench-2026"
OCCUPATION = "6-31-01-03"  # 电工, group 6: may carry a bank
STANDARD = "电工国家职业技能标准（2018年版）"

# 14 columns of DESIGN.md §6, as a real export of a choice-heavy bank has them.
SHEET_COLUMNS = ("试题编号", "题型", "鉴定点", "题干", "选项A", "选项B", "选项C", "选项D",
                 "选项E", "答案", "难度", "解析", "出处", "互斥组")

DEVICES = (
    "三相异步电动机", "单相异步电动机", "直流电动机", "绕线式异步电动机", "同步电动机",
    "电力变压器", "自耦变压器", "电流互感器", "电压互感器", "控制变压器", "交流接触器",
    "直流接触器", "热继电器", "时间继电器", "中间继电器", "速度继电器", "过电流继电器",
    "低压断路器", "漏电保护器", "熔断器", "刀开关", "组合开关", "按钮开关", "行程开关",
    "接近开关", "万用表", "兆欧表", "钳形电流表", "单相电能表", "三相电能表", "示波器",
    "晶体二极管", "稳压二极管", "晶体三极管", "晶闸管", "单结晶体管", "场效应管",
    "桥式整流电路", "滤波电容器", "集成运算放大器", "可编程控制器", "变频器", "软启动器",
    "照明配电箱", "动力配电柜", "电力电缆", "架空线路", "接地装置", "避雷器", "电力电容器",
    "星三角启动器", "电磁抱闸", "电焊机", "日光灯电路", "绝缘手套", "高压验电器",
    "电烙铁", "剥线钳", "手电钻", "电动葫芦", "桥式起重机", "CA6140车床", "X62W铣床",
    "Z3040摇臂钻床", "M7130平面磨床", "光电开关", "步进电动机", "伺服电动机",
    "测速发电机", "电磁调速电动机", "直流稳压电源", "功率因数表", "接地电阻测试仪",
)
QUANTITIES = (
    "额定电流", "额定电压", "绝缘电阻", "接地电阻", "功率因数", "转差率", "启动电流",
    "空载电流", "短路电流", "漏电电流", "温升", "铁损耗", "铜损耗", "输出功率", "电源频率",
    "相电压", "线电压", "感应电动势", "直流电阻", "电感量", "电容量", "电流放大倍数",
    "整定电流", "动作时间", "额定转速", "负载率", "效率", "磁极对数", "导线截面积",
    "安全载流量", "反向击穿电压", "触发电压", "输入阻抗", "变比", "励磁电流",
)
CONDITIONS = (
    "空载运行", "满载运行", "轻载运行", "过载运行", "缺相运行", "电源电压降低",
    "环境温度升高", "电源频率下降", "长期停用重新投入", "检修后首次通电", "雷雨天气",
    "潮湿环境", "交接试验", "定期巡视检查", "更换熔体", "正反转切换", "反接制动",
    "能耗制动", "降压启动", "并联运行", "负载突然增大", "冷态启动", "带电检修",
    "通风不良", "三相电压不平衡", "接线端子松动",
)
FAULTS = (
    "过热冒烟", "不能启动", "转速偏低", "振动过大", "异常噪声", "触头熔焊", "线圈烧毁",
    "频繁跳闸", "外壳带电", "指针不偏转", "读数偏大", "输出电压为零", "熔体熔断",
    "触头不能释放", "三相电流不平衡", "绝缘击穿", "接地不良", "电弧不能熄灭",
)
CHANGES = ("增大", "减小", "基本不变", "先增大后减小", "先减小后增大", "变为零", "成倍增大",
           "略有下降", "明显上升", "随负载变化")
STEPS = ("切断电源", "验明确无电压", "悬挂标示牌", "装设临时接地线", "选择合适的量程",
         "对仪表进行机械调零", "检查绝缘是否良好", "核对铭牌数据", "办理工作票",
         "佩戴绝缘手套", "拆除负载", "短接被测部分放电", "检查接线是否牢固", "记录原始数据",
         "通知运行值班人员", "核对相序", "做好安全措施")
PLACES = ("在低压配电系统中", "在机床电气控制线路中", "在三相四线制供电系统中",
          "在照明线路安装时", "在车间动力线路检修中", "在电气设备交接验收时",
          "在电子线路调试时", "在PLC控制系统中", "按照安全操作规程", "在日常维护保养中")
CAUSES = ("电源缺相", "负载过重", "接线错误", "触头接触不良", "绝缘老化", "轴承损坏",
          "整定值过小", "熔体选择不当", "电源电压过低", "线圈匝间短路", "机械卡阻",
          "通风散热不良", "接地线断开", "元件参数漂移", "控制回路断线", "环境湿度过大",
          "相序接反", "润滑不良")
STANDARDS_CITED = ("GB 50150《电气装置安装工程电气设备交接试验标准》",
                   "GB 50303《建筑电气工程施工质量验收规范》", "《电业安全工作规程》",
                   "GB/T 13869《用电安全导则》", "DL/T 596《电力设备预防性试验规程》",
                   "GB 50054《低压配电设计规范》", "设备制造厂的说明书")
SOURCES = ("《电工（中级）》国家职业资格培训教程", "《电工基础》（第五版）",
           "《电力拖动控制线路与技能训练》", "《电子技术基础与技能》", "《电工仪表与测量》",
           "《可编程控制器原理及应用》", "《安全用电》", "电工国家职业技能标准（2018年版）",
           "《维修电工技能训练》", "本站命题组自编")
SCOPE_NAMES = (
    ("基本要求", ("职业道德", "电工基础知识", "电子技术基础", "电工仪表与测量", "安全知识",
                "相关法律法规")),
    ("电气设备", ("变压器", "交流电动机", "直流电机", "常用低压电器", "高压电器")),
    ("控制线路", ("电力拖动控制线路", "机床电气控制", "可编程控制器", "变频调速")),
    ("线路与照明", ("照明线路", "室内配线", "动力线路与电缆", "接地与防雷", "电气测量与调试")),
)
QTYPE_MIX = ((QType.JUDGE, 30), (QType.SINGLE, 40), (QType.MULTIPLE, 15), (QType.FILL, 5),
             (QType.SHORT, 4), (QType.CALC, 3), (QType.ESSAY, 1), (QType.CASE, 2))
STATUS_MIX = ((Status.APPROVED, 70), (Status.SUBMITTED, 15), (Status.DRAFT, 8),
              (Status.REJECTED, 4), (Status.RETIRED, 3))
DIFFICULTIES = (0.85, 0.75, 0.65, 0.65, 0.65, 0.5, 0.35, 0.7, 0.6, 0.55)


def element_nodes() -> list[ElementNode]:
    """4 top scopes, 20 second-level scopes, 8-12 points each (about 200 points)."""
    rng = random.Random(7)
    nodes: list[ElementNode] = []
    top_weights = (30, 30, 20, 20)
    for t, ((name, subs), weight) in enumerate(zip(SCOPE_NAMES, top_weights, strict=True)):
        top = "ABCD"[t]
        nodes.append(ElementNode(top, name, weight))
        shares = _split_100(len(subs))
        for s, (sub, share) in enumerate(zip(subs, shares, strict=True)):
            code = top + "ABCDEF"[s]
            nodes.append(ElementNode(code, sub, share))
            for p in range(1, rng.randint(8, 12) + 1):
                term = rng.choice(DEVICES)
                importance = rng.choices((Importance.X, Importance.Y, Importance.Z),
                                         (80, 15, 5))[0]
                nodes.append(ElementNode(f"{code}{p:03d}", f"{term}的{rng.choice(QUANTITIES)}",
                                         importance=importance))
    return nodes


def _split_100(n: int) -> list[int]:
    base = [100 // n] * n
    base[0] += 100 - sum(base)
    return base


def point_codes(nodes: list[ElementNode]) -> list[str]:
    return [n.code for n in nodes if n.is_point]


def questions(count: int, points: list[str], seed: int = 1, first: int = 1
              ) -> Iterator[QuestionContent]:
    """``count`` valid theory questions (every type but practical), codes DG4-000001 …"""
    rng = random.Random(seed)
    kinds = [k for k, _ in QTYPE_MIX]
    weights = [w for _, w in QTYPE_MIX]
    for n in range(first, first + count):
        qtype = rng.choices(kinds, weights)[0]
        content = _question(rng, qtype, rng.choice(points))
        group = f"互斥-{n // 4:05d}" if rng.random() < 0.05 else None
        yield content.with_changes(code=f"DG4-{n:06d}", enemy_group=group,
                                   difficulty=rng.choice(DIFFICULTIES),
                                   source=rng.choice(SOURCES))


def _question(rng: random.Random, qtype: QType, point: str) -> QuestionContent:
    d, q, c = rng.choice(DEVICES), rng.choice(QUANTITIES), rng.choice(CONDITIONS)
    place = rng.choice(PLACES) + "，" if rng.random() < 0.5 else ""
    analysis = _analysis(rng, d, q, c)
    if qtype is QType.JUDGE:
        stem = rng.choice((
            f"{place}{d}在{c}时，其{q}将{rng.choice(CHANGES)}。",
            f"{place}测量{d}的{q}前，应先{rng.choice(STEPS)}，再{rng.choice(STEPS)}。",
            f"{d}的{q}应符合{rng.choice(STANDARDS_CITED)}的规定，不得随意调整。",
            f"{place}{d}出现{rng.choice(FAULTS)}时，最常见的原因是{rng.choice(CAUSES)}。",
        ))
        return QuestionContent(qtype, point, stem, answer=rng.choice("√×"), analysis=analysis)
    if qtype in (QType.SINGLE, QType.MULTIPLE):
        stem, pool = rng.choice((
            (f"{place}{d}在{c}时，其{q}会（　）。", CHANGES),
            (f"{place}造成{d}{rng.choice(FAULTS)}的原因可能是（　）。", CAUSES),
            (f"检修{d}时，首先应当（　）。", STEPS),
            (f"下列电器中，用于测量或保护{q}的是（　）。", DEVICES),
            (f"{place}{d}{rng.choice(FAULTS)}，应检查其（　）。", QUANTITIES),
        ))
        size = 4 if qtype is QType.SINGLE or rng.random() < 0.6 else 5
        options = tuple(rng.sample(pool, size))
        if qtype is QType.SINGLE:
            answer = rng.choice("ABCD")
        else:
            answer = "".join(sorted(rng.sample("ABCDE"[:size], rng.randint(2, size - 1))))
        return QuestionContent(qtype, point, stem, options=options, answer=answer,
                               analysis=analysis)
    if qtype is QType.FILL:
        stem = f"{place}{d}的{q}与____有关，在{c}时应重点检查____。"
        blanks = ((rng.choice(QUANTITIES),), (rng.choice(QUANTITIES), rng.choice(CAUSES)))
        if len(set(blanks[1])) == 1:
            blanks = (blanks[0], blanks[1][:1])
        return QuestionContent(qtype, point, stem, blanks=blanks, analysis=analysis)
    marking = tuple(MarkingPoint(text, float(pts)) for text, pts in (
        (f"说明{d}{q}的含义", 2), (f"分析{c}对{q}的影响", 3),
        (f"提出处理措施：{rng.choice(STEPS)}、{rng.choice(STEPS)}", 3)))
    answer = "".join(f"【得分点】{m.text}（{m.points:g}分）" for m in marking)
    if qtype is QType.CALC:
        kw, volts = rng.choice((4, 5.5, 7.5, 11, 15, 22, 30, 45)), rng.choice((220, 380, 660))
        stem = (f"一台{d}，额定功率 {kw} kW，额定电压 {volts} V，功率因数 0.{rng.randint(75, 92)}，"
                f"效率 0.{rng.randint(82, 95)}，求其{q}。")
        return QuestionContent(qtype, point, stem, answer=f"计算过程：略。{answer}",
                               marking=marking, analysis=analysis)
    if qtype is QType.CASE:
        stem = (f"某车间一台{d}在{c}时出现{rng.choice(FAULTS)}现象，值班电工检查发现"
                f"{rng.choice(CAUSES)}。试分析可能的原因，并说明处理步骤和安全注意事项。")
    elif qtype is QType.ESSAY:
        stem = f"{place}论述{d}在{c}时{q}变化的规律，以及对安全运行的影响。"
    else:
        stem = f"简述{d}在{c}时{q}变化的原因及处理方法。"
    return QuestionContent(qtype, point, stem, answer=answer, marking=marking, analysis=analysis)


def _analysis(rng: random.Random, d: str, q: str, c: str) -> str:
    cause, other = rng.sample(CAUSES, 2)
    parts = [f"{d}在{c}时，{q}{rng.choice(CHANGES)}",
             f"应{rng.choice(STEPS)}并{rng.choice(STEPS)}",
             f"常见原因是{cause}或{other}"]
    rng.shuffle(parts)
    return "，".join(parts[: rng.randint(1, 3)]) + "。"


def sheet_row(content: QuestionContent, rng: random.Random) -> tuple[object, ...]:
    """The 14 cells of SHEET_COLUMNS, with difficulty written as staff write it."""
    options = [*content.options, "", "", "", "", ""][:5]
    answer = format_fill(content.blanks) if content.qtype is QType.FILL else content.answer
    difficulty: object = content.difficulty
    if content.difficulty == 0.65 and rng.random() < 0.3:
        difficulty = "中等"
    return (content.code, content.qtype.label, content.point, content.stem, *options, answer,
            difficulty, content.analysis, content.source, content.enemy_group or "")


def check(content: QuestionContent) -> None:
    problems = content_problems(content)
    if problems:
        raise AssertionError(f"generator made an invalid question {content}: {problems}")


# -- vaults ------------------------------------------------------------------------------------

class FrozenClock:
    """A clock that stands still (see ledger_verify.py: logout reads it twice)."""

    def __init__(self) -> None:
        self.moment = datetime.now().astimezone()

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return time.monotonic()


def new_station(path: Path, clock: FrozenClock) -> None:
    """A vault with an administrator and a keeper (cheap KDF: unlocking is not measured)."""
    pledge = Pledge(clock.now().date(), "BM-BENCH-1")
    station.init_vault(path, ADMIN, "王建国", pledge, ADMIN_PW, clock, kdf=CHEAP_KDF)
    admin = station.login(path, ADMIN, ADMIN_PW, "准备测试数据", clock, "cli", CHEAP_KDF)
    accounts.add_account(admin, KEEPER, "李秀英", frozenset({Role.KEEPER}),
                         Pledge(clock.now().date(), "BM-BENCH-2"), KEEPER_PW)
    station.logout(admin)


def keeper_login(path: Path, clock: FrozenClock, purpose: str = "性能测试") -> Session:
    return station.login(path, KEEPER, KEEPER_PW, purpose, clock, "cli", CHEAP_KDF)


def new_bank(session: Session, level: int = 4) -> int:
    """A 电工 theory bank at ``level`` with the generated element table."""
    bank = banks.create_bank(session, OCCUPATION, level, "theory", StandardKind.NATIONAL,
                             STANDARD, "人力资源社会保障部 2018年版")
    elements.replace(session, bank.id, element_nodes())
    return bank.id


def bulk_fill(session: Session, bank_id: int, count: int, seed: int = 1,
              batch: int = 20_000) -> None:
    """``count`` questions straight into the three tables, rows exactly as
    questions_repo.insert writes them (content JSON, preview, search text), in one
    transaction; statuses mixed as in a bank in use. One audit entry records the fill."""
    vault, author, at = session.vault, session.account.name, session.now()
    statuses = [s for s, _ in STATUS_MIX]
    weights = [w for _, w in STATUS_MIX]
    rng = random.Random(seed + 1)
    points = point_codes(element_nodes())
    first = int(vault.scalar("SELECT coalesce(max(id), 0) FROM questions")) + 1
    rows_q: list[tuple[object, ...]] = []
    rows_v: list[tuple[object, ...]] = []
    rows_f: list[tuple[object, ...]] = []
    with session.transaction():
        for qid, content in enumerate(questions(count, points, seed, first), first):
            status = rng.choices(statuses, weights)[0]
            reviewed = status in (Status.APPROVED, Status.REJECTED, Status.RETIRED)
            used = rng.choice((0, 0, 0, 1, 2, 3)) if status is Status.APPROVED else 0
            rows_q.append((qid, bank_id, content.code, status.value, content.qtype.value,
                           content.point, content.difficulty, content.enemy_group, author, at,
                           preview(content.stem), used))
            rows_v.append((qid, status.value, json.dumps(to_dict(content), ensure_ascii=False,
                                                         sort_keys=True), author, at,
                           "reviewer" if reviewed else None, at if reviewed else None))
            rows_f.append((qid, content.search_text()))
            if len(rows_q) >= batch:
                _flush(vault, rows_q, rows_v, rows_f)
        _flush(vault, rows_q, rows_v, rows_f)
        session.record("questions.import", f"bank:{bank_id}",
                       {"source": "benchmark bulk fill", "added": count})


def build_vault(path: Path, rows: int) -> float:
    """A vault with one 电工 theory bank of ``rows`` questions, filled by bulk_fill. Run it in
    a child process (build_in_child), so that the measuring process's peak RSS is its own."""
    start = time.perf_counter()
    clock = FrozenClock()
    new_station(path, clock)
    session = keeper_login(path, clock, "生成测试题库")
    bank_id = new_bank(session)
    bulk_fill(session, bank_id, rows)  # FTS5 segments left as its automerge leaves them
    station.logout(session)
    return time.perf_counter() - start


def build_in_child(path: Path, rows: int) -> float:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return float(pool.apply(build_vault, (path, rows)))


def _flush(vault: Vault, rows_q: list[tuple[object, ...]], rows_v: list[tuple[object, ...]],
           rows_f: list[tuple[object, ...]]) -> None:
    vault.executemany(
        "INSERT INTO questions(id, bank_id, code, current_version, status, qtype, point, "
        "difficulty, enemy_group, author, updated_at, stem_preview, used_count) "
        "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows_q)
    vault.executemany(
        "INSERT INTO question_versions(question_id, version, status, content, author, "
        "created_at, reviewer, reviewed_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)", rows_v)
    vault.executemany("INSERT INTO question_fts(rowid, body) VALUES (?, ?)", rows_f)
    rows_q.clear()
    rows_v.clear()
    rows_f.clear()


# -- references for the SQLCipher settings (see benchmarks/README.md) ------------------------

def default_lookaside() -> None:
    """For comparison only: vaults opened after this keep SQLite's default lookaside pool
    (123 slots here) instead of the larger one store/vault.py gives every connection."""
    from bankstation.store import vault as vault_module

    vault_module._native = None


def memory_security_off() -> None:
    """For comparison only: vaults opened after this skip PRAGMA cipher_memory_security = ON
    (a process-wide switch in SQLCipher). Never what the program does."""
    from bankstation.store import vault as vault_module

    def log_level_only(conn: object) -> None:
        conn.executescript("PRAGMA cipher_log_level = NONE;")  # type: ignore[attr-defined]

    vault_module._secure_memory = log_level_only  # type: ignore[assignment]
