"""Checkers for the RMSprop and AdamW update steps."""

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
    eps_slips,
    moment_slips,
    nearest_of,
    other_default_eps,
    parameter_shapes,
    second_moment_slips,
    step_case,
    tiny_gradient_defaults,
    with_defaults,
)
from engine.checks import Hint, Judgement
from engine.deep import optim as ref

__all__ = ["adamw_step", "rmsprop_step"]


class RmspropChecker(StepChecker):
    """rmsprop_step: s = rho*s + (1-rho)*grad**2, theta - lr*grad/(sqrt(s) + eps)."""

    name = "deep.optim.rmsprop_step"
    entries = ("rmsprop_step",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"rmsprop_step": ref.rmsprop_step}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        planned: list[tuple[str, tuple[Any, ...]]] = []
        plans = parameter_shapes(rng) + [("tiny gradients, large eps", (3, 4))]
        for i, (what, shape) in enumerate(plans, 1):
            tiny = what.startswith("tiny")
            gscale = 1e-4 if tiny else gen.log_uniform(rng, 1e-2, 10.0)
            theta = gen.normal(rng, shape)
            grad = gen.with_zeros(rng, gen.normal(rng, shape, gscale), 0.1, keep_nonzero=True)
            if tiny:  # graded first: a gradient of one sign hides abs(grad) in s's average
                grad = gen.with_both_signs(grad)
            first = i == 1
            s = np.zeros(shape) if first else gen.normal(rng, shape, gscale) ** 2
            if i == 2:
                args: tuple[Any, ...] = (theta, grad, s)
                label = "default hyperparameters"
            else:
                lr = gen.log_uniform(rng, 1e-4, 0.1)
                rho = round(float(rng.uniform(0.5, 0.999)), 4)
                eps = gen.log_uniform(rng, 1e-6, 1e-3) if tiny else gen.log_uniform(rng, 1e-8, 1e-4)
                args = (theta, grad, s, lr, rho, eps)
                label = f"rho={rho}" + (", first step (s = 0)" if first else "")
            planned.append((f"{what}, {label}", args))
        # drawn last, so the other cases keep their values, but graded first: elsewhere eps
        # can be so small beside sqrt(s) that eps left out and eps**2 under the root round
        # to the same theta, and the first failure would name whichever form is listed first
        planned.insert(0, planned.pop())
        theta, grad = tiny_gradient_defaults(rng, (3, 4))
        s = gen.normal(rng, (3, 4), 1e-6) ** 2
        planned.append(("default hyperparameters, gradients of about 1e-6", (theta, grad, s)))
        return [
            step_case(f"case {i}: {what}", ref.rmsprop_step, args)
            for i, (what, args) in enumerate(planned, 1)
        ]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        theta, grad, s, lr, rho, eps = with_defaults(ref.rmsprop_step, case.inputs["args"])
        defaults = len(case.inputs["args"]) == 3  # the signature's defaults were used
        theta_ref, s_ref = ref.rmsprop_step(theta, grad, s, lr, rho, eps)
        unsquared = rho * s + (1 - rho) * grad
        got_theta, got_s = self.returned(
            j,
            outputs,
            nonfinite={
                "theta": [
                    (
                        "s must average the squared gradient (grad**2): an average of grad "
                        "itself goes negative where grad does, and its square root is NaN",
                        lambda: theta - lr * grad / (np.sqrt(unsquared) + eps),
                    )
                ]
            },
            theta=theta,
            s=s,
        )
        j.close(
            "s",
            got_s,
            s_ref,
            TOL,
            hints=[
                *second_moment_slips("s", "rho", s, rho, grad),
                ("rho was ignored (0.9 used instead)", lambda: 0.9 * s + 0.1 * grad * grad),
                *(
                    [
                        (
                            "rho defaults to 0.99 in your signature (PyTorch's alpha); this "
                            "drill's default is rho=0.9",
                            lambda: 0.99 * s + 0.01 * grad * grad,
                        )
                    ]
                    if defaults
                    else []
                ),
                ("s was not updated: return rho*s + (1-rho)*grad**2", s),
                (
                    "s holds one average for the whole array (the mean of grad**2 over every "
                    "entry); RMSprop keeps one per parameter: rho*s + (1-rho)*grad**2 entry by "
                    "entry",
                    lambda: rho * s + (1 - rho) * np.mean(grad * grad),
                ),
                (
                    "s holds its root, sqrt(rho*s + (1-rho)*grad**2): the state is the average "
                    "of the squares itself, and the root is taken only for the step (the next "
                    "call squares nothing back)",
                    lambda: np.sqrt(s_ref),
                ),
            ],
        )
        # callables: computed only when theta is wrong (as in nn.optim's adam_step)
        eps_forms = eps_slips(got_theta, theta, grad, s_ref, lr, eps, ("grad", "s"))
        hints = [
            *eps_forms,
            (
                "theta was updated with the old s: update s first, then divide by its root",
                lambda: theta - lr * grad / (np.sqrt(s) + eps),
            ),
            (
                "the step's root misses the (1 - rho) factor: it divides by "
                "sqrt(rho*s + grad**2); divide by the root of the s you return",
                lambda: theta - lr * grad / (np.sqrt(rho * s + grad * grad) + eps),
            ),
            (
                "the step divides by s, not by its square root",
                lambda: theta - lr * grad / (s_ref + eps),
            ),
            (
                "this is centered RMSprop (Graves 2013, PyTorch's centered=True), whose root "
                "subtracts the squared running mean of the gradient, sqrt(s - g_avg**2); "
                "plain RMSprop divides by sqrt(s) + eps, and this signature keeps no g_avg",
                lambda: theta - lr * grad / (np.sqrt(s_ref - ((1 - rho) * grad) ** 2) + eps),
            ),
            (
                "the step bias-corrects s as Adam does at its first step, s / (1 - rho); "
                "RMSprop has no bias correction: divide by sqrt(s) + eps with the s you return",
                lambda: theta - lr * grad / (np.sqrt(s_ref / (1.0 - rho)) + eps),
            ),
            (
                "theta moved uphill: subtract the step",
                lambda: theta + lr * grad / (np.sqrt(s_ref) + eps),
            ),
            (
                "the step divides by sqrt(grad**2), the current gradient's own size, so every "
                "entry moves by about lr (sign descent); divide by the root of the running "
                "average s you return",
                lambda: theta - lr * grad / (np.abs(grad) + eps),
            ),
            (
                "lr was ignored (1e-3 used instead)",
                lambda: theta - 1e-3 * grad / (np.sqrt(s_ref) + eps),
            ),
            *(
                [
                    (
                        "lr defaults to 1e-2 in your signature (PyTorch's RMSprop default); "
                        "this drill's default is lr=1e-3",
                        lambda: theta - 1e-2 * grad / (np.sqrt(s_ref) + eps),
                    )
                ]
                if defaults
                else []
            ),
        ]
        j.close("theta", got_theta, theta_ref, TOL, hints=hints, moved_from=theta)


