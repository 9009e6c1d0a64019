"""The accuracy gate: no dataset may score below its recorded floor (floors only go up)."""

import json
from pathlib import Path

import pytest

from newspith.bench.gate import gate_scores

FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text())


@pytest.fixture(scope="module")
def scores(shared_dir):
    return gate_scores(shared_dir / "bench")


@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_no_dataset_below_its_floor(scores, dataset):
    assert dataset in scores, f"{dataset} missing from ../shared/bench"
    assert scores[dataset] >= FLOORS[dataset], (
        f"{dataset}: F1 {scores[dataset]:.4f} fell below the floor {FLOORS[dataset]:.3f}")


def test_floors_cover_every_dataset(scores):
    assert set(scores) <= set(FLOORS), "record a floor for every dataset (scripts/raise_floors.py)"
