"""The register of officials: one row per post held, kept by the desk as CSV or an Excel workbook.

Columns (UTF-8 CSV with a header, or the first sheet of an .xlsx with the same header):
``name,post,from,to,rank,status`` — ``post`` as printed (区委副书记、区长), ``from``/``to`` ISO dates
(``to`` empty while in office), ``rank`` an integer (smaller is listed first), ``status`` empty or
免职, 落马, 去世. The file lives in the user data folder, or in a folder the desk shares on a network
drive (`set_register_folder`), so the editor and ``proofdesk check`` read the same one.

Reading never raises on a bad row: every problem becomes a Chinese message naming its line
(`Register.problems`), and the rows that are sound are used. Two rows that hold one post at
the same time conflict, unless the post has several holders (副区长, 常委, 委员).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.io.atomic import write_atomically
from editor.core.io.errors import OutputError
from editor.core.userdata import file_stamp, user_data_dir

logger = logging.getLogger(__name__)

COLUMNS = ("name", "post", "from", "to", "rank", "status")
REQUIRED = ("name", "post")
STATUSES = ("", "免职", "落马", "去世")
#: Statuses that make a person's every current role wrong to print.
REMOVED = frozenset({"免职", "落马"})
CSV_FILE = "officials.csv"
XLSX_FILE = "officials.xlsx"
#: In the user data folder: the folder of a register shared by the desk, one line (absent: the data folder).
FOLDER_SETTING = "officials_folder.txt"
#: Posts several people hold at once: a deputy, a member of a committee.
_SHARED_POST_STARTS = ("副",)
_SHARED_POST_ENDS = ("委员", "常委", "成员", "代表", "干事")


class RegisterError(ValueError):
    """The register cannot be read at all (no such file, not a CSV or workbook); the message is Chinese."""


@dataclass(frozen=True)
class Official:
    """One row of the register: ``name`` held ``post`` from ``start`` to ``end`` (None: still in office)."""

    name: str
    post: str
    start: dt.date | None = None
    end: dt.date | None = None
    rank: int | None = None
    status: str = ""
    line: int = 0  # the row's line in the file (the header is line 1), named by every finding that relies on it

    @property
    def parts(self) -> tuple[str, ...]:
        """The posts a combined post is made of: 区委副书记、区长 → 区委副书记, 区长."""
        return tuple(part for part in self.post.split("、") if part)

    def holds_on(self, day: dt.date) -> bool:
        """Whether the post was held on ``day`` (the status aside)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def term(self) -> str:
        """The term in words: 2021-06-01—至今."""
        start = self.start.isoformat() if self.start else "?"
        return f"{start}—{self.end.isoformat() if self.end else '至今'}"

    def describe(self) -> str:
        """The row as findings name it: 登记表第 3 行：恽淇丞，区委副书记、区长，2021-06-01—至今."""
        status = f"，{self.status}" if self.status else ""
        return f"登记表第 {self.line} 行：{self.name}，{self.post}，{self.term}{status}"

    def to_row(self) -> list[str]:
        return [
            self.name,
            self.post,
            self.start.isoformat() if self.start else "",
            self.end.isoformat() if self.end else "",
            "" if self.rank is None else str(self.rank),
            self.status,
        ]


@dataclass(frozen=True)
class Register:
    """The sound rows of a register, the problems of the others, and the file read (None: no register)."""

    officials: tuple[Official, ...] = ()
    problems: tuple[str, ...] = ()
    path: Path | None = None
    by_name: dict[str, tuple[Official, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Official]] = {}
        for official in self.officials:
            grouped.setdefault(official.name, []).append(official)
        object.__setattr__(self, "by_name", {name: tuple(rows) for name, rows in grouped.items()})

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.by_name)

    @property
    def posts(self) -> frozenset[str]:
        """Every single post the register knows (the parts of combined posts)."""
        return frozenset(part for official in self.officials for part in official.parts)


def parse_rows(rows: Iterable[Sequence[object]], source: str = "登记表") -> Register:
    """A register from its rows, the header first; every problem is a message naming its line."""
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        return Register(problems=(f"{source}：文件是空的，第一行应是列名 {','.join(COLUMNS)}",))
    names = [_cell(value).lower() for value in header]
    unknown = [name for name in names if name and name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in names]
    problems = [f"{source} 第 1 行：未知的列“{name}”（可用的列：{'、'.join(COLUMNS)}）" for name in unknown]
    if missing:
        problems.append(f"{source} 第 1 行：缺少列 {'、'.join(missing)}")
        return Register(problems=tuple(problems))
    officials: list[Official] = []
    for line, row in enumerate(rows, start=2):
        cells = {name: _cell(row[i]) if i < len(row) else "" for i, name in enumerate(names) if name in COLUMNS}
        if not any(cells.values()):
            continue
        official, row_problems = _official(cells, line, source)
        problems += row_problems
        if official is not None:
            officials.append(official)
    problems += _overlaps(officials, source)
    return Register(tuple(officials), tuple(problems))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _official(cells: dict[str, str], line: int, source: str) -> tuple[Official | None, list[str]]:
    where = f"{source} 第 {line} 行"
    problems = [f"{where}：{column} 列是空的" for column in REQUIRED if not cells.get(column)]
    dates: dict[str, dt.date | None] = {}
    for column in ("from", "to"):
        value = cells.get(column, "")
        try:
            dates[column] = dt.date.fromisoformat(value) if value else None
        except ValueError:
            problems.append(f"{where}：{column} 列的“{value}”不是日期（应写作 2024-06-01）")
    rank_text = cells.get("rank", "")
    rank = None
    if rank_text:
        try:
            rank = int(rank_text)
        except ValueError:
            problems.append(f"{where}：rank 列的“{rank_text}”不是整数（数小的排在前面）")
    status = cells.get("status", "")
    if status not in STATUSES:
        problems.append(f"{where}：status 列的“{status}”不可用（可用：空、{'、'.join(STATUSES[1:])}）")
    start, end = dates.get("from"), dates.get("to")
    if start and end and end < start:
        problems.append(f"{where}：任职结束 {end} 早于开始 {start}")
    if problems:
        return None, problems
    return Official(cells["name"], cells["post"], start, end, rank, status, line), []


