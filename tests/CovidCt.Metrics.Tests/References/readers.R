# Reference values for the reader-study statistics (issue #17 item 6), in base R only, computed by hand from the
# published formulas with different algebra from the C# code. Run: Rscript readers.R > readers.out
# R 4.x; no packages. The tests hold the numbers; they do not need R.
options(digits = 15)

## 1. Obuchowski-Rockette with Hillis ddf on the Van Dyke et al. (1993) data (vandyke.csv: 5 readers, 2 modalities,
##    114 cases, ratings 1-5; from RJafroc's inst/extdata/datasets/VD.lrc). The published analysis (MRMCaov 0.1.8
##    README, jackknife covariances): F = 4.456319, ddf = 15.25967, p = 0.05166569, difference -0.04380032 (SE 0.02074862,
##    CI -0.0879594986 to 0.0003588544), Var 0.0008022883, Cov1 0.0003466137, Cov2 0.0003440748, Cov3 0.0002390284.
vd <- read.csv("vandyke.csv")
auc <- function(score, truth) {                       # Mann-Whitney, ties 1/2, by brute force over all pairs
  x <- score[truth == 1]; y <- score[truth == 0]
  mean(outer(x, y, function(a, b) (a > b) + 0.5 * (a == b)))
}
mods <- sort(unique(vd$modality)); rdrs <- sort(unique(vd$reader)); cases <- sort(unique(vd$case))
t <- length(mods); r <- length(rdrs); n <- length(cases)
truth <- sapply(cases, function(k) vd$truth[vd$case == k][1])
theta <- matrix(NA, t, r); jk <- array(NA, c(t, r, n))
for (i in 1:t) for (j in 1:r) {
  d <- vd[vd$modality == mods[i] & vd$reader == rdrs[j], ]
  s <- d$score[match(cases, d$case)]
  theta[i, j] <- auc(s, truth)
  for (k in 1:n) jk[i, j, k] <- auc(s[-k], truth[-k])   # leave case k out, recomputed from scratch
}
covjk <- function(a, b) (n - 1) / n * sum((a - mean(a)) * (b - mean(b)))
v <- c1 <- c2 <- c3 <- numeric(0); c2m <- list(numeric(0), numeric(0))
for (i in 1:t) for (j in 1:r) for (i2 in 1:t) for (j2 in 1:r) {
  cv <- covjk(jk[i, j, ], jk[i2, j2, ])
  if (i == i2 && j == j2) v <- c(v, cv) else if (j == j2) c1 <- c(c1, cv) else if (i == i2) { c2 <- c(c2, cv); c2m[[i]] <- c(c2m[[i]], cv) } else c3 <- c(c3, cv)
}
Var <- mean(v); Cov1 <- mean(c1); Cov2 <- mean(c2); Cov3 <- mean(c3)
# MS from a two-way ANOVA of the AUCs (aov), not from the explicit sums
fit <- aov(a ~ factor(m) + factor(rd), data = data.frame(a = as.vector(theta), m = rep(1:t, r), rd = rep(1:r, each = t)))
tab <- summary(fit)[[1]]
msT <- tab[1, "Mean Sq"]; msR <- tab[2, "Mean Sq"]; msTR <- tab[3, "Mean Sq"]
den <- msTR + r * max(Cov2 - Cov3, 0)
F <- msT / den; ddf <- den^2 / (msTR^2 / ((t - 1) * (r - 1))); p <- 1 - pf(F, t - 1, ddf)
diff <- mean(theta[1, ]) - mean(theta[2, ]); se <- sqrt(2 / r * den)
ci <- diff + c(-1, 1) * qt(0.975, ddf) * se
varTR <- msTR - Var + Cov1 + Cov2 - Cov3
# E[MS(R)] = t varR + varTR + Var + (t-1)Cov1 - Cov2 - (t-1)Cov3 (Hillis 2005); published varR 0.0015349993, varTR 0.0002004025
varR <- (msR - varTR - Var - (t - 1) * Cov1 + Cov2 + (t - 1) * Cov3) / t
cat("vandyke_auc_mod1", theta[1, ], "\n"); cat("vandyke_auc_mod2", theta[2, ], "\n")
cat("vandyke_var_cov1_cov2_cov3", Var, Cov1, Cov2, Cov3, "\n")
cat("vandyke_msT_msR_msTR", msT, msR, msTR, "\n")
cat("vandyke_varR_varTR", varR, varTR, "\n")
cat("vandyke_F_ddf_p", F, ddf, p, "\n")
cat("vandyke_diff_se_lower_upper", diff, se, ci, "\n")
for (i in 1:t) {
  msRi <- var(theta[i, ]); cov2i <- mean(c2m[[i]]); tot <- msRi + r * max(cov2i, 0)
  dfi <- tot^2 / (msRi^2 / (r - 1)); sei <- sqrt(tot / r)
  cat(sprintf("vandyke_single_mod%d", i), mean(theta[i, ]), msRi, cov2i, sei, dfi, mean(theta[i, ]) + c(-1, 1) * qt(0.975, dfi) * sei, "\n")
}

