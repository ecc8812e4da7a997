# Reference values for SampleSizeTests (issue #17 item 7), base R only: Buderer (1996) counts, the one-sample binomial
# test, and Hanley-McNeil (1982) AUC variance searched case by case (no bisection). Run: Rscript power.R > power.out
options(digits = 15)
z <- qnorm(0.975)
buderer <- function(p, d) ceiling(round(z^2 * p * (1 - p) / d^2, 9))
cat("buderer_se90_d05", buderer(0.9, 0.05), ceiling(round(buderer(0.9, 0.05) / 0.1, 9)), "\n")     # total at prevalence 0.10
cat("buderer_sp85_d07", buderer(0.85, 0.07), ceiling(round(buderer(0.85, 0.07) / (1 - 0.3), 9)), "\n")  # total at prevalence 0.30
ptest <- function(p1, p0, alpha = 0.05, power = 0.8) {
  n <- ((qnorm(1 - alpha / 2) * sqrt(p0 * (1 - p0)) + qnorm(power) * sqrt(p1 * (1 - p1))) / (p1 - p0))^2
  ceiling(round(n, 9))
}
cat("binomial_test_90_vs_80", ptest(0.9, 0.8), "\n")
hm <- function(A, m, n) { q1 <- A / (2 - A); q2 <- 2 * A^2 / (1 + A); (A * (1 - A) + (m - 1) * (q1 - A^2) + (n - 1) * (q2 - A^2)) / (m * n) }
auc_width <- function(A, d, k = 1) { m <- 2; while (z * sqrt(hm(A, m, max(1, ceiling(k * m)))) > d) m <- m + 1; c(m, max(1, ceiling(k * m)), z * sqrt(hm(A, m, max(1, ceiling(k * m))))) }
cat("auc_width_85_d05_k1", auc_width(0.85, 0.05), "\n")
cat("auc_width_90_d03_k2", auc_width(0.90, 0.03, 2), "\n")
auc_test <- function(A1, A0, k = 1, alpha = 0.05, power = 0.8) {
  pw <- function(m) { n <- max(1, ceiling(k * m)); pnorm((abs(A1 - A0) - qnorm(1 - alpha / 2) * sqrt(hm(A0, m, n))) / sqrt(hm(A1, m, n))) }
  m <- 2; while (pw(m) < power) m <- m + 1; c(m, max(1, ceiling(k * m)), pw(m))
}
cat("auc_test_85_vs_75_k1", auc_test(0.85, 0.75), "\n")
cat("hm_variance_90_50_50", hm(0.9, 50, 50), "\n")
