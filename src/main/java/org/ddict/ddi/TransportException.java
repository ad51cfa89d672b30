package org.ddict.ddi;

/** The server gave no HTTP answer (refused, reset, timed out): reported with the request that was sent. */
public class TransportException extends RuntimeException {

    private final HttpCall call;

    public TransportException(HttpCall call, Throwable cause) {
        super(describe(cause) + " — " + call.method() + " " + call.url(), cause);
        this.call = call;
    }

    public HttpCall call() {
        return call;
    }

    private static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "no answer within the timeout (" + e.getMessage() + ")";
        }
        if (name.contains("Connect")) {
            return "connection refused (" + e.getMessage() + ")";
        }
        return name + ": " + e.getMessage();
    }
}
