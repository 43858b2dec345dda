"""Text helpers of the rule reader: language detection, Chinese numerals, clauses, negation scope,
and `Work`, the message being parsed (lower-cased, folded, with consumed spans blanked).

Negation scope in Chinese uses word segmentation (jieba), so "别的" (other) is no negation while
"别" (don't) is, and a negation reaches to the end of its clause ("不想看太血腥的恐怖片").
"""
from __future__ import annotations

import re

from chat import rx
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from chat import lexicon as L
from chat.instruction import Language

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def detect_language(text: str, default: Language = "en") -> Language:
    """ "zh" when CJK ideographs outnumber Latin words; `default` (the conversation's language) when
    the message has neither ("🤔🤔", "???", "3"). Example: detect_language("90年代 comedy") -> "zh" """
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_WORD.findall(text))
    if not cjk and not latin:
        return default
    return "zh" if cjk and cjk >= latin else "en"


def zh_number(token: str) -> int | None:
    """Chinese or Arabic numeral -> int, up to 99; None when the digits make no one number.
    Example: zh_number("十二") -> 12, zh_number("两") -> 2, zh_number("十三一") -> None"""
    if token.isdigit():
        return int(token)
    if not token or any(c not in L.ZH_DIGITS for c in token):
        return None
    if "十" in token:
        tens, _, ones = token.partition("十")
        if len(tens) > 1 or len(ones) > 1 or "十" in ones:
            return None  # "十三一" in "一个十三一个十五": two numbers run together, not one
        t = L.ZH_DIGITS[tens] if tens else 1
        o = L.ZH_DIGITS[ones] if ones else 0
        return t * 10 + o
    if len(token) == 1:
        return L.ZH_DIGITS[token]
    return int("".join(str(L.ZH_DIGITS[c]) for c in token))  # "九零" -> 90


@dataclass
class Work:
    """The message being parsed: `low` is lower-cased, NFKC-normalised text in which consumed
    spans are blanked (same length, so offsets stay valid)."""

    text: str
    low: str
    notices: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> "Work":
        """The work of a raw message. Example: Work.of("Older ones").low -> "older ones" """
        return cls(text=text, low=fold(text))

    def consume(self, start: int, end: int) -> None:
        self.low = self.low[:start] + " " * (end - start) + self.low[end:]

    def sub(self, pattern: str | re.Pattern, handler) -> None:
        """Call handler(match) for each match of pattern in the remaining text; a handler that
        returns True consumes the match."""
        for m in list(rx.finditer(pattern, self.low)):
            if self.low[m.start():m.end()] != m.group(0):
                continue  # overlaps a span consumed by an earlier match
            if handler(m):
                self.consume(m.start(), m.end())

    def find_zh(self, words: tuple[str, ...] | list[str]) -> list[tuple[int, int, str]]:
        found = []
        for w in words:
            for m in rx.finditer(re.escape(w), self.low):
                found.append((m.start(), m.end(), w))
        return found


