"""电工基础 I (AB001–AB003): direct-current laws, resistor networks, magnetism and induction."""

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

SRC = "《电工基础》（中级）"


def questions(rng: random.Random) -> list[Question]:
    return _dc_laws(rng) + _networks(rng) + _magnetism(rng)


def _dc_laws(rng: random.Random) -> list[Question]:
    p = "AB001"
    out = [
        judge(p, "电路中任意两点间的电位差称为这两点间的电压。", True,
              "电压即两点间的电位差，与参考点的选择无关。", EASY, src=SRC),
        judge(p, "电路中某点的电位与参考点的选择无关。", False,
              "电位是相对参考点而言的，参考点改变，各点电位随之改变。", FAIRLY_EASY, src=SRC),
        judge(p, "导体的电阻与导体的长度成正比，与导体的横截面积成反比。", True,
              "由R=ρL/S可知，电阻与长度成正比、与截面积成反比。", EASY, src=SRC),
        judge(p, "金属导体的电阻一般随温度升高而减小。", False,
              "金属导体具有正的电阻温度系数，温度升高电阻增大。", FAIRLY_EASY, src=SRC),
        judge(p, "额定值为220V、100W的白炽灯接在110V电源上，实际功率约为25W。", True,
              "电阻不变时P与U²成正比，电压减半功率降为1/4。", MEDIUM, src=SRC),
        judge(p, "电源短路时，电源的端电压等于电源电动势。", False,
              "短路时外电阻为零，端电压为零，电流达到最大值E/r。", MEDIUM, src=SRC),
        single(p, "习惯上规定（  ）移动的方向为电流的正方向。", "正电荷",
               ["负电荷", "自由电子", "离子"], "电流方向规定为正电荷定向移动的方向。", EASY,
               src=SRC),
        single(p, "电源电动势的方向规定为在电源内部（  ）。", "由负极指向正极",
               ["由正极指向负极", "与电流方向相反", "不确定"],
               "电动势方向为电源内部由低电位（负极）指向高电位（正极）。", MEDIUM, src=SRC),
        single(p, "1度电等于（  ）。", "1kW·h", ["1W·h", "1kW", "3600J"],
               "1度电即1千瓦时，等于3.6×10⁶J。", EASY, src=SRC),
    ]
    ohm = [(10, 20), (20, 12), (4, 24), (50, 10), (5, 15), (40, 120)]
    forms = [
        "某电阻R={r}Ω，两端电压为{u}V，流过该电阻的电流为（  ）。",
        "将阻值为{r}Ω的电阻接在{u}V直流电源上，通过电阻的电流是（  ）。",
        "一个{r}Ω的电阻器上测得电压{u}V，可知其电流为（  ）。",
    ]
    for form, (r, u) in zip(forms, rng.sample(ohm, 3), strict=True):
        out.append(numeric(p, form.format(r=r, u=u), u / r, "A", [u * r, r / u, u / (2 * r),
                                                                   2 * u / r],
                           f"由欧姆定律I=U/R={u}/{r}={fmt(u / r)}A。", EASY, src=SRC))
    lamps = [(100, 484.0), (60, 806.67), (40, 1210.0), (25, 1936.0)]
    for watts, ohms in rng.sample(lamps, 2):
        out.append(numeric(p, f"一只额定值为220V、{watts}W的白炽灯，正常发光时的电阻约为（  ）。",
                           ohms, "Ω", [220 / watts, ohms / 2, 2 * ohms, watts * 220 / 100],
                           f"R=U²/P=220²/{watts}≈{fmt(ohms, 0)}Ω。", MEDIUM, places=0, src=SRC))
    cells = [(12, 0.5, 5.5), (6, 0.2, 2.8), (24, 1, 11), (9, 0.5, 4)]
    for e, r0, load in rng.sample(cells, 2):
        current = e / (load + r0)
        if rng.random() < 0.5:
            stem = (f"电源电动势E={fmt(e)}V，内阻r={fmt(r0)}Ω，外接负载电阻R={fmt(load)}Ω，"
                    "电路中的电流为（  ）。")
            out.append(numeric(p, stem, current, "A",
                               [e / load, e / r0, e / (load - r0), current / 2],
                               f"全电路欧姆定律I=E/(R+r)={fmt(current)}A。", MEDIUM, src=SRC))
        else:
            stem = (f"某直流电源电动势为{fmt(e)}V、内阻为{fmt(r0)}Ω，接入{fmt(load)}Ω负载后，"
                    "电源端电压为（  ）。")
            out.append(numeric(p, stem, current * load, "V",
                               [e, current * r0, e - current * load / 2, e / 2 + 1],
                               f"I=E/(R+r)={fmt(current)}A，U=IR={fmt(current * load)}V。",
                               FAIRLY_HARD, src=SRC))
    heaters = [(1000, 2, 30), (1500, 3, 10), (800, 5, 30), (2000, 1.5, 20)]
    for watts, hours, days in rng.sample(heaters, 2):
        kwh = watts / 1000 * hours * days
        stem = f"一台{watts}W的电热器每天使用{fmt(hours)}h，{days}天共耗电（  ）。"
        out.append(numeric(p, stem, kwh, "kW·h", [kwh * 10, kwh / days, watts * hours * days,
                                                   kwh / 10],
                           f"W=Pt={watts / 1000}kW×{fmt(hours * days)}h={fmt(kwh)}kW·h。",
                           FAIRLY_EASY, src=SRC))
    wires = [(100, 2.5), (200, 4), (50, 1.5), (350, 10)]
    for length, area in rng.sample(wires, 2):
        ohms = 0.0175 * length / area
        stem = (f"长{length}m、截面积为{fmt(area)}mm²的铜导线（ρ=0.0175Ω·mm²/m），"
                "其电阻约为（  ）。")
        out.append(numeric(p, stem, ohms, "Ω", [ohms * 10, 0.0175 * area / length * 100,
                                                 ohms / 2, ohms * 2, ohms * 4],
                           f"R=ρL/S=0.0175×{length}/{fmt(area)}≈{fmt(ohms, 3)}Ω。", MEDIUM,
                           places=3, src=SRC))
    out.append(multi(p, "导体电阻的大小与（  ）有关。",
                     ["导体的长度", "导体的横截面积", "导体的材料", "导体的温度"],
                     ["导体两端所加的电压"],
                     "R=ρL/S，且ρ随温度变化；电阻与所加电压无关。", MEDIUM, src=SRC))
    out.append(multi(p, "下列单位中，属于电功率单位的有（  ）。", ["W", "kW", "mW"],
                     ["kW·h", "J"], "kW·h和J是电能（电功）的单位。", FAIRLY_EASY, src=SRC))
    return out


