package theta.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One child program and everything it starts, ended together. The child runs in a session and
 * process group of its own ({@code setsid}, where it exists), so that a Ctrl-C meant for theta
 * does not reach it half-way and {@link #stop()} can find every process it started even after
 * their parent died and they were re-parented to init: {@code ProcessHandle.descendants()} alone
 * lost those, and lost what a child started between the listing and the kill. {@link #stop()}
 * therefore kills in rounds until no member is left, and {@link #start} refuses once it ran, so
 * a shutdown hook cannot race a child being started.
 */
public final class ProcessGroup {
    private static final Path PROC = Path.of("/proc");
    private static final int MAX_ROUNDS = 200;

    private Process process;
    private boolean stopped;

    /**
     * Starts the command (in a new session when {@code setsid} is on PATH); null when
     * {@link #stop()} already ran. A program that cannot be run is started unwrapped, so the
     * caller gets Java's own IOException for it rather than setsid's exit status.
     */
    public synchronized Process start(ProcessBuilder pb) throws IOException {
        if (stopped) {
            return null;
        }
        String setsid = onPath("setsid");
        if (setsid != null && Files.isDirectory(PROC) && runnable(pb)) {
            // --wait: should setsid have to fork, it stays the child and waits, so the group is still found below it
            List<String> command = new ArrayList<>(List.of(setsid, "--wait"));
            command.addAll(pb.command());
            pb.command(command);
        }
        process = pb.start();
        return process;
    }

    /** True once {@link #stop()} ran. */
    public synchronized boolean stopped() {
        return stopped;
    }

    /**
     * Kills the child and every process in its group or below it, in rounds until none is alive
     * (zombies count as ended); refuses later starts. Safe to call from any thread, more than once.
     */
    public synchronized void stop() {
        stopped = true;
        if (process == null) {
            return;
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<ProcessHandle> alive = members();
            if (alive.isEmpty()) {
                return;
            }
            alive.forEach(ProcessHandle::destroyForcibly);
            try {
                Thread.sleep(round < 10 ? 1 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Live members: the child, its descendants, and every process in the group it leads. */
    private List<ProcessHandle> members() {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle self = ProcessHandle.current();
        if (running(process.toHandle())) {
            found.add(process.toHandle());
        }
        process.descendants().filter(ProcessGroup::running).forEach(found::add);
        if (Files.isDirectory(PROC)) {
            long group = process.pid();
            try (Stream<Path> procs = Files.list(PROC)) {
                procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                        .map(Long::parseLong).filter(pid -> pid != self.pid() && group(pid) == group)
                        .forEach(pid -> ProcessHandle.of(pid).filter(ProcessGroup::running)
                                .filter(h -> !found.contains(h)).ifPresent(found::add));
            } catch (IOException | RuntimeException e) {
                // /proc unreadable: the descendants found above are all we can end
            }
        }
        return found;
    }

    /** Alive and not a zombie (a killed process whose parent has not collected it yet). */
    private static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        char state = statField(h.pid(), 0).charAt(0);
        return state != 'Z' && state != 'X';
    }

    /** The process group of a process; -1 when it is gone. */
    private static long group(long pid) {
        String g = statField(pid, 2);
        return g.equals("?") ? -1 : Long.parseLong(g);
    }

    /** Field {@code index} after the command name in /proc/PID/stat (0: state, 2: group); "?" when unreadable. */
    private static String statField(long pid, int index) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
            // The command name is in parentheses and may itself hold spaces and parentheses.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields[index];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** True when the command's program is an executable file (a path is taken from the child's folder). */
    private static boolean runnable(ProcessBuilder pb) {
        String program = pb.command().get(0);
        if (!program.contains("/")) {
            return onPath(program) != null;
        }
        Path p = Path.of(program);
        if (!p.isAbsolute() && pb.directory() != null) {
            p = pb.directory().toPath().resolve(p);
        }
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    /** The program's path when it is an executable file in a PATH folder, else null. */
    public static String onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, program)) && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program).toString();
            }
        }
        return null;
    }
}