def clauses(low: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of the text."""
    spans, start = [], 0
    for m in rx.finditer(L.CLAUSE_SPLIT, low):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(low)))
    return [(s, e) for s, e in spans if low[s:e].strip()]


def has_cue(text: str, en: str, zh: tuple[str, ...]) -> bool:
    return bool(rx.search(en, text)) or any(w in text for w in zh)


def negated(low: str, pos: int, end: int | None = None) -> bool:
    """True when the word at `pos` (ending at `end`) is negated inside its clause: a negation cue
    before it ("no horror", "不想看太血腥的恐怖片"), or, with `end`, one right after it ("horror is a
    no", "恐怖片就算了"). Chinese cues count only as whole words (jieba): "有别的喜剧吗" negates nothing."""
    start = 0
    for m in rx.finditer(L.CLAUSE_SPLIT, low[:pos]):
        start = m.end()
    before = low[max(start, pos - 80):pos]  # a negation reaches this far within its clause
    if rx.match(L.DISMAY_PERSON_AFTER_EN, low[pos:]):
        before = rx.sub(L.DISMAY_EN, " ", before)  # "oh no my kids just walked in": dismay, no refusal
    stop = rx.search(L.CLAUSE_SPLIT, low[end:]) if end is not None else None
    after = (low[end:end + stop.start()] if stop else low[end:]) if end is not None else ""
    # "不想看恐怖片想看喜剧", "不要爱情片要动作片": typed without a comma, a wish after the negated word
    # starts afresh; "恐怖片不要喜剧可以": a word called fine right after is not negated
    zh_before = before[-24:]
    breaks = list(rx.finditer(L.SCOPE_BREAK_ZH, zh_before))
    if breaks:
        zh_before = zh_before[breaks[-1].end():]
    if rx.search(L.NEGATION_EN, before) or zh_negation(zh_before) and not rx.match(L.FINE_AFTER_ZH, after):
        return True
    if end is None:
        return False
    if _CJK.search(after[:1] or " ") or after[:1] == " " and _CJK.search(after[1:2] or " "):
        after = rx.sub(r"^\s*(?:题材|类型|类|风格|元素|内容|片子|片|电影)?(?:的)?(?:话)?", "", after)  # "战争题材的就不要了"
    lead = rx.sub(L.NEGATION_AFTER_LEAD_ZH, "", after.lstrip())  # "恐怖片绝对不看", "喜剧也不行"
    # ("悬疑的 不要太吓人", "喜剧别太长": a negation with a degree word is of how the film is, not of the genre)
    return (bool(rx.match(L.NEGATION_AFTER_EN, after)) or any(lead.startswith(w) and not _negates_next(lead[len(w):])
                                                              and not rx.match(L.DEGREE_AFTER_NEGATION_ZH, lead[len(w):])
                                                              for w in L.NEGATION_AFTER_ZH)
            or any(w in after[:10] for w in L.NEGATION_LATER_ZH))


def _negates_next(rest: str) -> bool:
    """After "喜剧不要": the negation is the next genre's when one follows ("想看喜剧不要爱情片", typed
    without a comma), unless that one is called fine ("恐怖片不要喜剧可以": the first is refused)."""
    m = rx.match(_zh_genre_words(), rest.lstrip())
    return m is not None and not rx.match(L.FINE_AFTER_ZH, rest.lstrip()[m.end():])


@lru_cache(maxsize=1)
def _zh_genre_words() -> str:
    from catalog.genres import says  # lazy: the genre vocabulary file is read once

    words = sorted({w for ws in says("zh").values() for w in ws}, key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, words)) + ")" if words else "(?!)"


def zh_negation(text: str) -> bool:
    """True when a word of `text` is or starts with a Chinese negation word (lexicon.NEGATION_ZH:
    "别太" and "不想看" count, "别的" and "别人" do not)."""
    if not _CJK.search(text):
        return False
    if any(n in text for n in L.NEGATION_ZH if len(n) >= 3):
        return True  # "我不喜欢歌舞片": jieba may cut 不 | 喜欢, but three characters say it whole
    if rx.search(L.NEGATION_WATCH_ZH, text):
        return True
    for token in segment(text):
        if token in L.NOT_NEGATION_ZH:
            continue
        if token in L.NEGATION_ZH_EXACT or token.startswith(L.NEGATION_ZH) \
                or any(n in token for n in L.NEGATION_ZH if len(n) >= 2):
            return True
    return False


def segment(text: str) -> tuple[str, ...]:
    """Chinese word segmentation (jieba, loaded once; lexicon.ZH_WORDS added so that genre and
    negation words stay whole). Example: segment("有别的喜剧吗") -> ("有", "别的", "喜剧", "吗")
    Short texts (what users type, the negation windows) are cached; a long paste is not, or 4,096
    cached segmentations of 2,000-character runs would hold hundreds of MB (found by the fuzz test)."""
    return _segment_cached(text) if len(text) <= 64 else tuple(_jieba().lcut(text))


@lru_cache(maxsize=4096)
def _segment_cached(text: str) -> tuple[str, ...]:
    return tuple(_jieba().lcut(text))


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba  # lazy: its dictionary takes ~1 s to load; warm it at start (`warm_segmenter`)

    jieba.setLogLevel(logging.WARNING)
    for word in L.ZH_WORDS:
        jieba.add_word(word)
    return jieba


def warm_segmenter() -> None:
    """Load the Chinese segmenter now (about a second), not in a user's first Chinese turn."""
    segment("预热分词器")
    simplified("預熱")  # and the traditional -> simplified table


def simplified(text: str) -> str:
    """Traditional Chinese characters as simplified ones (zhconv's tables), so the lexicon's words
    match either script: simplified("不要超過一百分鐘") -> "不要超过一百分钟". Text without Chinese
    is returned as it is."""
    if not _CJK.search(text):
        return text
    import zhconv  # lazy: its table loads in ~50 ms, once

    out = zhconv.convert(text, "zh-cn")
    if len(out) == len(text):
        return out
    # A phrase the table renders in other words changes the length ("鐵達尼號" -> "泰坦尼克号"): positions
    # must stay where the user typed them, so each character is converted alone ("铁达尼号", an alias too)
    return "".join(_one_simplified(ch) for ch in text)


def _one_simplified(ch: str) -> str:
    import zhconv

    out = zhconv.convert(ch, "zh-cn")
    return out if len(out) == 1 else ch


def blank_emoji(text: str) -> str:
    """`text` with its pictographic emoji (and the marks they are built with) as spaces, one for one, when the
    message has words besides: "seen fargo 😂" -> "seen fargo  "; emoji question marks as "?" ("#2讲啥❓"); a message
    of emoji alone ("👍", "🤔🤔") is kept whole (lexicon.EMOJI_RANGES)."""
    def emoji(ch: str) -> bool:
        return ch not in L.EMOJI_KEPT and (ch in L.EMOJI_JOINERS or any(a <= ord(ch) <= b for a, b in L.EMOJI_RANGES))

    out = "".join(L.EMOJI_AS_MARK.get(ch, " " if emoji(ch) else ch) for ch in text)
    return out if any(ch.isalnum() for ch in out) else text


def fold(text: str) -> str:
    """Lower-case, full-width -> ASCII (NFKC), one character for one, so that offsets in the
    folded text are offsets in the original ("ﬁ" or "İ" would otherwise change the length)."""
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch).lower()
        out.append(folded if len(folded) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch))
    return "".join(out)


