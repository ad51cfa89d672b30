package org.ddict.conformance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ddict.catalogue.Req;

/** The catalogue requirement(s) a check verifies; the first is the one an unexpected error is charged to. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requirement {
    Req[] value();
}
