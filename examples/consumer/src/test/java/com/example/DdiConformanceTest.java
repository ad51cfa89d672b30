package com.example;

import org.ddict.conformance.DdiConformanceSuite;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * Certifies the server named by {@code -Dddi.url=…} (and the other {@code ddi.*} parameters): every check is a test of
 * this build, a failed MUST fails the build, a broken SHOULD or MAY is a warning printed in the build's log.
 */
@Suite
@SelectClasses(DdiConformanceSuite.class)
class DdiConformanceTest {
}
