"""Opens dateline's Parquet and CSV exports in pandas (via pyarrow) and checks
their types: CI runs it after the Rust tests (see .ci/run).

Usage: python3 .ci/exports_in_pandas.py DATELINE_BINARY
"""
import os
import subprocess
import sys
import tempfile

import pandas as pd

binary = sys.argv[1]
corpus = os.path.join(os.path.dirname(__file__), "..", "crates", "dateline-cli", "tests", "corpus", "marenia")
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "corpus.db")
    subprocess.run(
        [binary, "ingest", os.path.join(corpus, "articles"), "--dict", os.path.join(corpus, "actors.tsv"),
         "--places", os.path.join(corpus, "places.tsv"), "--db", db, "--quiet"],
        check=True,
    )
    for table in ["events", "figures", "quotes", "entities", "places", "articles"]:
        pq = os.path.join(tmp, f"{table}.parquet")
        csv = os.path.join(tmp, f"{table}.csv")
        subprocess.run([binary, "export", "--table", table, "--format", "parquet", "-o", pq, "--db", db], check=True)
        subprocess.run([binary, "export", "--table", table, "--format", "csv", "-o", csv, "--db", db], check=True)
        a = pd.read_parquet(pq)
        b = pd.read_csv(csv)
        assert len(a) == len(b) > 0, (table, len(a), len(b))
        assert list(a.columns) == list(b.columns), table
        print(f"{table}: {len(a)} rows, {len(a.columns)} columns in Parquet and CSV")
    ev = pd.read_parquet(os.path.join(tmp, "events.parquet"))
    # Dates are dates, compound actors are lists, scores are floats.
    assert str(ev["day"].iloc[0]) >= "2025-03-01", ev["day"].iloc[0]
    assert ev["day"].map(type).astype(str).str.contains("date").all(), ev["day"].map(type).unique()
    assert ev["score"].dtype == "float64", ev["score"].dtype
    both = ev[ev["actors"].map(len) == 2]
    assert len(both) > 0 and all(sorted(x) == ["Coastal Liberation Front", "Marenia"] for x in both["actors"]), both
    csv = pd.read_csv(os.path.join(tmp, "events.csv"))
    assert csv["actors"].str.contains("Marenia; Coastal Liberation Front").any()
    print("pandas reads the exports with their types")
