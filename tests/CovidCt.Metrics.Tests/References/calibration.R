# Reference values for CalibrationTests: Brier score, calibration slope (glm of y on logit p) and calibration
# intercept (glm of y with offset logit p), with Wald standard errors, from R's stats::glm run to a relative
# deviance change of 1e-15 (the default 1e-8 leaves the coefficients good to about 1e-8 only).
# Run: Rscript calibration.R > calibration.out
options(digits = 17)
p <- c(0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 0.30)
y <- c(0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0)
cat(sprintf("brier %.17g\n", mean((p - y)^2)))
slope <- summary(glm(y ~ qlogis(p), family = binomial, control = glm.control(epsilon = 1e-15, maxit = 100)))$coefficients
cat(sprintf("slope a %.17g se %.17g b %.17g se %.17g\n", slope[1, 1], slope[1, 2], slope[2, 1], slope[2, 2]))
large <- summary(glm(y ~ 1 + offset(qlogis(p)), family = binomial, control = glm.control(epsilon = 1e-15, maxit = 100)))$coefficients
cat(sprintf("intercept %.17g se %.17g\n", large[1, 1], large[1, 2]))
