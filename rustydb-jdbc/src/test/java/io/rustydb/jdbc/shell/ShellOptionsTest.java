package io.rustydb.jdbc.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.jdbc.shell.ShellOptions.OnError;
import io.rustydb.jdbc.shell.ShellOptions.UsageException;
import org.junit.jupiter.api.Test;

class ShellOptionsTest {

    @Test
    void noArgumentsOpensFreshInMemoryDatabase() throws UsageException {
        ShellOptions options = ShellOptions.parse();
        assertTrue(options.url().startsWith("jdbc:rustydb:mem:shell-"), options.url());
        assertNull(options.scriptFile());
        assertFalse(options.hasScriptFile());
        assertEquals(OnError.CONTINUE, options.onError());
        assertFalse(options.help());
        assertNotEquals(options.url(), ShellOptions.parse().url(), "each shell gets its own database");
    }

    @Test
    void jdbcUrlIsTakenAsIs() throws UsageException {
        assertEquals("jdbc:rustydb:mem:test", ShellOptions.parse("jdbc:rustydb:mem:test").url());
    }

    @Test
    void pathBecomesFileUrl() throws UsageException {
        assertEquals("jdbc:rustydb:file:data/app.db", ShellOptions.parse("data/app.db").url());
    }

    @Test
    void scriptFileAndOnError() throws UsageException {
        ShellOptions options = ShellOptions.parse("-f", "init.sql", "--on-error=stop", "jdbc:rustydb:mem:x");
        assertEquals("init.sql", options.scriptFile());
        assertTrue(options.hasScriptFile());
        assertEquals(OnError.STOP, options.onError());
        assertEquals("jdbc:rustydb:mem:x", options.url());
        assertEquals("b.sql", ShellOptions.parse("--file=b.sql").scriptFile());
        assertEquals(OnError.CONTINUE, ShellOptions.parse("--on-error=continue").onError());
    }

    @Test
    void help() throws UsageException {
        assertTrue(ShellOptions.parse("-h").help());
        assertTrue(ShellOptions.parse("x.db", "--help").help());
    }

    @Test
    void doubleDashEndsOptions() throws UsageException {
        assertEquals("jdbc:rustydb:file:-odd.db", ShellOptions.parse("--", "-odd.db").url());
    }

    @Test
    void badCommandLines() {
        assertThrows(UsageException.class, () -> ShellOptions.parse("--verbose"));
        assertThrows(UsageException.class, () -> ShellOptions.parse("-x"));
        assertThrows(UsageException.class, () -> ShellOptions.parse("-"));
        assertThrows(UsageException.class, () -> ShellOptions.parse("-f"));
        assertThrows(UsageException.class, () -> ShellOptions.parse("--file="));
        assertThrows(UsageException.class, () -> ShellOptions.parse("--on-error=maybe"));
        assertThrows(UsageException.class, () -> ShellOptions.parse("--on-error"));
        assertThrows(UsageException.class, () -> ShellOptions.parse("a.db", "b.db"));
        UsageException e = assertThrows(UsageException.class, () -> ShellOptions.parse("--bogus"));
        assertEquals("unknown option: --bogus", e.getMessage());
    }
}
