# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    z = logits - logits.max(axis=0)
    log_p = z - np.log(np.sum(np.exp(z), axis=0))
    # cross-entropy = KL(q || p) + H(q); 0 * log 0 is taken as 0, where q has zeros
    q_log_q = np.where(q > 0, q * np.log(np.where(q > 0, q, 1.0)), 0.0)
    kl = np.sum(q_log_q - q * log_p)
    entropy = -np.sum(q_log_q)
    return float((kl + entropy) / m), (np.exp(log_p) - q) / m
