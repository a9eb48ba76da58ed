"""Places in their papers for the architectures pack's citations that named a paper only.

The fifty-fifth round (content55) took the list of citations in the architectures pack that
named a paper but no place in it (81, made by listing every `;`-separated citation with a
year or "et al." and no section, equation, theorem, figure, table, page or abstract) and
read what it could of each paper's text: abstracts in the proceedings' or the journal's own
pages and their copies, bodies in full-text copies found by an exact sentence, heading or
equation. Each entry keeps the place next to the claim the card makes from it and says what
the paper holds there and how it was read; where the card said more than the place holds,
the card was cut back to it (an entry says so). A paper whose text could not be read keeps
its bare citation and no entry here.

The ResNet row of vanishing-gradient's remedies table, an open question of the fifty-fourth
round, is here too: its Jacobian argument is the identity-mappings paper's, not the first
ResNet paper's.
"""

from __future__ import annotations

AZULAY = (
    "Azulay & Weiss 2019 (Why Do Deep Convolutional Networks Generalize So Poorly to Small "
    "Image Transformations?"
)
AZULAY_HAS = (
    "abstract (JMLR 20(184), 2019, on jmlr.org; the arXiv v1 abstract names VGG16, ResNet50 and "
    "InceptionResNetV2 and 'a few pixels'): small translations or rescalings can drastically "
    "change the prediction; the architecture gives no invariance because it ignores the "
    "classical sampling theorem; anti-aliasing and more augmentation are partial remedies at "
    "best (the cards said 'one-pixel shifts' until this round, which the abstract does not)"
)
ZHANG = "Zhang 2019 (Making Convolutional Networks Shift-Invariant Again"
ZHANG_HAS = (
    "abstract (PMLR 97, ICML 2019): max-pooling, strided convolution and average pooling "
    "ignore the sampling theorem; anti-aliasing by low-pass filtering before downsampling, "
    "integrated correctly, increases shift-invariance and, surprisingly, ImageNet accuracy "
    "across several architectures (why-convolutions said 'markedly more shift-consistent' "
    "until this round)"
)

HOCHREITER = "Hochreiter & Schmidhuber 1997 (Long Short-Term Memory, Neural Computation)"
HOCHREITER_HAS = (
    "abstract: LSTM bridges minimal time lags in excess of 1000 discrete-time steps by "
    "constant error flow through constant error carousels, multiplicative gate units opening "
    "and closing access to it; sec. 3.2: the CEC, a linear unit with w_jj = 1.0; sec. 4 'Long "
    "Short-Term Memory': an input gate protects the stored contents from perturbation by "
    "irrelevant inputs, an output gate protects other units from them, each cell built around "
    "a central linear unit with a fixed self-connection (figure 1: weight 1.0); no forget "
    "gate (read in a full-text copy of the Neural Computation text)"
)
GERS_HAS = (
    "abstract (Neural Computation 12(10), 2000): without resets the state of an LSTM on a "
    "continual input stream may grow indefinitely; the remedy is an adaptive 'forget gate' "
    "that lets a cell learn to reset itself at appropriate times"
)
JOZEFOWICZ_HAS = (
    "abstract (ICML 2015, on Google Research's page for it): over ten thousand architectures "
    "evaluated; one beat the LSTM and the GRU on some but not all tasks; adding a bias of 1 to "
    "the LSTM's forget gate closes the gap between the LSTM and the GRU. The body's note, read "
    "verbatim in quotations with no section number: initialize the forget-gate bias to a "
    "large value such as 1 or 2; the idea was present in Gers et al. (2000), re-emphasized "
    "because many practitioners were not familiar with it; and 'The GRU outperformed the LSTM "
    "on all tasks with the exception of language modelling'"
)
CHO_HAS = (
    "sec. 2.3 'Hidden Unit that Adaptively Remembers and Forgets': reset gate (eq. 5), update "
    "gate (eq. 6), h_t = z h_(t-1) + (1 - z) h~_t (eq. 7), h~ from the reset-gated state (eq. "
    "8): three blocks of input and recurrent weights (read in transcriptions of the arXiv "
    "text with its equation numbers)"
)

FLASH_HAS = (
    "sec. 3.1 'An Efficient Attention Algorithm With Tiling and Recomputation', theorem 1: "
    "Algorithm 1 returns softmax(QK^T)V exactly with O(N^2 d) FLOPs and O(N) additional memory "
    "beyond inputs and output (the softmax statistics l, m); sec. 3.2 theorem 2: Theta(Nd + "
    "N^2) HBM accesses for standard attention against Theta(N^2 d^2 / M) (read in "
    "transcriptions of the arXiv text; attention-complexity's entry reads sec. 3.1-3.2 too)"
)
KELES_HAS = (
    "abstract (PMLR 201, ALT 2023): the time complexity of self-attention is necessarily "
    "quadratic in the input length unless SETH is false, even if computed only approximately, "
    "for a variety of attention mechanisms"
)
ALMAN_HAS = (
    "abstract (NeurIPS 2023): a sharp transition at B = Theta(sqrt(log n)): with d = O(log n) "
    "and entries bounded by B = o(sqrt(log n)), an n^(1+o(1)) algorithm approximates attention "
    "to 1/poly(n) additive error; at B = Theta(sqrt(log n)), under SETH, no truly "
    "subquadratic one does"
)
SHAZEER_HAS = (
    "abstract (arXiv 1911.02150): incremental decoding is slow from the memory-bandwidth cost of "
    "repeatedly loading the keys and values; multi-query attention shares them across all "
    "heads; sec. 3 'Multi-Query Attention': identical to multi-head except that the heads "
    "share a single set of keys and values"
)
GQA_HAS = (
    "abstract: grouped-query attention uses an intermediate number (more than one, fewer than "
    "the query heads) of key-value heads; sec. 2.2 'Grouped-query attention': query heads in G "
    "groups, each sharing one key head and one value head, GQA-1 being MQA and GQA-H being MHA, "
    "the key-value cache cut by the same factor (read in a full-text copy of the EMNLP text)"
)

