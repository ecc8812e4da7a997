# Reference values for PrecisionRecallTests: average precision (PR-AUC) and Boyd, Eng and Page's (2013) logit interval,
# computed by hand in base R (no package). The 20 cases of calibration.R, with one tie across classes (score 0.30).
# AP = sum over distinct thresholds, highest first, of (recall_k - recall_{k-1}) * precision_k, as scikit-learn.
# Run: Rscript pr_auc.R > pr_auc.out
options(digits = 17)
p <- c(0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30)
y <- c(0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0)
ap <- function(y, p) {
  t <- sort(unique(p), decreasing = TRUE)
  tp <- sapply(t, function(s) sum(y == 1 & p >= s))
  called <- sapply(t, function(s) sum(p >= s))
  sum(diff(c(0, tp)) * tp / called) / sum(y)
}
logit_ci <- function(a, npos, level) {
  z <- qnorm(1 - (1 - level) / 2)
  h <- z / sqrt(npos * a * (1 - a))
  plogis(qlogis(a) + c(-1, 1) * h)
}
a <- ap(y, p)
cat(sprintf("ap %.17g baseline %.17g\n", a, mean(y)))
for (level in c(0.95, 0.90)) {
  ci <- logit_ci(a, sum(y), level)
  cat(sprintf("level %.2f lower %.17g upper %.17g\n", level, ci[1], ci[2]))
}
