"""电工仪表与测量 (AD001–AD003): multimeter, insulation tester, clamp meter, energy meter."""

from __future__ import annotations

import random

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

SRC = "《电工仪表与测量》"


def questions(rng: random.Random) -> list[Question]:
    return _multimeter(rng) + _megger() + _clamp_and_energy(rng)


def _multimeter(rng: random.Random) -> list[Question]:
    p = "AD001"
    out = [
        judge(p, "用万用表测量电阻时，必须先切断被测电路的电源。", True,
              "带电测电阻不仅读数不准，还可能烧坏仪表。", EASY, src=SRC),
        judge(p, "指针式万用表每次更换电阻挡位后，都应重新进行欧姆调零。", True,
              "不同倍率挡内部电路不同，换挡后须重新调零。", FAIRLY_EASY, src=SRC),
        judge(p, "测量较高电压时，可以在表笔接触被测点的情况下转换万用表量程。", False,
              "带电转换量程会使转换开关触点产生电弧而烧坏。", FAIRLY_EASY, src=SRC),
        judge(p, "测量未知电压时，应先选用较小量程，再逐步增大。", False,
              "应先选最高量程，再根据指示逐步减小，以免损坏仪表。", EASY, src=SRC),
        judge(p, "用指针式万用表测电阻时，指针越接近满偏位置，读数越准确。", False,
              "欧姆标尺刻度不均匀，指针在标尺中间区域时读数较准确。", MEDIUM, src=SRC),
        judge(p, "电流表应并联在被测电路两端，电压表应串联在被测电路中。", False,
              "电流表应串联在被测电路中，电压表应并联在被测电路两端。", EASY, src=SRC),
        single(p, "万用表使用完毕，应将转换开关置于（  ）。", "OFF挡或交流电压最高挡",
               ["电阻最高挡", "直流电流最大挡", "任意挡位"],
               "这样可防止下次误用而损坏仪表，并避免电池无谓消耗。", EASY, src=SRC),
        single(p, "指针式万用表的欧姆挡，黑表笔与表内电池的（  ）相连。", "正极",
               ["负极", "中间抽头", "外壳"], "指针式万用表欧姆挡黑表笔接内部电池正极。", MEDIUM,
               src=SRC),
        single(p, "用万用表测量交流电压时，读得的数值是（  ）。", "有效值",
               ["最大值", "平均值", "瞬时值"], "万用表交流电压挡按正弦有效值刻度。", EASY,
               src=SRC),
        single(p, "扩大直流电流表的量程，应在表头两端（  ）。", "并联分流电阻",
               ["串联分压电阻", "串联分流电阻", "并联电容器"],
               "并联分流电阻使多余电流从分流器流过。", FAIRLY_EASY, src=SRC),
        multi(p, "使用万用表时，下列做法正确的有（  ）。",
              ["测量前检查挡位和量程", "测电阻前先断电", "测量时手不触及表笔金属部分"],
              ["用电阻挡测量电压", "带电转换量程"],
              "挡位错误或带电换挡都可能损坏万用表。", FAIRLY_EASY, src=SRC),
    ]
    volt = [(1, 100, 10), (0.1, 1000, 10), (1, 200, 50), (0.5, 400, 100)]
    for ig, rg, u in rng.sample(volt, 2):
        value = (u / (ig / 1000) - rg) / 1000
        stem = (f"表头满偏电流为{fmt(ig)}mA、内阻为{rg}Ω，要改装成量程为{u}V的电压表，"
                "应串联的附加电阻为（  ）。")
        out.append(numeric(p, stem, value, "kΩ", [value + 2 * rg / 1000, u / ig, value * 10,
                                                  value / 10],
                           f"R=U/I_g-R_g={fmt(value)}kΩ。", FAIRLY_HARD, src=SRC))
    shunt = [(1, 99, 100), (0.1, 900, 1), (1, 49, 50), (2, 98, 100)]
    for ig, rg, i in rng.sample(shunt, 2):
        value = ig * rg / (i - ig)
        stem = (f"内阻{rg}Ω、满偏电流{fmt(ig)}mA的表头，改装成{i}mA的电流表，"
                "应并联的分流电阻为（  ）。")
        out.append(numeric(p, stem, value, "Ω", [rg * i / ig, rg - value, value * 10, rg / 10],
                           f"R_s=I_gR_g/(I-I_g)={fmt(value)}Ω。", FAIRLY_HARD, src=SRC))
    grade = [(1.5, 250, "V"), (2.5, 100, "V"), (1.0, 300, "V"), (0.5, 10, "A")]
    for k, top, unit in rng.sample(grade, 3):
        value = k * top / 100
        stem = f"一只{k:.1f}级、量程为{top}{unit}的仪表，其最大绝对误差为（  ）。"
        q = numeric(p, stem, value, unit, [k, value * 2, value / 2, k * top / 10],
                    f"最大绝对误差Δm=±K%×A_m=±{k}%×{top}{unit}=±{fmt(value)}{unit}。", MEDIUM,
                    src=SRC)
        q["right"] = ["±" + text for text in q["right"]]
        q["wrong"] = ["±" + text for text in q["wrong"]]
        out.append(q)
    return out


