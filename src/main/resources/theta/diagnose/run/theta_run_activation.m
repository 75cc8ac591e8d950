function theta_run_activation(jobdir, userdir, derivative_text, activation_text, e)
  % Evaluates a user's activation derivative (and activation, when given) on a grid z, written by
  % theta's diagnose bridge: derivative.txt holds d, activation.txt a(z), a(z+e), a(z-e).
  if ~isempty(userdir)
    addpath(userdir);
  end
  try
    s = load(fullfile(jobdir, 'problem.txt'));
    z = s.z;
    g = str2func(['@(z) ' derivative_text]);
    d = double(g(z));
    save('-text', fullfile(jobdir, 'derivative.txt'), 'd');
    if ~isempty(activation_text)
      h = str2func(['@(z) ' activation_text]);
      a = double(h(z));
      ap = double(h(z + e));
      am = double(h(z - e));
      save('-text', fullfile(jobdir, 'activation.txt'), 'a', 'ap', 'am');
    end
  catch err
    fid = fopen(fullfile(jobdir, 'error.txt'), 'w');
    fprintf(fid, 'error: %s\n', err.message);
    fclose(fid);
  end
  if ~isempty(userdir)
    rmpath(userdir);
  end
end
