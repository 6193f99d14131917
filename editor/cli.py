"""The `proofdesk` command: `check` and `fix` drafts, or open the editor.

The command line runs exactly the engine the editor runs. Exit status: 0 clean or
done, 1 issues found (`check`), 2 a file or usage error, reported on one line.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from editor import __version__
from editor.core.engine import Engine, safe_fixes, select_categories
from editor.core.io import InputError, OutputError, read_document, read_stdin, write_document
from editor.core.io.docx_review import write_review_docx
from editor.core.io.errors import ProtectedDocument
from editor.core.repair import apply_fixes

EXIT_CLEAN, EXIT_ISSUES, EXIT_ERROR = 0, 1, 2
_EXCERPT_CONTEXT = 8


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exits with 2 as well, but prints usage twice
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"proofdesk: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="proofdesk", description="校对台：中文报刊稿件校对（排版断行、别字、数字、标点、人名）")
    parser.add_argument("--version", action="version", version=f"proofdesk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="检查稿件并列出问题")
    check.add_argument("file", help="稿件（.txt / .docx；- 表示从标准输入读 UTF-8 文本）")
    check.add_argument("--json", action="store_true", help="输出 JSON")
    _add_selection(check)
    _add_typo_engine(check)

    fix = commands.add_parser("fix", help="自动应用可安全修改的问题并另存")
    fix.add_argument("file", help="稿件（.txt / .docx）")
    fix.add_argument("-o", "--output", help="输出文件（.docx 或 .txt）")
    fix.add_argument("--in-place", action="store_true", help="允许覆盖原文件")
    fix.add_argument("--review", action="store_true", help="不直接改稿：写出带修订痕迹和批注的 DOCX 供审阅")
    fix.add_argument("--ignore-protection", action="store_true", help="文档设置了限制编辑时，仍写出修改后的副本")
    _add_selection(fix)
    _add_typo_engine(fix)
    return parser


def _add_selection(parser: argparse.ArgumentParser) -> None:
    categories = "layout,typo,name,number,punctuation"
    parser.add_argument("--only", metavar="CATS", help=f"只检查这些类别（逗号分隔：{categories}）")
    parser.add_argument("--skip", metavar="CATS", help="跳过这些类别")


def _add_typo_engine(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--macbert",
        metavar="DIR",
        help="用本机的 MacBERT 模型文件夹检查错别字（需安装 proofdesk[neural]；"
        "不可用时改用统计模型并说明原因；默认读环境变量 PROOFDESK_MACBERT_DIR）",
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0] not in {"check", "fix"} and not argv[0].startswith("-")):
        from editor.gui.app import run_editor

        return run_editor(argv[:1])
    args = build_parser().parse_args(argv)
    # Warnings of the checks (a model folder that cannot be used) reach stderr on one line each.
    logging.basicConfig(format="proofdesk: %(message)s", level=logging.WARNING)
    if args.macbert:
        from editor.core.lm.typo_engine import set_model_dir

        set_model_dir(args.macbert)
    try:
        categories = select_categories(args.only, args.skip)
        if args.command == "check":
            return _check(args, Engine(categories))
        return _fix(args, Engine(categories))
    except ProtectedDocument as error:
        print(f"proofdesk: {error}；确需写出修改后的副本，请加 --ignore-protection", file=sys.stderr)
        return EXIT_ERROR
    except (InputError, OutputError, ValueError) as error:
        print(f"proofdesk: {error}", file=sys.stderr)
        return EXIT_ERROR


def _read(file: str):
    return read_stdin() if file == "-" else read_document(file)


def _check(args: argparse.Namespace, engine: Engine) -> int:
    document = _read(args.file)
    issues = engine.check(document).issues
    if args.json:
        report = {
            "file": document.name,
            "characters": document.characters,
            "paragraphs": document.texts,
            "issues": [issue.to_json() for issue in issues],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_human(document, issues)
    return EXIT_ISSUES if issues else EXIT_CLEAN


def _print_human(document, issues) -> None:
    encoding = f"，编码 {document.encoding}" if document.encoding else ""
    print(f"{document.name}（{document.characters} 字，{len(document.paragraphs)} 段{encoding}）")
    for issue in issues:
        text = document.paragraphs[issue.paragraph].text
        before = text[max(0, issue.start - _EXCERPT_CONTEXT) : issue.start]
        after = text[issue.end : issue.end + _EXCERPT_CONTEXT]
        suggestion = ""
        if issue.joins_next:
            suggestion = "  → 与下一段连接"
        elif issue.suggestions:
            suggestion = "  → " + " / ".join(repr(s)[1:-1] if not s.strip() else s for s in issue.suggestions)
        also = f"\n    （另有规则报同一处：{'、'.join(issue.also)}）" if issue.also else ""
        print(
            f"  第{issue.paragraph + 1}段 {issue.start}-{issue.end} [{issue.severity.value}] {issue.rule}\n"
            f"    …{before}【{issue.text}】{after}…\n"
            f"    {issue.message}{suggestion}{also}"
        )
    print(f"共 {len(issues)} 处问题" if issues else "未发现问题")


def _fix(args: argparse.Namespace, engine: Engine) -> int:
    source = Path(args.file)
    if args.output is None and not args.in_place:
        raise ValueError("请用 -o 指定输出文件（或用 --in-place 覆盖原文件）")
    target = Path(args.output) if args.output else source
    if target.exists() and target.resolve() == source.resolve() and not args.in_place:
        raise ValueError(f"{target}: 不会覆盖原稿；另存为其他文件，或加 --in-place")
    if args.review and target.suffix.lower() != ".docx":
        raise ValueError(f"{target}: 审阅稿只能写成 .docx")
    document = read_document(source)
    result = engine.check(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    encoding = f"（原稿编码 {document.encoding}）" if document.encoding else ""
    if args.review:
        write_review_docx(result.repaired.draft, result.issues, target, ignore_protection=args.ignore_protection)
        print(f"已写入审阅稿 {target}：{len(result.issues)} 处修订或批注{encoding}", file=sys.stderr)
        return EXIT_CLEAN
    repaired = apply_fixes(result.repaired.draft, safe_fixes(result.issues))
    write_document(repaired, target, ignore_protection=args.ignore_protection)
    print(f"已写入 {target}：应用 {len(repaired.applied)} 处修改{encoding}", file=sys.stderr)
    return EXIT_CLEAN