def _megger() -> list[Question]:
    p = "AD002"
    return [
        judge(p, "用兆欧表测量设备绝缘电阻前，必须切断电源并对设备充分放电。", True,
              "带电或带有残余电荷测量既危险又会损坏仪表、影响读数。", EASY, src=SRC),
        judge(p, "测量额定电压380V电动机的绝缘电阻，应选用2500V兆欧表。", False,
              "500V以下的低压设备一般选用500V兆欧表。", FAIRLY_EASY, src=SRC),
        judge(p, "摇测绝缘电阻时，兆欧表手柄转速应保持在120r/min左右。", True,
              "转速过低或不稳定会使读数不准。", FAIRLY_EASY, src=SRC),
        judge(p, "兆欧表的“G”端称为屏蔽端，用于消除被测物表面泄漏电流的影响。", True,
              "测电缆绝缘时将G端接在线芯与外皮之间的绝缘层上。", MEDIUM, src=SRC),
        judge(p, "兆欧表摇测过程中，可以用手触摸被测设备的接线端子。", False,
              "兆欧表输出高压，摇测时和刚测完未放电时严禁触摸。", EASY, src=SRC),
        single(p, "兆欧表的“L”端应接（  ）。", "被测设备的导体部分",
               ["设备外壳或大地", "屏蔽层", "任意一端"],
               "L接线路（导体），E接地（外壳），G接屏蔽。", FAIRLY_EASY, src=SRC),
        single(p, "低压电动机绕组的绝缘电阻一般不应低于（  ）。", "0.5MΩ",
               ["0.05MΩ", "5kΩ", "50kΩ"],
               "额定电压500V以下电动机绝缘电阻不低于0.5MΩ。", MEDIUM, src=SRC),
        single(p, "兆欧表使用前做开路试验，L、E端开路摇动手柄时，指针应指在（  ）。", "“∞”处",
               ["“0”处", "刻度中间", "任意位置"],
               "开路时指针指∞、短接时（慢摇）指0，说明兆欧表良好。", FAIRLY_EASY, src=SRC),
        single(p, "测量绝缘电阻时，一般以摇动（  ）后的读数为准。", "1min",
               ["5s", "15s", "10min"], "绝缘体有吸收现象，一般读取1min时的稳定值。", MEDIUM,
               src=SRC),
        single(p, "测量电缆线芯对外皮的绝缘电阻时，为消除表面泄漏影响，应使用兆欧表的（  ）。",
               "G端", ["L端", "E端", "任意端"], "G端（保护环）使表面泄漏电流不流过测量线圈。",
               MEDIUM, src=SRC),
        single(p, "绝缘电阻的吸收比是指（  ）的比值。", "R₆₀/R₁₅",
               ["R₁₅/R₆₀", "R₆₀/R₃₀", "R₁₀/R₁"],
               "吸收比为60s与15s绝缘电阻读数之比，用于判断绝缘受潮情况。", FAIRLY_HARD, src=SRC),
        multi(p, "使用兆欧表测量绝缘电阻时，正确的做法有（  ）。",
              ["测量前切断电源并对被测设备放电", "测量前对兆欧表做开路和短路试验",
               "测量完毕对被测设备放电"],
              ["摇测中用手扶住被测导体", "用万用表导线代替兆欧表专用测试线"],
              "兆欧表测试线应为绝缘良好的单根多股软线，摇测中严禁触碰被测导体。", MEDIUM,
              src=SRC),
    ]


