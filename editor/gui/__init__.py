"""The proofreading editor: PySide6 widgets over the Qt-free engine in `editor.core`."""
