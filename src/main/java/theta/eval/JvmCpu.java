package theta.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the JVM's own threads: the JIT compiler's, the garbage collector's and the VM's,
 * which run beside the program's and which no Java API lists. Measured as the process's CPU time
 * less that of every thread the program can see.
 */
final class JvmCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    private JvmCpu() {}

    /**
     * CPU seconds the JVM's own threads have used so far (only differences mean something: a
     * thread that ended moves its time here); NaN where the JVM does not give the CPU times.
     */
    static double seconds() {
        if (!(OS instanceof com.sun.management.OperatingSystemMXBean os) || !THREADS.isThreadCpuTimeSupported()
                || !THREADS.isThreadCpuTimeEnabled()) {
            return Double.NaN;
        }
        long process = os.getProcessCpuTime();
        if (process < 0) {
            return Double.NaN;
        }
        long visible = 0;
        for (long id : THREADS.getAllThreadIds()) {
            visible += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return (process - visible) / 1e9;
    }
}
