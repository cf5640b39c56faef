package io.rustydb.jdbc.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code *.test} file of ../shared/sqllogictest (SQLite's format, in-memory database per file) and
 * ../shared/duckdb-slt (DuckDB's variant, a file database per file in a temporary directory so that {@code restart}
 * reopens it), with pass/fail/skip counts per folder, a total, and the most frequent failure causes and skip
 * reasons. A measurement: counts never fail the build, only runner errors (a script the runner cannot read) do.
 * If RustyDB wedges (a connect or close that never returns, see {@link SltRunner#wedged()}), the remaining files
 * are listed as NOT RUN in the report instead of each waiting out its timeouts.
 *
 * <p>Runs only with {@code -Drustydb.slt.all=true}:
 * <pre>
 * mvn -B -o -pl rustydb-jdbc test -Dtest=SltFullRunTest -Dsurefire.failIfNoSpecifiedTests=false -Drustydb.slt.all=true
 * </pre>
 * Options: {@code -Drustydb.slt.filter=REGEX} (files whose path relative to ../shared matches, e.g.
 * {@code duckdb-slt/window/.*}), {@code -Drustydb.slt.timeoutSeconds=N} (per record, default 10; an overrun is a
 * FAIL with cause TIMEOUT), {@code -Drustydb.slt.strictErrors=true} (an expected DuckDB error message must be
 * contained in RustyDB's). The report is printed and written to {@code target/slt-report.txt}; the first failures
 * of every file, with expected and actual values or the error, go to {@code target/slt-failures.txt}.
 */
@EnabledIfSystemProperty(named = "rustydb.slt.all", matches = "true")
class SltFullRunTest {
    private static final int FAILURES_PER_FILE = 20;

    @TempDir
    Path tmp;

    @Test
    void runEverything() throws IOException {
        Optional<Path> shared = SltCorpus.shared();
        assumeTrue(shared.isPresent(), "../shared/sqllogictest not found walking up from "
                + System.getProperty("user.dir") + " (set -Drustydb.slt.shared=PATH)");
        Duration timeout = Duration.ofSeconds(Long.getLong("rustydb.slt.timeoutSeconds", 10));
        boolean strict = Boolean.getBoolean("rustydb.slt.strictErrors");
        String filterText = System.getProperty("rustydb.slt.filter", "");
        Pattern filter = filterText.isBlank() ? null : Pattern.compile(filterText);

        Path target = Paths.get(System.getProperty("user.dir"), "target");
        Files.createDirectories(target);
        SltTally tally = new SltTally();
        StringBuilder failures = new StringBuilder();
        int files = 0;
        List<String> notRun = new ArrayList<>();
        int n = 0;
        for (String corpus : List.of("sqllogictest", "duckdb-slt")) {
            SltDialect dialect = corpus.equals("sqllogictest") ? SltDialect.SQLITE : SltDialect.DUCKDB;
            for (Path file : SltCorpus.testFiles(shared.get().resolve(corpus))) {
                String name = SltCorpus.relative(shared.get(), file);
                if (filter != null && !filter.matcher(name).find()) {
                    continue;
                }
                n++;
                if (SltRunner.wedged() != null) {
                    notRun.add(name);
                    continue;
                }
                SltFileResult r;
                if (dialect == SltDialect.SQLITE) {
                    r = SltRunner.runFile(file, name, dialect, "jdbc:rustydb:mem:slt_full_" + n + "_" + System.nanoTime(),
                            false, timeout, strict);
                } else {
                    Path db = tmp.resolve("db" + n);
                    Files.createDirectories(db);
                    r = SltRunner.runFile(file, name, dialect, "jdbc:rustydb:file:" + db.resolve("slt.db"), true,
                            timeout, strict);
                }
                files++;
                String folder = name.substring(0, name.lastIndexOf('/'));
                tally.add(folder, r);
                System.out.println(r.summary());
                appendFailures(failures, r);
            }
        }
        String report = "sqllogictest full run (RustyDB as " + SltRunner.ENGINE + ", timeout " + timeout.toSeconds()
                + " s per record" + (filter == null ? "" : ", filter " + filterText) + ")\n" + tally.report(25)
                + (notRun.isEmpty() ? "" : "\nNOT RUN: " + notRun.size() + " file(s), because " + SltRunner.wedged()
                        + ":\n  " + String.join("\n  ", notRun) + "\n");
        System.out.println();
        System.out.println(report);
        Files.writeString(target.resolve("slt-report.txt"), report, StandardCharsets.UTF_8);
        Files.writeString(target.resolve("slt-failures.txt"), failures, StandardCharsets.UTF_8);
        assertTrue(files > 0, "no .test file matched" + (filter == null ? "" : " the filter " + filterText));
        assertEquals(0, tally.runnerErrors(), "the runner could not run some files: see RUNNER ERROR above");
    }

    private static void appendFailures(StringBuilder out, SltFileResult r) {
        int shown = 0;
        for (SltOutcome o : r.outcomes()) {
            if (o.status() == SltOutcome.Status.FAIL && shown++ < FAILURES_PER_FILE) {
                out.append(r.name()).append(':').append(o.line()).append("  ").append(o.cause()).append('\n');
                if (o.detail() != null) {
                    out.append("    ").append(o.detail().replace("\n", "\n    ")).append('\n');
                }
            }
        }
        if (r.runnerError() != null) {
            out.append(r.name()).append("  RUNNER ERROR ").append(r.runnerError()).append('\n');
        }
    }
}
