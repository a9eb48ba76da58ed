# expect: passed | passed
import math


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    # a LambdaLR multiplier, as the Transformers library writes it, then scaled to the range
    def lr_lambda(current_step):
        if current_step < warmup_steps:
            return float(current_step + 1) / float(max(1, warmup_steps))
        progress = float(current_step - warmup_steps) / float(max(1, total_steps - warmup_steps))
        return max(0.0, 0.5 * (1.0 + math.cos(math.pi * 0.5 * 2.0 * min(progress, 1.0))))

    if step < warmup_steps:
        return base_lr * lr_lambda(step)
    return min_lr + (base_lr - min_lr) * lr_lambda(step)
