"""Cost functions that fail the ways people's first versions do."""
import numpy as np


def broadcast_error(params, X, y, lam):
    Theta1 = params[:20].reshape(5, 4)
    z2 = X @ Theta1.T  # X has no bias column: (5,3) @ (4,5)
    return z2.sum(), params


def theta1_only(params, X, y, lam):
    Theta1 = params[:20].reshape(5, 4)
    return np.sum(Theta1 ** 2), 2 * Theta1


def one_value(params, X, y, lam):
    return np.sum(params ** 2)


def forever(params, X, y, lam):
    while True:
        pass
