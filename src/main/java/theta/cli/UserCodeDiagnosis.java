package theta.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import theta.activation.Activation;
import theta.diagnose.Columns;
import theta.diagnose.DiagnosisProblem;
import theta.diagnose.DiagnosisResult;
import theta.diagnose.Diagnoser;
import theta.diagnose.run.ActivationAudit;
import theta.diagnose.run.ActivationJob;
import theta.diagnose.run.CostJob;
import theta.diagnose.run.CostRun;
import theta.diagnose.run.Interpreter;
import theta.io.Json;
import theta.math.Spec;

/**
 * theta diagnose --octave / --python / --octave-activation: runs the user's code in one interpreter
 * process (cost function and activation check together when both are asked for), then diagnoses
 * the two columns it gave and audits the activation.
 */
final class UserCodeDiagnosis {
    private UserCodeDiagnosis() {}

    static int run(InterpreterOptions o, DiagnosisProblem problem, Activation named, PrintWriter out, boolean json,
                   java.nio.file.Path plot, PrintWriter err) throws java.io.IOException {
        Interpreter interpreter = o.interpreter();
        CostJob costJob = o.runsCost() ? o.costJob(problem) : null;
        ActivationJob actJob = o.checksActivation() ? o.activationJob() : null;
        Interpreter.Batch b = interpreter.run(costJob == null ? List.of() : List.of(costJob),
                actJob == null ? List.of() : List.of(actJob));
        CostRun run = costJob == null ? null : b.costs().get(0).orThrow();
        ActivationAudit.Report audit = actJob == null ? null : ActivationAudit.audit(named, b.activations().get(0).orThrow());
        Columns columns = run == null ? null : Columns.exact(run.numerical(), run.analytical());
        DiagnosisResult result = run == null ? null : Diagnoser.diagnose(problem, columns);
        if (result != null) {
            DiagnoseCommand.plotColumns(plot, costJob.source().getFileName().toString(), problem, columns, result, err);
        }
        if (json) {
            JsonObject j = new JsonObject();
            if (result != null) {
                j.addProperty("source", costJob.source().toString());
                j.addProperty("J", run.j());
                j.add("diagnosis", result.toJson());
            }
            if (audit != null) {
                j.add("activation", auditJson(audit, actJob));
            }
            out.println(Json.PRETTY.toJson(j));
        } else {
            if (result != null) {
                out.printf(Locale.ROOT, "ran       %s in %s: J = %.10g%n", costJob.source(), interpreter.bin(), run.j());
                DiagnoseReport.print(out, result);
            }
            if (audit != null) {
                if (result != null) {
                    out.println();
                }
                printAudit(out, audit, actJob, named);
            }
        }
        boolean ok = (result == null || result.correct()) && (audit == null || audit.ok());
        return ok ? Main.OK : Main.FAILED;
    }

    private static void printAudit(PrintWriter out, ActivationAudit.Report a, ActivationJob job, Activation named) {
        out.println("activation  " + job.derivative() + (job.activation() == null ? "" : "  and  " + job.activation())
                + "  vs theta's " + named.spec());
        out.printf(Locale.ROOT, "  %10s %16s %16s %16s%n", "z", "yours", named.spec() + "'(z)",
                job.activation() == null ? "" : "numerical");
        for (double[] r : a.samples()) {
            out.printf(Locale.ROOT, "  %10s %16.9g %16.9g %16s%n", Spec.format(r[0]), r[1], r[2],
                    Double.isNaN(r[3]) && job.activation() == null ? "" : String.format(Locale.ROOT, "%.9g", r[3]));
        }
        a.findings().forEach(f -> out.println("  " + (a.ok() ? "" : "- ") + f));
    }

    private static JsonObject auditJson(ActivationAudit.Report a, ActivationJob job) {
        JsonObject j = new JsonObject();
        j.addProperty("derivative", job.derivative());
        if (job.activation() != null) {
            j.addProperty("activation", job.activation());
        }
        j.addProperty("ok", a.ok());
        JsonArray f = new JsonArray();
        a.findings().forEach(f::add);
        j.add("findings", f);
        return j;
    }
}
