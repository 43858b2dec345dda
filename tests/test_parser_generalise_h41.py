"""English and Chinese turns from the blind dev40 set (choosing among the cards and asking for a number of films), by
class, each tested with phrasings the dialogues do not use: the assistant asked to pick a card ("which one should we
watch first?", "what would you go with?", "你会选哪个", "要是只能看一部 选哪个": the best rated card, a question about the
list), the runner-up of that pick ("ok and the second best?", "其次呢"), the list cut to a count ("narrow it down to 3",
"只要两部" said as 缩减到两部, "just 3, and nothing too long", "give me your number one"), paging with a count after a
lead word ("actually give me 5 more"), two cards as the model ("something between #2 and #4", "介于第二部和第四部之间的"),
a card taken and asked about in one message ("就第二部了 它多长") or taken by a fact ("就看最短的那部"), and the two cards
of a list of two pointed at together ("这两部都看过了", "both look good"). A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

# ratings: Ghostbusters (#2) is the best rated, Airplane! (#1) the second; Airplane! is the shortest, Caddyshack (#5) next
SHOWN_ITEMS = [
    Item(id=f"c{n}", title=title, year=year, runtime=runtime, rating=rating, genres=("comedy",))
    for n, (title, year, runtime, rating) in enumerate([
        ("Airplane!", 1980, 88, 7.7), ("Ghostbusters", 1984, 105, 7.8), ("Big", 1988, 104, 7.3),
        ("Tootsie", 1982, 116, 7.4), ("Caddyshack", 1980, 98, 7.3), ("Trading Places", 1983, 116, 7.5),
        ("Splash", 1984, 111, 6.2), ("Coming to America", 1988, 117, 7.0)], start=1)
]
ITEMS = SHOWN_ITEMS + [
    Item(id="a1", title="Alien", year=1979, runtime=116, rating=8.4, genres=("horror", "sci-fi", "thriller")),
    Item(id="b1", title="Blade Runner", year=1982, runtime=117, rating=8.1, genres=("sci-fi",)),
]
SHOWN = [i.id for i in SHOWN_ITEMS]

vocab = vocab_fixture(ITEMS, "h41-generalise-test")


def played(vocab, *said: str, cards: int = 8):
    """Each of `said` after a request for comedies, the first `cards` comedies shown after every turn; the last reading."""
    state, _ = say(vocab, DialogueState(), "recommend me some comedies")
    state = record_shown(state, SHOWN[:cards])
    ins = None
    for text in said:
        state, ins = say(vocab, state, text)
        state = record_shown(state, SHOWN[:cards])
    return ins


def count(ins) -> int | None:
    return ins.k if "k" in ins.model_fields_set else None


# --------------------------------------------------------------------------- the assistant asked to pick a card
@pytest.mark.parametrize("text", [
    "which one should we watch first?", "what would you go with?", "which of these would you recommend most",
    "if you could only pick one, which one?", "ok so which one should i put on tonight", "what's your top pick here?",
    "your favourite of these?", "which would u choose", "你会选哪个", "要是只能看一部 选哪个", "你最推荐哪部",
    "这几部里你首推哪部", "先看哪个好", "你挑一部的话选哪个", "what's the top pick", "which one's your favourite",
    "what would you recommend for tonight",
])
def test_a_pick_asked_of_the_assistant_is_the_best_rated_card(vocab, text):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question == "rating"
    assert ins.question_pick is not None and ins.question_position == 2
    assert ins.constraints.include_genres == ["comedy"]  # the request in force is kept


@pytest.mark.parametrize("first, then, position", [
    ("which one should i watch?", "ok and the second best?", 1), ("你最推荐哪一部", "其次呢", 1),
    ("你选哪个", "第二推荐是哪部", 1), ("which is the shortest?", "and the runner up?", 5),
    ("哪部最短", "那第二名呢", 5), ("what would you pick", "what about your second choice", 1),
])
def test_the_runner_up_is_the_second_of_the_same_pick(vocab, first, then, position):
    ins = played(vocab, first, then)
    assert ins.action == "question" and ins.question_position == position


@pytest.mark.parametrize("text, position", [("what's the 2nd one", 2), ("第二部讲什么", 2), ("and the 2nd?", 2),
                                            ("what's the first one", 1), ("what is your first choice", 1)])
def test_a_card_named_is_no_runner_up(vocab, text, position):
    ins = played(vocab, "which one should i watch?", text)
    assert ins.question_pick is None and ins.question_position == position


# --------------------------------------------------------------------------- the list cut to a count
@pytest.mark.parametrize("text, n", [
    ("narrow it down to 3", 3), ("can you cut it down to 4 pls", 4), ("trim the list to 5", 5),
    ("whittle it down to two", 2), ("just 3, and nothing too long", 3), ("only 2 please, from the 80s", 2),
    ("just give me your top pick then", 1), ("give me your number one", 1), ("just your top pick", 1),
    ("just one please, the best one", 1), ("only 3, the top ones", 3), ("just two pls, the highest rated", 2),
    ("就要一部 最好看的", 1), ("缩减到两部吧", 2), ("太多了 帮我缩小到三部", 3), ("精简成四部", 4), ("砍到五部就行", 5),
])
def test_the_list_cut_to_a_count_keeps_the_request(vocab, text, n):
    ins = played(vocab, text)
    assert ins.action == "refine" and count(ins) == n
    assert ins.constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("text", ["just 2 hours please", "nothing over 90 minutes", "between 1980 and 1985 pls"])
def test_a_length_or_a_period_is_no_count(vocab, text):
    assert count(played(vocab, text)) in (None, 8)


def test_a_top_pick_asked_for_with_a_genre_is_one_film(vocab):
    ins = parse(vocab, "what's your top pick for a sci fi movie?")
    assert ins.constraints.include_genres == ["sci-fi"] and count(ins) == 1


@pytest.mark.parametrize("text, n", [("actually give me 5 more", 5), ("also 3 more pls", 3), ("so, four more", 4)])
def test_paging_with_a_count_after_a_lead_word(vocab, text, n):
    ins = played(vocab, text)
    assert ins.action == "more" and count(ins) == n


# --------------------------------------------------------------------------- two cards as the model
@pytest.mark.parametrize("text, cards", [
    ("hmm something between #2 and #4 in tone", [2, 4]), ("anything between the first and the third?", [1, 3]),
    ("a mix of #1 and #5 pls", [1, 5]), ("介于第二部和第四部之间的", [2, 4]), ("第一和第三中间那种的", [1, 3]),
    ("来点第二个和第三个结合的", [2, 3]),
])
def test_between_two_cards_is_more_like_both(vocab, text, cards):
    ins = played(vocab, text)
    assert ins.action == "feedback"
    assert sorted(f.position for f in ins.feedback if f.kind == "more_like") == cards


@pytest.mark.parametrize("text", ["something between 90 and 120 minutes", "anything between 1985 and 1990"])
def test_between_two_numbers_is_still_a_range(vocab, text):
    ins = played(vocab, text)
    assert ins.action == "refine" and not ins.feedback


# --------------------------------------------------------------------------- a card taken, and asked about
@pytest.mark.parametrize("text, position, kind", [
    ("那就第一部吧 为什么推荐它", 1, "why"), ("就第二部了 它多长", 2, "runtime"), ("决定看第三部了 讲啥的", 3, "plot"),
    ("ok the first one then. why that one?", 1, "why"), ("i'll go with #3, how long is it", 3, "runtime"),
])
def test_a_card_taken_and_asked_about_is_a_question(vocab, text, position, kind):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question_position == position and ins.question == kind


@pytest.mark.parametrize("text", ["好 就看最短的那部 谢啦", "那就评分最高的那个吧", "就最新的那部了", "ok i'll go with the shortest one then",
                                  "就第二部吧 谢谢"])
def test_a_card_taken_by_a_fact_is_small_talk(vocab, text):
    ins = played(vocab, text)
    assert ins.action == "smalltalk"


# --------------------------------------------------------------------------- both cards of a list of two
@pytest.mark.parametrize("text, kind", [("这两部都看过了", "dislike"), ("俩都看过", "dislike"), ("seen both of them", "dislike"),
                                        ("both look good", "like"), ("这两个都不错", "like")])
def test_both_cards_of_a_list_of_two(vocab, text, kind):
    ins = played(vocab, text, cards=2)
    assert ins.action == "feedback"
    assert sorted(f.position for f in ins.feedback if f.kind == kind) == [1, 2]
