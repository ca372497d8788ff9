package dev.frontdesk.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of DESIGN.md, checked on the compiled classes of every module (ArchUnit): dependencies
 * point downwards only (app -> doors -> HTTP edge -> core; adapters implement core ports and are
 * reached only from the composition root), doors never import each other, and core names no
 * protocol or storage technology, not even in strings (checked on its sources).
 */
class ArchitectureTest {
    private static final String SERVER = "dev.frontdesk.server";
    static final List<String> DOORS = List.of("egain", "iservice", "genesys", "nativeapi", "oauth", "admin",
            "console", "gateway");
    private static final String[] STORAGE_AND_PROTOCOL = {"java.sql..", "javax.sql..", "org.jdbi..", "io.lettuce..",
        "org.h2..", "com.zaxxer..", "org.postgresql..", "org.flywaydb..", "io.helidon..", "tools.jackson..",
        "com.fasterxml.jackson..", "javax.xml..", "org.w3c..", "org.xml..", "jakarta.mail..", "com.unboundid.."};
    /** Names core must not mention even in strings (reflection by name would hide a dependency). */
    private static final Pattern FORBIDDEN_IN_CORE_SOURCE = Pattern.compile(
            "java\\.sql|javax\\.sql|org\\.jdbi|io\\.lettuce|org\\.h2|com\\.zaxxer|org\\.postgresql|io\\.helidon|"
                    + "tools\\.jackson|com\\.fasterxml|\\bSELECT\\b|\\bINSERT INTO\\b|\\bjdbc:");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.frontdesk");
    }

    @Test
    void dependenciesPointDownwardsThroughTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy(SERVER, SERVER + ".cli..", SERVER + ".config..")
                .layer("Doors").definedBy(DOORS.stream().map(d -> SERVER + "." + d + "..").toArray(String[]::new))
                .layer("Edge").definedBy(SERVER + ".http..", SERVER + ".ops..", SERVER + ".json..")
                .layer("Adapters").definedBy(SERVER + ".store..", SERVER + ".transfer..")
                .layer("Core").definedBy("dev.frontdesk.core..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Doors").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Edge").mayOnlyBeAccessedByLayers("App", "Doors", "Adapters")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("App")
                .check(classes);
    }

    @Test
    void coreImportsNoProtocolOrStorageTypes() {
        noClasses().that().resideInAPackage("dev.frontdesk.core..")
                .should().dependOnClassesThat().resideInAnyPackage(STORAGE_AND_PROTOCOL)
                .orShould().dependOnClassesThat().resideInAPackage(SERVER + "..")
                .because("core knows nothing of HTTP, JSON, XML, SQL or Redis (DESIGN.md)")
                .check(classes);
    }

    @Test
    void doorsNeverImportEachOther() {
        for (String door : DOORS) {
            String[] others = DOORS.stream().filter(d -> !d.equals(door)).map(d -> SERVER + "." + d + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(SERVER + "." + door + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("a rule two doors need belongs in core or http/, not in one door")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void doorsNeverTouchStorage() {
        noClasses().that().resideInAnyPackage(DOORS.stream().map(d -> SERVER + "." + d + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..", "io.lettuce..",
                        SERVER + ".store..")
                .because("a door receives the core services it uses, never a store or a Jdbi")
                .check(classes);
    }

    @Test
    void storesNeverImportADoorOrTheHttpEdge() {
        noClasses().that().resideInAPackage(SERVER + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        Stream.concat(DOORS.stream().map(d -> SERVER + "." + d + ".."),
                                Stream.of(SERVER + ".http..", "io.helidon..")).toArray(String[]::new))
                .check(classes);
    }

    @Test
    void coreSourcesNameNoStorageOrProtocolTechnologyEvenInStrings() throws IOException {
        Path core = Path.of("..", "core", "src", "main", "java");
        assertThat(core).isDirectory();
        try (Stream<Path> files = Files.walk(core)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(ArchitectureTest::mentionsForbiddenName)
                    .map(p -> core.relativize(p).toString())
                    .toList();
            assertThat(offenders).as("core sources naming storage/protocol technology").isEmpty();
        }
    }

    private static boolean mentionsForbiddenName(Path file) {
        try {
            return Arrays.stream(Files.readString(file).split("\n"))
                    .anyMatch(line -> FORBIDDEN_IN_CORE_SOURCE.matcher(line).find());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
