package theta.web;

import java.util.Map;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The server's own errors (malformed requests, 431 for too many headers, timeouts) in the API's
 * shape, {"error": "one line"}, instead of Jetty's HTML page; never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String text = code >= 500 ? "internal error" : message == null || message.isBlank() ? reason : reason + ": " + message;
        JettyHandler.write(response, callback, Reply.error(code, text, Map.of()), request.getMethod().equals("HEAD"));
    }
}
