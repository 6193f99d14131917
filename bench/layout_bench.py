"""Layout repair benchmark: join precision and recall on drafts made from corpus text it was not tuned on.

    .venv/bin/python bench/layout_bench.py            # held-out sentences (reported figures)
    .venv/bin/python bench/layout_bench.py --dev      # the sentences used while developing

The reported drafts are made only of the corpus sentences that the bundled language
model was not trained on (its held-out slice, `tools/lm_corpus.py`), from files that
were not looked at while developing; the layout rules were tuned on the first three
news files.

Prints, per draft style, join precision/recall (all cuts, and the cuts a reader can
see), headlines glued, characters changed other than white space, paragraphs
restored exactly, and the time of the layout pass on a 1 MB draft.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from lm_corpus import is_held_out  # noqa: E402

from bench.draft_maker import Draft, articles, fragments_draft, wrapped_draft  # noqa: E402
from editor.core.document import Document  # noqa: E402
from editor.core.engine import Engine  # noqa: E402
from editor.core.io.text import parse_text  # noqa: E402
from editor.core.issue import Category  # noqa: E402
from editor.core.repair import apply_fixes  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news"
DEV_FILES = [f"xwlb_{n:03d}.txt" for n in range(1, 4)]
TEST_FILES = [f"xwlb_{n:03d}.txt" for n in range(4, 30)]
_WHITESPACE = re.compile(r"\s+")


def make_drafts(files: list[str], rng: random.Random, per_file: int, held_out: bool) -> dict[str, list[Draft]]:
    styles: dict[str, list[Draft]] = {"fragments": [], "wrapped+indent": [], "wrapped": []}
    keep = is_held_out if held_out else (lambda sentence: not is_held_out(sentence))
    for name in files:
        items = [article for article in articles(CORPUS / name, rng, per_file, keep) if article.paragraphs]
        for start in range(0, len(items), 5):
            chunk = items[start : start + 5]
            styles["fragments"].append(fragments_draft(chunk, rng))
            styles["wrapped+indent"].append(wrapped_draft(chunk, rng, rng.randint(13, 24), indented=True))
            styles["wrapped"].append(wrapped_draft(chunk, rng, rng.randint(13, 24), indented=False))
    return styles


def score(drafts: list[Draft], engine: Engine, read: Callable[[str], Document] = parse_text) -> dict[str, float]:
    """Join figures of ``drafts``, each read by ``read`` from its text (as a text file, or pasted into a DOCX)."""
    tp = fp = fn = fn_evident = glued = changed = exact = total_paragraphs = 0
    for draft in drafts:
        document = read(draft.text)
        issues = [issue for issue in engine.check(document).issues if issue.joins_next]
        predicted = {issue.paragraph for issue in issues}
        tp += len(predicted & draft.cuts)
        fp += len(predicted - draft.cuts)
        missed = draft.cuts - predicted
        fn += len(missed)
        fn_evident += len(missed - draft.ambiguous)
        glued += sum(1 for index in predicted if index in draft.headline_lines or index + 1 in draft.headline_lines)
        repaired = apply_fixes(document, issues).document.texts
        if _WHITESPACE.sub("", "".join(repaired)) != _WHITESPACE.sub("", draft.text):
            changed += 1
        exact += sum((Counter(repaired) & Counter(draft.paragraphs)).values())
        total_paragraphs += len(draft.paragraphs)
    evident = tp + fn_evident
    return {
        "drafts": len(drafts),
        "cuts": tp + fn,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "recall_evident": tp / evident if evident else 1.0,
        "headlines_glued": glued,
        "drafts_text_changed": changed,
        "paragraphs_exact": exact / total_paragraphs if total_paragraphs else 1.0,
    }


def time_megabyte(drafts: list[Draft], engine: Engine) -> tuple[int, float]:
    parts, size = [], 0
    while size < 1_000_000:
        draft = drafts[len(parts) % len(drafts)]
        parts.append(draft.text)
        size += len(draft.text.encode("utf-8")) + 1
    text = "\n".join(parts)
    document = parse_text(text)
    started = time.perf_counter()
    engine.check(document)
    return len(text.encode("utf-8")), time.perf_counter() - started


def bench_setup(description: str) -> tuple[argparse.Namespace, list[str], Engine]:
    """The options of the layout benchmarks, the corpus files they read, and a layout engine with its models loaded.

    Prints which sentences are scored; exits when ``../shared`` is not beside the checkout.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--dev", action="store_true", help="score the development files instead of the held-out ones")
    parser.add_argument("--per-file", type=int, default=60, help="articles taken from each corpus file")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} not found: the benchmark needs ../shared beside the checkout")
    files = DEV_FILES if args.dev else TEST_FILES
    engine = Engine({Category.LAYOUT})
    engine.check(parse_text("城区新增三处口袋公园\n\n今年以来，绿色转型是企业发展的\n\n必由之路。"))  # load the models
    side = "training sentences" if args.dev else "held-out sentences"
    print(f"{side} of news files {files[0]}..{files[-1]}  (seed {args.seed})")
    return args, files, engine


def main() -> None:
    args, files, engine = bench_setup(__doc__.splitlines()[0])
    styles = make_drafts(files, random.Random(args.seed), args.per_file, held_out=not args.dev)
    header = f"{'style':16}{'drafts':>7}{'cuts':>7}{'P':>8}{'R':>8}{'R(evident)':>12}"
    header += f"{'glued':>7}{'changed':>9}{'exact':>8}"
    print(header)
    for style, drafts in styles.items():
        s = score(drafts, engine)
        print(
            f"{style:16}{s['drafts']:>7}{s['cuts']:>7}{s['precision']:>8.4f}{s['recall']:>8.4f}"
            f"{s['recall_evident']:>12.4f}{s['headlines_glued']:>7}{s['drafts_text_changed']:>9}"
            f"{s['paragraphs_exact']:>8.4f}"
        )
    for style in ("fragments", "wrapped"):
        size, seconds = time_megabyte(styles[style], engine)
        print(f"layout pass on a {size / 1e6:.2f} MB {style} draft: {seconds:.3f} s")


if __name__ == "__main__":
    main()
