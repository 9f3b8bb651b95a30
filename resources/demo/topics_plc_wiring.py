"""可编程控制器 (CB001–CB002) and 照明与动力线路 (CC001–CC003)."""

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

PLC = "《可编程控制器应用技术》（三菱FX系列）"
WIRING = "《电气照明与内线工程》"


def questions(rng: random.Random) -> list[Question]:
    return _plc_basics() + _plc_program(rng) + _lighting(rng) + _wiring(rng) + _cables()


def _plc_basics() -> list[Question]:
    p, s = "CB001", PLC
    return [
        judge(p, "PLC的一个扫描周期主要包括输入采样、程序执行和输出刷新三个阶段。", True,
              "PLC按循环扫描方式工作。", EASY, src=s),
        judge(p, "PLC的输入继电器既可以由外部信号驱动，也可以由程序驱动。", False,
              "输入继电器只能由外部输入信号驱动，不能用程序驱动。", FAIRLY_EASY, src=s),
        judge(p, "继电器输出型PLC既可以驱动交流负载，也可以驱动直流负载。", True,
              "继电器触点输出交直流负载均可，但响应较慢。", FAIRLY_EASY, src=s),
        judge(p, "梯形图中同一编号的软触点在程序中只能使用一次。", False,
              "软触点是存储器的位状态，可以无限次使用。", EASY, src=s),
        judge(p, "PLC在程序执行阶段，输入端子状态的变化会立即改变输入映像寄存器的内容。", False,
              "输入映像寄存器只在输入采样阶段刷新，变化要到下一扫描周期才被读入。", MEDIUM,
              src=s),
        single(p, "需要高速通断直流负载时，应选用（  ）输出型PLC。", "晶体管",
               ["继电器", "晶闸管", "接触器"], "晶体管输出响应快，只能驱动直流负载。", MEDIUM,
               src=s),
        single(p, "三菱FX系列PLC中，输入继电器用字母（  ）表示。", "X", ["Y", "M", "T"],
               "X为输入继电器，Y为输出继电器，M为辅助继电器，T为定时器。", EASY, src=s),
        single(p, "三菱FX系列PLC的输入、输出继电器编号采用（  ）。", "八进制", ["十进制",
                                                         "十六进制",
                                                                      "二进制"],
               "如X0～X7、X10～X17，没有X8、X9。", MEDIUM, src=s),
        single(p, "PLC的用户程序一般存放在（  ）中。", "RAM或EEPROM", ["系统ROM", "输入模块",
                                                               "电源模块"],
               "系统程序固化在ROM中，用户程序存放在RAM（有后备电池）或EEPROM中。", FAIRLY_HARD,
               src=s),
        single(p, "PLC的输出采用晶闸管（双向可控硅）输出型时，适用于驱动（  ）。", "交流负载",
               ["直流负载", "交直流负载均可", "只能驱动指示灯"], "晶闸管输出型只能驱动交流负载。",
               FAIRLY_HARD, src=s),
        multi(p, "PLC的硬件主要由（  ）组成。", ["中央处理器（CPU）", "存储器", "输入/输出接口",
                                            "电源"], ["变频器"],
              "变频器是被控设备，不是PLC的组成部分。", FAIRLY_EASY, src=s),
        multi(p, "PLC常用的编程语言有（  ）。", ["梯形图", "指令表", "顺序功能图"],
              ["电气接线图", "机械装配图"], "IEC 61131-3规定了梯形图、指令表、顺序功能图等语言。",
              MEDIUM, src=s),
    ]


