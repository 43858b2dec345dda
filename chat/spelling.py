"""Spelling slips in the words the rules read: "comdies", "horor", "thriler", "ninties", "80's".

Only into domain words (genre words from catalog/genres.yaml, decade words, the follow-up words
of lexicon.SLIP_WORDS), and only a token that is no English word itself (chat/words.py: "mastery"
stays "mastery"): at least `MIN_LEN` letters, the same first letter as its correction, and at most
one edit away (two from a word of 6 letters or more; a swap of neighbours is one edit: "odler").
Everything else is left as typed, so a title or a name is not rewritten into a genre. Offsets do not matter to callers: the corrected
text is parsed as if the user had typed it.

Example:
    correct("some comdies from the ninties, nothing too lnog")
    # -> "some comedies from the nineties, nothing too long"
"""
from __future__ import annotations

import re
from collections.abc import Callable

from chat import rx
from functools import lru_cache

from catalog.genres import vocabulary
from chat import lexicon as L
from chat.words import is_word

MIN_LEN = 4
_TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


@lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """The plain words a correction may produce: genre words (regexes expanded where simple),
    decade words and the follow-up words the rules read."""
    words: set[str] = set(L.SLIP_WORDS) | set(L.DECADE_WORDS_EN)
    for g in vocabulary():
        words.add(g.key)
        words.add(g.name("en"))
        for pattern in g.says.get("en", ()):
            words.update(_expand(pattern))
    return frozenset(w for w in words if w.isalpha() and len(w) >= MIN_LEN)


def _expand(pattern: str) -> set[str]:
    """The words a simple genre regex matches: "comed(?:y|ies)" -> {"comedy", "comedies"},
    "thrillers?" -> {"thriller", "thrillers"}. Patterns with other syntax yield nothing."""
    m = rx.fullmatch(r"([a-z]+)\(\?:([a-z|]+)\)", pattern)
    if m:
        return {m.group(1) + tail for tail in m.group(2).split("|")}
    m = rx.fullmatch(r"([a-z]+)(s)\?", pattern)
    if m:
        return {m.group(1), m.group(1) + "s"}
    return {pattern} if pattern.isalpha() else set()


# Contractions typed without the apostrophe, where the bare form is no other English word
# ("wont", "cant", "ill", "were", "its" are words, so they stay).
CONTRACTIONS = {w.replace("'", ""): w for w in (
    "what's", "that's", "how's", "who's", "where's", "there's", "here's", "it'll", "don't", "didn't",
    "doesn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "couldn't",
    "wouldn't", "shouldn't", "i've", "i'm", "you're", "they're", "we've", "you've", "they've",
    "i'd've", "let's")}


# Chat spellings of the words the rules read, none of them another English word: "moar" (more),
# "wats the 1st abt" (what's the first about), "sumthin shorter", "seen em all" (them).
CHAT_SPELLINGS = {
    "moar": "more", "mor": "more", "abt": "about", "wat": "what", "wats": "what's",
    "hw": "how", "hwo": "how", "wht": "what", "wen": "when",
    "whatz": "what's", "sumthin": "something", "sumthing": "something", "smth": "something", "sth": "something",
    "anythin": "anything", "nothin": "nothing", "rly": "really", "gud": "good", "cuz": "because",
    "coz": "because", "thnx": "thanks", "em": "them", "tonite": "tonight", "recomend": "recommend", "reccomend": "recommend",
    "teh": "the", "hte": "the", "aight": "alright", "ight": "alright", "aite": "alright",
    # kept as typed: "a scaredy cat", "easily spooked" frighten easily, no wish for "scary" or "spooky"
    "scaredy": "scaredy", "spooked": "spooked",
}


