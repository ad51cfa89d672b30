package org.ddict.conformance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ddict.operator.Capability;

/** The check needs a back-office step beyond the basics; it is skipped, with the reason, when the operator lacks it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresCapability {
    Capability[] value();
}
