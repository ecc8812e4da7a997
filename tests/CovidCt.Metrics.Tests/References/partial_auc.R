# Reference values for PartialAucTests: partial AUC over specificity 0.8–1 (raw and McClish-corrected) with pROC 1.18.
# The 20 cases of calibration.R, with one tie across classes. Run: Rscript partial_auc.R > partial_auc.out
suppressMessages(library(pROC))
options(digits = 17)
p <- c(0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30)
y <- c(0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0)
r <- roc(y, p, levels = c(0, 1), direction = "<", quiet = TRUE)
for (s in c(0.8, 0.9, 0.5)) {
  raw <- as.numeric(auc(r, partial.auc = c(1, s), partial.auc.focus = "specificity"))
  mc <- as.numeric(auc(r, partial.auc = c(1, s), partial.auc.focus = "specificity", partial.auc.correct = TRUE))
  cat(sprintf("spec>=%.1f raw %.17g mcclish %.17g\n", s, raw, mc))
}
cat(sprintf("full auc %.17g\n", as.numeric(auc(r))))
