package io.rustydb.bench.tpch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared TPC-H corpus, read at run time and never copied into the repository: {@code shared/tpch/queries/qNN.sql}
 * (the 22 queries with their validation parameters) and {@code shared/tpch/answers-sf0.01/qNN.csv} (expected
 * answers at scale factor 0.01). Found by walking up from the working directory to a {@code shared/tpch}
 * folder, or at an explicit path.
 */
public final class TpchFiles {
    /** Number of TPC-H queries. */
    public static final int QUERIES = 22;

    private final Path dir;

    private TpchFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * The corpus at {@code explicit} (a {@code tpch} folder, or a {@code shared} folder holding one), else the first
     * {@code shared/tpch} found walking up from {@code from}; empty when there is none.
     */
    public static Optional<TpchFiles> locate(Path explicit, Path from) {
        List<Path> candidates = new ArrayList<>();
        if (explicit != null) {
            candidates.add(explicit);
            candidates.add(explicit.resolve("tpch"));
        } else {
            for (Path d = from.toAbsolutePath(); d != null; d = d.getParent()) {
                candidates.add(d.resolve("shared").resolve("tpch"));
            }
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("queries").resolve("q01.sql")))
                .findFirst().map(p -> new TpchFiles(p.toAbsolutePath().normalize()));
    }

    public Path directory() {
        return dir;
    }

    /** "q01" .. "q22". */
    public static String name(int query) {
        return String.format("q%02d", query);
    }

    /** The text of query {@code query} (1..22). */
    public String query(int query) throws IOException {
        return Files.readString(dir.resolve("queries").resolve(name(query) + ".sql"), StandardCharsets.UTF_8);
    }

    /** The expected answer of {@code query} at scale factor {@code sf}, if the corpus has one. */
    public Optional<Answer> expected(int query, double sf) throws IOException {
        Path file = dir.resolve("answers-sf" + scale(sf)).resolve(name(query) + ".csv");
        return Files.isRegularFile(file) ? Optional.of(Answer.read(file)) : Optional.empty();
    }

    /** Whether the corpus has expected answers at {@code sf}. */
    public boolean hasAnswers(double sf) {
        return Files.isDirectory(dir.resolve("answers-sf" + scale(sf)));
    }

    /** A scale factor as folder names and reports write it: 0.01, 0.1, 1. */
    public static String scale(double sf) {
        return java.math.BigDecimal.valueOf(sf).stripTrailingZeros().toPlainString();
    }
}
