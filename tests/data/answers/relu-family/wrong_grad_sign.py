# expect: failed | this is np.sign(z), -1 for negative z
# np.sign(z) as the derivative, as if ReLU were |z|
import numpy as np
def relu(z): return np.maximum(z, 0.0)
def relu_grad(z): return np.sign(z).astype(float)
def leaky_relu(z, alpha=0.01): return np.where(z > 0, z, alpha * z)
def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))
