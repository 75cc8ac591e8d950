package theta.plot;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import theta.data.Dataset;
import theta.eval.Evaluation;
import theta.io.ModelFile;
import theta.nn.Model;
import theta.train.EpochRecord;

/**
 * One self-contained HTML page about a model: architecture, hyperparameters, provenance, training
 * curves, weight tiles, and (when the test set is at hand) the confusion matrix, per-class scores
 * and the most confidently wrong images. Images are embedded as data: URIs, so the file opens in
 * any browser without a server.
 */
public final class Report {
    private final StringBuilder html = new StringBuilder();

    private Report() {}

    /**
     * The page for a model. {@code evaluation} and {@code test} may be null, with
     * {@code unavailable} saying why (e.g. the model's dataset is not on this machine).
     */
    public static String html(String name, Model model, List<EpochRecord> history, Evaluation evaluation,
                              Dataset test, String unavailable) {
        Report r = new Report();
        r.head(name);
        r.model(model);
        r.provenance(model.provenance());
        r.training(name, model, history);
        r.evaluation(name, evaluation, test, unavailable);
        r.html.append("</body>\n</html>\n");
        return r.html.toString();
    }

    /** A page that says the report could not be made, and why. */
    public static String error(String why) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>theta report</title></head>\n"
                + "<body><p>The report could not be made: " + esc(why) + "</p></body>\n</html>\n";
    }

    private void head(String name) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>theta report: ").append(esc(name)).append("</title>\n<style>\n")
            .append("body{font:15px/1.45 system-ui,sans-serif;max-width:980px;margin:0 auto;padding:0 16px 40px;")
            .append("color:#1d2330}\nh1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:28px;border-bottom:1px solid")
            .append(" #d9dce3}\ntable{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d9dce3;")
            .append("padding:3px 8px;text-align:left}\ntd.n{text-align:right;font-variant-numeric:tabular-nums}\n")
            .append("img{max-width:100%;height:auto;border:1px solid #d9dce3}\n.note{color:#8a4b00}\n")
            .append("</style>\n</head>\n<body>\n<h1>theta model report: ").append(esc(name)).append("</h1>\n");
    }

    private void model(Model model) {
        html.append("<h2 id=\"architecture\">Architecture</h2>\n");
        table(ModelFile.describe(model));
    }

    private void provenance(JsonObject p) {
        JsonElement config = p.get("config");
        html.append("<h2 id=\"hyperparameters\">Hyperparameters</h2>\n");
        if (config != null && config.isJsonObject()) {
            table(flat(config.getAsJsonObject()));
        } else {
            html.append("<p>The model records no hyperparameters (it was not trained by theta train).</p>\n");
        }
        html.append("<h2 id=\"provenance\">Provenance</h2>\n");
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : p.entrySet()) {
            if (e.getKey().equals("config") || e.getKey().equals("history")) {
                continue;
            }
            if (e.getValue().isJsonObject()) {
                flat(e.getValue().getAsJsonObject()).forEach((k, v) -> rows.put(e.getKey() + "." + k, v));
            } else {
                rows.put(e.getKey(), text(e.getValue()));
            }
        }
        if (rows.isEmpty()) {
            html.append("<p>No provenance recorded.</p>\n");
        } else {
            table(rows);
        }
    }

    private void training(String name, Model model, List<EpochRecord> history) {
        html.append("<h2 id=\"curves\">Training curves</h2>\n");
        if (history.isEmpty()) {
            html.append("<p>The model records no training history.</p>\n");
        } else {
            image(CurvesPlot.draw(history, name), "training and validation loss, validation accuracy and learning rate per epoch");
        }
        html.append("<h2 id=\"weights\">What the hidden units learned</h2>\n");
        try {
            image(WeightTiles.draw(model, WeightTiles.DEFAULT_UNITS, name), "incoming weights of hidden units as image tiles");
        } catch (IllegalArgumentException e) {
            html.append("<p>").append(esc(e.getMessage())).append("</p>\n");
        }
    }

    private void evaluation(String name, Evaluation e, Dataset test, String unavailable) {
        html.append("<h2 id=\"evaluation\">Test set</h2>\n");
        if (e == null) {
            html.append("<p class=\"note\" id=\"no-evaluation\">Not evaluated: ").append(esc(unavailable)).append("</p>\n");
            return;
        }
        html.append(String.format(Locale.ROOT, "<p>%s: %d images, accuracy <b>%.2f%%</b> (%d/%d), loss %.5f, macro F1 %.4f.</p>%n",
                esc(e.dataset()), e.size(), 100 * e.accuracy(), e.correct(), e.size(), e.loss(), e.macroF1()));
        html.append("<h2 id=\"confusion\">Confusion matrix</h2>\n");
        image(ConfusionPlot.draw(e, name + ": confusion matrix"), "confusion matrix heat map with counts");
        html.append("<table id=\"confusion-table\"><tr><th>actual \\ predicted</th>");
        for (int k = 0; k < e.classes(); k++) {
            html.append("<th>").append(k).append("</th>");
        }
        html.append("</tr>\n");
        for (int a = 0; a < e.classes(); a++) {
            html.append("<tr><th>").append(a).append("</th>");
            for (int p = 0; p < e.classes(); p++) {
                html.append("<td class=\"n\">").append(e.confusion()[a][p]).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2 id=\"scores\">Per-class scores</h2>\n");
        image(ClassScoresPlot.draw(e, name + ": per-class precision and recall"), "per-class precision and recall bars");
        html.append("<table id=\"scores-table\"><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th></tr>\n");
        for (int k = 0; k < e.classes(); k++) {
            html.append(String.format(Locale.ROOT, "<tr><th>%d</th><td class=\"n\">%.4f</td><td class=\"n\">%.4f</td>"
                    + "<td class=\"n\">%.4f</td></tr>%n", k, e.precision(k), e.recall(k), e.f1(k)));
        }
        html.append("</table>\n<h2 id=\"wrong\">Most confidently wrong</h2>\n");
        if (e.confidentlyWrong().isEmpty() || !EvaluationPlots.isImage(test)) {
            html.append("<p>No mistakes to show.</p>\n");
        } else {
            image(WrongDigits.draw(e.confidentlyWrong(), test, name + ": the most confidently wrong test images"),
                    "the most confidently wrong test images with label, prediction and probability");
        }
    }

    private void image(BufferedImage img, String alt) {
        html.append("<p><img alt=\"").append(esc(alt)).append("\" width=\"").append(img.getWidth())
            .append("\" height=\"").append(img.getHeight()).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(Charts.png(img))).append("\"></p>\n");
    }

    private void table(Map<String, String> rows) {
        html.append("<table>\n");
        rows.forEach((k, v) -> html.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v))
                .append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private static Map<String, String> flat(JsonObject o) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        o.entrySet().forEach(e -> m.put(e.getKey(), text(e.getValue())));
        return m;
    }

    private static String text(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** HTML-escapes text for element content and attribute values. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
