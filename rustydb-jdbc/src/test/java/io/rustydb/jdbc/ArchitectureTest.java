package io.rustydb.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rule of DESIGN.md, checked on the production classes of every module on this module's class path
 * (rustydb-jdbc sits at the top, so it sees all of them): core → storage → index → txn → sql → security → jdbc, and
 * nothing imports upward. Also: only the parser front end touches JSqlParser, only the shell touches JLine, and
 * nobody touches JDK internals. Layers without classes yet (index, txn, security) are allowed to be empty.
 */
class ArchitectureTest {
    private static final String CORE = "io.rustydb.core..";
    private static final String STORAGE = "io.rustydb.storage..";
    private static final String INDEX = "io.rustydb.index..";
    private static final String TXN = "io.rustydb.txn..";
    private static final String SQL = "io.rustydb.sql..";
    private static final String SECURITY = "io.rustydb.security..";
    private static final String JDBC = "io.rustydb.jdbc..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rustydb");
    }

    @Test
    void importsEveryBuiltModule() {
        // Guards against a vacuous pass: the rules below only mean something if the layers were imported.
        for (String pkg : new String[] {"io.rustydb.core", "io.rustydb.storage", "io.rustydb.sql", "io.rustydb.jdbc"}) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)), "no classes imported from " + pkg);
        }
        assertFalse(classes.stream().anyMatch(c -> c.getName().endsWith("ArchitectureTest")),
                "test classes must not be imported");
    }

    @Test
    void layersOnlyDependDownward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("core").definedBy(CORE)
                .layer("storage").definedBy(STORAGE)
                .layer("index").definedBy(INDEX)
                .layer("txn").definedBy(TXN)
                .layer("sql").definedBy(SQL)
                .layer("security").definedBy(SECURITY)
                .layer("jdbc").definedBy(JDBC)
                .whereLayer("jdbc").mayNotBeAccessedByAnyLayer()
                .whereLayer("security").mayOnlyBeAccessedByLayers("jdbc")
                .whereLayer("sql").mayOnlyBeAccessedByLayers("security", "jdbc")
                .whereLayer("txn").mayOnlyBeAccessedByLayers("sql", "security", "jdbc")
                .whereLayer("index").mayOnlyBeAccessedByLayers("txn", "sql", "security", "jdbc")
                .whereLayer("storage").mayOnlyBeAccessedByLayers("index", "txn", "sql", "security", "jdbc")
                .check(classes);
    }

    @Test
    void coreImportsNoHigherLayer() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(STORAGE, INDEX, TXN, SQL, SECURITY, JDBC)
                .check(classes);
    }

    @Test
    void storageImportsNoHigherLayer() {
        noClasses().that().resideInAPackage(STORAGE)
                .should().dependOnClassesThat().resideInAnyPackage(INDEX, TXN, SQL, SECURITY, JDBC)
                .check(classes);
    }

    @Test
    void sqlImportsNeitherSecurityNorJdbc() {
        noClasses().that().resideInAPackage(SQL)
                .should().dependOnClassesThat().resideInAnyPackage(SECURITY, JDBC)
                .check(classes);
    }

    @Test
    void onlyParserAndBinderUseJSqlParser() {
        noClasses().that().resideOutsideOfPackages("io.rustydb.sql.parser..", "io.rustydb.sql.binder..")
                .should().dependOnClassesThat().resideInAPackage("net.sf.jsqlparser..")
                .check(classes);
    }

    @Test
    void nobodyUsesJdkInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("sun.misc..", "jdk.internal..")
                .check(classes);
    }

    @Test
    void onlyTheShellUsesJLine() {
        noClasses().that().resideOutsideOfPackage("io.rustydb.jdbc.shell..")
                .should().dependOnClassesThat().resideInAPackage("org.jline..")
                .check(classes);
    }

    @Test
    void frameworkIntegrationsStayInTheirPackagesAndUseOnlyJdbc() {
        // Hibernate and Flyway are provided (optional) dependencies: only the classes their service loaders load
        // may touch them, or a host without them would fail with NoClassDefFoundError.
        noClasses().that().resideOutsideOfPackage("io.rustydb.jdbc.hibernate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("io.rustydb.jdbc.flyway..")
                .should().dependOnClassesThat().resideInAPackage("org.flywaydb..")
                .check(classes);
        // They are clients like any other: SQL through java.sql, no engine internals.
        noClasses().that().resideInAnyPackage("io.rustydb.jdbc.hibernate..", "io.rustydb.jdbc.flyway..")
                .should().dependOnClassesThat().resideInAnyPackage(CORE, STORAGE, INDEX, TXN, SQL, SECURITY)
                .check(classes);
    }
}
