#!/usr/bin/python3
"""Aspect-level polarity baseline for Verbatim (peer comparison, not part of the library).

TF-IDF (word 1-2 grams, sublinear tf, min_df 2) + logistic regression on the WHOLE comment, with the
theme appended as an extra token (``__theme_food__``). C is chosen by 5-fold stratified CV on the train
pairs only (macro-F1); the test pairs are scored once. Prints one JSON line.

Usage:
  aspect_baseline.py mams DATASET_DIR [--with-val]
  aspect_baseline.py nhs DATASET_DIR
"""
import csv
import json
import re
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline


def read_texts(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {row["id"]: row["text"] for row in csv.DictReader(f)}


def theme_token(theme):
    return "__theme_" + re.sub(r"[^a-z0-9]+", "_", theme.lower()).strip("_") + "__"


def mams_pairs(directory, split):
    texts = read_texts(f"{directory}/{split}.csv")
    out = []
    with open(f"{directory}/{split}_polarity.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.append((texts[row["id"]], row["theme"], row["polarity"].strip().lower()))
    return out


def criticality(value):
    v = int(value)
    return "negative" if v < 0 else ("neutral" if v == 0 else "positive")


def nhs_pairs(directory):
    train_texts = read_texts(f"{directory}/train.csv")
    test_texts = read_texts(f"{directory}/test.csv")
    train, test = [], []
    with open(f"{directory}/polarity.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            value = row["polarity"].strip()
            if not value:
                continue
            pid = row["id"]
            if pid in train_texts:
                train.append((train_texts[pid], row["theme"], criticality(value)))
            elif pid in test_texts:
                test.append((test_texts[pid], row["theme"], criticality(value)))
    return train, test


def docs(pairs):
    return [text + " " + theme_token(theme) for text, theme, _ in pairs], [p for _, _, p in pairs]


def main(argv):
    if len(argv) < 3 or argv[1] not in ("mams", "nhs"):
        print(__doc__, file=sys.stderr)
        return 2
    kind, directory = argv[1], argv[2]
    if kind == "mams":
        train = mams_pairs(directory, "train")
        if "--with-val" in argv:
            train += mams_pairs(directory, "val")
        test = mams_pairs(directory, "test")
    else:
        train, test = nhs_pairs(directory)
    x_train, y_train = docs(train)
    x_test, y_test = docs(test)
    t0 = time.perf_counter()
    pipe = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, lowercase=True)),
        ("lr", LogisticRegression(max_iter=2000)),
    ])
    grid = GridSearchCV(pipe, {"lr__C": [0.1, 0.3, 1.0, 3.0, 10.0, 30.0]},
                        cv=StratifiedKFold(5, shuffle=True, random_state=17), scoring="f1_macro", n_jobs=1)
    grid.fit(x_train, y_train)
    t1 = time.perf_counter()
    pred = grid.predict(x_test)
    t2 = time.perf_counter()
    print(json.dumps({
        "peer": "aspect_baseline", "dataset": kind, "train_pairs": len(train), "test_pairs": len(test),
        "C": grid.best_params_["lr__C"], "accuracy": round(accuracy_score(y_test, pred), 4),
        "macro_f1": round(f1_score(y_test, pred, average="macro"), 4),
        "train_seconds": round(t1 - t0, 2), "predict_seconds": round(t2 - t1, 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
