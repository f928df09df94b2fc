"""Checks that Spark's classified output equals `verbatim classify`'s, row by row (by id).

usage: python3 benchmarks/spark_compare.py CLI.csv SPARK_DIR [SPARK_DIR ...]
Every row of the CLI file must appear once in each Spark directory (its part-*.csv files) with the same values in
every column; prints the count per directory and exits 1 on the first difference (naming the id and the column,
never the text).
"""
import csv
import glob
import os
import sys

csv.field_size_limit(sys.maxsize)


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        for r in reader:
            yield header, r


def main(cli, spark_dirs):
    expected = {}
    header = None
    for header, r in rows(cli):
        expected[r[0]] = r
    for d in spark_dirs:
        seen = 0
        for part in sorted(glob.glob(os.path.join(d, "part-*.csv"))):
            for h, r in rows(part):
                if h != header:
                    sys.exit(f"{part}: header {h} differs from {header}")
                want = expected.get(r[0])
                if want is None:
                    sys.exit(f"{part}: id {r[0]} is not in {cli}")
                if want != r:
                    col = next(h[i] for i in range(len(h)) if i >= len(want) or want[i] != r[i])
                    sys.exit(f"{part}: id {r[0]} differs in column {col}")
                seen += 1
        if seen != len(expected):
            sys.exit(f"{d}: {seen} rows, {cli}: {len(expected)}")
        print(f"{d}: all {seen} rows equal to {cli}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
