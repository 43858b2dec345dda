"""A message with no words of either language ("🤔🤔", "???", "3") is answered in the
conversation's language, not in English by default."""
from catalog.catalog import Catalog
from catalog.item import Item
from chat.parser import RuleRewriter
from chat.state import DialogueState
from chat.text import detect_language
from recommender.pipeline import catalog_vocab


def test_a_message_without_words_keeps_the_conversations_language():
    assert detect_language("🤔🤔", "zh") == "zh"
    assert detect_language("???", "zh") == "zh"
    assert detect_language("🤔🤔") == "en"
    assert detect_language("ok 好的好的", "en") == "zh"  # words decide when there are any
    assert detect_language("sounds good", "zh") == "en"


def test_puzzled_emoji_in_a_chinese_conversation_is_asked_back_in_chinese():
    vocab = catalog_vocab(Catalog("language-test", [Item(id="1", title="Titanic", year=1997, genres=("drama", "romance"))]))
    for message in ("🤔🤔", "？？？"):
        ins = RuleRewriter().rewrite(message, DialogueState(language="zh"), vocab)
        assert ins.action == "unclear" and ins.language == "zh"
    assert RuleRewriter().rewrite("🤔🤔", DialogueState(), vocab).language == "en"


def test_pointing_back_at_the_film_in_force_pages_on_and_keeps_the_length():
    """"I loved Titanic, something similar but not too long" then "more along those lines": the
    film pointed back to is already the reference, so the length limit stays (it was wiped)."""
    from chat.state import apply_resolved

    items = [Item(id="1", title="Titanic", year=1997, genres=("drama", "romance"), runtime=194),
             *[Item(id=str(n), title=f"Film {n}", year=1990 + n, genres=("drama",), runtime=100) for n in range(2, 12)]]
    vocab = catalog_vocab(Catalog("pointing-back", items))
    for first, then in (("I loved Titanic, something similar but not too long", "more along those lines"),
                        ("我超爱《Titanic》，想看类似的，但别太长", "照这个路子再找找")):
        rules = RuleRewriter()
        state = DialogueState()
        ins = rules.rewrite(first, state, vocab)
        state = apply_resolved(state, ins)
        assert state.constraints.max_runtime is not None and "1" in ins.reference_ids
        state = state.model_copy(update={"last_list": ["2", "3", "4"], "shown_ids": ["2", "3", "4"],
                                         "reference_ids": list(ins.reference_ids)})
        ins = rules.rewrite(then, state, vocab)
        assert ins.action in ("more", "refine"), (then, ins.action)
        assert apply_resolved(state, ins).constraints.max_runtime == state.constraints.max_runtime


def test_keyboard_mash_in_a_chinese_conversation_is_asked_back_in_chinese():
    vocab = catalog_vocab(Catalog("language-test", [Item(id="1", title="Titanic", year=1997, genres=("drama",))]))
    state = DialogueState(language="zh", last_list=["1"])
    for message in ("asdfgh", "qwerty", "hmm"):
        ins = RuleRewriter().rewrite(message, state, vocab)
        assert ins.action == "unclear" and ins.language == "zh", message
    # a real English message still switches the language
    assert RuleRewriter().rewrite("something funny please", state, vocab).language == "en"