OTHER_DEFAULT_DECAY = (("4e-3", 4e-3, "Keras's AdamW"), ("1e-4", 1e-4, "optax's adamw"))
"""AdamW's weight_decay defaults in other libraries, which a copied signature carries."""


class AdamwChecker(StepChecker):
    """adamw_step: decoupled weight decay theta*(1 - lr*wd), then the bias-corrected Adam step."""

    name = "deep.optim.adamw_step"
    entries = ("adamw_step",)

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"adamw_step": ref.adamw_step}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        planned: list[tuple[str, tuple[Any, ...]]] = []
        plans = parameter_shapes(rng) + [
            ("strong decay, large lr", (4, 3)),
            ("no weight decay (plain Adam)", (2, 5)),
            ("late in training", (3, 3)),
        ]
        for i, (what, shape) in enumerate(plans, 1):
            # theta of a few units, so the decay term lr*wd*theta stands out from rounding
            theta = gen.normal(rng, shape, 3.0)
            gscale = gen.log_uniform(rng, 1e-2, 10.0)
            grad = gen.with_zeros(rng, gen.normal(rng, shape, gscale), 0.1, keep_nonzero=True)
            t, m, v = adam_moments(
                rng, shape, gscale, first=i == 1, late=what == "late in training"
            )
            if i == 2:
                args: tuple[Any, ...] = (theta, grad, m, v, t)
                label = "default hyperparameters"
            else:
                strong = what.startswith("strong")
                lr = gen.log_uniform(rng, 0.05, 0.3) if strong else gen.log_uniform(rng, 1e-4, 0.1)
                beta1, beta2 = adam_betas(rng)
                eps = gen.log_uniform(rng, 1e-8, 1e-4)
                if what.startswith("no weight decay"):
                    wd = 0.0
                elif strong:
                    wd = gen.log_uniform(rng, 0.1, 1.0)
                else:
                    wd = gen.log_uniform(rng, 1e-3, 0.3)
                args = (theta, grad, m, v, t, lr, beta1, beta2, eps, wd)
                label = f"t={t}" + (" (first step)" if t == 1 else "")
            planned.append((f"{what}, {label}", args))
        # drawn last, so the other cases keep their values, but graded first: where eps is
        # not small beside sqrt(v_hat) each misplaced eps gives its own values, and the
        # first failure names which one the code computed (as adam_step's first case does)
        planned.insert(0, self._small_gradients_case(rng))
        theta, grad = tiny_gradient_defaults(rng, (3, 4))
        t, m, v = adam_moments(rng, (3, 4), 1e-6, first=False, late=False)
        planned.append(
            (f"default hyperparameters, gradients of about 1e-6, t={t}", (theta, grad, m, v, t))
        )
        return [
            step_case(f"case {i}: {what}", ref.adamw_step, args)
            for i, (what, args) in enumerate(planned, 1)
        ]

    @staticmethod
    def _small_gradients_case(rng: np.random.Generator) -> tuple[str, tuple[Any, ...]]:
        """Gradients of 1e-3 with eps of 1e-4 to 1e-2, a few steps in."""
        shape = (3, 4)
        theta = gen.normal(rng, shape, 3.0)
        grad = gen.with_zeros(rng, gen.normal(rng, shape, 1e-3), 0.1, keep_nonzero=True)
        grad = gen.with_both_signs(grad)  # graded first: one sign hides abs(grad) in v
        _, m, v = adam_moments(rng, shape, 1e-3, first=False, late=False)
        # an early step: beta1**t must still count, or only-m-corrected looks uncorrected;
        # from t = 3, as at t = 2 a count from 0 (power t - 1 = 1) gives exactly the step
        # that lost its power of t, and the first failure named that one
        t = gen.size(rng, 3, 6)
        lr = gen.log_uniform(rng, 1e-4, 0.1)
        beta1, beta2 = adam_betas(rng)
        eps = gen.log_uniform(rng, 1e-4, 1e-2)
        wd = gen.log_uniform(rng, 1e-3, 0.3)
        return f"small gradients, large eps, t={t}", (
            theta,
            grad,
            m,
            v,
            t,
            lr,
            beta1,
            beta2,
            eps,
            wd,
        )

    @staticmethod
    def _decay_on_new_theta(
        got: np.ndarray,
        theta: np.ndarray,
        step: np.ndarray,
        m_hat: np.ndarray,
        v_hat: np.ndarray,
        lr: float,
        wd: float,
        eps: float,
    ) -> Hint:
        """The decay applied after the step. At the defaults (lr 1e-3, decay 1e-2) it moves
        theta by about 1e-8, as another library's default eps does beside gradients of
        1e-2: there the message names it only when it is nearer than those."""
        message = (
            "the decay was applied to the already-updated theta; decay the old theta: "
            "theta * (1 - lr * weight_decay) - step"
        )
        forms = [(message, lambda: (theta - step) * (1 - lr * wd))]
        forms += other_default_eps(theta * (1 - lr * wd), m_hat, v_hat, lr, eps, "")
        return nearest_of(got, forms)[0]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        args = with_defaults(ref.adamw_step, case.inputs["args"])
        theta, grad, m, v, t, lr, b1, b2, eps, wd = args
        theta_ref, m_ref, v_ref = ref.adamw_step(theta, grad, m, v, t, lr, b1, b2, eps, wd)
        finite_beta_t, nonfinite_beta_t = beta_times_t_slips(
            theta * (1 - lr * wd), m_ref, v_ref, t, lr, b1, b2, eps
        )
        finite_half, nonfinite_from_zero = correction_slips(
            theta * (1 - lr * wd), m_ref, v_ref, t, lr, b1, b2, eps
        )
        got_theta, got_m, got_v = self.returned(
            j,
            outputs,
            nonfinite={"theta": nonfinite_beta_t + nonfinite_from_zero},
            theta=theta,
            m=m,
            v=v,
        )
        g_l2 = grad + wd * theta  # cheap; the hints below are callables, computed on a failure
        l2_msg = (
            "weight_decay * theta was added to the gradient (L2 regularization inside Adam); "
            "AdamW keeps the decay out of m and v and shrinks theta directly: "
            "theta * (1 - lr * weight_decay)"
        )
        j.close(
            "m",
            got_m,
            m_ref,
            TOL,
            hints=[
                (l2_msg, lambda: b1 * m + (1 - b1) * g_l2),
                corrected_moment("m", "beta1", m_ref, m, b1, t),
                (
                    "m holds the new v: the result is (theta, m, v), in that order",
                    lambda: v_ref,
                ),
                ("m misses the (1 - beta1) factor on grad", lambda: b1 * m + grad),
            ],
        )
        j.close(
            "v",
            got_v,
            v_ref,
            TOL,
            hints=[
                (l2_msg, lambda: b2 * v + (1 - b2) * g_l2 * g_l2),
                corrected_moment("v", "beta2", v_ref, v, b2, t),
                *second_moment_slips("v", "beta2", v, b2, grad),
                (
                    "v is the larger of the old v and the new average, AMSGrad's running "
                    "maximum (AdamW with amsgrad=True); AdamW's v is the average itself, "
                    "beta2 * v + (1 - beta2) * grad**2",
                    lambda: np.maximum(v, v_ref),
                ),
            ],
        )
        m_hat, v_hat = m_ref / (1 - b1**t), v_ref / (1 - b2**t)
        step = lr * m_hat / (np.sqrt(v_hat) + eps)
        no_bias_correction, eps_forms = adam_slips(
            got_theta, theta * (1 - lr * wd), m_ref, v_ref, t, lr, b1, b2, eps
        )
        # callables: computed only when theta is wrong (as in nn.optim's adam_step)
        hints = [
            (
                "the weight decay is missing: this is the plain Adam step; "
                "AdamW also multiplies theta by (1 - lr * weight_decay)",
                lambda: theta - step,
            ),
            (
                "the decay was not multiplied by lr: use theta * (1 - lr * weight_decay), "
                "as PyTorch's AdamW does",
                lambda: theta * (1 - wd) - step,
            ),
            self._decay_on_new_theta(got_theta, theta, step, m_hat, v_hat, lr, wd, eps),
            (
                "the decay was added instead of subtracted: theta * (1 - lr * weight_decay)",
                lambda: theta * (1 + lr * wd) - step,
            ),
            no_bias_correction,
            *eps_forms,
            *finite_half,
            *finite_beta_t,
            (
                "eps is added to sqrt(v) after the bias corrections were folded into the step "
                "size (the Adam paper's efficient form); that form needs eps * sqrt(1 - "
                "beta2**t) there, or compute m_hat / (sqrt(v_hat) + eps) with eps next to "
                "sqrt(v_hat)",
                lambda: (
                    theta * (1 - lr * wd)
                    - lr * np.sqrt(1 - b2**t) / (1 - b1**t) * m_ref / (np.sqrt(v_ref) + eps)
                ),
            ),
            (
                "weight_decay was ignored (1e-2 used instead)",
                lambda: theta * (1 - lr * 1e-2) - step,
            ),
            *(
                (
                    f"weight_decay defaults to {shown} in your signature ({whose}); this "
                    "drill's default is weight_decay=1e-2, as in PyTorch's AdamW",
                    lambda other=other: theta * (1 - lr * other) - step,
                )
                for shown, other, whose in OTHER_DEFAULT_DECAY
                if len(case.inputs["args"]) == 5  # the signature's defaults were used
            ),
            *(
                [
                    (
                        f"the decay used lr = 1e-3 (the default), not the lr = {lr:g} given: "
                        "theta * (1 - lr * weight_decay) with the lr argument",
                        lambda: theta * (1 - 1e-3 * wd) - step,
                    )
                ]
                if lr != 1e-3 and wd != 0.0
                else []
            ),
            (
                "the decay went through the adaptive denominator, (m_hat + weight_decay * "
                "theta) / (sqrt(v_hat) + eps), so it shrinks each weight by a different "
                "amount; AdamW decays outside it: theta * (1 - lr * weight_decay) - step",
                lambda: theta - lr * (m_hat + wd * theta) / (np.sqrt(v_hat) + eps),
            ),
            *moment_slips(theta * (1 - lr * wd), grad, m, v, v_ref, t, lr, b1, b2, eps),
            (
                "v's bias correction divided sqrt(v) by (1 - beta2**t), after the root; "
                "the root comes after it: sqrt(v / (1 - beta2**t))",
                lambda: theta * (1 - lr * wd) - lr * m_hat / (np.sqrt(v_ref) / (1 - b2**t) + eps),
            ),
        ]
        j.close("theta", got_theta, theta_ref, TOL, hints=hints, moved_from=theta)


rmsprop_step = RmspropChecker
adamw_step = AdamwChecker