@lru_cache(maxsize=4096)
def correct_word(word: str) -> str:
    """The domain word `word` was meant to be, or `word` itself. Example: "horor" -> "horror";
    "whats" -> "what's" (CONTRACTIONS); "moar" -> "more" (CHAT_SPELLINGS)."""
    if word in CONTRACTIONS:
        return CONTRACTIONS[word]
    if word in CHAT_SPELLINGS:
        return CHAT_SPELLINGS[word]
    if "'" in word and is_word(word.split("'", 1)[0]):
        return word  # "how long's it", "the kid's pick": a real word with a clitic, no slip
    if len(word) >= 5 and word.endswith("in") and not is_word(word) and is_word(word + "g"):
        return word + "g"  # a dropped g: "walkin" -> "walking", "somethin" -> "something"
    if len(word) < MIN_LEN or word in domain_words() or word in L.KNOWN_NOT_SLIPS or is_word(word):
        return word
    # two letters typed the wrong way round in an everyday word: "taht" (that), "othres" (others)
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]}
    common = sorted(x for x in swapped if x in domain_words() or is_word(x))
    if len(common) == 1:
        return common[0]
    from rapidfuzz.distance import DamerauLevenshtein  # lazy: importing the parser stays light

    limit = 1 if len(word) <= 5 else 2
    best, best_d = word, limit + 1
    for w in sorted(domain_words()):
        if w[0] != word[0] or abs(len(w) - len(word)) > limit:
            continue
        d = DamerauLevenshtein.distance(word, w, score_cutoff=limit)
        if d < best_d:
            best, best_d = w, d
    if best == word:
        # a doubled letter typed once plus one more slip: "horer" (horror), "horrer", "comodies"
        squeezed = _squeeze(word)
        doubled = set(rx.findall(r"(.)\1", word))
        for w in sorted(domain_words()):
            # a letter the user doubled must be doubled in the word too: "fussy" is no "funny"
            if w[0] == word[0] and abs(len(w) - len(word)) <= 2 and _squeeze(w) != w \
                    and doubled <= set(rx.findall(r"(.)\1", w)) \
                    and DamerauLevenshtein.distance(squeezed, _squeeze(w), score_cutoff=1) <= 1:
                return w
    return best


def _squeeze(word: str) -> str:
    """`word` with doubled letters written once: "horror" -> "horor"."""
    return rx.sub(r"(.)\1+", r"\1", word)


def correct(text: str) -> str:
    """`text` with domain-word slips corrected and "80's" / "90’s" written "80s" (lower-cased
    input expected, as the parser's folded text). Quoted titles are left alone."""
    text = rx.sub(r"(\d0)\s*['’]\s*s\b", r"\1s", text)
    text = rx.sub(r"(?<![a-z])['’]em\b", "them", text)  # "seen 'em all"
    out: list[str] = []
    last = 0
    quoted = [(m.start(), m.end()) for m in rx.finditer(r"\"[^\"]*\"|“[^”]*”|《[^》]*》", text)]
    for m in _TOKEN.finditer(text):
        if any(s <= m.start() < e for s, e in quoted):
            continue
        if text[m.end():m.end() + 1] in ("'", "’"):
            continue  # "Singin' in the Rain": a dropped letter written on purpose, often a title
        fixed = correct_word(m.group(0))
        if fixed != m.group(0):
            out.append(text[last:m.start()])
            out.append(fixed)
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def misspelt_titles(text: str, match_title: Callable[[str], list[tuple[str, float]]],
                    min_score: float = 0.93) -> list[tuple[int, int]]:
    """Spans of `text` that are a catalog title typed with a slip ("crimsn tide", "dances with wlves"),
    so that `correct_case_kept` leaves them alone instead of turning "crimsn" into "crime". Only runs
    of two to five words that hold a word `correct_word` would change are tried, each as a whole
    title (`match_title`: fuzzy title -> [(id, score 0..1)]); a run is kept at `min_score` or above,
    unless the correction makes it a title as well ("dead man walkin" is corrected to "walking").
    Example: misspelt_titles("something like crimsn tide", catalog_matcher) -> [(15, 26)]"""
    low = text.lower()
    tokens = [(m.start(), m.end()) for m in rx.finditer(r"[a-z0-9][a-z0-9'.:-]*", low)]
    slips = [i for i, (s, e) in enumerate(tokens) if correct_word(low[s:e].strip(".:")) != low[s:e].strip(".:")]
    spans: list[tuple[int, int]] = []
    for i in slips:
        best: tuple[float, int, int] | None = None
        for a in range(max(0, i - 4), i + 1):
            for b in range(max(i, a + 1), min(len(tokens), a + 5)):
                start, end = tokens[a][0], tokens[b][1]
                run = low[start:end]
                if sum(len(w) >= 3 for w in run.split()) < 2 and len(run.split()) < 3:
                    continue  # "tide" alone, "of the": too little to be sure of a title
                hits = match_title(run)
                if hits and hits[0][1] >= min_score and not _fixed_better(run, hits[0][1], match_title) and (best is None or (hits[0][1], end - start) > best[:1] + (best[2] - best[1],)):
                    best = (hits[0][1], start, end)
        if best is not None:
            spans.append((best[1], best[2]))
    return spans


