package io.rustydb.jdbc.flyway;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Splits migration scripts into statements: Flyway's standard SQL tokenizer (';' ends a statement, '...' strings,
 * "..." identifiers, -- and block comments). RustyDB has no procedural language, so no dollar-quoted bodies or
 * BEGIN ... END blocks need to be kept whole, and every statement may run inside a transaction.
 */
final class RustyDBParser extends Parser {
    RustyDBParser(Configuration configuration, ParsingContext parsingContext) {
        super(configuration, parsingContext, 3);
    }
}
