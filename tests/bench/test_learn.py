"""Training the learned model: labels from the truth, deterministic fits, the confirm split."""

from __future__ import annotations

import inspect

import pytest

from newspith.bench import learn
from newspith.bench.learn import DEV_SETS, block_labels, fit, page_rows, score_pages


def test_labels_are_the_share_of_a_block_the_truth_holds():
    truth = "The ferry runs twice a day. The harbour board said so on Monday."
    labels = block_labels(["The ferry runs twice a day.", "Share this story", "the harbour"],
                          truth)
    assert labels[0] == (1.0, 6) and labels[1] == (0.0, 3) and labels[2][0] == 1.0


def test_a_second_copy_finds_the_truth_already_used():
    truth = "A caption under the photo of the ferry."
    labels = block_labels([truth, truth], truth)
    assert labels[0][0] == 1.0 and labels[1][0] == 0.0


def _page(i: int) -> dict:
    body = "".join(f"<p>Paragraph {i}.{k} of the story, long enough to read as prose here.</p>"
                   for k in range(5))
    return {"id": f"p{i}", "url": None, "text": body.replace("<p>", "").replace("</p>", "\n\n"),
            "html": f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Story {i}</h1>"
                    f"{body}</article><footer>© 2024 Example</footer></body></html>"}


def test_fits_are_deterministic_and_score_the_pages():
    pages = [page_rows(_page(i)) for i in range(12)]
    assert all(p.rows for p in pages)
    a = fit([(pages, 1.0)], rounds=5).model_to_string()
    b = fit([(pages, 1.0)], rounds=5).model_to_string()
    assert a == b
    import lightgbm

    ours, rules = score_pages(pages, lightgbm.Booster(model_str=a), "shingle")
    assert 0.0 <= ours <= 1.0 and rules > 0.9


def test_the_confirm_split_is_never_a_training_set():
    assert not any("confirm" in path for path, _ in DEV_SETS.values())
    assert "confirm" not in inspect.getsource(learn).split('"""', 2)[2]


@pytest.mark.shared
def test_every_dev_set_is_there(shared_dir):
    for path, _ in DEV_SETS.values():
        assert (shared_dir / "bench" / path).exists(), path