def _fixed_better(run: str, score: float, match_title: Callable[[str], list[tuple[str, float]]]) -> bool:
    """Whether correcting `run` makes it a title as well or better ("dead man walkin" -> "walking")."""
    fixed = correct(run)
    return fixed != run and any(sc >= score for _i, sc in match_title(fixed)[:1])


def correct_case_kept(text: str, keep: Callable[[str], list[tuple[int, int]]] | None = None) -> str:
    """`correct` for text as typed: only corrected words change (to lower case); the rest of the
    text, titles' capitals included, is kept. Example: "Comdies like Heat" -> "comedies like Heat".
    `keep(text)`: spans of the text to leave as typed, asked only when a word would change (the titles
    it names: "singin in the rain" is Singin' in the Rain, not "singing")."""
    low = text.lower()
    fixed = correct(low)
    if fixed == low:
        return text
    # Rebuild from the token alignment: equal tokens keep their original spelling.
    out = []
    tokens = rx.findall(r"\S+|\s+", text)
    fixed_tokens = rx.findall(r"\S+|\s+", fixed)
    if len(tokens) != len(fixed_tokens):
        return fixed
    kept = keep(text) if keep is not None else []
    at = 0
    for a, b in zip(tokens, fixed_tokens):
        inside = any(s <= at and at + len(a) <= e for s, e in kept)
        out.append(a if a.lower() == b or inside else b)
        at += len(a)
    return "".join(out)


