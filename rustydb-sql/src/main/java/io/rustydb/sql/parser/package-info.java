/**
 * The SQL front end's first step: text to JSqlParser AST, with syntax errors as 42601.
 *
 * <p>The only package besides the binder that may import JSqlParser.
 */
package io.rustydb.sql.parser;
