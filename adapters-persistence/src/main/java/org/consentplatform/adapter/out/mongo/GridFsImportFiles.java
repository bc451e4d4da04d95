package org.consentplatform.adapter.out.mongo;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CloseableIterator;
import org.bson.Document;
import org.bson.types.Binary;
import org.consentplatform.application.port.out.ImportFiles;
import org.consentplatform.domain.load.ImportRow;
import org.consentplatform.domain.load.ImportSpec;
import org.consentplatform.domain.shared.DomainRejection;
import org.consentplatform.domain.tenant.TenantId;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Uploads in GridFS, written as they stream in and read back as rows: CSV through FastCSV
 * (RFC 4180, header line, UTF-8 with or without BOM), NDJSON line by line. Bytes that are not
 * UTF-8 make their row unreadable, not the file; so does a row longer than {@code maxRowChars}.
 * A file names people: it is encrypted as it streams in (Tink's streaming AEAD, AES-256-GCM-HKDF
 * in 1 MB segments) under a key of its own, wrapped by its tenant's KEK in the file's metadata,
 * and deleted when its load ends (ADR 37).
 */
public final class GridFsImportFiles implements ImportFiles {

    private static final char REPLACEMENT = '\uFFFD';
    /** A CSV record beyond this cannot be read past: the file fails there (rows up to it are loaded). */
    private static final int CSV_BUFFER = 4 * 1024 * 1024;

    private final GridFSBucket bucket;
    private final TenantKeyring keyring;
    private final long maxBytes;
    private final int maxRowChars;

    public GridFsImportFiles(MongoStore store, TenantKeyring keyring, long maxBytes, int maxRowChars) {
        this.bucket = store.files(MongoStore.IMPORT_FILES);
        this.keyring = keyring;
        this.maxBytes = maxBytes;
        this.maxRowChars = maxRowChars;
    }

    @Override
    public Stored store(TenantId tenant, String jobId, String fileName, InputStream content) {
        KeysetHandle fileKey;
        try {
            fileKey = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a file key cannot be made", e);
        }
        var upload = bucket.openUploadStream(jobId, new GridFSUploadOptions().metadata(new Document("fileName", fileName)
                .append("tenant", tenant.value()).append("fileKey", new Binary(keyring.wrap(tenant.value(), fileKey, owner(jobId))))));
        long bytes = 0;
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[64 * 1024];
        try (content) {
            OutputStream encrypted = streaming(fileKey).newEncryptingStream(upload, TenantKeyring.bytes(owner(jobId)));
            for (int read; (read = content.read(buffer)) != -1; ) {
                bytes += read;
                if (bytes > maxBytes) {
                    upload.abort();
                    throw DomainRejection.InvalidInput.of("file", "is larger than " + maxBytes + " bytes");
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
                encrypted.write(buffer, 0, read);
            }
            encrypted.close(); // the last segment, then the GridFS file document
        } catch (IOException | GeneralSecurityException e) {
            upload.abort();
            throw new UncheckedIOException("upload interrupted", e instanceof IOException io ? io : new IOException(e));
        }
        return new Stored(bytes, last == '\n' ? lines : lines + 1);
    }

    @Override
    public Rows open(TenantId tenant, String jobId, ImportSpec.Format format, long fromLine) {
        GridFSFile file = bucket.find(Filters.eq("filename", jobId)).first();
        if (file == null) {
            throw new Unreadable("the uploaded file is gone");
        }
        InputStream stored = bucket.openDownloadStream(file.getObjectId());
        Document metadata = file.getMetadata();
        InputStream plain = stored;
        if (metadata != null && metadata.containsKey("fileKey")) {
            try {
                KeysetHandle fileKey = keyring.unwrap(tenant.value(), metadata.get("fileKey", Binary.class).getData(), owner(jobId));
                plain = streaming(fileKey).newDecryptingStream(stored, TenantKeyring.bytes(owner(jobId)));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("the uploaded file of job " + jobId + " does not decrypt with its tenant's keys", e);
            }
        }
        Reader reader = new InputStreamReader(plain, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        return format == ImportSpec.Format.CSV ? new CsvRows(reader, fromLine) : new NdJsonRows(reader, fromLine);
    }

    @Override
    public void delete(String jobId) {
        for (GridFSFile file : bucket.find(Filters.eq("filename", jobId))) {
            bucket.delete(file.getObjectId());
        }
    }

    /** What a file's key and ciphertext are bound to: its job. */
    private static String owner(String jobId) {
        return "import-file|" + jobId;
    }

    private static StreamingAead streaming(KeysetHandle fileKey) throws GeneralSecurityException {
        return fileKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    }

    private String problem(String text) {
        if (text.indexOf(REPLACEMENT) >= 0) {
            return "is not valid UTF-8";
        }
        return text.length() > maxRowChars ? "is longer than " + maxRowChars + " characters" : null;
    }

    /** Rows found one ahead, so that {@code hasNext} can skip what is no row (blank lines, lines before the resume point). */
    private abstract static class LookaheadRows implements Rows {
        private ImportRow next;

        /** The next row, or null at the end. */
        abstract ImportRow read();

        @Override
        public final boolean hasNext() {
            if (next == null) {
                next = read();
            }
            return next != null;
        }

        @Override
        public final ImportRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ImportRow row = next;
            next = null;
            return row;
        }
    }

    private final class CsvRows extends LookaheadRows {
        private final CsvReader<CsvRecord> csv;
        private final CloseableIterator<CsvRecord> records;
        private final List<String> header;
        private final long fromLine;

        CsvRows(Reader reader, long fromLine) {
            this.csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true).allowUnclosedQuote(true)
                    .maxBufferSize(CSV_BUFFER).ofCsvRecord(reader);
            this.records = csv.iterator();
            this.fromLine = fromLine;
            if (!records.hasNext()) {
                close();
                throw new Unreadable("the file is empty: a CSV load needs a header line naming its columns");
            }
            var names = records.next().getFields().stream().map(String::strip).toList();
            if (!names.isEmpty() && names.getFirst().startsWith("\uFEFF")) { // the byte order mark, if any
                names = new java.util.ArrayList<>(names);
                names.set(0, names.getFirst().substring(1));
            }
            if (names.stream().anyMatch(name -> name.indexOf(REPLACEMENT) >= 0)) {
                close();
                throw new Unreadable("the header is not valid UTF-8: save the file as UTF-8");
            }
            this.header = List.copyOf(names);
        }

        @Override
        public Set<String> header() {
            return Collections.unmodifiableSet(new LinkedHashSet<>(header));
        }

        @Override
        ImportRow read() {
            while (true) {
                CsvRecord record;
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    record = records.next();
                } catch (CsvParseException e) {
                    throw new Unreadable("the file cannot be read past a row: " + e.getMessage());
                }
                if (record.getStartingLineNumber() >= fromLine && !(record.getFieldCount() == 1 && record.getField(0).isEmpty())) {
                    return row(record);
                }
            }
        }

