package org.ddict.operator.command;

import org.ddict.config.SuiteConfig;
import org.ddict.ddi.Http;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.ServerOperatorProvider;

/** Registers the command operator for every operator name {@code command:<program>}. */
public final class CommandOperatorProvider implements ServerOperatorProvider {

    @Override
    public String name() {
        return CommandOperator.PREFIX + "<program>";
    }

    @Override
    public boolean accepts(String operator) {
        return operator != null && operator.startsWith(CommandOperator.PREFIX);
    }

    @Override
    public ServerOperator create(SuiteConfig config, Http http) {
        return new CommandOperator(config, http.attachesToReport());
    }
}
