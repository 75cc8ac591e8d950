function [J grad] = nnCostPenaltyMissing(nn_params, input_layer_size, hidden_layer_size, ...
                                   num_labels, X, y, lambda, activation_name, output_name)
%NNCOSTPENALTYMISSING Cost and gradient of a two-layer network for classification.
%   [J grad] = nnCostPenaltyMissing(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda)
%   with an optional hidden activation ('sigmoid', 'tanh', 'softplus', 'relu') and output
%   ('softmax' or 'sigmoid'). nn_params is [Theta1(:); Theta2(:)], y holds labels 1..num_labels.

if nargin < 8
  activation_name = 'sigmoid';
end
if nargin < 9
  output_name = 'softmax';
end

Theta1 = reshape(nn_params(1:hidden_layer_size * (input_layer_size + 1)), ...
                 hidden_layer_size, (input_layer_size + 1));
Theta2 = reshape(nn_params((1 + (hidden_layer_size * (input_layer_size + 1))):end), ...
                 num_labels, (hidden_layer_size + 1));
m = size(X, 1);

% Part 1: feedforward and cost
a1 = [ones(m, 1) X];
z2 = a1 * Theta1';
a2 = [ones(m, 1) activation(z2, activation_name)];
z3 = a2 * Theta2';
if strcmp(output_name, 'softmax')
  e = exp(z3 - max(z3, [], 2));
  h = e ./ sum(e, 2);
else
  h = 1 ./ (1 + exp(-z3));
end

I = eye(num_labels);
Y = I(y, :);

if strcmp(output_name, 'softmax')
  J = -sum(sum(Y .* log(h))) / m;
else
  J = -sum(sum(Y .* log(h) + (1 - Y) .* log(1 - h))) / m;
end

p = sum(sum(Theta1(:, 2:end) .^ 2)) + sum(sum(Theta2(:, 2:end) .^ 2));

% Part 2: backpropagation
sigma3 = h - Y;
sigma2 = (sigma3 * Theta2(:, 2:end)) .* activationGradient(z2, activation_name);

Delta1 = sigma2' * a1;
Delta2 = sigma3' * a2;

% Part 3: regularisation (the bias column is not regularised)
Theta1_grad = Delta1 / m + lambda / m * [zeros(hidden_layer_size, 1) Theta1(:, 2:end)];
Theta2_grad = Delta2 / m + lambda / m * [zeros(num_labels, 1) Theta2(:, 2:end)];

grad = [Theta1_grad(:) ; Theta2_grad(:)];

end
