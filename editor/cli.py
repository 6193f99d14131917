"""The `proofdesk` command: `check`, `fix` and `report` on drafts and folders of drafts, `learn`, or open the editor.

`learn` proposes rows of the register of officials from a folder of published articles and,
with ``--accept``, adds the rows the desk kept to the register (`editor.core.officials.learn`).

The command line runs exactly the engine the editor runs. Every command takes several files
and folders (`editor.core.batch`); one file keeps the single-file output. Exit status: 2 when
any file could not be processed or the command was wrong (each reported on one line), else 1
when `check` or `report` found something, else 0; 130 when stopped by Ctrl+C. A defect of
ours is one line too, never a traceback: the traceback goes to a log in the user's data folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import logging
import os
import sys
import time
import traceback
from collections import Counter
from dataclasses import replace
from pathlib import Path

from editor import __version__
from editor.core.batch import (
    LOG_FORMAT,
    SUFFIXES,
    Job,
    Options,
    ProgressLine,
    Result,
    collect,
    default_workers,
    resolved,
    run,
    target_of,
)
from editor.core.engine import select_categories
from editor.core.error_rate import Checked, Publication, counting_rules
from editor.core.io import InputError, OutputError, read_document
from editor.core.io.review_record import Proposal
from editor.core.issue import Category
from editor.core.lm.sensitivity import Sensitivity
from editor.core.officials.article_date import parse_date
from editor.core.report import FORMATS as REPORT_FORMATS
from editor.core.report import CheckedFile, build_report, write_report
from editor.core.rule_info import CATEGORY_NAMES
from editor.core.userdata import user_data_dir

EXIT_CLEAN, EXIT_ISSUES, EXIT_ERROR = 0, 1, 2
#: As shells report a program stopped by Ctrl+C (128 + SIGINT).
EXIT_INTERRUPTED = 130
COMMANDS = ("check", "fix", "report", "learn")
_DRAFTS = "、".join(SUFFIXES)
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
    check.add_argument(
        "files", nargs="+", metavar="FILE", help=f"稿件或文件夹（{_DRAFTS}；- 表示从标准输入读 UTF-8 文本）"
    )
    check.add_argument("--json", action="store_true", help="输出 JSON")
    _add_common(check)

    fix = commands.add_parser("fix", help="自动应用可安全修改的问题并另存")
    fix.add_argument("files", nargs="+", metavar="FILE", help=f"稿件或文件夹（{_DRAFTS}）")
    fix.add_argument(
        "-o",
        "--output",
        help="输出文件（.docx 或 .txt，PDF 也存为这两种）；多个稿件时为输出文件夹，按原目录结构存放（PDF 存为 .docx）",
    )
    fix.add_argument("--in-place", action="store_true", help="允许覆盖原文件")
    fix.add_argument("--review", action="store_true", help="不直接改稿：写出带修订痕迹和批注的 DOCX 供审阅")
    fix.add_argument("--ignore-protection", action="store_true", help="文档设置了限制编辑时，仍写出修改后的副本")
    _add_common(fix)

    report = commands.add_parser("report", help="写出校对报告（差错率、各类问题、待核清单）")
    report.add_argument("files", nargs="+", metavar="FILE", help=f"稿件或文件夹（{_DRAFTS}）")
    report.add_argument("-o", "--output", required=True, help="报告文件：.html、.csv 或 .json（按扩展名）")
    report.add_argument(
        "--kind",
        choices=[kind.value for kind in Publication],
        default=Publication.NEWSPAPER.value,
        help="出版物类型，决定差错率的计算和合格线（默认：报纸，≤3/万）",
    )
    _add_common(report)

    learn = commands.add_parser("learn", help="从已发表的稿件中学习干部登记表（姓名、职务、排序），供审核后导入")
    learn.add_argument("files", nargs="*", metavar="ARCHIVE", help=f"已发表稿件的文件夹或文件（{_DRAFTS}）")
    learn.add_argument(
        "-o", "--output", default="officials_proposals.csv", help="写出的建议表（默认 officials_proposals.csv）"
    )
    learn.add_argument("--accept", metavar="FILE", help="把审核过的建议表中的行加入干部登记表")
    return parser


def _add_common(parser: argparse.ArgumentParser) -> None:
    categories = ",".join(category.value for category in Category)
    parser.add_argument("--only", metavar="CATS", help=f"只检查这些类别（逗号分隔：{categories}）")
    parser.add_argument("--skip", metavar="CATS", help="跳过这些类别")
    parser.add_argument(
        "--macbert",
        metavar="DIR",
        help="用本机的 MacBERT 模型文件夹检查错别字（需安装 proofdesk[neural]；"
        "不可用时改用统计模型并说明原因；默认读环境变量 PROOFDESK_MACBERT_DIR）",
    )
    parser.add_argument(
        "--sensitivity",
        choices=[level.value for level in Sensitivity],
        default=Sensitivity.STANDARD.value,
        help="统计模型报错别字的灵敏度：严格（最少误报）、标准（默认）、宽松（多报，误报也多）",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="多个稿件时同时检查的进程数（默认：本机的处理器核数）"
    )
    parser.add_argument(
        "--date",
        metavar="DATE",
        help="稿件日期（2024-12-20 或 2024年12月20日），按它核对干部职务；默认取稿件的日期行，没有则按今天",
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        if argv and not _names_a_draft(argv[0]):
            return _unknown_command(argv[0])
        from editor.gui.app import run_editor

        return run_editor(argv[:1])
    args = build_parser().parse_args(argv)
    # Warnings of the checks (a model folder that cannot be used) reach stderr on one line each.
    logging.basicConfig(format=LOG_FORMAT, level=logging.WARNING)
    try:
        if args.command == "learn":
            return _learn(args)
        options = _options(args)
        if args.command == "check":
            return _check(args, options)
        if args.command == "fix":
            return _fix(args, options)
        return _report(args, options)
    except (InputError, OutputError, ValueError) as error:
        print(f"proofdesk: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("proofdesk: 已中断", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of the output went away (check … | head): stop quietly, as Unix tools do
        _silence_stdout()
        return EXIT_ERROR
    except Exception as error:  # a defect of ours: one line for the user, the traceback kept for the maintainers
        print(f"proofdesk: 内部错误（{type(error).__name__}: {error}）{_kept_traceback()}", file=sys.stderr)
        return EXIT_ERROR


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush at exit finds no broken pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _kept_traceback() -> str:
    """Write the current traceback into the user's data folder; say where (or that it could not be kept).

    Every output is written through a temporary file and a rename, so a run that fails
    half-way has written nothing; the user needs to know that, and where the details are.
    """
    path = user_data_dir() / "logs" / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"proofdesk {__version__} {sys.argv!r}\n{traceback.format_exc()}", encoding="utf-8")
    except OSError:
        return "，未写出不完整的文件"
    return f"，未写出不完整的文件；详情见 {path}，请报告维护者"


def _names_a_draft(argument: str) -> bool:
    """Does ``proofdesk ARGUMENT`` mean a draft to open (an existing path, or a name with a draft's suffix)?"""
    return Path(argument).exists() or Path(argument).suffix.lower() in SUFFIXES


def _unknown_command(word: str) -> int:
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    hint = f"；是不是要用 {close[0]}？" if close else ""
    print(
        f"proofdesk: 没有“{word}”这个命令（可用：{'、'.join(COMMANDS)}）{hint}\n"
        f"要打开稿件，请给出已有的文件（{_DRAFTS}），如 proofdesk 稿件.docx",
        file=sys.stderr,
    )
    return EXIT_ERROR


def _options(args: argparse.Namespace) -> Options:
    if len(args.files) > 1 and "-" in args.files:
        raise ValueError("“-”（标准输入）只能单独使用")
    output = getattr(args, "output", None)
    return Options(
        categories=frozenset(select_categories(args.only, args.skip)),
        macbert=args.macbert,
        sensitivity=Sensitivity(args.sensitivity),
        fix=args.command == "fix",
        output=Path(output) if output and args.command == "fix" else None,
        several=_several(args.files),
        review=getattr(args, "review", False),
        in_place=getattr(args, "in_place", False),
        ignore_protection=getattr(args, "ignore_protection", False),
        date=_date(args.date),
    )


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    date = parse_date(text)
    if date is None:
        raise ValueError(f"--date {text}: 不是日期（应写作 2024-12-20 或 2024年12月20日）")
    return date


def _several(files: list[str]) -> bool:
    """Several drafts (more than one input, or a folder), as against today's one file."""
    return len(files) > 1 or Path(files[0]).is_dir()


def _run(args: argparse.Namespace, options: Options, jobs: list[Job]) -> list[Result]:
    """Process ``jobs``: with a progress line on a terminal, on ``--jobs`` processes (all cores by default)."""
    if args.jobs is not None and args.jobs < 1:
        raise ValueError("--jobs 须是正整数")
    workers = args.jobs or default_workers()
    progress = ProgressLine(sys.stderr) if options.several and sys.stderr.isatty() else None
    return run(jobs, options, workers, progress)


def _collect(args: argparse.Namespace) -> tuple[list[Job], list[Result]]:
    if args.files == ["-"]:
        return [Job(Path("-"), Path("-"))], []
    return collect(args.files)


def _check(args: argparse.Namespace, options: Options) -> int:
    jobs, failed = _collect(args)
    results = _run(args, options, jobs) + failed
    done = [result for result in results if result.checked is not None]
    failed = [result for result in results if result.checked is None]
    if not options.several:
        if failed:
            raise InputError(failed[0].error)
        result = done[0]
        if args.json:
            _print_json(_json_of(result))
        else:
            _print_human(result)
    elif args.json:
        _print_json({"files": [_json_of(result) for result in done], "failed": [_failure(result) for result in failed]})
    else:
        for result in done:
            _print_human(result)
        _print_failures(failed)
        _print_summary(done, failed)
    return _status(done, failed)


def _status(done: list[Result], failed: list[Result]) -> int:
    if failed:
        return EXIT_ERROR
    return EXIT_ISSUES if any(result.checked.issues for result in done) else EXIT_CLEAN


def _json_of(result: Result) -> dict:
    """The single-file object of `check --json`; a returned review adds the proposals its reviewer rejected."""
    rejected = (
        {"rejected": [_rejected_json(proposal, result.checked) for proposal in result.rejected]}
        if result.rejected
        else {}
    )
    return {
        "file": result.file,
        "characters": result.characters,
        "paragraphs": list(result.checked.texts),
        "issues": [
            {**issue.to_json(), **result.checked.place_fields(issue.paragraph)} for issue in result.checked.issues
        ],
        **rejected,
    }


def _rejected_json(proposal: Proposal, checked: Checked) -> dict:
    """A proposal of the returned review that its reviewer rejected, where its text stands now."""
    paragraph, start = proposal.found
    return {
        "rule": proposal.rule,
        "paragraph": paragraph,
        "start": start,
        "end": start + len(proposal.text),
        "text": proposal.text,
        "suggestion": proposal.suggestion,
        "joins_next": proposal.joins_next,
        "marked_as": proposal.mark.value,
        "message": proposal.message,
        **checked.place_fields(paragraph),
    }


def _failure(result: Result) -> dict:
    return {"file": result.file, "error": result.error}


def _print_json(data: dict) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def _print_human(result: Result) -> None:
    texts, issues = result.checked.texts, result.checked.issues
    encoding = f"，编码 {result.encoding}" if result.encoding else ""
    print(f"{result.file}（{result.characters} 字，{len(texts)} 段{encoding}）")
    for issue in issues:
        before, after = issue.context(texts[issue.paragraph], _EXCERPT_CONTEXT)
        suggestion = ""
        if issue.joins_next:
            suggestion = "  → 与下一段连接"
        elif issue.suggestions:
            suggestion = "  → " + " / ".join(repr(s)[1:-1] if not s.strip() else s for s in issue.suggestions)
        also = f"\n    （另有规则报同一处：{'、'.join(issue.also)}）" if issue.also else ""
        place = result.checked.place_of(issue.paragraph)
        place = f"（{place}）" if place else ""
        print(
            f"  第{issue.paragraph + 1}段{place} {issue.start}-{issue.end} [{issue.severity.value}] {issue.rule}\n"
            f"    …{before}【{issue.text}】{after}…\n"
            f"    {issue.message}{suggestion}{also}"
        )
    print(f"共 {len(issues)} 处问题" if issues else "未发现问题")
    if result.rejected:
        print(f"（审阅稿中审阅人已驳回的 {len(result.rejected)} 处建议不再列出；proofdesk report 列出它们）")


def _print_failures(failed: list[Result]) -> None:
    for result in failed:
        print(f"proofdesk: {result.error}", file=sys.stderr)


def _print_summary(done: list[Result], failed: list[Result]) -> None:
    """The batch's last lines: files, characters, findings by category, failures."""
    counts = Counter(issue.category for result in done for issue in result.checked.issues)
    by_category = "，".join(f"{CATEGORY_NAMES[c]} {counts[c]}" for c in Category if counts[c]) or "未发现问题"
    characters = sum(result.characters for result in done)
    failures = f"；{len(failed)} 个文件无法处理" if failed else ""
    print(f"共 {len(done)} 个文件，{characters:,} 字；{by_category}{failures}", file=sys.stderr)


def _fix(args: argparse.Namespace, options: Options) -> int:
    beside_pdf = args.output is None and not args.in_place
    if beside_pdf:
        options = replace(options, output=_beside_the_pdf(args.files, options.several))
    if options.several and options.output is not None and options.output.is_file():
        raise ValueError(f"{options.output}: 多个稿件时 -o 须是文件夹")
    jobs, failed = _collect(args)
    if options.several and options.output is not None:
        jobs = [job for job in jobs if not _written_before(job, options.output)]
    options = replace(options, drafts=resolved(job.path for job in jobs))
    jobs, clashes = _without_clashes(jobs, options)
    results = _run(args, options, jobs)
    done = [result for result in results if result.error is None]
    failed = [result for result in results if result.error is not None] + failed + clashes
    for result in done:
        print(result.written, file=sys.stderr)
    if beside_pdf and done:
        print(f"（PDF 只能读入、不能写回，文字存为 {options.output}；要别的名字或 .txt 请用 -o）", file=sys.stderr)
    _print_failures(failed)
    if options.several:
        _print_summary(done, failed)
    return EXIT_ERROR if failed else EXIT_CLEAN


def _beside_the_pdf(files: list[str], several: bool) -> Path:
    """Where ``fix page.pdf`` without -o writes: page.docx beside it, since a PDF is never written; a file
    already there is not overwritten. Any other draft needs -o or --in-place."""
    path = Path(files[0])
    if several or path.suffix.lower() != ".pdf":
        raise ValueError("请用 -o 指定输出文件（或用 --in-place 覆盖原文件）")
    target = path.with_suffix(".docx")
    if target.exists():
        raise ValueError(f"{target} 已存在，未覆盖；请用 -o 指定输出文件（.docx 或 .txt）")
    return target


def _written_before(job: Job, output: Path) -> bool:
    """Is ``job`` a file an earlier run wrote into ``output``, a folder inside the folder it was found in?

    ``fix day/ -o day/fixed/`` run twice does not fix its own output again (``-o day/`` itself is no
    output of an earlier run: every draft there is refused as one not to overwrite).
    """
    found_in = Path(*job.path.parts[: len(job.path.parts) - len(job.relative.parts)]).resolve()
    output = output.resolve()
    return output != found_in and job.path.resolve().is_relative_to(output)


def _without_clashes(jobs: list[Job], options: Options) -> tuple[list[Job], list[Result]]:
    """The jobs whose outputs go to distinct files; a later job writing where an earlier one does fails."""
    first: dict[Path, Job] = {}
    clashes = []
    for job in jobs:
        target = target_of(job, options).resolve()
        if target in first:
            other = first[target].path
            clashes.append(Result(str(job.path), error=f"{job.path}: 输出与 {other} 的同名（{target}），未处理"))
        else:
            first[target] = job
    return list(first.values()), clashes


def _report(args: argparse.Namespace, options: Options) -> int:
    target = Path(args.output)
    if target.suffix.lower() not in REPORT_FORMATS:
        raise ValueError(f"{target}: 不支持的报告格式（可用：{'、'.join(REPORT_FORMATS)}）")
    jobs, failed = _collect(args)
    results = _run(args, options, jobs) + failed
    done = [result for result in results if result.checked is not None]
    failed = [result for result in results if result.checked is None]
    report = build_report(
        [CheckedFile(result.file, result.checked, result.rejected) for result in done],
        [(result.file, result.error) for result in failed],
        counting_rules(args.kind),
    )
    write_report(report, target)
    _print_failures(failed)
    total = report["total"]
    print(
        f"已写入报告 {target}：{len(done)} 个文件，{total['characters']:,} 字（不计空白），"
        f"差错率 {total['rate']:.2f}/万（{args.kind}，{total['verdict']}），待核 {total['pending']} 处",
        file=sys.stderr,
    )
    return _status(done, failed)


def _learn(args: argparse.Namespace) -> int:
    """``learn ARCHIVE...``: write the proposals; ``learn --accept FILE``: add the rows kept to the register."""
    from editor.core.officials import learn
    from editor.core.officials.register import register_path

    if args.accept:
        if args.files:
            raise ValueError("--accept 只读审核过的建议表，不再给稿件文件夹")
        register = register_path()
        done = learn.accept(learn.read_proposals(Path(args.accept)), register)
        print(f"已加入干部登记表 {register}：新增 {done.added} 行，已有 {done.present} 行", file=sys.stderr)
        for problem in done.problems:
            print(f"proofdesk: 登记表：{problem}", file=sys.stderr)
        return EXIT_ERROR if done.problems else EXIT_CLEAN
    if not args.files:
        raise ValueError("请给出已发表稿件的文件夹（或用 --accept 导入审核过的建议表）")
    jobs, failed = collect(args.files)
    documents = []
    for job in jobs:
        try:
            documents.append(read_document(job.path))
        except InputError as error:
            failed.append(Result(str(job.path), error=str(error)))
    proposals = learn.learn(documents)
    learn.write_proposals(proposals, Path(args.output))
    _print_failures(failed)
    people = len({sighting.name for sighting in proposals.sightings})
    print(
        f"已写入建议表 {args.output}：{proposals.articles} 篇稿件，{people} 人，{len(proposals.sightings)} 行职务，"
        f"{len(proposals.ranks)} 人有排序；审核后用 proofdesk learn --accept {args.output} 导入",
        file=sys.stderr,
    )
    return EXIT_ERROR if failed else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
