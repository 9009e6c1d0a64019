#!/usr/bin/env python3
"""Train the learned keep/drop model from ../shared/bench/ and ship it inside the package.

    python scripts/train_body_model.py            # train on every dev set, write the model
    python scripts/train_body_model.py --lodo     # first: leave-one-dataset-out F1, per set

The model goes to src/newspith/extract/models/body.txt.gz (LightGBM's text format, gzipped with
a fixed timestamp: the same data gives the same file). The confirm split is never read.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

from newspith.bench.datasets import find_data
from newspith.bench.learn import DEV_SETS, ROUNDS, collect, fit, leave_one_out, weighted

OUT = Path(__file__).resolve().parent.parent / "src/newspith/extract/models/body.txt.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared/bench folder (default: ../shared/bench)")
    ap.add_argument("--lodo", action="store_true", help="report leave-one-dataset-out F1 first")
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = find_data(args.data)
    if data is None:
        print("train_body_model: ../shared/bench/ not found (pass --data)", file=sys.stderr)
        return 1
    start = time.perf_counter()
    pages = collect(data, list(DEV_SETS), args.workers)
    print(f"read {sum(len(p) for p in pages.values())} pages in "
          f"{time.perf_counter() - start:.0f} s", flush=True)
    if args.lodo:
        print("| left out | model trained on the others | rules |\n|---|---|---|")
        for name, (model, rules) in leave_one_out(pages, args.rounds).items():
            print(f"| {name} | {model:.4f} | {rules:.4f} |", flush=True)
    booster = fit(weighted(pages), args.rounds)
    text = booster.model_to_string().encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(text)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