def zh_homophones(text: str, words: dict[str, tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """Chinese slips of the input method: a word typed with a same-sounding character ("动做片" for
    动作片, "恐布片" for 恐怖片, "记录片" for 纪录片), found by pinyin (pypinyin, tones ignored) where it
    is followed by 片 / 电影 / 类 / 的. `words`: {genre: its Chinese words}. Returns (start, end, genre)."""
    if not rx.search(r"[\u4e00-\u9fff]", text):
        return []
    from pypinyin import lazy_pinyin  # lazy: only Chinese text pays for it

    out: list[tuple[int, int, str]] = []
    sounds = {(g, w): tuple(lazy_pinyin(w)) for g, ws in words.items() for w in ws if len(w) >= 2}
    # the sound of every character once (a long paste must not cost a pinyin call per window)
    per_char = [lazy_pinyin(ch)[0] if "\u4e00" <= ch <= "\u9fff" else "" for ch in text]
    for (genre, word), sound in sounds.items():
        n = len(word)
        for i in range(len(text) - n + 1):
            if tuple(per_char[i:i + n]) != sound or "" in per_char[i:i + n]:
                continue
            chunk = text[i:i + n]
            if chunk == word:
                continue
            if not rx.match(r"片|电影|类|的", text[i + n:i + n + 2]) and not word.endswith("片") \
                    and not _asked_for_bare(text, i, n, chunk):
                continue
            out.append((i, i + n, genre))
    return out


def _asked_for_bare(text: str, i: int, n: int, chunk: str) -> bool:
    """A genre word typed with a slip and nothing after it, right after a word of asking: "想看洗剧",
    "来点喜据吧", "推荐几部战挣". Not a word of its own in the dictionary ("想看戏剧" is theatre)."""
    if not rx.search(r"(?:看|来点|来部|来几部|推荐|推荐几部|推荐点|推几部|找几部|找部|要|整点)\s*$", text[max(0, i - 4):i]):
        return False
    if not rx.match(r"\s*(?:$|[，,。.!！?？~～\s]|吧|吗|呢|呀|啊)", text[i + n:]):
        return False
    from chat.text import _jieba  # lazy: the segmenter's dictionary loads on first use

    return chunk not in _jieba().dt.FREQ


# Cue words an input-method slip is corrected into (same sound, one character off): "看郭了" -> 看过了,
# "换一皮" -> 换一批. Two-character cues only before 了 or the end of a clause ("看国产片" stays).
def _zh_cue_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for w in (*L.SEEN_CUE_ZH, *L.PAGING_ZH, *L.RESET_ZH, *L.SLIP_CUES_ZH) if len(w) >= 2
                               and all("\u4e00" <= ch <= "\u9fff" for ch in w)))


@lru_cache(maxsize=1)
def _zh_cue_sounds() -> dict[tuple[str, ...], str]:
    """Every way a cue word may sound, its characters' other readings included: 多长 is "duo zhang" to
    pypinyin, but typed as "多唱" it was meant as "duo chang"."""
    from itertools import product

    from pypinyin import Style, lazy_pinyin, pinyin  # lazy: only Chinese text pays for it

    sounds: dict[tuple[str, ...], str] = {}
    for w in _zh_cue_words():
        sounds.setdefault(tuple(lazy_pinyin(w)), w)
        readings = [dict.fromkeys(pinyin(ch, style=Style.NORMAL, heteronym=True)[0]) for ch in w]
        for sound in product(*readings):
            sounds.setdefault(tuple(sound), w)
    return sounds


@lru_cache(maxsize=8192)
def _char_sound(ch: str) -> str:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0] if "\u4e00" <= ch <= "\u9fff" else ""


# First-character slips common enough to correct, each where it is typed: 在 for 再 at the start of a
# clause ("在来一批", "在推荐几部"; "现在来点喜剧" and "我在找" are right as typed); 将 for 讲 and 那 for 哪
# right after a card is named ("第三个将什么的", "第二个那年的"; "那年的冬天" stays).
_CLAUSE_HEAD = r"(?:^|[，。,.!?！？；;\s~～]|(?<=[那就好行嗯哦啊吧呀嘛]))$"
_AFTER_CARD = r"(?:第\s*[一二三四五六七八九十两\d]+\s*(?:个|部|名)?|这部|那部|这个|那个|它)\s*(?:是|的)?\s*$"
_FIRST_SLIPS: dict[tuple[str, str], str] = {("在", "再"): _CLAUSE_HEAD, ("将", "讲"): _AFTER_CARD, ("那", "哪"): _AFTER_CARD}


def _first_slip(text: str, i: int, word: str) -> bool:
    head = _FIRST_SLIPS.get((text[i], word[0]))
    return head is not None and bool(rx.search(head, text[:i]))


