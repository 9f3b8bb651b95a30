"""The element tables (鉴定要素细目表) of 电工 level 4, theory and practical.

The scopes follow the 中级工 requirements of the 电工 national occupational skill standard
(2018 edition) as a demo arrangement; weights are percent of the parent, siblings sum to 100.
"""

from __future__ import annotations

# (code, name, weight or None, importance or "")
Row = tuple[str, str, int | None, str]

THEORY: list[Row] = [
    ("A", "基本要求", 30, ""),
    ("AA", "职业道德", 10, ""),
    ("AA001", "职业道德基本知识", None, "X"),
    ("AA002", "电工职业守则", None, "X"),
    ("AB", "电工基础知识", 30, ""),
    ("AB001", "直流电路基本定律", None, "X"),
    ("AB002", "电阻的串并联与复杂直流电路", None, "X"),
    ("AB003", "磁场与电磁感应", None, "X"),
    ("AB004", "单相正弦交流电路", None, "X"),
    ("AB005", "三相交流电路", None, "X"),
    ("AC", "电子技术基础", 15, ""),
    ("AC001", "半导体二极管", None, "X"),
    ("AC002", "晶体三极管及放大电路", None, "X"),
    ("AC003", "整流、滤波与稳压电路", None, "X"),
    ("AD", "电工仪表与测量", 15, ""),
    ("AD001", "万用表的使用", None, "X"),
    ("AD002", "兆欧表的使用", None, "X"),
    ("AD003", "钳形电流表与电能表", None, "Y"),
    ("AE", "安全知识", 20, ""),
    ("AE001", "安全用电与电气安全用具", None, "X"),
    ("AE002", "触电急救", None, "X"),
    ("AE003", "接地、接零与防雷", None, "X"),
    ("AF", "相关法律、法规知识", 10, ""),
    ("AF001", "劳动法及劳动合同法相关知识", None, "Z"),
    ("AF002", "安全生产法及电力法相关知识", None, "X"),
    ("B", "电气设备与低压电器", 35, ""),
    ("BA", "变压器", 30, ""),
    ("BA001", "变压器的结构与工作原理", None, "X"),
    ("BA002", "变压器的运行与维护", None, "X"),
    ("BA003", "互感器与特殊变压器", None, "Y"),
    ("BB", "电动机", 35, ""),
    ("BB001", "三相异步电动机的结构与原理", None, "X"),
    ("BB002", "三相异步电动机的启动与调速", None, "X"),
    ("BB003", "单相异步电动机与直流电动机", None, "Y"),
    ("BB004", "电动机的安装、维护与故障处理", None, "X"),
    ("BC", "常用低压电器", 35, ""),
    ("BC001", "交流接触器", None, "X"),
    ("BC002", "热继电器", None, "X"),
    ("BC003", "熔断器", None, "X"),
    ("BC004", "低压断路器", None, "X"),
    ("BC005", "主令电器与时间继电器", None, "X"),
    ("C", "控制线路与电气线路", 35, ""),
    ("CA", "电力拖动控制线路", 50, ""),
    ("CA001", "点动与自锁控制线路", None, "X"),
    ("CA002", "正反转控制线路", None, "X"),
    ("CA003", "降压启动控制线路", None, "X"),
    ("CA004", "制动控制线路", None, "X"),
    ("CA005", "顺序控制与多地控制线路", None, "Y"),
    ("CA006", "控制线路的故障检修", None, "X"),
    ("CB", "可编程控制器", 25, ""),
    ("CB001", "PLC的组成与工作原理", None, "X"),
    ("CB002", "PLC基本指令与程序设计", None, "X"),
    ("CC", "照明与动力线路", 25, ""),
    ("CC001", "照明线路的安装", None, "X"),
    ("CC002", "室内配线与导线选择", None, "X"),
    ("CC003", "动力线路与电力电缆", None, "Y"),
]

PRACTICAL: list[Row] = [
    ("A", "电气安装与调试", 60, ""),
    ("AA", "继电控制线路安装与调试", 60, ""),
    ("AA001", "三相异步电动机正反转控制线路的安装与调试", None, "X"),
    ("AA002", "三相异步电动机星-三角降压启动控制线路的安装与调试", None, "X"),
    ("AB", "照明与计量线路安装", 40, ""),
    ("AB001", "单相电能表与漏电保护器照明线路安装", None, "X"),
    ("B", "电气故障检修", 30, ""),
    ("BA", "控制线路故障检修", 100, ""),
    ("BA001", "继电控制线路常见故障的判断与排除", None, "X"),
    ("BA002", "仪表检测与通电试验", None, "Y"),
    ("C", "安全文明生产", 10, ""),
    ("CA", "安全操作与文明生产", 100, ""),
    ("CA001", "安全操作规程与劳动保护", None, "X"),
]


def points(rows: list[Row]) -> dict[str, str]:
    """Point code -> name."""
    return {code: name for code, name, _, imp in rows if imp}
