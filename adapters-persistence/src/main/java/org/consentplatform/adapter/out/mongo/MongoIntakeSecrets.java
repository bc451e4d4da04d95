package org.consentplatform.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.consentplatform.application.port.out.IntakeSecrets;
import org.consentplatform.domain.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * One document per tenant, its secrets sealed under the tenant's key (envelope encryption, the
 * tenant and the secret's role as associated data): a dump of the store shows no secret, and a
 * sealed secret moved to another tenant or role does not open.
 */
public final class MongoIntakeSecrets implements IntakeSecrets {

    private final MongoCollection<Document> secrets;
    private final TenantKeyring keyring;

    public MongoIntakeSecrets(MongoStore store, TenantKeyring keyring) {
        this.secrets = store.collection(MongoStore.INTAKE_SECRETS);
        this.keyring = keyring;
    }

    @Override
    public Optional<Secrets> find(TenantId tenant) {
        Document doc = secrets.find(Filters.eq("_id", tenant.value())).first();
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new Secrets(open(tenant, doc.get("current", Binary.class), "current"), instant(doc.getDate("createdAt")),
                open(tenant, doc.get("previous", Binary.class), "previous"), instant(doc.getDate("previousUntil"))));
    }

    @Override
    public void save(TenantId tenant, Secrets stored) {
        secrets.replaceOne(Filters.eq("_id", tenant.value()), new Document("_id", tenant.value())
                        .append("current", seal(tenant, stored.current(), "current"))
                        .append("createdAt", Date.from(stored.createdAt()))
                        .append("previous", seal(tenant, stored.previous(), "previous"))
                        .append("previousUntil", stored.previousUntil() == null ? null : Date.from(stored.previousUntil())),
                new ReplaceOptions().upsert(true));
    }

    private Binary seal(TenantId tenant, String secret, String role) {
        return secret == null ? null
                : new Binary(keyring.seal(tenant, secret.getBytes(StandardCharsets.UTF_8), context(tenant, role)));
    }

    private String open(TenantId tenant, Binary sealed, String role) {
        if (sealed == null) {
            return null;
        }
        try {
            return new String(keyring.open(tenant, sealed.getData(), context(tenant, role)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the intake secret of tenant " + tenant + " does not open under its keys", e);
        }
    }

    private static String context(TenantId tenant, String role) {
        return "intake-secret|" + tenant.value() + "|" + role;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
