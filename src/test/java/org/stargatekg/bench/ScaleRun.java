package org.stargatekg.bench;

/** The scale run: synthetic articles at growing sizes, load time and rate, heap per triple, query latencies. */
final class ScaleRun {

    private final StringBuilder report;

    ScaleRun(StringBuilder report) {
        this.report = report;
    }

    void run() {
        report.append("## Scale\n\nNot run yet.\n\n");
    }
}
