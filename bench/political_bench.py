"""Benchmark of the political and word-form rules: caught and missed on written cases, false flags on clean news.

Cases: sentences written for this benchmark (not the rule files' own examples), each a slip
the rule must flag, and beside them correct sentences (partial quotes, extensions by a right
qualifier, variants the documents use) it must leave alone. Clean text: 新闻联播 transcripts
and 1998 人民日报 from ``shared/corpus``, which the formulation miner (it reads only
``corpus/gov``) and the tuning of the rules (xwlb_020–029) did not read; every flag there is
counted as false (the transcripts are broadcast copy, proofread).

    .venv/bin/python bench/political_bench.py [--files xwlb_011 xwlb_015 ...] [--list]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from editor.core.checks.formulations import check_formulations
from editor.core.checks.word_forms import check_traditional, check_variant_words
from editor.core.document import Paragraph

SHARED = Path(__file__).resolve().parents[2] / "shared"
CHECKS = {
    "political.formulation": check_formulations,
    "typo.variant_word": check_variant_words,
    "typo.traditional": check_traditional,
}
#: (rule, sentence with a slip): each must be flagged by its rule.
SLIPS = [
    ("political.formulation", "全区上下要不忘初衷、牢记使命，奋力谱写新篇章。"),
    ("political.formulation", "各级党组织要坚持不忘初心、牢计使命。"),
    ("political.formulation", "完整准确全面贯彻创新、协调、开放、绿色、共享的新发展理念。"),
    ("political.formulation", "坚持以创新、协调、绿色、开放、共享发展理念引领发展。"),
    ("political.formulation", "党员干部要增强政治意识、大局意识、看齐意识、核心意识。"),
    ("political.formulation", "坚定道路自信、理论自信、文化自信、制度自信。"),
    ("political.formulation", "对标产业兴旺、生态宜居、乡风文明、生活富裕、治理有效的总要求。"),
    ("political.formulation", "加快构建以国内大循环为主体、国内国际双循环相互促近的新发展格局。"),
    ("political.formulation", "践行绿水青山就是金山银山理念，绿水青山既是金山银山。"),
    ("political.formulation", "全面贯彻习近平新时代中国特色社会主意思想。"),
    ("political.formulation", "坚持稳中求进工作总基凋，统筹发展和安全。"),
    ("political.formulation", "深入推进国家治理体系和治理能力现代华。"),
    (
        "political.formulation",
        "积极培育和践行富强、民主、文明、和谐，自由、平等、法治、公正，爱国、敬业、诚信、友善的社会主义核心价值观。",
    ),
    ("political.formulation", "统筹推进经济建设、政治建设、文化建设、生态文明建设、社会建设。"),
    ("political.formulation", "坚持党的领导、人民当家做主、依法治国有机统一。"),
    ("political.formulation", "切实保障人民当家做主的权利。"),
    ("political.formulation", "区委常委会认真传达学习党的二十次三中全会精神。"),
    ("political.formulation", "热烈庆祝中国共产党第二十届全国代表大会胜利召开。"),
    ("political.formulation", "认真贯彻落实中央八项规矩精神。"),
    ("political.formulation", "坚决做到统筹推进“五位一体”总体布局、统筹推进“四个全面”战略布局。"),
    ("political.formulation", "坚定“四个意识”、增强“四个自信”。"),
    ("political.formulation", "积极发展全过程民主。"),
    ("political.formulation", "推动构建人类命运共同休。"),
    ("political.formulation", "稳就业、稳金融、稳外资、稳外贸、稳投资、稳预期工作扎实推进。"),
    ("political.formulation", "马克思列宁主义、毛泽东思想、邓小平理论、科学发展观、“三个代表”重要思想。"),
    ("typo.variant_word", "他曾积极参预家乡的道路建设。"),
    ("typo.variant_word", "老厂惨澹经营多年后终于扭亏。"),
    ("typo.variant_word", "这一问题必须澈底整改到位。"),
    ("typo.variant_word", "街道正在筹画一场邻里节。"),
    ("typo.variant_word", "博物馆新近征集了一批清代磁器。"),
    ("typo.variant_word", "这是历史赐与我们的宝贵机遇。"),
    ("typo.variant_word", "大家纷纷为演员们喝采。"),
    ("typo.variant_word", "要大力宏扬劳模精神。"),
    ("typo.traditional", "区委召开全会，研究部署經濟工作。"),
    ("typo.traditional", "会议由區長主持。"),
    ("typo.traditional", "髙新区新增企业30家。"),
    ("typo.traditional", "市民在广场上观看了演出，気氛热烈。"),
]
#: Correct sentences the rules must leave alone: partial quotes, right extensions and variants, names, titles.
CLEAN = [
    "开展“不忘初心、牢记使命”主题教育。",
    "不忘初心，方得始终。",
    "完整、准确、全面贯彻新发展理念。",
    "坚持创新、协调、绿色、开放、共享的新发展理念。",
    "坚定文化自信，繁荣文化事业。",
    "推动构建中国—中亚命运共同体。",
    "推进基层治理体系和治理能力现代化。",
    "坚持稳中求进的工作总基调。",
    "深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神。",
    "习近平新时代中国特色社会主义经济思想。",
    "既要绿水青山，也要金山银山。",
    "党的二十届三中全会胜利召开。",
    "中国共产党第二十次全国代表大会。",
    "第十四届全国人民代表大会第三次会议。",
    "严格落实中央八项规定及其实施细则精神。",
    "以邓小平理论、“三个代表”重要思想、科学发展观为指导。",
    "他的著作等身，乾隆年间的旧宅保存完好。",
    "店门口挂着“東來順”的老招牌。",
    "按辈分他该叫我一声叔叔。",
    "这是几代人筚路蓝缕干出来的。",
]


def found(rule: str, text: str) -> bool:
    return any(issue.rule.startswith(rule) for issue in CHECKS[rule](0, Paragraph(text)))


def clean_lines(paths: list[Path]) -> list[str]:
    return [line.strip() for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", nargs="*", default=["xwlb_011", "xwlb_015", "xwlb_019"])
    parser.add_argument("--list", action="store_true", help="print every flag on the clean text")
    arguments = parser.parse_args()
    for rule in CHECKS:
        cases = [text for case_rule, text in SLIPS if case_rule == rule]
        caught = [text for text in cases if found(rule, text)]
        print(f"{rule:24} caught {len(caught)}/{len(cases)}")
        for text in cases:
            if text not in caught:
                print(f"    missed: {text}")
    wrong = [(rule, text) for text in CLEAN for rule in CHECKS if found(rule, text)]
    print(f"correct sentences flagged: {len(wrong)}/{len(CLEAN)}")
    for rule, text in wrong:
        print(f"    {rule}: {text}")
    sources = {
        "news " + ", ".join(arguments.files): [SHARED / "corpus" / "news" / f"{name}.txt" for name in arguments.files],
        # written before GF 1001-2001 (2002): its variant words were the norm of the day
        "人民日报 1998-01": sorted((SHARED / "corpus" / "pd1998").glob("*.txt")),
    }
    for name, paths in sources.items():
        lines = clean_lines(paths)
        characters = sum(map(len, lines))
        print(f"clean text: {name}, {characters:,} characters")
        for rule, check in CHECKS.items():
            started, flags = time.process_time(), Counter()
            for line in lines:
                for issue in check(0, Paragraph(line)):
                    flags[issue.text] += 1
                    if arguments.list:
                        print(f"    {rule}: {issue.text} | {line[max(0, issue.start - 12) : issue.end + 12]}")
            total = sum(flags.values())
            rate = total / characters * 100_000
            seconds = time.process_time() - started
            print(f"  {rule:24} flags {total:4} = {rate:.3f} per 100,000 characters ({seconds:.1f} s CPU)")
            if flags:
                print("      " + "、".join(f"{text}×{count}" for text, count in flags.most_common(12)))


if __name__ == "__main__":
    main()
