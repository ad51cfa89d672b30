package org.ddict.ddi;

/** The server kept answering 429 (rate limiting) after the bounded retries: the check cannot conclude. */
public class ThrottledException extends RuntimeException {

    public ThrottledException(HttpCall call, int attempts) {
        super("the server kept answering 429 Too Many Requests (" + attempts + " attempts) to " + call.method() + " "
                + call.url().getRawPath());
    }
}
