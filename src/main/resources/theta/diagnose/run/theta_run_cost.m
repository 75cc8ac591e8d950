function theta_run_cost(jobdir, userdir, call_text, e)
  % Runs one call of a user's cost function, written by theta's diagnose bridge. Loads the problem
  % (nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda), evaluates the call
  % with those names, saves J and grad (value.txt), then the numerical gradient of the user's J by
  % central differences, one call per parameter (numgrad.txt). Any error goes to error.txt.
  if ~isempty(userdir)
    addpath(userdir);
  end
  try
    s = load(fullfile(jobdir, 'problem.txt'));
    f = str2func(['@(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda) ' call_text]);
    args = {s.input_layer_size, s.hidden_layer_size, s.num_labels, s.X, s.y, s.lambda};
    [J, grad] = f(s.nn_params, args{:});
    J = double(J);
    grad = double(grad);
    save('-text', fullfile(jobdir, 'value.txt'), 'J', 'grad');
    if numel(J) == 1 && numel(grad) == numel(s.nn_params)
      p = s.nn_params;
      numgrad = zeros(size(p));
      for i = 1:numel(p)
        old = p(i);
        p(i) = old + e;
        j1 = f(p, args{:});
        p(i) = old - e;
        j2 = f(p, args{:});
        p(i) = old;
        numgrad(i) = (double(j1) - double(j2)) / (2 * e);
      end
      save('-text', fullfile(jobdir, 'numgrad.txt'), 'numgrad');
    end
  catch err
    theta_report(fullfile(jobdir, 'error.txt'), err);
  end
  if ~isempty(userdir)
    rmpath(userdir);
  end
end

function theta_report(file, err)
  % The message and the first place in the user's own code, as "error: ... (file.m line 12)".
  where = '';
  for k = 1:numel(err.stack)
    st = err.stack(k);
    if ~isempty(st.file) && isempty(strfind(st.file, 'theta_run_')) && st.line > 0
      [~, name, ext] = fileparts(st.file);
      where = sprintf(' (%s%s line %d)', name, ext, st.line);
      break;
    end
  end
  fid = fopen(file, 'w');
  fprintf(fid, 'error: %s%s\n', err.message, where);
  fclose(fid);
end
