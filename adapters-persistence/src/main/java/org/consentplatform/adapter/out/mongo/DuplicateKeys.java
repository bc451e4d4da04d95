package org.consentplatform.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;

final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /**
     * Runs a write that a unique index may refuse.
     *
     * @return false when it was refused as a duplicate key (someone else got there first)
     */
    static boolean firstToWrite(Runnable write) {
        try {
            write.run();
            return true;
        } catch (MongoException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e.getCode() == 11000;
    }
}
