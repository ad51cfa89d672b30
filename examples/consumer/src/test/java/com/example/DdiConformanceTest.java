package com.example;

import org.ddict.conformance.DdiConformanceSuite;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SelectClasses;

/** Certifies the server named by -Dddi.url=… (and the other ddi.* parameters): a failed MUST fails the build. */
@Suite
@SelectClasses(DdiConformanceSuite.class)
class DdiConformanceTest {
}
