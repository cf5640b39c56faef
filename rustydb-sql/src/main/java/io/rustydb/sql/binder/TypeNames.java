package io.rustydb.sql.binder;

import io.rustydb.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Reads a type as JSqlParser hands it over ({@code "VARCHAR (10)"}, {@code "TIMESTAMP(6) WITH TIME ZONE"},
 * {@code "DOUBLE PRECISION"}): JSqlParser leaves the arguments inside the name, so they are split out here.
 */
final class TypeNames {
    private static final Pattern TYPE = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_ ]*?)\\s*(?:\\(([^)]*)\\)\\s*([A-Za-z ]*))?\\s*$");

    private TypeNames() {
    }

    static DataType toDataType(ColDataType type) {
        List<String> args = new ArrayList<>();
        if (type.getArgumentsStringList() != null) {
            args.addAll(type.getArgumentsStringList());
        }
        DataType parsed = parse(type.getDataType(), args);
        if (type.getArrayData() != null && !type.getArrayData().isEmpty()) { // INTEGER[], TEXT[3]
            if (type.getArrayData().size() > 1) {
                throw new io.rustydb.core.DbException(io.rustydb.core.ErrorCode.FEATURE_NOT_SUPPORTED,
                        "multidimensional array type " + type + " (only one-dimensional arrays are supported)");
            }
            return DataType.array(parsed);
        }
        return parsed;
    }

    static DataType parse(String written, List<String> extraArgs) {
        Matcher m = TYPE.matcher(written);
        String name = written;
        List<String> args = new ArrayList<>(extraArgs);
        if (m.matches()) {
            name = m.group(1);
            if (m.group(2) != null) {
                for (String a : m.group(2).split(",")) {
                    args.add(a.trim());
                }
            }
            if (m.group(3) != null && !m.group(3).isBlank()) {
                name = name + " " + m.group(3).trim();
            }
        }
        return DataType.parse(name.replaceAll("\\s+", " "), args);
    }
}
