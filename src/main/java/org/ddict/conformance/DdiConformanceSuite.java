package org.ddict.conformance;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The DDI conformance suite: every {@code *Checks} class of this package. Run it from the command line, or from your
 * own build with {@code -Dddi.url=…} (see README).
 */
@Suite
@SuiteDisplayName("DDI conformance")
@SelectPackages("org.ddict.conformance")
@IncludeClassNamePatterns(".*Checks")
public class DdiConformanceSuite {
}
