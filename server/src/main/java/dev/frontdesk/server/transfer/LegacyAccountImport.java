package dev.frontdesk.server.transfer;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.json.Json;
import dev.frontdesk.server.store.jdbc.JdbcAccountStore;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import tools.jackson.core.JacksonException;

/**
 * Imports a legacy user base from CSV ({@code frontdesk import-accounts}). The file is read twice and
 * never held in memory: the first pass checks every row (the core's account rules, a hash in a form the
 * server verifies, no user name twice) and writes nothing if one is wrong; the second inserts in
 * batches of {@link #BATCH} rows, one transaction each. Nothing is hashed here: a legacy hash is stored
 * as it is and replaced by an Argon2id hash at the account's next login ({@code LegacyAwareHasher}),
 * which is what makes a hundred thousand rows a matter of seconds. An account whose user name exists
 * already is left alone (counted as skipped): an import never overwrites an account that may have
 * logged in since.
 */
public final class LegacyAccountImport {
    public static final int BATCH = 2000;
    public static final List<String> COLUMNS = List.of("username", "type", "email", "firstName", "lastName",
            "passwordHash", "properties");
    /** A bare bcrypt hash as most legacy systems store it; stored with the {@code {bcrypt}} prefix. */
    private static final Pattern BARE_BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final int MAX_REPORTED_ERRORS = 50;

    private final Jdbi jdbi;
    private final PasswordHasher hashes;
    private final IdGenerator ids;
    private final Clock clock;

    public LegacyAccountImport(Jdbi jdbi, PasswordHasher hashes, IdGenerator ids, Clock clock) {
        this.jdbi = jdbi;
        this.hashes = hashes;
        this.ids = ids;
        this.clock = clock;
    }

    /** Receives the rows written so far; made for a known total, closed at the end. */
    public interface Progress extends AutoCloseable {
        void advance(long rows);

        @Override
        void close();
    }

    /** The outcome; {@code errors} lists at most 50 of {@code errorCount} problems, each with its line. */
    public record Summary(long rows, long created, long skipped, long errorCount, List<String> errors, boolean dryRun) {
    }

