# Reference values for RatioSummariesTests: diagnostic odds ratio and likelihood ratios with their intervals from
# epiR 2.0 (epi.tests), for a table with no zero cell. Run: Rscript summaries.R > summaries.out
suppressMessages(library(epiR))
options(digits = 17)
# epiR's layout: rows test +/−, columns disease +/−: TP FP / FN TN. TP 63, FP 4, FN 20, TN 175 (the study's image table).
dat <- as.table(matrix(c(63, 20, 4, 175), nrow = 2, dimnames = list(c("T+", "T-"), c("D+", "D-"))))
r <- epi.tests(dat, conf.level = 0.95)
d <- r$detail
for (s in c("diag.or", "lr.pos", "lr.neg")) {
  row <- d[d$statistic == s, ]
  cat(sprintf("%s est %.17g lower %.17g upper %.17g\n", s, row$est, row$lower, row$upper))
}
cat(sprintf("packageVersion epiR %s\n", as.character(packageVersion("epiR"))))
