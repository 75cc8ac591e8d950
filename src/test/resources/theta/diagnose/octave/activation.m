function a = activation(z, name)
%ACTIVATION The hidden layer's activation, applied elementwise.
switch name
  case 'sigmoid'
    a = 1 ./ (1 + exp(-z));
  case 'tanh'
    a = tanh(z);
  case 'softplus'
    % log(1 + exp(z)) without overflow for large z
    a = max(z, 0) + log1p(exp(-abs(z)));
  case 'relu'
    a = max(z, 0);
  otherwise
    error('activation: unknown activation %s', name);
end
end
