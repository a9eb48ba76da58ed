"""Checkers for the SGD, momentum and Adam update steps."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._steps import STEP_TOL as TOL
from engine.checkers.nn._steps import (
    StepChecker,
    adam_betas,
    adam_moments,
    adam_slips,
    beta_times_t_slips,
    corrected_moment,
    correction_slips,
    moment_slips,
    parameter_shapes,
    second_moment_slips,
    step_case,
    tiny_gradient_defaults,
    transposed_grad_slip,
    with_defaults,
)
from engine.checks import Hint, Judgement
from engine.nn import optim as ref

__all__ = ["adam_step", "momentum_step", "sgd_step"]


class SgdChecker(StepChecker):
    """sgd_step(theta, grad, lr) = theta - lr * grad."""

    name = "nn.optim.sgd_step"
    entries = ("sgd_step",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"sgd_step": ref.sgd_step}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        out = []
        # the last plan's gradients run to about 100, so a step that clips or rescales large
        # gradients shows on every seed (the others' scales are drawn from 1e-3 to 10)
        plans = [*parameter_shapes(rng), ("large gradients", (4, 6))]
        for i, (what, shape) in enumerate(plans, 1):
            theta = gen.normal(rng, shape)
            scale = 30.0 if what == "large gradients" else gen.log_uniform(rng, 1e-3, 10.0)
            grad = gen.with_zeros(
                rng,
                gen.normal(rng, shape, scale),
                0.1,
                keep_nonzero=True,  # a (1, 1) gradient is not all zero
            )
            lr = gen.log_uniform(rng, 1e-4, 0.5)
            out.append(step_case(f"case {i}: {what}", ref.sgd_step, (theta, grad, lr)))
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        theta, grad, lr = case.inputs["args"]
        got = j.array("theta", outputs.get("out"), theta.shape)
        hints = [
            ("theta moved uphill: subtract lr * grad", theta + lr * grad),
            ("lr was ignored", theta - grad),
            ("lr was ignored (0.01 used instead)", theta - 0.01 * grad),
            ("the gradient was divided by lr; multiply it: theta - lr * grad", theta - grad / lr),
            (
                "you returned the step lr * grad, not the new parameters: return theta - lr * grad",
                lr * grad,
            ),
            (
                "you returned the step -lr * grad, not the new parameters: add it to theta",
                -lr * grad,
            ),
            (
                "grad was averaged into one number, so every parameter moved by the same "
                "amount: each parameter moves by lr times its own gradient",
                theta - lr * np.mean(grad),
            ),
            (
                "theta came back unchanged: the new parameters theta - lr * grad were "
                "computed but not returned (an expression on its own line is dropped)",
                # exactly theta: a step of lr * lr * grad can round to within 1e-9 of it
                theta if np.array_equal(got, theta) else np.full(theta.shape, np.nan),
            ),
            ("lr was applied twice (theta - lr * lr * grad)", lambda: theta - lr * lr * grad),
            (
                "the learning rate went through float32 (np.float32(lr) keeps about 7 digits, "
                "so every step is off by the same factor): keep lr a Python float or float64",
                # a float32 scalar times a float64 array computes in float64 (NEP 50): only
                # lr's own rounding is left, a factor no float32 test of the values sees
                lambda: theta - np.float64(np.float32(lr)) * grad,
            ),
            *(
                (
                    f"the gradient was divided by its number of {what} ({count}): grad is "
                    "already the mean over the batch (the 1/m is in the loss), so the step "
                    "is lr * grad itself",
                    lambda count=count: theta - lr * grad / count,
                )
                for what, count in (
                    ("rows", grad.shape[0] if grad.ndim else 1),
                    ("entries", grad.size),
                )
                if count > 1
            ),
            *(
                (
                    "the gradient was divided by its norm (normalized gradient descent"
                    + (
                        # one nonzero entry: g / |g| is also what a clip to [-1, 1] gives
                        ", or clipped to [-1, 1], the same for one nonzero entry"
                        if np.count_nonzero(grad) == 1
                        else ""
                    )
                    + "); plain SGD moves by lr * grad itself",
                    lambda guard=guard: theta - lr * grad / (np.linalg.norm(grad) + guard),
                )
                for guard in (0.0, 1e-12, 1e-8, 1e-6)  # a guard against a zero norm, or none
            ),
            (
                "theta and grad swapped places: grad - lr * theta; the step is theta - lr * grad",
                lambda: grad - lr * theta,
            ),
            *(
                (
                    f"the gradient was clipped to [-{c:g}, {c:g}]; plain SGD moves by lr * grad "
                    "itself (clipping, by value or by norm, is a step of its own before it)",
                    lambda c=c: theta - lr * np.clip(grad, -c, c),
                )
                for c in (1.0, 5.0, 0.5, 10.0, 0.1)
            ),
            *transposed_grad_slip(grad, lambda g: theta - lr * g),
            *(
                (
                    f"theta also decays: the step matches theta - lr * (grad + {wd:g} * theta), "
                    "weight decay folded into the gradient; plain SGD moves by lr * grad alone "
                    "(decay, when a model wants it, is a term of the loss or of the optimizer)",
                    lambda wd=wd: theta - lr * (grad + wd * theta),
                )
                for wd in _WEIGHT_DECAYS
            ),
        ]
        j.close("theta", got, ref.sgd_step(theta, grad, lr), TOL, hints=hints, moved_from=theta)


_WEIGHT_DECAYS = (5e-4, 1e-4, 1e-3, 1e-2, 5e-5, 1e-5, 0.1)
"""The weight decays training loops carry by habit (the usual defaults of vision recipes)."""


def _beta_on_grad_slips(v: np.ndarray, grad: np.ndarray, beta: float) -> list[Hint]:
    """beta moved from v onto grad (v kept whole or weighted by 1 - beta), or bracketed over
    both, v = beta*(v + grad). From v = 0 the three give the same numbers, so there one
    message names all three."""
    swapped = "beta and 1 - beta swapped places, v = (1-beta)*v + beta*grad"
    kept = "beta multiplies grad instead of v, v = v + beta*grad"
    both = "beta multiplies the new gradient too, v = beta*(v + grad)"
    right = "; this drill's v = beta*v + grad (the sum convention, no (1 - beta) at all)"
    if not np.any(v):
        return [(f"{swapped}, {kept}, or {both} (the three agree from v = 0){right}", beta * grad)]
    return [
        (swapped + right, lambda: (1 - beta) * v + beta * grad),
        (kept + right, lambda: v + beta * grad),
        (both + right, lambda: beta * (v + grad)),
    ]


_OTHER_BETAS = (0.99, 0.95, 0.999, 0.8, 0.5)
"""Defaults other than the drill's 0.9 that a signature can be given by mistake."""


