package org.ddict.operator;

import org.ddict.ddi.Exchange;

/** The back office did not do what the operator asked: the check that needed it cannot be arranged. */
public class OperatorException extends RuntimeException {

    public OperatorException(String message) {
        super(message);
    }

    public OperatorException(String step, Exchange exchange) {
        super(step + " failed: " + exchange.call().method() + " " + exchange.call().url() + " → " + exchange.describe());
    }
}
