"""The dialogue: what one turn means against the conversation so far.

May import: lm, catalog, prompts, errors. Imported by: recommender, ui, evaluation.
  instruction.py (Instruction and its parts, FeedbackKind, CatalogVocab), state.py (DialogueState
  and the pure functions that fold a turn into it), parser.py (RuleRewriter, EN + ZH rules),
  rewriter.py (the Rewriter protocol, LLMRewriter with retry and fallback), lexicon.py (the
  words the rules know), verbalise.py (an Instruction as InstructRec-style text).
"""
