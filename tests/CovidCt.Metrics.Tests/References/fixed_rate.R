# Reference values for FixedRateTests: sensitivity at a fixed specificity and specificity at a fixed sensitivity on the
# empirical ROC curve (no interpolation: the best rate among thresholds meeting the target, call positive when score >= t,
# the highest threshold among ties), with the Wilson interval of that count (prop.test without continuity correction).
# Base R only. The 20 cases of partial_auc.R. Run: Rscript fixed_rate.R > fixed_rate.out
options(digits = 17)
p <- c(0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30)
y <- c(0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0)
t <- c(Inf, sort(unique(p), decreasing = TRUE))
tp <- sapply(t, function(s) sum(y == 1 & p >= s)); tn <- sapply(t, function(s) sum(y == 0 & p < s))
npos <- sum(y); nneg <- sum(y == 0)
wilson <- function(x, n) as.numeric(prop.test(x, n, correct = FALSE)$conf.int)
for (target in c(0.9, 0.8, 0.5)) {
  ok <- which(tn / nneg >= target); k <- ok[which.max(tp[ok])]
  ci <- wilson(tp[k], npos)
  cat(sprintf("sens_at_spec %.2f threshold %.17g tp %d tn %d lower %.17g upper %.17g\n", target, t[k], tp[k], tn[k], ci[1], ci[2]))
}
for (target in c(0.9, 0.8)) {
  ok <- which(tp / npos >= target); k <- ok[which.max(tn[ok])]
  ci <- wilson(tn[k], nneg)
  cat(sprintf("spec_at_sens %.2f threshold %.17g tp %d tn %d lower %.17g upper %.17g\n", target, t[k], tp[k], tn[k], ci[1], ci[2]))
}
