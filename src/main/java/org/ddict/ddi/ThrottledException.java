package org.ddict.ddi;

/** The server kept asking the suite to come back later (429, or 409 with Retry-After) after the bounded retries. */
public class ThrottledException extends RuntimeException {

    public ThrottledException(HttpCall call, int status, int attempts) {
        super("the server kept answering " + status + (status == 429 ? " Too Many Requests" : " Conflict") + " (" + attempts
                + " attempts) to " + call.method() + " " + call.url().getRawPath());
    }
}
