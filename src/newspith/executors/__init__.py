"""Executors: run the pipeline's steps over shards of input, locally or on a cluster engine.

The steps are the same everywhere (:func:`newspith.executors.process.process_shards`); an
executor decides where shards run and where their rows and completion markers go.
"""
