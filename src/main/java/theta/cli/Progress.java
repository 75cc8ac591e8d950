package theta.cli;

import java.io.PrintWriter;
import java.util.Locale;

import theta.train.EpochRecord;
import theta.train.TrainListener;

/**
 * Training progress on the terminal: a bar redrawn in place (epoch, batch, loss, last validation
 * accuracy, ETA) when attached to a terminal, plain lines per epoch otherwise.
 */
final class Progress implements TrainListener {
    private final PrintWriter err;
    private final boolean tty;
    private final long start = System.nanoTime();
    private int epochs;
    private int batchesPerEpoch;
    private int startEpoch;
    private long lastDraw;
    private double smoothLoss = Double.NaN;
    private double lastAccuracy = Double.NaN;
    private long doneBatches;

    Progress(PrintWriter err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    static boolean isTerminal() {
        return System.console() != null && System.getenv("THETA_PLAIN") == null;
    }

    @Override
    public void onStart(int epochs, int batchesPerEpoch, int startEpoch) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.startEpoch = startEpoch;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss) {
        smoothLoss = Double.isNaN(smoothLoss) ? loss : 0.98 * smoothLoss + 0.02 * loss;
        doneBatches++;
        long now = System.nanoTime();
        if (!tty || now - lastDraw < 100_000_000L && batch != batches) {
            return;
        }
        lastDraw = now;
        long total = (long) (epochs - startEpoch + 1) * batchesPerEpoch;
        double frac = (double) doneBatches / total;
        int width = 24;
        int filled = (int) Math.round(frac * width);
        double elapsed = (now - start) / 1e9;
        double eta = frac > 0 ? elapsed / frac - elapsed : 0;
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        err.printf(Locale.ROOT, "\r[%s] epoch %d/%d batch %d/%d  loss %.4f  val %s  elapsed %s  eta %s   ", bar, epoch,
                epochs, batch, batches, smoothLoss, acc(lastAccuracy), time(elapsed), time(eta));
        err.flush();
    }

    @Override
    public void onEpoch(EpochRecord r) {
        lastAccuracy = r.validationAccuracy();
        if (tty) {
            err.print("\r\033[K");
        }
        err.printf(Locale.ROOT, "epoch %3d  train loss %.4f  val loss %s  val acc %s  lr %s  %.1fs%n", r.epoch(),
                r.trainLoss(), Double.isNaN(r.validationLoss()) ? "-" : String.format(Locale.ROOT, "%.4f",
                        r.validationLoss()), acc(r.validationAccuracy()),
                Double.isNaN(r.learningRate()) ? "-" : String.format(Locale.ROOT, "%.4g", r.learningRate()),
                r.seconds());
        err.flush();
    }

    @Override
    public void onIteration(int iteration, double cost) {
        if (tty) {
            err.printf(Locale.ROOT, "\riteration %4d  cost %.6e   ", iteration, cost);
        } else if (iteration % 10 == 0) {
            err.printf(Locale.ROOT, "iteration %4d  cost %.6e%n", iteration, cost);
        }
        err.flush();
    }

    void done() {
        if (tty) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private static String acc(double a) {
        return Double.isNaN(a) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * a);
    }

    static String time(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0fs", s);
        }
        return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }
}
