"""电动机 (BB001–BB004): induction motors, starting, single-phase and DC motors, upkeep."""

from __future__ import annotations

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

SRC = "《电机与变压器》（中级）"


def questions(rng: random.Random) -> list[Question]:
    return _principle(rng) + _starting(rng) + _other_motors() + _upkeep()


def _principle(rng: random.Random) -> list[Question]:
    p = "BB001"
    out = [
        judge(p, "三相异步电动机的转子转速总是低于旋转磁场的同步转速。", True,
              "转子与旋转磁场间必须有相对运动才能产生电磁转矩。", EASY, src=SRC),
        judge(p, "任意对调三相异步电动机的两根电源线，即可改变其旋转方向。", True,
              "对调两相改变相序，旋转磁场反向。", EASY, src=SRC),
        judge(p, "频率为50Hz时，4极三相异步电动机的同步转速为1500r/min。", True,
              "n₁=60f/p=60×50/2=1500r/min。", FAIRLY_EASY, src=SRC, group="SYNC-4P"),
        judge(p, "异步电动机铭牌上的额定功率是指电动机从电源吸取的电功率。", False,
              "额定功率是电动机在额定状态下轴上输出的机械功率。", FAIRLY_EASY, src=SRC),
        judge(p, "异步电动机的定子与转子之间的气隙越大，其功率因数越高。", False,
              "气隙大则励磁电流大，功率因数降低，故气隙应尽量小。", MEDIUM, src=SRC),
        single(p, "频率为50Hz的三相电源供电时，4极三相异步电动机的同步转速为（  ）。",
               "1500r/min", ["3000r/min", "1000r/min", "750r/min"],
               "n₁=60f/p=60×50/2=1500r/min。", FAIRLY_EASY, src=SRC, group="SYNC-4P"),
        single(p, "三相异步电动机型号Y132M-4中，“4”表示（  ）。", "磁极数",
               ["磁极对数", "中心高", "机座长度代号"],
               "132为中心高（mm），M为中机座，4为极数。", MEDIUM, src=SRC),
        single(p, "三相异步电动机额定运行时的转差率一般为（  ）。", "0.01～0.06",
               ["0.1～0.3", "0.5～0.8", "1"], "额定转差率通常在0.01～0.06之间。", MEDIUM, src=SRC),
        single(p, "三相笼型异步电动机的转子绕组是（  ）。", "自行闭合的导条",
               ["接到滑环上的三相绕组", "接直流电源的励磁绕组", "与定子绕组串联的绕组"],
               "笼型转子导条两端由端环短接，自成闭合回路。", FAIRLY_EASY, src=SRC),
        multi(p, "三相异步电动机的定子由（  ）组成。", ["定子铁芯", "定子绕组", "机座"],
              ["换向器", "转子导条"], "定子由机座、定子铁芯和定子绕组等组成。", EASY, src=SRC),
    ]
    speeds = [(1, 50), (3, 50), (4, 50), (2, 60), (3, 60)]
    for pairs, f in rng.sample(speeds, 3):
        value = 60 * f / pairs
        stem = f"电源频率为{f}Hz时，{2 * pairs}极三相异步电动机的同步转速为（  ）。"
        out.append(numeric(p, stem, value, "r/min", [value * 2, value / 2, 60 * f / (2 * pairs),
                                                     value - 40, value * 1.5],
                           f"n₁=60f/p=60×{f}/{pairs}={fmt(value)}r/min。", MEDIUM, src=SRC))
    slips = [(1440, 1500, 4), (960, 1000, 6), (2880, 3000, 2), (730, 750, 8), (1470, 1500, 4)]
    for n, n1, poles in rng.sample(slips, 3):
        value = (n1 - n) / n1
        stem = (f"一台{poles}极三相异步电动机接在50Hz电源上，额定转速为{n}r/min，"
                "其额定转差率为（  ）。")
        out.append(numeric(p, stem, value, "", [(n1 - n) / n, value * 10, n / n1, value / 2],
                           f"s=(n₁-n)/n₁=({n1}-{n})/{n1}={fmt(value, 3)}。", FAIRLY_HARD,
                           places=3, src=SRC))
    torques = [(7.5, 1440), (11, 1460), (4, 1440), (15, 970), (5.5, 2900)]
    for kw, n in rng.sample(torques, 2):
        value = 9550 * kw / n
        stem = f"一台额定功率{fmt(kw)}kW、额定转速{n}r/min的电动机，额定转矩约为（  ）。"
        out.append(numeric(p, stem, value, "N·m", [value * 2, value / 2, 9.55 * kw * n / 1000,
                                                   value * 1.5],
                           f"T_N=9550P_N/n_N={fmt(value, 1)}N·m。", HARD, places=1, src=SRC))
    return out