def zh_slips(text: str) -> str:
    """`text` with input-method slips in the rules' Chinese cue words corrected (same length, so
    offsets stay). Example: zh_slips("终结者2看郭了") -> "终结者2看过了"; zh_slips("换一皮") -> "换一批"."""
    if not rx.search(r"[\u4e00-\u9fff]", text):
        return text
    # "弟二个", "地三部", "低一个": 第 before a card's number, typed as a word of the same sound ("我弟两部都看过" keeps 弟)
    text = rx.sub(r"(?<![我你他她弟小表堂兄老])[弟地低递帝滴](?=\s*[一二三四五六七八九十\d]{1,2}\s*(?:个|部|各|名|本|位))", "第", text)
    sounds = _zh_cue_sounds()
    lengths = sorted({len(k) for k in sounds}, reverse=True)
    per_char = [_char_sound(ch) for ch in text]
    out = list(text)
    i = 0
    while i < len(text):
        for n in lengths:
            word = sounds.get(tuple(per_char[i:i + n]))
            chunk = text[i:i + n]
            if word is None or word == chunk or "" in per_char[i:i + n]:
                continue
            if sum(a != b for a, b in zip(word, chunk)) != 1:
                continue
            if word[0] != chunk[0] and not _first_slip(text, i, word) \
                    and not (n >= 3 and word in L.SLIP_CUES_ZH and rx.search(_AFTER_CARD, text[:i])):
                continue  # one slip, never the first character ("砍过" is no "看过"), but 在 for 再, and a
                # question word of three right after a card ("第三个奖啥的", "第二个拿年的")
            if n == 2 and not rx.match(r"了|$|[，。,.!?！？；\s]", text[i + n:i + n + 1]) \
                    and not (word in L.SLIP_CUES_ZH and text[i + n:i + n + 1] == "的"):  # "八分以伤的"
                continue
            out[i:i + n] = word
            i += n - 1
            break
        i += 1
    return "".join(out)


# 部 (the measure word for films) typed as 步 / 布, after a number: "推荐几步科幻片", "第二步讲啥".
_MEASURE_SLIP = re.compile(r"(?<![进下每同跑走退迈][几一二三四五六七八九十两俩\d])(?<=[几一二三四五六七八九十两俩\d])[步布]"
                           r"(?![步行伐骤调子])")


# 分 (a score's unit) typed as 份 after a number or in 评分: "八份以上", "评份七份以上的", "7份+".
_SCORE_SLIP = re.compile(r"(?<=[一二三四五六七八九十两\d.])份(?=\s*(?:以上|以下|往上|起|多|半|左右|及以上|或以上|\+|的|$))|(?<=评)份")


def zh_slang(text: str) -> str:
    """网络用语 written as the plain word it stands for (lexicon.SLANG_ZH, same length, so offsets stay).
    Example: zh_slang("有木有好康的喜剧") -> "有没有好看的喜剧"."""
    if not rx.search(r"[\u4e00-\u9fff]", text):
        return text
    for slang, plain in L.SLANG_ZH.items():
        if slang in text:
            text = text.replace(slang, plain)
    return _SCORE_SLIP.sub("分", _MEASURE_SLIP.sub("部", text))


def _pinyin_run(run: str) -> str | None:
    """The Chinese words a Latin run typed in 拼音 spells (lexicon.PINYIN_WORDS_ZH, whole words only), or None."""
    low = run.lower().replace(" ", "")
    if low in L.PINYIN_WORDS_ZH:
        return L.PINYIN_WORDS_ZH[low]
    for i in range(len(low) - 3, 3, -1):  # two words run together: "tuijianjibu"
        if low[:i] in L.PINYIN_WORDS_ZH and low[i:] in L.PINYIN_WORDS_ZH:
            return L.PINYIN_WORDS_ZH[low[:i]] + L.PINYIN_WORDS_ZH[low[i:]]
    return None


def zh_pinyin(text: str) -> str:
    """A Chinese message with words the input method left in 拼音, written in Chinese: zh_pinyin("闪灵kanguo了")
    -> "闪灵看过了", zh_pinyin("tuijian几部恐怖片") -> "推荐几部恐怖片". English inside Chinese stays ("toy story")."""
    if not rx.search(r"[\u4e00-\u9fff]", text):
        return text
    return rx.sub(r"[A-Za-z]+", lambda m: _pinyin_run(m.group(0)) or m.group(0), text)