def _default_beta_slips(called_with_beta: bool, v: np.ndarray, grad: np.ndarray) -> list[Hint]:
    """A case that leaves beta out runs the signature's default: a default other than 0.9
    shows only there, and is named by the value it was."""
    if called_with_beta:
        return []
    return [
        (
            f"called without beta, the step used beta = {b:g}: the default must be "
            "momentum_step(..., beta=0.9), the drill's signature",
            lambda b=b: b * v + grad,
        )
        for b in _OTHER_BETAS
    ]


class MomentumChecker(StepChecker):
    """momentum_step in the sum convention v = beta * v + grad (PyTorch's SGD)."""

    name = "nn.optim.momentum_step"
    entries = ("momentum_step",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"momentum_step": ref.momentum_step}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        out = []
        for i, (what, shape) in enumerate(parameter_shapes(rng), 1):
            theta = gen.normal(rng, shape)
            grad = gen.normal(rng, shape, gen.log_uniform(rng, 1e-2, 10.0))
            first = i == 1
            v = np.zeros(shape) if first else gen.normal(rng, shape)
            lr = gen.log_uniform(rng, 1e-3, 0.3)
            beta = round(float(rng.uniform(0.5, 0.99)), 4)
            args: tuple[Any, ...] = (theta, grad, v, lr) if i == 2 else (theta, grad, v, lr, beta)
            label = "default beta" if i == 2 else f"beta={beta}"
            if first:
                label += ", first step (v = 0)"
            out.append(step_case(f"case {i}: {what}, {label}", ref.momentum_step, args))
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        theta, grad, v, lr, beta = with_defaults(ref.momentum_step, case.inputs["args"])
        theta_ref, v_ref = ref.momentum_step(theta, grad, v, lr, beta)
        got_theta, got_v = self.returned(j, outputs, theta=theta, v=v)
        ema = beta * v + (1 - beta) * grad
        ema_msg = (
            "this is the other convention, v = beta*v + (1-beta)*grad (an exponential moving "
            "average); this drill uses the sum convention v = beta*v + grad, as PyTorch's SGD does"
        )
        j.close(
            "v",
            got_v,
            v_ref,
            TOL,
            hints=[
                (ema_msg, ema),
                (
                    "v came back unchanged: return the new velocity beta*v + grad, which the "
                    "caller passes back in at the next step",
                    v,
                ),
                *_beta_on_grad_slips(v, grad, beta),
                (
                    "v = (1-beta)*v + grad: the old velocity was weighted by 1 - beta, so it "
                    "fades almost at once; this drill's v = beta*v + grad keeps beta of it",
                    lambda: (1 - beta) * v + grad,
                ),
                ("beta was ignored (0.9 used instead)", 0.9 * v + grad),
                *_default_beta_slips(len(case.inputs["args"]) > 4, v, grad),
                *transposed_grad_slip(grad, lambda g: beta * v + g),
                (
                    "v = beta*v - grad: the gradient's sign is flipped inside v; this drill's "
                    "v = beta*v + grad, and theta moves by -lr * v",
                    lambda: beta * v - grad,
                ),
                (
                    "v holds the new theta: the result is (theta, v), in that order",
                    lambda: theta - lr * v_ref,
                ),
                *(
                    (
                        f"theta also decays: v matches beta*v + grad + {wd:g} * theta, weight "
                        "decay folded into the gradient (an SGD recipe's weight_decay); this "
                        "drill's momentum step has no decay: v = beta*v + grad",
                        lambda wd=wd: beta * v + grad + wd * theta,
                    )
                    for wd in _WEIGHT_DECAYS
                ),
                (
                    "v holds lr * grad, v = beta*v + lr*grad (how PyTorch's notes write "
                    "Sutskever et al.'s form; the same steps for a fixed lr but another state); "
                    "this drill's v = beta*v + grad, and theta moves by -lr * v",
                    lambda: beta * v + lr * grad,
                ),
                (
                    "v holds the step itself, v = beta*v - lr*grad, added to theta (theta + v, "
                    "as Sutskever et al. and Goodfellow et al. write momentum; the same steps "
                    "for a fixed lr but another state); this drill's v = beta*v + grad, and "
                    "theta moves by -lr * v",
                    lambda: beta * v - lr * grad,
                ),
            ],
        )
        j.close(
            "theta",
            got_theta,
            theta_ref,
            TOL,
            moved_from=theta,
            hints=[
                (ema_msg, theta - lr * ema),
                (
                    "theta was updated with the old v: update v first, then theta - lr * v",
                    theta - lr * v,
                ),
                ("theta moved uphill: subtract lr * v", theta + lr * v_ref),
                (
                    "theta moved by lr * grad alone, a plain SGD step, so the velocity had no "
                    "effect: momentum moves theta by lr * v, with the new v = beta*v + grad",
                    theta - lr * grad,
                ),
                (
                    "this is Nesterov's step, theta - lr * (grad + beta * v) (PyTorch's "
                    "nesterov=True); this drill's classical momentum is theta - lr * v",
                    lambda: theta - lr * (grad + beta * v_ref),
                ),
            ],
        )


