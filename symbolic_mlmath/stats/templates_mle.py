"""Templates of the maximum likelihood rules.

Examples
========
>>> from symbolic_mlmath.render.formats import TEXT
>>> from symbolic_mlmath.stats.mle import derive_mle
>>> d = derive_mle("bernoulli", data="1 0 1 1")
>>> MLE_TEMPLATES[d.steps[3].rule].instance(d.steps[3], TEXT)
'p = 3/4'
"""

from __future__ import annotations

from symbolic_mlmath.core.steps import Step
from symbolic_mlmath.render.formats import MathFormat
from symbolic_mlmath.render.templates import TemplateTable
from symbolic_mlmath.stats.rules import StatsRule as R

__all__ = ["MLE_TEMPLATES"]

#: The templates of the maximum likelihood rules (merged into the subject's table).
MLE_TEMPLATES = TemplateTable()
template = MLE_TEMPLATES.add
MLE_TEMPLATES.labels.update({"lambda": "λ (rate)", "mu": "μ (mean)", "sigma": "σ (standard deviation)",
                             "theta": "θ (upper end)", "p": "p (probability)",
                             "a": "a (intercept)", "b": "b (slope)",
                             "sigma^2": "σ² (noise variance)"})

_L = (r"L(\theta) = \prod_{i=1}^{n} f(x_i; \theta)", "L(θ) = Π f(xᵢ; θ)")
_ELL = (r"\ell(\theta) = \log L(\theta) = \sum_{i=1}^{n} \log f(x_i;\theta)",
        "ℓ(θ) = log L(θ) = Σ log f(xᵢ; θ)")


def _params(step: Step, f: MathFormat) -> str:
    return ", ".join(f.m(p) for p in step.given["parameters"])


@template(R.LIKELIHOOD, "Likelihood",
          lambda f: f.prose("The likelihood is the joint density of the independent observations, "
                            "read as a function of the parameter: ") + f.raw(*_L) + ".", "=")
def _likelihood(step: Step, f: MathFormat) -> str:
    g = step.given
    n = g["n"]
    what = (f.prose("a sample of size ") + f.m(n)) if not n.is_number else (
        f.prose(f"{n} observations"))
    return f"{what}; f(x) = {f.m(g['density'])}"


@template(R.LOG_LIKELIHOOD, "Log-likelihood",
          lambda f: f.prose("The logarithm turns the product into a sum and has the same "
                            "maximiser: ") + f.raw(*_ELL)
          + f.prose("; the logs are expanded (log(ab) = log a + log b, log aᵏ = k log a), "
                    "which holds because every factor is positive."), "=")
def _log_likelihood(step: Step, f: MathFormat) -> str:
    return f"{f.prose('assuming')} {f.prose(str(step.given['assumptions']))}"


@template(R.SCORE, "Score",
          lambda f: f.prose("Differentiate the log-likelihood with respect to each parameter "
                            "(the score, or gradient)."), "=")
def _score(step: Step, f: MathFormat) -> str:
    return f"{f.prose('with respect to')} {_params(step, f)}"


def _root_display(step: Step) -> list:
    """score ⟹ (the roots); one root is written by the instance alone (no 1-tuple)."""
    from symbolic_mlmath.render.displays import chain

    if len(step.after) == 1:
        return []
    return [chain(step.before, "=>", step.after, step=step)]


@template(R.SET_SCORE_TO_ZERO, "Set the score to zero",
          lambda f: f.prose("A maximum inside the parameter space is a root of the score: solve ")
          + f.raw(r"\partial\ell/\partial\theta = 0", "∂ℓ/∂θ = 0") + ".", "=>",
          display=_root_display)
def _root(step: Step, f: MathFormat) -> str:
    g = step.given
    text = ", ".join(f"{f.m(eq.lhs)} = {f.m(eq.rhs)}" for eq in g["solution"])
    if "rss" in g:  # regression: the normal equations, then the σ² equation
        text = f"{f.prose('solving the normal equations')}: {text}"
        if len(g["solution"]) == 3:
            note = f.prose("the σ² equation gives σ̂² = S(â, b̂)/n, the sum of squared residuals")
            text += f" ({note} {f.m(g['rss'])} {f.prose('over n, not n − 2')})"
    return text


@template(R.SECOND_DERIVATIVE_CHECK, "Second derivative test",
          lambda f: f.prose("The root is a maximum when the second derivative is negative "
                            "there."), "=>")