def _shared(post: str) -> bool:
    return post.startswith(_SHARED_POST_STARTS) or post.endswith(_SHARED_POST_ENDS)


def _overlap(a: Official, b: Official) -> bool:
    a_before_b_ends = b.end is None or a.start is None or a.start <= b.end
    return a_before_b_ends and (a.end is None or b.start is None or b.start <= a.end)


def _overlaps(officials: Sequence[Official], source: str) -> list[str]:
    """Two rows holding one post at the same time: one person twice, or two people in a post of one holder."""
    problems = []
    for i, a in enumerate(officials):
        for b in officials[i + 1 :]:
            common = [part for part in a.parts if part in b.parts and (a.name == b.name or not _shared(part))]
            if common and _overlap(a, b):
                problems.append(
                    f"{source} 第 {a.line} 行与第 {b.line} 行：“{common[0]}”的任期重叠"
                    f"（{a.name} {a.term}，{b.name} {b.term}）"
                )
    return problems


def read_table(path: Path) -> list[list[str]]:
    """The rows of a register file as text, the header first, sound or not (the editor's table shows them all).

    `RegisterError` when the file cannot be read at all.
    """
    path = Path(path)
    try:
        if path.suffix.lower() == ".xlsx":
            rows = _xlsx_rows(path)
        else:
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except UnicodeDecodeError:
        raise RegisterError(f"{path}: 不是 UTF-8 编码的 CSV（请另存为“CSV UTF-8”）") from None
    except OSError as error:
        raise RegisterError(f"{path}: 无法读取（{error.strerror or error}）") from None
    except csv.Error as error:
        raise RegisterError(f"{path}: 不是有效的 CSV（{error}）") from None
    return [[_cell(value) for value in row] for row in rows]


def read_register(path: Path) -> Register:
    """The register in ``path`` (.csv or .xlsx); `RegisterError` when the file cannot be read at all."""
    register = parse_rows(read_table(path), Path(path).name)
    return Register(register.officials, register.problems, Path(path))


def _xlsx_rows(path: Path) -> list[tuple]:
    import openpyxl  # only a workbook needs it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # no such file, or a damaged workbook: zipfile, KeyError and openpyxl's own errors
        raise RegisterError(f"{path}: 不是可读的 Excel 工作簿（{error}）") from None
    try:
        return [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def write_table(path: Path, rows: Iterable[Sequence[str]]) -> None:
    """Write rows of text (the header first) to ``path``: UTF-8 CSV, or a workbook for .xlsx; atomically."""
    path = Path(path)
    rows = [list(row) for row in rows]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{path.parent}: 无法创建文件夹（{error.strerror or error}）") from None
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append(row)
        write_atomically(path, workbook.save)
        return
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    write_atomically(path, lambda stream: stream.write(data))


def write_register(path: Path, officials: Iterable[Official]) -> None:
    """Write ``officials`` to ``path`` (.csv as UTF-8 with its header, or .xlsx), atomically."""
    write_table(path, [list(COLUMNS), *(official.to_row() for official in officials)])


def register_folder() -> Path:
    """The folder of the register: the shared one the desk set (`set_register_folder`), else the user data folder."""
    setting = user_data_dir() / FOLDER_SETTING
    try:
        folder = setting.read_text(encoding="utf-8-sig").strip()
    except (OSError, UnicodeDecodeError):
        folder = ""
    return Path(folder) if folder else user_data_dir()


def set_register_folder(folder: Path | None) -> None:
    """Keep the register in ``folder`` (a network drive the desk shares); None: back to the user data folder."""
    setting = user_data_dir() / FOLDER_SETTING
    setting.parent.mkdir(parents=True, exist_ok=True)
    data = f"{folder}\n".encode() if folder else b""
    write_atomically(setting, lambda stream: stream.write(data))


def register_path() -> Path:
    """The register file: officials.xlsx in the register folder if there is one, else officials.csv."""
    folder = register_folder()
    workbook = folder / XLSX_FILE
    return workbook if workbook.exists() else folder / CSV_FILE


_cached: tuple[Path, tuple[int, int] | None, Register] | None = None


def current_register() -> Register:
    """The register the checks use, read again whenever its file changes; an unreadable one is empty, with why."""
    global _cached
    path = register_path()
    stamp = file_stamp(path)
    if _cached is not None and _cached[:2] == (path, stamp):
        return _cached[2]
    if stamp is None:
        register = Register()
    else:
        try:
            register = read_register(path)
        except RegisterError as error:
            register = Register(problems=(str(error),), path=path)
        for problem in register.problems:
            logger.warning("干部登记表：%s", problem)
    _cached = (path, stamp, register)
    return register