HAVIV = (
    "Haviv et al. 2022 (Transformer Language Models without Positional Encodings Still Learn "
    "Positional Information), abstract"
)
HAVIV_HAS = (
    "abstract (ar5iv text of arXiv 2203.16634, Findings of EMNLP 2022): causal language models "
    "without any explicit positional encoding are competitive with standard ones; probes find "
    "an implicit notion of absolute position; the authors conjecture the causal mask lets a "
    "token count the predecessors it can attend to"
)

BENGIO_2003 = "Bengio et al. 2003 (A Neural Probabilistic Language Model, JMLR), abstract"
BENGIO_2003_HAS = (
    "abstract (JMLR 3, 2003, on jmlr.org): the model learns simultaneously a distributed "
    "representation for each word and the probability function for word sequences expressed "
    "in those representations"
)
PRESS_WOLF = "Press & Wolf 2017 (Using the Output Embedding to Improve Language Models), abstract"
PRESS_WOLF_HAS = (
    "abstract (EACL 2017, ACL Anthology E17-2025): the topmost weight matrix of a language "
    "model is a valid word embedding; tying it to the input embedding is recommended and "
    "reduces perplexity significantly; tying halves translation models without harming them "
    "(their three-way tying of encoder, decoder and output embeddings is in the body's "
    "translation experiments, read here only in paraphrases and the authors' README, so it "
    "has no section number)"
)
INAN = "Inan, Khosravi & Socher 2017 (Tying Word Vectors and Word Classifiers), abstract"
INAN_HAS = (
    "abstract (ICLR 2017, OpenReview r1aPbsFle): their loss framework leads to tying together "
    "the input embedding and the output projection matrices, greatly reducing the number of "
    "trainable variables"
)

