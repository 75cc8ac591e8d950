function g = activationGradient(z, name)
%ACTIVATIONGRADIENT The derivative of activation(z, name) with respect to z, elementwise.
switch name
  case 'sigmoid'
    s = 1 ./ (1 + exp(-z));
    g = s .* (1 - s);
  case 'tanh'
    g = 1 - tanh(z) .^ 2;
  case 'softplus'
    g = 1 ./ (1 + exp(-z));
  case 'relu'
    g = double(z > 0);
  otherwise
    error('activationGradient: unknown activation %s', name);
end
end
