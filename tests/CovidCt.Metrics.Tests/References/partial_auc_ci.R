# Reference for PartialAucBootstrapTests: pROC 1.18's stratified bootstrap interval of the partial AUC over specificity
# 0.8–1 (raw and McClish-corrected), 20,000 resamples, on 200 generated cases (case i: diseased when i mod 3 = 0; score
# ((37 i) mod 101)/101 + 0.3 × diseased). The bootstrap draws differ between R and C#, so the test compares the limits
# within Monte Carlo error. Run: Rscript partial_auc_ci.R > partial_auc_ci.out
suppressMessages(library(pROC))
options(digits = 17)
i <- 1:200
y <- as.integer(i %% 3 == 0)
p <- ((37 * i) %% 101) / 101 + 0.3 * y
set.seed(17)
for (correct in c(FALSE, TRUE)) {
  r <- roc(y, p, levels = c(0, 1), direction = "<", quiet = TRUE,
           partial.auc = c(1, 0.8), partial.auc.focus = "specificity", partial.auc.correct = correct)
  ci <- ci.auc(r, method = "bootstrap", boot.n = 20000, boot.stratified = TRUE, progress = "none")
  # ci.auc returns (lower, bootstrap median, upper); the estimate is r$auc.
  cat(sprintf("%s estimate %.17g lower %.17g median %.17g upper %.17g\n", if (correct) "mcclish" else "raw", as.numeric(r$auc), ci[1], ci[2], ci[3]))
}
