package io.rustydb.jdbc.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Interactive input through JLine 3: line editing, and history kept in {@value #HISTORY_FILE_NAME} in the user's
 * home directory (if that file cannot be read or written the shell runs on without it; JLine logs a warning).
 *
 * <p>This is the only class of the shell that imports JLine, so scripts run without JLine on the class path.
 *
 * <p>JLine is told to leave the line alone: no {@code !} history expansion (which would also strip backslashes,
 * turning {@code \dt} into {@code dt}), no escape characters and no multi-line continuation of its own for
 * unclosed quotes — {@link StatementSplitter} decides where statements end.
 */
final class TerminalLineSource implements LineSource {

    /** History file, in the user's home directory. */
    static final String HISTORY_FILE_NAME = ".rustydb_history";

    private final Terminal terminal;
    private final LineReader reader;

    /** @param historyFile where history is kept, or {@code null} for history in memory only */
    private TerminalLineSource(Terminal terminal, Path historyFile) {
        this.terminal = terminal;
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("rustydb")
                .parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = builder.build();
    }

    /**
     * Opens the process's own terminal, calling {@code onInterrupt} when Ctrl-C is pressed while no line is being
     * read (that is, while a statement runs).
     */
    static TerminalLineSource system(Runnable onInterrupt) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        if (terminal.getWidth() <= 0) {
            terminal.setSize(new Size(80, 24)); // a pty without a window size (e.g. docker exec -t); see streams()
        }
        terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        return new TerminalLineSource(terminal, Path.of(System.getProperty("user.home"), HISTORY_FILE_NAME));
    }

    /**
     * An ANSI terminal emulated over the given streams, for driving the interactive shell from tests (a
     * {@code dumb} one would not turn Ctrl-D into end of input). Its history is not saved, so tests never touch the
     * user's history file.
     */
    static TerminalLineSource streams(InputStream in, OutputStream out) throws IOException {
        // The "exec" provider emulates the terminal in Java over the streams; native providers would open a pty.
        Terminal terminal = TerminalBuilder.builder().system(false).streams(in, out).type("ansi")
                .provider("exec").build();
        terminal.setSize(new Size(120, 40)); // a stream has no size; with none JLine cannot lay out the prompt
        return new TerminalLineSource(terminal, null);
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Interrupted();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            // The history file is a convenience; a read-only home directory must not fail the shell.
        } finally {
            terminal.close();
        }
    }
}
