# expect: failed | this is relu(z) itself, not its derivative
# relu_grad returns the activation instead of its slope
import numpy as np
def relu(z): return np.maximum(z, 0.0)
def relu_grad(z): return relu(z)
def leaky_relu(z, alpha=0.01): return np.where(z > 0, z, alpha * z)
def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))
