"""The words the rule parser knows, in English and Chinese: data, not logic.

Genre words live with the genre vocabulary (catalog/genres.yaml, `says`); the parser only emits a
genre that the catalog's vocabulary (`CatalogVocab.genres`) contains, and any vocabulary genre
that appears literally in the text is recognised too (so a books catalog works without editing
either file). English entries are regular expressions matched on lower-cased text at word
boundaries; Chinese entries are plain substrings.

Numeric defaults (documented here because users see them in the instruction panel):
    "nothing too long" / "not too long" / "不要太长"      -> max_runtime 110
    "short" / "quick" / "短一点"                           -> max_runtime 100
    "shorter" / "更短" with a max_runtime in force          -> that value - 20
    "under 2 hours" / "两小时以内"                          -> max_runtime 120
    "highly rated" / "acclaimed" / "高分" / "评分高"        -> min_rating 7.5
    "rated above 8" / "评分8分以上"                         -> min_rating 8.0
    "family friendly" / "适合全家" / "合家欢"               -> mpaa ["G", "PG"]
    "no R-rated"                                           -> mpaa ["G", "PG", "PG-13"]
    "a few" / "几部"  -> k 5;  "a couple" -> k 2;  default k 8
    "old" / "classic" with no period in force              -> max_year 1979
    "recent" with no period in force                       -> min_year = last catalog year - 5
                                                             (2015 when the catalog's years are unknown)
"""
from __future__ import annotations


NEGATION_EN = (r"\b(?:no|not|without|nothing|none|never|avoid|except|excluding|exclude|skip|minus|"
               r"don'?t|do not|doesn'?t|isn'?t|aren'?t|won'?t|rather not|other than|anything but)\b")
NEGATION_ZH = ("不要", "不想", "别", "不看", "不喜欢", "除了", "不是", "不含", "排除", "去掉", "不能", "不太", "不带",
               "没有", "不需要")

# Clause boundaries: negation and feedback cues do not cross them.
CLAUSE_SPLIT = r"[,;.!?，。；！？、\n]|\bbut\b|\bhowever\b|\bwhereas\b|但是|不过|可是|而是|但"

RESET_EN = (r"\b(?:start over|start again|new conversation|new chat|forget (?:that|it|everything|all that|all of that)|"
            r"reset|clear (?:it|everything|all)|from scratch|never ?mind)\b")
RESET_ZH = ("重新开始", "换个话题", "从头开始", "重来", "清空", "忘掉", "忘了吧", "算了")

SMALLTALK_EN = (r"\b(?:hi|hello|hey|hiya|thanks|thank you|thank u|thx|ty|ok|okay|cool|great|nice|bye|goodbye|"
                r"good (?:morning|evening|night|afternoon)|how are you|yo|sure|yes|no thanks|a lot|so much|very much|again|guys|there|mate|for (?:that|this|the help|your help))\b")
SMALLTALK_ZH = ("你好", "您好", "谢谢", "多谢", "感谢", "嗨", "哈喽", "再见", "好的", "拜拜", "早上好", "晚上好", "在吗", "好吧")

# Words that carry no intention of their own ("recommend me a movie" has no intention).
FILLER_EN = set("""
i me my we us our you your a an the some something anything any one ones thing things stuff
movie movies film films flick flicks book books item items title titles show shows watch watching
see read recommend recommendation recommendations suggest suggestion suggestions please pls
want wanna need would like 'd d love give find show get can could may might let lets let's
for to of with and or in on at it is are be that this what which how about maybe just
good great nice new more other another again also tonight today now please find me some
pick picks option options idea ideas few couple top
actually hmm well ok okay instead rather though kind sort really
""".split())
FILLER_ZH = ("推荐", "电影", "影片", "片子", "一些", "几部", "一部", "给我", "我想看", "我想", "想看", "有什么",
             "有没有", "什么", "好看", "一下", "请", "吗", "呢", "吧", "的", "部", "看", "我", "来", "点", "些",
             "书", "本", "个", "找", "要", "一", "几", "帮", "作品")

