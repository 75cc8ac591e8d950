function [J grad] = nnCostForever(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda)
J = 0;
while true
  J = J + 1;
end
grad = nn_params;
end
