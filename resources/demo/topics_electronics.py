"""电子技术基础 (AC001–AC003): diodes, transistors, rectifiers, filters and regulators."""

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

SRC = "《电子技术基础》（中级）"


def questions(rng: random.Random) -> list[Question]:
    return _diodes() + _transistors(rng) + _rectifiers(rng)


def _diodes() -> list[Question]:
    p = "AC001"
    return [
        judge(p, "PN结具有单向导电性，正向偏置时导通，反向偏置时截止。", True,
              "这是二极管工作的基本原理。", EASY, src=SRC),
        judge(p, "硅二极管的正向导通压降约为0.2～0.3V。", False,
              "硅管正向压降约0.6～0.7V，锗管约0.2～0.3V。", FAIRLY_EASY, src=SRC),
        judge(p, "稳压二极管正常工作时处于反向击穿状态。", True,
              "稳压管利用反向击穿区电流变化大而电压基本不变的特性稳压。", FAIRLY_EASY, src=SRC),
        judge(p, "二极管的反向电流随温度升高而减小。", False,
              "温度升高时少数载流子增多，反向电流增大。", MEDIUM, src=SRC),
        judge(p, "发光二极管使用时一般要串联限流电阻。", True,
              "发光二极管正向电流过大会损坏，须串联电阻限流。", EASY, src=SRC),
        judge(p, "光电二极管通常工作在正向偏置状态。", False,
              "光电二极管工作在反向偏置状态，反向电流随光照增强而增大。", FAIRLY_HARD, src=SRC),
        single(p, "用指针式万用表R×1k挡测量二极管，若正反向电阻都很小，说明二极管（  ）。",
               "已击穿短路", ["正常", "内部断路", "性能较好"],
               "正常二极管正向电阻小、反向电阻大；两者都很小说明已击穿。", FAIRLY_EASY, src=SRC),
        single(p, "用数字万用表二极管挡测量正常的硅二极管，正向接法时显示值约为（  ）。",
               "0.5～0.7V", ["0.1～0.2V", "1.5～2V", "溢出（显示“1”或“OL”）"],
               "二极管挡显示的是正向压降，硅管约0.5～0.7V；反向时显示溢出。", MEDIUM, src=SRC),
        single(p, "选用整流二极管时，主要考虑的两个参数是（  ）。",
               "最大整流电流和最高反向工作电压", ["结电容和工作频率", "正向压降和温度",
                                                    "反向电流和功率因数"],
               "整流二极管必须满足电流和反向耐压的要求。", MEDIUM, src=SRC),
        single(p, "硅二极管的死区电压约为（  ）。", "0.5V", ["0.1V", "1V", "2V"],
               "硅管死区电压约0.5V，锗管约0.1V。", MEDIUM, src=SRC),
        single(p, "N型半导体中的多数载流子是（  ）。", "自由电子", ["空穴", "正离子", "负离子"],
               "N型半导体掺入五价元素，多数载流子为自由电子。", FAIRLY_EASY, src=SRC),
        multi(p, "关于半导体二极管，下列说法正确的有（  ）。",
              ["具有单向导电性", "正向导通时管压降基本不变", "反向电压过高会击穿"],
              ["反向电阻越小越好", "正向电阻越大越好"],
              "质量好的二极管正向电阻小、反向电阻大。", MEDIUM, src=SRC),
        multi(p, "下列二极管中，正常工作时需要加反向电压的有（  ）。",
              ["稳压二极管", "光电二极管"], ["发光二极管", "正在导通的整流二极管"],
              "稳压管工作于反向击穿区，光电管工作于反偏；发光管须正偏。", FAIRLY_HARD, src=SRC),
    ]


