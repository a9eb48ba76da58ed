# expect: passed | passed all
import numpy as np


class Embedding:
    """Like torch.nn.Embedding: a weight table, a forward that remembers the ids."""

    def __init__(self, weight):
        self.weight = weight

    def forward(self, ids):
        self.ids = ids
        return self.weight[ids]

    def backward(self, grad_output, num_embeddings):
        grad_weight = np.zeros((num_embeddings, grad_output.shape[-1]))
        flat_ids = self.ids.reshape(-1)
        flat_grad = grad_output.reshape(flat_ids.size, -1)
        np.add.at(grad_weight, flat_ids, flat_grad)
        return grad_weight


def embedding_forward(W, ids):
    return Embedding(W).forward(ids)


def embedding_backward(dout, ids, vocab_size):
    layer = Embedding(None)
    layer.ids = ids
    return layer.backward(dout, vocab_size)
