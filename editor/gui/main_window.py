"""The editor window: the draft, its findings, and every action on them.

The window owns the draft as read (`self.draft`) and shows it as editable text; the
text is turned back into fixes of the draft when it is saved (`editor.core.edits`),
so that a DOCX keeps its formatting. Findings come from the background scheduler and
are shown only where the text is still what was checked.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QSplitter,
)

from editor import __version__
from editor.core.decisions import Decision, Decisions, Kind, load_decisions, save_decisions
from editor.core.document import Document, PrintedPlace
from editor.core.edits import draft_paragraphs_at
from editor.core.engine import safe_fixes
from editor.core.error_rate import Checked, assess, countable_characters
from editor.core.fixes import choose_fixes
from editor.core.io import InputError, OutputError
from editor.core.io.pdf_reader import lost_characters
from editor.core.io.text import parse_text
from editor.core.issue import Category, Issue
from editor.core.navigation import after_handled, from_caret, step
from editor.core.repair import RepairedDocument
from editor.core.service.checker import Outcome, Snapshot
from editor.core.userdata import add_user_word
from editor.gui.categories import category_name
from editor.gui.dialogs import FindReplaceDialog, IgnoredDialog, PreviewDialog
from editor.gui.findings_panel import FindingsPanel, fix_description
from editor.gui.help import GuideDialog, ShortcutsDialog
from editor.gui.officials_dialog import OfficialsDialog
from editor.gui.offsets import from_utf16
from editor.gui.preferences import PreferencesDialog
from editor.gui.printing import marked_document, write_pdf
from editor.gui.recovery import RecoveryFile, orphans
from editor.gui.settings import Settings
from editor.gui.text_view import ProofTextEdit
from editor.gui.welcome import WelcomeDialog
from editor.gui.worker import CheckScheduler

logger = logging.getLogger(__name__)

FILE_FILTER = "稿件 Drafts (*.txt *.docx *.pdf);;Word (*.docx);;PDF (*.pdf);;文本 Text (*.txt);;* (*)"
#: What the text is saved as, and the save dialog's filter for each (a PDF is read, never written).
_SAVE_FILTERS = {".docx": "Word (*.docx)", ".txt": "Text (*.txt)"}
_CJK_FONTS = ["Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Microsoft YaHei"]
_DICTIONARY_CATEGORIES = (Category.TYPO, Category.NAME)
#: Keys the widgets handle themselves, which no menu command lists.
_FIXED_KEYS = (
    (QT_TRANSLATE_NOOP("MainWindow", "In the list: accept the finding"), "Enter"),
    (QT_TRANSLATE_NOOP("MainWindow", "In the list: ignore the finding"), "Delete"),
    (QT_TRANSLATE_NOOP("MainWindow", "The finding's actions"), "Menu / Shift+F10"),
    (QT_TRANSLATE_NOOP("MainWindow", "In the text: next / previous finding from the selected one"), "Tab / Shift+Tab"),
)


class MainWindow(QMainWindow):
    """One draft, its findings panel, and the status of its check."""

    checked = Signal()  # the findings of the newest check are on screen

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.draft = Document([])
        self.path: Path | None = None
        self.findings: list[Issue] = []
        self.checked_texts: list[str | None] = []  # None: changed by an accept since it was checked
        self.decisions = Decisions()
        self.last_outcome: Outcome | None = None
        self._opening = False  # a draft is being read: the figures on screen are not its own
        self._lasting_message = ""  # a message the timing of a check must not wipe at once ("已保存")
        self._review_target: Path | None = None  # the review asked for last, to write anyway if protected

        self.editor = ProofTextEdit(self)
        self.editor.menu_builder = self._finding_menu
        self.editor.fileDropped.connect(self.open_path)
        self.panel = FindingsPanel(self)
        self._connect_navigation()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.setCentralWidget(self.splitter)

        self.scheduler = CheckScheduler(
            self._snapshot, self.settings.value("check/debounce_ms"), self.settings.value("check/in_process"), self
        )
        self.scheduler.opened.connect(self._opened)
        self.scheduler.open_failed.connect(self._open_failed)
        self.scheduler.saved.connect(self._saved)
        self.scheduler.save_failed.connect(self._save_failed)
        self.scheduler.exported.connect(self._exported)
        self.scheduler.word_proposed.connect(self._ask_to_add)
        self.scheduler.export_failed.connect(self._export_failed)
        self._pending_texts: list[str] | None = None
        self.scheduler.started.connect(self._check_started)
        self.scheduler.progress.connect(self._check_progress)
        self.scheduler.finished.connect(self._check_finished)
        self.scheduler.failed.connect(self._check_failed)
        self._configure_checks()
        # contentsChange, not contentsChanged: the structure highlighter's repaint after a check emits the latter too
        self.editor.document().contentsChange.connect(self._edited)
        self.editor.document().modificationChanged.connect(self._update_title)

        self.recovery = RecoveryFile()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start(self.settings.value("files/autosave_seconds") * 1000)

        self.status_label = QLabel(self)
        self.notes_label = QLabel(self)
        self.notes_label.hide()
        self.notes: list[str] = []
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.notes_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.status_label)

        self.find_dialog = FindReplaceDialog(self.editor, self)
        self.guide: GuideDialog | None = None
        self.zoom_label = QLabel(self)
        self.zoom_label.setToolTip(self.tr("Zoom (Ctrl+= / Ctrl+- / Ctrl+0)"))
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_actions()
        self._apply_font()
        self.setAcceptDrops(True)
        self.resize(1200, 800)
        geometry = self.settings.value("window/geometry")
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        splitter = self.settings.value("window/splitter")
        if splitter:
            self.splitter.restoreState(QByteArray(splitter))
        self._update_title()
        self._update_status()

    # -- actions -------------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(key) for key in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New"), self.new_document, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("New from &Clipboard"), self.new_from_clipboard)
        self._action(file_menu, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self._rebuild_recent()
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Save"), self.save, QKeySequence.StandardKey.Save)
        self._action(file_menu, self.tr("Save as &DOCX…"), lambda: self.save_as(".docx"), "Ctrl+Shift+S")
        self._action(file_menu, self.tr("Save as &TXT…"), lambda: self.save_as(".txt"))
        file_menu.addSeparator()
        self._build_output_actions(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self._action(edit_menu, self.tr("&Undo"), self.editor.undo, QKeySequence.StandardKey.Undo)
        self._action(edit_menu, self.tr("&Redo"), self.editor.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Find and Replace…"), self.show_find, ["Ctrl+F", "Ctrl+H"])
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Preferences…"), self.show_preferences, "Ctrl+,")

        check_menu = bar.addMenu(self.tr("&Proofread"))
        self._action(check_menu, self.tr("Check &Again"), self.scheduler.check_now, "F5")
        self._action(check_menu, self.tr("&Next Finding"), lambda: self.go_to_finding(1), "F8")
        self._action(check_menu, self.tr("&Previous Finding"), lambda: self.go_to_finding(-1), "Shift+F8")
        self._action(check_menu, self.tr("&Accept Fix"), self.accept_current, ["Ctrl+Return", "Ctrl+Enter"])
        self._action(check_menu, self.tr("&Ignore"), self.ignore_current, "Ctrl+I")
        self._action(check_menu, self.tr("Ignored &Findings…"), self.show_ignored)
        check_menu.addSeparator()
        self._action(check_menu, self.tr("&Repair All Layout Breaks…"), self.repair_all_layout, "Ctrl+Shift+L")
        self._action(check_menu, self.tr("Register of &Officials…"), self.show_officials)
        safe_menu = check_menu.addMenu(self.tr("Apply All &Safe Fixes"))
        for category in Category:
            self._action(safe_menu, category_name(category), lambda c=category: self.apply_safe_fixes(c))

        view_menu = bar.addMenu(self.tr("&View"))
        self._action(view_menu, self.tr("Zoom &In"), lambda: self.zoom(1), ["Ctrl+=", "Ctrl++"])
        self._action(view_menu, self.tr("Zoom &Out"), lambda: self.zoom(-1), "Ctrl+-")
        self._action(view_menu, self.tr("&Actual Size"), lambda: self.zoom(0), "Ctrl+0")
        view_menu.addSeparator()
        self._action(view_menu, self.tr("Switch Between Text and &Findings"), self.switch_focus, "F6")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("Welcome…"), self.show_welcome)
        self._action(help_menu, self.tr("User &Guide"), self.show_guide, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, self.tr("&Keyboard Shortcuts"), self.show_shortcuts)
        self._action(help_menu, self.tr("&About Proofdesk"), self.show_about)

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.value("files/recent"):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.settings.value("files/recent")))

    # -- opening -------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Draft"), self._open_folder(), FILE_FILTER)
        if path:
            self.open_path(path)

    def _open_folder(self) -> str:
        """Where the open dialog starts: the current draft's folder, else the folder of the draft opened last."""
        recent = self.settings.value("files/recent")
        current = self.path or (Path(recent[0]) if recent else None)
        return str(current.parent) if current is not None and current.parent.is_dir() else ""

    def open_path(self, path: str | Path, texts: list[str] | None = None) -> bool:
        """Read a draft and show it; False if the user kept the current one.

        The draft appears when it has been read (`_opened`); a file that cannot be read
        is explained in a dialog, never a crash. ``texts`` replace its text (recovery).
        """
        if texts is None and not self.maybe_save():
            return False
        self._pending_texts = texts
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", str(path)))
        self._opening = True
        self._update_status()
        self.scheduler.open(path)
        return True

    def _opened(self, draft: Document, path: str) -> None:
        texts, self._pending_texts = self._pending_texts, None
        self._opening = False
        self.load(draft, Path(path), texts)
        self._note([lost] if (lost := lost_characters(draft.name, draft.pages)) else [])  # said, not guessed
        if draft.pages:  # a PDF: what Save will do, before the user asks
            self._lasting_message = self.tr("Read %1 pages from the PDF; Save writes the text as DOCX or TXT").replace(
                "%1", str(len(draft.pages))
            )
            self.statusBar().showMessage(self._lasting_message, 10000)
        if texts is not None:
            self.editor.document().setModified(True)
            self.autosave()
        else:
            self.settings.add_recent(str(Path(path).resolve()))
            self._rebuild_recent()

    def _open_failed(self, message: str) -> None:
        self._opening = False
        self._update_status()
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Cannot Open Draft"), message)

    def new_document(self) -> None:
        if self.maybe_save():
            self.scheduler.adopt(Document([]))
            self.load(Document([]), None)

    def new_from_clipboard(self) -> None:
        """A draft made of the clipboard's text, read exactly like a text file."""
        text = QGuiApplication.clipboard().text()
        if not self.maybe_save():
            return
        try:
            draft = parse_text(text, name=self.tr("Clipboard"))
        except InputError as error:
            QMessageBox.warning(self, self.tr("Cannot Open Draft"), str(error))
            return
        self.scheduler.adopt(draft)
        self.load(draft, None)

    def load(self, draft: Document, path: Path | None, texts: list[str] | None = None) -> None:
        """Show ``texts`` (the draft's paragraphs by default) and check them at once."""
        self.draft, self.path = draft, path
        self.findings, self.checked_texts = [], []
        self.decisions = load_decisions(path) if path else Decisions()
        self.editor.set_findings([], [])
        self.panel.set_findings([], [])
        self.editor.structure.kinds = [paragraph.kind for paragraph in draft.paragraphs]
        self.editor.setPlainText("\n".join(draft.texts if texts is None else texts))
        self.editor.document().setModified(False)
        self._update_title()
        self.scheduler.check_now()

    # -- checking ------------------------------------------------------------------------------
    def _configure_checks(self) -> None:
        categories = {
            Category(value) for value in self.settings.value("check/categories") if value in Category._value2member_map_
        }
        self.scheduler.configure(
            categories,
            tuple(self.settings.value("check/disabled_rules")),
            self.settings.value("check/macbert_dir"),
            self.settings.value("check/typo_sensitivity"),
        )

    def _snapshot(self, job: int) -> Snapshot:
        paragraphs = []
        block = self.editor.document().firstBlock()
        while block.isValid():
            paragraphs.append((block.blockNumber(), block.revision(), block.text()))
            block = block.next()
        return Snapshot(job, tuple(paragraphs))

    def _edited(self, *_change) -> None:
        self.scheduler.schedule()

    def _check_started(self, first: bool) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self._update_status()
        if first:
            self.statusBar().showMessage(self.tr("Loading dictionaries and the language model for the first check…"))

    def _check_progress(self, per_mille: int) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(per_mille)

    def _check_finished(self, outcome: Outcome) -> None:
        self.last_outcome = outcome
        self.checked_texts = outcome.snapshot.texts
        self.findings = list(outcome.issues)
        self.editor.structure.set_kinds(outcome.kinds)
        self._show_findings()
        self.progress.hide()
        if not self._lasting_message or self.statusBar().currentMessage() != self._lasting_message:
            self.statusBar().showMessage(self.tr("Checked in %1 s").replace("%1", f"{outcome.seconds:.1f}"), 5000)
        self._note(outcome.notes)  # after the timing, which would hide a new warning at once
        self.checked.emit()

    def _note(self, notes: Iterable[str]) -> None:
        """Warnings from the checks (a model that did not load) stay visible in the status bar.

        A warning is logged when something is loaded, so one that comes again (the same
        unusable MacBERT folder chosen a second time) is shown again, though listed once.
        """
        notes = list(notes)
        if not notes:
            return
        self.notes.extend(note for note in dict.fromkeys(notes) if note not in self.notes)
        self.notes_label.setText(self.tr("⚠ %n check warning(s)", "", len(self.notes)))
        self.notes_label.setToolTip("\n".join(self.notes))
        self.notes_label.show()
        self.statusBar().showMessage(notes[0], 10_000)

    def _check_failed(self, message: str) -> None:
        self.progress.hide()
        self.statusBar().showMessage(self.tr("The check failed: %1").replace("%1", message))

    def _visible_findings(self) -> list[Issue]:
        return [issue for issue in self.findings if not self.decisions.hides(issue, self._checked_text(issue))]

    def _checked_text(self, issue: Issue) -> str:
        return (self.checked_texts[issue.paragraph] if issue.paragraph < len(self.checked_texts) else None) or ""

    def _show_findings(self) -> None:
        visible = self._visible_findings()
        self.editor.set_findings(visible, self.checked_texts)
        shown = [issue for issue in visible if self.editor.is_fresh(issue)]
        places = self._draft_places(shown)
        self.panel.set_findings(shown, self.checked_texts, places, self._printed_places(places))
        self._update_status()

    def fresh_findings(self) -> list[Issue]:
        return [issue for issue in self.editor.findings if self.editor.is_fresh(issue)]

    # -- findings ------------------------------------------------------------------------------
    def _finding_menu(self, menu: QMenu, issue: Issue) -> None:
        first = menu.actions()[0] if menu.actions() else None
        actions: list[QAction] = []
        for suggestion in issue.suggestions[:5]:
            label = (
                fix_description(issue, self.checked_texts) if issue.joins_next else suggestion or self.tr("(delete)")
            )
            action = QAction(label, menu)
            action.triggered.connect(lambda _c=False, s=suggestion: self.accept_finding(issue, s))
            actions.append(action)
        for text, slot in (
            (self.tr("Ignore"), lambda: self.ignore(issue)),
            (self.tr("Ignore All"), lambda: self.ignore_all(issue)),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _c=False, s=slot: s())
            actions.append(action)
        if issue.category in _DICTIONARY_CATEGORIES:
            action = QAction(self.tr("Add to Dictionary"), menu)
            action.triggered.connect(lambda _c=False: self.add_to_dictionary(issue))
            actions.append(action)
        menu.insertActions(first, actions)
        menu.insertSeparator(first)

    def _current_finding(self) -> Issue | None:
        issue = self.editor.current
        if issue is not None and self.editor.is_fresh(issue) and issue in self.editor.findings:
            return issue
        return self.editor.finding_at(self.editor.textCursor().selectionStart())

    def go_to_finding(self, direction: int) -> Issue | None:
        """Select the next (1) or previous (-1) finding in the list's order, wrapping around.

        From the finding in hand while the caret is on it; from the caret once the user has moved it.
        """
        findings = self.panel.visible_issues()
        current = self.editor.current
        if current is not None and self._caret_on(current):
            target = step(findings, current, direction, self.panel.grouped)
        else:
            target = from_caret(findings, self._caret_position(), direction)
        if target is None:
            self.statusBar().showMessage(self.tr("No findings"), 3000)
            return None
        self._show(target)
        return target

    def _show(self, issue: Issue | None) -> None:
        """Make ``issue`` the finding in hand, in the list and in the text (None: no finding, no details)."""
        self.panel.select(issue)
        if issue is not None:
            self.editor.show_finding(issue)
        else:
            self.editor.current = None
            self.editor.refresh_highlights()

    def _caret_on(self, issue: Issue) -> bool:
        paragraph, offset = self._caret_position()
        return self.editor.is_fresh(issue) and paragraph == issue.paragraph and issue.start <= offset <= issue.end

    def _caret_position(self) -> tuple[int, int]:
        cursor = self.editor.textCursor()
        block = self.editor.document().findBlock(cursor.selectionStart())
        return (block.blockNumber(), from_utf16(block.text(), cursor.selectionStart() - block.position()))

    def _show_next_after(self, handled: Issue, place: tuple[int, int]) -> None:
        """After an accept or an ignore: the next finding that remains after ``handled`` (now gone, at ``place``)."""
        target = after_handled(self.panel.visible_issues(), handled, place, self.panel.grouped)
        self._show(target)
        if target is None:
            self.statusBar().showMessage(self.tr("No findings left"), 3000)

    def accept_current(self) -> None:
        issue = self._current_finding()
        if issue is None:
            self.statusBar().showMessage(self.tr("No finding at the cursor"), 3000)
            return
        self.accept_finding(issue)

    def accept_finding(self, issue: Issue, replacement: str | None = None) -> None:
        if replacement is not None:
            issue = issue.choosing(replacement)
        self._decide(Kind.ACCEPTED, issue)
        repaired = self.apply_in_editor([issue])
        if repaired.applied:
            self._show_next_after(issue, repaired.position_of(issue.paragraph, issue.start))

    def ignore_current(self) -> None:
        issue = self._current_finding()
        if issue is not None:
            self.ignore(issue)

    def ignore(self, issue: Issue) -> None:
        self._decide(Kind.IGNORED, issue)
        self._show_findings()
        self._show_next_after(issue, (issue.paragraph, issue.start))

    def ignore_all(self, issue: Issue) -> None:
        """Ignore every finding of this rule on this text, in this document."""
        self._decide(Kind.IGNORED_EVERYWHERE, issue)
        self._show_findings()
        self._show_next_after(issue, (issue.paragraph, issue.start))

    # -- decisions -----------------------------------------------------------------------------
    def _decide(self, kind: Kind, issue: Issue) -> None:
        self.decisions.record(Decision.of(kind, issue, self._checked_text(issue)))
        self._store_decisions()

    def _store_decisions(self) -> None:
        """Keep the decisions with the draft at once (`editor.core.decisions`); an untitled one keeps them in memory."""
        if self.path is None:
            return
        try:
            save_decisions(self.path, self.decisions)
        except OutputError as error:
            self.statusBar().showMessage(str(error), 5000)

    def show_ignored(self) -> None:
        """The findings set aside, with un-ignore and (for words) the permanent ignore list."""
        dialog = IgnoredDialog(self.decisions.ignored(), self)
        dialog.unignored.connect(self.unignore)
        dialog.exec()

    def unignore(self, decision: Decision) -> None:
        self.decisions.remove(decision)
        self._store_decisions()
        self._show_findings()

    def add_to_dictionary(self, issue: Issue) -> None:
        """Offer the word around the flagged text (jieba's, editable) and add what the user confirms.

        The check server proposes the word (`_ask_to_add` follows), where jieba is loaded already.
        """
        text = self.checked_texts[issue.paragraph] if issue.paragraph < len(self.checked_texts) else None
        if text:
            self.scheduler.propose_word(issue, text, issue.start, issue.end)
        else:
            self._ask_to_add(issue, issue.text)

    def _ask_to_add(self, issue: Issue, proposed: str) -> None:
        word, confirmed = QInputDialog.getText(
            self,
            self.tr("Add to Dictionary"),
            self.tr("Add this word to your dictionary (edit it if needed):"),
            text=proposed,
        )
        word = word.strip()
        if not confirmed or not word:
            return
        try:
            add_user_word(word)
        except (ValueError, OutputError) as error:
            QMessageBox.warning(self, self.tr("Dictionary"), str(error))
            return
        self.statusBar().showMessage(self.tr("Added “%1” to your dictionary").replace("%1", word), 4000)
        self._decide(Kind.IGNORED_EVERYWHERE, issue)
        self._show_findings()
        self.scheduler.schedule()  # cached findings are keyed by the dictionary's stamp: they are found again

    def apply_in_editor(self, issues: Iterable[Issue]) -> RepairedDocument:
        """Apply fixes to the text as one undo step; the checks run again after the pause.

        The findings not applied move with the text at once (`RepairedDocument.carry`),
        so the list, the marks and the next step are right before the next check ends.
        """
        fresh = [issue for issue in self.findings if self.editor.is_fresh(issue)]
        checked = [self.editor.block_is_checked(number) for number in range(len(self.texts()))]
        repaired = self.editor.apply_fixes(issues)
        self.checked_texts = [
            paragraph.text if all(checked[source] for source in repaired.sources_of(number)) else None
            for number, paragraph in enumerate(repaired.document.paragraphs)
        ]
        carried = {issue: repaired.carry(issue) for issue in fresh if issue not in repaired.applied}
        self.findings = [moved for moved in carried.values() if moved is not None]
        self._show_findings()
        self.statusBar().showMessage(self.tr("%n fix(es) applied", "", len(repaired.applied)), 4000)
        return repaired

    def _preview_and_apply(self, candidates: list[Issue], title: str) -> int:
        """Preview the fixes the core chooses among ``candidates`` (the ones that will be applied), then apply them."""
        issues = choose_fixes(candidates)
        if not issues:
            self.statusBar().showMessage(self.tr("Nothing to apply"), 4000)
            return 0
        lines = [f"¶{issue.paragraph + 1}  {fix_description(issue, self.checked_texts)}" for issue in issues]
        summary = self.tr("%n change(s) will be applied as one step (Undo reverts them all).", "", len(issues))
        if PreviewDialog(title, summary, lines, self).exec() != PreviewDialog.DialogCode.Accepted:
            return 0
        return len(self.apply_in_editor(issues).applied)

    def repair_all_layout(self) -> int:
        issues = [issue for issue in self.fresh_findings() if issue.category is Category.LAYOUT]
        return self._preview_and_apply(issues, self.tr("Repair All Layout Breaks"))

    def apply_safe_fixes(self, category: Category) -> int:
        issues = safe_fixes(issue for issue in self.fresh_findings() if issue.category is category)
        title = self.tr("Apply Safe Fixes: %1").replace("%1", category_name(category))
        return self._preview_and_apply(issues, title)

    # -- navigation and the keyboard ----------------------------------------------------------
    def _connect_navigation(self) -> None:
        self.panel.selected.connect(self.editor.show_finding)
        self.panel.activated.connect(self.accept_finding)
        self.panel.ignored.connect(self.ignore)
        self.panel.menu_requested.connect(self._panel_menu)
        self.editor.tabbed.connect(self.go_to_finding)
        self.editor.undone.connect(lambda: self._show(None))

    def _panel_menu(self, issue: Issue, where) -> None:
        menu = QMenu(self)
        self._finding_menu(menu, issue)
        menu.exec(where)
        menu.deleteLater()

    def switch_focus(self) -> None:
        """F6: from the text to the findings list and back, as in Office; the list starts at the finding in hand."""
        focus = self.focusWidget()
        if focus is not None and self.panel.isAncestorOf(focus):
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.panel.current_issue() is None and self.panel.visible_issues():
            self.panel.select(self.panel.visible_issues()[0])
        self.panel.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _draft_places(self, findings: list[Issue]) -> dict[Issue, int | None]:
        """Where each finding was in the draft as opened: the list's paragraph numbers, which joins do not move."""
        if not self.draft.paragraphs:
            return {}
        points = [(issue.paragraph, issue.start) for issue in findings]
        return dict(zip(findings, draft_paragraphs_at(self.draft, self.texts(), points), strict=True))

    def _printed_places(self, places: dict[Issue, int | None]) -> dict[Issue, PrintedPlace]:
        """Where on the printed page the paragraph of each finding stands (a draft read from a PDF)."""
        paragraphs = self.draft.paragraphs
        found = {issue: paragraphs[index].source.place for issue, index in places.items() if index is not None}
        return {issue: place for issue, place in found.items() if place is not None}

    def show_shortcuts(self) -> None:
        """Every menu command with a key, read from the actions themselves, so the list cannot go out of date."""
        rows = [
            (
                action.text().replace("&", ""),
                " / ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()),
            )
            for action in self.actions()
            if action.shortcuts()
        ]
        rows += [(self.tr(name), keys) for name, keys in _FIXED_KEYS]
        ShortcutsDialog(rows, self).exec()

    def show_guide(self) -> None:
        """F1: the user guide beside the window, one copy however often it is asked for."""
        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show()
        self.guide.raise_()

    # -- saving --------------------------------------------------------------------------------
    def texts(self) -> list[str]:
        return self.editor.texts()

    def save(self) -> bool:
        if self.path is not None and self.path.suffix.lower() in _SAVE_FILTERS:
            return self.write(self.path)
        if self.draft.pages:  # read from a PDF, which is never written: say so where the user looks
            self.statusBar().showMessage(self.tr("A PDF is read, never written: save its text as DOCX or TXT"))
        return self.save_as(".docx")

    def save_as(self, suffix: str, path: str | Path | None = None) -> bool:
        """Write the text as ``suffix`` (.docx or .txt), under ``path`` or a name the user chooses; a draft read
        from a PDF offers both kinds, DOCX first."""
        if path is None:
            stem = self.path.with_suffix(suffix) if self.path else Path(self.tr("untitled") + suffix)
            kinds = tuple(_SAVE_FILTERS) if self.draft.pages else (suffix,)
            filters = ";;".join(_SAVE_FILTERS[kind] for kind in kinds)
            chosen, selected = QFileDialog.getSaveFileName(
                self, self.tr("Save As"), str(stem), filters, _SAVE_FILTERS[suffix]
            )
            if not chosen:
                return False
            suffix = next((kind for kind in kinds if _SAVE_FILTERS[kind] == selected), suffix)
            path = chosen if Path(chosen).suffix.lower() == suffix else chosen + suffix
        return self.write(Path(path))

    def _saved_texts(self) -> list[str]:
        """The text as it is written: a Shift+Enter line break (U+2028) is a line break inside the paragraph."""
        return [text.replace("\u2028", "\n") for text in self.texts()]

    def write(self, path: Path, ignore_protection: bool = False) -> bool:
        """Start writing the edited text through the repair mechanism (a DOCX keeps its formatting).

        The server writes while the window goes on (`_saved` or `_save_failed` follows);
        True means the save was asked for. `wait_for_saves` waits for it, the event loop running.
        """
        self.scheduler.save(self._saved_texts(), path, ignore_protection)
        self.statusBar().showMessage(self.tr("Saving %1…").replace("%1", str(path)))
        return True

    def _saved(self, draft: Document, path: str, texts: list[str]) -> None:
        moved = self.path is None or self.path.resolve() != Path(path).resolve()
        self.draft, self.path = draft, Path(path)
        if moved:  # saved under another name: the decisions go with the text
            self._store_decisions()
        if texts == self._saved_texts():  # nothing was typed since the save was asked for
            self.editor.document().setModified(False)
            self.recovery.discard()
        self.settings.add_recent(str(self.path.resolve()))
        self._rebuild_recent()
        self._update_title()
        self._lasting_message = self.tr("Saved %1").replace("%1", path)
        self.statusBar().showMessage(self._lasting_message, 5000)
        if not self.scheduler.busy:  # a check running now reads this very text: restarting it would only cost time
            self.scheduler.schedule()  # the draft read back may be cut into paragraphs differently

    def _save_failed(self, message: str, path: str, protected: bool) -> None:
        self.statusBar().clearMessage()
        if protected and self._write_anyway(self.tr("Cannot Save"), message, self.tr("Save Anyway")):
            self.write(Path(path), ignore_protection=True)
        elif not protected:
            QMessageBox.warning(self, self.tr("Cannot Save"), message)

    def _write_anyway(self, title: str, message: str, anyway: str) -> bool:
        """Ask whether to write a DOCX whose author restricted editing all the same (as ``--ignore-protection``)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("The author restricted editing of this document."))
        button = box.addButton(anyway, QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is button

    def wait_for_saves(self) -> bool:
        """Wait, behind a modal note, until every save asked for is answered; True if the text is saved.

        The event loop keeps running meanwhile (the window repaints, replies arrive);
        only input is held back by the modal note, so nothing is typed that would go unsaved.
        """
        if self.scheduler.saving:
            note = QProgressDialog(self.tr("Saving…"), "", 0, 0, self)
            note.setCancelButton(None)
            note.setWindowModality(Qt.WindowModality.WindowModal)
            note.setMinimumDuration(0)
            note.show()
            loop = QEventLoop(self)
            self.scheduler.saved.connect(loop.quit)
            self.scheduler.save_failed.connect(loop.quit)
            try:
                while self.scheduler.saving:
                    loop.exec()
            finally:
                self.scheduler.saved.disconnect(loop.quit)
                self.scheduler.save_failed.disconnect(loop.quit)
                note.close()
                note.deleteLater()
        return not self.editor.document().isModified()

    def maybe_save(self) -> bool:
        """Ask about unsaved changes and wait for the save the user wants; False means keep the draft open.

        A save asked for earlier is waited for first: its reply must not land on the next draft.
        """
        if self.wait_for_saves():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved Changes"),
            self.tr("“%1” has unsaved changes. Save them?").replace(
                "%1", self.path.name if self.path else self.tr("Untitled")
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save() and self.wait_for_saves()
        return answer == QMessageBox.StandardButton.Discard

    def autosave(self) -> None:
        if self.editor.document().isModified():
            try:
                self.recovery.save(str(self.path) if self.path else None, self.texts())
            except OutputError as error:
                self.statusBar().showMessage(str(error), 5000)

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest text no window owns; True if it is being restored."""
        found = orphans(self.recovery.path.parent)
        if not found:
            return False
        recovery = found[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(recovery.saved_at))
        source = recovery.source or self.tr("an unsaved draft")
        answer = QMessageBox.question(
            self,
            self.tr("Restore Unsaved Work"),
            self.tr("Proofdesk did not close properly. Restore the text of %1 autosaved at %2?")
            .replace("%1", source)
            .replace("%2", when),
        )
        if answer != QMessageBox.StandardButton.Yes:
            recovery.discard()
            return False
        recovery.discard()
        if recovery.source and Path(recovery.source).is_file():
            self.open_path(recovery.source, recovery.texts)
        else:
            self.scheduler.adopt(Document([]))
            self.load(Document([]), None, recovery.texts)
            self.editor.document().setModified(True)
            self.autosave()
        return True

    # -- outputs -------------------------------------------------------------------------------
    def _build_output_actions(self, menu: QMenu) -> None:
        self._action(menu, self.tr("Export &Review…"), self.export_review)
        self._action(menu, self.tr("Export Proofreading Re&port…"), self.export_report)
        self._action(menu, self.tr("Export P&DF…"), self.export_pdf)
        self._action(menu, self.tr("&Print…"), self.print_text, QKeySequence.StandardKey.Print)

    def _output_path(self, title: str, label: str, suffix: str, filters: str, path: str | Path | None) -> Path | None:
        """The file an output goes to: ``path``, or the one the user chooses (beside the draft, named after it)."""
        if path is not None:
            return Path(path)
        stem = self.path.stem if self.path else self.tr("Untitled")
        folder = self.path.parent if self.path else Path(self._open_folder() or ".")
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(folder / f"{stem}_{label}{suffix}"), filters)
        if not chosen:
            return None
        chosen_path = Path(chosen)
        return chosen_path if chosen_path.suffix else chosen_path.with_suffix(suffix)

    def export_review(self, path: str | Path | None = None, ignore_protection: bool = False) -> bool:
        """Write the review DOCX: the changes made here as tracked changes, the open findings as comments.

        Written by the server (`editor.core.review_export`), as ``fix --review`` writes one; the
        ignored findings are left out. `_exported` or `_export_failed` follows.
        """
        target = self._output_path(self.tr("Export Review"), self.tr("review"), ".docx", "Word (*.docx)", path)
        if target is None:
            return False
        if target.suffix.lower() != ".docx":
            QMessageBox.warning(self, self.tr("Export Review"), self.tr("A review is a Word document (.docx)."))
            return False
        self._review_target = target
        self.scheduler.export(
            "export_review", self._saved_texts(), self.fresh_findings(), str(target), ignore_protection
        )
        return True

    def export_report(self, path: str | Path | None = None) -> bool:
        """Write the proofreading report (`editor.core.report`) of the text shown: HTML, CSV or JSON by extension."""
        filters = "HTML (*.html);;CSV (*.csv);;JSON (*.json)"
        target = self._output_path(self.tr("Export Proofreading Report"), self.tr("report"), ".html", filters, path)
        if target is None:
            return False
        name = self.path.name if self.path else self.tr("Untitled")
        kinds = list(self.editor.structure.kinds)
        self.scheduler.export("export_report", name, self.texts(), kinds, self.fresh_findings(), str(target))
        return True

    def _exported(self, message: str) -> None:
        self._lasting_message = message
        self.statusBar().showMessage(message, 8000)

    def _export_failed(self, message: str, protected: bool) -> None:
        title = self.tr("Cannot Export")
        if protected and self._write_anyway(title, message, self.tr("Export Anyway")):
            self.export_review(self._review_target, ignore_protection=True)
        elif not protected:
            QMessageBox.warning(self, title, message)

    def _marked_document(self) -> QTextDocument:
        findings = self.fresh_findings()
        heading = (
            self.tr("Findings in %1: %2")
            .replace("%1", self.path.name if self.path else self.tr("Untitled"))
            .replace("%2", str(len(findings)))
        )
        return marked_document(self.editor.document(), findings, self.checked_texts, heading, self.editor.font())

    def export_pdf(self, path: str | Path | None = None) -> bool:
        """Write the text with its marks, and the list of findings, as an A4 PDF."""
        target = self._output_path(self.tr("Export PDF"), self.tr("marked"), ".pdf", "PDF (*.pdf)", path)
        if target is None:
            return False
        try:
            write_pdf(self._marked_document(), target)
        except OutputError as error:
            QMessageBox.warning(self, self.tr("Cannot Export"), str(error))
            return False
        self._exported(self.tr("Exported %1").replace("%1", str(target)))
        return True

    def print_text(self) -> bool:
        """Print the text with its marks on a printer the user chooses."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self._marked_document().print_(printer)
        return True

    # -- view ----------------------------------------------------------------------------------
    def _apply_font(self) -> None:
        family = self.settings.value("editor/font_family")
        font = QFont()
        font.setFamilies(([family] if family else []) + _CJK_FONTS)
        size = max(6, self.settings.value("editor/font_size") + self.settings.value("editor/zoom"))
        font.setPointSize(size)
        self.editor.setFont(font)
        self.editor.structure.set_base_size(size)
        self.zoom_label.setText(f"{round(100 * size / max(6, self.settings.value('editor/font_size')))}%")

    def zoom(self, step: int) -> None:
        """Zoom in (1), out (-1) or back to the preferred size (0); remembered across sessions."""
        self.settings.set_value("editor/zoom", self.settings.value("editor/zoom") + step if step else 0)
        self._apply_font()

    def show_find(self) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected:
            self.find_dialog.find_text.setText(selected)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.find_text.setFocus()

    def show_officials(self) -> None:
        dialog = OfficialsDialog(self.draft.date, self)
        if dialog.exec() == OfficialsDialog.DialogCode.Accepted:
            self.set_article_date(dialog.article_date())

    def set_article_date(self, date: dt.date | None) -> None:
        """Check the draft again as of ``date`` (None: its dateline), with the register as saved."""
        self.draft = replace(self.draft, date=date)
        self.scheduler.adopt(self.draft, self.scheduler.path)
        self.scheduler.check_now()

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self._configure_checks()
            self._apply_font()
            self.autosave_timer.start(self.settings.value("files/autosave_seconds") * 1000)
            self.scheduler.check_now()

    def show_welcome(self) -> None:
        """The first-run page (`editor.gui.welcome`); it may open the example draft."""
        chosen = WelcomeDialog.ask(self)
        if chosen is not None:
            self.open_path(chosen)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Proofdesk"),
            self.tr("Proofdesk %1: a proofreading desk for Chinese newspaper and bulletin copy.").replace(
                "%1", __version__
            ),
        )

    def _update_title(self, *_args) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*]")  # the platform adds the application's name (Qt's formatWindowTitle)
        self.setWindowModified(self.editor.document().isModified())

    def _update_status(self) -> None:
        """Characters, findings and the 差错率 of the text on screen, and the draft's encoding.

        No figures are shown for a text not checked yet (a draft being opened, a check
        running, text typed since the last check): they would be another text's.
        """
        if self._opening:
            self.status_label.setText(self.tr("opening…"))
            return
        texts = self.texts()
        parts = [self.tr("%1 characters").replace("%1", f"{countable_characters(texts):,}")]
        if self.scheduler.busy or texts != self.checked_texts:
            parts.append(self.tr("error rate: checking…"))
        else:
            parts.extend(self._error_rate_parts(texts))
        parts.append(self._encoding_name())
        self.status_label.setText("  |  ".join(parts))

    def _error_rate_parts(self, texts: list[str]) -> list[str]:
        """The newspaper's 差错率 (the core's default rules); statistical guesses are 待核, counted apart."""
        findings = self.fresh_findings()
        counts = Counter(issue.category for issue in findings)
        by_category = " · ".join(f"{category_name(c)} {counts[c]}" for c in Category if counts[c])
        assessment = assess([Checked(texts, self.editor.structure.kinds, findings)])
        verdict = self.tr("pass") if assessment.passes else self.tr("fail")
        parts = [
            by_category or self.tr("no findings"),
            self.tr("error rate %1 per 10,000 (%2)").replace("%1", f"{assessment.rate:.2f}").replace("%2", verdict),
        ]
        if assessment.pending:
            parts.append(self.tr("%1 to verify").replace("%1", str(len(assessment.pending))))
        return parts

    def _encoding_name(self) -> str:
        """How the draft is stored: a Word document, or a text file's encoding (kept when saved in place)."""
        if self.path is not None and self.path.suffix.lower() == ".docx":
            return "Word"
        if self.draft.pages:
            return self.tr("PDF (saved as DOCX or TXT)")
        return (self.draft.encoding or "utf-8").upper().removesuffix("-SIG")

    # -- window --------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt override)
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                return

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.maybe_save():
            event.ignore()
            return
        self.scheduler.close()
        self.autosave_timer.stop()
        self.recovery.close()
        self.settings.set_value("window/geometry", bytes(self.saveGeometry()))
        self.settings.set_value("window/splitter", bytes(self.splitter.saveState()))
        self.find_dialog.close()
        event.accept()