def _plc_program(rng: random.Random) -> list[Question]:
    p, s = "CB002", PLC
    out = [
        judge(p, "梯形图中，线圈应画在最右边，不能直接与左母线相连。", True,
              "线圈与右母线相连，触点不能画在线圈右边。", FAIRLY_EASY, src=s),
        judge(p, "OUT指令可以用来驱动输入继电器X。", False, "OUT指令不能驱动输入继电器。",
              FAIRLY_EASY, src=s),
        judge(p, "程序中应避免出现双线圈输出，否则前面的输出无效，只有最后一次有效。", True,
              "同一线圈多次输出时，以最后一次运算结果为准。", MEDIUM, src=s),
        judge(p, "SET指令使元件置位后，即使驱动条件断开，元件仍保持接通状态。", True,
              "置位后须用RST指令复位。", FAIRLY_EASY, src=s),
        judge(p, "三菱FX系列PLC中，M8002在PLC运行期间始终为ON。", False,
              "M8002为初始化脉冲，只在运行开始的第一个扫描周期接通；始终为ON的是M8000。",
              FAIRLY_HARD, src=s),
        single(p, "常闭触点与左母线连接时使用的指令是（  ）。", "LDI", ["LD", "ANI", "ORI"],
               "LD取常开，LDI取反（常闭）。", EASY, src=s),
        single(p, "两个触点组成的串联电路块再并联时，使用的指令是（  ）。", "ORB",
               ["ANB", "OR", "MPS"], "ORB用于串联电路块的并联，ANB用于并联电路块的串联。", MEDIUM,
               src=s),
        single(p, "在输入信号上升沿产生一个扫描周期脉冲的指令是（  ）。", "PLS", ["PLF", "SET",
                                                         "RST"],
               "PLS为上升沿微分输出，PLF为下降沿微分输出。", MEDIUM, src=s),
        single(p, "用PLC改造接触器正反转控制线路时，为保证安全，在输出端外部（  ）。",
               "仍应设置接触器常闭触点硬件联锁", ["不需要任何联锁", "只需程序软件联锁",
                                                   "应将两只接触器线圈并联"],
               "软件联锁不能防止接触器主触点熔焊等故障，须加硬件联锁。", FAIRLY_HARD, src=s),
        single(p, "计数器的当前值达到设定值后，要使其复位应使用（  ）指令。", "RST",
               ["SET", "OUT", "END"], "计数器须用RST指令复位。", FAIRLY_EASY, src=s),
        multi(p, "下列属于三菱FX系列PLC基本指令的有（  ）。", ["LD", "AND", "OUT", "SET"],
              ["MOV"], "MOV为功能（应用）指令。", MEDIUM, src=s),
    ]
    timers = [("T0", 50, 0.1), ("T10", 300, 0.1), ("T5", 600, 0.1), ("T200", 500, 0.01),
              ("T210", 1500, 0.01)]
    for name, k, base in rng.sample(timers, 3):
        value = k * base
        stem = f"三菱FX2N系列PLC中，定时器{name}的设定值为K{k}，其延时时间为（  ）。"
        other = 0.01 if base == 0.1 else 0.1
        out.append(numeric(p, stem, value, "s", [k * other, k, k * 0.001, value * 2],
                           f"{name}的时基为{fmt(base * 1000)}ms，延时={k}×{base}s={fmt(value)}s。",
                           FAIRLY_HARD, src=s))
    return out


