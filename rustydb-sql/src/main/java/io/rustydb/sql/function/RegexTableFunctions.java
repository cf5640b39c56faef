package io.rustydb.sql.function;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.SqlArray;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.PgRegex;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * PostgreSQL's set-returning regular expression functions: {@code regexp_split_to_table(source, pattern [, flags])}
 * (one row per piece) and {@code regexp_matches(source, pattern [, flags])} (one {@code TEXT[]} row per match: the
 * capture groups, or the whole match; only the first match unless the flags hold {@code g}).
 *
 * @param name which of the two
 * @param arity how many arguments the call has (2 or 3)
 */
record RegexTableFunctions(String name, int arity) implements SetReturningFunction {
    static SetReturningFunction resolve(String name, List<DataType> types) {
        if (types.size() < 2 || types.size() > 3) {
            throw TableFunctions.undefined(name, types);
        }
        for (DataType t : types) {
            if (t.id() != TypeId.NULL && !t.id().isString()) {
                throw TableFunctions.undefined(name, types);
            }
        }
        return new RegexTableFunctions(name, types.size());
    }

    @Override
    public List<DataType> argumentTypes() {
        return java.util.Collections.nCopies(arity, DataType.TEXT);
    }

    @Override
    public List<DataType> columnTypes() {
        return List.of(name.equals("regexp_matches") ? DataType.array(DataType.TEXT) : DataType.TEXT);
    }

    @Override
    public List<String> columnNames() {
        return List.of(name);
    }

    @Override
    public Iterator<Object[]> rows(Object[] arguments) {
        if (arguments[0] == null || arguments[1] == null || arity > 2 && arguments[2] == null) {
            return java.util.Collections.emptyIterator(); // strict: NULL in, no rows out
        }
        String source = (String) arguments[0];
        String flags = arity > 2 ? (String) arguments[2] : null;
        List<Object[]> rows = new ArrayList<>();
        if (name.equals("regexp_split_to_table")) {
            if (PgRegex.isGlobal(flags)) {
                throw new io.rustydb.core.DbException(io.rustydb.core.ErrorCode.INVALID_PARAMETER_VALUE,
                        name + "() does not support the \"global\" option");
            }
            for (String piece : PgRegex.split(source, PgRegex.compile((String) arguments[1], PgRegex.flags(flags, false)))) {
                rows.add(new Object[] {piece});
            }
            return rows.iterator();
        }
        Matcher m = PgRegex.compile((String) arguments[1], PgRegex.flags(flags, false)).matcher(source);
        boolean global = PgRegex.isGlobal(flags);
        while (m.find()) {
            if (m.groupCount() == 0) {
                rows.add(new Object[] {SqlArray.of(m.group())});
            } else {
                Object[] groups = new Object[m.groupCount()];
                for (int g = 1; g <= groups.length; g++) {
                    groups[g - 1] = m.group(g);
                }
                rows.add(new Object[] {SqlArray.of(groups)});
            }
            if (!global) {
                break;
            }
        }
        return rows.iterator();
    }
}
