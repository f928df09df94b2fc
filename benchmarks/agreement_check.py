#!/usr/bin/python3
"""Cross-checks `verbatim agree --json` against independent implementations.

Cohen's kappa: scikit-learn's cohen_kappa_score; Fleiss' kappa: statsmodels' fleiss_kappa (Debian packages
python3-sklearn and python3-statsmodels); Krippendorff's alpha: the coincidence-matrix definition of
Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", written here with numpy and first checked on
that paper's nominal example (published alpha 0.743).

usage: /usr/bin/python3 benchmarks/agreement_check.py agree.json coderA.csv coderB.csv [coderC.csv ...]
Prints each figure from both sides and exits 1 if any differs by more than 1e-9.
"""
import csv
import json
import sys

import numpy as np
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa

NAN = float("nan")


def alpha_nominal(data):
    """data: coders x units, np.nan for missing. Coincidence matrix o_ck, alpha = 1 - D_o / D_e."""
    data = np.asarray(data, dtype=float)
    values = np.unique(data[~np.isnan(data)])
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for u in range(data.shape[1]):
        col = [index[v] for v in data[:, u] if not np.isnan(v)]
        m = len(col)
        if m < 2:
            continue
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[col[i], col[j]] += 1.0 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    d_o = (n - np.trace(o)) / n
    d_e = (n * n - (n_c ** 2).sum()) / (n * (n - 1))
    return 1.0 - d_o / d_e


def read(path):
    rows = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            labels = {x.strip() for x in (r.get("labels") or "").split(";") if x.strip()}
            pol = {}
            for part in (r.get("polarity") or "").split(";"):
                if ":" in part:
                    t, p = part.rsplit(":", 1)
                    pol[t.strip()] = p.strip().lower()
            rows[r["id"].strip()] = (labels, pol)
    return rows


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    coders = [read(p) for p in sys.argv[2:]]
    k = len(coders)
    ids = list(dict.fromkeys(i for c in coders for i in c))
    themes = sorted(set(report["themes"]))
    M = NAN
    published = alpha_nominal([[1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M], [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3],
                               [M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M], [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M]])
    print(f"Krippendorff (2011) nominal example: alpha {published:.4f} (published 0.743)")
    worst = abs(round(published, 3) - 0.743)
    rows = []
    cells = []
    for t in themes:
        data = [[(1.0 if t in c[i][0] else 0.0) if i in c else NAN for i in ids] for c in coders]
        cells.append(data)
        ours = report["themes"][t]
        a = alpha_nominal(data)
        full = [u for u in range(len(ids)) if all(not np.isnan(d[u]) for d in data)]
        table = np.array([[sum(1 for d in data if d[u] == 0), sum(1 for d in data if d[u] == 1)] for u in full])
        fk = fleiss_kappa(table, method="fleiss")
        ck = cohen_kappa_score([data[0][u] for u in full], [data[1][u] for u in full]) if k == 2 else NAN
        rows.append((t, ours["cohen_kappa"], ck, ours["fleiss_kappa"], fk, ours["krippendorff_alpha"], a))
    pooled = np.concatenate([np.asarray(c) for c in cells], axis=1)
    rows.append(("all (document x theme)", report["overall"]["cohen_kappa"],
                 cohen_kappa_score(pooled[0], pooled[1]) if k == 2 else NAN, report["overall"]["fleiss_kappa"],
                 NAN, report["krippendorff_alpha"], alpha_nominal(pooled)))
    if "polarity" in report:
        names = ["positive", "negative", "neutral", "mixed"]
        pol = []
        for i in ids:
            for t in themes:
                vals = [c[i][1].get(t) if i in c and t in c[i][0] else None for c in coders]
                if sum(v is not None for v in vals) >= 2:
                    pol.append([names.index(v) if v is not None else NAN for v in vals])
        pol = np.asarray(pol).T
        both = [u for u in range(pol.shape[1]) if not np.isnan(pol[:, u]).any()]
        ck = cohen_kappa_score(pol[0, both], pol[1, both]) if k == 2 else NAN
        rows.append(("polarity of shared themes", report["polarity"]["cohen_kappa"], ck,
                     report["polarity"]["fleiss_kappa"], NAN, report["polarity"]["krippendorff_alpha"],
                     alpha_nominal(pol)))
    print("| theme | Cohen's kappa: verbatim / sklearn | Fleiss' kappa: verbatim / statsmodels "
          "| alpha: verbatim / numpy |")
    print("|---|---|---|---|")
    for name, ck1, ck2, fk1, fk2, a1, a2 in rows:
        for x, y in ((ck1, ck2), (fk1, fk2), (a1, a2)):
            if x is not None and not np.isnan(y):
                worst = max(worst, abs(x - y))
        fmt = lambda v: "n/a" if v is None or np.isnan(v) else f"{v:.6f}"
        print(f"| {name} | {fmt(ck1)} / {fmt(ck2)} | {fmt(fk1)} / {fmt(fk2)} | {fmt(a1)} / {fmt(a2)} |")
    print(f"largest difference: {worst:.2e}")
    sys.exit(0 if worst < 1e-9 else 1)


if __name__ == "__main__":
    main()
