# Reference values for PrecisionTests (issue #17, item 8): Clopper–Pearson and Jeffreys bounds at n = 10^12 and
# McNemar's exact and mid-p at 10^6 discordant pairs, from R's qbeta/pbinom/dbinom (TOMS 708 and Loader's
# algorithm). Run: Rscript precision.R > precision.out (R 4.2, Debian r-base-core).
options(digits = 17)
n <- 1e12
for (x in c(7, 1e9, 3e11)) {
  cat(sprintf("cp x=%.0f n=%.0f lower %.17g upper %.17g\n", x, n, qbeta(0.025, x, n - x + 1), qbeta(0.975, x + 1, n - x)))
  cat(sprintf("jeffreys x=%.0f n=%.0f lower %.17g upper %.17g\n", x, n, qbeta(0.025, x + 0.5, n - x + 0.5), qbeta(0.975, x + 0.5, n - x + 0.5)))
}
for (b in c(499000, 498500)) {
  m <- 1e6
  p <- 2 * pbinom(b, m, 0.5)
  cat(sprintf("mcnemar b=%.0f c=%.0f p %.17g midp %.17g\n", b, m - b, min(1, p), min(1, p - dbinom(b, m, 0.5))))
}
