"""Hidden-layer activations and derivatives with the usual slips (see the comments)."""
import numpy as np


def activation(z, name):
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "tanh":
        # tanh from its definition: exp(z) overflows for z > 709.78, inf/inf = nan
        return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))
    if name == "softplus":
        return np.log(1 + np.exp(z))
    if name == "relu":
        return np.maximum(z, 0)
    raise ValueError("unknown activation " + name)


def activation_gradient(z, name):
    if name == "sigmoid":
        a = activation(z, "sigmoid")
        return a * (1 - a)
    if name == "tanh":
        # written with the activation's output in mind
        return 1 - z ** 2
    if name == "softplus":
        # the sigmoid, from the derivative of log(1 + exp(z))
        return np.exp(z) / (1 + np.exp(z))
    if name == "relu":
        return 1 / (1 + np.exp(-z))
    raise ValueError("unknown activation " + name)
