#!/usr/bin/env python3
"""Reference values for theta's activation tests, computed with mpmath at 60 significant digits.

Writes, next to this script:
  activation_values.csv  name,x,f,df  for every built-in activation with default parameters;
                         f from the textbook formula, df = mpmath.diff of that formula (a
                         high-precision numerical derivative, independent of theta's df).
  erf_values.csv         x,erf,erfc
Each value is the double nearest to the 60-digit result (repr round-trips). Run:
  python3 reference_values.py
"""
import csv
import os
import random

import mpmath as mp

mp.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
m = mp.mpf
sig = lambda x: 1 / (1 + mp.exp(-x))
softplus = lambda x: mp.log(1 + mp.exp(x))
SELU_L = m("1.0507009873554804934193349852946")
SELU_A = m("1.6732632423543772848170429916717")
K = mp.sqrt(2 / mp.pi)

def piece(cond, a, b):
    return a if cond else b

ACTIVATIONS = {
    "sigmoid": sig,
    "tanh": mp.tanh,
    "lecun_tanh": lambda x: m("1.7159") * mp.tanh(2 * x / 3),
    "bipolar_sigmoid": lambda x: (1 - mp.exp(-x)) / (1 + mp.exp(-x)),
    "rational_tanh": lambda x: mp.sign(x) if abs(x) >= 3 else x * (27 + x * x) / (27 + 9 * x * x),
    "softsign": lambda x: x / (1 + abs(x)),
    "elliott": lambda x: x / (2 * (1 + abs(x))) + m("0.5"),
    "arctan": mp.atan,
    "isru": lambda x: x / mp.sqrt(1 + x * x),
    "sqnl": lambda x: mp.sign(x) if abs(x) >= 2 else x - x * abs(x) / 4,
    "hard_sigmoid": lambda x: min(max(x + 3, 0), 6) / 6,
    "hard_tanh": lambda x: min(max(x, -1), 1),
    "relu": lambda x: max(x, 0),
    "relu6": lambda x: min(max(x, 0), 6),
    "leaky_relu": lambda x: piece(x > 0, x, m("0.01") * x),
    "prelu": lambda x: piece(x > 0, x, m("0.25") * x),
    "rrelu": lambda x: piece(x >= 0, x, x * (m(1) / 8 + m(1) / 3) / 2),
    "thresholded_relu": lambda x: piece(x > 1, x, 0),
    "elu": lambda x: piece(x > 0, x, mp.exp(x) - 1),
    "celu": lambda x: max(0, x) + min(0, mp.exp(x) - 1),
    "selu": lambda x: SELU_L * piece(x > 0, x, SELU_A * (mp.exp(x) - 1)),
    "isrlu": lambda x: piece(x >= 0, x, x / mp.sqrt(1 + x * x)),
    "rectified_tanh": lambda x: max(0, mp.tanh(x)),
    "hard_swish": lambda x: x * min(max(x + 3, 0), 6) / 6,
    "softplus": softplus,
    "log_sigmoid": lambda x: mp.log(sig(x)),
    "silu": lambda x: x * sig(x),
    "gelu": lambda x: x * mp.erfc(-x / mp.sqrt(2)) / 2,
    # 1 + tanh(u) = 2 sigma(2u): the identity keeps 60 digits where 1 + tanh(u) would cancel
    "gelu_tanh": lambda x: x * sig(2 * K * (x + m("0.044715") * x ** 3)),
    "mish": lambda x: x * mp.tanh(softplus(x)),
    "squareplus": lambda x: (x + mp.sqrt(x * x + 4)) / 2,
    "identity": lambda x: x,
    "cube": lambda x: x ** 3,
    "sine": mp.sin,
    "gaussian": lambda x: mp.exp(-x * x),
    "exponential": mp.exp,
    "bent_identity": lambda x: (mp.sqrt(x * x + 1) - 1) / 2 + x,
    "snake": lambda x: x + mp.sin(x) ** 2,
    "tanhshrink": lambda x: x - mp.tanh(x),
    "softshrink": lambda x: piece(x > m("0.5"), x - m("0.5"), piece(x < -m("0.5"), x + m("0.5"), 0)),
    "hardshrink": lambda x: piece(abs(x) > m("0.5"), x, 0),
}

# No point is a kink of any activation (0, +-0.5, +-1, +-3, 6) or a piece boundary (+-2).
POINTS = [-1e4, -50.0, -20.0, -3.5, -1.25, -0.3, -0.1, -1e-3, 1e-3, 0.1, 0.7, 1.25, 2.5, 8.0, 50.0, 1e4]


def to_double(v):
    f = float(v)
    return "Infinity" if f == float("inf") else "-Infinity" if f == float("-inf") else repr(f)


def write_activations():
    with open(os.path.join(HERE, "activation_values.csv"), "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["name", "x", "f", "df"])
        for name, g in ACTIVATIONS.items():
            for x in POINTS:
                xm = m(x)
                w.writerow([name, repr(x), to_double(g(xm)), to_double(mp.diff(g, xm))])


def write_erf():
    rng = random.Random(20240611)
    xs = [0.0, 1e-300, 1e-20, 1e-8, 0.001, 0.1, 0.25, 0.4999, 0.5, 0.5001, 0.6249, 0.625, 0.75, 1.0, 1.5, 2.0,
          2.1249, 2.125, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 20.0, 26.0, 26.5, 27.0, 30.0]
    xs += [-x for x in xs if x != 0]
    xs += [rng.uniform(-6.0, 27.0) for _ in range(300)]
    with open(os.path.join(HERE, "erf_values.csv"), "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["x", "erf", "erfc"])
        for x in xs:
            w.writerow([repr(x), to_double(mp.erf(m(x))), to_double(mp.erfc(m(x)))])


if __name__ == "__main__":
    write_activations()
    write_erf()
