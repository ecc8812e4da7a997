# Exports two RJafroc FROC datasets and RJafroc's own figures of merit for them, for JafrocTests.
#
# Source: RJafroc 2.1.3 (Chakraborty, Phillips, Zhai; GPL-3; https://github.com/dpc10ster/RJafroc, commit 44b0e39).
# Only data and RJafroc's stored results are read, with base R; RJafroc itself is not run (it is not packaged for Debian):
#   data/dataset01.RData  "TONY": 2 modalities (BT, DM), 5 readers, 185 cases of which 89 diseased, 1-2 lesions per case
#   data/dataset05.RData  "THOMPSON": 2 modalities, 9 readers, 92 cases of which 47 diseased, 1-3 lesions per case
#   tests/testthat/goodValues361/SigTest/OR/dataset01.rds   St(dataset01, FOM = "wAFROC", method = "OR")$FOMs$foms
#   tests/testthat/goodValues361/Utils/PseudoValues-AFROC.rds  UtilPseudoValues(dataset05, FOM = "AFROC")
#   tests/testthat/goodValues361/Utils/PseudoValues-wAFROC.rds UtilPseudoValues(dataset05, FOM = "wAFROC")
# The pseudovalue files hold the leave-one-case-out figures (jkFomValues) and the pseudovalues K·θ − (K−1)·θ₋ₖ, which
# RJafroc shifts so that their mean is the figure of merit θ (documented in its UtilPseudoValues: "center the
# pseudovalues"); θ is therefore their mean. The spread over k of PV_k + (K−1)·θ₋ₖ is printed: 0 shows the file consistent.
#
# Run from a folder holding those five files (git show 44b0e39:PATH > FILE):
#   Rscript jafroc.R > jafroc.out
# It writes jafroc-dataset01.csv and jafroc-dataset05.csv: one row per (modality, reader, case) declaring the case
# (lesion and score empty), one per lesion (score empty when unmarked, i.e. -Inf in RJafroc) and one per non-lesion mark.
options(digits = 17)
export <- function(ds, file) {
  NL <- ds$ratings$NL; LL <- ds$ratings$LL
  I <- dim(NL)[1]; J <- dim(NL)[2]; K <- dim(NL)[3]; K2 <- dim(LL)[3]; K1 <- K - K2
  rows <- c("modality,reader,case,lesion,weight,score")
  for (i in 1:I) for (j in 1:J) for (k in 1:K) {
    m <- ds$descriptions$modalityID[i]; r <- ds$descriptions$readerID[j]
    rows <- c(rows, sprintf("%s,%s,%d,,,", m, r, k))
    for (s in NL[i, j, k, ]) if (is.finite(s)) rows <- c(rows, sprintf("%s,%s,%d,,,%.17g", m, r, k, s))
    if (k > K1) {
      d <- k - K1
      for (l in seq_len(ds$lesions$perCase[d])) {
        s <- LL[i, j, d, l]
        rows <- c(rows, sprintf("%s,%s,%d,%d,%.17g,%s", m, r, k, l, ds$lesions$weights[d, l], if (is.finite(s)) sprintf("%.17g", s) else ""))
      }
    }
  }
  writeLines(rows, file)
}
load("dataset01.RData"); export(dataset01, "jafroc-dataset01.csv")
load("dataset05.RData"); export(dataset05, "jafroc-dataset05.csv")

cat("# dataset01 wAFROC, rows modality (BT, DM), columns reader 1-5\n")
print(unclass(readRDS("dataset01.rds")$FOMs$foms))
K <- 92
for (f in c("AFROC", "wAFROC")) {
  x <- readRDS(paste0("PseudoValues-", f, ".rds"))
  theta <- apply(x$jkPseudoValues, c(1, 2), mean)
  first <- x$jkPseudoValues[, , 1] + (K - 1) * x$jkFomValues[, , 1]
  spread <- max(sapply(1:K, function(k) max(abs(x$jkPseudoValues[, , k] + (K - 1) * x$jkFomValues[, , k] - first))))
  cat(sprintf("# dataset05 %s, rows modality 1-2, columns reader 1-9 (spread over k: %g)\n", f, spread))
  print(theta)
  cat(sprintf("# dataset05 %s leave-one-case-out, modality 1, reader 1, cases 1-92\n", f))
  print(x$jkFomValues[1, 1, ])
}