def _lighting(rng: random.Random) -> list[Question]:
    p, s = "CC001", WIRING
    out = [
        judge(p, "照明开关必须控制相线。", True, "开关断开后灯具不带电，便于安全维修。", EASY,
              src=s),
        judge(p, "螺口灯座的螺纹圈应接相线，中心触点接中性线。", False,
              "中心触点应接相线（经开关），螺纹圈接中性线，防止换灯时触电。", EASY, src=s),
        judge(p, "单相三孔插座接线应为面对插座左零右相上接地。", True,
              "上孔接保护线PE，左孔接N，右孔接L。", EASY, src=s),
        judge(p, "两地控制一盏灯，应使用两只单控开关串联。", False, "应使用两只双控开关。",
              FAIRLY_EASY, src=s),
        judge(p, "电感镇流器荧光灯电路的功率因数较低，可并联电容器补偿。", True,
              "电感镇流器使电路呈感性，功率因数约0.5。", MEDIUM, src=s),
        judge(p, "托儿所、幼儿园及小学等儿童活动场所，插座安装高度不宜小于1.8m。", True,
              "防止儿童触摸插座孔发生触电。", FAIRLY_HARD, src=s),
        single(p, "暗装照明开关距地面的高度一般为（  ）。", "1.3m", ["0.3m", "0.8m", "2.0m"],
               "开关边缘距门框0.15～0.2m，距地面一般1.3m。", MEDIUM, src=s),
        single(p, "电感镇流器荧光灯电路中，启辉器的作用是（  ）。", "自动接通和断开灯丝预热电路",
               ["限制灯管电流", "提高功率因数", "降低电源电压"],
               "启辉器断开瞬间镇流器产生高压脉冲点亮灯管。", MEDIUM, src=s),
        single(p, "照明单相分支回路的电流一般不宜超过（  ）。", "16A", ["6A", "32A", "63A"],
               "照明单相分支回路电流不宜超过16A，所接光源数不宜超过25个。", FAIRLY_HARD, src=s),
        single(p, "灯具距地面高度小于2.4m时，其可接近的裸露导体必须（  ）。", "与保护导体可靠连接",
               ["刷绝缘漆", "接中性线N", "悬空不接"], "低于2.4m的灯具金属外壳须接PE。", MEDIUM,
               src=s),
        multi(p, "照明线路安装中，下列做法正确的有（  ）。",
              ["开关控制相线", "螺口灯座中心触点接相线", "插座左零右相上接地"],
              ["开关控制中性线", "PE线上装设开关"], "开关必须控制相线，PE线上不得装开关。",
              EASY, src=s),
    ]
    for lamps, watts in rng.sample([(15, 40), (8, 60), (20, 36), (12, 100)], 3):
        value = lamps * watts / 220
        stem = (f"某照明支路接有{lamps}盏220V、{watts}W的白炽灯，全部点亮时支路电流约为（  ）。")
        out.append(numeric(p, stem, value, "A", [lamps * watts / 380, value * 2, watts / 220,
                                                 value * 1.732],
                           f"I=P/U={lamps * watts}/220≈{fmt(value)}A。", FAIRLY_EASY, src=s))
    return out


