# Reference values for DiagnosticMetricsTests: intervals of Youden's J, balanced accuracy and F1, computed by hand in base R
# from Wilson intervals (prop.test without continuity correction gives Wilson's score interval).
# Youden's J = Se − (1 − Sp) is a difference of independent proportions: Newcombe (1998) method 10, the MOVER hybrid score
# interval. Balanced accuracy is (J + 1) / 2. F1 = 2J'/(1 + J') with J' = TP / (TP + FP + FN), a binomial proportion.
# Run: Rscript youden_f1.R > youden_f1.out
options(digits = 17)
wilson <- function(x, n) {
  ci <- suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = 0.95))$conf.int
  c(if (x == 0) 0 else ci[1], if (x == n) 1 else ci[2])
}
youden <- function(tp, fn, fp, tn) {
  se <- tp / (tp + fn); sp <- tn / (tn + fp)
  a <- wilson(tp, tp + fn); b <- wilson(tn, tn + fp)
  j <- se + sp - 1
  c(j, j - sqrt((se - a[1])^2 + (sp - b[1])^2), j + sqrt((a[2] - se)^2 + (b[2] - sp)^2))
}
f1 <- function(tp, fn, fp) {
  w <- wilson(tp, tp + fp + fn)
  c(2 * tp / (2 * tp + fp + fn), 2 * w[1] / (1 + w[1]), 2 * w[2] / (1 + w[2]))
}
# Newcombe's eight examples (Stat Med 1998;17:873–890, Table II) as x1/n1 − x2/n2 = Se − (1 − Sp):
# TP = x1, FN = n1 − x1, FP = x2, TN = n2 − x2.
cases <- list(c(56, 70, 48, 80), c(9, 10, 3, 10), c(6, 7, 2, 7), c(5, 56, 0, 29), c(0, 10, 0, 20), c(0, 10, 0, 10), c(10, 10, 0, 20), c(10, 10, 0, 10))
for (k in cases) {
  r <- youden(k[1], k[2] - k[1], k[3], k[4] - k[3])
  cat(sprintf("youden tp %d fn %d fp %d tn %d j %.17g lower %.17g upper %.17g\n", k[1], k[2] - k[1], k[3], k[4] - k[3], r[1], r[2], r[3]))
}
# The study's per-image table (TP 66, FN 17, FP 16, TN 163: covidct evaluate on the default cohort).
r <- youden(66, 17, 16, 163)
cat(sprintf("youden tp 66 fn 17 fp 16 tn 163 j %.17g lower %.17g upper %.17g\n", r[1], r[2], r[3]))
cat(sprintf("balanced tp 66 fn 17 fp 16 tn 163 ba %.17g lower %.17g upper %.17g\n", (r[1] + 1) / 2, (r[2] + 1) / 2, (r[3] + 1) / 2))
for (k in list(c(66, 17, 16), c(81, 100, 82), c(0, 5, 5), c(7, 0, 0))) {
  r <- f1(k[1], k[2], k[3])
  cat(sprintf("f1 tp %d fn %d fp %d f1 %.17g lower %.17g upper %.17g\n", k[1], k[2], k[3], r[1], r[2], r[3]))
}
cat(sprintf("R %s\n", R.version.string))
