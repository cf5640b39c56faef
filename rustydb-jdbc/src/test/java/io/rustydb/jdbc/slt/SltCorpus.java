package io.rustydb.jdbc.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the shared corpora live: {@code ../shared} beside the project root, found by walking up from
 * {@code user.dir} (surefire runs in the module directory) to the first directory with a
 * {@code shared/sqllogictest} child. {@code -Drustydb.slt.shared=PATH} overrides the search. The corpora are read
 * in place, never copied into the repository.
 */
final class SltCorpus {
    private SltCorpus() {
    }

    /** The {@code shared} directory, if there is one. */
    static Optional<Path> shared() {
        String override = System.getProperty("rustydb.slt.shared");
        if (override != null && !override.isBlank()) {
            Path p = Paths.get(override).toAbsolutePath().normalize();
            return Files.isDirectory(p.resolve("sqllogictest")) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("sqllogictest"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /** Every {@code *.test} file under {@code root}, in a stable order. */
    static List<Path> testFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".test") && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** {@code file} relative to {@code base}, with {@code /} separators. */
    static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }
}
