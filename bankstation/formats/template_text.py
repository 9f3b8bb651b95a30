"""What the import template shows: one example question per type and the 说明 sheet's text."""

from __future__ import annotations

from bankstation.domain.answers import MarkingPoint
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent, RubricRow

_RUBRIC = (
    RubricRow("线路安装", "元件布置与接线", 40, "接线错误每处扣 5 分"),
    RubricRow("通电调试", "正反转功能", 50, "一次通电不成功扣 20 分"),
    RubricRow("安全文明生产", "工具使用与清场", 10, "违反安全规程扣 10 分"),
)
EXAMPLES = (
    QuestionContent(QType.JUDGE, "AA001", "我国规定的安全电压额定值有 42V、36V、24V、12V 和 6V。",
                    answer="√", difficulty=0.85, analysis="见 GB/T 3805—2008。", source="国家标准"),
    QuestionContent(QType.SINGLE, "AA001", "电阻的国际单位是（　）。",
                    options=("伏特", "安培", "欧姆", "瓦特"), answer="C", difficulty=0.75),
    QuestionContent(QType.MULTIPLE, "AA002", "下列属于基本绝缘安全用具的有（　）。",
                    options=("绝缘棒", "绝缘夹钳", "绝缘手套", "安全帽"), answer="AB",
                    difficulty=0.5, enemy_group="安全用具-1"),
    QuestionContent(QType.FILL, "AA002", "电流的单位是______，电压的单位是______。",
                    blanks=(("安培", "A"), ("伏特", "V")), difficulty=0.75),
    QuestionContent(QType.SHORT, "AB001", "简述发现有人触电时的处理步骤。",
                    answer="【得分点】立即使触电者脱离电源（2分）\n【得分点】检查呼吸和心跳（2分）\n"
                    "【得分点】进行心肺复苏并拨打急救电话（1分）",
                    marking=(MarkingPoint("立即使触电者脱离电源", 2.0),
                             MarkingPoint("检查呼吸和心跳", 2.0),
                             MarkingPoint("进行心肺复苏并拨打急救电话", 1.0))),
    QuestionContent(QType.CALC, "AB002", "一只 220V、100W 的灯泡正常工作时，电流是多少安？",
                    answer="I = P/U = 100/220 ≈ 0.45 A", difficulty=0.65),
    QuestionContent(QType.ESSAY, "AB002", "论述电气安全管理制度在企业生产中的作用。",
                    answer="从预防事故、明确责任、规范作业三方面论述，言之有理即可。",
                    difficulty=0.35),
    QuestionContent(QType.CASE, "AB001", "某车间工人检修设备时未挂警示牌，导致他人误合闸触电。"
                    "请分析事故原因并提出防范措施。",
                    answer="原因：违反停电检修挂牌制度。措施：严格执行停电、验电、挂牌、上锁。",
                    difficulty=0.5),
    QuestionContent(QType.PRACTICAL, "BA001", "三相异步电动机正反转控制线路的安装与调试",
                    difficulty=0.65, code="SC-001", time_limit=60,
                    site_prep="电工实训台 1 套、三相异步电动机 1 台、导线若干",
                    candidate_prep="穿戴绝缘鞋、工作服；自备电工工具一套",
                    rubric=_RUBRIC),
)

QUESTION_NOTES = (
    ("试题编号", "选填", "试题的固定编号。再次导入同一编号即为该题的新版本；操作技能考核题必填，"
     "用来对应「评分表」。同一文件中不能重复。"),
    ("题型", "必填", "判断题、单项选择题、多项选择题、填空题、简答题、计算题、论述题、案例分析题、"
     "操作技能考核题。"),
    ("鉴定点", "必填", "鉴定要素细目表中的鉴定点代码，如 AA001（鉴定范围代码加三位数字）。"),
    ("题干", "必填", "试题内容。填空题的空用 ______ 或（　）表示。"),
    ("选项A～选项H", "选择题必填", "从选项A起依次填写，至少两个，中间不能空。其他题型不填。"),
    ("答案", "必填", "判断题：√ 或 ×（也可写 对/错、正确/错误、T/F）；单项选择题：一个字母；"
     "多项选择题：两个或以上字母，如 ABD、A,B,D、A、B、D；填空题：各空答案用「；」或「|」分开，"
     "同一空的几种答法用「/」分开；简答、计算、论述、案例分析题：参考答案，评分要点写成"
     "【得分点】……（2分）。操作技能考核题可不填。"),
    ("难度", "选填", "0–1 的难度系数（越大越容易），或 1–5 的等级，或 易/较易/中等/较难/难；"
     "不填按 0.65（中等）。"),
    ("解析", "选填", "答案解析。"),
    ("出处", "选填", "教材、标准等出处。"),
    ("互斥组", "选填", "同一互斥组的试题不会出现在同一份试卷中。"),
    ("时限", "操作技能考核题必填", "考核时限，单位分钟，如 60。"),
    ("考场准备", "选填", "操作技能考核题的考场准备（设备、材料）。"),
    ("考生准备", "选填", "操作技能考核题的考生准备（工具、着装）。"),
)

RUBRIC_NOTES = (
    ("评分表", "", "操作技能考核题的评分表，每行一个评分项：试题编号（与「试题」工作表相同）、"
     "考核内容、评分要素、配分（大于 0 的分数）、评分标准。"),
)

GENERAL_NOTES = (
    "第一行是表头，列的顺序可以调整，多余的列会被忽略并提示。",
    "导入时会先检查整个文件，列出每一处问题（行号和列名）；有问题时一道题也不导入。",
    "也可以把「试题」工作表另存为 CSV（UTF-8 或 GB18030 编码），但 CSV 放不下评分表。",
    "示例行仅供参考，导入前请删除。",
)
