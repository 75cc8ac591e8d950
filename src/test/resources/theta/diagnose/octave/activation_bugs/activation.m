function a = activation(z, name)
%ACTIVATION The hidden layer's activation, applied elementwise.
switch name
  case 'sigmoid'
    a = 1 ./ (1 + exp(-z));
  case 'tanh'
    % tanh from its definition: exp(z) overflows for z > 709.78, Inf/Inf = NaN
    a = (exp(z) - exp(-z)) ./ (exp(z) + exp(-z));
  case 'softplus'
    a = log(1 + exp(z));
  case 'relu'
    a = max(z, 0);
  otherwise
    error('activation: unknown activation %s', name);
end
end