# (card, the locator as its source writes it, the card's claim that rests on it,
#  what the paper holds at that locator and how it was read)
CHECKED = [
    # --- the open question: the ResNet row of vanishing-gradient ---
    (
        "vanishing-gradient",
        "He, Zhang, Ren and Sun, Identity Mappings in Deep Residual Networks (ECCV 2016), "
        "sec. 2, eq. 5",
        "$a + F(a)$ has Jacobian $I + \\frac{\\partial F}{\\partial a}$: the identity carries "
        "the gradient (He et al.'s identity-mappings paper, 2016, eq. 5)",
        "sec. 2 'Analysis of Deep Residual Networks': with identity skips and after-addition "
        "identities, eq. 4 x_L = x_l + sum F, eq. 5 dE/dx_l = dE/dx_L (1 + d/dx_l sum F): the "
        "gradient of any deeper unit reaches x_l directly (read in the arXiv text, as "
        "residual-jacobian's entry did). The source cited 'Deep Residual Learning (CVPR 2016)' "
        "for the row until this round: that paper's sec. 1 says vanishing gradients were largely "
        "addressed by normalized initialization and intermediate normalization layers, and its "
        "sec. 4.1 that its plain nets' difficulty is unlikely to come from vanishing gradients "
        "(BN, healthy gradient norms); it names degradation and has no Jacobian argument (both "
        "sentences read verbatim in transcriptions of the arXiv text)",
    ),
    # --- architectures: convolutions and pooling ---
    (
        "why-convolutions",
        AZULAY + ", JMLR), abstract",
        "a shift of a few pixels can drastically change a CNN's prediction (Azulay & Weiss "
        "2019, who trace it to subsampling that ignores the sampling theorem)",
        AZULAY_HAS,
    ),
    (
        "cnn-invariance-claims",
        AZULAY + "), abstract",
        "which ignores the sampling theorem, is why a shift of a few pixels can drastically "
        "change a CNN's output (Azulay & Weiss 2019)",
        AZULAY_HAS,
    ),
    (
        "pooling-purpose",
        AZULAY + "), abstract",
        "which lets a shift of a few pixels drastically change a CNN's prediction (Azulay & "
        "Weiss 2019)",
        AZULAY_HAS,
    ),
    (
        "why-convolutions",
        ZHANG + ", ICML), abstract",
        "makes them more shift-invariant and, in his ImageNet runs, more accurate too",
        ZHANG_HAS,
    ),
    (
        "pooling-purpose",
        ZHANG + "), abstract",
        "which blurring before the subsampling reduces (Zhang 2019)",
        ZHANG_HAS,
    ),
    (
        "pooling-purpose",
        "Springenberg et al. 2015 (Striving for Simplicity: The All Convolutional Net, ICLR "
        "workshop), abstract",
        "replaced max-pooling by a convolution of larger stride without loss in accuracy on "
        "several benchmarks",
        "abstract (arXiv 1412.6806, the ICLR 2015 text): max-pooling can simply be replaced by "
        "a convolutional layer with increased stride without loss in accuracy on several image "
        "recognition benchmarks (the card said it 'matched pooling networks' until this round)",
    ),
    (
        "why-convolutions",
        "sec. 9.3 (pooling: approximate invariance to small translations)",
        "which makes the representation only *approximately* invariant to small shifts",
        "sec. 9.3 'Pooling': pooling helps make the representation approximately invariant to "
        "small translations of the input (the section pooling-purpose's pair in "
        "test_locators_more.py reads; seen again this round in a chapter summary under that "
        "heading); the card said pooling 'makes small shifts inside a window irrelevant' until "
        "this round, which holds only while the maximum stays in its window",
    ),
    # --- architectures: receptive fields ---
    (
        "receptive-field",
        "Simonyan & Zisserman 2015 sec. 2.3",
        "two $3 \\times 3$ layers see $5 \\times 5$ and three see $7 \\times 7$, with fewer "
        "parameters",
        "sec. 2.3 'Discussion': a stack of two 3x3 conv. layers without pooling between has an "
        "effective receptive field of 5x5, three have 7x7; three rectifications instead of one; "
        "3(3^2 C^2) = 27 C^2 weights against 49 C^2 for one 7x7 layer (read in verbatim "
        "transcriptions of the arXiv text under its heading '2.3 DISCUSSION'; the 5x5 count, "
        "18 C^2 against 25 C^2, is the card's arithmetic)",
    ),
    (
        "receptive-field",
        "Yu & Koltun 2016 (Multi-Scale Context Aggregation by Dilated Convolutions, ICLR) sec. "
        "2, eq. 3 and figure 1",
        "and exponentially with depth when the dilation doubles at every layer (Yu & Koltun 2016",
        "sec. 2 'Dilated Convolutions': eq. 3 applies 3x3 filters with dilation 2^i, each "
        "element of F_(i+1) then sees (2^(i+2) - 1) x (2^(i+2) - 1); figure 1: exponential "
        "expansion without loss of resolution or coverage, parameters growing linearly (read "
        "in a full-text copy of arXiv v3, the ICLR 2016 version)",
    ),
    (
        "receptive-field",
        "van den Oord et al. 2016 (WaveNet) sec. 2.1",
        "used in segmentation and WaveNet",
        "sec. 2.1 'Dilated Causal Convolutions': the dilation doubled for every layer up to a "
        "limit and then repeated, 1, 2, 4, ..., 512 (heading and sentence read in "
        "transcriptions of the arXiv text)",
    ),
    (
        "receptive-field",
        "Luo et al. 2016 (Understanding the Effective Receptive Field in Deep Convolutional "
        "Neural Networks, NeurIPS), abstract",
        "is roughly Gaussian and occupies only a fraction of the theoretical one",
        "abstract: the effective receptive field has a Gaussian distribution and occupies only "
        "a fraction of the full theoretical one (read on the paper's own first page in a "
        "full-text copy; the card's sqrt(n) growth is in the paper's body, which no copy read "
        "here held, so it is not given a section)",
    ),
    (
        "receptive-field",
        "Dumoulin & Visin 2016 ch. 3 (pooling arithmetic) and sec. 5.1 (dilated convolutions)",
        "A dilated convolution with dilation $\\delta$ acts like a kernel of size $\\delta (k "
        "- 1) + 1$",
        "sec. 5.1 'Dilated convolutions' (in ch. 5 'Miscellaneous convolutions'): a kernel of "
        "size k dilated by d has effective size k + (k - 1)(d - 1), relationship 15; ch. 3 "
        "'Pooling arithmetic': the convolution relationships hold for pooling, its window "
        "sliding like a kernel (relationship 7) (read in the authors' LaTeX source, "
        "conv_arithmetic.tex in vdumoulin/conv_arithmetic)",
    ),
    (
        "receptive-field",
        "Dumoulin & Visin 2016 ch. 3 (pooling arithmetic)",
        "(pooling counts as a layer too)",
        "as above: ch. 3 reuses the convolution relationships for a pooling window and stride",
    ),
    (
        "receptive-field-with-pooling",
        "Dumoulin & Visin 2016 ch. 3 (pooling arithmetic)",
        "pool $2 \\times 2$, stride 2: $r = 3 + 1 \\cdot 1 = 4$, $j = 2$",
        "ch. 3 'Pooling arithmetic', as read for receptive-field: a pooling window slides like "
        "a kernel with its own size and stride, so it enters the recursion as a layer",
    ),
    # --- architectures: recurrent networks ---
    (
        "lstm-gates",
        HOCHREITER + ", abstract, sec. 3.2 and 4",
        "shielding it from irrelevant inputs was the input gate's job in Hochreiter and "
        "Schmidhuber's 1997 cell",
        HOCHREITER_HAS,
    ),
    (
        "lstm-gates",
        HOCHREITER + ", abstract",
        "The 1997 paper bridged lags of more than 1000 steps on synthetic tasks",
        HOCHREITER_HAS,
    ),
    (
        "lstm-gates",
        "Gers, Schmidhuber & Cummins 2000 (Learning to Forget: Continual Prediction with LSTM, "
        "Neural Computation), abstract",
        "Gers et al. (2000) added the forget gate so the cell can reset",
        GERS_HAS,
    ),
    (
        "lstm-gates",
        "Jozefowicz et al. 2015 (An Empirical Exploration of Recurrent Network Architectures, "
        "ICML), abstract (a forget bias of 1 closes the gap to the GRU)",
        "they ask for a large value such as 1 or 2 and credit the idea to Gers, Schmidhuber and "
        "Cummins 2000",
        JOZEFOWICZ_HAS,
    ),
    (
        "lstm-gates",
        "Khandelwal et al. 2018 (Sharp Nearby, Fuzzy Far Away, ACL), abstract",
        "an LSTM language model uses about 200 tokens of context on average, and word order only "
        "within about the last 50",
        "abstract (ACL 2018, on acl2018.org and arXiv 1805.04623): on Penn Treebank and "
        "WikiText-2 an LSTM language model uses about 200 tokens of context on average, sharply "
        "distinguishing the recent 50 from the distant history; highly sensitive to word order "
        "within the most recent sentence, it ignores word order beyond 50 tokens (the card said "
        "'only about the last 200 tokens' until this round, which dropped the average)",
    ),
    (
        "lstm-cell",
        HOCHREITER + ", sec. 3.2 and 4",
        'the original 1997 LSTM had no forget gate (its "constant error carousel" had a fixed '
        "weight of 1)",
        HOCHREITER_HAS,
    ),
    (
        "lstm-cell",
        "Gers et al. 2000 (forget gate), abstract",
        "Gers et al. (2000) added the forget gate",
        GERS_HAS,
    ),
    (
        "lstm-cell",
        "Jozefowicz et al. 2015 (An Empirical Exploration of Recurrent Network Architectures: a "
        "forget-gate bias of 1), abstract",
        "A common trick is to initialize the forget-gate bias to 1",
        JOZEFOWICZ_HAS,
    ),
    (
        "lstm-parameter-count",
        HOCHREITER + ", sec. 4",
        "Each of the four blocks (input, forget and output gates, candidate)",
        HOCHREITER_HAS + "; the input and output gates and the cell input are sec. 4's",
    ),
    (
        "lstm-parameter-count",
        "Gers et al. 2000 (Learning to Forget, Neural Computation), abstract",
        "An LSTM layer (with a forget gate, no peepholes)",
        GERS_HAS,
    ),
    (
        "bptt-claims",
        HOCHREITER + ", sec. 3.2 and 4",
        "the original cell of Hochreiter and Schmidhuber had input and output gates and a fixed "
        "self-connection of weight 1",
        HOCHREITER_HAS,
    ),
    (
        "bptt-claims",
        "Gers et al. 2000 (Learning to Forget, Neural Computation), abstract",
        "the forget gate was added by Gers et al. (2000)",
        GERS_HAS,
    ),
    (
        "bptt-claims",
        "Schuster & Paliwal 1997 (Bidirectional Recurrent Neural Networks, IEEE Transactions on "
        "Signal Processing), abstract",
        "its backward half reads the sequence from the end, so the output at step $t$ needs "
        "every later input",
        "abstract (IEEE Trans. Signal Processing 45(11), 1997): the BRNN is trained "
        "simultaneously in the positive and negative time directions, free of the limit of "
        "input information only up to a preset future frame",
    ),
    (
        "gru-vs-lstm",
        "Cho et al. 2014 (Learning Phrase Representations using RNN Encoder-Decoder for "
        "Statistical Machine Translation, EMNLP) sec. 2.3, eqs. 5-8",
        "Cho et al., Goodfellow et al. (sec. 10.10.2) and PyTorch's `nn.GRU` put $z$ on "
        "$h_{t-1}$ instead",
        CHO_HAS,
    ),
    (
        "gru-vs-lstm",
        "Chung et al. 2014 (Empirical Evaluation of Gated Recurrent Neural Networks on Sequence "
        "Modeling), abstract and sec. 3.2, eq. 5",
        "This is Chung et al.'s (2014) way of writing it",
        "sec. 3.2 'Gated Recurrent Unit', eq. 5: h_t = (1 - z_t) h_(t-1) + z_t h~_t (read in "
        "a transcription of the arXiv text); abstract: on polyphonic music and speech signal "
        "modeling the gated units beat tanh units, and the GRU was comparable to the LSTM",
    ),
    (
        "gru-vs-lstm",
        "Jozefowicz et al. 2015 (An Empirical Exploration of Recurrent Network Architectures, "
        "ICML), abstract",
        "Jozefowicz et al. had the GRU ahead except in language modelling, until an LSTM forget "
        "bias of 1 closed the gap",
        JOZEFOWICZ_HAS,
    ),
    (
        "gru-vs-lstm",
        "Weiss, Goldberg & Yahav 2018 (On the Practical Computational Power of Finite Precision "
        "RNNs for Language Recognition), abstract",
        "showed the LSTM strictly more expressive for this reason (in finite precision), and "
        "that trained LSTMs do learn to count",
        "abstract (ACL 2018): with finite precision and computation time linear in the input, "
        "the LSTM and the ReLU Elman RNN are strictly stronger than the squashing RNN and the "
        "GRU, because they can implement counting; the LSTM learns to use the counting "
        "mechanism (the card said trained LSTMs learned a^n b^n well past the training "
        "lengths where GRUs did not, which is the body's, not read here)",
    ),
    (
        "gru-parameter-count",
        "Cho et al. 2014 (Learning Phrase Representations using RNN Encoder-Decoder for "
        "Statistical Machine Translation, EMNLP) sec. 2.3, eqs. 5-8",
        "a GRU has three weight blocks instead of four",
        CHO_HAS,
    ),
    # --- architectures: attention ---
    (
        "attention",
        "Dao et al. 2022 (FlashAttention), sec. 3.1 and theorem 1",
        "need only $O(n_q)$ extra memory, but the arithmetic stays quadratic",
        FLASH_HAS,
    ),
    (
        "attention-score-memory",
        "Dao et al. 2022 (FlashAttention), sec. 3.1 and theorem 1",
        "their extra memory grows linearly in $T$ (per query, the softmax's normalizing "
        "statistics), while the arithmetic is still quadratic",
        FLASH_HAS,
    ),
    (
        "multi-head-attention",
        "Dao et al. 2022 (FlashAttention), sec. 3.1 and theorem 1",
        "tiled kernels such as FlashAttention keep it linear in $T$",
        FLASH_HAS,
    ),
    (
        "self-attention-complexity-choice",
        "Dao et al. 2022 (FlashAttention), sec. 3.1-3.2 and theorems 1 and 2",
        "so it needs $O(T)$ extra memory instead of $O(T^2)$, and it runs faster by moving less "
        "data",
        FLASH_HAS,
    ),
    (
        "self-attention-complexity-choice",
        "Keles et al. 2023 (On the Computational Complexity of Self-Attention, ALT), abstract",
        "a truly subquadratic algorithm would refute the Strong Exponential Time Hypothesis",
        KELES_HAS,
    ),
    (
        "self-attention-complexity-choice",
        "Alman & Song 2023 (Fast Attention Requires Bounded Entries, NeurIPS), abstract",
        "with small bounded entries, where Alman & Song 2023 approximate it in almost linear time",
        ALMAN_HAS,
    ),
    (
        "attention-complexity",
        "Rabe & Staats 2021 (Self-attention Does Not Need O(n^2) Memory), abstract",
        "or $O(\\sqrt{T})$ (Rabe & Staats 2021; $O(\\log T)$ in theory)",
        "abstract (arXiv 2112.05682): an algorithm for attention in O(1) memory with respect to "
        "the sequence length and an extension to self-attention in O(log n), time still O(n^2); "
        "a practical implementation for accelerators in O(sqrt(n)) memory",
    ),
    (
        "attention-complexity",
        "Keles et al. 2023 (On the Computational Complexity of Self-Attention, ALT), abstract",
        "A truly subquadratic algorithm, even an approximate one, would refute the Strong "
        "Exponential Time Hypothesis (Keles et al. 2023)",
        KELES_HAS,
    ),
    (
        "attention-complexity",
        "Alman & Song 2023 (Fast Attention Requires Bounded Entries, NeurIPS), abstract",
        "unless the head dimension is of order $\\log T$ and the entries small, where attention is "
        "approximable in almost linear time",
        ALMAN_HAS,
    ),
    (
        "attention-complexity",
        "Shazeer 2019 (Fast Transformer Decoding: One Write-Head is All You Need), abstract and "
        "sec. 3",
        "Multi-query (Shazeer 2019) and grouped-query attention (Ainslie et al. 2023) share "
        "key-value heads to shrink the cache",
        SHAZEER_HAS,
    ),
    (
        "attention-complexity",
        "Ainslie et al. 2023 (GQA), abstract and sec. 2.2",
        "grouped-query attention (Ainslie et al. 2023) share key-value heads",
        GQA_HAS,
    ),
    (
        "mha-parameter-count",
        "Ainslie et al. 2023 (GQA) sec. 2.2",
        "$g$ key-value heads shared by groups of query heads",
        GQA_HAS,
    ),
    (
        "mha-parameter-count",
        "Shazeer 2019 (Fast Transformer Decoding: One Write-Head is All You Need) sec. 3",
        "multi-query attention ($g = 1$, Shazeer 2019)",
        SHAZEER_HAS,
    ),
    # --- architectures: positions and heads ---
    (
        "positional-encodings-why",
        "Shaw et al. 2018 (Self-Attention with Relative Position Representations, NAACL), abstract",
        "learned relative biases or vectors (Shaw et al. 2018",
        "abstract (ACL Anthology N18-2074): self-attention extended to consider representations "
        "of the relative positions, or distances, between sequence elements; +1.3 and +0.3 "
        "BLEU over absolute positions on WMT 2014 En-De and En-Fr",
    ),
    (
        "positional-encodings-why",
        "Chen et al. 2023 (Position Interpolation), abstract",
        "Rotary models are stretched by rescaling positions into the trained range and "
        "fine-tuning briefly (position interpolation, Chen et al. 2023)",
        "abstract (arXiv 2306.15595): Position Interpolation extends RoPE-based LLaMA models to "
        "windows of up to 32768 with minimal fine-tuning (within 1000 steps) by linearly "
        "down-scaling the input position indices to the original window",
    ),
    (
        "positional-encodings-why",
        HAVIV,
        "so decoder-only models without encodings still learn some position",
        HAVIV_HAS,
    ),
    (
        "positional-encodings-why",
        "Touvron et al. 2023 (LLaMA), sec. 2.2",
        "Meta's LLaMA code rotate neighbours $(2i, 2i+1)$",
        "sec. 2.2 'Architecture' (as read for transformer-block): rotary embeddings (Su et al. "
        "2021) added at each layer in place of absolute positional embeddings; which "
        "coordinates pair up is the code's, not the paper's",
    ),
    (
        "positional-encoding-claims",
        HAVIV,
        "a causally masked model without positional encodings can still pick up some position "
        "information (Haviv et al. 2022)",
        HAVIV_HAS,
    ),
    (
        "positional-encoding",
        "Su et al. 2021 (RoFormer: rotary position embedding), sec. 3.2.2",
        "rotary embeddings, which apply the same rotation idea to queries and keys",
        "sec. 3.2.2 'General form': the query and key at position m multiplied by a block-"
        "diagonal rotation R_(Theta,m) of 2-D rotations with theta_i = 10000^(-2(i-1)/d) (as "
        "read for positional-encodings-why in test_locators_literature.py)",
    ),
    (
        "why-multiple-heads",
        "Voita et al. 2019 (Analyzing Multi-Head Self-Attention, ACL), abstract and sec. 5",
        "found positional heads (attending to a neighbouring token), syntactic heads (following "
        "dependency relations) and a head attending to rare tokens in translation encoders, and "
        "could prune most of the remaining heads with little loss",
        "sec. 5 'Characterizing Heads': 5.1 positional heads (maximum weight on a relative "
        "position -1 or +1 at least 90% of the time), 5.2 syntactic heads (nsubj, dobj, amod, "
        "advmod), 5.3 a first-layer head pointing to the rarest tokens (read in section-by-"
        "section transcriptions with page numbers); abstract (ACL Anthology P19-1580): "
        "specialized heads are last to be pruned, pruning 38 of 48 encoder heads costs 0.15 "
        "BLEU on English-Russian",
    ),
    (
        "why-multiple-heads",
        "Michel et al. 2019 (Are Sixteen Heads Really Better than One?, NeurIPS), abstract",
        "many heads can be removed at test time with little loss, so the benefit is partly "
        "about training dynamics",
        "abstract (arXiv and NeurIPS 2019): a large percentage of heads can be removed at test "
        "time without significantly impacting performance, some layers down to one head; "
        "precursory evidence that training dynamics play a role in the gains of multiple heads "
        "(that last sentence is the arXiv abstract's; the NeurIPS page ends before it)",
    ),
    (
        "why-multiple-heads",
        "Bhojanapalli et al. 2020 (Low-Rank Bottleneck in Multi-head Attention Models, ICML), "
        "abstract",
        "a low-rank bottleneck once $d_h < T$",
        "abstract (ICML 2020): scaling the head size down with the number of heads gives rise "
        "to a low-rank bottleneck in attention heads; the proposed fix sets the head size to "
        "the input sequence length",
    ),
    # --- architectures: the Transformer block and norm placement ---
    (
        "transformer-block",
        "Radford et al. 2018 (Improving Language Understanding by Generative Pre-Training) sec. "
        "3.1 and 4.1",
        "**Decoder-only models** (GPT, Radford et al. 2018 and later) drop the encoder and "
        "cross-attention and use only causally masked blocks",
        "sec. 3.1: a multi-layer Transformer decoder for the language model; sec. 4.1 'Model "
        "specifications': a 12-layer decoder-only transformer with masked self-attention heads, "
        "768-dimensional states, 12 heads, 3072-dimensional feed-forward states (read "
        "verbatim in transcriptions of the OpenAI paper with its section names)",
    ),
    (
        "transformer-block",
        "Devlin et al. 2019 (BERT: Pre-training of Deep Bidirectional Transformers for Language "
        "Understanding) sec. 3 and 3.1",
        "**encoder-only** models (BERT) use unmasked self-attention and a different training "
        "objective (masked-token prediction)",
        "sec. 3 'BERT': a multi-layer bidirectional Transformer encoder; sec. 3.1 'Pre-training "
        "BERT', Task #1 'Masked LM': 15% of the WordPiece tokens masked at random and predicted "
        "(read in transcriptions of the arXiv text under its section headings)",
    ),
    (
        "transformer-block",
        "Xiong et al. 2020 (On Layer Normalization in the Transformer Architecture), abstract",
        "(pre-norm, trainable without warm-up, Xiong et al. 2020)",
        "abstract, as read for norm-placement-claims in test_locators_more.py: post-norm's "
        "large gradients near the output at initialization call for a warm-up; pre-norm's are "
        "well-behaved and it reaches comparable results without one (the card said pre-norm "
        "'trains more stably at depth' until this round, which the abstract does not say)",
    ),
    (
        "transformer-block",
        "Shazeer 2020 (GLU Variants Improve Transformer) sec. 2 and eq. 6",
        "Gated variants such as SwiGLU (Shazeer 2020; LLaMA, Touvron et al. 2023) use three "
        "matrices of inner size about $\\frac{8}{3} d_{model}$, the same weight count",
        "sec. 2 'Gated Linear Units (GLU) and Variants': eq. 6, FFN_SwiGLU(x, W, V, W_2) = "
        "(Swish_1(xW) * xV) W_2; all these layers have three weight matrices, so d_ff is "
        "reduced by a factor of 2/3 to keep parameters and computation constant (read in a "
        "full-text copy of arXiv 2002.05202)",
    ),
    (
        "pre-norm-vs-post-norm",
        "He et al. 2016 (Identity Mappings in Deep Residual Networks), sec. 2 and 4 (full "
        "pre-activation)",
        "The residual path is a pure sum, an identity path as in pre-activation ResNets (He et "
        "al. 2016)",
        "sec. 2 'Analysis of Deep Residual Networks': with identity skips and an identity "
        "after-addition f, x_L = x_l + sum F (eq. 4) and the gradient reaches x_l directly (eq. "
        "5); sec. 4 'On the Usage of Activation Functions': f made an identity by moving BN and "
        "ReLU into the branch, full pre-activation (figure 4(e)) (read in transcriptions of "
        "the arXiv text with its headings)",
    ),
    (
        "pre-norm-vs-post-norm",
        "Wang et al. 2022 (DeepNet: Scaling Transformers to 1,000 Layers), abstract, sec. 2 and "
        "figure 2",
        "DeepNorm (Wang et al. 2022) keeps post-norm but weights the residual up",
        "sec. 2 'TL;DR for Practitioners' and figure 2 (pseudocode): compared with Post-LN, "
        "DeepNorm up-scales the residual connection before the layer norm and down-scales the "
        "feed-forward, value and output projection weights at initialization; abstract: "
        "Transformers scaled to 1,000 layers (2,500 sub-layers) (read in a bilingual "
        "transcription of the arXiv text)",
    ),
    (
        "pre-norm-vs-post-norm",
        "Zhang & Sennrich 2019 (RMSNorm), abstract",
        "RMSNorm (Zhang & Sennrich 2019) is a different kind of change, not a placement: it "
        "drops the mean subtraction and shift for speed",
        "abstract (NeurIPS 2019): re-centering invariance is hypothesized dispensable; RMSNorm "
        "normalizes by the root mean square alone, with comparable quality and 7% to 64% less "
        "running time (the dropped shift is the body's formula, a gain only, which no copy "
        "read here showed under its section number)",
    ),
    # --- architectures: embeddings ---
    (
        "embeddings-concept",
        BENGIO_2003,
        "neural language models (Bengio et al. 2003) jointly",
        BENGIO_2003_HAS,
    ),
    (
        "embeddings-concept",
        "Mikolov et al. 2013 (Efficient Estimation of Word Representations in Vector Space) sec. 3",
        "word2vec (Mikolov et al. 2013) trained them alone on context prediction",
        "sec. 3 'New Log-linear Models': 3.1 CBOW predicts the current word from its context, "
        "3.2 skip-gram predicts the words around the current one, both without the non-linear "
        "hidden layer (read verbatim in transcriptions of the arXiv text under its headings)",
    ),
    (
        "embeddings-concept",
        PRESS_WOLF,
        "Tying it to the input embedding (Press & Wolf 2017; Inan et al. 2017) saves $V d$ "
        "parameters",
        PRESS_WOLF_HAS,
    ),
    (
        "embeddings-concept",
        INAN,
        "Tying it to the input embedding (Press & Wolf 2017; Inan et al. 2017) saves $V d$ "
        "parameters",
        INAN_HAS,
    ),
    (
        "embedding-parameter-count",
        PRESS_WOLF,
        "Weight tying (Press & Wolf 2017, and independently Inan et al. 2017) thus saves $V d$ "
        "parameters",
        PRESS_WOLF_HAS,
    ),
    (
        "embedding-parameter-count",
        INAN,
        "and independently Inan et al. 2017",
        INAN_HAS,
    ),
    (
        "embedding",
        BENGIO_2003,
        "a lookup table of learned vectors, one row per vocabulary entry",
        BENGIO_2003_HAS,
    ),
    (
        "embedding",
        "Press & Wolf 2017 (three-way tying), abstract",
        "shares its weights with the other embedding and the pre-softmax output layer",
        PRESS_WOLF_HAS,
    ),
    # --- architectures: RNN training and 1x1 convolutions ---
    (
        "rnn-gradient-flow",
        "Bengio et al. 1994 (Learning Long-Term Dependencies with Gradient Descent is "
        "Difficult), abstract",
        "Bengio et al. 1994 showed this difficulty is inherent when the RNN must store "
        "information robustly",
        "abstract (IEEE Trans. Neural Networks 5(2), 1994): gradient-based learning faces an "
        "increasingly difficult problem as the dependencies lengthen; a trade-off between "
        "efficient learning by gradient descent and latching on information for long periods",
    ),
    (
        "rnn-gradient-flow",
        "Saxe, McClelland & Ganguli 2014 (Exact solutions to the nonlinear dynamics of learning "
        "in deep linear neural networks, ICLR: orthogonal initialization), abstract",
        "an orthogonal $W$ at initialization, all of whose singular values are 1 (Saxe et al. "
        "2014, shown for deep feed-forward nets, which unrolled RNNs are)",
        "abstract (arXiv 1312.6120, the ICLR 2014 text): random orthogonal initial conditions "
        "give depth-independent learning times in deep linear networks and faithful propagation "
        "of gradients even in deep nonlinear ones near the edge of chaos; the networks are deep "
        "feed-forward ones, layer after layer (the card applied it to the recurrent W without "
        "saying so until this round; an unrolled RNN is such a net with one W shared by its "
        "layers)",
    ),
    (
        "rnn-gradient-flow",
        "Le, Jaitly & Hinton 2015 (A Simple Way to Initialize Recurrent Networks of Rectified "
        "Linear Units: the identity), abstract",
        "with ReLU units, the identity (Le et al. 2015)",
        "abstract (ar5iv text of arXiv 1504.00941): ReLU recurrent networks with the recurrent "
        "matrix initialized to the identity or a scaled identity, comparable to a standard LSTM "
        "on four benchmarks with long-range structure",
    ),
    (
        "bptt",
        "Werbos 1990 (Backpropagation Through Time, Proceedings of the IEEE), abstract",
        "unrolls this recurrence into a feed-forward graph",
        "abstract (Proc. IEEE 78(10), 1990, 'Backpropagation Through Time: What It Does and How "
        "to Do It'): reviews backpropagation, then presents the basic equations of "
        "backpropagation through time for dynamic systems, with pseudocode",
    ),
    (
        "bptt",
        "Williams & Peng 1990 (An Efficient Gradient-Based Algorithm for On-Line Training of "
        "Recurrent Network Trajectories), abstract",
        "**Truncated BPTT.** For long streams, split the sequence into chunks",
        "abstract (Neural Computation 2(4), 1990, on MIT Press's page): a variant of "
        "backpropagation through time for networks that run continually without being reset, "
        "a cross between epochwise BPTT and the on-line approximation of truncated BPTT",
    ),
    (
        "one-by-one-convolution",
        "Long, Shelhamer & Darrell 2015 (Fully Convolutional Networks for Semantic "
        "Segmentation) sec. 4.1",
        "the final layer mapping features to class scores at every pixel in a fully "
        "convolutional network (Long et al. 2015)",
        "sec. 4.1 'From classifier to dense FCN': the classifier layer discarded, fully "
        "connected layers turned into convolutions, and a 1 x 1 convolution with 21 channels "
        "appended to score each PASCAL class at every coarse output location (read verbatim in "
        "transcriptions of the CVPR text)",
    ),
    (
        "one-by-one-convolution",
        "Chollet 2017 (Xception), abstract",
        "a per-channel spatial convolution followed by a $1 \\times 1$ pointwise convolution",
        "abstract (arXiv 1610.02357, the CVPR 2017 text): the depthwise separable convolution "
        "is a depthwise convolution followed by a pointwise convolution; Xception replaces "
        "Inception modules with them",
    ),
    # --- architectures: the last two read this round ---
    (
        "attention-scaling",
        "Britz et al. 2017 (Massive Exploration of Neural Machine Translation Architectures) "
        "sec. 4.5",
        "it cites Britz et al. (2017) for the finding that the two perform alike for small $d_k$ "
        "while additive attention wins over *unscaled* dot products for larger $d_k$",
        "sec. 4.5 'Attention Mechanism': additive and multiplicative attention with attention "
        "dimensionality 128 to 1024; parameterized additive attention slightly but "
        "consistently outperformed the multiplicative form (read in transcriptions and a "
        "section-numbered note on the Transformer paper's reference [3]); the small-against-"
        "large d_k reading is the Transformer paper's, as the card says",
    ),
    (
        "attention-scaling",
        "Yang et al. 2022 (Tensor Programs V, the maximal update parametrization), abstract",
        "under which a narrow model's best hyperparameters stay about the best as it widens",
        "abstract (arXiv 2203.03466, on its Hugging Face paper page): in muP many optimal "
        "hyperparameters remain stable even as model size changes, so they can be tuned on a "
        "small model and transferred zero-shot (the card said muP 'keeps training behaviour the "
        "same as models widen' until this round, which the abstract does not say; the 1/d "
        "attention rule is the mup package README's usage example, read in a copy of it and in "
        "a TensorFlow port's README: use 1/d instead of 1/sqrt(d) attention scaling)",
    ),
    (
        "why-convolutions",
        "LeCun et al. 1998 (Gradient-Based Learning Applied to Document Recognition), sec. II-A "
        "(local receptive fields, shared weights, sub-sampling)",
        "**Weight sharing.** The same filter slides over every position",
        "sec. II-A 'Convolutional Networks': three architectural ideas give some shift, scale "
        "and distortion invariance: local receptive fields, shared weights (weight "
        "replication) and spatial or temporal sub-sampling (read in a full-text copy of the "
        "Proceedings of the IEEE text; a Roman-numbered section, which the LOCATOR pattern of "
        "test_locators_more.py, digits only, does not see)",
    ),
    (
        "positional-encodings-why",
        "Raffel et al. 2020 (T5) sec. 2.1",
        "T5's bucketed biases",
        "sec. 2.1 'Model': a simplified relative position embedding, a learned scalar added to "
        "the attention logit, shared across layers but one per head; 32 embeddings whose "
        "ranges grow logarithmically up to an offset of 128, beyond which all offsets share "
        "one (read verbatim in full-text copies of the JMLR text under that heading)",
    ),
    (
        "conv2d-forward",
        "Goodfellow et al. 2016 sec. 9.2 (parameter sharing gives equivariance to translation)",
        "makes the layer translation-equivariant (Goodfellow et al. 2016, sec. 9.2)",
        "sec. 9.2 'Motivation': convolution's form of parameter sharing gives the layer "
        "equivariance to translation (the section the why-convolutions pairs of "
        "test_locators_more.py read); the stride and border caveat is the card's own, as in "
        "cnn-invariance-claims",
    ),
]