def _starting(rng: random.Random) -> list[Question]:
    p = "BB002"
    out = [
        judge(p, "三相异步电动机直接启动时，启动电流一般只有额定电流的1～2倍。", False,
              "启动瞬间转子静止，转差率为1，启动电流一般为额定电流的4～7倍。", EASY, src=SRC),
        judge(p, "星-三角降压启动适用于正常运行时定子绕组为星形联结的电动机。", False,
              "只有正常运行为三角形联结的电动机才能采用星-三角降压启动。", FAIRLY_EASY,
              src=SRC),
        judge(p, "异步电动机的电磁转矩与电源电压的平方成正比。", True,
              "T∝U²，电压降低时转矩下降更多。", MEDIUM, src=SRC),
        judge(p, "绕线转子异步电动机转子回路串电阻启动，既能减小启动电流，又能增大启动转矩。",
              True, "适当串入电阻可提高转子功率因数，从而增大启动转矩。", FAIRLY_HARD, src=SRC),
        judge(p, "变极调速可以使笼型异步电动机的转速平滑无级变化。", False,
              "变极调速属于有级调速，只能得到几挡转速。", MEDIUM, src=SRC),
        single(p, "星-三角降压启动时，启动电流和启动转矩都降为直接启动时的（  ）。", "1/3",
               ["1/√3", "1/2", "1/4"], "星形联结时相电压为1/√3，线电流和转矩均为1/3。",
               MEDIUM, src=SRC),
        single(p, "笼型异步电动机的降压启动方法不包括（  ）。", "转子回路串电阻启动",
               ["星-三角降压启动", "自耦变压器降压启动", "定子回路串电阻降压启动"],
               "转子回路串电阻只适用于绕线转子异步电动机。", MEDIUM, src=SRC),
        single(p, "能使三相异步电动机实现平滑无级调速的方法是（  ）。", "变频调速",
               ["变极调速", "定子串电阻", "星-三角换接"], "改变电源频率可平滑调节同步转速。",
               FAIRLY_EASY, src=SRC),
        single(p, "绕线转子异步电动机启动时，常在转子回路中接入（  ）。", "频敏变阻器",
               ["电容器", "电抗器与电容器串联", "熔断器"],
               "频敏变阻器的阻抗随转子频率下降而自动减小，适合启动。", FAIRLY_HARD, src=SRC),
        multi(p, "三相异步电动机的调速方法有（  ）。", ["变极调速", "变频调速", "变转差率调速"],
              ["变相序调速", "变联结组别调速"], "由n=60f(1-s)/p可知调速途径。", MEDIUM, src=SRC),
    ]
    for direct in rng.sample([60, 90, 120, 150], 2):
        stem = (f"某电动机直接启动电流为{direct}A，改用星-三角降压启动后，"
                "电网供给的启动电流为（  ）。")
        out.append(numeric(p, stem, direct / 3, "A", [direct / 1.732, direct / 2, direct,
                                                      direct * 3],
                           f"I_stY=I_stΔ/3={fmt(direct / 3)}A。", FAIRLY_HARD, places=1,
                           src=SRC))
    for tap in rng.sample([80, 65, 60], 2):
        k = tap / 100
        stem = (f"采用自耦变压器降压启动，抽头为{tap}%，启动转矩为直接启动时的（  ）。")
        out.append(numeric(p, stem, k * k * 100, "%", [tap, 100 - tap, k * 100 / 1.732, 100 / 3],
                           f"启动转矩与电压平方成正比：{fmt(k)}²={fmt(k * k * 100)}%。", HARD,
                           src=SRC))
    return out


