package org.ddict.operator.hawkbit;

import org.ddict.config.SuiteConfig;
import org.ddict.ddi.Http;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.ServerOperatorProvider;

/** Registers the hawkBit operator under the name {@code hawkbit}. */
public final class HawkbitOperatorProvider implements ServerOperatorProvider {

    @Override
    public String name() {
        return "hawkbit";
    }

    @Override
    public ServerOperator create(SuiteConfig config, Http http) {
        return new HawkbitOperator(config, http);
    }
}
