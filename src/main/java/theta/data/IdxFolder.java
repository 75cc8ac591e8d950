package theta.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import theta.InputException;

/**
 * The four IDX files of an MNIST-style dataset in one folder. Each may be raw or gzip, named
 * with or without ".gz", and in either spelling: {@code train-images-idx3-ubyte} or
 * {@code train-images.idx3-ubyte}.
 */
public record IdxFolder(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
    static final List<String> NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** True when the folder holds all four files. */
    public static boolean complete(Path dir) {
        return NAMES.stream().allMatch(n -> locate(dir, n) != null);
    }

    /** Finds the four files, or says which are missing. */
    public static IdxFolder find(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such folder");
        }
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String n : NAMES) {
            Path p = locate(dir, n);
            found.add(p);
            if (p == null) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(dir + ": missing " + String.join(", ", missing)
                    + " (raw or .gz; the four MNIST-style IDX files are needed)");
        }
        return new IdxFolder(found.get(0), found.get(1), found.get(2), found.get(3));
    }

    /** The first of: name, name.gz, dotted name, dotted name.gz that is a regular file. */
    private static Path locate(Path dir, String name) {
        String dotted = name.replace("-idx", ".idx");
        for (String candidate : List.of(name, name + ".gz", dotted, dotted + ".gz")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    public Dataset train(String name, LabelConvention convention) {
        return Idx.read(name, trainImages, trainLabels, convention);
    }

    public Dataset test(String name, LabelConvention convention) {
        return Idx.read(name, testImages, testLabels, convention);
    }
}