class AdamChecker(StepChecker):
    """adam_step with bias correction, t counted from 1, eps outside the square root."""

    name = "nn.optim.adam_step"
    entries = ("adam_step",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"adam_step": ref.adam_step}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        out = []
        # small gradients with a large eps first: where eps sits matters most there, so a
        # misplaced eps shows its worst discrepancy in the first failing case
        shapes = [("small gradients", (3, 4)), *parameter_shapes(rng), ("late in training", (2, 5))]
        for i, (what, shape) in enumerate(shapes, 1):
            theta = gen.normal(rng, shape)
            gscale = 1e-3 if what == "small gradients" else gen.log_uniform(rng, 1e-2, 10.0)
            grad = gen.with_zeros(rng, gen.normal(rng, shape, gscale), 0.1, keep_nonzero=True)
            small = what == "small gradients"
            if small:  # graded first: a gradient of one sign hides abs(grad) in v's average
                grad = gen.with_both_signs(grad)
            t, m, v = adam_moments(
                rng,
                shape,
                gscale,
                first=what == "a single parameter",
                late=what == "late in training",
                early=small,
            )
            if what == "a weight matrix":
                args: tuple[Any, ...] = (theta, grad, m, v, t)
                label = "default hyperparameters"
            else:
                lr = gen.log_uniform(rng, 1e-4, 0.1)
                beta1, beta2 = adam_betas(rng)
                eps = (
                    gen.log_uniform(rng, 1e-4, 1e-2)
                    if what == "small gradients"
                    else gen.log_uniform(rng, 1e-8, 1e-3)
                )
                args = (theta, grad, m, v, t, lr, beta1, beta2, eps)
                label = f"t={t}" + (" (first step)" if t == 1 else "")
            out.append(step_case(f"case {i}: {what}, {label}", ref.adam_step, args))
        theta, grad = tiny_gradient_defaults(rng, (3, 4))
        t, m, v = adam_moments(rng, (3, 4), 1e-6, first=False, late=False)
        what = f"default hyperparameters, gradients of about 1e-6, t={t}"
        out.append(step_case(f"case {len(out) + 1}: {what}", ref.adam_step, (theta, grad, m, v, t)))
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        theta, grad, m, v, t, lr, b1, b2, eps = with_defaults(ref.adam_step, case.inputs["args"])
        theta_ref, m_ref, v_ref = ref.adam_step(theta, grad, m, v, t, lr, b1, b2, eps)
        finite_beta_t, nonfinite_beta_t = beta_times_t_slips(
            theta, m_ref, v_ref, t, lr, b1, b2, eps
        )
        finite_half, nonfinite_from_zero = correction_slips(theta, m_ref, v_ref, t, lr, b1, b2, eps)
        got_theta, got_m, got_v = self.returned(
            j,
            outputs,
            nonfinite={"theta": nonfinite_beta_t + nonfinite_from_zero},
            theta=theta,
            m=m,
            v=v,
        )
        # Hints are callables: each is computed only when a comparison fails (eleven arrays
        # per case otherwise, most of this check's time; in the sandbox the judging of the
        # last cases then lagged the child's run).
        j.close(
            "m",
            got_m,
            m_ref,
            TOL,
            hints=[
                corrected_moment("m", "beta1", m_ref, m, b1, t),
                (
                    "m holds the new v: the result is (theta, m, v), in that order",
                    lambda: v_ref,
                ),
                ("m misses the (1 - beta1) factor on grad", lambda: b1 * m + grad),
                ("beta1 was ignored (0.9 used instead)", lambda: 0.9 * m + 0.1 * grad),
            ],
        )
        j.close(
            "v",
            got_v,
            v_ref,
            TOL,
            hints=[
                corrected_moment("v", "beta2", v_ref, v, b2, t),
                *second_moment_slips("v", "beta2", v, b2, grad),
                (
                    "beta2 was ignored (0.999 used instead)",
                    lambda: 0.999 * v + 0.001 * grad * grad,
                ),
                (
                    "v is the larger of the old v and the new average, AMSGrad's running "
                    "maximum; Adam's v is the average itself, beta2 * v + (1 - beta2) * grad**2",
                    lambda: np.maximum(v, v_ref),
                ),
            ],
        )

        def m_hat() -> Any:
            return m_ref / (1 - b1**t)

        def v_hat() -> Any:
            return v_ref / (1 - b2**t)

        no_bias_correction, eps_forms = adam_slips(
            got_theta, theta, m_ref, v_ref, t, lr, b1, b2, eps
        )
        hints = [
            no_bias_correction,
            (
                "the bias correction used t + 1; t already counts from 1 for the first step",
                lambda: (
                    theta
                    - lr
                    * (m_ref / (1 - b1 ** (t + 1)))
                    / (np.sqrt(v_ref / (1 - b2 ** (t + 1))) + eps)
                ),
            ),
            *eps_forms,
            *finite_half,
            *finite_beta_t,
            (
                "eps is added to sqrt(v) after the bias corrections were folded into the step "
                "size (the paper's efficient form); that form needs eps * sqrt(1 - beta2**t) "
                "there, or compute m_hat / (sqrt(v_hat) + eps) with eps next to sqrt(v_hat)",
                lambda: (
                    theta - lr * np.sqrt(1 - b2**t) / (1 - b1**t) * m_ref / (np.sqrt(v_ref) + eps)
                ),
            ),
            (
                "lr was ignored (1e-3 used instead)",
                lambda: theta - 1e-3 * m_hat() / (np.sqrt(v_hat()) + eps),
            ),
            *moment_slips(theta, grad, m, v, v_ref, t, lr, b1, b2, eps),
        ]
        j.close("theta", got_theta, theta_ref, TOL, hints=hints, moved_from=theta)


sgd_step = SgdChecker
momentum_step = MomentumChecker
adam_step = AdamChecker
