package theta;

/**
 * Bad input from the user: a malformed file, an option out of range, a model that does not fit.
 * The message is one line that names the input and what is wrong with it; the CLI prints it
 * and exits with code 2.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
