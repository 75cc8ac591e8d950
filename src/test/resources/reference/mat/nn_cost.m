function J = nn_cost(Theta1, Theta2, X, y, K, lambda, output)
  % The exercise's cost (nnCostFunction) for a sigmoid hidden layer and a sigmoid or softmax
  % output: J = (1/m) sum of the example losses + lambda/(2m) sum of the non-bias weights squared.
  % y holds labels 1..K; output unit k stands for label k.
  m = size(X, 1);
  a1 = [ones(m, 1) double(X)];
  a2 = [ones(m, 1) 1 ./ (1 + exp(-a1 * Theta1'))];
  z3 = a2 * Theta2';
  Y = double(repmat(1:K, m, 1) == repmat(double(y(:)), 1, K));
  if strcmp(output, 'sigmoid')
    h = 1 ./ (1 + exp(-z3));
    data = sum(sum(-Y .* log(h) - (1 - Y) .* log(1 - h))) / m;
  else
    zmax = max(z3, [], 2);
    logsum = zmax + log(sum(exp(z3 - repmat(zmax, 1, K)), 2));
    data = sum(logsum - sum(Y .* z3, 2)) / m;
  end
  penalty = lambda / (2 * m) * (sum(sum(Theta1(:, 2:end) .^ 2)) + sum(sum(Theta2(:, 2:end) .^ 2)));
  J = data + penalty;
end
