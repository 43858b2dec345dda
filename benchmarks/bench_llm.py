"""LLM backend and ranker benchmark (not a test). Prints one table row per measurement.

    python benchmarks/bench_llm.py --backend llamacpp --size 1.5b      # load, prefill, decode, RSS
    python benchmarks/bench_llm.py --backend transformers              # first start (dequantise) and cached start
    python benchmarks/bench_llm.py --rank --backend llamacpp           # the LLM ranker on 8 real candidates

Run each backend in its own process (RSS is the process peak). Note the machine load: the figures
in the docs say under what CPU contention they were taken (`uptime` load average is printed).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
for _k, _v in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1", "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_k, _v)

PROMPT_WORDS = (
    "Toy Story (1995); animation, children's, comedy; 81 min; rating 8.2. GoldenEye (1995); action, "
    "adventure, thriller; 130 min; rating 7.2. Four Rooms (1995); thriller; 98 min; rating 6.7. "
)

QUERIES = [
    ("en", "a funny animated movie for kids"),
    ("en", "a tense thriller, not too long"),
    ("en", "a classic drama with great reviews"),
    ("zh", "适合孩子看的搞笑动画片"),
    ("zh", "紧张刺激的惊悚片，不要太长"),
    ("zh", "评分高的经典剧情片"),
]


def rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6  # ru_maxrss is KiB on Linux


def load_avg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def make(backend: str, size: str):
    if backend == "llamacpp":
        from recommender.llm_llamacpp import LlamaCppLLM

        return LlamaCppLLM(size=size)
    from recommender.llm_transformers import TransformersLLM

    return TransformersLLM(size)


def count_tokens(llm, text: str) -> int:
    if hasattr(llm, "tokenize_count"):
        return llm.tokenize_count(text)
    _, tok = llm.load()
    return len(tok(text, add_special_tokens=False)["input_ids"])


def bench_speed(backend: str, size: str, prompt_tokens: int, gen_tokens: int) -> dict:
    llm = make(backend, size)
    t0 = time.perf_counter()
    llm.load()
    load_s = time.perf_counter() - t0
    words = PROMPT_WORDS
    while count_tokens(llm, words) < prompt_tokens:
        words += PROMPT_WORDS
    messages = [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": words + "\nWrite a long essay comparing these films."},
    ]
    n_prompt = count_tokens(llm, messages[0]["content"] + messages[1]["content"])
    start = time.perf_counter()
    first = None
    text = ""
    for piece in llm.stream(messages, max_tokens=gen_tokens):
        if first is None:
            first = time.perf_counter()
        text += piece
    end = time.perf_counter()
    n_gen = count_tokens(llm, text)
    return {
        "backend": backend,
        "size": size,
        "loaded_from": getattr(llm, "loaded_from", "gguf"),
        "load_s": round(load_s, 2),
        "prompt_tokens": n_prompt,
        "prefill_tok_s": round(n_prompt / (first - start), 1),
        "gen_tokens": n_gen,
        "decode_tok_s": round((n_gen - 1) / (end - first), 1) if n_gen > 1 else None,
        "rss_gb": round(rss_gb(), 2),
        "threads": os.environ.get("RECSYS_LLM_THREADS") or os.cpu_count(),
        "load_avg": load_avg(),
    }


def bench_rank(backend: str, size: str, n_candidates: int, queries: int) -> dict:
    from catalog.item import Item
    from chat.instruction import Instruction
    from recommender.rank import LLMRanker
    from recommender.types import Candidate

    with open(ROOT / "tests" / "data" / "tiny_movies.jsonl", encoding="utf-8") as f:
        items = [Item(**json.loads(line)) for line in f]
    llm = make(backend, size)
    t0 = time.perf_counter()
    llm.load()
    load_s = time.perf_counter() - t0
    ranker = LLMRanker(llm, max_candidates=n_candidates, timeout_s=60)
    firsts, totals, rows = [], [], []
    for qi, (lang, text) in enumerate(QUERIES[:queries]):
        # A different window of the catalog per query, so the model sees varied candidates.
        cands = [Candidate(item=it, score=1 - i / 20) for i, it in enumerate(items[qi * 3 :][:n_candidates])]
        first = None
        for u in ranker.rank(Instruction(language=lang), cands, instruction_text=text):
            if u.reasons and first is None:
                first = u.elapsed_s
        firsts.append(first if first is not None else float("nan"))
        totals.append(u.elapsed_s)
        grounded = sum(grounded_reason(r, next(c.item for c in cands if c.item.id == i)) for i, r in u.reasons.items())
        rows.append(
            {
                "lang": lang,
                "query": text,
                "first_reason_s": round(firsts[-1], 2),
                "total_s": round(u.elapsed_s, 2),
                "reasons": len(u.reasons),
                "grounded": grounded,
                "ranked_by": u.ranked_by,
                "notes": u.notes,
                "top3": [next(c.item.title for c in cands if c.item.id == i) for i in u.order[:3]],
                "sample_reason": next(iter(u.reasons.values()), ""),
            }
        )
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    return {
        "backend": backend,
        "size": size,
        "load_s": round(load_s, 2),
        "candidates": n_candidates,
        "queries": len(rows),
        "first_reason_p50_s": round(statistics.median(firsts), 2),
        "total_p50_s": round(statistics.median(totals), 2),
        "total_max_s": round(max(totals), 2),
        "grounded_share": round(sum(r["grounded"] for r in rows) / max(1, sum(r["reasons"] for r in rows)), 2),
        "rss_gb": round(rss_gb(), 2),
        "load_avg": load_avg(),
    }


ZH_GENRES = {
    "comedy": "喜剧", "drama": "剧情", "thriller": "惊悚", "action": "动作", "animation": "动画", "crime": "犯罪",
    "romance": "爱情", "horror": "恐怖", "sci-fi": "科幻", "adventure": "冒险", "children's": "儿童", "war": "战争",
    "documentary": "纪录", "musical": "歌舞", "mystery": "悬疑", "western": "西部", "fantasy": "奇幻",
}


def grounded_reason(reason: str, item) -> bool:
    """Does the reason name an attribute of its item (genre, year, runtime, rating)? A rough check."""
    low = reason.lower()
    facts = [g for g in item.genres] + [ZH_GENRES.get(g, "\0") for g in item.genres]
    facts += [str(x) for x in (item.year, item.runtime, item.rating) if x]
    if item.year:
        facts.append(f"{str(item.year)[2]}0s")
    return any(f.lower() in low for f in facts)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--backend", choices=["llamacpp", "transformers"], default="llamacpp")
    p.add_argument("--size", default="1.5b")
    p.add_argument("--prompt-tokens", type=int, default=600)
    p.add_argument("--gen-tokens", type=int, default=150)
    p.add_argument("--rank", action="store_true", help="benchmark the LLM ranker instead")
    p.add_argument("--candidates", type=int, default=8)
    p.add_argument("--queries", type=int, default=6)
    a = p.parse_args()
    if a.rank:
        out = bench_rank(a.backend, a.size, a.candidates, a.queries)
    else:
        out = bench_speed(a.backend, a.size, a.prompt_tokens, a.gen_tokens)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