def _networks(rng: random.Random) -> list[Question]:
    p = "AB002"
    out = [
        judge(p, "串联电路中，各电阻上的电压与其阻值成反比。", False,
              "串联电路电流处处相等，U=IR，电压与阻值成正比。", EASY, src=SRC),
        judge(p, "并联电路的等效电阻大于其中任一支路的电阻。", False,
              "并联等效电阻小于其中最小的一个支路电阻。", EASY, src=SRC),
        judge(p, "基尔霍夫电流定律指出，流入任一节点的电流之和等于流出该节点的电流之和。",
              True, "这是KCL的基本内容，反映了电荷守恒。", EASY, src=SRC),
        judge(p, "基尔霍夫电压定律只适用于由电阻组成的线性回路。", False,
              "KVL适用于任何集总参数电路的闭合回路，与元件性质无关。", FAIRLY_HARD, src=SRC),
        judge(p, "叠加原理只适用于线性电路中电流和电压的计算，不能用来计算功率。", True,
              "功率与电流（电压）是平方关系，不满足叠加性。", FAIRLY_HARD, src=SRC),
        judge(p, "戴维南定理指出，任何一个线性有源二端网络都可以用一个电压源与一个电阻"
              "串联来等效。", True, "等效电压源的电压为开路电压，电阻为除源后的等效电阻。",
              MEDIUM, src=SRC),
        single(p, "在电阻并联电路中，各支路电流与其电阻成（  ）。", "反比",
               ["正比", "平方正比", "无关"], "并联电路电压相等，I=U/R，电流与电阻成反比。", EASY,
               src=SRC),
        single(p, "支路电流法是以（  ）为未知量，应用基尔霍夫定律列方程求解的方法。",
               "各支路电流", ["各节点电位", "各回路电流", "各元件电压"],
               "支路电流法以支路电流为未知量，列KCL、KVL方程联立求解。", MEDIUM, src=SRC),
        single(p, "一个具有n个节点的电路，可以列出（  ）个独立的节点电流方程。", "n-1",
               ["n", "n+1", "2n"], "n个节点中只有n-1个KCL方程是独立的。", FAIRLY_HARD,
               src=SRC),
        single(p, "两个电容器C₁、C₂串联后，其等效电容（  ）。", "小于其中任一个电容",
               ["等于两电容之和", "大于其中任一个电容", "等于两电容之积"],
               "电容串联时1/C=1/C₁+1/C₂，等效电容小于任一电容。", MEDIUM, src=SRC),
    ]
    pairs = [(6, 3, 18), (10, 30, 80), (20, 40, 120), (4, 8, 24), (15, 5, 40)]
    series = [
        "电阻R₁={a}Ω与R₂={b}Ω串联后接在{u}V电源上，R₁两端的电压为（  ）。",
        "将{a}Ω和{b}Ω两只电阻串联，外加电压{u}V，则{a}Ω电阻上的电压是（  ）。",
    ]
    for form, (a, b, u) in zip(series, rng.sample(pairs, 2), strict=True):
        value = u * a / (a + b)
        out.append(numeric(p, form.format(a=a, b=b, u=u), value, "V",
                           [u * b / (a + b), u / 2, u - value / 2, u * a / b],
                           f"串联分压U₁=U·R₁/(R₁+R₂)={fmt(value)}V。", FAIRLY_EASY, src=SRC))
    parallel = [
        "{a}Ω与{b}Ω两电阻并联，其等效电阻为（  ）。",
        "阻值分别为{a}Ω、{b}Ω的两只电阻并联使用，总电阻是（  ）。",
    ]
    for form, (a, b, _) in zip(parallel, rng.sample(pairs, 2), strict=True):
        value = a * b / (a + b)
        out.append(numeric(p, form.format(a=a, b=b), value, "Ω",
                           [a + b, (a + b) / 2, abs(a - b), value * 2],
                           f"R=R₁R₂/(R₁+R₂)={a}×{b}/{a + b}={fmt(value)}Ω。", FAIRLY_EASY,
                           src=SRC))
    for a, b, _ in rng.sample(pairs, 2):
        total = rng.choice([3, 6, 9, 12])
        value = total * b / (a + b)
        stem = (f"R₁={a}Ω、R₂={b}Ω两电阻并联，总电流为{total}A，流过R₁的电流为（  ）。")
        out.append(numeric(p, stem, value, "A", [total * a / (a + b), total / 2, total - value / 2,
                                                  total * a / b],
                           f"并联分流I₁=I·R₂/(R₁+R₂)={fmt(value)}A。", MEDIUM, src=SRC))
    for i1, i2, i3 in rng.sample([(5, 3, 2), (8, 2, 4), (6, 4, 7), (10, 1, 5)], 2):
        value = i1 + i2 - i3
        stem = (f"某节点有四条支路，流入电流I₁={i1}A、I₂={i2}A，流出电流I₃={i3}A，"
                "则第四条支路流出的电流I₄为（  ）。")
        out.append(numeric(p, stem, value, "A", [i1 + i2 + i3, i1 - i2 + i3, i3 - i2 + 1,
                                                  abs(i1 - i2)],
                           f"由KCL，I₄=I₁+I₂-I₃={value}A。", FAIRLY_EASY, src=SRC))
    for n, r in rng.sample([(3, 30), (4, 100), (5, 50), (6, 60)], 2):
        stem = f"{n}只阻值均为{r}Ω的电阻并联，等效电阻为（  ）。"
        out.append(numeric(p, stem, r / n, "Ω", [r * n, r, r / (2 * n), r / (n - 1)],
                           f"n个相同电阻并联R=R/n={fmt(r / n)}Ω。", EASY, src=SRC))
    out.append(multi(p, "电阻串联电路的特点有（  ）。",
                     ["流过各电阻的电流相等", "总电压等于各电阻电压之和",
                      "总电阻等于各电阻之和"], ["各电阻两端电压相等", "总电阻小于任一电阻"],
                     "串联电路电流相同、电压相加、电阻相加。", FAIRLY_EASY, src=SRC))
    out.append(multi(p, "分析复杂直流电路常用的方法有（  ）。",
                     ["支路电流法", "叠加原理", "戴维南定理", "节点电压法"], ["右手定则"],
                     "右手定则用于判断感应电动势方向，不是电路分析方法。", MEDIUM, src=SRC))
    return out