def _spoken_words(table: dict[str, int]) -> str:
    return "(?:" + "|".join(sorted(table, key=len, reverse=True)) + ")"


_ONES = _spoken_words(L.SPOKEN_ONES_EN)
_TEENS = _spoken_words(L.SPOKEN_TEENS_EN)
_TENS = _spoken_words(L.SPOKEN_TENS_EN)
_DECADES = _spoken_words({k: v for k, v in L.DECADE_WORDS_EN.items() if v < 2000})
_CENTURY = r"\b(?P<c>nineteen|eighteen)[- ](?:hundred[- ](?:and[- ])?)?"
# a number from 1 to 999 said in words: "seven", "forty five", "one hundred and twenty", "a hundred ten"
_CARDINAL = (rf"\b(?:(?P<hun>{_ONES}|a)[- ]hundred(?:[- ]and)?[- ]?)?"
             rf"(?:(?P<tens>{_TENS})(?:[- ](?P<ones>{_ONES}))?|(?P<teen>{_TEENS})|(?P<one>{_ONES}))?\b")


def _cardinal(m: re.Match) -> int | None:
    """The number a `_CARDINAL` match says, or None when it says none ("a" alone)."""
    g = {k: (v or "").lower() or None for k, v in m.groupdict().items()}
    rest = (L.SPOKEN_TENS_EN.get(g["tens"] or "", 0) + L.SPOKEN_ONES_EN.get(g["ones"] or "", 0)
            + L.SPOKEN_TEENS_EN.get(g["teen"] or "", 0) + L.SPOKEN_ONES_EN.get(g["one"] or "", 0))
    hundreds = 0 if g["hun"] is None else (1 if g["hun"] == "a" else L.SPOKEN_ONES_EN[g["hun"]])
    if not hundreds and not rest:
        return None
    return hundreds * 100 + rest


def _year(m: re.Match) -> str:
    g = {k: (v or "").lower() for k, v in m.groupdict().items()}
    century = 1900 if g["c"] == "nineteen" else 1800
    if g.get("dec"):
        return f"{century + L.DECADE_WORDS_EN[g['dec']] % 100}s"
    tail = (L.SPOKEN_TENS_EN.get(g.get("yt", ""), 0) + L.SPOKEN_ONES_EN.get(g.get("yo", ""), 0)
            + L.SPOKEN_TEENS_EN.get(g.get("yteen", ""), 0) + L.SPOKEN_ONES_EN.get(g.get("yo2", ""), 0))
    return str(century + tail)


