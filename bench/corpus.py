"""Perturbed copies of the seed articles, for benchmarks that need a large corpus.

Copy ``n`` of an article puts ``(n)`` before every sentence it can find cheaply (after
each sentence end followed by a space, and at the start of every text line), so almost no
sentence of one copy repeats one of another and the translation memory cannot short-cut
the work. The article's structure
(date line, headings, paragraphs) is kept.
"""

from __future__ import annotations

from pathlib import Path


def perturb(text: str, n: int) -> str:
    lines = []
    for line in text.split("\n"):
        if line.strip() and not line.startswith("date "):
            for end in (". ", "? ", "! ", ".“ ", '." '):
                line = line.replace(end, f"{end}({n}) ")
            line = f"({n}) " + line
        lines.append(line)
    return "\n".join(lines)


def make_corpus(seeds: Path, target: Path, articles: int) -> Path:
    """``articles`` files in ``target``, cycling through the seeds; copy 0 is the seed itself."""
    target.mkdir(parents=True, exist_ok=True)
    sources = sorted(seeds.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(articles):
        n, k = divmod(i, len(sources))
        body = texts[k] if n == 0 else perturb(texts[k], n)
        (target / f"{n:05d}-{sources[k].stem}.txt").write_text(body, encoding="utf-8")
    return target
