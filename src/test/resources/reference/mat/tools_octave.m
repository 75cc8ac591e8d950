% MatToolsTest's Octave side, run in the test's folder after tools_scipy.py, with nn_cost.m on
% the path: checks theta's exported MAT-file bit for bit, writes weights and data with save -v6,
% -v7, -text and -binary, and writes nn_cost's J for every pair to expected.txt.
fid = fopen('theta_export.hex');
e = load('theta_export.mat');
line = fgetl(fid);
while ischar(line)
  parts = strsplit(strtrim(line), ' ');
  v = e.(parts{1});
  if ~strcmp(class(v), 'double') || ~isequal(lower(cellstr(num2hex(v(:)))), lower(parts(2:end)'))
    error('theta_export.mat: %s differs', parts{1});
  end
  line = fgetl(fid);
end
fclose(fid);
fid = fopen('octave_export.ok', 'w'); fprintf(fid, 'ok\n'); fclose(fid);

rand('seed', 11);
Theta1 = rand(6, 17) - 0.5; Theta2 = rand(10, 7) - 0.5;
X = rand(30, 16); y = mod(0:29, 10)' + 1;
for fmt = {'-v6', '-v7', '-text', '-binary'}
  tag = fmt{1}(2:end);
  save(fmt{1}, ['oct_w_' tag '.mat'], 'Theta1', 'Theta2');
  save(fmt{1}, ['oct_d_' tag '.mat'], 'X', 'y');
end
% K = 4, and X single, y int32
Theta2 = Theta2(1:4, :); y = int32(mod(0:29, 4)' + 1); X = single(X);
save -v7 oct_w_k4.mat Theta1 Theta2
save -v7 oct_d_k4.mat X y

pairs = {'oct_w_v6.mat', 'oct_d_v6.mat', 10; 'oct_w_v7.mat', 'oct_d_v7.mat', 10;
         'oct_w_text.mat', 'oct_d_text.mat', 10; 'oct_w_k4.mat', 'oct_d_k4.mat', 4;
         'scipy_w.mat', 'scipy_d.mat', 10; 'scipy_w_plain.mat', 'scipy_d_plain.mat', 10};
out = fopen('expected.txt', 'w');
for p = 1:rows(pairs)
  w = load(pairs{p, 1}); d = load(pairs{p, 2});
  for output = {'sigmoid', 'softmax'}
    for lambda = [0 1]
      J = nn_cost(w.Theta1, w.Theta2, double(d.X), double(d.y), pairs{p, 3}, lambda, output{1});
      fprintf(out, '%s %s %d %s %d %.17g\n', pairs{p, 1}, pairs{p, 2}, pairs{p, 3}, output{1}, lambda, J);
    end
  end
end
fclose(out);
