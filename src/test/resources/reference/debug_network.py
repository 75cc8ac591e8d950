#!/usr/bin/python3
"""Reference cost and gradient of the classic debug network, computed independently with NumPy.

Writes debug_network.json next to this script. Run: /usr/bin/python3 debug_network.py
Layout: nn_params = [Theta1(:); Theta2(:)] (column-major, bias in column 0), as in the exercise.
Cost: (1/m) sum_i L_i + lambda/(2m) * (sum of squared non-bias weights).
"""
import json
import os

import numpy as np

INPUTS, HIDDEN, CLASSES, M = 3, 5, 3, 5


def debug_weights(fan_out, fan_in):
    n = fan_out * (1 + fan_in)
    return np.reshape(np.sin(np.arange(1, n + 1)), (fan_out, 1 + fan_in), order="F") / 10


def logsumexp(z):
    mx = z.max(axis=1, keepdims=True)
    return mx + np.log(np.exp(z - mx).sum(axis=1, keepdims=True))


ACTIVATIONS = {
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2),
    "tanh": (np.tanh, lambda z: 1 / np.cosh(z) ** 2),
    "softplus": (lambda z: np.log1p(np.exp(z)), lambda z: 1 / (1 + np.exp(-z))),
}


def loss_and_delta(kind, z, y):
    """Per-example losses (summed) and dL/dz, with z the logits and y one-hot targets."""
    if kind == "softmax":
        lse = logsumexp(z)
        return float((lse - (z * y).sum(axis=1, keepdims=True)).sum()), np.exp(z - lse) - y
    s = 1 / (1 + np.exp(-z))
    if kind == "sigmoid":
        return float(-(y * np.log(s) + (1 - y) * np.log(1 - s)).sum()), s - y
    if kind == "sigmoid_mse":
        return float(0.5 * ((s - y) ** 2).sum()), (s - y) * s * (1 - s)
    raise ValueError(kind)


def cost_grad(act, kind, lam):
    g, dg = ACTIVATIONS[act]
    t1 = debug_weights(HIDDEN, INPUTS)
    t2 = debug_weights(CLASSES, HIDDEN)
    x = debug_weights(M, INPUTS - 1)  # m x inputs: the exercise builds X this way
    labels = 1 + np.mod(np.arange(1, M + 1), CLASSES)  # 1-based
    y = np.eye(CLASSES)[labels - 1]
    a1 = np.hstack([np.ones((M, 1)), x])
    z2 = a1 @ t1.T
    a2 = np.hstack([np.ones((M, 1)), g(z2)])
    z3 = a2 @ t2.T
    total, d3 = loss_and_delta(kind, z3, y)
    j = total / M + lam / (2 * M) * ((t1[:, 1:] ** 2).sum() + (t2[:, 1:] ** 2).sum())
    d2 = (d3 @ t2)[:, 1:] * dg(z2)
    g1 = d2.T @ a1 / M
    g2 = d3.T @ a2 / M
    g1[:, 1:] += lam / M * t1[:, 1:]
    g2[:, 1:] += lam / M * t2[:, 1:]
    return j, np.concatenate([g1.ravel(order="F"), g2.ravel(order="F")])


out = []
for act in ACTIVATIONS:
    for kind in ("softmax", "sigmoid", "sigmoid_mse"):
        for lam in (0.0, 3.0):
            j, grad = cost_grad(act, kind, lam)
            out.append({"activation": act, "output": kind, "lambda": lam, "cost": j, "grad": grad.tolist()})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "debug_network.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {len(out)} cases to {path}")