        private ImportRow row(CsvRecord record) {
            long line = record.getStartingLineNumber();
            String problem = problem(String.join(",", record.getFields()));
            if (problem != null) {
                return ImportRow.unreadable(line, problem);
            }
            if (record.getFieldCount() < header.size()) {
                return ImportRow.unreadable(line, "has " + record.getFieldCount() + " cells where the header names "
                        + header.size() + " (a row cut short?)");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), record.getField(i));
            }
            return new ImportRow(line, cells, null);
        }

        @Override
        public void close() {
            try {
                csv.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** NDJSON, read a character at a time so that no line is held beyond the row limit. */
    private final class NdJsonRows extends LookaheadRows {
        private final Reader reader;
        private final long fromLine;
        private long line;
        private boolean ended;

        NdJsonRows(Reader reader, long fromLine) {
            this.reader = new java.io.BufferedReader(reader, 64 * 1024);
            this.fromLine = fromLine;
        }

        @Override
        public Set<String> header() {
            return Set.of();
        }

        @Override
        ImportRow read() {
            while (!ended) {
                var text = new StringBuilder();
                boolean tooLong = false;
                int c;
                try {
                    while ((c = reader.read()) != -1 && c != '\n') {
                        if (text.length() <= maxRowChars) {
                            text.append((char) c);
                        } else {
                            tooLong = true;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ended = c == -1;
                if (ended && text.isEmpty()) {
                    return null;
                }
                line++;
                if (line >= fromLine && !text.toString().isBlank()) {
                    return tooLong ? ImportRow.unreadable(line, "is longer than " + maxRowChars + " characters") : row(line, text.toString());
                }
            }
            return null;
        }

        private ImportRow row(long number, String text) {
            String problem = problem(text);
            if (problem != null) {
                return ImportRow.unreadable(number, problem);
            }
            Document object;
            try {
                object = Document.parse(text.strip());
            } catch (RuntimeException e) { // JsonParseException, or not an object at all
                return ImportRow.unreadable(number, "is not a JSON object (a row cut short?)");
            }
            Map<String, String> cells = new LinkedHashMap<>();
            object.forEach((name, value) -> {
                if (value instanceof Document nested) { // "evidence": {"wordingVersion": …} reads like its cells
                    nested.forEach((inner, innerValue) -> cells.put(inner, innerValue == null ? null : String.valueOf(innerValue)));
                } else {
                    cells.put(name, value == null ? null : String.valueOf(value));
                }
            });
            return new ImportRow(number, cells, null);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