def _second(step: Step, f: MathFormat) -> str:
    g = step.given
    return (f"ℓ''(θ) = {f.m(g['second'])}; {f.prose('at the root')}: {f.m(step.after)}, "
            f"{f.prose(str(g['condition']))}")


@template(R.HESSIAN_CHECK, "Hessian test",
          lambda f: f.prose("With several parameters the root is a maximum when the Hessian is "
                            "negative definite there (leading minors alternate -, +, ...)."),
          "=>")
def _hessian(step: Step, f: MathFormat) -> str:
    return f"{f.prose('Hessian at the root')} {f.m(step.after)}: " \
           f"{f.prose(str(step.given['condition']))}"


@template(R.BOUNDARY_MAXIMUM, "Maximum on the boundary",
          lambda f: f.prose("When the score has no root the likelihood is monotone and its "
                            "maximum sits on the boundary of the allowed parameters; here "
                            "L(θ) = θ⁻ⁿ only for θ ≥ max xᵢ (else 0) and it decreases, so the "
                            "smallest allowed θ wins."), "=>")
def _boundary(step: Step, f: MathFormat) -> str:
    eq = step.after
    return (f"{f.prose('the score')} {f.m(step.before)} < 0 {f.prose('never vanishes; so')} "
            f"{f.m(eq.lhs)} = max xᵢ = {f.m(eq.rhs)}")


@template(R.REGRESSION_LIKELIHOOD, "Likelihood of the regression model",
          lambda f: f.prose("With yᵢ = a + b xᵢ + εᵢ and independent εᵢ ~ N(0, σ²), each response "
                            "is normal about the line; the likelihood is the product ")
          + f.raw(r"L(a, b, \sigma^2) = \prod_{i=1}^{n} \frac{1}{\sqrt{2\pi\sigma^2}}"
                  r"\exp\!\left(-\frac{(y_i - a - b x_i)^2}{2\sigma^2}\right)",
                  "L(a, b, σ²) = Π (2πσ²)^(−1/2) exp(−(yᵢ − a − b xᵢ)²/(2σ²))") + ".", "=")
def _regression_likelihood(step: Step, f: MathFormat) -> str:
    g = step.given
    known = (f"; {f.prose('known')} σ² = {f.m(g['variance'])}" if "variance" in g else "")
    n = g["n"]
    size = f.prose(f"{n} pairs") if n.is_number else f.prose("a sample of ") + f.m(n) + \
        f.prose(" pairs")
    return f"{size} (xᵢ, yᵢ){known}"


@template(R.MLE_NORMAL_EQUATIONS, "The normal equations: maximum likelihood is least squares",
          lambda f: f.prose("σ² > 0 cancels from the score in a and b, leaving ")
          + f.raw(r"\sum (y_i - a - b x_i) = 0,\ \sum x_i (y_i - a - b x_i) = 0",
                  "Σ(yᵢ − a − b xᵢ) = 0, Σxᵢ(yᵢ − a − b xᵢ) = 0")
          + f.prose(": these are ∂S/∂a = 0 and ∂S/∂b = 0 for the sum of squared residuals ")
          + f.raw(r"S(a, b) = \sum (y_i - a - b x_i)^2", "S(a, b) = Σ(yᵢ − a − b xᵢ)²")
          + f.prose(", because ℓ = −(n/2) log(2πσ²) − S(a, b)/(2σ²). So maximising the "
                    "likelihood is minimising the sum of squared residuals (least squares), "
                    "for every σ²; in matrix form ")
          + f.raw(r"X^{\mathsf T}X\beta = X^{\mathsf T}y", "XᵀXβ = Xᵀy") + ".", "=>")
def _mle_normal(step: Step, f: MathFormat) -> str:
    n, sx, sxx, sy, sxy = step.given["sums"]
    return (f"n = {f.m(n)}, Σxᵢ = {f.m(sx)}, Σxᵢ² = {f.m(sxx)}, Σyᵢ = {f.m(sy)}, "
            f"Σxᵢyᵢ = {f.m(sxy)}")


# ------------------------------------------------------------------ Bayesian updating
@template(R.PRIOR, "Prior",
          "The prior density states what is believed about the parameter before the data.", "=>")
def _prior(step: Step, f: MathFormat) -> str:
    g = step.given
    return f"{f.m(g['parameter'])} ~ {f.prose(str(g['distribution']))}: " \
           f"π({f.m(g['parameter'])}) = {f.m(step.after)}"