def _wiring(rng: random.Random) -> list[Question]:
    p, s = "CC002", WIRING
    out = [
        judge(p, "导线连接处的机械强度不应低于原导线机械强度的80%。", True,
              "同时接头电阻不应大于同长度导线的电阻。", MEDIUM, src=s),
        judge(p, "铜导线与铝导线可以直接绞接连接。", False,
              "铜铝直接连接会产生电化腐蚀，应使用铜铝过渡接头。", FAIRLY_EASY, src=s),
        judge(p, "穿管敷设的导线在管内不得有接头。", True, "接头应设在接线盒内，便于检查。",
              FAIRLY_EASY, src=s),
        judge(p, "保护线（PE）应采用淡蓝色绝缘导线。", False,
              "PE线用绿/黄双色线，中性线N用淡蓝色线。", EASY, src=s),
        judge(p, "选择导线截面时，应满足发热条件、电压损失和机械强度的要求。", True,
              "三项条件都要校验，取其中最大的截面。", FAIRLY_EASY, src=s),
        single(p, "穿管敷设时，管内导线的总截面积（包括绝缘层）不应超过管子内截面积的（  ）。",
               "40%", ["20%", "60%", "80%"], "以便穿线和散热。", FAIRLY_HARD, src=s),
        single(p, "型号为BV的导线是（  ）。", "铜芯聚氯乙烯绝缘电线",
               ["铝芯聚氯乙烯绝缘电线", "铜芯橡皮绝缘软线", "铜芯聚氯乙烯绝缘护套软电缆"],
               "B表示布电线，V表示聚氯乙烯绝缘，铝芯另加L（BLV）。", FAIRLY_EASY, src=s),
        single(p, "三相五线制配线中，L1、L2、L3相线的颜色依次为（  ）。", "黄、绿、红",
               ["红、绿、黄", "黄、红、绿", "绿、黄、红"], "N线为淡蓝色，PE线为绿/黄双色。",
               FAIRLY_EASY, src=s),
        single(p, "导线接头包缠绝缘时，应从（  ）开始包缠。", "完好绝缘层上距接头约两根带宽处",
               ["接头中间", "裸露线芯末端", "任意位置"],
               "从完好绝缘层开始包缠，保证接头处绝缘可靠。", MEDIUM, src=s),
        multi(p, "选择导线截面积时需要考虑的条件有（  ）。", ["发热条件（允许载流量）", "电压损失",
                                                   "机械强度"], ["导线颜色", "施工人员数量"],
              "这三项是选择导线截面的基本条件。", FAIRLY_EASY, src=s),
    ]
    drops = [(50, 10, 2.5), (40, 16, 4), (30, 20, 6), (80, 10, 4)]
    for length, current, area in rng.sample(drops, 3):
        value = 2 * 0.0175 * length * current / area
        stem = (f"单相220V线路长{length}m，采用截面{fmt(area)}mm²的铜导线（ρ=0.0175Ω·mm²/m），"
                f"负载电流{current}A，线路电压损失约为（  ）。")
        out.append(numeric(p, stem, value, "V", [value / 2, value * 2, value * 10,
                                                 value / 220 * 100],
                           f"ΔU=I×2ρL/S={fmt(value)}V（往返两根导线）。", FAIRLY_HARD, src=s))
    return out


def _cables() -> list[Question]:
    p, s = "CC003", WIRING
    return [
        judge(p, "直埋电力电缆的表面距地面不应小于0.7m。", True,
              "穿越农田时不应小于1.0m。", MEDIUM, src=s),
        judge(p, "电力电缆敷设前后都应测量其绝缘电阻。", True,
              "敷设中可能损伤电缆，前后都要检查。", EASY, src=s),
        judge(p, "低压架空线路中，中性线一般应远离电杆架设。", False,
              "低压三相四线制线路的中性线一般靠近电杆架设。", FAIRLY_HARD, src=s),
        judge(p, "型号YJV的电缆是交联聚乙烯绝缘聚氯乙烯护套电力电缆。", True,
              "YJ表示交联聚乙烯绝缘，V表示聚氯乙烯护套。", MEDIUM, src=s),
        single(p, "电力电缆的基本结构由（  ）组成。", "线芯、绝缘层和保护层",
               ["线芯和铠装", "绝缘层和屏蔽层", "线芯、填料和电杆"],
               "线芯导电，绝缘层绝缘，保护层保护绝缘层。", FAIRLY_EASY, src=s),
        single(p, "低压架空线路导线在居民区对地面的最小垂直距离为（  ）。", "6m",
               ["3m", "4m", "10m"], "居民区6m，非居民区5m。", FAIRLY_HARD, src=s),
        single(p, "面向负荷侧，低压架空线路导线水平排列时，从左侧起的相序一般为（  ）。",
               "L1、N、L2、L3", ["N、L1、L2、L3", "L1、L2、L3、N", "L3、L2、N、L1"],
               "中性线靠近电杆，位于L1与L2之间。", FAIRLY_HARD, src=s),
        single(p, "测量0.6/1kV电力电缆的绝缘电阻，一般选用（  ）兆欧表。", "1000V",
               ["250V", "10kV", "50V"], "低压电缆一般用1000V兆欧表测量。", MEDIUM, src=s),
        multi(p, "电缆线路的优点有（  ）。", ["受外界气候影响小", "占地少、不影响市容",
                                          "运行可靠"], ["造价低", "故障查找容易"],
              "电缆线路造价较高，故障点查找也较困难。", MEDIUM, src=s),
    ]

