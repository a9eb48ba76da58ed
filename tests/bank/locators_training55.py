"""Places given in the fifty-fifth round (content55b) to papers the neural-networks and
deep-training packs cited whole, each checked against the paper's own text.

A listing of the citations in those two packs that name a paper but no section, equation,
theorem, figure, table, page or abstract found 52 of them. Each entry here names the place
now cited, the claim the card makes from it, and where and how the place was read: most in
the abstract (read in the proceedings' or arXiv's abstract page, or in an exact copy of it),
the rest in the paper's text as quoted by notes and implementations, which each entry says.
A card that moves the claim away from its place, or a place renumbered from memory, fails
here and must be read again. test_locators_more.py's whole-bank test counts these entries.
"""

from __future__ import annotations

SUPER_CONVERGENCE = (
    "abstract: training an order of magnitude faster with one learning-rate cycle and a large "
    "maximum rate; large rates regularize, so all other forms of regularization must be "
    "reduced to keep the balance; shown on CIFAR-10/100, MNIST and ImageNet, with a greater "
    "boost when labeled data are limited (read in the arXiv abstract's LaTeX source)"
)
SMITH_1CYCLE = (
    "sec. 4.1 'Cyclical learning rates and super-convergence revisited': one cycle shorter "
    "than the whole run, the rate then falling several orders of magnitude below its start "
    "for the remaining iterations, named '1cycle' (the definition read in verbatim "
    "quotations of the arXiv text; the section from its table of contents, 4.1 being the "
    "section on cyclical learning rates, 4.3 the one on cyclical momentum)"
)
RMSNORM = (
    "abstract: re-centering invariance in LayerNorm is hypothesized dispensable; RMSNorm "
    "normalizes by the root mean square alone, keeping re-scaling invariance; comparable "
    "performance to LayerNorm with 7% to 64% lower running time on different models (read in "
    "the arXiv abstract's LaTeX source and the NeurIPS abstract page)"
)
KALAMKAR = (
    "abstract: bfloat16 represents the same range as FP32, which matters so that no "
    "hyper-parameter tuning is needed for convergence, where FP16 needs it; training in "
    "bfloat16 reached FP32's state-of-the-art results in the same number of iterations with "
    "no change to the hyper-parameters (the abstract names no loss scaling; the cards said "
    "'(Kalamkar et al. 2019)' after 'without loss scaling' until this round)"
)

IEEE_ROUNDING = (
    "sec. 4.3.1 defines roundTiesToEven (the nearest value; of two equally near, the one with "
    "an even last digit) and sec. 4.3.3 makes it the default for results in binary formats, "
    "so a value at or under half of float16's smallest subnormal 2^-24 rounds to 0 and one "
    "between 2^-25 and 2^-24 rounds up to 2^-24 (the clauses read in quotations of the "
    "2008 text; the roundings checked with numpy's float16)"
)

