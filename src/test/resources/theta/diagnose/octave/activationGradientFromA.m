function g = activationGradientFromA(a, name)
%ACTIVATIONGRADIENTFROMA The derivative of the activation written in terms of its output a = activation(z).
switch name
  case 'sigmoid'
    g = a .* (1 - a);
  case 'tanh'
    g = 1 - a .^ 2;
  case 'softplus'
    g = 1 - exp(-a);
  case 'relu'
    g = double(a > 0);
  otherwise
    error('activationGradientFromA: unknown activation %s', name);
end
end
