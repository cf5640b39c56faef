package io.rustydb.jdbc.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Where the shell's input lines come from: a script (or piped standard input), or the terminal via JLine
 * ({@link TerminalLineSource}).
 */
interface LineSource extends AutoCloseable {

    /**
     * Reads the next line, without its line terminator.
     *
     * @param prompt shown before reading, or {@code null} for none (scripts)
     * @return the line, or {@code null} at end of input (end of file, Ctrl-D)
     * @throws Interrupted when the user discarded the line being typed (Ctrl-C)
     */
    String readLine(String prompt) throws IOException;

    @Override
    void close() throws IOException;

    /** The user pressed Ctrl-C while typing: the shell drops the statement being typed and reads on. */
    final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("input interrupted", null, false, false);
        }
    }

    /**
     * Lines from a reader, with the prompt (if any) printed before each; for scripts, and for a terminal when JLine
     * is not on the class path.
     */
    final class Plain implements LineSource {
        private final BufferedReader reader;
        private final PrintStream promptOut;

        Plain(BufferedReader reader, PrintStream promptOut) {
            this.reader = reader;
            this.promptOut = promptOut;
        }

        @Override
        public String readLine(String prompt) throws IOException {
            if (prompt != null) {
                promptOut.print(prompt);
                promptOut.flush();
            }
            return reader.readLine();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
