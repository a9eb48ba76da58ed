# expect: failed | wrong rate: at step 0 expected
def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # no schedule at all: half the base rate at every step
    return 0.5 * base_lr