def _transistors(rng: random.Random) -> list[Question]:
    p = "AC002"
    out = [
        judge(p, "三极管工作在放大区时，发射结反偏，集电结正偏。", False,
              "放大区的条件是发射结正偏、集电结反偏。", FAIRLY_EASY, src=SRC),
        judge(p, "三极管的集电极和发射极可以互换使用而性能不变。", False,
              "两区掺杂浓度和结面积不同，互换后放大能力大大下降。", MEDIUM, src=SRC),
        judge(p, "共发射极放大电路的输出电压与输入电压相位相反。", True,
              "共射电路具有倒相作用。", FAIRLY_EASY, src=SRC),
        judge(p, "射极输出器的电压放大倍数远大于1。", False,
              "射极输出器电压放大倍数略小于1，但输入电阻高、输出电阻低。", MEDIUM, src=SRC),
        judge(p, "放大电路静态工作点设置过低，容易产生截止失真。", True,
              "工作点过低时信号负半周进入截止区，产生截止失真。", MEDIUM, src=SRC),
        single(p, "三极管工作在饱和区时，（  ）。", "发射结和集电结均正偏",
               ["发射结正偏，集电结反偏", "发射结和集电结均反偏", "发射结反偏，集电结正偏"],
               "两个PN结都正偏时三极管饱和，相当于开关闭合。", MEDIUM, src=SRC),
        single(p, "三极管三个电极的电流关系为（  ）。", "I_E=I_B+I_C",
               ["I_C=I_B+I_E", "I_B=I_C+I_E", "I_E=I_C-I_B"],
               "发射极电流等于基极电流与集电极电流之和。", FAIRLY_EASY, src=SRC),
        single(p, "测得放大状态下某NPN型硅管三个电极电位分别为6V、2.7V、2V，"
               "则2.7V对应的电极是（  ）。", "基极", ["集电极", "发射极", "无法确定"],
               "NPN硅管放大时U_C>U_B>U_E，且U_BE≈0.7V。", FAIRLY_HARD, src=SRC),
        single(p, "在放大电路中引入负反馈后，放大倍数将（  ）。", "减小",
               ["增大", "不变", "先增大后减小"],
               "负反馈以降低放大倍数为代价，换取稳定性、通频带和失真等性能的改善。", MEDIUM,
               src=SRC),
        single(p, "射极输出器的特点是（  ）。", "输入电阻高，输出电阻低",
               ["输入电阻低，输出电阻高", "电压放大倍数大", "输出与输入反相"],
               "射极输出器常用作阻抗变换和缓冲级。", MEDIUM, src=SRC),
        multi(p, "在放大电路中引入负反馈可以（  ）。",
              ["提高放大倍数的稳定性", "展宽通频带", "减小非线性失真"],
              ["提高放大倍数", "增大非线性失真"],
              "负反馈降低放大倍数，但改善放大电路的多项性能。", MEDIUM, src=SRC),
        multi(p, "三极管的三种工作状态是（  ）。", ["放大", "饱和", "截止"],
              ["击穿", "整流"], "三极管有放大、饱和、截止三种工作状态。", EASY, src=SRC),
    ]
    cases = [(50, 20), (80, 25), (100, 15), (60, 50)]
    for beta, base in rng.sample(cases, 2):
        ic = beta * base / 1000
        stem = (f"某三极管β={beta}，工作在放大区，基极电流I_B={base}μA，"
                "则集电极电流I_C约为（  ）。")
        out.append(numeric(p, stem, ic, "mA", [base / beta, ic * 10, ic / 10, ic * 2],
                           f"I_C=βI_B={beta}×{base}μA={fmt(ic)}mA。", MEDIUM, src=SRC))
    for beta, base in rng.sample(cases, 2):
        ie = (beta + 1) * base / 1000
        stem = (f"三极管处于放大状态，β={beta}，I_B={base}μA，发射极电流I_E约为（  ）。")
        out.append(numeric(p, stem, ie, "mA", [base / 1000, ie * 10, beta * base / 10000,
                                               ie / 2],
                           f"I_E=(1+β)I_B={fmt(ie, 3)}mA。", FAIRLY_HARD, places=3, src=SRC))
    return out


