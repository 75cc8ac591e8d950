function [J grad] = nnCostThetaOnly(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda)
Theta1 = reshape(nn_params(1:hidden_layer_size * (input_layer_size + 1)), hidden_layer_size, input_layer_size + 1);
J = sum(Theta1(:) .^ 2);
grad = 2 * Theta1;
end
