"""Cost and gradient of a two-layer network for classification, in NumPy.

cost_function(params, X, y, lam) -> (J, grad): params holds Theta1 and Theta2 unrolled row by
row (NumPy's reshape), y holds classes 0..K-1. The hidden activation ('sigmoid', 'tanh',
'softplus', 'relu') and the output ('softmax' or 'sigmoid') may be chosen.
"""
import numpy as np

from activations import activation, activation_gradient


def cost_function(params, X, y, lam, hidden="sigmoid", output="softmax", num_labels=None):
    m, n = X.shape
    K = num_labels if num_labels is not None else int(y.max()) + 1
    h_size = (params.size - K) // (n + 1 + K)
    Theta1 = params[:h_size * (n + 1)].reshape(h_size, n + 1)
    Theta2 = params[h_size * (n + 1):].reshape(K, h_size + 1)

    # feedforward
    a1 = np.hstack([np.ones((m, 1)), X])
    z2 = a1 @ Theta1.T
    a2 = np.hstack([np.ones((m, 1)), activation(z2, hidden)])
    z3 = a2 @ Theta2.T
    if output == "softmax":
        e = np.exp(z3 - z3.max(axis=1, keepdims=True))
        h = e / e.sum(axis=1, keepdims=True)
    else:
        h = 1 / (1 + np.exp(-z3))
    Y = np.eye(K)[y]

    if output == "softmax":
        J = -np.sum(Y * np.log(h)) / m
    else:
        J = -np.sum(Y * np.log(h) + (1 - Y) * np.log(1 - h)) / m
    p = np.sum(Theta1[:, 1:] ** 2) + np.sum(Theta2[:, 1:] ** 2)
    J = J + lam * p / (2 * m)

    # backpropagation
    sigma3 = h - Y
    sigma2 = (sigma3 @ Theta2[:, 1:]) * activation_gradient(z2, hidden)
    Delta1 = sigma2.T @ a1
    Delta2 = sigma3.T @ a2

    Theta1_grad = Delta1 / m
    Theta2_grad = Delta2 / m

    grad = np.concatenate([Theta1_grad.ravel(), Theta2_grad.ravel()])
    return J, grad
