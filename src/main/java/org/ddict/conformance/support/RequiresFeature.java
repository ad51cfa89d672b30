package org.ddict.conformance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ddict.catalogue.Feature;

/** The check exercises an optional feature: it is skipped, with the reason, when the server does not offer it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresFeature {
    Feature[] value();
}