@template(R.POSTERIOR_PROPORTIONAL, "Posterior is proportional to prior times likelihood",
          lambda f: f.prose("Bayes' rule with the evidence as a constant: ")
          + f.raw(r"\pi(\theta \mid x) \propto \pi(\theta)\, L(\theta)", "π(θ | x) ∝ π(θ) L(θ)")
          + f.prose("; factors without the parameter are dropped (powers of the same base "
                    "add their exponents)."), "=>")
def _proportional(step: Step, f: MathFormat) -> str:
    g = step.given
    return f"L = {f.m(g['likelihood'])} ({f.m(g['n'])} {f.prose('observations')})"


@template(R.RECOGNIZE_KERNEL, "Recognise the kernel",
          lambda f: f.prose("A density is determined by its kernel: match the powers (beta: ")
          + f.raw(r"p^{a-1}(1-p)^{b-1}", "p^(a−1)(1−p)^(b−1)") + f.prose("; gamma: ")
          + f.raw(r"\lambda^{k-1}e^{-\lambda/\theta}", "λ^(k−1) e^(−λ/θ)")
          + f.prose("; normal: complete the square in the exponent) and the normalising "
                    "constant follows without integrating."), "=>")
def _recognize(step: Step, f: MathFormat) -> str:
    g = step.given
    return f"{f.prose('the posterior is')} {f.prose(str(g['distribution']))}"


@template(R.POSTERIOR_SUMMARY, "Posterior mean, median and mode",
          "Summarise the posterior: its mean, its median (the 50% point) and its mode, the "
          "maximum a posteriori (MAP) estimate.", "=>")
def _summary(step: Step, f: MathFormat) -> str:
    from symbolic_mlmath.stats.templates_inference import show, with_approx

    mean, median, mode = step.after
    return (f"{f.prose('mean')} {with_approx(mean, f)}, {f.prose('median')} {show(median, f)}, "
            f"{f.prose('mode (MAP)')} {with_approx(mode, f)}")


@template(R.DISCRETE_POSTERIOR, "Bayes' theorem over the hypotheses",
          lambda f: f.raw(r"P(H_k \mid D) = \frac{P(D \mid H_k)P(H_k)}{\sum_j P(D \mid H_j)P(H_j)}",
                          "P(Hₖ | D) = P(D | Hₖ)P(Hₖ) / Σⱼ P(D | Hⱼ)P(Hⱼ)") + ".", "=>")
def _discrete(step: Step, f: MathFormat) -> str:
    g = step.given
    bits = [f"{f.m(h)}: {f.m(pr)}·{f.m(lk)} / {f.m(g['evidence'])} = {f.m(post)}"
            for h, pr, lk, post in zip(g["hypotheses"], g["prior"], g["likelihood"], step.after,
                                       strict=True)]
    return "; ".join(bits)


@template(R.NEGATIVE_LOG_POSTERIOR, "Negative log posterior",
          lambda f: f.prose("The MAP estimate minimises minus the log posterior; with Gaussian "
                            "noise and a Gaussian prior on the weights this is ")
          + f.raw(r"\frac{1}{2\sigma^2}\sum_i (y_i - x_i^{\mathsf T}w)^2 + \frac{1}{2\tau^2}"
                  r"\lVert w\rVert^2", "(1/2σ²) Σ(yᵢ − xᵢᵀw)² + (1/2τ²)‖w‖²")
          + f.prose(" plus a constant: least squares plus a ridge penalty with ")
          + f.raw(r"\lambda = \sigma^2/\tau^2", "λ = σ²/τ²") + ".", "=>")
def _neglog(step: Step, f: MathFormat) -> str:
    g = step.given
    return (f"σ = {f.m(g['sigma'])}, τ = {f.m(g['tau'])}, λ = {f.m(g['lambda'])}: "
            f"{f.prose('minimise')} {f.m(g['ridge'])}")


@template(R.RIDGE_SOLUTION, "Solve the ridge equations",
          lambda f: f.prose("Setting the gradient to zero gives ")
          + f.raw(r"(X^{\mathsf T}X + \lambda I)\,w = X^{\mathsf T}y", "(XᵀX + λI) w = Xᵀy")
          + f.prose(", solved exactly."), "=>")
def _ridge(step: Step, f: MathFormat) -> str:
    g = step.given
    ws = ", ".join(f"{f.m(w)} = {f.m(v)}" for w, v in zip(g["weights"], step.after, strict=True))
    return f"[XᵀX + λI | Xᵀy] = {f.m(g['system'])}: {ws}"
