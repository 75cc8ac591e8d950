% Writes the committed .mat fixtures of MatFileTest and MatDataTest (run from this folder):
%   octave-cli make_mat_fixtures.m
% weights_v6.mat, weights_v7.mat: Theta1 (5 x 17), Theta2 (3 x 6)
% data_v7.mat: X (12 x 16, 4x4 images stored column by column as img(:)'), y (12 x 1, labels 1..3);
%   example 1 is an 'F' (top row and left column lit, a shorter middle bar)
% types.mat: one variable of each kind theta reads or refuses
% expected_cost.txt: nn_cost on data_v7.mat with weights_v7.mat (output, lambda, J)
Theta1 = reshape(sin(1:5 * 17), 5, 17) / 2;
Theta2 = reshape(cos(1:3 * 6), 3, 6) / 2;
save -v6 weights_v6.mat Theta1 Theta2
save -v7 weights_v7.mat Theta1 Theta2

F = [1 1 1 1; 1 0 0 0; 1 1 1 0; 1 0 0 0];
X = zeros(12, 16);
X(1, :) = F(:)';
for i = 2:12
  X(i, :) = mod((1:16) * i, 7)' / 7;
end
y = mod(0:11, 3)' + 1;
save -v7 data_v7.mat X y

dbl = [1.5 -2; 0.25 1e-300];
sgl = single([1.5 2.5 -3]);
i8 = int8([-128 0 127]);
u8 = uint8([0 128 255]);
i32 = int32([-5; 7]);
u64 = uint64([1 2 3]);
lgc = logical([1 0 1 1]);
cub = reshape(1:24, 2, 3, 4);
cel = {1, 'a'};
st.a = 1;
sp = sparse([1 0; 0 2]);
cx = [1 + 2i, 3];
str = 'text';
save -v7 types.mat dbl sgl i8 u8 i32 u64 lgc cub cel st sp cx str

f = fopen('expected_cost.txt', 'w');
for output = {'sigmoid', 'softmax'}
  for lambda = [0 1]
    fprintf(f, '%s %d %.17g\n', output{1}, lambda, nn_cost(Theta1, Theta2, X, y, 3, lambda, output{1}));
  end
end
fclose(f);
