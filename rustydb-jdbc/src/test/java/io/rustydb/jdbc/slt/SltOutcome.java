package io.rustydb.jdbc.slt;

/**
 * What happened to one statement or query record (or an unsupported directive, which counts as a skip).
 *
 * @param line   the record's line in the file
 * @param status PASS, FAIL or SKIP
 * @param cause  for FAIL a short, aggregatable key ({@code "0A000 not supported: ..."}, {@code "result mismatch"},
 *               {@code "TIMEOUT"}); for SKIP the reason ({@code "onlyif mysql"}); {@code null} for PASS
 * @param detail for FAIL the expected and actual values or the full error; may be {@code null}
 */
record SltOutcome(int line, Status status, String cause, String detail) {
    enum Status { PASS, FAIL, SKIP }

    static SltOutcome pass(int line) {
        return new SltOutcome(line, Status.PASS, null, null);
    }

    static SltOutcome fail(int line, String cause, String detail) {
        return new SltOutcome(line, Status.FAIL, cause, detail);
    }

    static SltOutcome skip(int line, String reason) {
        return new SltOutcome(line, Status.SKIP, reason, null);
    }
}
