# Reference values for SampleSizeTests.AucAboveChance (issue #17 item 7): the published sample-size table of
# Obuchowski NA, Lieber ML, Wians FH Jr. "ROC curves in clinical chemistry: uses, misuses, and possible solutions."
# Clin Chem 2004;50:1118-1125, Table 4: diseased and non-diseased cases for a one-sided test at alpha 0.05 with power 0.9
# that the AUC exceeds 0.5, for AUC 0.6-0.95 and kappa = non-diseased/diseased 0.25-4, at least 10 cases per group (the
# other group then raised to keep kappa). The paper could not be read here; its numbers are taken from pROC's test file
# tests/testthat/test-power.roc.test.R (github.com/xrobin/pROC, GPL-3; numbers only), which lists the printed values and
# notes two cells it computes one higher (printed 339 and 201). Formulas 2 and 3 of the paper, as pROC documents them.
# Run: Rscript obuchowski2004.R > obuchowski2004.out   (base R and Debian's r-cran-proc 1.18)
options(digits = 15)
suppressMessages(library(pROC))
kappas <- c(0.25, 0.5, 1, 2, 4)
thetas <- c(0.6, 0.7, 0.8, 0.9, 0.95)
printed.controls <- matrix(c(84, 20, 10, 10, 10,  101, 25, 10, 10, 10,  135, 33, 14, 10, 10,  203, 50, 21, 20, 20,  339, 84, 40, 40, 40), 5, byrow = TRUE)
printed.cases <- matrix(c(334, 80, 40, 40, 40,  201, 49, 20, 20, 20,  135, 33, 14, 10, 10,  102, 25, 11, 10, 10,  85, 21, 10, 10, 10), 5, byrow = TRUE)
v <- function(theta, kappa) { A <- 1.414 * qnorm(theta); 0.0099 * exp(-A^2 / 2) * ((5 * A^2 + 8) + (A^2 + 8) / kappa) }
n <- function(theta, kappa, za, zb) (za * sqrt(0.0792 * (1 + 1 / kappa)) + zb * sqrt(v(theta, kappa)))^2 / (theta - 0.5)^2
# The table's convention: at least 10 per group; when one group is raised to 10, the other is raised to keep kappa.
cells <- function(theta, kappa, za, zb) {
  d <- n(theta, kappa, za, zb); cases <- ceiling(d); controls <- ceiling(kappa * d)
  c(max(10, if (controls < 10) 10 / kappa else 0, cases), max(10, if (cases < 10) 10 * kappa else 0, controls))
}
for (rounding in c("rounded", "exact")) {
  za <- if (rounding == "rounded") 1.645 else qnorm(0.95)
  zb <- if (rounding == "rounded") 1.28 else qnorm(0.9)
  differ <- 0
  for (i in seq_along(kappas)) for (j in seq_along(thetas)) {
    got <- cells(thetas[j], kappas[i], za, zb)
    if (got[1] != printed.cases[i, j] || got[2] != printed.controls[i, j]) {
      differ <- differ + 1
      cat("differs", rounding, kappas[i], thetas[j], "printed", printed.cases[i, j], printed.controls[i, j], "computed", got, "\n")
    }
  }
  cat("cells_differing_from_print", rounding, differ, "of", length(kappas) * length(thetas), "\n")
}
# pROC computes the same unrounded n with exact quantiles; and the power at whole diseased counts.
for (k in c(0.5, 4)) for (t in c(0.6, 0.8)) {
  p <- power.roc.test(auc = t, sig.level = 0.05, power = 0.9, kappa = k, alternative = "one.sided")
  cat("proc_ncases", k, t, p$ncases, n(t, k, qnorm(0.95), qnorm(0.9)), "\n")
  d <- ceiling(p$ncases)
  cat("proc_power_at", k, t, d, power.roc.test(auc = t, ncases = d, ncontrols = k * d, sig.level = 0.05, alternative = "one.sided")$power, "\n")
}
p <- power.roc.test(auc = 0.75, sig.level = 0.05, power = 0.8, kappa = 2)
cat("proc_two_sided 2 0.75", p$ncases, p$ncontrols, "\n")
