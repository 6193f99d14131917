"""The copy editor's decisions on findings, kept with the document across edits and sessions.

A decision (accepted, ignored once, ignored everywhere) is anchored by what the finding
is, never by where it is: its rule, the flagged text and a few characters around it.
Offsets and paragraph numbers move whenever the user types, joins or undoes a join; the
flagged words and their neighbours do not. An "ignore once" hides a finding of the same
rule on the same text whose nearest characters on either side are still those recorded
(one side may change: typing beside it, or a join that gives a fragment's last word a
new right-hand neighbour; a paragraph's edge is no evidence, since every layout cut ends
its paragraph); "ignore everywhere" hides every finding of the rule on that
text in this document; an accepted fix hides nothing (its text is gone) but is kept for
the record and the review.

The decisions of a saved draft are stored in the user data folder, one JSON file per
draft keyed by its resolved path (`decisions_file`), not beside the draft: a newsroom's
shared folders and read-only archives get no stray files, and nothing of the desk's
work travels with a copy sent to the author. Reading a damaged file gives no decisions
and a warning, never an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path

from editor.core.io.atomic import write_atomically
from editor.core.io.errors import OutputError
from editor.core.issue import Issue
from editor.core.userdata import user_data_dir

logger = logging.getLogger(__name__)

#: How many characters on each side of a finding anchor an "ignore once".
CONTEXT = 6
#: How many of the nearest of them must still be there on one side for the anchor to hold.
NEAREST = 3
_FOLDER = "decisions"
_VERSION = 1


class Kind(str, Enum):
    """What the user decided about a finding."""

    ACCEPTED = "accepted"
    IGNORED = "ignored"
    IGNORED_EVERYWHERE = "ignored_everywhere"


@dataclass(frozen=True)
class Decision:
    """One decision: its kind, the finding's rule and flagged text, the text around it, the fix taken."""

    kind: Kind
    rule: str
    text: str
    before: str = ""
    after: str = ""
    replacement: str | None = None

    @classmethod
    def of(cls, kind: Kind, issue: Issue, paragraph_text: str) -> Decision:
        """The decision ``kind`` on ``issue``, found in a paragraph reading ``paragraph_text``."""
        before, after = issue.context(paragraph_text, CONTEXT) if kind is not Kind.IGNORED_EVERYWHERE else ("", "")
        replacement = issue.replacement if kind is Kind.ACCEPTED else None
        return cls(kind, issue.rule, issue.text, before, after, replacement)

    @property
    def category(self) -> str:
        """The category of its rule (a rule id begins with it: ``typo.idiom``)."""
        return self.rule.split(".", 1)[0]

    def hides(self, issue: Issue, paragraph_text: str) -> bool:
        """Is ``issue`` (in a paragraph reading ``paragraph_text``) the finding this decision set aside?"""
        if self.kind is Kind.ACCEPTED or (issue.rule, issue.text) != (self.rule, self.text):
            return False
        if self.kind is Kind.IGNORED_EVERYWHERE:
            return True
        before, after = issue.context(paragraph_text, CONTEXT)
        if not self.before and not self.after:  # the finding was its whole paragraph
            return not before and not after
        return _nearest_kept(self.before[::-1], before[::-1]) or _nearest_kept(self.after, after)

    def to_json(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value not in (None, "")} | {
            "kind": self.kind.value
        }

    @classmethod
    def from_json(cls, data: dict) -> Decision:
        return cls(
            Kind(data["kind"]),
            str(data["rule"]),
            str(data["text"]),
            str(data.get("before", "")),
            str(data.get("after", "")),
            data.get("replacement"),
        )


def _nearest_kept(recorded: str, now: str) -> bool:
    """Do the nearest characters (read outward from the finding) agree?

    A paragraph's edge (nothing recorded) vouches for nothing: every layout cut ends its paragraph.
    """
    wanted = min(NEAREST, len(recorded))
    return wanted > 0 and now[:wanted] == recorded[:wanted]


class Decisions:
    """The decisions on one document, in the order they were taken."""

    def __init__(self, entries: list[Decision] | None = None) -> None:
        self.entries: list[Decision] = list(entries or [])

    def record(self, decision: Decision) -> None:
        if decision not in self.entries:
            self.entries.append(decision)

    def remove(self, decision: Decision) -> None:
        """Take a decision back (un-ignore): its findings are shown again."""
        self.entries = [entry for entry in self.entries if entry != decision]

    def clear(self) -> None:
        self.entries.clear()

    def hides(self, issue: Issue, paragraph_text: str) -> bool:
        return any(decision.hides(issue, paragraph_text) for decision in self.entries)

    def ignored(self) -> list[Decision]:
        """The findings set aside, once or everywhere, for the view that lets the user show them again."""
        return [decision for decision in self.entries if decision.kind is not Kind.ACCEPTED]

    def accepted(self) -> list[Decision]:
        return [decision for decision in self.entries if decision.kind is Kind.ACCEPTED]


def decisions_file(draft: Path) -> Path:
    """Where the decisions on ``draft`` are kept: the user data folder, by a digest of the draft's resolved path."""
    key = hashlib.sha256(str(Path(draft).resolve()).encode("utf-8")).hexdigest()[:32]
    return user_data_dir() / _FOLDER / f"{key}.json"


def load_decisions(draft: Path) -> Decisions:
    """The decisions stored for ``draft``; none if there are none or the file is unreadable (with a warning)."""
    path = decisions_file(draft)
    if not path.exists():
        return Decisions()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Decisions([Decision.from_json(entry) for entry in data["decisions"]])
    except (OSError, ValueError, KeyError, TypeError) as error:
        logger.warning("无法读取 %s 的校对决定（%s），按没有决定处理", draft, error)
        return Decisions()


def save_decisions(draft: Path, decisions: Decisions) -> None:
    """Store the decisions on ``draft`` atomically (an empty set removes the file); raises `OutputError`."""
    path = decisions_file(draft)
    try:
        if not decisions.entries:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{path}: 无法写入校对决定（{error.strerror or error}）") from error
    data = {
        "version": _VERSION,
        "draft": str(Path(draft).resolve()),
        "decisions": [decision.to_json() for decision in decisions.entries],
    }
    encoded = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomically(path, lambda stream: stream.write(encoded))
