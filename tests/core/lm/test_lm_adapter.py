"""The statistical typo pass must never import torch or transformers (pycorrector issue #566)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from editor.core.lm.pycorrector_adapter import pycorrector_data, pycorrector_module

SCRIPT = textwrap.dedent(
    """
    import json
    import sys
    from editor.core.document import Document
    from editor.core.engine import Engine
    from editor.core.issue import Category
    from editor.core.lm.pycorrector_adapter import pycorrector_module

    result = Engine(categories={Category.TYPO}).check(
        Document.from_texts(["会议要求，各部门要切实履形职责，确保各项措施落到实处。", "双方当场签定了合作协议。"])
    )
    pycorrector_module("corrector").Corrector  # the stock corrector, as the benchmark uses it
    print(json.dumps({
        "rules": sorted(issue.rule for issue in result.issues),
        "heavy": sorted(name for name in ("torch", "transformers") if name in sys.modules),
        "package_init_ran": hasattr(sys.modules["pycorrector"], "MacBertCorrector"),
    }))
    """
)


def test_a_full_typo_check_imports_neither_torch_nor_transformers():
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert "typo.lm" in report["rules"]
    assert report["heavy"] == []
    assert report["package_init_ran"] is False


def test_submodules_and_data_come_from_the_installed_package():
    corrector = pycorrector_module("corrector")
    assert corrector.__name__ == "pycorrector.corrector"
    assert pycorrector_data("same_pinyin.txt").is_file()