def _other_motors() -> list[Question]:
    p = "BB003"
    return [
        judge(p, "只有一个工作绕组的单相异步电动机不能自行启动。", True,
              "单相绕组产生脉动磁场，启动转矩为零。", FAIRLY_EASY, src=SRC),
        judge(p, "串励直流电动机可以空载或轻载启动。", False,
              "串励电动机空载时转速会急剧升高造成“飞车”，严禁空载启动。", MEDIUM, src=SRC),
        judge(p, "同时改变直流电动机电枢电流和励磁电流的方向，电动机的转向不变。", True,
              "只改变其中之一才能改变转向。", FAIRLY_HARD, src=SRC),
        judge(p, "并励直流电动机运行中励磁回路断线，可能造成飞车事故。", True,
              "励磁消失后磁通仅剩剩磁，转速急剧升高。", FAIRLY_HARD, src=SRC),
        single(p, "电容启动式单相异步电动机，启动完毕后切除启动绕组的是（  ）。", "离心开关",
               ["热继电器", "熔断器", "时间继电器"], "转速达到额定值的75%～80%时离心开关断开。",
               MEDIUM, src=SRC),
        single(p, "改变电容运转式单相异步电动机转向的方法是（  ）。",
               "将工作绕组或启动绕组其中之一的两端对调",
               ["对调电源相线与零线", "改变电源电压", "取下电容器"],
               "对调其中一个绕组的首尾即改变旋转磁场方向。", MEDIUM, src=SRC),
        single(p, "直流电动机中，换向器的作用是（  ）。",
               "把电枢绕组中的交变电流与外部直流电流相互转换",
               ["产生主磁场", "改变电源电压", "减少铁损耗"],
               "换向器与电刷配合，使同一磁极下导体电流方向不变。", FAIRLY_HARD, src=SRC),
        single(p, "直流电动机直接启动时启动电流很大，一般采用（  ）的方法启动。", "电枢回路串电阻",
               ["励磁回路串电阻", "星-三角换接", "电枢两端并电容"],
               "电枢回路串入启动电阻可限制启动电流。", MEDIUM, src=SRC),
        multi(p, "直流电动机按励磁方式可分为（  ）。", ["他励", "并励", "串励", "复励"],
              ["自耦励"], "直流电机励磁方式有他励、并励、串励和复励。", FAIRLY_EASY, src=SRC),
        multi(p, "单相异步电动机常见的启动方式有（  ）。", ["电容启动", "电阻分相启动", "罩极启动"],
              ["星-三角启动", "转子串电阻启动"], "星-三角启动和转子串电阻启动用于三相电动机。",
              MEDIUM, src=SRC),
    ]


def _upkeep() -> list[Question]:
    p = "BB004"
    return [
        judge(p, "长期停用的电动机，使用前应测量绕组的绝缘电阻。", True,
              "受潮后绝缘降低，应测量合格后才能通电。", EASY, src=SRC),
        judge(p, "三相异步电动机运行中缺一相时，电动机会立即停转。", False,
              "运行中缺相时仍可继续转动，但电流增大、发热严重，可能烧毁绕组。", MEDIUM, src=SRC),
        judge(p, "电动机滚动轴承加润滑脂时，应将轴承室全部填满。", False,
              "润滑脂一般填充轴承室容积的1/2～2/3，过多会导致发热。", MEDIUM, src=SRC),
        judge(p, "电动机的金属外壳必须可靠接地（接零）。", True, "防止绝缘损坏时外壳带电伤人。",
              EASY, src=SRC),
        judge(p, "B级绝缘材料的极限工作温度为155℃。", False,
              "E级120℃，B级130℃，F级155℃，H级180℃。", FAIRLY_HARD, src=SRC),
        single(p, "三相异步电动机通电后不转并发出“嗡嗡”声，最可能的原因是（  ）。", "电源缺相",
               ["电源电压过高", "轴承润滑脂过多", "负载过轻"],
               "缺相时只有脉动磁场，电动机不能启动并发出嗡嗡声。", FAIRLY_EASY, src=SRC),
        single(p, "三相异步电动机三相电流的不平衡度一般不应超过（  ）。", "10%",
               ["1%", "30%", "50%"], "三相电流不平衡度超过10%应查明原因。", FAIRLY_HARD, src=SRC),
        single(p, "F级绝缘的电动机，绝缘材料允许的极限工作温度为（  ）。", "155℃",
               ["105℃", "120℃", "180℃"], "F级绝缘的极限温度为155℃。", FAIRLY_HARD, src=SRC),
        single(p, "判别三相异步电动机定子绕组首尾端，可以采用（  ）。", "万用表和干电池法",
               ["兆欧表直接测量法", "钳形电流表法", "观察导线颜色法"],
               "利用干电池通断时的感应电动势方向判别首尾端。", FAIRLY_HARD, src=SRC),
        single(p, "电动机轴承发出异常声响并明显发热，应首先检查（  ）。", "轴承润滑与磨损情况",
               ["电源频率", "接地电阻", "铭牌参数"], "轴承缺油、润滑脂变质或磨损会引起异响发热。",
               FAIRLY_EASY, src=SRC),
        multi(p, "引起三相异步电动机过热的原因有（  ）。",
              ["长期过载", "电源电压过低", "缺相运行", "通风道堵塞"], ["负载过轻"],
              "负载过轻不会使电动机过热。", MEDIUM, src=SRC),
        multi(p, "电动机运行中的日常监视内容包括（  ）。", ["电流", "温升", "声音和振动"],
              ["铭牌型号", "出厂编号"], "运行监视应关注电流、电压、温升、声音、振动和气味。",
              EASY, src=SRC),
    ]