def _rectifiers(rng: random.Random) -> list[Question]:
    p = "AC003"
    out = [
        judge(p, "单相桥式整流电路输出电压平均值约为变压器二次电压有效值的0.9倍。", True,
              "桥式（全波）整流U_O≈0.9U₂。", FAIRLY_EASY, src=SRC),
        judge(p, "单相桥式整流电路中若有一只二极管断路，电路将变为半波整流。", True,
              "断开一只二极管后只有半个周期有电流通过负载。", MEDIUM, src=SRC),
        judge(p, "电容滤波适用于负载电流较大的场合。", False,
              "电容滤波适用于小电流负载，大电流负载宜用电感滤波。", MEDIUM, src=SRC),
        judge(p, "三端集成稳压器7805的输出电压为-5V。", False,
              "78××系列输出正电压，7805输出+5V；输出负电压的是79××系列。", EASY, src=SRC),
        judge(p, "晶闸管一旦导通，门极就失去控制作用。", True,
              "导通后只要阳极电流大于维持电流，去掉门极信号仍保持导通。", MEDIUM, src=SRC),
        judge(p, "晶闸管导通后，只要撤除门极触发信号，晶闸管就会立即关断。", False,
              "关断晶闸管须使阳极电流小于维持电流或使阳极电压反向。", MEDIUM, src=SRC),
        single(p, "三端集成稳压器7912的输出电压为（  ）。", "-12V", ["+12V", "+9V", "-9V"],
               "79××系列输出负电压，12表示12V。", FAIRLY_EASY, src=SRC),
        single(p, "单相桥式整流电路中，每只二极管承受的最高反向电压为（  ）。", "√2U₂",
               ["2√2U₂", "0.9U₂", "0.45U₂"], "桥式整流每只二极管承受的最高反向电压为√2U₂。",
               FAIRLY_HARD, src=SRC),
        single(p, "单相桥式整流电路中，流过每只二极管的平均电流为负载电流的（  ）。", "1/2",
               ["1/4", "1倍", "2倍"], "每只二极管只在半个周期导通。", MEDIUM, src=SRC),
        single(p, "晶闸管导通的条件是（  ）。", "阳极加正向电压，同时门极加适当的正向触发信号",
               ["阳极加反向电压", "只需门极加触发信号", "阳极与阴极短接"],
               "晶闸管需阳极正偏且门极触发才能导通。", MEDIUM, src=SRC),
        single(p, "硅稳压管稳压电路中，必须与稳压管配合使用的元件是（  ）。", "限流电阻",
               ["电感线圈", "熔断器", "三极管"], "限流电阻承担电压变化并限制稳压管电流。", MEDIUM,
               src=SRC),
        multi(p, "直流稳压电源一般由（  ）组成。", ["电源变压器", "整流电路", "滤波电路",
                                                 "稳压电路"], ["振荡电路"],
              "直流稳压电源由变压、整流、滤波、稳压四部分组成。", FAIRLY_EASY, src=SRC),
        multi(p, "使导通的晶闸管关断的方法有（  ）。",
              ["使阳极电流小于维持电流", "在阳极与阴极间加反向电压"],
              ["撤除门极触发信号", "增大门极电流", "增大负载电流"],
              "门极在导通后失去控制作用，只能通过阳极电路使其关断。", FAIRLY_HARD, src=SRC),
    ]
    kinds = [
        ("单相半波整流电路", 0.45, "U_O=0.45U₂"),
        ("单相桥式整流电路", 0.9, "U_O=0.9U₂"),
        ("单相桥式整流电容滤波电路（接有负载）", 1.2, "U_O≈1.2U₂"),
    ]
    volts = [10, 20, 30, 40, 50]
    for (name, k, rule), u2 in zip(kinds, rng.sample(volts, 3), strict=True):
        stem = f"{name}中，变压器二次电压有效值为{u2}V，输出电压平均值约为（  ）。"
        others = [u2 * f for f in (0.45, 0.9, 1.2, 1.414) if f != k]
        out.append(numeric(p, stem, u2 * k, "V", others, f"{rule}={fmt(u2 * k)}V。", MEDIUM,
                           places=1, src=SRC))
    for u2 in rng.sample(volts, 2):
        stem = f"单相桥式整流电路的变压器二次电压为{u2}V，二极管承受的最高反向电压约为（  ）。"
        out.append(numeric(p, stem, u2 * 1.414, "V", [u2 * 0.9, u2 * 2.828, u2, u2 * 0.45],
                           f"U_RM=√2U₂≈{fmt(u2 * 1.414, 1)}V。", FAIRLY_HARD, places=1, src=SRC))
    return out
