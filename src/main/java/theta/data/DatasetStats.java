package theta.data;

/**
 * A summary of a dataset: how many examples of each class, and the mean and standard deviation
 * of all feature values (scaled to [0,1] for byte storage), over every pixel of every example.
 */
public record DatasetStats(int size, int[] labelCounts, double pixelMean, double pixelStd) {
    public static DatasetStats of(Dataset d) {
        int[] counts = new int[d.classes()];
        for (int i = 0; i < d.size(); i++) {
            counts[d.label(i)]++;
        }
        long n = (long) d.size() * d.features();
        if (n == 0) {
            return new DatasetStats(d.size(), counts, Double.NaN, Double.NaN);
        }
        float[] row = new float[d.features()];
        // Shifted sums (shift = the first value) keep the variance accurate when mean >> std.
        double shift = d.value(0, 0);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < d.size(); i++) {
            d.copyRow(i, row, 0);
            for (float v : row) {
                double x = v - shift;
                sum += x;
                sumSq += x * x;
            }
        }
        double mean = sum / n;
        double var = Math.max(0, sumSq / n - mean * mean);
        return new DatasetStats(d.size(), counts, shift + mean, Math.sqrt(var));
    }
}
