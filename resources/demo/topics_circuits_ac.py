"""电工基础 II (AB004–AB005): single-phase and three-phase alternating current."""

from __future__ import annotations

import math
import random

from common import (
    EASY,
    FAIRLY_EASY,
    FAIRLY_HARD,
    HARD,
    MEDIUM,
    Question,
    fmt,
    judge,
    multi,
    numeric,
    single,
)

SRC = "《电工基础》（中级）"
ROOT3 = math.sqrt(3)


def questions(rng: random.Random) -> list[Question]:
    return _single_phase(rng) + _three_phase(rng)


def _single_phase(rng: random.Random) -> list[Question]:
    p = "AB004"
    out = [
        judge(p, "我国工频交流电的频率为50Hz，周期为0.02s。", True, "T=1/f=1/50=0.02s。", EASY,
              src=SRC),
        judge(p, "纯电感电路中，电流超前电压90°。", False,
              "纯电感电路中电压超前电流90°（电流滞后电压90°）。", FAIRLY_EASY, src=SRC),
        judge(p, "电容器具有“隔直流、通交流”的作用。", True,
              "直流稳态下容抗无穷大，交流频率越高容抗越小。", EASY, src=SRC),
        judge(p, "感抗与电源频率成反比，频率越高感抗越小。", False, "X_L=2πfL，与f成正比。",
              EASY, src=SRC),
        judge(p, "交流电压表测得的数值是交流电压的最大值。", False,
              "交流电压表、电流表的读数为有效值。", EASY, src=SRC),
        judge(p, "RLC串联电路发生谐振时，电路阻抗最小，电流最大。", True,
              "串联谐振时X_L=X_C，Z=R为最小，电流最大。", MEDIUM, src=SRC),
        judge(p, "感性负载两端并联适当的电容器，可以提高线路的功率因数。", True,
              "并联电容补偿感性无功功率，使线路总电流减小、功率因数提高。", FAIRLY_EASY, src=SRC),
        judge(p, "无功功率就是无用的功率。", False,
              "无功功率反映电源与储能元件之间的能量交换，是建立磁场等所必需的。", FAIRLY_EASY,
              src=SRC),
        single(p, "正弦交流电的三要素是（  ）。", "最大值、角频率、初相位",
               ["有效值、频率、相位差", "最大值、周期、电流", "电压、电流、功率"],
               "最大值（或有效值）、角频率（或频率、周期）和初相位确定一个正弦量。", EASY,
               src=SRC),
        single(p, "在纯电容电路中，电流与电压的相位关系是（  ）。", "电流超前电压90°",
               ["电流滞后电压90°", "电流与电压同相", "电流与电压反相"],
               "纯电容电路中电流超前电压90°。", FAIRLY_EASY, src=SRC),
        single(p, "视在功率的单位是（  ）。", "V·A", ["W", "var", "J"],
               "有功功率用W，无功功率用var，视在功率用V·A。", EASY, src=SRC),
        single(p, "功率因数是指（  ）的比值。", "有功功率与视在功率",
               ["无功功率与有功功率", "视在功率与有功功率", "无功功率与视在功率"],
               "cosφ=P/S。", FAIRLY_EASY, src=SRC),
        single(p, "RLC串联电路中，若X_L>X_C，则电路呈（  ）。", "感性",
               ["容性", "阻性", "谐振状态"], "X_L>X_C时总电压超前电流，电路呈感性。", MEDIUM,
               src=SRC),
    ]
    for um, u in rng.sample([(311, 220), (537, 380), (141.4, 100), (70.7, 50)], 2):
        stem = f"某正弦交流电压的最大值为{fmt(um, 1)}V，其有效值约为（  ）。"
        out.append(numeric(p, stem, u, "V", [um * math.sqrt(2), um / 2, um * 0.637, um],
                           f"U=U_m/√2={fmt(um, 1)}/1.414≈{u}V。", EASY, places=0, src=SRC))
    for omega, f in rng.sample([(314, 50), (628, 100), (157, 25)], 2):
        stem = f"已知u=100sin({omega}t+30°)V，该交流电的频率为（  ）。"
        out.append(numeric(p, stem, f, "Hz", [omega, f * 2, omega / 2, 1 / f],
                           f"f=ω/2π={omega}/6.28={f}Hz。", MEDIUM, places=0, src=SRC))
    for inductance, unit in rng.sample([(0.1, "H"), (0.2, "H"), (0.5, "H"), (31.8, "mH")], 2):
        henry = inductance / 1000 if unit == "mH" else inductance
        value = 2 * math.pi * 50 * henry
        stem = f"电感量为{fmt(inductance)}{unit}的线圈接在50Hz交流电源上，其感抗约为（  ）。"
        out.append(numeric(p, stem, value, "Ω", [value / (2 * math.pi), 1 / value * 1000,
                                                 value * 2, value / 2],
                           f"X_L=2πfL=2×3.14×50×{fmt(henry, 4)}≈{fmt(value, 1)}Ω。", MEDIUM,
                           places=1, src=SRC))
    for micro in rng.sample([100, 50, 20, 10], 2):
        value = 1 / (2 * math.pi * 50 * micro * 1e-6)
        stem = f"电容量为{fmt(micro)}μF的电容器接在50Hz工频电源上，其容抗约为（  ）。"
        out.append(numeric(p, stem, value, "Ω", [2 * math.pi * 50 * micro * 1e-6 * 1000,
                                                 value * 2, value / 2, value * 3.14],
                           f"X_C=1/(2πfC)≈{fmt(value, 1)}Ω。", FAIRLY_HARD, places=1, src=SRC))
    triangles = [(3, 4), (6, 8), (8, 6), (30, 40), (12, 16)]
    for r, x in rng.sample(triangles, 2):
        z = math.hypot(r, x)
        stem = f"R={r}Ω的电阻与X_L={x}Ω的感抗串联，电路的阻抗为（  ）。"
        out.append(numeric(p, stem, z, "Ω", [r + x, abs(x - r), r * x / (r + x), z * 2],
                           f"Z=√(R²+X_L²)=√({r}²+{x}²)={fmt(z)}Ω。", MEDIUM, src=SRC))
    for r, x in rng.sample([(3, 4), (8, 6), (12, 5), (5, 12)], 2):
        z = math.hypot(r, x)
        stem = f"某RL串联电路中R={r}Ω、X_L={x}Ω，该电路的功率因数为（  ）。"
        out.append(numeric(p, stem, r / z, "", [x / z, r / (r + x), x / (r + x), 0.5, 0.9],
                           f"cosφ=R/Z={r}/{fmt(z)}={fmt(r / z)}。", FAIRLY_HARD, src=SRC))
    for u, i, pf in rng.sample([(220, 10, 0.8), (220, 5, 0.6), (220, 20, 0.5)], 2):
        value = u * i * pf
        stem = f"单相负载电压为{u}V，电流为{i}A，功率因数为{fmt(pf)}，其有功功率为（  ）。"
        out.append(numeric(p, stem, value, "W", [u * i, u * i * math.sqrt(1 - pf * pf),
                                                 value * ROOT3, value / 2],
                           f"P=UIcosφ={u}×{i}×{fmt(pf)}={fmt(value)}W。", MEDIUM, places=0,
                           src=SRC))
    out.append(multi(p, "提高功率因数的意义有（  ）。",
                     ["提高电源设备的利用率", "减少线路的功率损耗", "减少线路的电压损失"],
                     ["增大负载的有功功率", "提高电源频率"],
                     "提高功率因数可减小线路电流，从而提高设备利用率、降低线损和压降。", MEDIUM,
                     src=SRC))
    out.append(multi(p, "RLC串联谐振的特点有（  ）。",
                     ["电路呈纯电阻性", "阻抗最小", "电流最大"],
                     ["电感与电容上的电压都为零", "电源频率一定是50Hz"],
                     "串联谐振时X_L=X_C，U_L与U_C大小相等、相位相反，可能远大于电源电压。",
                     FAIRLY_HARD, src=SRC))
    return out


