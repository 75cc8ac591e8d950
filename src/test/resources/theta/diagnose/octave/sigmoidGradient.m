function g = sigmoidGradient(z)
%SIGMOIDGRADIENT The gradient of the sigmoid function evaluated at z.
s = 1 ./ (1 + exp(-z));
g = s .* (1 - s);
end
