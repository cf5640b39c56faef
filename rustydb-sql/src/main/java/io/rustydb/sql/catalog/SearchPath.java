package io.rustydb.sql.catalog;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A session's {@code search_path}: the schemas an unqualified name is looked up in, in order (the first that has
 * an object of that name wins), the first existing one being where {@code CREATE} puts an unqualified object.
 * Entries are schema names as set, which need not exist (PostgreSQL skips those). Immutable.
 */
public record SearchPath(List<String> schemas) {
    /** The path of a new session: {@code public}. */
    public static final SearchPath DEFAULT = new SearchPath(List.of(SchemaDef.PUBLIC));

    public SearchPath {
        schemas = List.copyOf(schemas);
    }

    /** A path of one schema (JDBC {@code Connection.setSchema}). */
    public static SearchPath of(String schema) {
        return new SearchPath(List.of(schema));
    }

    /** The schemas of the path that exist now, in order, without repeats. */
    public List<String> existing(Catalog catalog) {
        List<String> out = new ArrayList<>();
        for (String schema : schemas) {
            if (catalog.findSchema(schema) != null && !out.contains(schema)) {
                out.add(schema);
            }
        }
        return out;
    }

    /**
     * The schema an unqualified name that no schema of the path has is taken to be in: the first existing schema of
     * the path, else its first entry (which does not exist), else {@code ""} — so that lookups there find nothing.
     */
    public String fallback(Catalog catalog) {
        List<String> existing = existing(catalog);
        return !existing.isEmpty() ? existing.get(0) : schemas.isEmpty() ? "" : schemas.get(0);
    }

    /** Where an unqualified CREATE goes: the first existing schema of the path, or 3F000 if there is none. */
    public String creationSchema(Catalog catalog) {
        List<String> existing = existing(catalog);
        if (existing.isEmpty()) {
            throw new DbException(ErrorCode.NO_SCHEMA_SELECTED);
        }
        return existing.get(0);
    }

    /** The ids of the existing schemas of the path (how a view remembers the path it was created with). */
    public List<Integer> ids(Catalog catalog) {
        List<Integer> out = new ArrayList<>();
        for (String schema : existing(catalog)) {
            out.add(catalog.findSchema(schema).schemaId());
        }
        return out;
    }

    /** The path of the schemas with ids {@code ids} that still exist (a view's stored path). */
    public static SearchPath ofIds(Catalog catalog, List<Integer> ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            String name = catalog.schemaName(id);
            if (name != null) {
                out.add(name);
            }
        }
        return new SearchPath(out);
    }

    /** As {@code SHOW search_path} prints it: comma-separated, names quoted where SQL needs it. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (String schema : schemas) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(quoteIfNeeded(schema));
        }
        return out.toString();
    }

    /** {@code name} as SQL would have to write it to keep its spelling. */
    public static String quoteIfNeeded(String name) {
        boolean plain = !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 0; plain && i < name.length(); i++) {
            char c = name.charAt(i);
            plain = c == '_' || Character.isDigit(c) || Character.isLetter(c) && !Character.isUpperCase(c);
        }
        return plain && name.equals(name.toLowerCase(Locale.ROOT)) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
