"""Benchmark harness: newspith against the anchors on ``../shared/bench/``, in the same run."""
