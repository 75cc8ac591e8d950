package theta;

/**
 * Bad input from the user: a malformed file, an option out of range, a model that does not fit.
 * The message is one line that names the input and what is wrong with it; the CLI prints it
 * and exits with code 2.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(oneLine(message));
    }

    public InputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** The message may quote the input (a name read from a damaged file): line breaks are shown, not printed. */
    private static String oneLine(String message) {
        return message == null ? null : message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
