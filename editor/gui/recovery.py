"""Autosave to a recovery file, and find the files a crashed session left behind.

Each editor window writes its unsaved text to its own file under the user's data
folder (atomically, so a crash mid-write leaves the previous one). A clean close or a
save deletes it. At start-up, a file whose process is gone, or that belongs to no
open window of this process, is offered for restoring.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from editor.core.io.atomic import write_atomically
from editor.core.userdata import user_data_dir

logger = logging.getLogger(__name__)

_live_sessions: set[str] = set()


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


@dataclass(frozen=True)
class Recovery:
    """An autosaved text: where it came from (None for an unsaved draft) and its paragraphs."""

    file: Path
    source: str | None
    texts: list[str]
    saved_at: float

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)


class RecoveryFile:
    """The recovery file of one window."""

    def __init__(self, directory: Path | None = None) -> None:
        self.session = uuid.uuid4().hex
        self.path = (directory or recovery_dir()) / f"{self.session}.json"
        _live_sessions.add(self.session)

    def save(self, source: str | None, texts: list[str]) -> None:
        record = {
            "pid": os.getpid(),
            "session": self.session,
            "source": source,
            "texts": texts,
            "saved_at": time.time(),
        }
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, lambda stream: stream.write(data))

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """The window closed cleanly: nothing to recover."""
        self.discard()
        _live_sessions.discard(self.session)


def orphans(directory: Path | None = None) -> list[Recovery]:
    """Recovery files no running window owns, newest first; unreadable ones are skipped."""
    folder = directory or recovery_dir()
    found: list[Recovery] = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            texts = [str(text) for text in record["texts"]]
            pid, session = int(record["pid"]), str(record["session"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            logger.warning("skipping unreadable recovery file %s: %s", path, error)
            continue
        if session in _live_sessions or (pid != os.getpid() and _alive(pid)):
            continue
        found.append(Recovery(path, record.get("source"), texts, float(record.get("saved_at", 0))))
    return sorted(found, key=lambda recovery: recovery.saved_at, reverse=True)


def _alive(pid: int) -> bool:
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)
        return bool(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