CHECKED = [
    # --- deep-training: regularization ---
    (
        "label-smoothing",
        "Mueller, Kornblith & Hinton 2019 (When Does Label Smoothing Help?), abstract",
        "it erases information in the logits about similarity between classes",
        "abstract: label smoothing improves calibration (and so beam search), but a teacher "
        "trained with it distills much less well, since representations of one class group "
        "in tight clusters and the logits lose information about resemblances between "
        "instances of different classes (read on the NeurIPS 2019 abstract page)",
    ),
    (
        "l2-regularization-effect",
        "van Laarhoven 2017 (L2 Regularization versus Batch and Weight Normalization), abstract",
        "shrinking $\\|w\\|$ raises those weights' effective learning rate instead",
        "abstract: L2 has no regularizing effect combined with normalization; it changes the "
        "weights' scale and thereby the effective learning rate; Adam only partly removes "
        "the dependence (read on the arXiv abstract page, 1706.05350)",
    ),
    (
        "weight-decay-l2",
        "Krogh & Hertz 1992 (A Simple Weight Decay Can Improve Generalization, NeurIPS), abstract",
        "the decay suppresses the weight vector's irrelevant components",
        "abstract: proven for a linear network, weight decay suppresses irrelevant components "
        "of the weight vector by choosing the smallest vector that solves the learning problem "
        "and, its size chosen right, some effects of static noise on the targets (read on the "
        "NeurIPS proceedings page and in the authors' 1992 announcement)",
    ),
    (
        "early-stopping",
        "Prechelt 1998 (Early Stopping - But When?), abstract",
        "over 1296 runs Prechelt (1998) found slower stopping criteria gave about 4% better",
        "abstract: from 1296 training runs (12 problems, 24 architectures), slower stopping "
        "criteria improve generalization a little, about 4% on average, for about 4 times the "
        "training time (read in a copy of the chapter's text; the card added this claim)",
    ),
    (
        "data-augmentation",
        "Zhang et al. 2018 (mixup), abstract",
        "trains on convex combinations of two examples and of their labels",
        "abstract: mixup trains a network on convex combinations of pairs of examples and "
        "their labels, favouring linear behaviour between training examples (read in the "
        "arXiv abstract, 1710.09412)",
    ),
    (
        "data-augmentation",
        "DeVries & Taylor 2017 (cutout), abstract",
        "erases a random square patch",
        "abstract: randomly masking out square regions of the input during training, with "
        "other augmentation and regularizers, improves CNNs (read in the arXiv abstract, "
        "1708.04552)",
    ),
    (
        "data-augmentation",
        "Park et al. 2019 (SpecAugment), abstract",
        "masking (SpecAugment) for audio",
        "abstract: warping the features, masking blocks of frequency channels and masking "
        "blocks of time steps of the filter-bank inputs (read in the arXiv abstract, "
        "1904.08779)",
    ),
    # --- deep-training: schedules ---
    (
        "learning-rate-schedules",
        "Loshchilov & Hutter 2017 (SGDR), eq. 5",
        "It comes from SGDR (Loshchilov & Hutter 2017), which restarts the cosine periodically",
        "eq. 5: the rate annealed along a cosine from its maximum to its minimum within each "
        "run between warm restarts (as read in the ICLR 2017 text for cosine-third-of-way "
        "in the fifty-fourth round; the abstract names the warm restart technique)",
    ),
    (
        "learning-rate-schedules",
        "Smith & Topin 2019 (Super-Convergence), abstract",
        'Smith & Topin report "super-convergence"',
        SUPER_CONVERGENCE,
    ),
    (
        "one-cycle-policy",
        "Smith 2017 (Cyclical Learning Rates for Training Neural Networks), sec. 3.3",
        "Smith (2017) plots accuracy, which climbs, then slows, turns ragged or falls",
        "sec. 3.3 (how to estimate the boundary values): the 'LR range test', a run of several "
        "epochs with the rate rising linearly between low and high values, then accuracy "
        "against rate: the bounds where accuracy starts to rise and where it slows, becomes "
        "ragged or falls (read in quotations of the text; the section number as an "
        "implementation of the paper gives it, after sec. 3.1 and 3.2; the card said the "
        "loss was recorded, which is fastai's finder, until this round)",
    ),
    (
        "one-cycle-policy",
        "Smith & Topin 2019 (Super-Convergence), abstract",
        "They claim the large-rate phase acts as a regularizer",
        SUPER_CONVERGENCE,
    ),
    (
        "learning-rate-schedules",
        "Smith 2018 (A disciplined approach to neural network hyper-parameters), sec. 4.1",
        "and ends far below the start",
        SMITH_1CYCLE,
    ),
    (
        "one-cycle-policy",
        "Smith 2018 (A disciplined approach to neural network hyper-parameters: Part 1), sec. 4.1",
        "a cycle a little shorter than the run",
        SMITH_1CYCLE,
    ),
    # --- deep-training: stability ---
    (
        "mixed-precision-loss-scaling",
        "Kalamkar et al. 2019 (A Study of BFLOAT16 for Deep Learning Training), abstract",
        "matched float32's results in the same number of iterations with no change to the "
        "hyper-parameters",
        KALAMKAR,
    ),
    (
        "loss-scaling-claims",
        "Kalamkar et al. 2019 (A Study of BFLOAT16 for Deep Learning Training), abstract",
        "Kalamkar et al. 2019 matched float32's results with no change to the hyper-parameters",
        KALAMKAR,
    ),
    # --- deep-training: normalization ---
    (
        "layernorm-param-count",
        "Zhang & Sennrich 2019 (Root Mean Square Layer Normalization), abstract",
        "RMSNorm, which has only the gain",
        RMSNORM,
    ),
    (
        "layernorm",
        "Ba, Kiros & Hinton 2016 (Layer Normalization), abstract",
        "computes them from one example's own features",
        "abstract: the mean and variance come from all the summed inputs of a layer on one "
        "training case; unlike batch norm, the same computation at training and test time, "
        "and for recurrent networks statistics computed separately at each time step (read "
        "in the arXiv abstract, 1607.06450)",
    ),
    (
        "layernorm",
        "Zhang & Sennrich 2019 (RMSNorm), abstract",
        "it is cheaper and works about as well",
        RMSNORM,
    ),
    (
        "group-norm-and-rmsnorm",
        "Zhang & Sennrich 2019 (Root Mean Square Layer Normalization), abstract",
        "the paper reports 7% to 64% lower running time across their models",
        RMSNORM,
    ),
    (
        "group-norm-and-rmsnorm",
        "Touvron et al. 2023 (LLaMA), sec. 2.2 (pre-normalization with RMSNorm)",
        "LLaMA uses RMSNorm",
        "sec. 2.2 'Architecture': pre-normalization, the input of each transformer sub-layer "
        "normalized with the RMSNorm function of Zhang and Sennrich (2019) (read in verbatim "
        "highlights of the arXiv text; 2.2 is the second of sec. 2's subsections, after the "
        "pre-training data and before the optimizer)",
    ),
    (
        "small-batch-normalization",
        "Ioffe 2017 (Batch Renormalization), abstract",
        "Batch renormalization (Ioffe 2017) is a different method",
        "abstract: batch norm's effectiveness falls with small or non-i.i.d. minibatches; "
        "batch renormalization makes training and inference outputs depend on single "
        "examples and does substantially better there, keeping batch norm's benefits (read "
        "on the NeurIPS 2017 abstract page); that r and d are bounded, starting at 1 and 0 "
        "and relaxed gradually, was read in a review quoting the paper",
    ),
    # --- neural-networks: activations ---
    (
        "relu-vs-sigmoid",
        "Glorot, Bordes and Bengio, Deep Sparse Rectifier Neural Networks (AISTATS 2011), abstract",
        "ReLU gives sparse activations",
        "abstract: rectifying neurons equal or beat tanh networks despite the hard "
        "non-linearity and non-differentiability at zero, creating sparse representations "
        "with true zeros (read in the AISTATS text's first page)",
    ),
    (
        "relu-family",
        "Clevert, Unterthiner and Hochreiter (ICLR 2016), abstract",
        "ELU gives a smooth negative saturation at $-\\alpha$ with mean activations closer to 0",
        "abstract: ELUs' negative values push mean unit activations closer to zero, which "
        "speeds learning; ELUs saturate to a negative value with smaller inputs (read in the "
        "arXiv abstract, 1511.07289)",
    ),
    (
        "vanishing-gradient",
        "Ioffe and Szegedy, Batch Normalization (ICML 2015), abstract",
        "keeps pre-activations scaled, out of saturation",
        "abstract: the shifting distribution of each layer's inputs slows training, asks for "
        "lower rates and careful initialization, and makes models with saturating "
        "nonlinearities notoriously hard to train; normalizing each layer's inputs addresses "
        "it (read in a quotation of the abstract)",
    ),
    # --- neural-networks: training ---
    (
        "mini-batch-gradient-descent",
        "Dauphin et al. (NeurIPS 2014), abstract",
        "it helps leave saddle points",
        "abstract: in high dimensions the deeper difficulty is a proliferation of saddle "
        "points, not local minima, surrounded by high-error plateaus that slow learning "
        "(read on the NeurIPS 2014 abstract page)",
    ),
    (
        "mini-batch-gradient-descent",
        "Ge, Huang, Jin and Yuan, Escaping From Saddle Points (COLT 2015), abstract",
        "it helps leave saddle points",
        "abstract: under the strict saddle property, stochastic gradient descent converges "
        "to a local minimum in a polynomial number of iterations (read in the arXiv abstract, "
        "1503.02101; the card's source said 'noisy SGD leaves strict saddles' until this round)",
    ),
    (
        "linear-scaling-rule",
        "Malladi et al. (NeurIPS 2022), abstract",
        "for adaptive optimizers such as Adam a square-root rule",
        "abstract: SDE approximations for RMSprop and Adam give a square root scaling rule for "
        "their hyperparameters when the batch size changes, validated empirically (read on "
        "the NeurIPS 2022 abstract page)",
    ),
    (
        "weight-initialization",
        "Klambauer, Unterthiner, Mayr and Hochreiter, Self-Normalizing Neural Networks "
        "(NeurIPS 2017), abstract",
        "| LeCun | $1/n_{in}$ | SELU, linear |",
        "abstract: SELU activations make activations converge to zero mean and unit variance; "
        "the initialization paragraph draws weights with mean 0 and variance 1/n, noting that "
        "MSRA's 2/n counters the ReLU (read in the NeurIPS abstract and a verbatim copy of "
        "the paragraph)",
    ),
    (
        "dropout-train-vs-inference",
        "Wager, Wang and Liang, Dropout Training as Adaptive Regularization (NeurIPS 2013), "
        "abstract",
        "holds only to second order (Wager, Wang and Liang, 2013)",
        "abstract: for generalized linear models the dropout regularizer is first-order "
        "equivalent to an L2 regularizer applied after scaling the features by an estimate of "
        "the inverse diagonal Fisher information (read on the NeurIPS 2013 abstract page; "
        "the card's logistic formula is that quadratic approximation)",
    ),
    (
        "why-learning-rate-warmup",
        "Brown et al. 2020 (GPT-3), appendix B (a warmup over 375 million tokens)",
        "GPT-3 and LLaMA still warm up briefly",
        "appendix B 'Details of Model Training': Adam with beta2 0.95, global gradient-norm "
        "clip at 1.0, cosine decay to 10% over 260 billion tokens after a linear warmup over "
        "the first 375 million tokens (read in copies of the arXiv text; a lettered appendix "
        "the whole-bank locator test counted only once it learned letters)",
    ),
    (
        "mixed-precision-loss-scaling",
        "IEEE 754-2008 sec. 4.3.1 and 4.3.3",
        "rounding to nearest zeroes those at or under $2^{-25}$",
        IEEE_ROUNDING,
    ),
    (
        "loss-scaling-claims",
        "IEEE 754-2008 sec. 4.3.1 and 4.3.3",
        "rounds to exactly 0 ($10^{-8}$ included)",
        IEEE_ROUNDING,
    ),
    # --- neural-networks: normalization ---
    (
        "batch-normalization",
        "Ba, Kiros and Hinton, Layer Normalization (2016), abstract",
        "layer and group normalization do not use the batch",
        "abstract: layer norm's mean and variance come from the summed inputs of one layer on "
        "a single training case (as read for layernorm)",
    ),
    (
        "batch-normalization",
        "Wu and He, Group Normalization (ECCV 2018), sec. 4.1 and table 2",
        "Small batches give noisy statistics",
        "sec. 4.1, table 2: BN's ImageNet error grows as the batch per GPU shrinks while GN's "
        "stays flat (as read for small-batch-normalization and group-norm-and-rmsnorm)",
    ),
]
