# expect: failed | the rate stays at base_lr / 2, the middle of the cosine after warmup
def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    # "the average of a cosine decay is half the rate": a flat 0.5 * base_lr after warmup
    return max(min_lr, 0.5 * base_lr)
