package org.consentplatform.acceptance.fuzz;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A hash of everything in storage, read with the driver behind the service's back. Left out is what background work changes on its own after an accepted write (delivery
 * and counting flags, report counters, checkpoints, leases): it follows from the change log,
 * which is in. Left out too is the one effect a refused capture must have (domain rules §11):
 * its REJECTED entry in the change log, and the record's position that moves with it; the
 * record's state stays in.
 */
final class StorageFingerprint {

    private static final Set<String> DERIVED_COLLECTIONS = Set.of("leases", "migrations", "tenant_checkpoints",
            "tenant_checkpoint_heads", "report_batches", "report_counters", "report_days");
    private static final List<String> BACKGROUND_FIELDS = List.of("published", "publishedAt", "counted", "projected");
    private static final List<String> RECORD_POSITION = List.of("seq", "headHash", "updatedAt");

    private final MongoDatabase database;

    StorageFingerprint(MongoDatabase database) {
        this.database = database;
    }

    String take() {
        var documents = new ArrayList<String>();
        for (String collection : database.listCollectionNames()) {
            if (DERIVED_COLLECTIONS.contains(collection)) {
                continue;
            }
            for (Document doc : database.getCollection(collection).find()) {
                if (collection.equals("consent_changes") && "REJECTED".equals(doc.getString("outcome"))) {
                    continue;
                }
                BACKGROUND_FIELDS.forEach(doc::remove);
                if (collection.equals("consent_records")) {
                    RECORD_POSITION.forEach(doc::remove);
                }
                documents.add(collection + ":" + doc.toJson());
            }
        }
        documents.sort(null);
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            documents.forEach(doc -> digest.update(doc.getBytes(StandardCharsets.UTF_8)));
            return documents.size() + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
