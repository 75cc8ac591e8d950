package theta.eval;

import java.util.List;

/**
 * How a model does on a labelled dataset.
 *
 * @param confusion confusion[actual][predicted] counts
 * @param loss mean data loss (no regularisation term)
 * @param predictions the predicted class of each example
 * @param confidentlyWrong the misclassified examples with the highest predicted probability, most confident first
 */
public record Evaluation(String dataset, int size, double accuracy, double loss, int[][] confusion,
                         int[] predictions, List<Mistake> confidentlyWrong) {

    /** A misclassified example. */
    public record Mistake(int index, int label, int predicted, double probability) {}

    public int classes() {
        return confusion.length;
    }

    public int correct() {
        int c = 0;
        for (int k = 0; k < confusion.length; k++) {
            c += confusion[k][k];
        }
        return c;
    }

    /** Of the examples predicted as k, the fraction that are k (0 when none is predicted k). */
    public double precision(int k) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[k];
        }
        return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
    }

    /** Of the examples of class k, the fraction predicted k. */
    public double recall(int k) {
        int actual = 0;
        for (int c : confusion[k]) {
            actual += c;
        }
        return actual == 0 ? 0 : (double) confusion[k][k] / actual;
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double s = 0;
        for (int k = 0; k < classes(); k++) {
            s += f1(k);
        }
        return s / classes();
    }
}