def spoken_numbers(text: str) -> str:
    """`text` with the numbers a dictation engine spells out written as digits, where what follows or
    precedes says what the number is: a year ("nineteen eighty five" -> "1985", "the nineteen nineties"
    -> "the 1990s", "nineteen oh five" -> "1905"), a length, score or count with its unit ("one hundred and
    twenty minutes" -> "120 minutes", "seven out of ten" -> "7 out of 10", "eight point five" -> "8.5"), a
    card ("number two", "number won", "no. for" -> "number 2", "number 1", "number 4") and a count said
    with a homophone ("give me for thrillers" -> "give me 4 thrillers"); with the dictation and autocorrect
    slips of lexicon.DICTATION_SLIPS_EN ("i've scene it", "so fi", "horrid movies"). Other words stay.
    Example: spoken_numbers("comedies from nineteen eighty five under ninety minutes")
    # -> "comedies from 1985 under 90 minutes" """
    # "一九八五年左右", "一九九零年代": a year said digit by digit in characters
    text = rx.sub(r"(?<![零〇一二三四五六七八九十])(?P<y>[一][八九][零〇一二三四五六七八九]{2}|二零[零〇一二][零〇一二三四五六七八九])(?=\s*年)",
                  lambda m: "".join(str("零一二三四五六七八九".find(c.replace("〇", "零"))) for c in m.group("y")), text)
    for pattern, repl in L.DICTATION_SLIPS_EN:
        text = rx.sub(pattern, repl, text, flags=re.I)
    if not rx.search(r"[a-z]", text, flags=re.I):
        return text
    text = rx.sub(_CENTURY + rf"(?P<dec>{_DECADES})\b", _year, text, flags=re.I)
    text = rx.sub(_CENTURY + rf"(?:(?P<yt>{_TENS})(?:[- ](?P<yo>{_ONES}))?|(?P<yteen>{_TEENS})|oh[- ](?P<yo2>{_ONES}))\b",
                  _year, text, flags=re.I)
    # "from eighty five to ninety five", "before eighty five", "since ninety two": a year of the 1900s said in two words
    text = rx.sub(rf"\b(?P<w>from|between|since|before|after|until|till|pre|post)\s+(?P<a>{_TENS}[- ](?:{_ONES}))"
                  rf"(?:\s+(?P<j>to|and|through|thru|till|until)\s+(?P<b>{_TENS}(?:[- ](?:{_ONES}))?))?\b(?![- ]{_ONES}\b)(?!{L.SPOKEN_UNIT_EN[3:]}",
                  lambda m: f"{m.group('w')} {_two_words(m.group('a'))} {m.group('j')} {_two_words(m.group('b'))}" if m.group("b")
                  else f"{m.group('w')} '{_two_words(m.group('a'))}", text, flags=re.I)  # alone: "before '85", a year
    # "eight point five", "seven and a half out of ten": a score with its fraction
    text = rx.sub(rf"\b(?P<a>{_ONES}|ten)\s+point\s+(?P<b>{_ONES})\b",
                  lambda m: f"{_n(m.group('a'))}.{_n(m.group('b'))}", text, flags=re.I)
    text = rx.sub(rf"\b(?P<a>{_ONES}|ten)\s+and\s+a\s+half(?=\s+out of\b|\s+stars?\b|\s+or\s+(?:more|higher|better|above)\b)",
                  lambda m: f"{_n(m.group('a'))}.5", text, flags=re.I)
    text = rx.sub(_CARDINAL + L.SPOKEN_UNIT_EN, lambda m: _digits(m), text, flags=re.I)
    text = rx.sub(r"(?<=out of )ten\b", "10", text, flags=re.I)
    # a card by its number: "number two", "no. won", "# for"
    text = rx.sub(r"(?<!\ba )(?<!\bmy )(?<!\bour )(?<!\byour )(?P<w>\bnumber|\bno\.|#)\s*(?P<n>"
                  + _spoken_words({**L.SPOKEN_ONES_EN, "ten": 10, **L.DICTATED_DIGITS_EN}) + r")\b",
                  lambda m: f"{m.group('w')} {_n(m.group('n'))}", text, flags=re.I)
    text = rx.sub(L.DICTATED_COUNT_EN, lambda m: m.group(0)[:m.start("n") - m.start()] + str(_n(m.group("n")))
                  + m.group(0)[m.end("n") - m.start():], text, flags=re.I)
    return rx.sub(r" {2,}", " ", text)


def _two_words(said: str) -> int:
    """"eighty five" -> 85, "ninety" -> 90."""
    tens, _, ones = said.lower().replace("-", " ").partition(" ")
    return L.SPOKEN_TENS_EN[tens] + (L.SPOKEN_ONES_EN[ones] if ones else 0)


def _n(word: str) -> int:
    word = word.lower()
    return L.SPOKEN_ONES_EN.get(word) or L.DICTATED_DIGITS_EN.get(word) or L.SPOKEN_TEENS_EN[word]


def _digits(m: re.Match) -> str:
    n = _cardinal(m)
    return m.group(0) if n is None else str(n)