def _three_phase(rng: random.Random) -> list[Question]:
    p = "AB005"
    out = [
        judge(p, "三相对称电源星形连接时，线电压等于相电压的√3倍。", True,
              "星形连接U_L=√3U_P，线电压超前对应相电压30°。", EASY, src=SRC),
        judge(p, "三相负载作三角形连接时，线电压等于相电压。", True,
              "三角形连接时每相负载直接接在两根相线之间，U_L=U_P。", FAIRLY_EASY, src=SRC),
        judge(p, "三相四线制供电系统中，中性线上应装设熔断器以保护中性线。", False,
              "中性线上不允许装熔断器和开关，以免中性线断开造成负载相电压不平衡。",
              FAIRLY_EASY, src=SRC),
        judge(p, "三相负载越接近对称，中性线电流就越小。", True,
              "三相负载对称时中性线电流为零。", MEDIUM, src=SRC),
        judge(p, "同一三相对称负载，由星形连接改为三角形连接后，其消耗的功率不变。", False,
              "接在同一电源上，三角形连接的功率是星形连接的3倍。", MEDIUM, src=SRC),
        judge(p, "三相电源的相序U-V-W为正序，任意调换两相后相序变为负序。", True,
              "调换任意两相即改变相序，这也是三相电动机反转的原理。", FAIRLY_EASY, src=SRC),
        single(p, "三相对称电动势在相位上互差（  ）。", "120°", ["90°", "60°", "180°"],
               "三相对称电动势幅值相等、频率相同、相位互差120°。", EASY, src=SRC),
        single(p, "三相四线制低压供电系统中，中性线的作用是（  ）。",
               "使不对称负载的相电压保持对称", ["提高线电压", "增大线电流", "消除谐波"],
               "中性线保证星形连接的不对称负载各相电压基本相等。", MEDIUM, src=SRC),
        single(p, "三相对称负载的有功功率计算公式为（  ）。", "P=√3U_LI_Lcosφ",
               ["P=3U_LI_Lcosφ", "P=√3U_PI_Pcosφ", "P=U_LI_Lcosφ"],
               "P=3U_PI_Pcosφ=√3U_LI_Lcosφ。", FAIRLY_EASY, src=SRC),
        single(p, "三相对称负载作星形连接时，中性线电流（  ）。", "为零",
               ["等于相电流", "等于线电流的√3倍", "等于三相电流之和的算术值"],
               "对称时三相电流相量和为零。", FAIRLY_EASY, src=SRC),
    ]
    star = [(220, "电源作星形连接，相电压为{v}V，线电压为（  ）。", 380),
            (380, "星形连接的三相电源线电压为{v}V，则相电压为（  ）。", 220),
            (127, "三相发电机绕组接成星形，若每相电压{v}V，则线电压约为（  ）。", 220),
            (660, "星形连接的三相系统线电压为{v}V，其相电压约为（  ）。", 380)]
    for v, form, answer in rng.sample(star, 3):
        out.append(numeric(p, form.format(v=v), answer, "V",
                           [v * 3, v / 3, v, v * 1.414, v / 1.414],
                           f"星形连接U_L=√3U_P，计算得约{answer}V。", FAIRLY_EASY, places=0,
                           src=SRC))
    delta: list[tuple[float, str, float]] = [
             (10, "三角形连接的三相对称负载，每相电流为{i}A，线电流约为（  ）。", ROOT3),
             (17.32, "三相对称负载作三角形连接，测得线电流为{i}A，则相电流为（  ）。", 1 / ROOT3),
             (20, "三相对称负载接成三角形，相电流{i}A，对应的线电流约为（  ）。", ROOT3)]
    for amps, form, k in rng.sample(delta, 2):
        value = amps * k
        out.append(numeric(p, form.format(i=fmt(amps)), value, "A",
                           [amps * 3, amps / 3, amps, amps * 1.414],
                           f"三角形连接I_L=√3I_P，计算得{fmt(value, 1)}A。", MEDIUM, places=1,
                           src=SRC))
    for u, i, pf in rng.sample([(380, 10, 0.8), (380, 20, 0.85), (380, 15, 0.8),
                                (660, 10, 0.9)], 2):
        value = ROOT3 * u * i * pf / 1000
        stem = (f"某三相对称负载线电压{u}V，线电流{i}A，功率因数{fmt(pf)}，"
                "其有功功率约为（  ）。")
        out.append(numeric(p, stem, value, "kW", [3 * u * i * pf / 1000, u * i * pf / 1000,
                                                  ROOT3 * u * i / 1000, value / ROOT3],
                           f"P=√3U_LI_Lcosφ≈{fmt(value)}kW。", FAIRLY_HARD, src=SRC))
    loads = [(22, "星形"), (38, "三角形"), (44, "星形"), (19, "三角形")]
    for z, how in rng.sample(loads, 3):
        phase = 380 / ROOT3 / z if how == "星形" else 380 / z
        line = phase if how == "星形" else phase * ROOT3
        stem = (f"每相阻抗为{z}Ω的三相对称负载接成{how}，接在线电压380V的三相电源上，"
                "线电流约为（  ）。")
        # typical slips: line voltage taken as phase voltage; √3 applied the wrong way
        slips = [380 / z, line * ROOT3, line * 3] if how == "星形" else [phase, line * ROOT3,
                                                                          line * 3]
        out.append(numeric(p, stem, line, "A", slips,
                           f"{how}连接时相电流{fmt(phase, 1)}A，线电流{fmt(line, 1)}A。", HARD,
                           places=1, src=SRC))
    out.append(single(p, "同一三相对称负载接在同一电源上，三角形连接的有功功率是星形连接的"
                      "（  ）。", "3倍", ["√3倍", "1/3", "相等"],
                      "三角形连接时每相电压为星形时的√3倍，功率为3倍。", FAIRLY_HARD,
                      src=SRC))
    out.append(multi(p, "三相对称负载星形连接时，下列关系正确的有（  ）。",
                     ["U_L=√3U_P", "I_L=I_P", "中性线电流为零"], ["I_L=√3I_P", "U_L=U_P"],
                     "星形连接线电压为相电压的√3倍，线电流等于相电流。", MEDIUM, src=SRC))
    out.append(multi(p, "三相对称电源的特点是三个电动势（  ）。",
                     ["幅值相等", "频率相同", "相位互差120°"], ["相位相同", "初相均为零"],
                     "三相对称电动势幅值、频率相同，相位互差120°。", FAIRLY_EASY, src=SRC))
    return out
