# expect: failed | the rate is base_lr / 2, the middle of the cosine at every step, warmup included
def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # no schedule at all: half the base rate at every step
    return 0.5 * base_lr
