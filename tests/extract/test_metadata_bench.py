"""The metadata benchmark: its comparison rules on hand-made rows, and a short run on ../shared/."""

from newspith.bench.metadata import Answer, evaluate, normalise_authors, run


def test_authors_compare_as_sets_of_split_names():
    assert normalise_authors("Manoj Jain and Jagpreet Chhatwal") == {"manoj jain",
                                                                     "jagpreet chhatwal"}
    assert normalise_authors(["Stella Kim, Jennifer Jett"]) == {"stella kim", "jennifer jett"}
    assert normalise_authors("A. Smith; B. Jones") == normalise_authors(["a. smith", "B. Jones"])
    # A comma before a one-word part is not a list ("Goodman, MA" stays one name).
    assert normalise_authors("Brenda Goodman, MA") == {"brenda goodman, ma"}


def test_evaluate_scores_fields_and_head_to_head():
    pages = [{"id": "1", "html": "", "title": "T", "authors": ["Ann Lee"],
              "published": "2020-01-02"},
             {"id": "2", "html": "", "title": "U", "authors": [], "published": None}]
    ours = {"1": Answer("T", frozenset({"ann lee"}), "2020-01-02"),
            "2": Answer("X", frozenset({"bo kim"}), None)}
    theirs = Answer("T", frozenset(), "2020-01-03")
    answers = iter([ours["1"], theirs, ours["2"], theirs])
    tool = lambda html, url: next(answers)  # noqa: E731
    res = evaluate("wcxb dev", pages, ("title", "authors", "published"),
                   {"newspith": tool, "trafilatura": tool})
    mine = res.scores["newspith"]
    assert (mine["title"].right, mine["title"].total) == (1, 2)
    assert (mine["authors"].right, mine["authors"].total, mine["authors"].extra) == (1, 1, 1)
    assert res.both[("trafilatura", "published")] == [1, 1, 0]
    assert res.both[("trafilatura", "title")] == [2, 1, 1]


def test_short_run_on_shared_data(shared_dir):
    text = run(shared_dir / "bench", limit=3, tools=("newspith",))
    assert "readability-pages: metadata accuracy (3 pages" in text
    assert "wcxb dev: metadata accuracy (3 pages" in text
    assert "metadata time:" in text and "over the body-only path" in text
