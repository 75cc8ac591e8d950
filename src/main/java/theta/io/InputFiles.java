package theta.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import theta.InputException;

/**
 * The one wording of "this file cannot be used": a path the user named is checked before a reader
 * opens it (a folder read as a file otherwise surfaced as Java's "FileNotFoundException: ... (Is
 * a directory)"), and an I/O failure becomes "file: what is wrong" without Java's class names.
 */
public final class InputFiles {
    private static final Pattern JAVA_IO = Pattern.compile("(.*) \\(([^()]*)\\)");

    private InputFiles() {}

    /** Refuses, in one line, a path that is not a readable file: missing, a folder, unreadable. */
    public static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a folder, not a file");
        }
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(file + ": cannot be read (permission denied)");
        }
    }

    /** The whole text of a UTF-8 file the user named; InputException naming it when it is not one. */
    public static String readText(Path file) {
        requireFile(file);
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": " + reason(e), e);
        }
    }

    /** "file: reason" for an I/O failure (just the reason when it names no file). */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(e);
        }
        if (e instanceof FileNotFoundException && e.getMessage() != null) {
            Matcher m = JAVA_IO.matcher(e.getMessage());
            if (m.matches()) {
                return m.group(1) + ": " + reason(e);
            }
        }
        return reason(e);
    }

    /** What went wrong, in words: no file name, no exception class. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not UTF-8 text";
        }
        String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (e instanceof FileNotFoundException && why != null) {
            Matcher m = JAVA_IO.matcher(why);
            why = m.matches() ? m.group(2) : why;
        }
        if (why == null || why.isBlank()) {
            return "input/output error";
        }
        if (why.equals("Is a directory")) {
            return "is a folder, not a file";
        }
        // "No space left on device" reads as "no space left on device" after a colon; a path stays as it is.
        boolean word = why.length() > 1 && Character.isUpperCase(why.charAt(0)) && Character.isLowerCase(why.charAt(1));
        return word ? why.substring(0, 1).toLowerCase(Locale.ROOT) + why.substring(1) : why;
    }
}
