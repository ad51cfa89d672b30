package org.ddict.ddi;

/** The run stopped sending requests (its deadline passed or its request budget is spent): the check is not run. */
public class RunLimitException extends RuntimeException {

    public RunLimitException(String reason) {
        super(reason);
    }
}
