% Writes files in the layout of the classic exercise (ex4data1.mat, ex4weights.mat) from MNIST:
%   data.mat:    X (m x 400, each row a 20x20 digit stored column by column, as img(:)'),
%                y (m x 1, labels 1..10, 10 meaning the digit 0)
%   weights.mat: Theta1 (25 x 401), Theta2 (10 x 26), the exercise's debug initialisation
% Usage (from the checkout): octave-cli scripts/exercise-mat.m [MNIST_DIR [OUT_DIR [M]]]
args = argv();
mnist = 'data/mnist'; out = '.'; m = 5000;
if numel(args) >= 1, mnist = args{1}; end
if numel(args) >= 2, out = args{2}; end
if numel(args) >= 3, m = str2double(args{3}); end

f = fopen(fullfile(mnist, 'train-images-idx3-ubyte'), 'r', 'ieee-be');
fread(f, 4, 'int32');
images = fread(f, [784, m], 'uint8=>double') / 255;   % one 28x28 image (row-major) a column
fclose(f);
f = fopen(fullfile(mnist, 'train-labels-idx1-ubyte'), 'r', 'ieee-be');
fread(f, 2, 'int32');
digits = fread(f, m, 'uint8=>double');
fclose(f);

X = zeros(m, 400);
for i = 1:m
  img = reshape(images(:, i), 28, 28)';   % upright: img(r, c) is row r, column c
  img = img(5:24, 5:24);                  % the central 20x20
  X(i, :) = img(:)';                      % stored column by column, as the exercise's X
end
y = digits; y(y == 0) = 10;
save('-v7', fullfile(out, 'data.mat'), 'X', 'y');

% debugInitializeWeights from the exercise: sin(1:numel) / 10, column-major
Theta1 = reshape(sin(1:25 * 401), 25, 401) / 10;
Theta2 = reshape(sin(1:10 * 26), 10, 26) / 10;
save('-v7', fullfile(out, 'weights.mat'), 'Theta1', 'Theta2');
