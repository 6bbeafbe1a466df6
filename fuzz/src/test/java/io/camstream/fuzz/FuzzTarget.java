package io.camstream.fuzz;

import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.TagFilter.includeTags;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * One {@code @FuzzTest} method, found by JUnit's own discovery: Jazzer tags every fuzz test {@code jazzer}.
 *
 * @param className  the test class
 * @param methodName the fuzz test
 */
record FuzzTarget(String className, String methodName) {

    /**
     * Every fuzz test on the class path under {@code io.camstream} whose {@link #name()} matches.
     *
     * @param names a regular expression on {@code SimpleClassName.method}
     * @return the targets, in JUnit's order
     */
    static List<FuzzTarget> discover(Pattern names) {
        LauncherDiscoveryRequest fuzzTests = request()
                .selectors(selectPackage("io.camstream"))
                .filters(includeTags("jazzer"))
                .build();
        TestPlan plan = LauncherFactory.create().discover(fuzzTests);
        List<FuzzTarget> targets = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.getSource().orElse(null) instanceof MethodSource method) {
                    FuzzTarget target = new FuzzTarget(method.getClassName(), method.getMethodName());
                    if (names.matcher(target.name()).matches()) {
                        targets.add(target);
                    }
                }
            }
        }
        return targets;
    }

    /**
     * The short name, as in reports and {@code camstream.fuzz.targets}.
     *
     * @return {@code JpegSplitterFuzzTest.splitsAnyStream}
     */
    String name() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
    }
}
