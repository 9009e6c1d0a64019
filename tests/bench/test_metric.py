import pytest

from newspith.bench.metric import aggregate, shingle_scores, tokens, word_f1


def test_tokens_are_word_runs():
    assert tokens("Hello, wörld! 3.5 ok_go") == ["Hello", "wörld", "3", "5", "ok_go"]


def test_identical_text_scores_one_and_is_exact():
    s = shingle_scores("a b c d e f", "a b c d e f")
    assert (s.tp, s.fp, s.fn, s.exact) == (1.0, 0.0, 0.0, True)


def test_partial_overlap_normalised_per_page():
    # truth shingles: abcd bcde cdef; predicted: abcd bcde cdex -> tp 2, fp 1, fn 1
    s = shingle_scores("a b c d e f", "a b c d e x")
    assert s.tp == pytest.approx(0.5) and s.fp == pytest.approx(0.25)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)
    assert not s.exact


def test_short_texts_make_one_shingle():
    assert shingle_scores("a b", "a b").tp == 1.0


def test_empty_prediction_counts_in_recall_not_precision():
    scores = [shingle_scores("a b c d e", ""), shingle_scores("a b c d", "a b c d")]
    agg = aggregate(scores)
    assert agg.precision == 1.0      # only the page with a prediction counts
    assert agg.recall == 0.5
    assert agg.f1 == pytest.approx(2 / 3)
    assert agg.accuracy == 0.5 and agg.pages == 2


def test_word_f1_is_case_insensitive_bag():
    assert word_f1("The cat the", "the CAT the") == 1.0
    assert word_f1("a b", "c d") == 0.0
    assert word_f1("a b c d", "a b") == pytest.approx(2 * 1 * 0.5 / 1.5)