REFINE_START_EN = r"^(?:and|also|but|plus|only|just|make (?:it|them)|same but|ok,? but)\b"
REFINE_START_ZH = ("还要", "再", "而且", "另外", "还有", "只要", "只看", "那就")
REFINE_ANYWHERE_EN = r"\b(?:older|newer|more recent|earlier|later|shorter|longer|only|less|lower|higher)\b"
REFINE_ANYWHERE_ZH = ("更", "一点", "一些的", "点的", "只要")

# Feedback cues, checked in this order inside the clause that names a position.
QUESTION_EN = (r"\btell me (?:more )?about\b|\bmore about\b|\bwhat(?:'s| is| was)\b.*\babout\b|\bplot\b|"
               r"\bdetails?\b|\bwho (?:is|stars|directed|wrote)\b|\bwhat is\b|\bexplain\b|\bdescribe\b|\bsummary\b")
QUESTION_ZH = ("讲什么", "讲的是", "讲了什么", "是什么", "关于什么", "介绍", "说说", "说一下", "剧情", "讲讲", "怎么样",
               "好看吗", "是谁", "什么内容", "详细")
MORE_LIKE_EN = (r"\bmore like\b|\bsimilar to\b|\bsomething like\b|\bsimilar\b|\bones? like\b|\bmore of\b|"
                r"\bin the style of\b|\balong the lines of\b|\bmovies? like\b|\bfilms? like\b|\bbooks? like\b")
MORE_LIKE_ZH = ("更像", "类似", "像", "差不多", "同类", "相似", "这样的", "那样的", "这种", "那种", "风格")
DISLIKE_EN = (r"\b(?:not|no|don'?t|didn'?t|dislike|disliked|hate|hated|drop|remove|skip|exclude|seen|watched|"
              r"boring|bad|nah|meh|without|not interested|no more)\b")
DISLIKE_ZH = ("不要", "不喜欢", "别", "去掉", "不想", "看过", "不感兴趣", "不好", "太差", "删掉", "换掉", "排除", "没意思",
              "无聊", "不行")
LIKE_EN = (r"\b(?:like|liked|love|loved|good|great|nice|awesome|perfect|enjoyed|enjoy|favou?rite|yes|cool|"
           r"looks good|sounds good|keep)\b")
LIKE_ZH = ("喜欢", "不错", "好看", "很好", "挺好", "可以", "爱", "棒", "有意思", "精彩")

ORDINALS_EN: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
}
NUMBERS_EN: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
DECADE_WORDS_EN: dict[str, int] = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990, "noughties": 2000,
}
ZH_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "十": 10,
}

MPAA_ORDER = ["G", "PG", "PG-13", "R", "NC-17"]

# Defaults (see the module docstring).
RUNTIME_NOT_TOO_LONG = 110
RUNTIME_SHORT = 100
RUNTIME_SHORTER_STEP = 20
RATING_HIGH = 7.5
OLD_MAX_YEAR = 1979
RECENT_SPAN = 5
# Words that ask for recent titles (the scorer's recency signal; `Intention.recent`).
RECENT_WORDS = r"\b(?:recent|newer|newest|latest|new releases?|modern)\b|最新|新一点|近几年|新片|较新"
RECENT_MIN_YEAR_UNKNOWN = 2015
K_DEFAULT = 8
K_FEW = 5
K_COUPLE = 2
MAX_CHARS = 2000  # longer messages are cut, with a notice

# Words that must be in a message before the LLM rewriter may set a numeric constraint from it:
# a small model sometimes copies the prompt's example values ("90s", 110 minutes) into an
# answer about something else; these keep its constraints to what the words say.
GROUND_YEAR = (r"\d|decade|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|old|new|"
               r"recent|earl|late|classic|modern|vintage|latest|年|以前|以后|之前|之后|最近|老|新|早|经典|近")
GROUND_RUNTIME = r"\d|long|short|hour|minute|min\b|quick|brief|length|小时|分钟|长|短|时长|片长"
GROUND_RATING = r"\d|rat|score|acclaim|review|best|top|imdb|star|分|评|口碑|好评"
GROUND_MPAA = r"\bg\b|pg|\br\b|nc-?17|rated|family|kid|child|adult|级|全家|孩子|儿童|家庭|小孩"
