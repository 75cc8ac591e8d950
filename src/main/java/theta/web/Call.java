package theta.web;

/**
 * One request as the routes see it: already read in full (bounded), so a route is a plain
 * function from a call to a {@link Reply} and adding one is a line in {@link Server#route}.
 *
 * @param method GET, POST, ... (HEAD arrives as GET: the body is dropped when written)
 * @param path the decoded path, e.g. /api/predict
 * @param contentType the Content-Type header, or null
 * @param body the request body (empty for GET)
 */
record Call(String method, String path, String contentType, byte[] body) {
    /** Throws 405 unless the call uses {@code method}. */
    void require(String method) {
        if (!this.method.equals(method)) {
            throw new Exchanges.HttpError(405, this.method + " " + path + ": method not allowed (use " + method + ")")
                    .allow(method);
        }
    }
}
