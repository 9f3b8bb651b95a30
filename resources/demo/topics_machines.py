"""变压器 (BA001–BA003): structure, ratios, operation, instrument and special transformers.

Motors (BB) are in topics_motors.py; this module gathers both for generate.py.
"""

from __future__ import annotations

import math
import random

import topics_motors
from common import (
    EASY,
    FAIRLY_EASY,
    FAIRLY_HARD,
    MEDIUM,
    Question,
    fmt,
    judge,
    multi,
    numeric,
    single,
)

SRC = "《电机与变压器》（中级）"


def questions(rng: random.Random) -> list[Question]:
    return _principle(rng) + _operation() + _special(rng) + topics_motors.questions(rng)


def _principle(rng: random.Random) -> list[Question]:
    p = "BA001"
    out = [
        judge(p, "变压器是利用电磁感应原理工作的静止电气设备。", True,
              "变压器通过交变磁通在绕组间传递电能。", EASY, src=SRC),
        judge(p, "变压器可以用来变换直流电压。", False,
              "直流电产生恒定磁通，不能在二次绕组中感应电动势。", EASY, src=SRC),
        judge(p, "变压器一、二次绕组的电流之比近似等于一、二次绕组的匝数之比。", False,
              "I₁/I₂≈N₂/N₁=1/K，电流之比等于匝数的反比。", FAIRLY_EASY, src=SRC),
        judge(p, "变压器的铁芯采用整块铸钢制成，以增加机械强度。", False,
              "铁芯用表面绝缘的硅钢片叠成，以减少涡流和磁滞损耗。", EASY, src=SRC),
        judge(p, "变压器的额定容量是指其额定视在功率，单位为kV·A。", True,
              "额定容量S_N以视在功率表示。", FAIRLY_EASY, src=SRC),
        single(p, "变压器的铁损耗近似等于（  ）。", "空载损耗", ["短路损耗", "负载损耗", "铜损耗"],
               "空载时电流很小，输入功率主要是铁损耗。", MEDIUM, src=SRC),
        single(p, "变压器的效率达到最高时，（  ）。", "铜损耗等于铁损耗",
               ["铜损耗为零", "铁损耗为零", "铜损耗为铁损耗的2倍"],
               "可变损耗（铜损）等于不变损耗（铁损）时效率最高。", FAIRLY_HARD, src=SRC),
        single(p, "配电变压器常用的联结组别是（  ）。", "Dyn11", ["Yy6", "Dd0", "Yd5"],
               "Dyn11联结有利于抑制三次谐波并承受不平衡负载。", FAIRLY_HARD, src=SRC),
        single(p, "变压器的短路试验一般在（  ）进行。", "高压侧加电压、低压侧短路",
               ["低压侧加电压、高压侧短路", "两侧同时加额定电压", "两侧均开路"],
               "短路试验所需电压低、电流小的一侧是高压侧。", FAIRLY_HARD, src=SRC),
        multi(p, "变压器的主要组成部分有（  ）。", ["铁芯", "绕组"], ["换向器", "电刷", "转子"],
              "铁芯构成磁路，绕组构成电路，是变压器的两个基本部分。", EASY, src=SRC),
        multi(p, "变压器可以变换（  ）。", ["交流电压", "交流电流", "阻抗"],
              ["频率", "直流电压"], "变压器不改变频率，也不能变换直流电压。", MEDIUM, src=SRC),
    ]
    turns = [(1000, 50, 220), (2200, 360, 220), (1200, 120, 380), (800, 200, 220)]
    for n1, n2, u1 in rng.sample(turns, 3):
        value = u1 * n2 / n1
        stem = (f"单相变压器一次绕组{n1}匝、二次绕组{n2}匝，一次侧接{u1}V电源，"
                "二次空载电压为（  ）。")
        out.append(numeric(p, stem, value, "V", [u1 * n1 / n2, u1 / 2, value * 2, u1 - value],
                           f"U₂=U₁N₂/N₁={fmt(value)}V。", FAIRLY_EASY, src=SRC))
    sizes = [(100, 10, 0.4), (200, 10, 0.4), (315, 10, 0.4), (50, 6, 0.4)]
    for s, u1, u2 in rng.sample(sizes, 2):
        i1, i2 = s / (math.sqrt(3) * u1), s / (math.sqrt(3) * u2)
        if rng.random() < 0.5:
            stem = f"一台{s}kV·A、{u1}/{u2}kV的三相变压器，其二次侧额定电流约为（  ）。"
            out.append(numeric(p, stem, i2, "A", [s / u2, i1, i2 * math.sqrt(3), i2 / 3],
                               f"I₂N=S_N/(√3U₂N)={fmt(i2, 1)}A。", FAIRLY_HARD, places=1,
                               src=SRC))
        else:
            stem = f"三相变压器容量为{s}kV·A，一次额定电压{u1}kV，其一次侧额定电流约为（  ）。"
            out.append(numeric(p, stem, i1, "A", [s / u1, i2, i1 * math.sqrt(3), i1 * 3],
                               f"I₁N=S_N/(√3U₁N)={fmt(i1)}A。", FAIRLY_HARD, src=SRC))
    return out


