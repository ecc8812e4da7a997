# Independent O(n²) reference for ClusteredAucTests, ClusteredProportionTests and ClusteredMcNemarTests:
# Obuchowski (1997) clustered AUC variance and paired covariance written straight from the paper's definitions
# (the same formulas as iMRMC's doAUCcluster), the Rao–Scott ratio-estimator proportion and Durkalski (2003).
# Run: python3 clustered.py  (standard library only); its output is pasted into the tests.
from fractions import Fraction as F
from math import sqrt

units = [  # (patient, label, score A, score B)
    ("p1", 1, 0.9, 0.7), ("p1", 1, 0.8, 0.9), ("p1", 0, 0.3, 0.5),
    ("p2", 1, 0.7, 0.6), ("p2", 0, 0.4, 0.2), ("p2", 0, 0.2, 0.3),
    ("p3", 0, 0.6, 0.4), ("p3", 0, 0.5, 0.6),
    ("p4", 1, 0.85, 0.8), ("p4", 1, 0.65, 0.5),
    ("p5", 1, 0.35, 0.45), ("p5", 0, 0.1, 0.1), ("p5", 0, 0.45, 0.35),
    ("p6", 0, 0.55, 0.65), ("p6", 1, 0.6, 0.55),
]

def psi(x, y):
    return F(1) if x > y else F(1, 2) if x == y else F(0)

def parts(k):
    xs = [u for u in units if u[1] == 1]
    ys = [u for u in units if u[1] == 0]
    M, N = len(xs), len(ys)
    auc = sum(psi(x[k], y[k]) for x in xs for y in ys) / (M * N)
    clusters = sorted({u[0] for u in units})
    V10 = {c: sum(sum(psi(x[k], y[k]) for y in ys) / N for x in xs if x[0] == c) for c in clusters}
    V01 = {c: sum(sum(psi(x[k], y[k]) for x in xs) / M for y in ys if y[0] == c) for c in clusters}
    m = {c: sum(1 for x in xs if x[0] == c) for c in clusters}
    n = {c: sum(1 for y in ys if y[0] == c) for c in clusters}
    return auc, clusters, V10, V01, m, n, M, N

def cov(k, l):
    a, clusters, X1, Y1, m, n, M, N = parts(k)
    b, _, X2, Y2, _, _, _, _ = parts(l)
    I = len(clusters); I10 = sum(1 for c in clusters if m[c] > 0); I01 = sum(1 for c in clusters if n[c] > 0)
    s10 = F(I10, (I10 - 1) * M) * sum((X1[c] - m[c] * a) * (X2[c] - m[c] * b) for c in clusters)
    s01 = F(I01, (I01 - 1) * N) * sum((Y1[c] - n[c] * a) * (Y2[c] - n[c] * b) for c in clusters)
    s11 = F(I, I - 1) * sum((X1[c] - m[c] * a) * (Y2[c] - n[c] * b) for c in clusters)
    s11r = F(I, I - 1) * sum((X2[c] - m[c] * b) * (Y1[c] - n[c] * a) for c in clusters)
    return s10 / M + s01 / N + (s11 + s11r) / (M * N)

aucA, aucB = parts(2)[0], parts(3)[0]
print("AUC A", aucA, float(aucA), "AUC B", aucB, float(aucB))
print("Var A", cov(2, 2), float(cov(2, 2)))
print("Var B", cov(3, 3), float(cov(3, 3)))
print("Cov AB", cov(2, 3), float(cov(2, 3)))

# Per-slice sensitivity at threshold 0.5 for A, clustered by patient (ratio estimator).
dis = [u for u in units if u[1] == 1]
x = {c: sum(1 for u in dis if u[0] == c and u[2] >= 0.5) for c in sorted({u[0] for u in dis})}
t = {c: sum(1 for u in dis if u[0] == c) for c in x}
p = F(sum(x.values()), sum(t.values())); I = len(x); n = sum(t.values())
var = F(I, I - 1) * sum((x[c] - p * t[c]) ** 2 for c in x) / n ** 2
print("sens", p, float(p), "var", var, float(var), "deff", float(var / (p * (1 - p) / n)))

# Durkalski: A at 0.5 vs B at 0.5 among diseased units.
d = {c: sum((1 if (u[2] >= 0.5) and not (u[3] >= 0.5) else -1 if (u[3] >= 0.5) and not (u[2] >= 0.5) else 0) for u in dis if u[0] == c) for c in x}
num = sum(d.values()) ** 2; den = sum(v * v for v in d.values())
print("durkalski d", d, "X2", F(num, den) if den else 0)