def _magnetism(rng: random.Random) -> list[Question]:
    p = "AB003"
    out = [
        judge(p, "磁力线在磁体外部由S极指向N极，在磁体内部由N极指向S极。", False,
              "磁力线在磁体外部从N极到S极，内部从S极到N极，构成闭合曲线。", EASY, src=SRC),
        judge(p, "通电直导体在磁场中的受力方向用右手定则判断。", False,
              "通电导体受力方向用左手定则判断，右手定则用于判断感应电动势方向。", FAIRLY_EASY,
              src=SRC),
        judge(p, "楞次定律指出，感应电流产生的磁通总是阻碍原磁通的变化。", True,
              "这是楞次定律的内容，用来判断感应电流方向。", FAIRLY_EASY, src=SRC),
        judge(p, "铁磁材料的磁导率是一个常数，不随磁场强弱变化。", False,
              "铁磁材料的磁导率随磁场强度变化，存在磁饱和现象。", MEDIUM, src=SRC),
        judge(p, "电气设备的铁芯用表面绝缘的硅钢片叠成，目的是减少涡流损耗。", True,
              "硅钢片电阻率较高且片间绝缘，可限制涡流、降低损耗。", FAIRLY_EASY, src=SRC),
        judge(p, "线圈中的自感电动势总是与线圈中的电流方向相反。", False,
              "自感电动势阻碍电流的变化：电流增大时与电流反向，电流减小时与电流同向。", MEDIUM,
              src=SRC),
        single(p, "磁感应强度的单位是（  ）。", "特斯拉（T）", ["韦伯（Wb）", "亨利（H）",
                                                          "安/米（A/m）"],
               "磁感应强度B的单位为T，磁通的单位为Wb。", EASY, src=SRC),
        single(p, "判断通电线圈所产生磁场的方向，应使用（  ）。", "右手螺旋定则",
               ["左手定则", "右手定则",
                "楞次定律"], "电流的磁场方向用右手螺旋定则（安培定则）判断。",
               FAIRLY_EASY, src=SRC),
        single(p, "两个互感线圈的同名端是指（  ）。", "感应电动势极性始终相同的端子",
               ["匝数相同的端子", "导线颜色相同的端子", "电流始终相等的端子"],
               "同名端是在同一变化磁通作用下感应电动势极性相同的端点。", MEDIUM, src=SRC),
        single(p, "铁磁材料在反复磁化过程中，磁感应强度的变化落后于磁场强度变化的现象称为（  ）。",
               "磁滞", ["磁饱和", "涡流", "剩磁"], "磁滞现象造成磁滞损耗。", MEDIUM, src=SRC),
        single(p, "适宜制造永久磁铁的是（  ）材料。", "硬磁", ["软磁", "矩磁", "非磁性"],
               "硬磁材料剩磁和矫顽力大，适合做永久磁铁。", MEDIUM, src=SRC),
    ]
    forces = [(0.8, 10, 0.5), (1.2, 5, 0.4), (0.5, 20, 0.3), (1.0, 15, 0.2)]
    for b, i, length in rng.sample(forces, 2):
        value = b * i * length
        stem = (f"长{fmt(length)}m的直导体通以{i}A电流，垂直放在B={fmt(b)}T的匀强磁场中，"
                "导体所受电磁力为（  ）。")
        out.append(numeric(p, stem, value, "N", [b * i, value * 2, b * length, value / 2],
                           f"F=BIL={fmt(b)}×{i}×{fmt(length)}={fmt(value)}N。", MEDIUM, src=SRC))
    for b, length, v in rng.sample([(0.5, 0.4, 10), (0.8, 0.5, 5), (1.2, 0.2, 15)], 2):
        value = b * length * v
        stem = (f"有效长度{fmt(length)}m的导体以{v}m/s的速度垂直切割B={fmt(b)}T的磁感线，"
                "产生的感应电动势为（  ）。")
        out.append(numeric(p, stem, value, "V", [b * v, value * 2, length * v, value / 2],
                           f"e=BLv={fmt(value)}V。", MEDIUM, src=SRC))
    out.append(multi(p, "下列关于电磁感应的说法中，正确的有（  ）。",
                     ["穿过闭合回路的磁通发生变化时回路中产生感应电流",
                      "感应电动势的大小与磁通的变化率成正比",
                      "导体切割磁感线时产生感应电动势"],
                     ["磁通越大感应电动势一定越大", "导体平行于磁感线运动也会产生感应电动势"],
                     "e=NΔΦ/Δt，感应电动势取决于磁通的变化率而非磁通大小。", MEDIUM, src=SRC))
    out.append(multi(p, "铁芯损耗包括（  ）。", ["磁滞损耗", "涡流损耗"],
                     ["铜损耗", "机械损耗"], "铁损由磁滞损耗和涡流损耗组成。", FAIRLY_EASY,
                     src=SRC))
    return out
