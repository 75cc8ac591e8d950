"""Hidden-layer activations and their derivatives, elementwise on NumPy arrays."""
import numpy as np


def activation(z, name):
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "softplus":
        # log(1 + exp(z)) without overflow for large z
        return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))
    if name == "relu":
        return np.maximum(z, 0)
    raise ValueError("unknown activation " + name)


def activation_gradient(z, name):
    if name == "sigmoid":
        s = 1 / (1 + np.exp(-z))
        return s * (1 - s)
    if name == "tanh":
        return 1 - np.tanh(z) ** 2
    if name == "softplus":
        return 1 / (1 + np.exp(-z))
    if name == "relu":
        return (z > 0).astype(float)
    raise ValueError("unknown activation " + name)


def sigmoid_gradient(z):
    s = 1 / (1 + np.exp(-z))
    return s * (1 - s)


def activation_gradient_from_a(a, name):
    """The derivative written in terms of the output a = activation(z)."""
    if name == "sigmoid":
        return a * (1 - a)
    if name == "tanh":
        return 1 - a ** 2
    if name == "softplus":
        return 1 - np.exp(-a)
    if name == "relu":
        return (a > 0).astype(float)
    raise ValueError("unknown activation " + name)