def _clamp_and_energy(rng: random.Random) -> list[Question]:
    p = "AD003"
    out = [
        judge(p, "钳形电流表可以在不断开电路的情况下测量电流。", True,
              "钳形电流表利用穿心式电流互感器原理，无须断开电路。", EASY, src=SRC),
        judge(p, "用钳形电流表测量时，可以在钳口闭合的状态下直接切换量程。", False,
              "应先将被测导线退出钳口再换挡，以免二次开路产生高压损坏仪表。", FAIRLY_EASY,
              src=SRC),
        judge(p, "用钳形电流表同时钳住三相对称负载的三根相线，读数为零。", True,
              "三相对称电流相量和为零。", MEDIUM, src=SRC),
        judge(p, "电能表是计量电功率的仪表。", False, "电能表计量电能（kW·h），不是电功率。", EASY,
              src=SRC),
        judge(p, "经电流互感器接入的电能表，实际用电量等于电能表读数差乘以互感器变流比。", True,
              "二次侧计量值须乘以电流互感器变比。", FAIRLY_EASY, src=SRC),
        single(p, "单相电能表铭牌上标有“5(20)A”，其中20A表示（  ）。", "额定最大电流",
               ["标定电流", "起动电流", "短路电流"], "5A为标定（基本）电流，20A为额定最大电流。",
               MEDIUM, src=SRC),
        single(p, "直接接入式单相电能表的一般接线规律是（  ）。", "1、3进线，2、4出线",
               ["1、2进线，3、4出线", "1、4进线，2、3出线", "2、4进线，1、3出线"],
               "1进相线、2出相线，3进零线、4出零线。", FAIRLY_EASY, src=SRC),
        single(p, "三相四线制供电的动力与照明混合负载，应选用（  ）计量有功电能。",
               "三相四线有功电能表", ["三相三线有功电能表", "单相电能表", "无功电能表"],
               "三相四线有功电能表（三元件）适用于不对称的三相四线负载。", MEDIUM, src=SRC),
        single(p, "用钳形电流表测量时，被测导线应置于钳口的（  ）。", "中央",
               ["边缘", "任意位置", "外面"], "导线位于钳口中央时误差最小。", EASY, src=SRC),
        multi(p, "使用钳形电流表的注意事项有（  ）。",
              ["测量前估计被测电流选择合适量程", "钳口应闭合紧密", "每次只钳入一根导线"],
              ["带着导线切换量程", "测量裸导线时不需采取安全措施"],
              "钳入多根导线测得的是它们电流的相量和。", FAIRLY_EASY, src=SRC),
    ]
    turns = [(3, 6), (5, 4), (4, 10), (2, 3)]
    for n, reading in rng.sample(turns, 2):
        value = reading / n
        stem = (f"被测电流较小，将导线在钳形电流表钳口上绕{n}匝后读数为{reading}A，"
                "实际电流为（  ）。")
        out.append(numeric(p, stem, value, "A", [reading * n, reading, reading / (n + 1),
                                                 value * 2],
                           f"实际电流=读数/匝数={reading}/{n}={fmt(value)}A。", FAIRLY_EASY,
                           src=SRC))
    energy = [(1234.5, 1356.7, 1), (2100.0, 2130.5, 30), (856.2, 901.4, 20), (3320.8, 3352.4, 40)]
    for first, last, ratio in rng.sample(energy, 2):
        value = (last - first) * ratio
        ct = f"，经变比为{ratio * 5}/5的电流互感器接入" if ratio > 1 else ""
        stem = (f"某用户电能表{ct}，上月读数{first:.1f}，本月读数{last:.1f}，"
                "本月用电量为（  ）。")
        out.append(numeric(p, stem, value, "kW·h", [last - first if ratio > 1 else value * 10,
                                                    last * max(ratio, 1) / 100,
                                                    value / 2, value * 5],
                           f"用电量=(本月-上月)×倍率={fmt(value, 1)}kW·h。", MEDIUM, places=1,
                           src=SRC))
    return out
