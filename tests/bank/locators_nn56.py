"""Places checked in the fifty-sixth round (content56), when the neural-networks pack was read
card by card as an interviewer would, each against the cited work's own text.

Each entry names the place now cited, the claim the card makes from it, and where and how the
place was read. A card that moves the claim away from its place, or a place renumbered from
memory, fails here and must be read again. test_locators_more.py's whole-bank test counts
these entries.
"""

from __future__ import annotations

CYBENKO_LEMMA_1 = (
    "theorem 1: for a continuous discriminatory sigma the finite sums "
    "sum_j alpha_j sigma(y_j^T x + theta_j) are dense in C(I_n) (as read in the fifty-fourth "
    "round); lemma 1: any bounded, measurable sigmoidal function is discriminatory (its "
    "statement and proof quoted verbatim in a question on the proof, with Cybenko's "
    "definitions of sigmoidal, I_n and M(I_n)); so sigmoidal activations are covered through "
    "the lemma, theorem 1 itself asking only for a discriminatory one"
)
LESHNO_ABSTRACT = (
    "abstract: a standard multilayer feedforward network with a locally bounded piecewise "
    "continuous activation can approximate any continuous function to any accuracy if and "
    "only if the activation is not a polynomial, and without the threshold that theorem "
    "does not hold (read in the Stern School working paper IS-92-13, the version the "
    "Neural Networks article was published from)"
)
PRE_ACTIVATION = (
    "sec. 4 'On the Usage of Activation Functions': the after-addition f made an identity by "
    "moving BN and ReLU into the residual branch, before its weight layers; figure 4(e), "
    "'full pre-activation', BN then ReLU then each convolution with nothing after the "
    "addition, the design the paper goes on with (read in transcriptions of the arXiv text "
    "with its headings, as for pre-norm-vs-post-norm in locators_architectures55.py, and in "
    "a course's retelling of that section: with BN and ReLU both used as pre-activation, "
    "every weight layer's input is normalized)"
)

CHECKED = [
    # --- neural-networks: approximation ---
    (
        "universal-approximation",
        "abstract and theorem 1 with lemma 1",
        "lemma 1: bounded sigmoidal ones are",
        CYBENKO_LEMMA_1,
    ),
    (
        "universal-approximation",
        "Can Approximate Any Function (1993), abstract",
        "(locally bounded, piecewise continuous, with biases)",
        LESHNO_ABSTRACT,
    ),
    (
        "universal-approximation-claims",
        "abstract and theorem 1 with lemma 1",
        "the early proofs assumed bounded activations (Cybenko sigmoidal ones",
        CYBENKO_LEMMA_1,
    ),
    (
        "universal-approximation-claims",
        "Schocken (1993), abstract",
        "for any locally bounded, piecewise continuous activation",
        LESHNO_ABSTRACT,
    ),
    (
        "approximate-sine",
        "Schocken (1993), abstract",
        "a single hidden layer of ReLUs can approximate a continuous function on a compact set",
        LESHNO_ABSTRACT,
    ),
    # --- neural-networks: normalization ---
    (
        "batch-normalization",
        "Residual Networks (ECCV 2016), sec. 4 and figure 4(e)",
        "Pre-activation ResNets still put BN before each ReLU",
        PRE_ACTIVATION,
    ),
    (
        "batchnorm-claims",
        "Residual Networks (ECCV 2016), sec. 4 and figure 4(e)",
        "BN still comes before each ReLU there",
        PRE_ACTIVATION,
    ),
    # --- neural-networks: optimizers ---
    (
        "sgd-momentum-adam",
        "Wilson et al. (NeurIPS 2017), abstract and sec. 1",
        "ahead on every model's test set (or development set)",
        "sec. 1, the first of three findings: with the same amount of hyperparameter tuning, "
        "SGD and SGD with momentum outperform the adaptive methods on the development/test "
        "set across all evaluated models and tasks, even where the adaptive methods reach the "
        "same or a lower training loss (read in a full-text copy of the introduction); the "
        "card said test set alone",
    ),
]
