package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.parser.CreateSequenceIfNotExists;
import io.rustydb.sql.plan.BoundStatement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Sequence;
import net.sf.jsqlparser.statement.alter.sequence.AlterSequence;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * Binds {@code CREATE SEQUENCE [IF NOT EXISTS] s [AS SMALLINT|INTEGER|BIGINT] [START [WITH] n] [INCREMENT [BY] n]
 * [MINVALUE n | NO MINVALUE] [MAXVALUE n | NO MAXVALUE] [CYCLE | NO CYCLE] [CACHE n]} (also Oracle's NOMINVALUE,
 * NOMAXVALUE, NOCYCLE, NOCACHE, ORDER, NOORDER), {@code DROP SEQUENCE [IF EXISTS] s [, ...]} and
 * {@code ALTER SEQUENCE s RESTART [WITH n]}. Defaults as in PostgreSQL: BIGINT, INCREMENT 1; an ascending sequence
 * runs from MINVALUE 1 to the type's maximum, a descending one from MAXVALUE -1 down to the type's minimum; START is
 * MINVALUE (ascending) or MAXVALUE (descending). Inconsistent options are 22023, a repeated one 42601.
 */
final class SequenceBinder {
    private SequenceBinder() {
    }

    static BoundStatement.CreateSequence bindCreate(CreateSequence create, Catalog catalog) {
        Sequence s = create.getSequence();
        DataType type = s.getDataType() == null ? DataType.BIGINT : TypeNames.parse(s.getDataType(), List.of());
        io.rustydb.sql.catalog.QualifiedName name = Names.forCreate(catalog, s.getSchemaName(), s.getName());
        SequenceDef def = definition(name.name(), type, s.getParameters());
        return new BoundStatement.CreateSequence(name.schema(), def, create instanceof CreateSequenceIfNotExists);
    }

    static BoundStatement.DropSequence bindDrop(Drop drop, Catalog catalog) {
        if (drop.getParameters() != null && !drop.getParameters().isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP SEQUENCE " + String.join(" ",
                    drop.getParameters()));
        }
        List<io.rustydb.sql.catalog.QualifiedName> names = new ArrayList<>();
        List<net.sf.jsqlparser.schema.Table> written = drop.getNames() != null && !drop.getNames().isEmpty()
                ? drop.getNames() : List.of(drop.getName());
        for (net.sf.jsqlparser.schema.Table t : written) {
            names.add(Names.lookup(catalog, t));
        }
        return new BoundStatement.DropSequence(names, drop.isIfExists());
    }

    static BoundStatement.AlterSequence bindAlter(AlterSequence alter, Catalog catalog) {
        Sequence s = alter.getSequence();
        io.rustydb.sql.catalog.QualifiedName name = Names.lookup(catalog, s.getSchemaName(), s.getName());
        List<Sequence.Parameter> params = s.getParameters() == null ? List.of() : s.getParameters();
        if (params.size() != 1 || params.get(0).getOption() != Sequence.ParameterType.RESTART_WITH) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ALTER SEQUENCE other than RESTART [WITH n]");
        }
        SequenceFunctions.named(name, false, catalog); // 42P01 / 42809 now
        return new BoundStatement.AlterSequence(name, params.get(0).getValue());
    }

    /** The definition of sequence {@code name} of {@code type} with {@code params} (null: none), defaults filled in. */
    static SequenceDef definition(String name, DataType type, List<Sequence.Parameter> params) {
        long[] bounds = SequenceDef.bounds(type);
        Long start = null;
        Long increment = null;
        Long min = null;
        Long max = null;
        boolean cycle = false;
        long cache = 1;
        Set<Option> seen = EnumSet.noneOf(Option.class);
        for (Sequence.Parameter p : params == null ? List.<Sequence.Parameter>of() : params) {
            Sequence.ParameterType o = p.getOption();
            switch (o) {
                case START:
                case START_WITH:
                    once(seen, Option.START);
                    start = value(p);
                    break;
                case INCREMENT:
                case INCREMENT_BY:
                    once(seen, Option.INCREMENT);
                    increment = value(p);
                    break;
                case MINVALUE:
                    once(seen, Option.MINVALUE);
                    min = value(p);
                    break;
                case NOMINVALUE:
                case NO_MINVALUE:
                    once(seen, Option.MINVALUE);
                    break;
                case MAXVALUE:
                    once(seen, Option.MAXVALUE);
                    max = value(p);
                    break;
                case NOMAXVALUE:
                case NO_MAXVALUE:
                    once(seen, Option.MAXVALUE);
                    break;
                case CYCLE:
                    once(seen, Option.CYCLE);
                    cycle = true;
                    break;
                case NOCYCLE:
                case NO_CYCLE:
                    once(seen, Option.CYCLE);
                    break;
                case CACHE:
                    once(seen, Option.CACHE);
                    cache = value(p);
                    break;
                case NOCACHE:
                    once(seen, Option.CACHE);
                    break;
                case ORDER:
                case NOORDER:
                    break; // values are always handed out in order
                default:
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "sequence option " + p.formatParameter().trim());
            }
        }
        long inc = increment == null ? 1 : increment;
        long lo = min != null ? min : inc > 0 ? 1 : bounds[0];
        long hi = max != null ? max : inc > 0 ? bounds[1] : -1;
        long first = start != null ? start : inc > 0 ? lo : hi;
        return new SequenceDef(-1, name, type, first, inc, lo, hi, cycle, cache, -1, -1, SequenceDef.Identity.NONE);
    }

    private enum Option {
        START, INCREMENT, MINVALUE, MAXVALUE, CYCLE, CACHE
    }

    private static void once(Set<Option> seen, Option option) {
        if (!seen.add(option)) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "conflicting or redundant options: "
                    + option.name().toLowerCase(Locale.ROOT) + " given twice");
        }
    }

    private static long value(Sequence.Parameter p) {
        if (p.getValue() == null) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "sequence option " + p.getOption() + " needs a value");
        }
        return p.getValue();
    }
}
