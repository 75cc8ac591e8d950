function g = activationGradient(z, name)
%ACTIVATIONGRADIENT The derivative of activation(z, name), elementwise.
switch name
  case 'sigmoid'
    a = activation(z, 'sigmoid');
    g = a .* (1 - a);
  case 'tanh'
    % d/dz tanh = 1 - tanh^2, written with the activation's output in mind
    g = 1 - z .^ 2;
  case 'softplus'
    % the sigmoid, from the derivative of log(1 + exp(z))
    g = exp(z) ./ (1 + exp(z));
  case 'relu'
    g = 1 ./ (1 + exp(-z));
  otherwise
    error('activationGradient: unknown activation %s', name);
end
end
