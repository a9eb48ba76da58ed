"""The fine-grained locators of the bank's sources, each checked against its paper's text.

Several section, figure, table and theorem numbers in `source` had been written from
memory. The forty-third round read each one in the paper's own text (full-text copies of
the papers and their section-ordered notes found by exact heading or caption, never a
summary's guess) and found every one right, so they stay. This test keeps each locator
next to the claim the card makes from it: a later edit that moves the claim or renumbers
the locator from memory fails here and must be checked against the paper again.
"""

from __future__ import annotations

import pytest

from tests.bank.bundled import card, text

# (card, the locator as its source writes it, the card's claim that rests on it,
#  what the paper holds at that locator)
CHECKED = [
    (
        "label-smoothing",
        "Szegedy et al. 2016 (Rethinking the Inception Architecture, sec. 7)",
        "Label smoothing (Szegedy et al. 2016)",
        "sec. 7 is 'Model Regularization via Label Smoothing'",
    ),
    (
        "label-smoothing",
        "Szegedy et al. 2016 (Rethinking the Inception Architecture, sec. 7)",
        "about 0.2 points lower top-1 and top-5 error for Inception-v3",
        "sec. 7: a consistent improvement of about 0.2% absolute for top-1 and top-5 error "
        "on ILSVRC 2012 (no calibration result)",
    ),
    (
        "label-smoothing-true-class",
        "Szegedy et al. 2016 (Rethinking the Inception Architecture), sec. 7",
        "use the uniform distribution over all $c$ classes",
        "sec. 7 mixes the one-hot target with the uniform distribution over the K labels",
    ),
    (
        "one-by-one-convolution",
        "Szegedy et al. 2015 (Going Deeper with Convolutions), sec. 4",
        "before the $3 \\times 3$ and $5 \\times 5$ convolutions",
        "sec. 4, 'Architectural Details': 1x1 convolutions compute reductions before "
        "the expensive 3x3 and 5x5 convolutions",
    ),
    (
        "one-by-one-convolution",
        "Lin et al. 2014 (Network in Network), sec. 3.1",
        "followed convolutions with $1 \\times 1$ layers and nonlinearities",
        "sec. 3.1 is 'MLP Convolution Layers' (mlpconv, cross-channel pooling)",
    ),
    (
        "pooling-purpose",
        "(Network in Network), sec. 3.2 (global average pooling)",
        "**Global average pooling** (Lin et al. 2014)",
        "sec. 3.2 is 'Global Average Pooling', replacing the fully connected layers",
    ),
    (
        "focal-loss-weight",
        "(Focal Loss for Dense Object Detection), sec. 3.2",
        "found $\\gamma = 2$ best",
        "sec. 3.2 is 'Focal Loss Definition', the factor (1 - p_t)^gamma",
    ),
    (
        "bce-at-zero-logit",
        "(Focal Loss for Dense Object Detection), sec. 3.3 (the prior-probability bias)",
        "the log-odds $\\log\\frac{\\pi}{1 - \\pi}$ of the training set's positive rate",
        "sec. 3.3 is 'Class Imbalance and Model Initialization', the prior pi",
    ),
    (
        "bce-at-zero-logit",
        "sec. 4.1 (its initialization, pi = 0.01)",
        "from a chosen prior, $\\pi = 0.01$, not from a measured rate",
        "sec. 4.1 'Inference and Training', Initialization: the last bias b = -log((1 - pi)/pi) "
        "with pi = .01",
    ),
    (
        "pre-norm-vs-post-norm",
        "(On Layer Normalization in the Transformer Architecture), theorem 1",
        "$\\sqrt{N}$ times smaller for $N$ layers",
        "theorem 1 bounds the last FFN sub-layer's weight gradient: the same at every "
        "depth for Post-LN, shrinking like 1/sqrt(L) for Pre-LN",
    ),
    (
        "attention-complexity",
        "(FlashAttention), sec. 3.1-3.2, theorem 1 and figure 2",
        "though that recomputation adds arithmetic",
        "figure 2 (left): 75.2 against 66.6 GFLOPs, 4.4 against 40.3 GB of HBM reads "
        "and writes, 7.3 against 41.7 ms; theorem 1: O(N^2 d) FLOPs, O(N) extra memory",
    ),
    (
        "positional-encodings-why",
        "Press et al. 2022 (ALiBi, Train Short, Test Long, ICLR), figure 1",
        "only ALiBi keeps its quality",
        "figure 1: sinusoidal, rotary and T5 perplexity degrade past the training "
        "length L = 512 or 1024 on WikiText-103, ALiBi's does not",
    ),
    (
        "positional-encodings-why",
        "Su et al. 2021 (RoFormer), sec. 3.2.2 and 3.4.2",
        "rotate neighbours $(2i, 2i+1)$",
        "sec. 3.2.2 'General form' (theta_i = 10000^(-2(i-1)/d)); sec. 3.4.2 the "
        "efficient realization, rotating neighbouring coordinate pairs",
    ),
    (
        "transformer-block",
        "Touvron et al. 2023 (LLaMA), sec. 2.2",
        "three matrices of inner size about $\\frac{8}{3} d_{model}$",
        "sec. 2.2 'Architecture': SwiGLU with a dimension of 2/3 4d instead of 4d",
    ),
    (
        "attention-score-std",
        "Touvron et al. 2023 (LLaMA), table 2 (4096 dimensions over 32 heads)",
        "the head size of LLaMA-7B, 4096 dimensions over 32 heads",
        "table 2: the 6.7B model has dimension 4096, 32 heads, 32 layers",
    ),
    (
        "batch-normalization",
        "sec. 2.1 (shift injected after BN) and 3.1 (a smoother landscape)",
        "BN still helps with shift injected after it on purpose",
        "Santurkar et al. sec. 2.1 injects non-zero-mean, non-unit-variance noise after "
        "BN; sec. 3.1 is 'The smoothing effect of BatchNorm'",
    ),
    (
        "batchnorm-claims",
        "sec. 2.1 (shift injected after BN) and 3.1 (a smoother landscape)",
        "attributed the benefit mainly to a smoother loss landscape",
        "as for batch-normalization",
    ),
    (
        "layernorm-vs-batchnorm",
        "Ba, Kiros & Hinton 2016 (Layer Normalization), sec. 3 and sec. 6.7",
        "receptive fields lie near the image border are rarely active",
        "sec. 6.7 'Convolutional Networks': units whose receptive fields lie near the "
        "boundary of the image are rarely turned on; batch norm outperforms",
    ),
    (
        "layernorm-vs-batchnorm",
        "Wu & He 2018 (Group Normalization), sec. 3.1 and table 1",
        "25.3% top-1 error with LN against 23.6% with BN",
        "sec. 3.1 'Formulation'; table 1: ResNet-50, 32 images/GPU, BN 23.6, LN 25.3",
    ),
    (
        "layernorm-vs-batchnorm",
        "(A ConvNet for the 2020s), sec. 2.6",
        "81.5% top-1 accuracy against 81.4% with BN",
        "sec. 2.6 'Micro Design': fewer BN layers 81.4%, BN replaced by LN 81.5%",
    ),
    (
        "group-norm-and-rmsnorm",
        "sec. 4.1, table 1 (32 images per GPU) and table 2",
        "(24.1% against 34.7%)",
        "table 2: at 2 images per GPU, BN 34.7 and GN 24.1",
    ),
    (
        "small-batch-normalization",
        "Wu & He 2018 (Group Normalization), sec. 4.1, table 2",
        "(24.1% against 34.7%)",
        "as for group-norm-and-rmsnorm",
    ),
    (
        "normalization-axes",
        "Wu & He 2018 (Group Normalization), sec. 3 and figure 2",
        "(Wu & He 2018, Figure 2)",
        "figure 2 'Normalization methods': BN, LN, IN and GN as the pixels sharing one "
        "mean and variance in an (N, C, H, W) tensor",
    ),
    (
        "batchnorm-inference",
        "Batch Normalization (ICML 2015), sec. 3.1, algorithm 2",
        "using the unbiased $\\frac{m}{m-1}$ correction for the variance",
        "sec. 3.1 'Training and Inference with Batch-Normalized Networks', algorithm 2",
    ),
]


@pytest.mark.parametrize(("card_id", "locator", "claim", "paper"), CHECKED)
def test_a_checked_locator_stays_next_to_the_claim_it_supports(
    card_id: str, locator: str, claim: str, paper: str
) -> None:
    assert locator in card(card_id).front.source, f"{card_id} lost {locator!r}; the paper: {paper}"
    assert claim in text(card_id), f"{card_id} no longer says {claim!r}; the paper: {paper}"
