#!/usr/bin/python3
"""Reference costs for 'theta cost', computed independently with NumPy.

Writes into cost/: weights.npz (Theta1 5x17, Theta2 4x6, bias in column 0), data.csv (30
examples of 16 features, labels 1..4 in the exercise's convention: output unit k is label k)
and expected.json with J for several activations, outputs and lambdas.
Run: /usr/bin/python3 cost_reference.py
"""
import json
import os

import numpy as np

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cost")
os.makedirs(here, exist_ok=True)
rng = np.random.default_rng(20261127)
n, h, k, m = 16, 5, 4, 30
theta1 = rng.uniform(-1, 1, (h, n + 1))
theta2 = rng.uniform(-1, 1, (k, h + 1))
x = rng.integers(0, 256, (m, n))
labels = rng.integers(1, k + 1, m)
np.savez(os.path.join(here, "weights.npz"), Theta1=theta1, Theta2=theta2)
with open(os.path.join(here, "data.csv"), "w") as f:
    for i in range(m):
        f.write(",".join([str(labels[i])] + [str(v) for v in x[i]]) + "\n")

acts = {
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "softplus": lambda z: np.log1p(np.exp(z)),
    "relu": lambda z: np.maximum(z, 0),
}
X = np.hstack([np.ones((m, 1)), x / 255.0])
Y = np.eye(k)[labels - 1]
out = []
for act, g in acts.items():
    for kind in ("softmax", "sigmoid", "sigmoid_mse"):
        for lam in (0.0, 1.0, 3.0):
            a2 = np.hstack([np.ones((m, 1)), g(X @ theta1.T)])
            z3 = a2 @ theta2.T
            if kind == "softmax":
                mx = z3.max(axis=1, keepdims=True)
                logp = z3 - mx - np.log(np.exp(z3 - mx).sum(axis=1, keepdims=True))
                data = -(Y * logp).sum() / m
            else:
                s = 1 / (1 + np.exp(-z3))
                if kind == "sigmoid":
                    data = -(Y * np.log(s) + (1 - Y) * np.log(1 - s)).sum() / m
                else:
                    data = 0.5 * ((s - Y) ** 2).sum() / m
            pen = lam / (2 * m) * ((theta1[:, 1:] ** 2).sum() + (theta2[:, 1:] ** 2).sum())
            out.append({"activation": act, "output": kind, "lambda": lam, "J": float(data + pen)})
with open(os.path.join(here, "expected.json"), "w") as f:
    json.dump(out, f, indent=1)
print(f"wrote {len(out)} cases to {here}")