## 2. Cohen's kappa with the Fleiss-Cohen-Everitt (1969) standard error, in the algebra of vcd::Kappa
##    (1/(N(1-pc)^4) [sum p_ii((1-pc)-(1-po)(r_i+c_i))^2 + (1-po)^2 sum_{i!=j} p_ij (c_i+r_j)^2 - (po pc - 2pc + po)^2]).
cohen <- function(tab) {
  N <- sum(tab); x <- tab / N; rs <- rowSums(x); cs <- colSums(x)
  po <- sum(diag(x)); pc <- sum(rs * cs); k <- (po - pc) / (1 - pc)
  off <- 1 - diag(nrow(x))
  s2 <- (sum(diag(x) * ((1 - pc) - (1 - po) * (rs + cs))^2) + (1 - po)^2 * sum(x * outer(cs, rs, "+")^2 * off) - (po * pc - 2 * pc + po)^2) / (N * (1 - pc)^4)
  c(k, sqrt(s2), k + c(-1, 1) * qnorm(0.975) * sqrt(s2))
}
# Wikipedia's worked example ("Cohen's kappa", 50 applications: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no): kappa 0.4.
cat("cohen_2x2", cohen(matrix(c(20, 10, 5, 15), 2)), "\n")
# A 3-category table, rows rater 1, columns rater 2.
cat("cohen_3x3", cohen(matrix(c(22, 4, 2, 5, 18, 3, 1, 6, 9), 3, byrow = TRUE)), "\n")

## 3. Fleiss' kappa on Wikipedia's worked example ("Fleiss' kappa": 10 subjects, 14 raters, 5 categories; P = 0.378,
##    Pe = 0.213, kappa = 0.210), with the leave-one-subject-out jackknife standard error.
fl <- matrix(c(0,0,0,0,14, 0,2,6,4,2, 0,0,3,5,6, 0,3,9,2,0, 2,2,8,1,1, 7,7,0,0,0, 3,2,6,3,0, 2,5,3,2,2, 6,5,2,1,0, 0,2,2,3,7), 10, byrow = TRUE)
fleiss <- function(m) { nr <- sum(m[1, ]); p <- colSums(m) / sum(m); P <- (rowSums(m^2) - nr) / (nr * (nr - 1)); (mean(P) - sum(p^2)) / (1 - sum(p^2)) }
k <- fleiss(fl); loo <- sapply(1:nrow(fl), function(i) fleiss(fl[-i, , drop = FALSE])); nn <- nrow(fl)
se <- sqrt((nn - 1) / nn * sum((loo - mean(loo))^2))
cat("fleiss_wikipedia", k, se, k + c(-1, 1) * qnorm(0.975) * se, "\n")

## 4. Reading-time ratio: 3 readers x 6 cases, times in seconds; d = log(with) - log(without), two-way ANOVA by aov,
##    variance of the mean (MS_R + MS_C - MS_E)/(rc) with Satterthwaite df.
without <- matrix(c(60, 75, 90, 48, 120, 66,  80, 95, 70, 55, 150, 72,  45, 62, 88, 40, 100, 58), 3, byrow = TRUE)
with    <- matrix(c(25, 16, 50, 17,  55, 18,  50, 44, 72, 31, 120, 39,  16, 13, 39, 11,  46, 15), 3, byrow = TRUE)
d <- log(with) - log(without); rr <- nrow(d); cc <- ncol(d)
tab <- summary(aov(y ~ factor(rd) + factor(cs), data = data.frame(y = as.vector(d), rd = rep(1:rr, cc), cs = rep(1:cc, each = rr))))[[1]]
msr <- tab[1, "Mean Sq"]; msc <- tab[2, "Mean Sq"]; mse <- tab[3, "Mean Sq"]
stopifnot(msr > mse, msc > mse)
comb <- msr + msc - mse; vv <- comb / (rr * cc)
df <- comb^2 / (msr^2 / (rr - 1) + msc^2 / (cc - 1) + mse^2 / ((rr - 1) * (cc - 1)))
gm <- function(x) exp(mean(log(x)))
cat("reading_time_gm_without_with", gm(without), gm(with), "\n")
cat("reading_time_ratio_lower_upper_se_df", exp(mean(d)), exp(mean(d) + c(-1, 1) * qt(0.975, df) * sqrt(vv)), sqrt(vv), df, "\n")
cat("reading_time_ms_r_c_e", msr, msc, mse, "\n")
