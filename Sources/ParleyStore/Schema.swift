/// The store's tables, as migrations both SQLite and PostgreSQL run unchanged.
///
/// Whole documents and events are kept as JSON text (`body`), so fields added to the model later are
/// stored without a migration; the other columns exist to be queried and indexed.
public enum StoreSchema {
    /// Every migration, oldest first. Never edit one that has shipped: append a new one.
    public static let migrations: [StoreMigration] = [
        StoreMigration(
            name: "v1-core",
            statements: [
                """
                CREATE TABLE documents (
                    key TEXT PRIMARY KEY, id TEXT NOT NULL, version BIGINT NOT NULL, text_hash TEXT NOT NULL,
                    title TEXT, url TEXT, outlet TEXT, published TEXT, day_number BIGINT,
                    shingle_count BIGINT NOT NULL, word_count BIGINT NOT NULL, duplicate_of TEXT,
                    event_count BIGINT NOT NULL, origin TEXT, body TEXT NOT NULL, stored_at TEXT NOT NULL)
                """,
                "CREATE INDEX documents_id ON documents(id)",
                "CREATE INDEX documents_duplicate ON documents(duplicate_of)",
                "CREATE INDEX documents_day ON documents(day_number)",
                """
                CREATE TABLE document_versions (
                    key TEXT NOT NULL, version BIGINT NOT NULL, text_hash TEXT NOT NULL, body TEXT NOT NULL,
                    superseded_at TEXT NOT NULL, PRIMARY KEY (key, version))
                """,
                """
                CREATE TABLE signatures (
                    document_key TEXT NOT NULL, kind BIGINT NOT NULL, hash BIGINT NOT NULL)
                """,
                "CREATE INDEX signatures_lookup ON signatures(kind, hash)",
                "CREATE INDEX signatures_document ON signatures(document_key)",
                """
                CREATE TABLE incidents (
                    id TEXT PRIMARY KEY, cameo_root TEXT NOT NULL, cameo TEXT NOT NULL, plover TEXT,
                    source TEXT NOT NULL, target TEXT NOT NULL, source_country TEXT NOT NULL,
                    target_country TEXT NOT NULL, actors TEXT NOT NULL, day TEXT, day_number BIGINT,
                    date_precision TEXT, place TEXT, admin1 TEXT, latitude DOUBLE PRECISION,
                    longitude DOUBLE PRECISION, modality TEXT NOT NULL, quad_class BIGINT,
                    goldstein DOUBLE PRECISION, reports BIGINT NOT NULL, document_key TEXT NOT NULL)
                """,
                "CREATE INDEX incidents_match ON incidents(cameo_root, day_number)",
                "CREATE INDEX incidents_day ON incidents(day_number)",
                """
                CREATE TABLE events (
                    id TEXT PRIMARY KEY, event_id TEXT NOT NULL, document_key TEXT NOT NULL,
                    document_id TEXT NOT NULL, sentence BIGINT NOT NULL, day TEXT, day_number BIGINT,
                    date_precision TEXT, source TEXT NOT NULL, target TEXT NOT NULL, source_country TEXT NOT NULL,
                    target_country TEXT NOT NULL, actors TEXT NOT NULL, cameo TEXT NOT NULL,
                    cameo_root TEXT NOT NULL, plover TEXT, quad_class BIGINT, goldstein DOUBLE PRECISION,
                    modality TEXT NOT NULL, place TEXT, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION,
                    incident_id TEXT NOT NULL, sentence_text TEXT NOT NULL, body TEXT NOT NULL)
                """,
                "CREATE INDEX events_document ON events(document_key)",
                "CREATE INDEX events_day ON events(day_number)",
                "CREATE INDEX events_root ON events(cameo_root, day_number)",
                "CREATE INDEX events_plover ON events(plover)",
                "CREATE INDEX events_incident ON events(incident_id)",
                "CREATE INDEX events_place ON events(latitude, longitude)",
                """
                CREATE TABLE failures (
                    item TEXT PRIMARY KEY, reason TEXT NOT NULL, failed_at TEXT NOT NULL, attempts BIGINT NOT NULL)
                """,
            ]),
        // Signatures become integer band rows keyed by a number standing for the document (a sketch column
        // keeps the full signatures for exact scores); tokens are stored as a compact table beside the body,
        // and a document's events only in the events table (in order); incident candidates are found by
        // root, modality and date precision.
        StoreMigration(
            name: "v2-bands",
            statements: StoreSchema.bandStatements(sqlite: false),
            sqlite: StoreSchema.bandStatements(sqlite: true)),
    ]

    static func bandStatements(sqlite: Bool) -> [String] {
        [
            "ALTER TABLE documents ADD COLUMN number BIGINT",
            "ALTER TABLE documents ADD COLUMN sketch TEXT",
            "ALTER TABLE documents ADD COLUMN token_table TEXT",
            "ALTER TABLE document_versions ADD COLUMN token_table TEXT",
            "ALTER TABLE events ADD COLUMN ordinal BIGINT",
            "CREATE INDEX documents_number ON documents(number)",
            "DROP TABLE signatures",
            "DROP INDEX incidents_match",
            "CREATE INDEX incidents_candidates ON incidents(cameo_root, modality, day_number)",
            "CREATE INDEX incidents_precision ON incidents(cameo_root, modality, date_precision, day_number)",
            """
            CREATE TABLE bands (
                kind BIGINT NOT NULL, hash BIGINT NOT NULL, doc BIGINT NOT NULL, PRIMARY KEY (kind, hash, doc))
            """
                + (sqlite ? " WITHOUT ROWID" : ""),
        ]
    }
}
