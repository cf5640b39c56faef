package io.rustydb.jdbc.shell;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One run of {@link SqlShell#run} on input held in memory: its exit code, output and error output. */
record ShellRun(int exitCode, String out, String err) {

    /** Runs a script: standard input is not a terminal. */
    static ShellRun script(String input, String... args) {
        return run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), false, args);
    }

    /**
     * Runs an interactive session on an emulated JLine terminal. End {@code typed} with {@code \q}: the input
     * stays open after it, because JLine's stream terminal drops buffered keystrokes when its input reaches end of
     * file (and its emulated line discipline does not reliably turn Ctrl-D into end of input either).
     */
    static ShellRun interactive(String typed, String... args) {
        return run(new HeldOpenInput(typed.getBytes(StandardCharsets.UTF_8)), true, args);
    }

    static ShellRun run(InputStream in, boolean interactive, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
                InputStream input = in) {
            code = SqlShell.run(args, input, outStream, errStream, interactive);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ShellRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Serves its bytes, then blocks (as a terminal nobody types at) until closed or 30 seconds pass. */
    private static final class HeldOpenInput extends InputStream {
        private final ByteArrayInputStream bytes;
        private final CountDownLatch closed = new CountDownLatch(1);

        HeldOpenInput(byte[] bytes) {
            this.bytes = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = bytes.read();
            if (b >= 0) {
                return b;
            }
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            if (length == 0) {
                return 0;
            }
            int n = bytes.read(buffer, offset, length);
            if (n > 0) {
                return n;
            }
            int b = read();
            if (b < 0) {
                return -1;
            }
            buffer[offset] = (byte) b;
            return 1;
        }

        @Override
        public int available() {
            return bytes.available();
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
