package org.consentplatform.adapter.out.mongo;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.consentplatform.application.port.StorageUnavailable;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageOutagesTest {

    @Test
    void anUnreachableStoreBecomesStorageUnavailable() {
        Supplier<String> timedOut = StorageOutages.guarded(Supplier.class, () -> {
            throw new MongoTimeoutException("no primary within 2000 ms");
        });
        Supplier<String> socketClosed = StorageOutages.guarded(Supplier.class, () -> {
            throw new MongoSocketReadException("closed", new ServerAddress());
        });

        assertThatThrownBy(timedOut::get).isInstanceOf(StorageUnavailable.class).hasCauseInstanceOf(MongoTimeoutException.class);
        assertThatThrownBy(socketClosed::get).isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void otherFailuresAndResultsPassThroughUnchanged() {
        IllegalStateException bug = new IllegalStateException("a bug");
        Supplier<String> failing = StorageOutages.guarded(Supplier.class, () -> {
            throw bug;
        });
        Supplier<String> working = StorageOutages.guarded(Supplier.class, () -> "value");

        assertThatThrownBy(failing::get).isSameAs(bug);
        assertThat(working.get()).isEqualTo("value");
        assertThat(working).isEqualTo(working).isNotEqualTo(failing);
    }
}
