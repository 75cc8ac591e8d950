package theta.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import theta.data.Dataset;
import theta.data.Inputs;
import theta.math.Vec;
import theta.nn.Mode;
import theta.nn.Network;
import theta.nn.Workspace;

/** Runs a network over a whole dataset in batches and measures it. */
public final class Evaluator {
    private Evaluator() {}

    /** Evaluates params on data; keeps the {@code worst} most confidently wrong examples. */
    public static Evaluation evaluate(Network net, Vec params, Dataset data, Workspace ws, int worst) {
        int k = net.architecture().outputs();
        if (data.classes() > k) {
            throw new IllegalArgumentException(data.name() + " has " + data.classes() + " classes, the network "
                    + k + " outputs");
        }
        int n = data.size();
        int[][] confusion = new int[k][k];
        int[] predictions = new int[n];
        int[] labels = new int[ws.capacity()];
        double[] probs = new double[k];
        double loss = 0;
        List<Evaluation.Mistake> mistakes = new ArrayList<>();
        Inputs inputs = new Inputs(net.architecture().inputs());
        for (int from = 0; from < n; from += ws.capacity()) {
            int m = Math.min(ws.capacity(), n - from);
            inputs.fill(data, null, from, m, ws.input());
            Inputs.labels(data, null, from, m, labels);
            loss += net.cost(params, labels, m, 0, m, null, ws, Mode.eval()) * m;
            for (int i = 0; i < m; i++) {
                int p = net.predicted(ws, i);
                predictions[from + i] = p;
                confusion[labels[i]][p]++;
                if (p != labels[i]) {
                    net.probabilities(ws, i, probs);
                    mistakes.add(new Evaluation.Mistake(from + i, labels[i], p, probs[p]));
                }
            }
        }
        mistakes.sort(Comparator.comparingDouble(Evaluation.Mistake::probability).reversed());
        Evaluation e = new Evaluation(data.name(), n, 0, loss / n, confusion, predictions,
                List.copyOf(mistakes.subList(0, Math.min(worst, mistakes.size()))));
        return new Evaluation(e.dataset(), n, (double) e.correct() / n, e.loss(), confusion, predictions,
                e.confidentlyWrong());
    }
}