def _operation() -> list[Question]:
    p = "BA002"
    return [
        judge(p, "变压器并联运行时，联结组别必须相同。", True,
              "联结组别不同会使二次电压相位不同，产生很大的环流。", FAIRLY_EASY, src=SRC),
        judge(p, "变压器呼吸器内的变色硅胶由蓝色变为粉红色，说明硅胶已受潮。", True,
              "受潮的硅胶应及时更换或烘干。", MEDIUM, src=SRC),
        judge(p, "无励磁调压变压器可以在带负荷情况下切换分接开关。", False,
              "无励磁分接开关必须在变压器停电后才能切换。", FAIRLY_EASY, src=SRC),
        judge(p, "油浸式变压器中的变压器油起绝缘和散热作用。", True,
              "变压器油是绝缘介质，同时通过对流散热。", EASY, src=SRC),
        judge(p, "带感性负载时，变压器二次端电压随负载电流增大而升高。", False,
              "感性负载时外特性下降，端电压随负载增大而降低。", MEDIUM, src=SRC),
        single(p, "瓦斯（气体）继电器用于保护变压器的（  ）。", "内部故障",
               ["外部短路", "过负荷", "低电压"], "油箱内部故障产生气体，使瓦斯继电器动作。",
               MEDIUM, src=SRC),
        single(p, "油浸自冷式变压器的上层油温一般不宜经常超过（  ）。", "85℃",
               ["45℃", "65℃", "105℃"], "上层油温最高不得超过95℃，一般不宜经常超过85℃。",
               FAIRLY_HARD, src=SRC),
        single(p, "配电变压器调整分接开关的目的是（  ）。", "调整二次输出电压",
               ["调整频率", "改变联结组别", "减少铁损耗"],
               "改变一次绕组匝数即可调整二次电压。", FAIRLY_EASY, src=SRC),
        single(p, "两台变压器并联运行，其容量比一般不宜超过（  ）。", "3:1",
               ["1.5:1", "5:1", "10:1"], "容量相差过大时负载分配不合理。", FAIRLY_HARD, src=SRC),
        single(p, "运行中的变压器发出均匀的“嗡嗡”声，说明（  ）。", "属于正常运行",
               ["内部严重短路", "铁芯松动", "严重过负荷"],
               "均匀的嗡嗡声是交变磁通引起硅钢片振动的正常声音。", FAIRLY_EASY, src=SRC),
        multi(p, "变压器并联运行的条件有（  ）。", ["联结组别相同", "变比相等",
                                               "短路电压（阻抗电压）相等"],
              ["容量必须完全相同", "生产厂家相同"],
              "容量不必相同，但容量比一般不超过3:1。", MEDIUM, src=SRC),
        multi(p, "变压器日常巡视检查的内容有（  ）。",
              ["油位、油色及有无渗漏油", "声音是否正常", "上层油温", "呼吸器硅胶颜色"],
              ["铭牌上的出厂日期"], "巡视应关注运行状态而非固定不变的铭牌信息。", FAIRLY_EASY,
              src=SRC),
    ]


def _special(rng: random.Random) -> list[Question]:
    p = "BA003"
    out = [
        judge(p, "运行中电流互感器的二次侧严禁开路。", True,
              "二次开路会感应出很高的电压，危及人身和设备安全。", EASY, src=SRC),
        judge(p, "电压互感器的二次侧严禁短路。", True, "二次短路会产生很大的短路电流烧坏互感器。",
              EASY, src=SRC),
        judge(p, "自耦变压器可以作为安全隔离变压器使用。", False,
              "自耦变压器一、二次绕组有电的直接联系，不能用作安全隔离。", FAIRLY_EASY, src=SRC),
        judge(p, "电焊变压器应具有平直的硬外特性。", False,
              "电焊变压器应具有陡降外特性，使起弧容易、短路电流受到限制。", MEDIUM, src=SRC),
        judge(p, "电流互感器二次回路中可以装设熔断器。", False,
              "熔断器熔断会造成二次开路，故电流互感器二次回路不得装熔断器。", MEDIUM, src=SRC),
        single(p, "电流互感器二次侧额定电流一般为（  ）。", "5A", ["1mA", "10A", "100A"],
               "电流互感器二次额定电流一般为5A（也有1A）。", EASY, src=SRC),
        single(p, "电压互感器二次侧额定电压一般为（  ）。", "100V", ["36V", "220V", "380V"],
               "电压互感器二次额定电压一般为100V。", FAIRLY_EASY, src=SRC),
        single(p, "行灯照明用的安全电压变压器应采用（  ）。", "双绕组安全隔离变压器",
               ["自耦变压器", "电焊变压器", "电流互感器"],
               "安全电压电源须与供电电网电气隔离。", FAIRLY_EASY, src=SRC),
        multi(p, "使用电流互感器的注意事项有（  ）。",
              ["二次侧严禁开路", "二次侧一端必须可靠接地", "极性连接要正确"],
              ["二次侧应装熔断器", "二次侧可以短路运行时拆表"],
              "拆除二次仪表前必须先将二次侧短接，严禁开路。", MEDIUM, src=SRC),
    ]
    cts = [(200, 3), (150, 4), (300, 2.5), (400, 4.5)]
    for ratio, reading in rng.sample(cts, 2):
        value = reading * ratio / 5
        stem = f"变比为{ratio}/5的电流互感器，二次侧电流表读数为{fmt(reading)}A，一次电流为（  ）。"
        out.append(numeric(p, stem, value, "A", [reading * ratio, ratio / reading, value / 5,
                                                 ratio - value],
                           f"I₁=I₂×{ratio}/5={fmt(value)}A。", MEDIUM, src=SRC))
    pts = [(10000, 98), (6000, 102), (10000, 95)]
    for ratio, reading in rng.sample(pts, 2):
        value = reading * ratio / 100 / 1000
        stem = (f"变比为{ratio}/100的电压互感器，二次侧电压表读数为{reading}V，"
                "一次侧电压约为（  ）。")
        out.append(numeric(p, stem, value, "kV", [reading * ratio / 1000 / 1000, value / 10,
                                                  ratio / 1000, value * 1.732],
                           f"U₁=U₂×{ratio}/100={fmt(value)}kV。", MEDIUM, src=SRC))
    return out
