package io.rustydb.jdbc.slt;

import java.util.List;

/**
 * The outcomes of one script. {@code runnerError} is set when the runner itself could not read or run the file (a
 * malformed script, an I/O error): that is a bug to fix in the runner or the corpus, never a measurement.
 */
record SltFileResult(String name, List<SltOutcome> outcomes, String runnerError, long millis) {
    SltFileResult {
        outcomes = List.copyOf(outcomes);
    }

    long count(SltOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    long passed() {
        return count(SltOutcome.Status.PASS);
    }

    long failed() {
        return count(SltOutcome.Status.FAIL);
    }

    long skipped() {
        return count(SltOutcome.Status.SKIP);
    }

    String summary() {
        return String.format("%-60s pass %6d  fail %6d  skip %6d  (%d ms)%s", name, passed(), failed(), skipped(),
                millis, runnerError == null ? "" : "  RUNNER ERROR: " + runnerError);
    }
}