    public Summary run(Path csv, String tenant, boolean dryRun, LongFunction<Progress> progress) {
        boolean tenantExists = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenants WHERE id = :t")
                .bind("t", tenant).mapTo(Integer.class).one() > 0);
        if (!tenantExists && !Tenant.DEFAULT.equals(tenant)) {
            throw new IllegalArgumentException("unknown tenant: " + tenant);
        }
        List<String> errors = new ArrayList<>();
        long[] errorCount = {0};
        long rows = check(csv, tenant, (line, message) -> {
            errorCount[0]++;
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add("line " + line + ": " + message);
            }
        });
        if (errorCount[0] > 0) {
            return new Summary(rows, 0, 0, errorCount[0], errors, dryRun);
        }
        long created = 0;
        long skipped = 0;
        Set<String> existing = new HashSet<>(jdbi.withHandle(h -> h.createQuery(
                        "SELECT username_key FROM accounts WHERE tenant = :tenant").bind("tenant", tenant)
                .setFetchSize(BATCH).mapTo(String.class).list()));
        try (Progress bar = progress.apply(rows); CSVParser parser = open(csv)) {
            List<Account> batch = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                batch.add(account(record, tenant, ids.newId(), Instant.now(clock)));
                if (batch.size() == BATCH) {
                    long written = write(batch, existing, dryRun);
                    created += written;
                    skipped += batch.size() - written;
                    bar.advance(batch.size());
                    batch.clear();
                }
            }
            long written = write(batch, existing, dryRun);
            created += written;
            skipped += batch.size() - written;
            bar.advance(batch.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        if (!dryRun && created > 0) {
            long count = created;
            jdbi.useHandle(h -> new ImportAudit(ids, clock).record(h, tenant, "import-accounts: " + count
                    + " accounts created from " + csv.getFileName() + ", " + (rows - count) + " skipped"));
        }
        return new Summary(rows, created, skipped, 0, List.of(), dryRun);
    }

    /**
     * Inserts the accounts whose user names are new in one transaction; returns how many (or would, dry).
     * {@code existing} holds the tenant's user names as read before the first batch (one index range
     * scan: asking per batch with an IN list made H2 scan the tenant's rows, quadratic over an import).
     * Should someone create one of these names meanwhile, the insert fails on the unique key and the
     * batch is checked again name by name.
     */
    private long write(List<Account> batch, Set<String> existing, boolean dryRun) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Account> fresh = batch.stream().filter(a -> !existing.contains(JdbcAccountStore.key(a.username()))).toList();
        if (dryRun) {
            return fresh.size();
        }
        try {
            jdbi.useTransaction(h -> {
                DefaultTenant.ensure(h);
                JdbcAccountStore.insertAll(h, fresh);
            });
        } catch (JdbiException e) {
            return jdbi.inTransaction(h -> {
                List<Account> stillFresh = new ArrayList<>();
                for (Account account : fresh) {
                    boolean taken = h.createQuery("SELECT COUNT(*) FROM accounts WHERE tenant = :t AND username_key = :k")
                            .bind("t", account.tenant()).bind("k", JdbcAccountStore.key(account.username()))
                            .mapTo(Integer.class).one() > 0;
                    if (taken) {
                        existing.add(JdbcAccountStore.key(account.username()));
                    } else {
                        stillFresh.add(account);
                    }
                }
                JdbcAccountStore.insertAll(h, stillFresh);
                return (long) stillFresh.size();
            });
        }
        fresh.forEach(a -> existing.add(JdbcAccountStore.key(a.username())));
        return fresh.size();
    }

    private interface Errors {
        void add(long line, String message);
    }

    /** The first pass: every row checked, the count of rows returned. */
    private long check(Path csv, String tenant, Errors errors) {
        Set<String> seen = new HashSet<>();
        long rows = 0;
        try (CSVParser parser = open(csv)) {
            List<String> header = parser.getHeaderNames();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    errors.add(1, "unknown column \"" + column + "\" (columns: " + String.join(", ", COLUMNS) + ")");
                }
            }
            for (String required : List.of("username", "type")) {
                if (!header.contains(required)) {
                    errors.add(1, "missing column \"" + required + "\"");
                }
            }
            if (!header.contains("username") || !header.contains("type")) {
                return 0;
            }
            Instant now = Instant.now(clock);
            for (CSVRecord record : parser) {
                rows++;
                long line = parser.getCurrentLineNumber();
                try {
                    Account account = account(record, tenant, "check", now);
                    if (!seen.add(JdbcAccountStore.key(account.username()))) {
                        errors.add(line, "user name " + account.username() + " appears twice in the file");
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(line, e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            errors.add(0, "cannot read " + csv + ": " + e.getMessage());
        }
        return rows;
    }

    private Account account(CSVRecord record, String tenant, String id, Instant now) {
        if (!record.isConsistent()) {
            throw new IllegalArgumentException("expected " + record.getParser().getHeaderNames().size()
                    + " fields, found " + record.size());
        }
        String hash = normalizedHash(optional(record, "passwordHash"));
        if (hash != null && !hashes.recognizes(hash)) {
            throw new IllegalArgumentException("passwordHash is not in a supported form ({bcrypt}, {pbkdf2-sha256},"
                    + " {argon2id} or a bare $2a$/$2b$/$2y$ bcrypt hash)");
        }
        Map<String, String> properties;
        try {
            properties = Json.readStringMap(optional(record, "properties"));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("properties must be a JSON object of strings: " + e.getOriginalMessage());
        }
        String type = optional(record, "type");
        return new Account(id, tenant, record.get("username"), AccountType.fromWire(type == null ? "" : type),
                optional(record, "email"), optional(record, "firstName"), optional(record, "lastName"), null,
                List.of(), List.of(), true, hash, properties, now);
    }

    static String normalizedHash(String hash) {
        if (hash != null && BARE_BCRYPT.matcher(hash).matches()) {
            return "{bcrypt}" + hash;
        }
        return hash;
    }

    private static String optional(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isEmpty() ? null : value;
    }

    /** UTF-8 strictly (a legacy export in another encoding is refused rather than imported garbled). */
    private static CSVParser open(Path csv) throws IOException {
        Reader reader = new java.io.InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        java.io.BufferedReader buffered = new java.io.BufferedReader(reader, 1 << 16);
        buffered.mark(1);
        if (buffered.read() != '\uFEFF') { // a byte-order mark, as spreadsheet programs write: not part of the header
            buffered.reset();
        }
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .get().parse(buffered);
    }
}
